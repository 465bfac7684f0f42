"""Laying blocks out on exactly one page, at the largest size that fits.

Every size on the page follows from the body size, so one number decides
the layout; ``fit.largest_fitting`` finds it by laying the blocks out for
real (Paragraph and Table wrapping, the same flowables that are then drawn)
and comparing their height with the frame.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from io import BytesIO

from reportlab.lib.colors import black
from reportlab.lib.pagesizes import A4, LETTER
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import inch
from reportlab.platypus import BaseDocTemplate, Flowable, Frame, PageTemplate, Paragraph, Spacer, Table

from ..errors import MeetingkitError
from . import fit
from .blocks import Block, Cell, Para, Role
from .fonts import FontSet
from .markup import escape_text
from .pdfmeta import Meta, doc_kwargs
from .qr import QRCode

PAPERS = {"letter": LETTER, "a4": A4}
MARGIN = 0.5 * inch
LEADING = 1.2
SCALE = {Role.KICKER: 1.0, Role.TITLE: 1.7, Role.HEADING: 1.25, Role.TEXT: 1.0, Role.ITEM: 1.0}
BOLD = {Role.KICKER, Role.TITLE, Role.HEADING}
GUTTER = 1.6
"""Space between bilingual columns, in body sizes."""
HANG = 1.9
"""Indent of an item's text past its number ("12."), in body sizes."""
BOX_PAD = 0.6
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
        page_w, page_h = PAPERS[spec.paper]
        self.width = page_w - 2 * MARGIN
        self.height = page_h - 2 * MARGIN
        self._measured: dict[float, _Measured] = {}

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

    def _block(self, block: Block, size: float) -> list[Flowable]:
        """A block's cells side by side (tops level), with its box, rule or QR code."""
        row: list[list[Flowable]] = [self._cell(block, cell, size) for cell in block.cells]
        if len(row) == 1 and not (block.boxed or block.qr or block.role is Role.HEADING):
            return row[0]
        texts = len(row)
        if block.qr:
            row.append([QRCode(block.qr)])
        pad = BOX_PAD * size if block.boxed else 0.0
        gutter = GUTTER * size
        lefts = [pad] + [gutter] * (len(row) - 1)
        rights = [0.0] * (len(row) - 1) + [pad]
        fixed = row[-1][0].width if block.qr else 0.0
        text_width = (self.width - sum(lefts) - sum(rights) - fixed) / texts
        contents = [text_width] * texts + ([fixed] if block.qr else [])
        widths = [c + left + right for c, left, right in zip(contents, lefts, rights, strict=True)]
        style: list[tuple] = [
            ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ("TOPPADDING", (0, 0), (-1, -1), pad),
            ("BOTTOMPADDING", (0, 0), (-1, -1), pad),
        ]
        for i, (left, right) in enumerate(zip(lefts, rights, strict=True)):
            style += [("LEFTPADDING", (i, 0), (i, 0), left), ("RIGHTPADDING", (i, 0), (i, 0), right)]
        if block.boxed:
            style.append(("BOX", (0, 0), (-1, -1), 1.25, black))
        if block.role is Role.HEADING:
            style += [("LINEBELOW", (0, 0), (texts - 1, 0), 1, black)]
            style += [("BOTTOMPADDING", (0, 0), (-1, -1), 0.3 * size)]
        return [Table([row], colWidths=widths, style=style)]

    def _measure(self, size: float) -> _Measured:
        if size not in self._measured:
            out: list[Flowable] = []
            bottom_at = None
            for n, block in enumerate(self.blocks):
                if n:
                    out.append(Spacer(0, block.space_before * size))
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
    """Height of flowables stacked in a frame: spacing is all in explicit Spacers."""
    return sum(f.wrap(width, _HUGE)[1] for f in flowables)


def fitted_page(blocks: Sequence[Block], spec: PageSpec, cuts: Sequence[str] = ()) -> tuple[bytes, float]:
    """One page of ``blocks`` at the largest body size between the floor and
    the ceiling that fits; returns the PDF and that size.

    If even the floor does not fit, nothing is drawn: the error says how much
    is over and offers ``cuts``, the caller's ideas of what to leave out.
    """
    layout = Layout(blocks, spec)
    top = spec.ceiling
    guess = fit.estimate(top, layout.overflow(top) + layout.height, layout.height)
    size = fit.largest_fitting(lambda s: layout.overflow(s) <= 0, spec.floor, top, guess=guess)
    if size is None:
        over = layout.overflow(spec.floor)
        raise MeetingkitError(
            fit.overflow_message(over, layout.height, spec.floor * LEADING, spec.floor, cuts)
        )
    return render(layout, size), size


def render(layout: Layout, size: float) -> bytes:
    spec = layout.spec
    buffer = BytesIO()
    frame = Frame(
        MARGIN,
        MARGIN,
        layout.width,
        layout.height,
        leftPadding=0,
        rightPadding=0,
        topPadding=0,
        bottomPadding=0,
    )
    doc = BaseDocTemplate(
        buffer,
        pagesize=PAPERS[spec.paper],
        pageTemplates=[PageTemplate("page", [frame])],
        **doc_kwargs(spec.meta),
    )
    doc.build(layout.flowables(size))
    if doc.page != 1:
        raise RuntimeError(f"a fitted page came out as {doc.page} pages")
    return buffer.getvalue()
