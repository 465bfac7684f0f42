"""Meeting mode: plan a meeting in a validated form, reorder the agenda,
split it among speakers so each fits, and never overwrite a changed file."""

from __future__ import annotations

from datetime import date

from test_tui_support import drive, keys, shown, until

from toolkit.actions.session import Session
from toolkit.store import Workspace
from toolkit.testimony import FRAME_WORDS, word_budget
from toolkit.tui.screens.choice import Choice
from toolkit.tui.screens.form import FormScreen
from toolkit.tui.screens.planner import agenda_words


def test_a_new_meeting_from_the_form_is_on_disk_and_bad_fields_are_refused(ws: Workspace) -> None:
    async def steps(pilot):  # type: ignore[no-untyped-def]
        await pilot.press("n")
        form = pilot.app.screen
        assert isinstance(form, FormScreen)
        form.query_one("#mf-body").value = "Example City Council"
        form.query_one("#mf-date").focus()
        form.query_one("#mf-date").value = "next tuesday"
        await pilot.pause()
        assert "expected a date YYYY-MM-DD" in shown(form.query_one("#mf-date-error"))
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert pilot.app.screen is form, "an invalid form must not close"
        form.query_one("#mf-date").value = "2027-01-14"
        form.query_one("#mf-time").value = "19:00"
        form.query_one("#mf-minutes").value = "2.5"
        form.query_one("#mf-location").value = "City Hall, Room 2"
        await pilot.press("ctrl+s")
        await until(pilot, lambda: pilot.app.screen is not form)
        assert "Example City Council" in shown(pilot.app.screen.query_one("#m-info"))

    drive(ws.root, steps)
    [meeting] = ws.meetings().records
    assert meeting.id == "2027-01-14-example-city-council"
    assert (meeting.date, meeting.time, meeting.minutes, meeting.location) == (
        date(2027, 1, 14),
        "19:00",
        2.5,
        "City Hall, Room 2",
    )


def test_the_speaker_planner_split_fits_the_minutes(demo_ws: Workspace) -> None:
    held = demo_ws.meetings().records[0]

    async def steps(pilot):  # type: ignore[no-untyped-def]
        pilot.app.open_meeting(held.id)
        await pilot.pause()
        await pilot.press("p")
        planner = pilot.app.screen
        field = planner.query_one("#pl-speakers")
        field.value = "Ana, Ben, Cruz, Dee"
        field.focus()
        await pilot.press("enter")
        await pilot.pause()
        summary = shown(planner.query_one("#pl-summary"))
        assert summary.count("✓") == 4 and "over" not in summary
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert "Ana: ~" in shown(pilot.app.screen.query_one("#m-plan"))

    drive(demo_ws.root, steps)
    meeting = demo_ws.meeting(held.id)
    speakers = meeting.speakers()
    assert speakers == ["Ana", "Ben", "Cruz", "Dee"]
    words = dict(agenda_words(Session.open(demo_ws.root, date(2026, 11, 27)), meeting))
    budget = word_budget(meeting.minutes, 130)
    for speaker in speakers:
        mine = [words[e.question] for e in meeting.agenda if e.speaker == speaker]
        assert sum(mine) + FRAME_WORDS <= budget, speaker


def test_the_planner_shows_who_is_over_and_moves_questions_by_hand(demo_ws: Workspace) -> None:
    held = demo_ws.meetings().records[0]
    held.minutes = 1
    demo_ws.save_meeting(held)

    async def steps(pilot):  # type: ignore[no-untyped-def]
        pilot.app.open_meeting(held.id)
        await pilot.pause()
        await pilot.press("p")
        planner = pilot.app.screen
        planner.query_one("#pl-speakers").value = "1"
        await planner.run_action("split")
        await pilot.pause()
        assert "words over" in shown(planner.query_one("#pl-summary"))
        planner.query_one("#pl-speakers").value = "Ana, Ben"
        await planner.run_action("split")
        planner.query_one("#pl-table").focus()
        await pilot.press("right_square_bracket")
        await pilot.pause()
        assert planner.assignment[held.agenda[0].question] == "Ben"
        await pilot.press("ctrl+s")
        await pilot.pause()

    drive(demo_ws.root, steps)
    assert demo_ws.meeting(held.id).agenda[0].speaker == "Ben"


def test_reordering_the_agenda_is_saved(demo_ws: Workspace) -> None:
    upcoming = demo_ws.meetings().records[-1]
    first, second = (e.question for e in upcoming.agenda[:2])

    async def steps(pilot):  # type: ignore[no-untyped-def]
        await pilot.press("tab")
        assert pilot.app.focused.id == "m-agenda"
        await pilot.press("ctrl+down")
        await pilot.pause()

    drive(demo_ws.root, steps)
    assert [e.question for e in demo_ws.meeting(upcoming.id).agenda[:2]] == [second, first]


def test_a_file_changed_on_disk_is_never_overwritten(demo_ws: Workspace) -> None:
    upcoming = demo_ws.meetings().records[-1]
    path = demo_ws.meeting_path(upcoming.id)

    async def steps(pilot):  # type: ignore[no-untyped-def]
        path.write_text(path.read_text().replace("Public comment", "Public hearing"))
        await pilot.press("tab", "ctrl+down")
        await until(pilot, lambda: type(pilot.app.screen).__name__ == "Choice")
        assert "Changed on disk" in shown(pilot.app.screen.query_one(".dialog-title"))
        await pilot.press("r")
        await pilot.pause()
        assert "Public hearing" in shown(pilot.app.screen.query_one("#m-info"))

    drive(demo_ws.root, steps)
    assert "Public hearing" in path.read_text()
    assert [e.question for e in demo_ws.meeting(upcoming.id).agenda] == [e.question for e in upcoming.agenda]


def test_assigning_a_speaker(demo_ws: Workspace) -> None:
    upcoming = demo_ws.meetings().records[-1]

    async def steps(pilot):  # type: ignore[no-untyped-def]
        await pilot.press("tab", "s")
        await keys(pilot, "Rosa")
        await pilot.press("enter")
        await pilot.pause()

    drive(demo_ws.root, steps)
    assert demo_ws.meeting(upcoming.id).agenda[0].speaker == "Rosa"


def test_deleting_a_meeting_names_what_goes_and_deletes_only_that(demo_ws: Workspace) -> None:
    held, *others = demo_ws.meetings().records
    answers = demo_ws.answers(held.id).records
    testimonies = demo_ws.testimonies(held.id).records
    assert answers and testimonies and others

    async def steps(pilot):  # type: ignore[no-untyped-def]
        app = pilot.app
        screen = app.screen
        app.open_meeting(held.id)
        await pilot.press("d")
        await until(pilot, lambda: isinstance(app.screen, Choice))
        message = str(app.screen.query_one(".dialog-message").render())
        assert f"{len(answers)} answer(s)" in message and f"{len(testimonies)} testimony file(s)" in message
        assert f"answers/{held.id}/" in message and f"meetings/{held.id}" in message
        await pilot.press("n")
        await until(pilot, lambda: app.screen is screen)
        assert demo_ws.meeting_path(held.id).exists(), "kept when the answer is no"
        await pilot.press("d")
        await until(pilot, lambda: isinstance(app.screen, Choice))
        await pilot.press("y")
        await until(pilot, lambda: app.session.find_meeting(held.id) is None)
        assert app.session.current_id != held.id
        assert held.date.isoformat() not in app.sub_title, "the header names another meeting"

    drive(demo_ws.root, steps)
    assert [m.id for m in demo_ws.meetings().records] == [m.id for m in others]
    assert demo_ws.answers(held.id).records == [] and demo_ws.testimonies(held.id).records == []
    assert [a.meeting for a in demo_ws.answers().records if a.meeting == held.id] == []
