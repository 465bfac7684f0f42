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
from collections.abc import Sequence
from datetime import date, datetime, time, timedelta
from typing import TYPE_CHECKING

from . import report_text as rt
from .ice import ICE_PAGE, ICE_QUESTION, contradicts
from .model import Meeting, Settings, slugify, text_for
from .report_columns import csv_columns
from .tracker import PROMISE_LABELS, PromiseRow, Summary

if TYPE_CHECKING:
    from icalendar import Event

    from .ice import Match
    from .requests import RequestRow

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


def report_markdown(
    summary: Summary,
    settings: Settings,
    requests: Sequence[RequestRow] = (),
    ice: Match | None = None,
    left_out: list[str] | None = None,
) -> str:
    """The accountability report: a glance, overdue promises, every promise,
    each official's record, overdue records requests, and each question with
    the exact quotes and sources (and ICE's 287(g) list where an answer
    contradicts it). ``left_out`` names the files that could not be read
    (said first, in bold)."""
    lines = [f"# {md_text(rt.title(settings))}", "", md_text(rt.byline(settings)), "", rt.intro(summary), ""]
    missing = rt.left_out(left_out or [])
    if missing:
        lines += [f"**{md_text(missing[0])}**", "", *(f"- {md_text(f)}" for f in missing[1:]), ""]
    lines += ["## At a glance", "", *(f"- {md_text(line)}" for line in rt.glance(summary)), ""]
    late = rt.requests_table(requests)
    for table in [*rt.tables(summary), *([late] if late else [])]:
        lines += _table(table)
    questions = rt.questions(summary, ice)
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
        lines += [line for cited in q.cited for line in (f"- {md_text(cited)}", "")]
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


FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
"""What a spreadsheet may take for the start of a formula (OWASP's CSV injection list)."""


def formula_safe(value: object) -> object:
    """A cell that cannot run as a formula: OWASP's advice, a leading ``'``."""
    return f"'{value}" if isinstance(value, str) and value.startswith(FORMULA_START) else value


class _SafeWriter(csv.DictWriter):  # type: ignore[type-arg]
    def writerow(self, rowdict: dict[str, object]) -> object:  # type: ignore[override]
        return super().writerow({k: formula_safe(v) for k, v in rowdict.items()})


def report_csv(
    summary: Summary,
    requests: Sequence[RequestRow] = (),
    left_out: list[str] | None = None,
    guard_formulas: bool = True,
    ice: Match | None = None,
) -> str:
    """One row per logged answer, then one per answer ICE's 287(g) list
    contradicts, then one per promise, then one per filed records request,
    then one per file that could not be read (``left-out``, named in
    ``source``); RFC 4180, encode as UTF-8.

    Officials' words and hand-typed notes can start with ``=`` or ``@``;
    unless ``guard_formulas`` is off, such a cell gets a leading ``'`` so a
    spreadsheet shows it rather than running it.
    """
    columns = csv_columns(summary.include_private)
    buffer = io.StringIO(newline="")
    kind = _SafeWriter if guard_formulas else csv.DictWriter
    writer = kind(buffer, fieldnames=columns, lineterminator="\r\n", extrasaction="ignore")
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
    cited = rt.ice_cited(summary, ice)
    for answer in summary.answers if cited else []:
        if answer.question == ICE_QUESTION and ice is not None and contradicts(answer.status, ice):
            writer.writerow(
                {
                    "record": "ice-list",
                    **_place(meetings[answer.meeting], answer.question, topics),
                    "official": answer.official,
                    "status": answer.status,
                    "said": cited[0],
                    "source": ICE_PAGE,
                    "last_note": " ".join(cited[1:]),
                    "as_of": as_of,
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
    for req in requests:
        if req.clock.filed is None:
            continue  # a draft is the group's own business until it is sent
        step = req.request.changes[-1]
        writer.writerow(
            {
                "record": "request",
                "meeting": req.request.meeting,
                "question": " ".join(req.request.questions),
                "status": req.clock.status,
                "due": _iso(req.clock.due),
                "overdue": "yes" if req.clock.overdue else "no",
                "days_overdue": req.clock.days_overdue,
                "last_change": _iso(step.on),
                "last_note": step.note,
                "evidence": step.evidence,
                "request_id": req.request.id,
                "agency": req.request.agency,
                "law": req.law.name,
                "filed": _iso(req.clock.filed),
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
    meetings: list[Meeting],
    rows: list[PromiseRow],
    settings: Settings,
    stamp: datetime,
    requests: Sequence[RequestRow] = (),
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
            _all_day(event, meeting.date)
        if meeting.location:
            event.add("location", text_for(meeting.location, meeting.language, meeting.language))
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
        _all_day(event, p.due)
        event.add("transp", "TRANSPARENT")
        event.add("description", _promise_description(row))
        cal.add_component(event)
    for req in requests:
        request_event = _request_event(req, settings, stamp)
        if request_event is not None:
            cal.add_component(request_event)
    data: bytes = cal.to_ical()
    return data


def _all_day(event: Event, day: date) -> None:
    """An all-day event. On the last day a date can hold (9999-12-31) there is no next day
    to end on, so DTEND is left out: RFC 5545 reads that as the same one day."""
    event.add("dtstart", day)
    if day < date.max:
        event.add("dtend", day + timedelta(days=1))


def _request_event(req: RequestRow, settings: Settings, stamp: datetime) -> Event | None:
    """A records request's due date (or follow-up day, for a law with none) as an
    all-day event, while the agency owes an answer or the clock is paused.

    Its sequence grows with every change, so a calendar moves the event when a
    pause moves the date.
    """
    from icalendar import Event

    c, r = req.clock, req.request
    day = c.due or c.follow_up
    if day is None or c.status not in ("filed", "acknowledged", "partial", "waiting-on-us"):
        return None
    event = Event()
    event.add("uid", event_uid("request", r.id, settings))
    event.add("dtstamp", stamp)
    event.add("sequence", len(r.history))
    what = "Records request due" if c.due else "Follow up on records request (no legal deadline)"
    paused = " (clock paused: we owe the agency an answer)" if c.paused_since else ""
    event.add("summary", f"{what} [{c.status}]{paused}: {r.agency}")
    _all_day(event, day)
    event.add("transp", "TRANSPARENT")
    deadline = f"{c.deadline_days} {c.unit} days" if c.deadline_days else "no fixed deadline"
    event.add(
        "description",
        "\n".join(
            [
                f"{req.law.name} ({req.law.citation}): {deadline}",
                f"Filed on {_iso(c.filed)}" + (f", reference {r.tracking}" if r.tracking else ""),
                f"Update: meetingkit request update {r.id} --status STATUS --on YYYY-MM-DD",
            ]
        ),
    )
    return event


def _meeting_description(meeting: Meeting) -> str:
    home = meeting.language
    parts = [
        f"Agenda item: {text_for(meeting.agenda_item, 'en', home)}" if meeting.agenda_item else "",
        f"Time per speaker: {meeting.minutes:g} min",
        f"Sign-up: {text_for(meeting.signup, 'en', home)}" if meeting.signup else "",
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
