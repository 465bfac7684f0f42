"""The records meetingkit keeps, each declared once: fields, types, bounds,
defaults and vocabularies (no I/O).

These ``msgspec`` Structs are the vocabulary of DESIGN.md. The same
declaration reads a file, checks what the command line or the app built,
writes the file back, fills the derived cache and prints ``--json``
(``toolkit.codec`` does all of it from here). A bound's ``description`` is
the "expected ..." a person reads when a field is wrong.
"""

from __future__ import annotations

import re
import unicodedata
from datetime import date
from typing import Annotated, Any, ClassVar, Literal, Self

import msgspec
from msgspec import Meta

FORMAT = 1
"""Version of the on-disk format, written into every workspace file."""

DEFAULT_WPM = 130
LANGUAGES = ("en", "es")
"""The languages meetingkit has catalogs for; a bank may carry more."""

AnswerStatus = Literal["answered", "partial", "deflected", "declined", "not-asked"]
PromiseStatus = Literal["open", "kept", "partly-kept", "broken", "withdrawn"]
ANSWER_STATUSES: tuple[str, ...] = AnswerStatus.__args__  # type: ignore[attr-defined]
PROMISE_STATUSES: tuple[str, ...] = PromiseStatus.__args__  # type: ignore[attr-defined]
PLACEHOLDERS = ("agency", "jurisdiction", "state", "body")

_SLUG_MAX = 80
_SLUG_RE = r"^[a-z0-9]+(?:-[a-z0-9]+)*$"
_SLUG = re.compile(_SLUG_RE)

Slug = Annotated[
    str,
    Meta(
        pattern=_SLUG_RE,
        max_length=_SLUG_MAX,
        description="an id of lowercase letters, digits and single hyphens (at most 80)",
    ),
]
Language = Annotated[
    str, Meta(pattern=r"^[a-z]{2,3}$", description="a language code such as en or es (two or three letters)")
]
Time = Annotated[
    str,
    Meta(pattern=r"^(([01]?\d|2[0-3]):[0-5]\d)?$", description="a time HH:MM (24-hour), or nothing"),
]
Minutes = (
    Annotated[int, Meta(gt=0, le=60, description="a number of minutes between 0 and 60")]
    | Annotated[float, Meta(gt=0, le=60, description="a number of minutes between 0 and 60")]
)
Wpm = Annotated[int, Meta(ge=60, le=250, description="words per minute, a whole number 60-250")]
FormatVersion = Annotated[int, Meta(ge=FORMAT, le=FORMAT, description=f"format {FORMAT}")]
Text = str | dict[Language, str]
"""A text that may carry one version per language; a plain string is in the meeting's language."""


def is_slug(value: str) -> bool:
    """True for ids that are safe as file names: lowercase words joined by '-'."""
    return len(value) <= _SLUG_MAX and bool(_SLUG.match(value))


def slugify(text: str, fallback: str = "item") -> str:
    """Turn a name into a slug id; accents are folded so 'López' gives 'lopez'."""
    folded = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    slug = re.sub(r"[^a-z0-9]+", "-", folded.lower()).strip("-")
    return slug[:_SLUG_MAX].rstrip("-") or fallback


def text_in(value: Text, lang: str, home: str) -> str:
    """One language's version of a per-language text ('' when it has none).

    A plain string is written in ``home`` (the meeting's language) only.
    """
    if isinstance(value, str):
        return value if lang == home else ""
    return value.get(lang, "")


def text_for(value: Text, lang: str, home: str) -> str:
    """What to show a reader of ``lang``: their version, else the meeting's.

    For places, agenda items and sign-up rules, which read the same in
    every language unless someone wrote a translation.
    """
    if isinstance(value, str):
        return value
    return value.get(lang) or value.get(home) or ""


def with_text(value: Text, lang: str, home: str, new: str) -> Text:
    """``value`` with its ``lang`` version set to ``new`` (removed when empty)."""
    versions = {home: value} if isinstance(value, str) and value else dict(value or {})
    if new:
        versions[lang] = new
    else:
        versions.pop(lang, None)
    if not versions:
        return ""
    if set(versions) == {home}:
        return versions[home]
    return versions


class Record(msgspec.Struct, kw_only=True, dict=True):
    """Base of every record.

    ``dict=True`` lets the codec keep, beside the declared fields, what a
    file held that no field declares (a hand-typed key) and the revision
    the record was read at: neither is a field, so neither is ever mistaken
    for data, and both survive until the record is saved.
    """

    always: ClassVar[tuple[str, ...]] = ()
    """Fields written even when empty, so a person editing the file sees them."""

    @property
    def revision(self) -> str | None:
        """The content hash of the file this record was read from (None: new)."""
        return self.__dict__.get("_revision")

    @revision.setter
    def revision(self, value: str | None) -> None:
        self.__dict__["_revision"] = value

    def __deepcopy__(self, memo: dict[int, Any]) -> Self:
        """A deep copy that keeps what ``dict=True`` holds (revision, kept keys, comments)."""
        from copy import deepcopy

        copy = type(self)(**{name: deepcopy(getattr(self, name), memo) for name in self.__struct_fields__})
        copy.__dict__.update(deepcopy(self.__dict__, memo))
        return copy

    def evolve(self, **changes: Any) -> Self:
        """A copy with ``changes``; its revision, comments and kept keys come along
        (``revision=`` sets the copy's own)."""
        revision = changes.pop("revision", self.revision)
        copy = msgspec.structs.replace(self, **changes)
        copy.__dict__.update(self.__dict__)
        copy.revision = revision
        return copy


class Official(Record, kw_only=True):
    name: str
    title: str = ""
    role: str = ""


class Source(Record, kw_only=True):
    """Where a fact in the bank comes from, and when someone last read it there."""

    title: str
    url: str
    checked: date


class QuestionText(Record, kw_only=True):
    """One language's wording of a bank question and its guidance."""

    text: str
    why: str = ""
    follow_ups: list[str] = []
    clear_answer: str = ""
    red_flags: list[str] = []
    records: list[str] = []


class Question(Record, kw_only=True):
    id: Slug
    topic: Slug
    texts: dict[Language, QuestionText]
    ask: list[Slug] = []
    sources: list[Source] = []

    @property
    def bank_file(self) -> str:
        """The bank file the question came from (for error messages)."""
        return str(self.__dict__.get("_file", "the question bank"))

    def text_in(self, lang: str) -> QuestionText | None:
        return self.texts.get(lang)

    @classmethod
    def from_file(cls, data: dict[str, Any]) -> dict[str, Any]:
        """A bank writes each language's block beside the fields (``en:``, ``es:``)."""
        return _languages_beside(cls, data)

    @staticmethod
    def to_file(data: dict[str, Any]) -> dict[str, Any]:
        return _languages_out(data)


class Way(Record, kw_only=True):
    """One of the ways to get answers, printed as "what you can do"."""

    id: Slug
    texts: dict[Language, str]

    @classmethod
    def from_file(cls, data: dict[str, Any]) -> dict[str, Any]:
        return _languages_beside(cls, data)

    @staticmethod
    def to_file(data: dict[str, Any]) -> dict[str, Any]:
        return _languages_out(data)


def _languages_beside(cls: type[msgspec.Struct], data: dict[str, Any]) -> dict[str, Any]:
    fields = {k: v for k, v in data.items() if k in cls.__struct_fields__}
    return fields | {"texts": {k: v for k, v in data.items() if k not in cls.__struct_fields__}}


def _languages_out(data: dict[str, Any]) -> dict[str, Any]:
    texts: dict[str, Any] = data.pop("texts", {})
    head: dict[str, Any] = {k: data.pop(k) for k in ("id", "topic") if k in data}
    return head | texts | data


def _labels(value: Any) -> Any:
    """A label is one text per language; a plain string is English."""
    return {"en": value} if isinstance(value, str) else value


class BankFile(Record, kw_only=True):
    """One bank file: title, topic labels, ways and questions."""

    format: FormatVersion = FORMAT
    title: dict[Language, str] = {}
    topics: dict[Slug, dict[Language, str]] = {}
    ways: list[Way] = []
    questions: list[Question] = []

    @classmethod
    def from_file(cls, data: dict[str, Any]) -> dict[str, Any]:
        topics = data.get("topics")
        if isinstance(topics, dict):
            data = data | {"topics": {k: _labels(v) for k, v in topics.items()}}
        return data | {"title": _labels(data["title"])} if "title" in data else data


class Settings(Record, kw_only=True):
    always: ClassVar[tuple[str, ...]] = (
        "group",
        "contact",
        "website",
        "jurisdiction",
        "agency",
        "state",
        "body",
        "officials",
        "languages",
        "wpm",
    )
    format: FormatVersion = FORMAT
    group: str = ""
    contact: str = ""
    website: str = ""
    jurisdiction: str = ""
    agency: str = ""
    state: str = ""
    body: str = ""
    officials: list[Official] = []
    languages: Annotated[list[Language], Meta(min_length=1)] = msgspec.field(default_factory=lambda: ["en"])
    wpm: Wpm = DEFAULT_WPM
    font: str = ""
    names: dict[Language, dict[Literal["agency", "jurisdiction", "state", "body"], str]] = {}
    """Per-language names for placeholders, e.g. ``es: {agency: la Oficina del Sheriff}``."""
    closures: list[date] = []
    """Days the agencies are closed beyond the state's holidays (records-request clocks)."""
    keymap: dict[str, str] = {}
    ice: bool = True
    """Cite ICE's 287(g) list for the group's agency (handout, questions, report, follow-ups)."""


class AgendaEntry(Record, kw_only=True):
    question: Slug
    text: Text = ""
    """Tailored wording, per language; empty means the bank's text with placeholders filled."""
    speaker: str = ""


class Meeting(Record, kw_only=True):
    always: ClassVar[tuple[str, ...]] = (
        "time",
        "location",
        "agenda_item",
        "minutes",
        "signup",
        "language",
        "agenda",
        "notes",
    )
    format: FormatVersion = FORMAT
    id: Slug
    body: Annotated[str, Meta(min_length=1, description="the council or board's name")]
    date: date
    time: Time = ""
    location: Text = ""
    agenda_item: Text = ""
    minutes: Minutes = 3
    signup: Text = ""
    language: Language = "en"
    agenda: list[AgendaEntry] = []
    notes: str = ""
    """Private notes: never printed unless asked for."""

    def speakers(self) -> list[str]:
        """Speakers in the order they first appear on the agenda."""
        seen: list[str] = []
        for entry in self.agenda:
            if entry.speaker and entry.speaker not in seen:
                seen.append(entry.speaker)
        return seen


class TestimonyHead(Record, kw_only=True):
    """The front matter of a testimony file (its body is the text itself)."""

    meeting: Slug
    speaker: Annotated[str, Meta(min_length=1, description="the speaker's name")]
    neighbourhood: str = ""


class Testimony(TestimonyHead, kw_only=True):
    text: str = ""


class Change(Record, kw_only=True):
    """One dated step in a promise's history, with its evidence."""

    on: date
    status: PromiseStatus
    note: str = ""
    evidence: str = ""


class Promise(Record, kw_only=True):
    always: ClassVar[tuple[str, ...]] = ("official", "due", "status", "history")
    id: str
    what: Annotated[str, Meta(min_length=1, description="what was promised")]
    official: str = ""
    due: date | None = None
    status: PromiseStatus = "open"
    history: list[Change] = []

    @property
    def made_on(self) -> date | None:
        return self.history[0].on if self.history else None


class Answer(Record, kw_only=True):
    always: ClassVar[tuple[str, ...]] = ("status", "official", "said", "source", "notes", "promises")
    format: FormatVersion = FORMAT
    meeting: Slug
    question: Slug
    status: AnswerStatus | Literal[""] = ""
    """One of ANSWER_STATUSES, or empty while nothing is logged yet."""
    official: str = ""
    said: str = ""
    source: str = ""
    notes: str = ""
    """Private notes: never printed unless asked for."""
    promises: list[Promise] = []


PROMISE_ID_SEP = "--"


def promise_id(meeting_id: str, question_id: str, number: int) -> str:
    """A promise id names its file, so it is found without any index."""
    return f"{meeting_id}{PROMISE_ID_SEP}{question_id}{PROMISE_ID_SEP}{number}"


def split_promise_id(pid: str) -> tuple[str, str, int] | None:
    parts = pid.split(PROMISE_ID_SEP)
    if (
        len(parts) != 3
        or not all(is_slug(p) for p in parts[:2])
        or not (parts[2].isascii() and parts[2].isdigit() and len(parts[2]) <= 9)
    ):
        return None
    return parts[0], parts[1], int(parts[2])


def field_names(cls: type[msgspec.Struct]) -> tuple[str, ...]:
    """A record's fields in declared order (the one list of them)."""
    return cls.__struct_fields__


# --- public records requests and the law table ---------------------------------

RequestStatus = Literal[
    "draft",
    "filed",
    "acknowledged",
    "waiting-on-us",
    "partial",
    "fulfilled",
    "no-records",
    "denied",
    "appealed",
    "withdrawn",
]
REQUEST_STATUSES: tuple[str, ...] = RequestStatus.__args__  # type: ignore[attr-defined]
Days = Annotated[int, Meta(ge=1, le=365, description="a number of days, 1-365")]


class Deadline(Record, kw_only=True):
    """A records law's response deadline as the statute states it."""

    days: Days | None = None
    unit: Literal["business", "calendar", "none"]
    what: str | None = None
    """What must happen by then: the records, a determination, an acknowledgment."""
    words: str | None = None
    """The statute's own words ("promptly", "within a reasonable time")."""
    section: str | None = None

    def __post_init__(self) -> None:
        if self.unit == "none" and self.days is not None:
            raise ValueError("a deadline with unit `none` has `days: null`")
        if self.unit != "none" and self.days is None:
            raise ValueError(f"a deadline in {self.unit} days needs a number of `days`")


class Law(Record, kw_only=True):
    """One jurisdiction's public records law (``questions/laws/<id>.yaml``)."""

    format: FormatVersion = FORMAT
    id: Slug
    jurisdiction: str
    name: str
    citation: str
    deadline: Deadline
    extension: str | None = None
    appeal: str | None = None
    fee_waiver: str | None = None
    follow_up_days: Days | None = None
    sources: list[Source] = []
    verified: bool = False
    notes: str | None = None


class RequestChange(Record, kw_only=True):
    """One dated step in a records request's history."""

    on: date
    status: RequestStatus
    note: str = ""
    evidence: str = ""
    """Where the proof is: a letter, an email, a receipt."""


class Received(Record, kw_only=True):
    on: date
    what: str
    kept_at: str = ""
    """Where the records are kept (a folder, a drive link)."""


class Request(Record, kw_only=True):
    """A public records request to one agency under one law.

    Its status is the latest change in its history (``draft`` before any);
    the filing date is the first ``filed`` change; the due date is derived.
    """

    format: FormatVersion = FORMAT
    id: Slug
    meeting: str = ""
    questions: list[Slug] = []
    agency: str
    law: Slug
    language: Language = "en"
    records: list[str] = []
    records_from: date | None = None
    records_to: date | None = None
    drafted: date
    method: str = ""
    tracking: str = ""
    history: list[RequestChange] = []
    received: list[Received] = []

    @property
    def changes(self) -> list[RequestChange]:
        """The history by date; changes of one day keep the order they were made in."""
        return sorted(self.history, key=lambda c: c.on)

    @property
    def status(self) -> str:
        changes = self.changes
        return changes[-1].status if changes else "draft"

    @property
    def filed(self) -> date | None:
        return next((c.on for c in self.changes if c.status == "filed"), None)

    def status_on(self, day: date) -> str:
        earlier = [c for c in self.changes if c.on <= day]
        return earlier[-1].status if earlier else "draft"
