"""The accountability report on paper, for a meeting packet or a reporter.

It says what the Markdown report says (both dress ``report_text``), as clear
tables that may run over several pages: the header row repeats on each page,
and every page carries the "as of" date and "Page n of N", so a loose sheet
still says when it was true. Every user string is escaped, and the font is
checked for every character, by the same code as the handout.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from reportlab.lib.colors import black
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import inch
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import Flowable, KeepTogether, Paragraph, Spacer, Table, TableStyle

from .. import report_text as rt
from ..model import Settings
from ..tracker import Summary
from .fonts import FontSet, choose
from .markup import escape_text
from .page import PAGE_SIZES
from .pdfmeta import Meta
from .testimony_pdf import numbered_pdf

if TYPE_CHECKING:
    from ..ice import Match
    from ..requests import RequestRow

BODY = 10.0
"""Body size in points: the handout's floor, so nothing prints smaller except the footer."""
MARGIN = 0.6 * inch
CELL_PAD = 5.0


class _Styles:
    def __init__(self, fonts: FontSet) -> None:
        base = ParagraphStyle("body", fontName=fonts.regular, fontSize=BODY, leading=BODY * 1.3)
        self.fonts = fonts
        self.body = base
        self.title = ParagraphStyle(
            "title", base, fontName=fonts.bold, fontSize=BODY * 1.8, leading=BODY * 2.2
        )
        self.h2 = self._heading("h2", 1.35, BODY)
        self.h3 = self._heading("h3", 1.1, BODY * 0.8)
        self.quote = ParagraphStyle("quote", base, leftIndent=BODY * 1.5)
        self.item = ParagraphStyle("item", base, leftIndent=BODY * 1.5, bulletIndent=BODY * 0.3)
        self.sub = ParagraphStyle("sub", base, leftIndent=BODY * 3, bulletIndent=BODY * 1.8)
        self.cell = base
        self.head_cell = ParagraphStyle("head", base, fontName=fonts.bold)
        self.number = ParagraphStyle("number", base, alignment=2)

    def _heading(self, name: str, scale: float, space_before: float) -> ParagraphStyle:
        """Bold, and never left alone at the foot of a page."""
        size = BODY * scale
        return ParagraphStyle(
            name,
            self.body,
            fontName=self.fonts.bold,
            fontSize=size,
            leading=size * 1.3,
            spaceBefore=space_before,
            keepWithNext=1,
        )

    def p(self, text: str, style: ParagraphStyle | None = None, bullet: str | None = None) -> Paragraph:
        return Paragraph(escape_text(text), style or self.body, bulletText=bullet)

    def bold(self, text: str) -> str:
        return f'<font face="{self.fonts.bold}">{escape_text(text)}</font>'


def _widths(table: rt.Table, width: float, fonts: FontSet) -> list[float]:
    """Column widths from what the cells hold: never narrower than a column's
    longest word (so "2026-11-06" and "Deflected" stay whole), the rest of
    the room shared by how much more each column would like."""
    need, want = [], []
    for i, head in enumerate(table.header):
        cells = [(head, fonts.bold)] + [(row[i], fonts.regular) for row in table.rows]
        longest = max((stringWidth(w, f, BODY) for text, f in cells for w in text.split()), default=0.0)
        need.append(longest + 2 * CELL_PAD)
        want.append(max(stringWidth(text, f, BODY) for text, f in cells) + 2 * CELL_PAD)
    if sum(need) >= width:
        return [width * n / sum(need) for n in need]
    if sum(want) <= width:
        text_columns = [i for i in range(len(want)) if i not in table.numeric] or list(range(len(want)))
        spare = (width - sum(want)) / sum(want[i] for i in text_columns)
        return [w * (1 + spare) if i in text_columns else w for i, w in enumerate(want)]
    room = (width - sum(need)) / (sum(want) - sum(need))
    return [n + (w - n) * room for n, w in zip(need, want, strict=True)]


def _table(table: rt.Table, s: _Styles, width: float) -> list[Flowable]:
    rows = [[Paragraph(s.bold(h), s.head_cell) for h in table.header]]
    for row in table.rows:
        rows.append(
            [Paragraph(escape_text(c), s.number if i in table.numeric else s.cell) for i, c in enumerate(row)]
        )
    grid = Table(rows, colWidths=_widths(table, width, s.fonts), repeatRows=1)
    grid.setStyle(
        TableStyle(
            [
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("GRID", (0, 0), (-1, -1), 0.5, black),
                ("LINEBELOW", (0, 0), (-1, 0), 1.5, black),
                ("LEFTPADDING", (0, 0), (-1, -1), CELL_PAD),
                ("RIGHTPADDING", (0, 0), (-1, -1), CELL_PAD),
                ("TOPPADDING", (0, 0), (-1, -1), 3),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 4),
            ]
        )
    )
    return [s.p(table.title, s.h2), grid]


def _questions(questions: list[rt.QuestionText], s: _Styles) -> list[Flowable]:
    out: list[Flowable] = []
    for q in questions:
        latest = Paragraph(f"{escape_text(q.times)}; latest: {s.bold(q.latest)}.", s.body)
        # The section heading travels with the first question, never alone at a page's foot.
        heading = [] if out else [s.p("Questions", s.h2)]
        title = s.p(f"{q.number}. {q.topic}", s.h3)
        out.append(KeepTogether([*heading, title, s.p(q.text, s.quote), latest]))
        for asked in q.asked:
            entry = [
                Paragraph(f"{s.bold(asked.where)}: {escape_text(asked.outcome)}", s.item, bulletText="•")
            ]
            if asked.said:
                entry.append(s.p(f"“{asked.said}”", s.sub))
            for label, value in (("Source", asked.source), ("Private notes", asked.notes)):
                if value:
                    entry.append(s.p(f"{label}: {value}", s.sub))
            out.append(KeepTogether(entry))
        if q.cited:
            out.append(KeepTogether([s.p(line, s.item, bullet="•") for line in q.cited]))
        for p in q.promises:
            lead = escape_text(f"Promise ({p.official}): " if p.official else "Promise: ")
            head = f"{lead}{escape_text(p.what)} — {escape_text(p.due)} — {s.bold(p.standing)}"
            entry = [Paragraph(head, s.item, bulletText="•")]
            entry += [s.p(line, s.sub, bullet="–") for line in p.history]
            out.append(KeepTogether(entry))
    return out


def _texts(
    summary: Summary, settings: Settings, tables: list[rt.Table], questions: list[rt.QuestionText]
) -> list[tuple[str, str]]:
    """Every string the report prints, with where it is, for the font check."""
    texts = [("the title", rt.title(settings)), ("the title", rt.byline(settings))]
    texts += [("a table", cell) for t in tables for row in [t.header, *t.rows] for cell in row]
    for q in questions:
        where = f"question {q.number}"
        texts += [(where, q.topic), (where, q.text), *((where, line) for line in q.cited)]
        texts += [(where, x) for a in q.asked for x in (a.where, a.outcome, a.said, a.source, a.notes)]
        texts += [(where, x) for p in q.promises for x in (p.official, p.what, *p.history)]
    texts += [("the meetings", x) for pair in rt.meetings(summary) for x in pair]
    return texts


def report_pdf(
    summary: Summary,
    settings: Settings,
    requests: Sequence[RequestRow] = (),
    ice: Match | None = None,
    *,
    paper: str = "letter",
    font: Path | None = None,
    left_out: list[str] | None = None,
) -> bytes:
    """The report as a PDF of as many pages as it needs: what the Markdown says,
    overdue records requests and ICE's list against an answer included;
    ``left_out`` names the files that could not be read, said under the introduction."""
    missing = rt.left_out(left_out or [])
    as_of = rt.day(summary.as_of)
    private = " · INCLUDES PRIVATE NOTES" if summary.include_private else ""

    def footer(n: int, total: int) -> str:
        return f"{settings.group or 'meetingkit'} · as of {as_of}{private} · Page {n} of {total}"

    late = rt.requests_table(requests)
    tables = [*rt.tables(summary), *([late] if late else [])]
    questions = rt.questions(summary, ice)
    fonts = choose(
        [
            *_texts(summary, settings, tables, questions),
            ("the page footer", footer(99, 99)),
            *(("left out", m) for m in missing),
        ],
        font,
    )
    s = _Styles(fonts)
    width = PAGE_SIZES[paper][0] - 2 * MARGIN

    def story() -> list[Flowable]:
        out: list[Flowable] = [
            s.p(rt.title(settings), s.title),
            s.p(rt.byline(settings)),
            s.p(rt.intro(summary)),
        ]
        if missing:
            out += [Paragraph(s.bold(missing[0]), s.body), *(s.p(f, s.item, bullet="•") for f in missing[1:])]
        if summary.include_private:
            out.append(Paragraph(s.bold(rt.closing(summary)), s.body))
        out += [s.p("At a glance", s.h2), *(s.p(line, s.item, bullet="•") for line in rt.glance(summary))]
        for table in tables:
            out += _table(table, s, width)
        out += _questions(questions, s)
        out += [s.p("Meetings", s.h2)]
        entries = []
        for line, notes in rt.meetings(summary):
            entry = [s.p(line, s.item, bullet="•")]
            if notes:
                entry.append(s.p(f"Private notes: {notes}", s.sub))
            entries.append(entry)
        closing = [Spacer(0, BODY), s.p(rt.closing(summary))]
        if entries:  # the closing line never stands alone on a last page
            entries[-1] += closing
        return [*out, *(KeepTogether(e) for e in entries or [closing])]

    meta = Meta(
        title=f"{rt.title(settings)} (as of {as_of})",
        author=settings.group or "meetingkit",
        subject="Accountability report: answers and promises on the public record",
        lang=rt.LANG,
    )
    return numbered_pdf(story, footer, fonts, paper, MARGIN, BODY * 0.85, meta)
