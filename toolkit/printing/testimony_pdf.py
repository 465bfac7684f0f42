"""A speaker's testimony on paper: the speaker copy and the written copy.

The speaker copy is read aloud at the podium, often by someone nervous,
under poor light: large type, generous line spacing, the speaking time
against the limit at the top, no paragraph broken across a page turn, and
page numbers in case the sheets fall. The written copy is the same text as a
formal letter to the body, to hand to the clerk for the record.
"""

from __future__ import annotations

import gettext
import re
from collections.abc import Callable
from dataclasses import dataclass
from io import BytesIO
from pathlib import Path

from reportlab.lib.colors import black
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import inch
from reportlab.platypus import Flowable, HRFlowable, KeepTogether, Paragraph, SimpleDocTemplate, Spacer, Table

from ..bank import placeholder_values
from ..errors import MeetingkitError
from ..locale import speaks, words
from ..locale.dates import format_clock, format_full_day
from ..model import Meeting, Settings, Testimony, text_for
from ..testimony import mmss, spoken_text, timing
from .blocks import Para, Run, para
from .fonts import FontSet, choose
from .markup import escape_text
from .page import PAGE_SIZES, markup
from .pdfmeta import Meta, doc_kwargs
from .words import upper_first


@dataclass(frozen=True)
class Look:
    """Type size and spacing of one kind of copy."""

    size: float
    leading: float
    """Line height as a multiple of the size."""
    margin: float
    footer_size: float


SPEAKER = Look(16, 1.5, 0.75 * inch, 16)
SPEAKER_LARGE = Look(20, 1.5, 0.75 * inch, 20)
WRITTEN = Look(12, 1.4, inch, 9.5)


def copy_look(written: bool, large_print: bool) -> Look:
    """The written copy is a letter in letter-sized type; large print is for the podium."""
    return WRITTEN if written else SPEAKER_LARGE if large_print else SPEAKER


def paragraphs(text: str) -> list[str]:
    """What is read aloud, in paragraphs: hints removed, blank lines between."""
    chunks = (chunk.strip() for chunk in spoken_text(text).replace("\r\n", "\n").split("\n\n"))
    return [chunk for chunk in chunks if chunk]


@dataclass(frozen=True)
class _Copy:
    """Everything one printed copy needs besides its layout."""

    settings: Settings
    meeting: Meeting
    testimony: Testimony
    words: gettext.NullTranslations
    body: str
    day: str
    """The meeting's date, mid-line: "domingo, 13 de diciembre de 2026"."""
    paragraphs: list[str]


def testimony_pdf(
    settings: Settings,
    meeting: Meeting,
    testimony: Testimony,
    *,
    written: bool = False,
    large_print: bool = False,
    paper: str = "letter",
    font: Path | None = None,
) -> bytes:
    lang = meeting.language
    speaks(lang, "testimony copies")
    body = placeholder_values(settings, meeting, lang).get("body", meeting.body)
    copy = _Copy(
        settings,
        meeting,
        testimony,
        words(lang),
        upper_first(body),
        format_full_day(meeting.date, lang),
        paragraphs(testimony.text),
    )
    if not copy.paragraphs:
        raise MeetingkitError(
            f"{testimony.speaker}'s testimony for {meeting.id} is empty; write it first "
            f"(`meetingkit testimony draft {meeting.id} --speaker …` shows the file)"
        )
    title = _written_title(copy) if written else _speaker_title(copy)
    meta = Meta(
        title=f"{title} ({copy.body}, {copy.day})",
        author=testimony.speaker,
        subject=copy.words.pgettext("testimony metadata", "Public comment at the {body}, {date}").format(
            body=body, date=copy.day
        ),
        lang=lang,
    )
    return paged_pdf(
        _written(copy) if written else _speaker(copy),
        ("the testimony", copy.paragraphs),
        _signature(copy) if written else [],
        _written_footer(copy) if written else _speaker_footer(copy),
        meta,
        look=copy_look(written, large_print),
        written=written,
        paper=paper,
        font=font,
    )


def paged_pdf(
    header: list[Line],
    body: tuple[str, list[str]],
    signature: list[Line],
    footer: Callable[[int, int], str],
    meta: Meta,
    *,
    look: Look,
    written: bool,
    paper: str,
    font: Path | None,
) -> bytes:
    """Header lines, the paragraphs (lists hung), a signature, numbered pages.

    Shared by the testimony copies and the records-request letters, so every
    letter meetingkit prints has one look. ``body`` is (what it is, for a
    glyph error; its paragraphs).
    """
    what, chunks = body
    texts = [(what, p) for p in chunks]
    texts += [("the page header", run.text) for line, _ in header + signature for run in line]
    texts.append(("the page footer", footer(99, 99)))
    fonts = choose(texts, font)
    layout = _Layout(fonts, look, written)
    return numbered_pdf(
        lambda: layout.story(header, chunks, signature),
        footer,
        fonts,
        paper,
        look.margin,
        look.footer_size,
        meta,
    )


Line = tuple[Para, str]
"""A header or signature line and how it looks: "title", "text", "box" or "rule"."""


def _speaker_title(copy: _Copy) -> str:
    return copy.words.pgettext("testimony copy", "Testimony of {speaker}").format(
        speaker=copy.testimony.speaker
    )


def _written_title(copy: _Copy) -> str:
    return copy.words.pgettext("testimony copy", "Written testimony for the record")


def _speaker(copy: _Copy) -> list[Line]:
    w, t, lang = copy.words, copy.testimony, copy.meeting.language
    tm = timing(t.text, copy.meeting.minutes, copy.settings.wpm)
    estimate = w.pgettext(
        "testimony copy", "Speaking time: about {est} ({words} words at {wpm} a minute). Limit: {limit}."
    ).format(est=mmss(tm.seconds), words=tm.words, wpm=tm.wpm, limit=mmss(tm.limit_seconds))
    over = Run("")
    if tm.spare_words < 0:
        text = w.npgettext(
            "testimony copy",
            "{n} word over the limit: cut before you speak.",
            "{n} words over the limit: cut before you speak.",
            -tm.spare_words,
        )
        over = Run(" " + text.format(n=-tm.spare_words), bold=True)
    when = copy.day
    if copy.meeting.time:
        when = w.pgettext("handout: date and time", "{date}, {time}").format(
            date=when, time=format_clock(copy.meeting.time, lang)
        )
    return [
        (para(_speaker_title(copy)), "title"),
        (para(f"{copy.body} · {when}"), "text"),
        (para(estimate, over), "box"),
    ]


def _written(copy: _Copy) -> list[Line]:
    w, t = copy.words, copy.testimony
    sender = ", ".join(part for part in (t.speaker, t.neighbourhood.strip()) if part)
    item = text_for(copy.meeting.agenda_item, copy.meeting.language, copy.meeting.language)
    about = item or w.pgettext("testimony copy", "Public comment")
    fields = (
        (w.pgettext("letter field", "To:"), copy.body),
        (w.pgettext("letter field", "From:"), sender),
        (w.pgettext("letter field", "Date:"), copy.day),
        (w.pgettext("letter field", "Re:"), about),
    )
    lines: list[Line] = [(para(_written_title(copy)), "title")]
    lines += [(para(Run(label + " ", bold=True), value), "text") for label, value in fields]
    return [*lines, ((), "rule")]


def _signature(copy: _Copy) -> list[Line]:
    t = copy.testimony
    closing = copy.words.pgettext("letter", "Respectfully submitted,")
    lines: list[Line] = [(para(closing), "text"), (para(Run(t.speaker, bold=True)), "text")]
    return [*lines, (para(t.neighbourhood), "text")] if t.neighbourhood.strip() else lines


def _page(copy: _Copy) -> str:
    return copy.words.pgettext("testimony copy footer", "Page {n} of {total}")


def _speaker_footer(copy: _Copy) -> Callable[[int, int], str]:
    page = _page(copy)
    return lambda n, total: f"{copy.testimony.speaker} · {page.format(n=n, total=total)}"


def _written_footer(copy: _Copy) -> Callable[[int, int], str]:
    name = copy.words.pgettext("testimony copy footer", "{speaker}, written testimony").format(
        speaker=copy.testimony.speaker
    )
    page = _page(copy)
    return lambda n, total: f"{name} · {page.format(n=n, total=total)}"


_LIST_ITEM = re.compile(r"^\s*(\d{1,3}[.)]|[-*•])\s+(.*)$")


def list_lines(chunk: str) -> list[tuple[str, str]]:
    """A paragraph's lines as (marker, text): "1. Has the…" → ("1.", "Has the…").

    Lines of a numbered or bulleted list get a hanging indent on paper;
    other lines keep their own line ("" marker).
    """
    out = []
    for line in chunk.splitlines():
        match = _LIST_ITEM.match(line)
        out.append(
            (match.group(1).replace("*", "•").replace("-", "•"), match.group(2)) if match else ("", line)
        )
    return out


class _Layout:
    def __init__(self, fonts: FontSet, look: Look, written: bool) -> None:
        self.fonts = fonts
        self.size = size = look.size
        self.written = written
        base = ParagraphStyle(
            "text",
            fontName=fonts.regular,
            fontSize=size,
            leading=size * look.leading,
            bulletFontName=fonts.regular,
            bulletFontSize=size,
        )
        self.text = base
        self.item = ParagraphStyle("item", base, leftIndent=1.6 * size)
        self.title = ParagraphStyle(
            "title", base, fontName=fonts.bold, fontSize=size * 1.25, leading=size * 1.6
        )

    def _line(self, line: Para, how: str) -> Flowable:
        if how == "rule":
            return HRFlowable(width="100%", thickness=1, color=black, spaceBefore=0.4 * self.size)
        paragraph = Paragraph(markup(line, self.fonts), self.title if how == "title" else self.text)
        if how != "box":
            return paragraph
        pad = 0.4 * self.size
        return Table(
            [[paragraph]],
            style=[("BOX", (0, 0), (-1, -1), 1.5, black)]
            + [(side, (0, 0), (-1, -1), pad) for side in ("LEFTPADDING", "RIGHTPADDING", "TOPPADDING")]
            + [("BOTTOMPADDING", (0, 0), (-1, -1), pad * 1.5)],
        )

    def _chunk(self, chunk: str) -> list[Flowable]:
        return [
            Paragraph(escape_text(text), self.item if marker else self.text, bulletText=marker or None)
            for marker, text in list_lines(chunk)
        ]

    def story(self, header: list[Line], body: list[str], signature: list[Line]) -> list[Flowable]:
        """Header, then each paragraph whole on one page (speaker copy), then the signature."""
        gap = Spacer(0, self.size * 0.8)
        out: list[Flowable] = []
        for line, how in header:
            out.append(self._line(line, how))
            if how in ("title", "box"):
                out.append(gap)
        out.append(gap)
        for chunk in body:
            lines = self._chunk(chunk)
            out += [*lines, gap] if self.written else [KeepTogether(lines), gap]
        if signature:
            out.append(gap)
            out += [self._line(line, how) for line, how in signature]
        return out


def numbered_pdf(
    story: Callable[[], list[Flowable]],
    footer: Callable[[int, int], str],
    fonts: FontSet,
    paper: str,
    margin: float,
    footer_size: float,
    meta: Meta,
) -> bytes:
    """Build twice: once to count the pages, then with "Page n of N" on each."""
    width, _height = PAGE_SIZES[paper]

    def build(total: int) -> tuple[bytes, int]:
        buffer = BytesIO()

        def number(canvas, doc) -> None:
            canvas.saveState()
            canvas.setFont(fonts.regular, footer_size)
            canvas.drawCentredString(width / 2, margin / 2, footer(doc.page, total))
            canvas.restoreState()

        doc = SimpleDocTemplate(
            buffer,
            pagesize=PAGE_SIZES[paper],
            leftMargin=margin,
            rightMargin=margin,
            topMargin=margin,
            bottomMargin=margin,
            **doc_kwargs(meta),
        )
        doc.build(story(), onFirstPage=number, onLaterPages=number)
        return buffer.getvalue(), doc.page

    _, pages = build(0)
    return build(pages)[0]
