"""Public records requests and the law table: the records, the clock, the letters' words.

Pure core (no files, no clock, no Textual, no ReportLab). A request's due date
is derived, never stored: it is counted from the day it was filed under the
law of its jurisdiction, day by day, so a pause, a holiday or a closure day
always moves it the same way.

How days are counted (documented in the README, checked by tests):

- Business days skip Saturdays, Sundays, every day the ``holidays`` package
  lists for the state (``holidays.US(subdiv=...)``, observed days included)
  and the closure days in the workspace settings. The package lists a few
  days some offices work (Texas: the optional Good Friday and Cesar Chavez
  Day, and the Friday or Monday "observed" for a holiday on a weekend, which
  Texas state offices do not take, Tex. Gov't Code § 552.0031(c), (e)).
  Skipping them can only make a due date later, never earlier: meetingkit
  never calls a request late before the law does.
- A request filed on a day that is not a business day counts as received on
  the next business day (day 0); day 1 is the business day after that.
- Calendar-day laws count every day; a last day that falls on a weekend,
  holiday or closure day moves to the next business day, as states' general
  time-computation rules do.
- ``waiting-on-us`` (a fee, a clarification) stops the clock: from the day
  the agency asked to the day we answered, no day is counted, and the count
  resumes where it stopped. While still paused, the due date is projected as
  if the clock resumed the next day.
- A law with no fixed deadline gives "no legal deadline", never overdue, and
  a suggested follow-up ``follow_up_days`` calendar days after filing.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import date, timedelta
from functools import lru_cache

import msgspec

from .errors import MeetingkitError, NotFound
from .model import REQUEST_STATUSES as STATUSES
from .model import Law, Request, RequestChange

AGENCY_OWES = ("filed", "acknowledged", "partial")
"""Statuses in which the agency owes an answer: only these can be overdue."""
PAUSED = "waiting-on-us"
APPEALABLE = ("denied", "partial", "no-records")
DEFAULT_FOLLOW_UP_DAYS = 30
"""Calendar days before a follow-up, for a law with no fixed deadline and no ``follow_up_days``."""
FEDERAL = "us"
NOT_FILED = "not filed"
NO_DEADLINE = "no legal deadline"
LETTERS = ("request", "followup", "appeal")
"""The letters a request can have, as ``request print --letter`` names them."""
DODGED = ("deflected", "declined", "partial")
"""Answers whose records a request asks for when no question is named."""


# --- the law table --------------------------------------------------------------


def find_law(laws: dict[str, Law], state: str, where: str) -> Law:
    """The law for a state named as in the settings ("Texas", "TX") or by id.

    ``where`` is the workspace folder, named in the message when the table
    has no entry, so the user knows where to add one by hand.
    """
    wanted = state.strip().casefold()
    for law in laws.values():
        if wanted in (law.id, law.jurisdiction.casefold()):
            return law
    if not wanted:
        raise MeetingkitError(
            "the workspace settings name no state: set `state:` in meetingkit.yaml, or pass --law ID"
        )
    return _no_law(state, laws, where)


def law_by_id(laws: dict[str, Law], law_id: str, where: str) -> Law:
    law = laws.get(law_id.strip().lower())
    return law if law is not None else _no_law(law_id, laws, where)


def _no_law(state: str, laws: dict[str, Law], where: str) -> Law:
    known = ", ".join(sorted(laws)) or "none yet"
    raise NotFound(
        f"the law table has no public records law for {state.strip()!r} (it has: {known}); "
        f"add one by hand as {where}/laws/<id>.yaml (id: the state's two-letter code, e.g. `tx`), "
        "copying the fields of a shipped law file, or pass --law ID"
    )


# --- requests -------------------------------------------------------------------


class RefusedChange(MeetingkitError):
    """A status change that would make the record say something untrue."""


def add_change(
    request: Request,
    status: str,
    on: date,
    note: str = "",
    evidence: str = "",
) -> RequestChange:
    """Record a dated status change, refusing one the record cannot hold.

    A withdrawn request stays withdrawn (draft a new one instead); the first
    step out of a draft is its filing, so the clock has a start; no change
    predates the filing.
    """
    if status not in STATUSES:
        raise RefusedChange(f"status must be one of {', '.join(STATUSES)}")
    current = request.status
    if current == "withdrawn":
        when = request.changes[-1].on.isoformat()
        raise RefusedChange(
            f"request {request.id} was withdrawn on {when}; nothing was changed. "
            "A withdrawn request stays withdrawn: draft a new one with `meetingkit request draft`"
        )
    filed = request.filed
    if filed is None and status not in ("filed", "withdrawn", "draft"):
        raise RefusedChange(
            f"request {request.id} has not been filed yet; record its filing first: "
            f"`meetingkit request update {request.id} --status filed --on YYYY-MM-DD --method email`"
        )
    if filed is not None and on < filed:
        raise RefusedChange(
            f"{on.isoformat()} is before request {request.id} was filed ({filed.isoformat()}); "
            "nothing was changed. Check the date"
        )
    if status == "draft" and filed is not None:
        raise RefusedChange(
            f"request {request.id} was filed on {filed.isoformat()}; it cannot be a draft again"
        )
    change = RequestChange(on=on, status=status, note=note, evidence=evidence)  # type: ignore[arg-type]
    request.history.append(change)
    return change


# --- the clock ------------------------------------------------------------------


@lru_cache(maxsize=512)
def _holidays(law_id: str, year: int) -> frozenset[date]:
    """The jurisdiction's legal holidays in a year, observed days included.

    ``us`` is the federal FOIA (federal holidays); a two-letter id is a US
    subdivision; any other id (a law added by hand) has no holiday list, only
    weekends and the workspace's closure days.
    """
    import holidays

    if law_id == FEDERAL:
        return frozenset(holidays.US(years=year))
    code = law_id.upper()
    if code not in holidays.US.subdivisions:
        return frozenset()
    return frozenset(holidays.US(subdiv=code, years=year))


@dataclass(frozen=True)
class Calendar:
    """Which days are business days for one law, with the workspace's closures."""

    law_id: str
    closures: frozenset[date] = frozenset()

    def is_business_day(self, day: date) -> bool:
        return day.weekday() < 5 and day not in self.closures and day not in _holidays(self.law_id, day.year)

    def next_business_day(self, day: date) -> date:
        """``day`` itself when it is a business day, else the first one after it."""
        while not self.is_business_day(day):
            day += timedelta(days=1)
        return day


@dataclass(frozen=True)
class Clock:
    """Where a request stands against its law's deadline as of one day."""

    request: Request
    law: Law
    as_of: date
    status: str
    filed: date | None
    due: date | None
    """The day the law's deadline falls on (None: not filed, or no fixed deadline)."""
    follow_up: date | None
    """For a law with no fixed deadline: the day to follow up."""
    used: int
    """Deadline days counted so far (business or calendar, as the law counts)."""
    paused_since: date | None
    overdue: bool
    days_overdue: int
    """In the law's own unit: business days for a business-day law."""

    @property
    def unit(self) -> str:
        return self.law.deadline.unit

    @property
    def deadline_days(self) -> int | None:
        return self.law.deadline.days

    @property
    def past_follow_up(self) -> bool:
        """Time to write a follow-up: past due, or past the suggested date."""
        if self.status not in AGENCY_OWES:
            return False
        return self.overdue or (self.follow_up is not None and self.as_of > self.follow_up)


def clock(request: Request, law: Law, as_of: date, closures: Iterable[date] = ()) -> Clock:
    """The request's due date and lateness as of ``as_of``, from its history."""
    cal = Calendar(law.id, frozenset(closures))
    status = request.status_on(as_of)
    filed = request.filed
    if filed is None or filed > as_of:
        return Clock(request, law, as_of, status, None, None, None, 0, None, False, 0)
    changes = [c for c in request.changes if c.on <= as_of]
    paused_since = changes[-1].on if changes and changes[-1].status == PAUSED else None
    paused = _pauses(changes, as_of)

    unit, days = law.deadline.unit, law.deadline.days
    if unit == "none":
        follow_up = _count(filed, days_wanted(law), "calendar", cal, paused)
        return Clock(request, law, as_of, status, filed, None, follow_up, 0, paused_since, False, 0)
    assert days is not None  # Deadline.__post_init__
    due = _count(filed, days, unit, cal, paused)
    used = _elapsed(filed, min(as_of, due), unit, cal, paused)
    late = status in AGENCY_OWES and as_of > due
    overdue_days = _elapsed(due, as_of, unit, cal, paused) if late else 0
    return Clock(request, law, as_of, status, filed, due, None, used, paused_since, late, overdue_days)


def _pauses(changes: list[RequestChange], as_of: date) -> Callable[[date], bool]:
    """Whether the clock stood still on a day: from a ``waiting-on-us`` change
    (that day included) to the next change of status (that day excluded).
    A pause still open on ``as_of`` ends the day after it."""
    spans: list[tuple[date, date]] = []
    start: date | None = None
    for change in changes:
        if change.status == PAUSED and start is None:
            start = change.on
        elif change.status != PAUSED and start is not None:
            spans.append((start, change.on))
            start = None
    if start is not None:
        spans.append((start, as_of + timedelta(days=1)))
    if not spans:
        return lambda day: False
    return lambda day: any(begin <= day < end for begin, end in spans)


def days_wanted(law: Law) -> int:
    return law.follow_up_days or DEFAULT_FOLLOW_UP_DAYS


def _count(start: date, days: int, unit: str, cal: Calendar, paused: Callable[[date], bool]) -> date:
    """The ``days``-th counted day after ``start`` (day 0)."""
    day = cal.next_business_day(start) if unit == "business" else start
    counted = 0
    while counted < days:
        day += timedelta(days=1)
        if paused(day) or (unit == "business" and not cal.is_business_day(day)):
            continue
        counted += 1
    return cal.next_business_day(day) if unit == "calendar" else day


def _elapsed(start: date, end: date, unit: str, cal: Calendar, paused: Callable[[date], bool]) -> int:
    """Counted days after ``start`` up to and including ``end``."""
    n, day = 0, start
    while day < end:
        day += timedelta(days=1)
        if not paused(day) and (unit != "business" or cal.is_business_day(day)):
            n += 1
    return n


# --- in words ------------------------------------------------------------------


def where_it_stands(c: Clock) -> str:
    """The clock in words, never in colour only: "filed on 2027-01-14, due
    2027-02-01 (10 business days)  OVERDUE 7 business days"."""
    filed = f"filed on {c.filed.isoformat()}" if c.filed else NOT_FILED
    if c.due is not None:
        when = f"due {c.due.isoformat()} ({c.deadline_days} {c.unit} days)"
    elif c.follow_up is not None:
        when = f"{NO_DEADLINE}, follow up {c.follow_up.isoformat()}"
    else:
        when = NO_DEADLINE if c.unit == "none" else "no due date yet"
    late = f"  OVERDUE {c.days_overdue} {c.unit} days" if c.overdue else ""
    paused = f" (clock paused since {c.paused_since.isoformat()})" if c.paused_since else ""
    return f"{c.status}{paused}, {filed}, {when}{late}"


def deadline_text(law: Law) -> str:
    """The law's deadline as the statute states it: "10 business days: …(§ 552.301(b))"."""
    d = law.deadline
    said = f" — “{d.words}”" if d.words else ""
    where = f" ({d.section})" if d.section else ""
    if d.unit == "none":
        return f"none fixed{said}{where}"
    return f"{d.days} {d.unit} days{': ' + d.what if d.what else ''}{where}"


# --- listing --------------------------------------------------------------------


@dataclass(frozen=True)
class RequestRow:
    """One request as listed, with its clock as of a date."""

    clock: Clock

    @property
    def request(self) -> Request:
        return self.clock.request

    @property
    def law(self) -> Law:
        return self.clock.law

    def due_text(self) -> str:
        c = self.clock
        if c.filed is None:
            return NOT_FILED
        return c.due.isoformat() if c.due else NO_DEADLINE

    def as_json(self) -> dict[str, object]:
        c, r = self.clock, self.request
        return {
            "id": r.id,
            "meeting": r.meeting,
            "agency": r.agency,
            "law": r.law,
            "law_name": self.law.name,
            "status": c.status,
            "filed": c.filed.isoformat() if c.filed else None,
            "due": c.due.isoformat() if c.due else None,
            "due_text": self.due_text(),
            "unit": c.unit,
            "deadline_days": c.deadline_days,
            "days_used": c.used,
            "paused_since": c.paused_since.isoformat() if c.paused_since else None,
            "follow_up": c.follow_up.isoformat() if c.follow_up else None,
            "overdue": c.overdue,
            "days_overdue": c.days_overdue,
            "method": r.method,
            "tracking": r.tracking,
            "questions": list(r.questions),
            "history": [msgspec.to_builtins(ch) for ch in r.changes],
            "received": [msgspec.to_builtins(x) for x in r.received],
        }


def request_rows(
    requests: list[Request], laws: dict[str, Law], as_of: date, closures: Iterable[date] = ()
) -> tuple[list[RequestRow], list[Request]]:
    """Every request whose law is known, most overdue first, then by due date;
    and the requests whose law file is missing (to warn about)."""
    shut = frozenset(closures)
    rows, orphans = [], []
    for request in requests:
        law = laws.get(request.law)
        if law is None:
            orphans.append(request)
            continue
        rows.append(RequestRow(clock(request, law, as_of, shut)))
    rows.sort(
        key=lambda r: (
            -r.clock.overdue,
            -r.clock.days_overdue,
            r.clock.due or r.clock.follow_up or date.max,
            r.request.id,
        )
    )
    return rows, orphans
