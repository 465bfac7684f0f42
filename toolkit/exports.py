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
from datetime import date, datetime, time, timedelta

from . import report_text as rt
from .model import Meeting, Settings, slugify
from .report_columns import csv_columns
from .tracker import PROMISE_LABELS, PromiseRow, Summary

# --- Markdown -------------------------------------------------------------------

_URL = re.compile(r"https?://[^\s<>|\"]+[^\s<>|\".,;:!?)\]]")
_MD_SPECIAL = re.compile(r"([\\`*_\[\]<>|#])")
_LINE_START = re.compile(r"^([-+>]|\d+[.)])")
_NEEDS_ESCAPE = re.compile(r"[\\`*_\[\]<>|#]|://|^[-+>]|^\d+[.)]")


def md_text(text: str) -> str:
    """User text on one Markdown line, printing as itself: markup characters
    are escaped, links become autolinks, line breaks become spaces (so a
    quote cannot break out of its table cell or start a heading)."""
    flat = " ".join(text.split())
    if not _NEEDS_ESCAPE.search(flat):
        return flat
    out, at = [], 0
    for match in _URL.finditer(flat):
        out.append(_MD_SPECIAL.sub(r"\\\1", flat[at : match.start()]))
        out.append(f"<{match.group(0)}>")
        at = match.end()
    out.append(_MD_SPECIAL.sub(r"\\\1", flat[at:]))
    return _LINE_START.sub(r"\\\1", "".join(out))


def _table(table: rt.Table) -> list[str]:
    align = ["---:" if i in table.numeric else "---" for i in range(len(table.header))]
    lines = [f"## {table.title}", "", "| " + " | ".join(table.header) + " |", "| " + " | ".join(align) + " |"]
    lines += ["| " + " | ".join(md_text(cell) for cell in row) + " |" for row in table.rows]
    return [*lines, ""]


def report_markdown(summary: Summary, settings: Settings, left_out: list[str] | None = None) -> str:
    """The accountability report: a glance, overdue promises, every promise,
    each official's record, and each question with the exact quotes and sources.
    ``left_out`` names the files that could not be read (said first, in bold)."""
    lines = [f"# {md_text(rt.title(settings))}", "", md_text(rt.byline(settings)), "", rt.intro(summary), ""]
    missing = rt.left_out(left_out or [])
    if missing:
        lines += [f"**{md_text(missing[0])}**", "", *(f"- {md_text(f)}" for f in missing[1:]), ""]
    lines += ["## At a glance", "", *(f"- {md_text(line)}" for line in rt.glance(summary)), ""]
    for table in rt.tables(summary):
        lines += _table(table)
    questions = rt.questions(summary)
    if questions:
        lines += ["## Questions", ""]
    for q in questions:
        lines += [
            f"### {q.number}. {md_text(q.topic)}",
            "",
            f"> {md_text(q.text)}",
            "",
            f"{q.times}; latest: **{q.latest}**.",
            "",
        ]
        for asked in q.asked:
            lines += [f"- **{md_text(asked.where)}**: {md_text(asked.outcome)}", ""]
            for lead, value in (
                ("> ", asked.said),
                ("Source: ", asked.source),
                ("Private notes: ", asked.notes),
            ):
                if value:
                    lines += [f"  {lead}{md_text(value)}", ""]
        for p in q.promises:
            who = f" ({md_text(p.official)})" if p.official else ""
            lines.append(f"- Promise{who}: {md_text(p.what)} — {md_text(p.due)} — **{md_text(p.standing)}**")
            lines += [f"  - {md_text(line)}" for line in p.history]
            lines.append("")
    lines += ["## Meetings", ""]
    for line, notes in rt.meetings(summary):
        lines.append(f"- {md_text(line)}")
        if notes:
            lines.append(f"  - Private notes: {md_text(notes)}")
    lines += ["", "---", "", f"*{md_text(rt.closing(summary))}*", ""]
    return "\n".join(lines)


def _iso(day: date | None) -> str:
    return day.isoformat() if day else ""


# --- CSV ----------------------------------------------------------------------


def report_csv(summary: Summary, left_out: list[str] | None = None) -> str:
    """One row per logged answer, then one per promise, then one per file that
    could not be read (``left-out``, named in ``source``); RFC 4180, encode as UTF-8."""
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
    for file in left_out or []:
        writer.writerow({"record": "left-out", "source": file, "as_of": as_of})
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
        f"Status as of {row.as_of.isoformat()}: {rt.standing(row)}" if row.as_of else f"Status: {row.status}",
        f"Update: meetingkit promise update {p.id} --status STATUS",
    ]
    return "\n".join(x for x in parts if x)
