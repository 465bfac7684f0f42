"""The accountability report's content as plain text.

The Markdown export and the printed PDF dress the same words (each escapes
them for its own markup), so the two never disagree about what the record
says. English only: the report goes to press and to officials, and its
quotes stay in the language they were said in.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from functools import lru_cache
from typing import TYPE_CHECKING

from .locale.dates import format_day
from .model import Meeting, Settings
from .tracker import ANSWER_LABELS, NO_DATE, PROMISE_LABELS, PROMISE_STATUSES, Asked, PromiseRow, Summary
from .wording import wording

if TYPE_CHECKING:
    from .requests import RequestRow

LANG = "en"


@lru_cache(maxsize=4096)
def day(on: date) -> str:
    """A date written out; cached, since a long record repeats the same few hundred days."""
    return format_day(on, LANG)


COUNTED_ANSWERS = ("answered", "partial", "deflected", "declined")


def plural(n: int, one: str, many: str | None = None) -> str:
    return f"{n} {one if n == 1 else (many or one + 's')}"


def title(settings: Settings) -> str:
    return f"On the record: {settings.agency}" if settings.agency.strip() else "On the record"


def byline(settings: Settings) -> str:
    return (
        " · ".join(x for x in (settings.group, settings.jurisdiction) if x.strip()) or "Accountability report"
    )


def intro(summary: Summary) -> str:
    return (
        f"As of {day(summary.as_of)}. Answers and promises from "
        f"{plural(len(summary.held), 'meeting')} held so far, with the exact words and where "
        "they are on the record."
    )


def closing(summary: Summary) -> str:
    if summary.include_private:
        return "Private notes are included: do not share this report outside the group."
    return "Made with meetingkit from the group's own record; private notes are left out."


def where(meeting: Meeting) -> str:
    when = day(meeting.date) + (f", {meeting.time}" if meeting.time else "")
    location = wording(meeting.location, meeting.language, meeting.language)
    place = f", {location}" if location else ""
    return f"{when} — {meeting.body}{place}"


def standing(row: PromiseRow) -> str:
    label = PROMISE_LABELS[row.status]
    return f"{label}, {plural(row.days_overdue, 'day')} overdue" if row.overdue else label


def latest(row: PromiseRow) -> str:
    """The latest change as of the row's date: "2026-11-11: emailed; evidence: moa.pdf"."""
    change = row.change
    if change is None:
        return ""
    text = change.on.isoformat() + (f": {change.note}" if change.note else "")
    return text + (f"; evidence: {change.evidence}" if change.evidence else "")


def _counts(counter: dict[str, int], labels: dict[str, str], order: tuple[str, ...]) -> str:
    return ", ".join(f"{labels[k]} {counter.get(k, 0)}" for k in order)


def glance(summary: Summary) -> list[str]:
    answers = summary.answer_counts()
    no_date = sum(1 for r in summary.promises if r.promise.due is None)
    lines = [
        f"Questions put to officials: {sum(answers.get(k, 0) for k in COUNTED_ANSWERS)} "
        f"({_counts(answers, ANSWER_LABELS, COUNTED_ANSWERS)})",
        f"Promises: {len(summary.promises)} "
        f"({_counts(summary.promise_counts(), PROMISE_LABELS, PROMISE_STATUSES)}); "
        f"overdue {len(summary.overdue)}; {NO_DATE} {no_date}",
    ]
    if summary.upcoming:
        lines.append(f"Next meeting: {where(summary.upcoming[0])}")
    return lines


@dataclass(frozen=True)
class Table:
    title: str
    header: list[str]
    rows: list[list[str]]
    numeric: tuple[int, ...] = ()
    """Columns of numbers, aligned right."""


def tables(summary: Summary) -> list[Table]:
    """Overdue promises, all promises, and each official's record (those with rows)."""
    out = []
    if summary.overdue:
        out.append(
            Table(
                f"Overdue promises ({len(summary.overdue)})",
                ["Promise", "Official", "Promised", "Due", "Days overdue"],
                [
                    [r.promise.what, r.promise.official, _iso(r), _iso(r, due=True), str(r.days_overdue)]
                    for r in summary.overdue
                ],
                numeric=(4,),
            )
        )
    if summary.promises:
        out.append(
            Table(
                "All promises",
                [
                    "Promise",
                    "Official",
                    "Promised",
                    "Due",
                    f"Status as of {summary.as_of.isoformat()}",
                    "Latest",
                ],
                [
                    [
                        r.promise.what,
                        r.promise.official,
                        _iso(r),
                        _iso(r, due=True) or NO_DATE,
                        standing(r),
                        latest(r),
                    ]
                    for r in summary.promises
                ],
            )
        )
    answered = [o for o in summary.officials if o.answers]
    if answered:
        header = ["Official", "Answered", "Partly", "Deflected", "Declined"]
        rows = [[o.name, *(str(o.answer_counts().get(k, 0)) for k in COUNTED_ANSWERS)] for o in answered]
        out.append(Table("Answers by official", header, rows, numeric=(1, 2, 3, 4)))
    promised = [o for o in summary.officials if o.promises]
    if promised:
        header = [
            "Official",
            "Kept",
            "Partly kept",
            "Broken",
            "Withdrawn",
            "Open",
            "Overdue",
            NO_DATE.capitalize(),
        ]
        rows = []
        for o in promised:
            counts = o.promise_counts()
            cells = [str(counts.get(k, 0)) for k in ("kept", "partly-kept", "broken", "withdrawn", "open")]
            rows.append([o.name, *cells, str(o.overdue), str(o.no_date)])
        out.append(Table("Promises by official", header, rows, numeric=tuple(range(1, len(header)))))
    return out


def requests_table(rows: Sequence[RequestRow]) -> Table | None:
    """Public records requests past the deadline their law sets (None when there are none)."""
    late = [r for r in rows if r.clock.overdue]
    if not late:
        return None
    return Table(
        f"Overdue public records requests ({len(late)})",
        ["Agency", "Law", "Filed", "Due", "Past the deadline"],
        [
            [
                r.request.agency,
                r.law.name,
                r.clock.filed.isoformat() if r.clock.filed else "",
                r.due_text(),
                f"{r.clock.days_overdue} {r.clock.unit} days",
            ]
            for r in late
        ],
        numeric=(4,),
    )


def _iso(row: PromiseRow, due: bool = False) -> str:
    day = row.promise.due if due else row.promise.made_on
    return day.isoformat() if day else ""


@dataclass(frozen=True)
class AskedText:
    """One time a question was asked: where, the outcome, the words and their source."""

    where: str
    outcome: str
    said: str
    source: str
    notes: str


@dataclass(frozen=True)
class PromiseText:
    official: str
    what: str
    due: str
    standing: str
    history: list[str]


@dataclass(frozen=True)
class QuestionText:
    number: int
    topic: str
    text: str
    times: str
    """ "Asked 2 times" """
    latest: str
    asked: list[AskedText]
    promises: list[PromiseText]


def _asked(asked: Asked) -> AskedText:
    a = asked.answer
    outcome = ANSWER_LABELS[asked.status] + (f" by {a.official}" if a and a.official else "")
    return AskedText(
        where(asked.meeting), outcome, a.said if a else "", a.source if a else "", a.notes if a else ""
    )


def _promise(row: PromiseRow) -> PromiseText:
    p = row.promise
    history = []
    for change in sorted(p.history, key=lambda c: c.on):
        if row.as_of and change.on > row.as_of:
            continue
        line = f"{change.on.isoformat()} {PROMISE_LABELS[change.status]}" + (
            f": {change.note}" if change.note else ""
        )
        history.append(line + (f" (evidence: {change.evidence})" if change.evidence else ""))
    due = f"due {day(p.due)}" if p.due else NO_DATE
    return PromiseText(p.official, p.what, due, standing(row), history)


def questions(summary: Summary) -> list[QuestionText]:
    return [
        QuestionText(
            number=n,
            topic=q.topic or q.question,
            text=q.text,
            times=f"Asked {plural(q.times_asked, 'time')}",
            latest=ANSWER_LABELS[q.latest],
            asked=[_asked(a) for a in q.asked],
            promises=[_promise(r) for r in q.promises],
        )
        for n, q in enumerate(summary.questions, 1)
    ]


def meetings(summary: Summary) -> list[tuple[str, str]]:
    """(line, private notes) for each meeting held, then each upcoming one."""
    held = [(where(m), m.notes) for m in summary.held]
    return held + [(f"Upcoming: {where(m)}", m.notes) for m in summary.upcoming]
