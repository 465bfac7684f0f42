"""Laying blocks out on exactly one page, at the largest size that fits.

Every size on the page follows from the body size, so one number decides
the layout; ``fit.largest_fitting`` finds it by laying the blocks out for
real (Paragraph and Table wrapping, the same flowables that are then drawn)
and comparing their height with the frame.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
from io import BytesIO

from reportlab.lib import pagesizes
from reportlab.lib.colors import black
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import inch
from reportlab.platypus import (
    BaseDocTemplate,
    Flowable,
    Frame,
    PageBreak,
    PageTemplate,
    Paragraph,
    Spacer,
    Table,
)

from ..errors import MeetingkitError
from . import fit
from .blocks import Block, Cell, Para, Role
from .fonts import FontSet
from .markup import escape_text
from .paper import PAPERS
from .pdfmeta import Meta, doc_kwargs
from .qr import QRCode, quiet_zone

PAGE_SIZES: dict[str, tuple[float, float]] = {name: getattr(pagesizes, name.upper()) for name in PAPERS}
"""Each of ``PAPERS`` as ReportLab's (width, height) in points."""
MARGIN = 0.4 * inch
LEADING = 1.1
SCALE = {Role.KICKER: 1.0, Role.TITLE: 1.5, Role.HEADING: 1.25, Role.TEXT: 1.0, Role.ITEM: 1.0}
BOLD = {Role.KICKER, Role.TITLE, Role.HEADING}
GUTTER = 1.3
"""Space between bilingual columns, in body sizes."""
HANG = 1.35
"""Indent of an item's text past its number ("12."), in body sizes."""
BOX_PAD = 0.5
RULE_GAP = 0.3
"""Space under a hairline, in body sizes."""
HAIRLINE = 0.5
SHARED_GAP = 0.25
"""Space between a block's columns and the line they share, in body sizes."""
EMPHASIS_CAP = 12.0
"""Titles and headings stand out by a share of the body size up to this
many points: large print needs large text, not even larger titles."""
_HUGE = 1e6
_SLACK = 0.01
"""Points left under the pushed-down block, so rounding never spills it onto a second page."""


@dataclass(frozen=True)
class PageSpec:
    paper: str
    floor: float
    ceiling: float
    fonts: FontSet
    meta: Meta


def role_size(role: Role, size: float) -> float:
    """A role's type size for body ``size``: never smaller than the body."""
    return size + (SCALE[role] - 1) * min(size, EMPHASIS_CAP)


def markup(p: Para, fonts: FontSet) -> str:
    """Paragraph markup for runs of user text; only the bold face is ours."""
    return "".join(
        f'<font face="{fonts.bold}">{escape_text(r.text)}</font>' if r.bold else escape_text(r.text)
        for r in p
    )


class Layout:
    """The blocks as ReportLab flowables at one body size, on one paper size."""

    def __init__(self, blocks: Sequence[Block], spec: PageSpec) -> None:
        self.blocks = blocks
        self.spec = spec
        page_w, page_h = PAGE_SIZES[spec.paper]
        self.width = page_w - 2 * MARGIN
        self.height = page_h - 2 * MARGIN
        self._measured: dict[float, _Measured] = {}
        self.corner_qr = blocks[0].qr if blocks and not blocks[0].boxed else ""
        """A QR code in the top right corner of the page: the margins are its quiet zone there."""

    def _style(self, role: Role, size: float) -> ParagraphStyle:
        fonts = self.spec.fonts
        font_size = role_size(role, size)
        indent = HANG * size if role is Role.ITEM else 0
        return ParagraphStyle(
            role.value,
            fontName=fonts.bold if role in BOLD else fonts.regular,
            fontSize=font_size,
            leading=font_size * LEADING,
            leftIndent=indent,
            bulletIndent=0,
            bulletFontName=fonts.bold,
            bulletFontSize=font_size,
        )

    def _cell(self, block: Block, cell: Cell, size: float) -> list[Flowable]:
        style = self._style(block.role, size)
        return [
            Paragraph(
                markup(p, self.spec.fonts),
                style,
                bulletText=block.marker if i == 0 and block.marker else None,
            )
            for i, p in enumerate(cell)
        ]

    def _lines_around(self, block: Block, size: float) -> tuple[list[Flowable], list[Flowable]]:
        """The kicker above a block's first cell and the byline under it."""
        above, below = [], []
        if block.kicker:
            kicker = ParagraphStyle("kicker", parent=self._style(Role.KICKER, size), spaceAfter=0.25 * size)
            above.append(Paragraph(escape_text(block.kicker), kicker))
        if block.byline:
            byline = ParagraphStyle("byline", parent=self._style(Role.TEXT, size), spaceBefore=0.3 * size)
            below.append(Paragraph(escape_text(block.byline), byline))
        return above, below

    def _block(self, block: Block, size: float) -> list[Flowable]:
        """A block's cells side by side (tops level), what they share across
        the columns below them, and its box, rule or QR code."""
        row: list[list[Flowable]] = [self._cell(block, cell, size) for cell in block.cells]
        shared = self._cell(replace(block, marker=""), block.shared, size)
        above, below = self._lines_around(block, size)
        row[0] = above + row[0] + below
        if len(row) == 1:
            row[0] += shared
            shared = []
            if not (block.boxed or block.ruled or block.qr or block.role is Role.HEADING):
                return row[0]
        texts = len(row)
        if block.qr:  # its quiet zone is the gutter
            row.append([QRCode(block.qr, in_corner=block is self.blocks[0] and self.corner_qr != "")])
        pad = BOX_PAD * size if block.boxed else 0.0
        gutter = GUTTER * size
        lefts = [pad] + [gutter] * (texts - 1) + ([0.0] if block.qr else [])
        rights = [0.0] * (len(row) - 1) + [pad]
        fixed = row[-1][0].width if block.qr else 0.0
        text_width = (self.width - sum(lefts) - sum(rights) - fixed) / texts
        contents = [text_width] * texts + ([fixed] if block.qr else [])
        widths = [c + left + right for c, left, right in zip(contents, lefts, rights, strict=True)]
        rows = [row, [shared] + [[] for _ in row[1:]]] if shared else [row]
        last = len(rows) - 1
        style: list[tuple] = [
            ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ("TOPPADDING", (0, 0), (-1, -1), pad),
            ("BOTTOMPADDING", (0, 0), (-1, -1), pad),
        ]
        for i, (left, right) in enumerate(zip(lefts, rights, strict=True)):
            style += [("LEFTPADDING", (i, 0), (i, -1), left), ("RIGHTPADDING", (i, 0), (i, -1), right)]
        if shared:
            style += [
                ("SPAN", (0, 1), (texts - 1, 1)),
                ("RIGHTPADDING", (0, 1), (0, 1), pad if not block.qr else 0.0),
                ("BOTTOMPADDING", (0, 0), (-1, 0), SHARED_GAP * size),
                ("TOPPADDING", (0, 1), (-1, 1), 0.0),
            ]
            if block.qr:
                style.append(("SPAN", (texts, 0), (texts, 1)))
        if block.boxed:
            style.append(("BOX", (0, 0), (-1, -1), 1.25, black))
        if block.ruled:
            style += [("LINEABOVE", (0, 0), (texts - 1, 0), HAIRLINE, black)]
            style += [("TOPPADDING", (0, 0), (-1, 0), RULE_GAP * size)]
        if block.role is Role.HEADING:
            style += [("LINEBELOW", (0, last), (texts - 1, last), 1, black)]
            style += [("BOTTOMPADDING", (0, last), (-1, last), 0.3 * size)]
        return [Table(rows, colWidths=widths, style=style)]

    def _measure(self, size: float) -> _Measured:
        if size not in self._measured:
            out: list[Flowable] = []
            bottom_at = None
            for n, block in enumerate(self.blocks):
                if n:
                    gap = block.space_before * size
                    if n == 1 and self.corner_qr:  # the white under the QR code in the corner
                        gap = max(gap, quiet_zone(self.corner_qr))
                    out.append(Spacer(0, gap))
                if block.at_bottom and bottom_at is None:
                    bottom_at = len(out)
                out += self._block(block, size)
            self._measured[size] = _Measured(out, stack_height(out, self.width), bottom_at)
        return self._measured[size]

    def overflow(self, size: float) -> float:
        """How far the page at ``size`` runs past the frame (negative: room left)."""
        return self._measure(size).height - self.height

    def flowables(self, size: float) -> list[Flowable]:
        """The page at body ``size`` as laid out when measured, with the
        ``at_bottom`` block pushed down to the foot of the page."""
        measured = self._measure(size)
        out = list(measured.flowables)
        if measured.bottom_at is not None:
            room = self.height - measured.height - _SLACK
            out.insert(measured.bottom_at, Spacer(0, max(0.0, room)))
        return out


@dataclass(frozen=True)
class _Measured:
    """Flowables built at one size, wrapped once to learn their height."""

    flowables: list[Flowable]
    height: float
    bottom_at: int | None


def stack_height(flowables: list[Flowable], width: float) -> float:
    """Height of flowables stacked in a frame as ReportLab's Frame stacks them: mostly explicit
    Spacers, but a style's own space after (the kicker's) or before counts too, except before
    the first and after the last; else a page measured to fit can print as two."""
    heights = sum(f.wrap(width, _HUGE)[1] for f in flowables)
    before = sum(f.getSpaceBefore() for f in flowables[1:])
    after = sum(f.getSpaceAfter() for f in flowables[:-1])
    return heights + before + after


def largest_size(layout: Layout) -> float | None:
    """The largest body size between the spec's floor and ceiling at which
    ``layout`` fits its page; ``None`` when even the floor does not.

    The floor is tried first when a page is far too long: one layout then
    settles it, which matters to a caller trying shorter versions in turn.
    """
    spec = layout.spec
    top = spec.ceiling
    guess = fit.estimate(top, layout.overflow(top) + layout.height, layout.height)
    if guess < spec.floor and layout.overflow(spec.floor) > 0:
        return None
    return fit.largest_fitting(lambda s: layout.overflow(s) <= 0, spec.floor, top, guess=guess)


def too_long(layout: Layout, cuts: Sequence[str]) -> MeetingkitError:
    """The error for a page that does not fit at its floor: how much is over, and ``cuts``."""
    spec = layout.spec
    over = layout.overflow(spec.floor)
    return MeetingkitError(fit.overflow_message(over, layout.height, spec.floor * LEADING, spec.floor, cuts))


def fitted_page(blocks: Sequence[Block], spec: PageSpec, cuts: Sequence[str] = ()) -> tuple[bytes, float]:
    """One page of ``blocks`` at the largest body size between the floor and
    the ceiling that fits; returns the PDF and that size.

    If even the floor does not fit, nothing is drawn: the error says how much
    is over and offers ``cuts``, the caller's ideas of what to leave out.
    """
    layout = Layout(blocks, spec)
    size = largest_size(layout)
    if size is None:
        raise too_long(layout, cuts)
    return render([layout], size), size


def render(layouts: Sequence[Layout], size: float) -> bytes:
    """Each layout on a page of its own, all at body ``size``, in one PDF
    (the metadata of the first)."""
    spec = layouts[0].spec
    buffer = BytesIO()
    frame = Frame(
        MARGIN,
        MARGIN,
        layouts[0].width,
        layouts[0].height,
        leftPadding=0,
        rightPadding=0,
        topPadding=0,
        bottomPadding=0,
    )
    doc = BaseDocTemplate(
        buffer,
        pagesize=PAGE_SIZES[spec.paper],
        pageTemplates=[PageTemplate("page", [frame])],
        **doc_kwargs(spec.meta),
    )
    story: list[Flowable] = []
    for layout in layouts:
        if story:
            story.append(PageBreak())
        story += layout.flowables(size)
    doc.build(story)
    if doc.page != len(layouts):
        raise RuntimeError(f"{len(layouts)} fitted pages came out as {doc.page}")
    return buffer.getvalue()
