"""Answers and promises over time: logging them, where each promise stands as
of a date, and the accountability summary built from the whole record.

Overdue is derived, never stored: a promise is overdue when it was still open
on the day asked about and its due date had passed. Every function here is
pure (no files, no clock), so the command line, the app and the exports share
one reading of the record.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from datetime import date

import msgspec

from .bank import Bank, entry_text, placeholder_values
from .errors import NotFound, UsageError
from .model import (
    ANSWER_STATUSES,
    PROMISE_STATUSES,
    Answer,
    Change,
    Meeting,
    Official,
    Promise,
    Settings,
    promise_id,
    split_promise_id,
)

NO_DATE = "no date given"
"""How a promise without a due date is listed: officials who won't commit to a date is itself a finding."""

ANSWER_LABELS = {
    "answered": "answered",
    "partial": "partly answered",
    "deflected": "deflected",
    "declined": "declined",
    "not-asked": "not asked",
    "": "no answer logged yet",
}
PROMISE_LABELS = {s: s.replace("-", " ") for s in PROMISE_STATUSES}
"""Statuses as a reader sees them ("partly kept", "no answer logged yet")."""

# --- logging ------------------------------------------------------------------


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
    answer.status = status  # type: ignore[assignment]  # checked against ANSWER_STATUSES above
    for name, value in (("official", official), ("said", said), ("source", source), ("notes", notes)):
        if value is not None:
            setattr(answer, name, value)


def add_promise(
    answer: Answer, what: str, due: date | None, official: str, on: date, note: str = ""
) -> Promise:
    """A new open promise, numbered after the answer's existing ones."""
    if due is not None and due < on:
        raise UsageError(
            f"the due date {due.isoformat()} is before the promise was made ({on.isoformat()}); "
            "check --due (and --on)"
        )
    number = 1 + max((parts[2] for p in answer.promises if (parts := split_promise_id(p.id))), default=0)
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
    """Change a promise's status in any direction, keeping the dated history.

    The same status again is allowed: it records a dated note ("called the
    clerk, no reply") without pretending anything changed.
    """
    if status not in PROMISE_STATUSES:
        raise ValueError(f"status must be one of {', '.join(PROMISE_STATUSES)}")
    if promise.made_on is not None and on < promise.made_on:
        raise UsageError(
            f"the change is dated {on.isoformat()}, before promise {promise.id} was made "
            f"({promise.made_on.isoformat()}); give a date on or after that"
        )
    promise.status = status  # type: ignore[assignment]  # checked against PROMISE_STATUSES above
    promise.history.append(Change(on=on, status=promise.status, note=note, evidence=evidence))


def date_problems(answer: Answer, meeting: Meeting | None) -> list[tuple[str, str]]:
    """Dates in an answer's promises that cannot be true, each with its field:
    a promise made before its meeting, due before it was made, changed
    before it was made."""
    found = []
    held = meeting.date if meeting is not None else None
    for i, p in enumerate(answer.promises):
        made = p.made_on
        if held and made and made < held:
            found.append((f"promises[{i}].history[0].on", f"made on {made}, before the meeting of {held}"))
        start = made or held
        if p.due and start and p.due < start:
            found.append((f"promises[{i}].due", f"due {p.due}, before the promise was made ({start})"))
        for j, c in enumerate(p.history):
            if made and c.on < made:
                found.append(
                    (f"promises[{i}].history[{j}].on", f"dated {c.on}, before the promise was made ({made})")
                )
    return found


# --- where a promise stands ---------------------------------------------------


def status_on(promise: Promise, day: date) -> str:
    """The promise's status as it stood on ``day``.

    From its latest dated change on, the stored status is the truth; before
    that the history is replayed, so a report as of an earlier day does not
    show as kept a promise that was only kept later.
    """
    changes = sorted(promise.history, key=lambda c: c.on)
    if not changes or day >= changes[-1].on:
        return promise.status
    earlier = [c for c in changes if c.on <= day]
    return earlier[-1].status if earlier else "open"


def last_change(promise: Promise, day: date) -> Change | None:
    """The latest change made on or before ``day`` (same-day changes keep their order)."""
    earlier = [c for c in sorted(promise.history, key=lambda c: c.on) if c.on <= day]
    return earlier[-1] if earlier else None


def is_overdue(promise: Promise, as_of: date) -> bool:
    """Open on ``as_of`` and past its due date; the due day itself is not late yet."""
    return promise.due is not None and promise.due < as_of and status_on(promise, as_of) == "open"


def days_overdue(promise: Promise, as_of: date) -> int:
    return (as_of - promise.due).days if is_overdue(promise, as_of) and promise.due else 0


def due_text(promise: Promise) -> str:
    return promise.due.isoformat() if promise.due else NO_DATE


class PromiseRow(msgspec.Struct, frozen=True):
    """One promise as listed: where it was made and where it stands as of a date."""

    promise: Promise
    meeting: str
    question: str
    overdue: bool
    days_overdue: int
    status: str = ""
    """The status as of the row's date (the stored one when not given)."""
    as_of: date | None = None

    def __post_init__(self) -> None:
        if not self.status:
            object.__setattr__(self, "status", self.promise.status)

    @property
    def change(self) -> Change | None:
        """The latest change as of the row's date: when and why it stands where it does."""
        p = self.promise
        return last_change(p, self.as_of) if self.as_of else (p.history[-1] if p.history else None)

    def as_json(self) -> dict[str, object]:
        """The promise's fields and where it stands as of the row's date."""
        from .codec import to_json

        return to_json(self.promise) | {
            "meeting": self.meeting,
            "question": self.question,
            "due_text": due_text(self.promise),
            "status": self.status,
            "stored_status": self.promise.status,
            "overdue": self.overdue,
            "days_overdue": self.days_overdue,
            "made_on": self.promise.made_on.isoformat() if self.promise.made_on else None,
        }


def promise_row(promise: Promise, answer: Answer, as_of: date) -> PromiseRow:
    return PromiseRow(
        promise,
        answer.meeting,
        answer.question,
        is_overdue(promise, as_of),
        days_overdue(promise, as_of),
        status_on(promise, as_of),
        as_of,
    )


def promise_rows(answers: list[Answer], as_of: date) -> list[PromiseRow]:
    """Every promise, most overdue first, then by due date (no date last)."""
    rows = [promise_row(p, a, as_of) for a in answers for p in a.promises]
    rows.sort(key=lambda r: (-r.days_overdue, r.promise.due or date.max, r.promise.id))
    return rows


def find_row(rows: list[PromiseRow], pid: str) -> PromiseRow:
    for row in rows:
        if row.promise.id == pid:
            return row
    raise NotFound(f"no promise {pid!r}; `meetingkit promise list` shows every promise with its id")


# --- who said it --------------------------------------------------------------

NOBODY = "(not recorded)"


def official_name(text: str, officials: list[Official]) -> str:
    """One name per person, so "Sheriff Dana Whitfield" and "Dana Whitfield"
    are counted together: a known official (from the settings) found in the
    text wins; otherwise the text itself, with its spacing tidied."""
    tidy = " ".join(text.split())
    folded = tidy.casefold()
    for person in officials:
        if person.name and person.name.casefold() in folded:
            return f"{person.name} ({person.title})" if person.title else person.name
    return tidy or NOBODY


# --- the accountability summary -----------------------------------------------


class Asked(msgspec.Struct, frozen=True):
    """One time a question was on a meeting's agenda, and what came of it.

    ``answer`` is None when nothing has been logged for it yet.
    """

    meeting: Meeting
    question: str
    answer: Answer | None
    text: str
    """The question as it was put at that meeting (tailored, in its language)."""

    @property
    def status(self) -> str:
        return self.answer.status if self.answer else ""


class QuestionRecord(msgspec.Struct, frozen=True):
    """A question across meetings: how often asked, each answer, latest status."""

    question: str
    topic: str
    text: str
    asked: list[Asked]
    promises: list[PromiseRow]

    @property
    def times_asked(self) -> int:
        """Meetings where it was actually put to officials (not-asked does not count)."""
        return sum(1 for a in self.asked if a.status != "not-asked")

    @property
    def latest(self) -> str:
        """The latest logged status; empty when none is logged."""
        logged = [a.status for a in self.asked if a.status]
        return logged[-1] if logged else ""


class OfficialRecord(msgspec.Struct, frozen=True):
    """One official's record: the answers they gave and the promises they made."""

    name: str
    answers: list[Answer]
    promises: list[PromiseRow]

    def answer_counts(self) -> Counter[str]:
        return Counter(a.status for a in self.answers)

    def promise_counts(self) -> Counter[str]:
        """Promises by status as of the summary's date."""
        return Counter(r.status for r in self.promises)

    @property
    def overdue(self) -> int:
        return sum(1 for r in self.promises if r.overdue)

    @property
    def no_date(self) -> int:
        return sum(1 for r in self.promises if r.promise.due is None)


class Summary(msgspec.Struct, frozen=True):
    """Everything the report says, private notes already removed unless asked for."""

    as_of: date
    include_private: bool
    held: list[Meeting]
    """Meetings on or before ``as_of``, oldest first."""
    upcoming: list[Meeting]
    questions: list[QuestionRecord]
    officials: list[OfficialRecord]
    promises: list[PromiseRow]
    answers: list[Answer] = msgspec.field(default_factory=list)
    """Logged answers at held meetings, in meeting and agenda order."""

    @property
    def overdue(self) -> list[PromiseRow]:
        return [r for r in self.promises if r.overdue]

    def answer_counts(self) -> Counter[str]:
        return Counter(a.status for a in self.answers if a.status)

    def promise_counts(self) -> Counter[str]:
        return Counter(r.status for r in self.promises)


def public_meeting(meeting: Meeting, include_private: bool) -> Meeting:
    return meeting if include_private else meeting.evolve(notes="")


def public_answer(answer: Answer, include_private: bool) -> Answer:
    return answer if include_private else answer.evolve(notes="")


def summarize(
    meetings: list[Meeting],
    answers: list[Answer],
    bank: Bank,
    settings: Settings,
    as_of: date,
    include_private: bool = False,
) -> Summary:
    """The accountability summary as of a day: per question across meetings and
    per official, from meetings held on or before that day.

    Private notes (a meeting's and an answer's ``notes``) are dropped here,
    once, so no export can print them by mistake.
    """
    meetings = sorted(meetings, key=lambda m: (m.date, m.time, m.id))
    held = [public_meeting(m, include_private) for m in meetings if m.date <= as_of]
    upcoming = [public_meeting(m, include_private) for m in meetings if m.date > as_of]
    logged: dict[str, dict[str, Answer]] = {m.id: {} for m in held}
    for a in answers:
        if a.meeting in logged:
            logged[a.meeting][a.question] = public_answer(a, include_private)
    asked_list: list[Asked] = []
    for meeting in held:
        on_agenda = [e.question for e in meeting.agenda]
        extra = sorted(set(logged[meeting.id]) - set(on_agenda))
        for qid in [*on_agenda, *extra]:
            text = _asked_text(meeting, qid, bank, settings)
            asked_list.append(Asked(meeting, qid, logged[meeting.id].get(qid), text))
    kept_answers = [a.answer for a in asked_list if a.answer is not None]
    rows = promise_rows(kept_answers, as_of)
    return Summary(
        as_of=as_of,
        include_private=include_private,
        held=held,
        upcoming=upcoming,
        questions=_questions(asked_list, rows, bank),
        officials=_officials(kept_answers, rows, settings.officials),
        promises=rows,
        answers=kept_answers,
    )


def _asked_text(meeting: Meeting, qid: str, bank: Bank, settings: Settings) -> str:
    """The wording put to officials: the tailored text, else the bank's in the meeting's language."""
    question = bank.questions.get(qid)
    if question is None:
        return qid
    entry = next((e for e in meeting.agenda if e.question == qid), None)
    lang = meeting.language if meeting.language in question.texts else next(iter(question.texts))
    values = placeholder_values(settings, meeting, lang)
    return entry_text(question, lang, values, entry, meeting.language).text


def _questions(asked_list: list[Asked], rows: list[PromiseRow], bank: Bank) -> list[QuestionRecord]:
    """Questions in the order first asked, each with every time it was asked."""
    order: dict[str, list[Asked]] = {}
    for asked in asked_list:
        order.setdefault(asked.question, []).append(asked)
    records = []
    for qid, times in order.items():
        question = bank.questions.get(qid)
        topic = bank.topic_label(question.topic) if question else ""
        records.append(
            QuestionRecord(
                question=qid,
                topic=topic,
                text=times[-1].text,
                asked=times,
                promises=[r for r in rows if r.question == qid],
            )
        )
    return records


def _officials(
    answers: list[Answer], rows: list[PromiseRow], officials: list[Official]
) -> list[OfficialRecord]:
    """Everyone who answered or promised, by name; not-asked questions had no one answer them."""
    said: dict[str, list[Answer]] = defaultdict(list)
    promised: dict[str, list[PromiseRow]] = defaultdict(list)
    for answer in answers:
        if answer.status and answer.status != "not-asked":
            said[official_name(answer.official, officials)].append(answer)
    for row in rows:
        promised[official_name(row.promise.official, officials)].append(row)
    names = sorted(set(said) | set(promised), key=str.casefold)
    return [OfficialRecord(name, said.get(name, []), promised.get(name, [])) for name in names]
