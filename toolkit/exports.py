"""The record in other people's formats: Markdown for email and press, CSV for
spreadsheets, iCalendar for calendar programs. Pure functions from the
accountability summary to text or bytes; writing files is the caller's job.

CSV follows RFC 4180 (comma-separated, fields quoted when needed, CRLF line
ends), encoded as UTF-8 without a byte-order mark: one row per logged answer
and one per promise, with the columns of ``report_columns``.
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Iterable
from datetime import date, datetime, time, timedelta

from .model import Answer, Meeting, Settings, slugify
from .report_columns import csv_columns
from .testimony import format_day
from .tracker import (
    ANSWER_LABELS,
    NO_DATE,
    PROMISE_LABELS,
    PROMISE_STATUSES,
    PromiseRow,
    QuestionRecord,
    Summary,
)

# --- Markdown -------------------------------------------------------------------

_URL = re.compile(r"https?://[^\s<>|\"]+[^\s<>|\".,;:!?)\]]")
_MD_SPECIAL = re.compile(r"([\\`*_\[\]<>|#])")
_LINE_START = re.compile(r"^([-+>]|\d+[.)])")


def md_text(text: str) -> str:
    """User text on one Markdown line, printing as itself: markup characters
    are escaped, links become autolinks, line breaks become spaces (so a
    quote cannot break out of its table cell or start a heading)."""
    flat = " ".join(text.split())
    out, at = [], 0
    for match in _URL.finditer(flat):
        out.append(_MD_SPECIAL.sub(r"\\\1", flat[at : match.start()]))
        out.append(f"<{match.group(0)}>")
        at = match.end()
    out.append(_MD_SPECIAL.sub(r"\\\1", flat[at:]))
    return _LINE_START.sub(r"\\\1", "".join(out))


def _table(header: list[str], rows: Iterable[list[str]], right: Iterable[int] = ()) -> list[str]:
    align = ["---:" if i in set(right) else "---" for i in range(len(header))]
    lines = ["| " + " | ".join(header) + " |", "| " + " | ".join(align) + " |"]
    lines += ["| " + " | ".join(cells) + " |" for cells in rows]
    return [*lines, ""]


def _plural(n: int, one: str, many: str | None = None) -> str:
    return f"{n} {one if n == 1 else (many or one + 's')}"


def _where(meeting: Meeting) -> str:
    when = format_day(meeting.date, "en") + (f", {meeting.time}" if meeting.time else "")
    return f"{when} — {md_text(meeting.body)}" + (
        f", {md_text(meeting.location)}" if meeting.location else ""
    )


def _standing(row: PromiseRow) -> str:
    label = PROMISE_LABELS[row.status]
    return f"{label}, {_plural(row.days_overdue, 'day')} overdue" if row.overdue else label


def report_markdown(summary: Summary, settings: Settings) -> str:
    """The accountability report: a glance, overdue promises, every promise,
    each official's record, and each question with the exact quotes and sources."""
    as_of = format_day(summary.as_of, "en")
    title = f"On the record: {settings.agency}" if settings.agency else "On the record"
    lines = [f"# {md_text(title)}", ""]
    lines += [
        " · ".join(md_text(x) for x in (settings.group, settings.jurisdiction) if x)
        or "Accountability report",
        "",
        f"As of {as_of}. Answers and promises from "
        + _plural(len(summary.held), "meeting")
        + " held so far, with the exact words and where they are on the record.",
        "",
    ]
    lines += _glance(summary)
    if summary.overdue:
        lines += [f"## Overdue promises ({len(summary.overdue)})", ""]
        lines += _table(
            ["Promise", "Official", "Promised", "Due", "Days overdue"],
            (
                [
                    md_text(r.promise.what),
                    md_text(r.promise.official),
                    _iso(r.promise.made_on),
                    _iso(r.promise.due),
                    str(r.days_overdue),
                ]
                for r in summary.overdue
            ),
            right=[4],
        )
    if summary.promises:
        lines += ["## All promises", ""]
        lines += _table(
            ["Promise", "Official", "Promised", "Due", f"Status as of {summary.as_of.isoformat()}", "Latest"],
            (
                [
                    md_text(r.promise.what),
                    md_text(r.promise.official),
                    _iso(r.promise.made_on),
                    r.promise.due.isoformat() if r.promise.due else f"*{NO_DATE}*",
                    _standing(r),
                    _change_text(r),
                ]
                for r in summary.promises
            ),
        )
    lines += _officials(summary)
    lines += _questions(summary)
    lines += _meetings(summary)
    lines += [
        "---",
        "",
        "*Private notes are included: do not share this report outside the group.*"
        if summary.include_private
        else "*Made with meetingkit from the group's own record; private notes are left out.*",
        "",
    ]
    return "\n".join(lines)


def _iso(day: date | None) -> str:
    return day.isoformat() if day else ""


def _change_text(row: PromiseRow) -> str:
    change = row.change
    if change is None:
        return ""
    parts = [change.on.isoformat()]
    if change.note:
        parts.append(md_text(change.note))
    if change.evidence:
        parts.append(f"evidence: {md_text(change.evidence)}")
    return ": ".join(parts[:2]) + ("; " + parts[2] if len(parts) > 2 else "")


def _counts(counter: dict[str, int], labels: dict[str, str], order: Iterable[str]) -> str:
    return ", ".join(f"{labels[k]} {counter.get(k, 0)}" for k in order)


def _glance(summary: Summary) -> list[str]:
    answers = summary.answer_counts()
    promises = summary.promise_counts()
    asked = sum(n for status, n in answers.items() if status != "not-asked")
    no_date = sum(1 for r in summary.promises if r.promise.due is None)
    lines = [
        "## At a glance",
        "",
        f"- Questions put to officials: {asked} "
        f"({_counts(answers, ANSWER_LABELS, ('answered', 'partial', 'deflected', 'declined'))})",
        f"- Promises: {len(summary.promises)} ({_counts(promises, PROMISE_LABELS, PROMISE_STATUSES)}); "
        f"overdue {len(summary.overdue)}; {NO_DATE} {no_date}",
    ]
    if summary.upcoming:
        lines.append(f"- Next meeting: {_where(summary.upcoming[0])}")
    return [*lines, ""]


def _officials(summary: Summary) -> list[str]:
    if not summary.officials:
        return []
    header = ["Official", "Answered", "Partly", "Deflected", "Declined"]
    header += ["Kept", "Partly kept", "Broken", "Open", "Overdue", NO_DATE.capitalize()]
    rows = []
    for o in summary.officials:
        said, promised = o.answer_counts(), o.promise_counts()
        cells = [md_text(o.name)]
        cells += [str(said.get(k, 0)) for k in ("answered", "partial", "deflected", "declined")]
        cells += [str(promised.get(k, 0)) for k in ("kept", "partly-kept", "broken", "open")]
        cells += [str(o.overdue), str(o.no_date)]
        rows.append(cells)
    return ["## Officials", "", *_table(header, rows, right=range(1, len(header)))]


def _questions(summary: Summary) -> list[str]:
    lines: list[str] = ["## Questions", ""] if summary.questions else []
    for n, q in enumerate(summary.questions, 1):
        lines += [f"### {n}. {md_text(q.topic or q.question)}", "", f"> {md_text(q.text)}", ""]
        latest = ANSWER_LABELS[q.latest]
        lines += [f"Asked {_plural(q.times_asked, 'time')}; latest: **{latest}**.", ""]
        for asked in q.asked:
            lines += _asked(asked.meeting, asked.answer)
        lines += _promises_of(q)
    return lines


def _asked(meeting: Meeting, answer: Answer | None) -> list[str]:
    head = f"- **{_where(meeting)}**: {ANSWER_LABELS[answer.status if answer else '']}"
    if answer is None:
        return [head, ""]
    if answer.official:
        head += f" by {md_text(answer.official)}"
    lines = [head, ""]
    for lead, value in (("> ", answer.said), ("Source: ", answer.source), ("Private notes: ", answer.notes)):
        if value:
            lines += [f"  {lead}{md_text(value)}", ""]
    return lines


def _promises_of(q: QuestionRecord) -> list[str]:
    lines = []
    for row in q.promises:
        p = row.promise
        due = f"due {format_day(p.due, 'en')}" if p.due else NO_DATE
        who = f" ({md_text(p.official)})" if p.official else ""
        lines.append(f"- Promise{who}: {md_text(p.what)} — {due} — **{_standing(row)}**")
        for change in sorted(p.history, key=lambda c: c.on):
            if row.as_of and change.on > row.as_of:
                continue
            note = f": {md_text(change.note)}" if change.note else ""
            evidence = f" (evidence: {md_text(change.evidence)})" if change.evidence else ""
            lines.append(f"  - {change.on.isoformat()} {PROMISE_LABELS[change.status]}{note}{evidence}")
    return [*lines, ""] if lines else []


def _meetings(summary: Summary) -> list[str]:
    lines = ["## Meetings", ""]
    for meeting in summary.held:
        lines.append(f"- {_where(meeting)}")
        if meeting.notes:
            lines.append(f"  - Private notes: {md_text(meeting.notes)}")
    lines += [f"- Upcoming: {_where(m)}" for m in summary.upcoming]
    return [*lines, ""]


# --- CSV ----------------------------------------------------------------------


def report_csv(summary: Summary) -> str:
    """One row per logged answer, then one per promise (RFC 4180; encode as UTF-8)."""
    columns = csv_columns(summary.include_private)
    buffer = io.StringIO(newline="")
    writer = csv.DictWriter(buffer, fieldnames=columns, lineterminator="\r\n", extrasaction="ignore")
    writer.writeheader()
    meetings = {m.id: m for m in summary.held}
    topics = {q.question: q.topic for q in summary.questions}
    as_of = summary.as_of.isoformat()
    for answer in summary.answers:
        meeting = meetings[answer.meeting]
        writer.writerow(
            {
                "record": "answer",
                **_place(meeting, answer.question, topics),
                "official": answer.official,
                "status": answer.status,
                "said": answer.said,
                "source": answer.source,
                "as_of": as_of,
                "notes": answer.notes,
            }
        )
    for row in summary.promises:
        p, change = row.promise, row.change
        writer.writerow(
            {
                "record": "promise",
                **_place(meetings[row.meeting], row.question, topics),
                "official": p.official,
                "status": row.status,
                "promise_id": p.id,
                "promised": p.what,
                "made_on": _iso(p.made_on),
                "due": _iso(p.due),
                "overdue": "yes" if row.overdue else "no",
                "days_overdue": row.days_overdue,
                "last_change": _iso(change.on) if change else "",
                "last_note": change.note if change else "",
                "evidence": change.evidence if change else "",
                "as_of": as_of,
            }
        )
    return buffer.getvalue()


def _place(meeting: Meeting, question: str, topics: dict[str, str]) -> dict[str, str]:
    return {
        "meeting": meeting.id,
        "meeting_date": meeting.date.isoformat(),
        "body": meeting.body,
        "question": question,
        "topic": topics.get(question, ""),
    }


# --- iCalendar ----------------------------------------------------------------

MEETING_HOURS = 2
"""A meeting's length in calendars: meetings record a start time only."""


def event_uid(kind: str, record_id: str, settings: Settings) -> str:
    """Stable across runs and machines, so re-importing updates an event
    instead of adding a second copy; the group keeps two groups' ids apart."""
    return f"{kind}-{record_id}@{slugify(settings.group, 'workspace')}.meetingkit"


def calendar_ics(
    meetings: list[Meeting], rows: list[PromiseRow], settings: Settings, stamp: datetime
) -> bytes:
    """Meetings (at their time and place) and promise due dates (all-day).

    Times are floating (no time zone): a meeting at 18:30 shows at 18:30
    wherever the calendar is. ``stamp`` is when the file was made (UTC).
    Private notes never go into a calendar, which is often synced to a
    cloud service.
    """
    from icalendar import Calendar, Event

    cal = Calendar()
    cal.add("prodid", "-//meetingkit//accountability calendar//EN")
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    name = f"{settings.group}: meetings and promises" if settings.group else "meetingkit"
    cal.add("x-wr-calname", name)
    for meeting in sorted(meetings, key=lambda m: (m.date, m.time, m.id)):
        event = Event()
        event.add("uid", event_uid("meeting", meeting.id, settings))
        event.add("dtstamp", stamp)
        event.add("summary", meeting.body)
        if meeting.time:
            hour, minute = (int(x) for x in meeting.time.split(":"))
            event.add("dtstart", datetime.combine(meeting.date, time(hour, minute)))
            event.add("duration", timedelta(hours=MEETING_HOURS))
        else:
            event.add("dtstart", meeting.date)
            event.add("dtend", meeting.date + timedelta(days=1))
        if meeting.location:
            event.add("location", meeting.location)
        event.add("description", _meeting_description(meeting))
        cal.add_component(event)
    for row in rows:
        p = row.promise
        if p.due is None:
            continue
        event = Event()
        event.add("uid", event_uid("promise", p.id, settings))
        event.add("dtstamp", stamp)
        event.add("sequence", max(len(p.history) - 1, 0))
        who = f" ({p.official})" if p.official else ""
        event.add("summary", f"Promise due [{PROMISE_LABELS[row.status]}]: {p.what}{who}")
        event.add("dtstart", p.due)
        event.add("dtend", p.due + timedelta(days=1))
        event.add("transp", "TRANSPARENT")
        event.add("description", _promise_description(row))
        cal.add_component(event)
    return cal.to_ical()


def _meeting_description(meeting: Meeting) -> str:
    parts = [
        f"Agenda item: {meeting.agenda_item}" if meeting.agenda_item else "",
        f"Time per speaker: {meeting.minutes:g} min",
        f"Sign-up: {meeting.signup}" if meeting.signup else "",
        f"Questions: {', '.join(e.question for e in meeting.agenda)}" if meeting.agenda else "",
        f"meetingkit meeting show {meeting.id}",
    ]
    return "\n".join(p for p in parts if p)


def _promise_description(row: PromiseRow) -> str:
    p = row.promise
    parts = [
        p.what,
        f"Promised by {p.official}" if p.official else "",
        f"Made on {_iso(p.made_on) or '?'} (meeting {row.meeting})",
        f"Status as of {row.as_of.isoformat()}: {_standing(row)}" if row.as_of else f"Status: {row.status}",
        f"Update: meetingkit promise update {p.id} --status STATUS",
    ]
    return "\n".join(x for x in parts if x)
