"""`meetingkit calendar`: an .ics file a calendar program imports, checked with
a second, independent parser (vobject, as used by the Radicale CalDAV server)
and against RFC 5545's line rules."""

from __future__ import annotations

import json
from datetime import date, datetime
from pathlib import Path

import vobject
from conftest import TODAY

from toolkit.store import Workspace

AS_OF = TODAY.isoformat()


def _export(cli, ws: Workspace, out: Path, *extra: str):  # type: ignore[no-untyped-def]
    r = cli("calendar", "-o", str(out), "--as-of", AS_OF, *extra, workspace=ws.root)
    assert r.code == 0, r.err
    assert r.out.strip() == str(out)
    return vobject.readOne(out.read_text(encoding="utf-8"))


def _events(cal) -> dict[str, object]:  # type: ignore[no-untyped-def]
    return {ev.uid.value: ev for ev in cal.vevent_list}


def test_one_event_per_meeting_and_per_dated_promise(cli, demo_ws: Workspace, tmp_path):
    cal = _export(cli, demo_ws, tmp_path / "alder.ics")
    events = list(cal.vevent_list)
    meetings = [e for e in events if e.uid.value.startswith("meeting-")]
    promises = [e for e in events if e.uid.value.startswith("promise-")]
    assert len(events) == 5 and len(meetings) == 2 and len(promises) == 3
    first = min(meetings, key=lambda e: e.dtstart.value)
    assert first.dtstart.value == datetime(2026, 11, 6, 18, 30)
    assert first.dtstart.value.tzinfo is None, "floating time: 18:30 wherever the calendar is"
    assert first.location.value == "Alder County Courthouse, Room 101, 200 Main Street"
    assert first.summary.value == "Alder County Board of Commissioners"
    late = next(e for e in promises if "data-sharing" in e.uid.value)
    assert late.dtstart.value == date(2026, 11, 20) and not isinstance(late.dtstart.value, datetime)
    assert late.dtend.value == date(2026, 11, 21)
    assert (
        late.summary.value
        == "Promise due [open]: Provide the written data-sharing policy (Chair Luis Ortega)"
    )
    assert "7 days overdue" in late.description.value
    text = (tmp_path / "alder.ics").read_text(encoding="utf-8")
    assert "off the record" not in text and "laughed" not in text


def test_uids_do_not_change_between_runs_or_after_an_update(cli, demo_ws: Workspace, tmp_path):
    before = _events(_export(cli, demo_ws, tmp_path / "a.ics"))
    again = _events(_export(cli, demo_ws, tmp_path / "b.ics"))
    assert set(before) == set(again) and len(before) == 5
    promises = json.loads(cli("promise", "list", "--json", "--as-of", AS_OF, workspace=demo_ws.root).out)
    late = next(p for p in promises if p["overdue"])
    r = cli("promise", "update", late["id"], "--status", "kept", "--on", AS_OF, workspace=demo_ws.root)
    assert r.code == 0, r.err
    after = _events(_export(cli, demo_ws, tmp_path / "c.ics"))
    assert set(after) == set(before)
    uid = next(u for u in after if late["id"] in u)
    assert after[uid].summary.value.startswith("Promise due [kept]")
    assert int(after[uid].sequence.value) > int(before[uid].sequence.value), "calendars take the newer copy"


def test_the_file_follows_rfc_5545_line_rules(cli, demo_ws: Workspace, tmp_path):
    out = tmp_path / "alder.ics"
    _export(cli, demo_ws, out)
    raw = out.read_bytes()
    assert raw.startswith(b"BEGIN:VCALENDAR\r\n") and raw.endswith(b"END:VCALENDAR\r\n")
    lines = raw.split(b"\r\n")[:-1]
    assert all(b"\n" not in line and b"\r" not in line for line in lines), "every line ends with CRLF"
    assert max(len(line) for line in lines) <= 75, "lines are folded at 75 octets"
    unfolded = raw.replace(b"\r\n ", b"").decode("utf-8").split("\r\n")
    for required in ("VERSION:2.0", "PRODID:-//meetingkit//accountability calendar//EN"):
        assert required in unfolded
    assert sum(1 for line in unfolded if line.startswith("DTSTAMP:") and line.endswith("Z")) == 5


def test_no_date_promises_and_untimed_meetings(cli, demo_ws: Workspace, tmp_path):
    root = demo_ws.root
    mid = cli("meeting", "new", "--body", "City Council", "--date", "2027-01-12", workspace=root).out.strip()
    r = cli("promise", "add", mid, "data-sharing", "--what", "Think about it", workspace=root)
    assert r.code == 0, r.err
    events = _events(_export(cli, demo_ws, tmp_path / "x.ics"))
    assert len(events) == 6, "the new meeting is in; the promise with no date is not"
    council = events[next(u for u in events if mid in u)]
    assert council.dtstart.value == date(2027, 1, 12), "no time given: an all-day event"


def test_calendar_needs_a_file(cli, demo_ws: Workspace):
    r = cli("calendar", workspace=demo_ws.root)
    assert r.code == 2 and r.err.startswith("error:") and "-o" in r.err
