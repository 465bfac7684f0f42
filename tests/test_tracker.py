"""Promise semantics: dated history on disk, overdue as of a day, and the
accountability summary across meetings and officials."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
import yaml
from conftest import TODAY

from toolkit import tracker
from toolkit.bank import load
from toolkit.model import Answer, Meeting, Official, Promise, Settings
from toolkit.store import Workspace

DUE = date(2027, 1, 15)
MEETING = "2026-12-08-county-board"


def _promise(due: date | None = DUE, made: date = date(2026, 12, 8)) -> Promise:
    answer = Answer(meeting=MEETING, question="data-sharing", official="Sheriff Dana Whitfield")
    return tracker.add_promise(answer, "Provide the data-sharing policy", due, "", made)


def test_status_history_round_trips_through_the_yaml(ws: Workspace):
    ws.save_meeting(Meeting(id=MEETING, body="County Board", date=date(2026, 12, 8)))

    def record(answer: Answer) -> None:
        tracker.log_answer(answer, "partial", "Sheriff Dana Whitfield", "I'll get back to you.", "video 1:02")
        p = tracker.add_promise(answer, "Provide the policy", DUE, "", date(2026, 12, 8))
        tracker.set_status(p, "kept", date(2027, 1, 10), "emailed to the clerk", "policy.pdf")
        tracker.set_status(p, "partly-kept", date(2027, 1, 12), "pages 3-9 were missing")
        tracker.set_status(p, "broken", date(2027, 2, 1), "clerk: no more pages will come")
        tracker.set_status(p, "open", date(2027, 2, 20), "Sheriff now says March", "https://example.org/m")
        tracker.add_promise(
            answer, "Say whether a date can be given", None, "Chair Ortega", date(2026, 12, 8)
        )

    written = ws.update_answer(MEETING, "data-sharing", record)
    path = ws.answer_path(MEETING, "data-sharing")
    raw = yaml.safe_load(path.read_text())
    history = raw["promises"][0]["history"]
    assert [(str(h["on"]), h["status"]) for h in history] == [
        ("2026-12-08", "open"),
        ("2027-01-10", "kept"),
        ("2027-01-12", "partly-kept"),
        ("2027-02-01", "broken"),
        ("2027-02-20", "open"),
    ]
    assert history[1]["evidence"] == "policy.pdf" and history[4]["note"] == "Sheriff now says March"
    assert raw["promises"][1]["due"] is None and raw["promises"][1]["official"] == "Chair Ortega"
    read = ws.answer(MEETING, "data-sharing")
    assert read is not None
    assert read.promises == written.promises
    assert read.promises[0].official == "Sheriff Dana Whitfield"
    assert [p.id for p in read.promises] == [f"{MEETING}--data-sharing--1", f"{MEETING}--data-sharing--2"]


@pytest.mark.parametrize(
    "as_of, overdue, days",
    [
        (DUE - timedelta(days=30), False, 0),
        (DUE - timedelta(days=1), False, 0),
        (DUE, False, 0),
        (DUE + timedelta(days=1), True, 1),
        (DUE + timedelta(days=34), True, 34),
    ],
    ids=["month-before", "day-before", "on-the-day", "day-after", "34-days-after"],
)
def test_overdue_before_on_and_after_the_due_date(as_of: date, overdue: bool, days: int):
    p = _promise()
    assert tracker.is_overdue(p, as_of) is overdue
    assert tracker.days_overdue(p, as_of) == days


def test_a_promise_with_no_date_is_never_overdue_but_is_listed_as_such():
    p = _promise(due=None)
    for as_of in (date(2026, 12, 9), date(2099, 1, 1)):
        assert not tracker.is_overdue(p, as_of) and tracker.days_overdue(p, as_of) == 0
    row = tracker.promise_rows([Answer(meeting=MEETING, question="q", promises=[p])], date(2099, 1, 1))[0]
    assert row.as_json()["due"] is None and row.as_json()["due_text"] == "no date given"


@pytest.mark.parametrize("status", ["kept", "partly-kept", "broken", "withdrawn"])
def test_only_open_promises_are_overdue(status: str):
    p = _promise()
    tracker.set_status(p, status, DUE - timedelta(days=3))
    assert not tracker.is_overdue(p, DUE + timedelta(days=10))


def test_as_of_an_earlier_day_replays_the_history():
    p = _promise()
    tracker.set_status(p, "kept", DUE + timedelta(days=5), "arrived late")
    late = DUE + timedelta(days=3)
    assert tracker.status_on(p, late) == "open"
    assert tracker.is_overdue(p, late) and tracker.days_overdue(p, late) == 3
    assert tracker.status_on(p, DUE + timedelta(days=5)) == "kept"
    assert not tracker.is_overdue(p, DUE + timedelta(days=40))
    row = tracker.promise_rows([Answer(meeting=MEETING, question="q", promises=[p])], late)[0]
    assert row.status == "open" and row.change is not None and row.change.note == "promise made"


def test_status_can_change_in_any_direction_and_a_backdated_change_counts_on_its_day():
    p = _promise()
    tracker.set_status(p, "broken", date(2027, 2, 1))
    tracker.set_status(p, "kept", date(2027, 3, 1), "finally")
    tracker.set_status(p, "open", date(2027, 3, 2), "it was the wrong document")
    tracker.set_status(p, "partly-kept", date(2027, 1, 20), "entered late: part came on Jan 20")
    assert p.status == "partly-kept"
    assert tracker.status_on(p, date(2027, 1, 25)) == "partly-kept"
    assert tracker.status_on(p, date(2027, 2, 15)) == "broken"
    assert tracker.status_on(p, date(2027, 3, 5)) == "partly-kept"
    with pytest.raises(ValueError, match="status must be one of"):
        tracker.set_status(p, "maybe", date(2027, 3, 6))


def test_rows_put_the_most_overdue_first_and_no_date_last():
    answer = Answer(meeting=MEETING, question="data-sharing")
    made = date(2026, 12, 8)
    tracker.add_promise(answer, "no date", None, "A", made)
    tracker.add_promise(answer, "a little late", date(2027, 1, 20), "B", made)
    tracker.add_promise(answer, "very late", date(2027, 1, 1), "C", made)
    tracker.add_promise(answer, "not yet due", date(2027, 3, 1), "D", made)
    rows = tracker.promise_rows([answer], date(2027, 2, 1))
    assert [r.promise.what for r in rows] == ["very late", "a little late", "not yet due", "no date"]
    assert [r.days_overdue for r in rows] == [31, 12, 0, 0]


def test_officials_are_counted_once_whatever_their_title():
    officials = [
        Official(name="Dana Whitfield", title="Sheriff"),
        Official(name="Luis Ortega", title="Chair"),
    ]
    assert tracker.official_name("Sheriff Dana Whitfield", officials) == "Dana Whitfield (Sheriff)"
    assert tracker.official_name("dana  whitfield", officials) == "Dana Whitfield (Sheriff)"
    assert tracker.official_name("  Deputy  Chief Ray ", officials) == "Deputy Chief Ray"
    assert tracker.official_name("", officials) == tracker.NOBODY


# --- the accountability summary of the demo workspace ----------------------------


def _summary(ws: Workspace, as_of: date = TODAY, include_private: bool = False) -> tracker.Summary:
    return tracker.summarize(
        ws.meetings().records,
        ws.answers().records,
        load(ws.bank_dir),
        ws.settings(),
        as_of,
        include_private,
    )


def test_summary_per_question_and_per_official(demo_ws: Workspace):
    s = _summary(demo_ws)
    assert len(s.held) == 1 and len(s.upcoming) == 1
    assert [q.question for q in s.questions] == [
        "287g-participation",
        "detainers-release-notification",
        "data-sharing",
        "federal-grant-conditions",
    ]
    by_id = {q.question: q for q in s.questions}
    assert by_id["detainers-release-notification"].latest == "deflected"
    assert by_id["data-sharing"].times_asked == 1
    assert "Alder County Sheriff's Office" in by_id["data-sharing"].text
    assert by_id["data-sharing"].topic == "Data sharing with ICE"
    assert [r.promise.what for r in by_id["data-sharing"].promises] == [
        "Provide the written data-sharing policy"
    ]
    people = {o.name: o for o in s.officials}
    assert set(people) == {
        "Dana Whitfield (Sheriff)",
        "Luis Ortega (Chair, Board of Commissioners)",
        "Priya Raman (County Attorney)",
    }
    sheriff = people["Dana Whitfield (Sheriff)"]
    assert sheriff.answer_counts() == {"partial": 1, "deflected": 1}
    assert sheriff.promise_counts() == {"kept": 1} and sheriff.overdue == 0
    chair = people["Luis Ortega (Chair, Board of Commissioners)"]
    assert chair.promise_counts() == {"open": 1} and chair.overdue == 1
    assert [(r.promise.what, r.days_overdue) for r in s.overdue] == [
        ("Provide the written data-sharing policy", 7)
    ]


def test_summary_leaves_private_notes_out_unless_asked(demo_ws: Workspace):
    public = _summary(demo_ws)
    assert all(m.notes == "" for m in public.held + public.upcoming)
    assert all(a.notes == "" for a in public.answers)
    private = _summary(demo_ws, include_private=True)
    assert "off the record" in private.held[0].notes
    assert any("laughed" in a.notes for a in private.answers)
    assert demo_ws.meeting(public.held[0].id).notes, "the record on disk keeps its notes"


def test_summary_as_of_before_the_meeting_has_nothing_held(demo_ws: Workspace):
    s = _summary(demo_ws, as_of=TODAY - timedelta(days=30))
    assert s.held == [] and s.questions == [] and s.promises == [] and len(s.upcoming) == 2


def test_summary_counts_a_question_asked_at_two_meetings(ws: Workspace):
    first = Meeting(id="2026-10-01-board", body="Board", date=date(2026, 10, 1))
    second = Meeting(id="2026-11-01-board", body="Board", date=date(2026, 11, 1))
    for m in (first, second):
        ws.save_meeting(m)
    ws.update_answer(first.id, "data-sharing", lambda a: tracker.log_answer(a, "deflected", "Sheriff Ray"))
    ws.update_answer(second.id, "data-sharing", lambda a: tracker.log_answer(a, "answered", "Sheriff Ray"))
    s = tracker.summarize(
        [first, second], ws.answers().records, load(ws.bank_dir), Settings(), date(2026, 12, 1)
    )
    (q,) = s.questions
    assert q.times_asked == 2 and q.latest == "answered"
    assert [a.meeting.id for a in q.asked] == [first.id, second.id]
    assert s.officials[0].answer_counts() == {"deflected": 1, "answered": 1}
