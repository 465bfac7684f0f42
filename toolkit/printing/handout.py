"""What the one-page handout says, as blocks (no ReportLab here).

From top to bottom: the group, the title ("Questions for the Alder County
Sheriff's Office"), the meeting in a box (body, date and time written out in
the handout's language, place, time per speaker, how to sign up), the
numbered questions tailored to the agency, each with a short "why it
matters", "what you can do", and the contact line. A QR code to the group's
website sits beside the title. Bilingual handouts put each block's languages
side by side, question 3 level with its translation.
Private notes never appear.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from ..bank import Bank, entry_text, placeholder_values
from ..errors import MeetingkitError, UsageError
from ..model import AgendaEntry, Meeting, Question, Settings
from .blocks import Block, Cell, Role, Run, para
from .pdfmeta import Meta
from .words import format_clock, format_long_date, handout_words, upper_first

WHY_CHARS = 80
"""A short "why it matters" is whole sentences, as few as reach this length."""
_SENTENCE_GAP = re.compile(r"(?<=[.!?])\s+")
_OPENERS = "¿¡“\"(‘'"


def parse_langs(value: str | None, settings: Settings) -> tuple[str, ...]:
    """``en``, ``es`` or ``en,es``; by default the workspace's languages."""
    langs = [part.strip() for part in value.split(",")] if value else list(settings.languages)
    langs = [lang for lang in dict.fromkeys(langs) if lang]
    if not 1 <= len(langs) <= 2:
        raise UsageError("--lang takes one language or two side by side, such as en or en,es")
    for lang in langs:
        handout_words(lang)
    return tuple(langs)


def brief(text: str, at_least: int = WHY_CHARS) -> str:
    """The first sentences of ``text``, just enough to reach ``at_least`` characters."""
    text = " ".join(text.split())
    for gap in _SENTENCE_GAP.finditer(text):
        head, rest = text[: gap.start()], text[gap.end() :]
        last_word = head.rsplit(" ", 1)[-1]
        abbreviation = "." in last_word[:-1].strip("()") or (len(last_word) <= 3 and last_word[:1].isupper())
        starts_sentence = rest[:1].isupper() or rest[:1] in _OPENERS
        if starts_sentence and not abbreviation and len(head) >= at_least:
            return head
    return text


def _cells(langs: Sequence[str], make: Callable[[str], Cell]) -> tuple[Cell, ...]:
    return tuple(make(lang) for lang in langs)


def _title(values: dict[str, str], bank: Bank, lang: str) -> str:
    """The title names the agency ("Questions for the … Sheriff's Office"), else the body."""
    words = handout_words(lang)
    name = values.get("agency") or values.get("body")
    if name:
        return words["title"].format(agency=name)
    return next((t[lang] for t in bank.titles.values() if t.get(lang)), words["questions"])


def _meeting_cell(meeting: Meeting, values: dict[str, str], lang: str) -> Cell:
    words = handout_words(lang)
    when = format_long_date(meeting.date, lang)
    if meeting.time:
        when = words["when"].format(date=when, time=format_clock(meeting.time, lang))
    n = f"{meeting.minutes:g}"
    per_speaker = words["minute"] if n == "1" else words["minutes"].format(n=n)
    item = " · ".join(part for part in (meeting.agenda_item, per_speaker) if part)
    lines = [
        para(Run(upper_first(values.get("body", meeting.body)), bold=True)),
        para(when),
        para(meeting.location),
        para(item),
        para(Run(words["speak"] + " ", bold=True), meeting.signup) if meeting.signup else (),
    ]
    return tuple(line for line in lines if line)


@dataclass(frozen=True)
class Sections:
    """The parts of a handout a user may leave out to make room."""

    why: bool = True
    ways: bool = True


EVERYTHING = Sections()


@dataclass(frozen=True)
class _Context:
    meeting: Meeting
    values: dict[str, dict[str, str]]
    why: bool


def _question_cell(question: Question, entry: AgendaEntry, lang: str, ctx: _Context, where: str) -> Cell:
    """The question as tailored for the agency, and its "why it matters"."""
    tailored = entry_text(question, lang, ctx.values[lang], entry, ctx.meeting.language)
    if tailored.missing:
        names = ", ".join("{" + m + "}" for m in tailored.missing)
        raise MeetingkitError(
            f"{where} still reads {names} in {lang!r}: set {' and '.join(tailored.missing)} "
            f"in meetingkit.yaml (or under names: {lang}: for this language)"
        )
    text = question.text_in(lang)
    lines = [para(tailored.text)]
    if ctx.why and text is not None and text.why:
        lines.append(para(Run(handout_words(lang)["why"] + " ", bold=True), brief(text.why)))
    return tuple(lines)


def handout_blocks(
    settings: Settings,
    meeting: Meeting,
    bank: Bank,
    langs: Sequence[str],
    sections: Sections = EVERYTHING,
    extra: Sequence[Block] = (),
) -> list[Block]:
    """The handout's blocks; ``extra`` blocks go after the questions."""
    if not meeting.agenda:
        raise MeetingkitError(
            f"{meeting.id} has no questions yet; add some with "
            f"`meetingkit meeting ask {meeting.id} QUESTION_ID` (`meetingkit questions list` shows them)"
        )
    values = {lang: placeholder_values(settings, meeting, lang) for lang in langs}
    ctx = _Context(meeting, values, sections.why)
    blocks: list[Block] = []
    if settings.group.strip():
        blocks.append(Block(Role.KICKER, ((para(settings.group),),), where="the group name"))
    titles = tuple(para(_title(values[lang], bank, lang)) for lang in langs)
    blocks.append(
        Block(Role.TITLE, (titles,), space_before=0.2, qr=settings.website.strip(), where="the title")
    )
    blocks.append(
        Block(
            Role.TEXT,
            _cells(langs, lambda lang: _meeting_cell(meeting, values[lang], lang)),
            space_before=0.8,
            boxed=True,
            where="the meeting details",
        )
    )
    blocks.append(_heading(langs, "questions"))
    for n, entry in enumerate(meeting.agenda, 1):
        question = bank.get(entry.question)
        where = f"question {n} ({question.id})"
        cells = _cells(langs, lambda lang, q=question, e=entry, w=where: _question_cell(q, e, lang, ctx, w))
        blocks.append(
            Block(Role.ITEM, cells, marker=f"{n}.", space_before=0.5 if n == 1 else 0.55, where=where)
        )
    blocks += extra
    if sections.ways:
        blocks += _ways(bank, langs)
    footer = footer_block(settings)
    if footer:
        blocks.append(footer)
    return blocks


def _ways(bank: Bank, langs: Sequence[str]) -> list[Block]:
    """The "what you can do" list: the first sentence of each way to get answers."""
    blocks = [_heading(langs, "ways")]
    for n, way in enumerate(bank.ways, 1):
        missing = [lang for lang in langs if not way.texts.get(lang)]
        if missing:
            raise MeetingkitError(
                f"the way to get answers {way.id!r} has no {missing[0]!r} text in the question bank"
            )
        blocks.append(
            Block(
                Role.ITEM,
                _cells(langs, lambda lang, way=way: (para(brief(way.texts[lang], at_least=0)),)),
                marker="•",
                space_before=0.35 if n > 1 else 0.5,
                where=f"“what you can do” ({way.id})",
            )
        )
    return blocks


def _heading(langs: Sequence[str], key: str) -> Block:
    return Block(
        Role.HEADING,
        _cells(langs, lambda lang: (para(handout_words(lang)[key]),)),
        space_before=1.1,
        where="a heading",
    )


def footer_block(settings: Settings) -> Block | None:
    """Who we are and how to reach us: the same in every language."""
    parts = [settings.group, settings.contact, settings.website]
    line = " · ".join(part.strip() for part in parts if part.strip())
    if not line:
        return None
    return Block(Role.TEXT, ((para(line),),), space_before=1.2, at_bottom=True, where="the contact lines")


def handout_meta(settings: Settings, meeting: Meeting, bank: Bank, langs: Sequence[str]) -> Meta:
    lang = langs[0]
    values = placeholder_values(settings, meeting, lang)
    day = format_long_date(meeting.date, lang)
    return Meta(
        title=f"{_title(values, bank, lang)} ({day})",
        author=settings.group or "meetingkit",
        subject=handout_words(lang)["subject"].format(body=values.get("body", meeting.body), date=day),
        lang=lang,
    )


def handout_cuts(meeting: Meeting, langs: Sequence[str], sections: Sections, large_print: bool) -> list[str]:
    """What a user can leave out when the handout does not fit, most useful first."""
    cuts = []
    if len(meeting.agenda) > 1:
        cuts.append(f"ask fewer questions (the agenda of {meeting.id} has {len(meeting.agenda)})")
    if sections.why:
        cuts.append("drop “why it matters” with --no-why")
    if sections.ways:
        cuts.append("drop “what you can do” with --no-ways")
    if len(langs) > 1:
        cuts.append(f"print one language per page (--lang {langs[0]}, then --lang {langs[1]})")
    if large_print:
        cuts.append("print without --large-print")
    return cuts
