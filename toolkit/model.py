"""The records meetingkit keeps and the words they may hold (no I/O).

These classes are the vocabulary of DESIGN.md: a question bank entry, the
workspace settings, a meeting and its agenda, a speaker's testimony, and an
answer with the promises made in it.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from datetime import date

FORMAT = 1
"""Version of the on-disk format, written into every workspace file."""

DEFAULT_WPM = 130
LANGUAGES = ("en", "es")

ANSWER_STATUSES = ("answered", "partial", "deflected", "declined", "not-asked")
PROMISE_STATUSES = ("open", "kept", "partly-kept", "broken", "withdrawn")
PLACEHOLDERS = ("agency", "jurisdiction", "state", "body")

_SLUG = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
_SLUG_MAX = 80


def is_slug(value: str) -> bool:
    """True for ids that are safe as file names: lowercase words joined by '-'."""
    return bool(_SLUG.match(value)) and len(value) <= _SLUG_MAX


def slugify(text: str, fallback: str = "item") -> str:
    """Turn a name into a slug id; accents are folded so 'López' gives 'lopez'."""
    folded = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    slug = re.sub(r"[^a-z0-9]+", "-", folded.lower()).strip("-")
    return slug[:_SLUG_MAX].rstrip("-") or fallback


@dataclass
class Official:
    name: str
    title: str = ""
    role: str = ""


@dataclass
class QuestionText:
    """One language's wording of a bank question and its guidance."""

    text: str
    why: str = ""
    follow_ups: list[str] = field(default_factory=list)
    clear_answer: str = ""
    red_flags: list[str] = field(default_factory=list)
    records: list[str] = field(default_factory=list)


@dataclass
class Source:
    """A public document a bank question's facts rest on, and the day someone last checked it."""

    title: str
    url: str
    checked: date


@dataclass
class Question:
    id: str
    topic: str
    texts: dict[str, QuestionText]
    ask: list[str] = field(default_factory=list)
    sources: list[Source] = field(default_factory=list)
    source: str = ""
    """The bank file the question came from (for error messages)."""

    def text_in(self, lang: str) -> QuestionText | None:
        return self.texts.get(lang)


@dataclass
class Way:
    """One of the ways to get answers, printed as "what you can do"."""

    id: str
    texts: dict[str, str]


@dataclass
class Settings:
    group: str = ""
    contact: str = ""
    website: str = ""
    jurisdiction: str = ""
    agency: str = ""
    state: str = ""
    body: str = ""
    officials: list[Official] = field(default_factory=list)
    languages: list[str] = field(default_factory=lambda: ["en"])
    wpm: int = DEFAULT_WPM
    font: str = ""
    names: dict[str, dict[str, str]] = field(default_factory=dict)
    """Per-language names for placeholders, e.g. ``es: {agency: la Oficina del Sheriff}``."""
    keymap: dict[str, str] = field(default_factory=dict)
    revision: str | None = field(default=None, compare=False)


@dataclass
class AgendaEntry:
    question: str
    text: str = ""
    """Tailored wording; empty means the bank's text with placeholders filled."""
    speaker: str = ""


@dataclass
class Meeting:
    id: str
    body: str
    date: date
    time: str = ""
    location: str = ""
    agenda_item: str = ""
    minutes: float = 3
    signup: str = ""
    language: str = "en"
    agenda: list[AgendaEntry] = field(default_factory=list)
    notes: str = ""
    """Private notes: never printed unless asked for."""
    revision: str | None = field(default=None, compare=False)

    def speakers(self) -> list[str]:
        """Speakers in the order they first appear on the agenda."""
        seen: list[str] = []
        for entry in self.agenda:
            if entry.speaker and entry.speaker not in seen:
                seen.append(entry.speaker)
        return seen


@dataclass
class Testimony:
    meeting: str
    speaker: str
    text: str = ""
    neighbourhood: str = ""
    revision: str | None = field(default=None, compare=False)


@dataclass
class Change:
    """One dated step in a promise's history, with its evidence."""

    on: date
    status: str
    note: str = ""
    evidence: str = ""


@dataclass
class Promise:
    id: str
    what: str
    official: str = ""
    due: date | None = None
    status: str = "open"
    history: list[Change] = field(default_factory=list)

    @property
    def made_on(self) -> date | None:
        return self.history[0].on if self.history else None


@dataclass
class Answer:
    meeting: str
    question: str
    status: str = ""
    """One of ANSWER_STATUSES, or empty while nothing is logged yet."""
    official: str = ""
    said: str = ""
    source: str = ""
    notes: str = ""
    """Private notes: never printed unless asked for."""
    promises: list[Promise] = field(default_factory=list)
    revision: str | None = field(default=None, compare=False)


PROMISE_ID_SEP = "--"


def promise_id(meeting_id: str, question_id: str, number: int) -> str:
    """A promise id names its file, so it is found without any index."""
    return f"{meeting_id}{PROMISE_ID_SEP}{question_id}{PROMISE_ID_SEP}{number}"


def split_promise_id(pid: str) -> tuple[str, str, int] | None:
    parts = pid.split(PROMISE_ID_SEP)
    if len(parts) != 3 or not all(is_slug(p) for p in parts[:2]) or not parts[2].isdigit():
        return None
    return parts[0], parts[1], int(parts[2])
