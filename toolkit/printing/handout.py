"""What the one-page handout says, as blocks (no ReportLab here).

From top to bottom: the group, the title ("Questions for the Alder County
Sheriff's Office") and how to reach the group, beside a QR code to its
website; the meeting in a box (body, date and time written out in the
handout's language, place, time per speaker, how to sign up); the numbered
questions tailored to the agency, each with a short "why it matters"; and
"what you can do". Bilingual handouts put each block's languages side by
side, question 3 level with its translation, and say once, across the
columns, what reads the same in both (the place, the sign-up rule).
Private notes never appear.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from ..bank import Bank, entry_text, placeholder_values
from ..errors import MeetingkitError, UsageError
from ..model import AgendaEntry, Meeting, Question, Settings
from ..wording import wording
from .blocks import Block, Cell, Para, Role, Run, para
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


def _meeting_lines(meeting: Meeting, values: dict[str, str], lang: str) -> dict[str, tuple[str, str]]:
    """The meeting's lines in ``lang`` as (label, text): body, when, place,
    agenda item, time per speaker and how to sign up."""
    words = handout_words(lang)
    when = format_long_date(meeting.date, lang)
    if meeting.time:
        when = words["when"].format(date=when, time=format_clock(meeting.time, lang))
    n = f"{meeting.minutes:g}"
    lines = {
        "body": ("", upper_first(values.get("body", meeting.body))),
        "when": ("", when),
        "place": ("", wording(meeting.location, lang, meeting.language)),
        "item": ("", wording(meeting.agenda_item, lang, meeting.language)),
        "minutes": ("", words["minute"] if n == "1" else words["minutes"].format(n=n)),
        "signup": (words["speak"], wording(meeting.signup, lang, meeting.language)),
    }
    return {key: line for key, line in lines.items() if line[1].strip()}


def _line(label: str, text: str, bold: bool = False) -> Para:
    return para(Run(label + " ", bold=True) if label else "", Run(text, bold=bold))


def _meeting_block(meeting: Meeting, values: dict[str, dict[str, str]], langs: Sequence[str]) -> Block:
    """The meeting in a box. Side by side, each language's body, day and time
    per speaker; below, across the box, what reads the same in every language
    (the place, the agenda item, the sign-up rule, under "To speak / Para
    hablar:"), so that the box is a few lines however many languages it has."""
    lines = {lang: _meeting_lines(meeting, values[lang], lang) for lang in langs}
    first = lines[langs[0]]
    same = {
        key
        for key, (_, text) in first.items()
        if len(langs) > 1
        and key not in ("body", "when", "minutes")
        and all(lines[lang].get(key, ("", ""))[1] == text for lang in langs)
    }

    def column(lang: str) -> Cell:
        mine = {key: line for key, line in lines[lang].items() if key not in same}
        out = [_line(*mine["body"], bold=True)] if "body" in mine else []
        out += [_line(*mine[key]) for key in ("when", "place") if key in mine]
        joined = " · ".join(mine[key][1] for key in ("item", "minutes") if key in mine)
        out += [_line("", joined)] if joined else []
        out += [_line(*mine["signup"])] if "signup" in mine else []
        return tuple(out)

    where = " · ".join(first[key][1] for key in ("place", "item") if key in same)
    shared = [_line("", where)] if where else []
    if "signup" in same:
        labels = " / ".join(dict.fromkeys(lines[lang]["signup"][0].rstrip(":") for lang in langs)) + ":"
        shared.append(_line(labels, first["signup"][1]))
    return Block(
        Role.TEXT,
        _cells(langs, column),
        shared=tuple(shared),
        space_before=0.7,
        boxed=True,
        where="the meeting details",
    )


@dataclass(frozen=True)
class Sections:
    """The parts of a handout that may be left out to make room."""

    why: bool = True
    ways: bool = True
    way_details: bool = True
    """Each way to get answers as its first sentence; else only its first words."""


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
    settings: Settings, meeting: Meeting, bank: Bank, langs: Sequence[str], sections: Sections = EVERYTHING
) -> list[Block]:
    """The handout's blocks, top to bottom: the group, the title and the
    contact line (the QR code beside them), the meeting, the questions, what
    you can do. The title already says these are questions, so they have no
    heading of their own."""
    if not meeting.agenda:
        raise MeetingkitError(
            f"{meeting.id} has no questions yet; add some with "
            f"`meetingkit meeting ask {meeting.id} QUESTION_ID` (`meetingkit questions list` shows them)"
        )
    values = {lang: placeholder_values(settings, meeting, lang) for lang in langs}
    ctx = _Context(meeting, values, sections.why)
    titles = tuple(para(_title(values[lang], bank, lang)) for lang in langs)
    blocks = [
        Block(
            Role.TITLE,
            (titles,),
            kicker=settings.group.strip(),
            byline=contact_line(settings, with_group=False),
            qr=settings.website.strip(),
            where="the title",
        ),
        _meeting_block(meeting, values, langs),
    ]
    for n, entry in enumerate(meeting.agenda, 1):
        question = bank.get(entry.question)
        where = f"question {n} ({question.id})"
        cells = _cells(langs, lambda lang, q=question, e=entry, w=where: _question_cell(q, e, lang, ctx, w))
        blocks.append(
            Block(
                Role.ITEM,
                cells,
                marker=f"{n}.",
                space_before=0.6 if n == 1 else 0.3 if len(langs) > 1 else 0.6,
                ruled=n > 1 and len(langs) > 1,
                where=where,
            )
        )
    if sections.ways:
        blocks += _ways(bank, langs) if sections.way_details else [_ways_in_brief(bank, langs)]
    return blocks


_CLAUSE_END = re.compile(r"[,;:]\s|\s[—–]\s")


def first_words(text: str) -> str:
    """A way to get answers without its detail: its first sentence up to the
    first comma, semicolon or dash ("Attend council or agency meetings and
    testify during public comment.")."""
    sentence = brief(text, at_least=0)
    cut = _CLAUSE_END.search(sentence)
    if cut is None:
        return sentence
    return sentence[: cut.start()].rstrip() + "."


def _way_texts(bank: Bank, langs: Sequence[str]) -> list[tuple[str, dict[str, str]]]:
    """(id, text in each language) of every way to get answers."""
    for way in bank.ways:
        missing = [lang for lang in langs if not way.texts.get(lang)]
        if missing:
            raise MeetingkitError(
                f"the way to get answers {way.id!r} has no {missing[0]!r} text in the question bank"
            )
    return [(way.id, way.texts) for way in bank.ways]


def _ways(bank: Bank, langs: Sequence[str]) -> list[Block]:
    """The "what you can do" list: a heading, then the first sentence of each way to get answers."""
    blocks = [_heading(langs, "ways")]
    for n, (way, texts) in enumerate(_way_texts(bank, langs), 1):
        blocks.append(
            Block(
                Role.ITEM,
                _cells(langs, lambda lang, texts=texts: (para(brief(texts[lang], at_least=0)),)),
                marker="•",
                space_before=0.25 if n > 1 else 0.4,
                where=f"“what you can do” ({way})",
            )
        )
    return blocks


def _ways_in_brief(bank: Bank, langs: Sequence[str]) -> Block:
    """ "What you can do" without its details, run into one paragraph: the first words of each way."""
    ways = _way_texts(bank, langs)

    def cell(lang: str) -> Cell:
        label = Run(handout_words(lang)["ways"] + ":", bold=True)
        return (para(label, " " + " •\u00a0".join(first_words(texts[lang]) for _, texts in ways)),)

    return Block(Role.TEXT, _cells(langs, cell), space_before=0.8, ruled=True, where="“what you can do”")


def _heading(langs: Sequence[str], key: str) -> Block:
    return Block(
        Role.HEADING,
        _cells(langs, lambda lang: (para(handout_words(lang)[key]),)),
        space_before=1.1,
        where="a heading",
    )


def contact_line(settings: Settings, with_group: bool = True) -> str:
    """Who we are and how to reach us: the same in every language."""
    parts = [settings.group if with_group else "", settings.contact, settings.website]
    return " · ".join(part.strip() for part in parts if part.strip())


def footer_block(settings: Settings) -> Block | None:
    """The contact line at the foot of a page."""
    line = contact_line(settings)
    if not line:
        return None
    return Block(Role.TEXT, ((para(line),),), space_before=1.0, at_bottom=True, where="the contact lines")


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


def handout_cuts(meeting: Meeting, langs: Sequence[str], large_print: bool, sides: int) -> list[str]:
    """What makes room on the page, most useful first: when even the questions
    alone do not fit, and to get back what was left out."""
    cuts = []
    if len(meeting.agenda) > 1:
        cuts.append(f"ask fewer questions (the agenda of {meeting.id} has {len(meeting.agenda)})")
    if len(langs) > 1 and sides == 1:
        cuts.append("print one language on each side of the sheet with --sides 2")
    if large_print:
        cuts.append("print without --large-print")
    return cuts
