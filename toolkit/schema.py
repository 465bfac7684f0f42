"""Plain YAML data to records and back, checking every field on the way in.

A hand edit gone wrong is caught here with the path of the field and the form
that was expected, e.g. ``date: expected a date YYYY-MM-DD, got 'next tuesday'``.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import date, datetime
from typing import Any, TypeVar

from .model import (
    ANSWER_STATUSES,
    FORMAT,
    PLACEHOLDERS,
    PROMISE_STATUSES,
    AgendaEntry,
    Answer,
    Change,
    Meeting,
    Official,
    Promise,
    Question,
    QuestionText,
    Settings,
    Source,
    Way,
    is_slug,
)

T = TypeVar("T")
Path_ = tuple[str | int, ...]


class Invalid(Exception):
    """A field that does not hold what it should; ``path`` locates it."""

    def __init__(self, path: Path_, message: str) -> None:
        super().__init__(message)
        self.path = path
        self.message = message

    @property
    def dotted(self) -> str:
        out = ""
        for part in self.path:
            out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else part)
        return out


_TIME = re.compile(r"^([01]?\d|2[0-3]):([0-5]\d)$")


def _show(value: Any) -> str:
    text = repr(value)
    return text if len(text) <= 40 else text[:37] + "..."


def _mapping(value: Any, path: Path_) -> dict[str, Any]:
    if not isinstance(value, dict):
        raise Invalid(path, f"expected a mapping of `key: value` lines, got {_show(value)}")
    return value


def _get(
    data: dict[str, Any],
    key: str,
    path: Path_,
    convert: Callable[[Any, Path_], T],
    default: T | None = None,
    *,
    required: bool = False,
) -> T:
    if key not in data or data[key] is None:
        if required:
            raise Invalid((*path, key), "this field is required")
        return default  # type: ignore[return-value]
    return convert(data[key], (*path, key))


def text(value: Any, path: Path_) -> str:
    if isinstance(value, bool) or not isinstance(value, (str, int, float)):
        raise Invalid(path, f"expected text, got {_show(value)}")
    return str(value)


def slug(value: Any, path: Path_) -> str:
    value = text(value, path)
    if not is_slug(value):
        raise Invalid(
            path,
            f"expected an id of lowercase letters, digits and single hyphens, got {_show(value)}",
        )
    return value


def a_date(value: Any, path: Path_) -> date:
    if isinstance(value, datetime):  # YAML reads `2026-12-01 10:00` as a datetime, which is also a date
        raise Invalid(path, f"expected a date YYYY-MM-DD without a time, got {value.isoformat(sep=' ')}")
    if isinstance(value, date):
        return value
    if isinstance(value, str):
        try:
            return date.fromisoformat(value.strip())
        except ValueError:
            pass
    raise Invalid(path, f"expected a date YYYY-MM-DD, got {_show(value)}")


def a_time(value: Any, path: Path_) -> str:
    # YAML 1.1 reads an unquoted 18:30 as the base-60 number 1110.
    if isinstance(value, int) and not isinstance(value, bool) and 0 <= value < 24 * 60:
        return f"{value // 60:02d}:{value % 60:02d}"
    if isinstance(value, str):
        if not value.strip():
            return ""
        match = _TIME.match(value.strip())
        if match:
            return f"{int(match[1]):02d}:{match[2]}"
    raise Invalid(path, f"expected a time HH:MM (24-hour), got {_show(value)}")


def minutes(value: Any, path: Path_) -> float:
    if isinstance(value, bool) or not isinstance(value, (int, float)) or not 0 < value <= 60:
        raise Invalid(path, f"expected a number of minutes between 0 and 60, got {_show(value)}")
    return value


def wpm(value: Any, path: Path_) -> int:
    if isinstance(value, bool) or not isinstance(value, int) or not 60 <= value <= 250:
        raise Invalid(path, f"expected words per minute, a whole number 60-250, got {_show(value)}")
    return value


def one_of(choices: tuple[str, ...], allow_empty: bool = False) -> Callable[[Any, Path_], str]:
    def convert(value: Any, path: Path_) -> str:
        value = text(value, path)
        if value in choices or (allow_empty and value == ""):
            return value
        raise Invalid(path, f"expected one of {', '.join(choices)}; got {_show(value)}")

    return convert


def list_of(item: Callable[[Any, Path_], T]) -> Callable[[Any, Path_], list[T]]:
    def convert(value: Any, path: Path_) -> list[T]:
        if not isinstance(value, list):
            raise Invalid(path, f"expected a list (lines starting with '- '), got {_show(value)}")
        return [item(v, (*path, i)) for i, v in enumerate(value)]

    return convert


def check_format(data: dict[str, Any], path: Path_ = ()) -> None:
    found = data.get("format", FORMAT)
    if found != FORMAT:
        raise Invalid(
            (*path, "format"),
            f"this file is format {_show(found)}; this meetingkit reads format {FORMAT}. "
            "Update meetingkit or restore the file",
        )


# --- settings -----------------------------------------------------------------


def official(value: Any, path: Path_) -> Official:
    if isinstance(value, str):
        return Official(name=value)
    data = _mapping(value, path)
    return Official(
        name=_get(data, "name", path, text, required=True),
        title=_get(data, "title", path, text, ""),
        role=_get(data, "role", path, text, ""),
    )


def keymap(value: Any, path: Path_) -> dict[str, str]:
    data = _mapping(value, path)
    return {str(k): text(v, (*path, str(k))) for k, v in data.items()}


def names(value: Any, path: Path_) -> dict[str, dict[str, str]]:
    data = _mapping(value, path)
    out: dict[str, dict[str, str]] = {}
    for lang, block in data.items():
        where = (*path, str(lang))
        slug(lang, where)
        out[str(lang)] = {}
        for key, name in _mapping(block, where).items():
            if key not in PLACEHOLDERS:
                raise Invalid((*where, str(key)), f"expected one of {', '.join(PLACEHOLDERS)}; got {key!r}")
            out[str(lang)][key] = text(name, (*where, key))
    return out


def settings_from(data: Any) -> Settings:
    data = _mapping(data, ())
    check_format(data)
    return Settings(
        group=_get(data, "group", (), text, ""),
        contact=_get(data, "contact", (), text, ""),
        website=_get(data, "website", (), text, ""),
        jurisdiction=_get(data, "jurisdiction", (), text, ""),
        agency=_get(data, "agency", (), text, ""),
        state=_get(data, "state", (), text, ""),
        body=_get(data, "body", (), text, ""),
        officials=_get(data, "officials", (), list_of(official), []),
        languages=_get(data, "languages", (), list_of(slug), ["en"]) or ["en"],
        wpm=_get(data, "wpm", (), wpm, 130),
        font=_get(data, "font", (), text, ""),
        names=_get(data, "names", (), names, {}),
        keymap=_get(data, "keymap", (), keymap, {}),
    )


def settings_to(s: Settings) -> dict[str, Any]:
    data: dict[str, Any] = {
        "format": FORMAT,
        "group": s.group,
        "contact": s.contact,
        "website": s.website,
        "jurisdiction": s.jurisdiction,
        "agency": s.agency,
        "state": s.state,
        "body": s.body,
        "officials": [_drop_empty({"name": o.name, "title": o.title, "role": o.role}) for o in s.officials],
        "languages": list(s.languages),
        "wpm": s.wpm,
    }
    if s.font:
        data["font"] = s.font
    if s.names:
        data["names"] = {lang: dict(n) for lang, n in s.names.items()}
    if s.keymap:
        data["keymap"] = dict(s.keymap)
    return data


def _drop_empty(data: dict[str, Any]) -> dict[str, Any]:
    return {k: v for k, v in data.items() if v not in ("", None, [])}


# --- meetings -----------------------------------------------------------------


def agenda_entry(value: Any, path: Path_) -> AgendaEntry:
    if isinstance(value, str):
        return AgendaEntry(question=slug(value, path))
    data = _mapping(value, path)
    return AgendaEntry(
        question=_get(data, "question", path, slug, required=True),
        text=_get(data, "text", path, text, ""),
        speaker=_get(data, "speaker", path, text, ""),
    )


def meeting_from(data: Any) -> Meeting:
    data = _mapping(data, ())
    check_format(data)
    return Meeting(
        id=_get(data, "id", (), slug, required=True),
        body=_get(data, "body", (), text, required=True),
        date=_get(data, "date", (), a_date, required=True),
        time=_get(data, "time", (), a_time, ""),
        location=_get(data, "location", (), text, ""),
        agenda_item=_get(data, "agenda_item", (), text, ""),
        minutes=_get(data, "minutes", (), minutes, 3),
        signup=_get(data, "signup", (), text, ""),
        language=_get(data, "language", (), slug, "en"),
        agenda=_get(data, "agenda", (), list_of(agenda_entry), []),
        notes=_get(data, "notes", (), text, ""),
    )


def meeting_to(m: Meeting) -> dict[str, Any]:
    return {
        "format": FORMAT,
        "id": m.id,
        "body": m.body,
        "date": m.date,
        "time": m.time,
        "location": m.location,
        "agenda_item": m.agenda_item,
        "minutes": m.minutes,
        "signup": m.signup,
        "language": m.language,
        "agenda": [
            _drop_empty({"question": e.question, "text": e.text, "speaker": e.speaker}) for e in m.agenda
        ],
        "notes": m.notes,
    }


# --- answers and promises -----------------------------------------------------


def change(value: Any, path: Path_) -> Change:
    data = _mapping(value, path)
    if "on" not in data and True in data:  # YAML 1.1 reads a hand-typed bare `on:` key as true
        data = {("on" if k is True else k): v for k, v in data.items()}
    return Change(
        on=_get(data, "on", path, a_date, required=True),
        status=_get(data, "status", path, one_of(PROMISE_STATUSES), required=True),
        note=_get(data, "note", path, text, ""),
        evidence=_get(data, "evidence", path, text, ""),
    )


def promise(value: Any, path: Path_) -> Promise:
    data = _mapping(value, path)
    return Promise(
        id=_get(data, "id", path, text, required=True),
        what=_get(data, "what", path, text, required=True),
        official=_get(data, "official", path, text, ""),
        due=_get(data, "due", path, a_date, None),
        status=_get(data, "status", path, one_of(PROMISE_STATUSES), "open"),
        history=_get(data, "history", path, list_of(change), []),
    )


def answer_from(data: Any) -> Answer:
    data = _mapping(data, ())
    check_format(data)
    return Answer(
        meeting=_get(data, "meeting", (), slug, required=True),
        question=_get(data, "question", (), slug, required=True),
        status=_get(data, "status", (), one_of(ANSWER_STATUSES, allow_empty=True), ""),
        official=_get(data, "official", (), text, ""),
        said=_get(data, "said", (), text, ""),
        source=_get(data, "source", (), text, ""),
        notes=_get(data, "notes", (), text, ""),
        promises=_get(data, "promises", (), list_of(promise), []),
    )


def promise_to(p: Promise) -> dict[str, Any]:
    return {
        "id": p.id,
        "what": p.what,
        "official": p.official,
        "due": p.due,
        "status": p.status,
        "history": [
            _drop_empty({"on": c.on, "status": c.status, "note": c.note, "evidence": c.evidence})
            for c in p.history
        ],
    }


def answer_to(a: Answer) -> dict[str, Any]:
    return {
        "format": FORMAT,
        "meeting": a.meeting,
        "question": a.question,
        "status": a.status,
        "official": a.official,
        "said": a.said,
        "source": a.source,
        "notes": a.notes,
        "promises": [promise_to(p) for p in a.promises],
    }


# --- question banks -----------------------------------------------------------


def question_text(value: Any, path: Path_) -> QuestionText:
    data = _mapping(value, path)
    return QuestionText(
        text=_get(data, "text", path, text, required=True),
        why=_get(data, "why", path, text, ""),
        follow_ups=_get(data, "follow_ups", path, list_of(text), []),
        clear_answer=_get(data, "clear_answer", path, text, ""),
        red_flags=_get(data, "red_flags", path, list_of(text), []),
        records=_get(data, "records", path, list_of(text), []),
    )


def source_entry(value: Any, path: Path_) -> Source:
    data = _mapping(value, path)
    return Source(
        title=_get(data, "title", path, text, required=True),
        url=_get(data, "url", path, text, required=True),
        checked=_get(data, "checked", path, a_date, required=True),
    )


_QUESTION_KEYS = {"id", "topic", "ask", "sources"}


def question(value: Any, path: Path_, source: str = "") -> Question:
    data = _mapping(value, path)
    texts = {
        str(lang): question_text(block, (*path, str(lang)))
        for lang, block in data.items()
        if lang not in _QUESTION_KEYS
    }
    if not texts:
        raise Invalid(path, "expected at least one language block (en:, es:, ...) with a `text`")
    for lang in texts:
        slug(lang, (*path, lang))
    return Question(
        id=_get(data, "id", path, slug, required=True),
        topic=_get(data, "topic", path, slug, required=True),
        ask=_get(data, "ask", path, list_of(slug), []),
        sources=_get(data, "sources", path, list_of(source_entry), []),
        texts=texts,
        source=source,
    )


def labels(value: Any, path: Path_) -> dict[str, str]:
    if isinstance(value, str):
        return {"en": value}
    data = _mapping(value, path)
    return {str(k): text(v, (*path, str(k))) for k, v in data.items()}


def way(value: Any, path: Path_) -> Way:
    data = _mapping(value, path)
    wid = _get(data, "id", path, slug, required=True)
    return Way(id=wid, texts=labels({k: v for k, v in data.items() if k != "id"}, path))


def bank_from(
    data: Any, source: str
) -> tuple[dict[str, str], dict[str, dict[str, str]], list[Way], list[Question]]:
    """Title, topics, ways and questions of one bank file."""
    data = _mapping(data, ())
    check_format(data)
    title = _get(data, "title", (), labels, {})
    topics_raw = _get(data, "topics", (), _mapping, {})
    topics = {str(k): labels(v, ("topics", str(k))) for k, v in topics_raw.items()}
    ways = _get(data, "ways", (), list_of(way), [])
    raw = _get(data, "questions", (), lambda v, p: list_of(lambda x, q: x)(v, p), [])
    questions = [question(q, ("questions", i), source) for i, q in enumerate(raw)]
    return title, topics, ways, questions
