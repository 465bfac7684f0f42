"""Answers and promises over time: logging them, and what is overdue as of a date.

Overdue is derived, never stored: a promise is overdue when it is still open
and its due date has passed as of the day asked about.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from .model import ANSWER_STATUSES, PROMISE_STATUSES, Answer, Change, Promise, promise_id


def is_overdue(promise: Promise, as_of: date) -> bool:
    return promise.status == "open" and promise.due is not None and promise.due < as_of


def days_overdue(promise: Promise, as_of: date) -> int:
    return (as_of - promise.due).days if is_overdue(promise, as_of) and promise.due else 0


def log_answer(
    answer: Answer,
    status: str,
    official: str | None = None,
    said: str | None = None,
    source: str | None = None,
    notes: str | None = None,
) -> None:
    """Record what happened to a question; fields not given keep their value."""
    if status not in ANSWER_STATUSES:
        raise ValueError(f"status must be one of {', '.join(ANSWER_STATUSES)}")
    answer.status = status
    for name, value in (("official", official), ("said", said), ("source", source), ("notes", notes)):
        if value is not None:
            setattr(answer, name, value)


def add_promise(
    answer: Answer, what: str, due: date | None, official: str, on: date, note: str = ""
) -> Promise:
    """A new open promise, numbered after the answer's existing ones."""
    number = 1 + max(
        (int(p.id.rsplit("-", 1)[-1]) for p in answer.promises if p.id[-1:].isdigit()), default=0
    )
    promise = Promise(
        id=promise_id(answer.meeting, answer.question, number),
        what=what,
        official=official or answer.official,
        due=due,
        history=[Change(on=on, status="open", note=note or "promise made")],
    )
    answer.promises.append(promise)
    return promise


def set_status(promise: Promise, status: str, on: date, note: str = "", evidence: str = "") -> None:
    """Change a promise's status in any direction, keeping the dated history."""
    if status not in PROMISE_STATUSES:
        raise ValueError(f"status must be one of {', '.join(PROMISE_STATUSES)}")
    promise.status = status
    promise.history.append(Change(on=on, status=status, note=note, evidence=evidence))


@dataclass(frozen=True)
class PromiseRow:
    """One promise as listed: where it was made and where it stands as of a date."""

    promise: Promise
    meeting: str
    question: str
    overdue: bool
    days_overdue: int

    def as_json(self) -> dict[str, object]:
        p = self.promise
        return {
            "id": p.id,
            "meeting": self.meeting,
            "question": self.question,
            "official": p.official,
            "what": p.what,
            "due": p.due.isoformat() if p.due else None,
            "status": p.status,
            "overdue": self.overdue,
            "days_overdue": self.days_overdue,
            "made_on": p.made_on.isoformat() if p.made_on else None,
        }


def promise_rows(answers: list[Answer], as_of: date) -> list[PromiseRow]:
    """Every promise, most overdue first, then by due date (no date last)."""
    rows = [
        PromiseRow(p, a.meeting, a.question, is_overdue(p, as_of), days_overdue(p, as_of))
        for a in answers
        for p in a.promises
    ]
    rows.sort(key=lambda r: (-r.days_overdue, r.promise.due or date.max, r.promise.id))
    return rows
