"""One picture per mode at a fixed size, on the demo workspace built as of a
fixed day (pytest-textual-snapshot; update with --snapshot-update after
looking at the new pictures)."""

from __future__ import annotations

from conftest import TODAY
from test_tui_support import until

from toolkit.store import Workspace
from toolkit.tui.app import MeetingkitApp

SIZE = (120, 36)


def snap(snap_compare, ws: Workspace, *keys: str, held: bool = False, until_shown=None) -> bool:  # type: ignore[no-untyped-def]
    """Open the demo (on the meeting held, if asked), press ``keys``, wait for
    ``until_shown(screen)`` when given, then compare the picture."""

    async def run_before(pilot):  # type: ignore[no-untyped-def]
        await until(pilot, lambda: pilot.app.ready)
        if held:
            pilot.app.open_meeting(ws.meetings().records[0].id)
        await pilot.press(*keys)
        if until_shown is not None:
            await until(pilot, lambda: until_shown(pilot.app.screen), timeout=30)

    return snap_compare(MeetingkitApp(ws.root, as_of=TODAY), terminal_size=SIZE, run_before=run_before)


def test_questions_mode(demo_ws: Workspace, snap_compare) -> None:  # type: ignore[no-untyped-def]
    assert snap(snap_compare, demo_ws, "1")


def test_meeting_mode(demo_ws: Workspace, snap_compare) -> None:  # type: ignore[no-untyped-def]
    assert snap(snap_compare, demo_ws)


def test_testimony_mode(demo_ws: Workspace, snap_compare) -> None:  # type: ignore[no-untyped-def]
    assert snap(snap_compare, demo_ws, "3", held=True, until_shown=lambda screen: screen.active is not None)


def test_answers_mode(demo_ws: Workspace, snap_compare) -> None:  # type: ignore[no-untyped-def]
    assert snap(
        snap_compare, demo_ws, "4", held=True, until_shown=lambda screen: screen.question_id is not None
    )


def test_promises_mode(demo_ws: Workspace, snap_compare) -> None:  # type: ignore[no-untyped-def]
    assert snap(snap_compare, demo_ws, "5", "a")


def test_print_mode(demo_ws: Workspace, snap_compare) -> None:  # type: ignore[no-untyped-def]
    assert snap(
        snap_compare,
        demo_ws,
        "6",
        until_shown=lambda screen: "Fits" in str(screen.query_one("#p-fit").visual),
    )


# --- every form and dialog at 80x24 (issue 11): the focused field and the buttons in view ---

SMALL = (80, 24)


def snap_small(snap_compare, ws: Workspace, open_it, *keys: str, shows: str, held: bool = False) -> bool:  # type: ignore[no-untyped-def]
    """At 80x24: open the workspace, ``open_it(pilot)`` the form or dialog named ``shows``
    (its class: tests/test_tui_dialog_snapshots.py checks every one has a picture), press ``keys``."""

    async def run_before(pilot):  # type: ignore[no-untyped-def]
        await until(pilot, lambda: pilot.app.ready)
        if held:
            pilot.app.open_meeting(ws.meetings().records[0].id)
        await open_it(pilot)
        await until(pilot, lambda: type(pilot.app.screen).__name__ == shows and pilot.app.screen.is_mounted)
        await pilot.pause()
        await pilot.press(*keys)
        await pilot.pause()

    return snap_compare(MeetingkitApp(ws.root, as_of=TODAY), terminal_size=SMALL, run_before=run_before)


def press(*keys: str):  # type: ignore[no-untyped-def]
    async def go(pilot):  # type: ignore[no-untyped-def]
        await pilot.press(*keys)

    return go


async def settings(pilot):  # type: ignore[no-untyped-def]
    pilot.app.action_settings()


def test_settings_form_80x24_last_field(demo_ws: Workspace, snap_compare) -> None:  # type: ignore[no-untyped-def]
    assert snap_small(
        snap_compare, demo_ws, settings, *["shift+tab"] * 3, shows="SettingsForm"
    )  # back past Close and Save


async def official(pilot):  # type: ignore[no-untyped-def]
    pilot.app.action_settings()
    await until(pilot, lambda: type(pilot.app.screen).__name__ == "SettingsForm")
    await pilot.pause()
    pilot.app.screen.query_one("#set-officials").focus()
    await pilot.press("enter")
    await until(pilot, lambda: type(pilot.app.screen).__name__ == "OfficialForm")


def test_official_form_80x24(demo_ws: Workspace, snap_compare) -> None:  # type: ignore[no-untyped-def]
    assert snap_small(snap_compare, demo_ws, official, shows="OfficialForm")


def test_new_meeting_form_80x24_notes(demo_ws: Workspace, snap_compare) -> None:  # type: ignore[no-untyped-def]
    assert snap_small(snap_compare, demo_ws, press("n"), *["tab"] * 8, shows="MeetingForm")


def test_planner_80x24(demo_ws: Workspace, snap_compare) -> None:  # type: ignore[no-untyped-def]
    assert snap_small(snap_compare, demo_ws, press("p"), shows="PlannerScreen", held=True)


def test_speaker_form_80x24(demo_ws: Workspace, snap_compare) -> None:  # type: ignore[no-untyped-def]
    assert snap_small(snap_compare, demo_ws, press("3", "ctrl+n"), shows="SpeakerForm", held=True)


def test_tailor_form_80x24(demo_ws: Workspace, snap_compare) -> None:  # type: ignore[no-untyped-def]
    assert snap_small(snap_compare, demo_ws, press("1", "t"), shows="TailorScreen")


def test_promise_form_80x24(demo_ws: Workspace, snap_compare) -> None:  # type: ignore[no-untyped-def]
    assert snap_small(snap_compare, demo_ws, press("4", "ctrl+n"), shows="PromiseForm", held=True)


def test_promise_update_80x24(demo_ws: Workspace, snap_compare) -> None:  # type: ignore[no-untyped-def]
    assert snap_small(snap_compare, demo_ws, press("5", "u"), shows="PromiseUpdate")


def test_quit_question_80x24(demo_ws: Workspace, snap_compare) -> None:  # type: ignore[no-untyped-def]
    assert snap_small(snap_compare, demo_ws, press("3", "enter", "x", "ctrl+q"), shows="Choice", held=True)


def test_help_80x24(demo_ws: Workspace, snap_compare) -> None:  # type: ignore[no-untyped-def]
    assert snap_small(snap_compare, demo_ws, press("6", "f1"), shows="HelpScreen")


async def problems_checked(pilot):  # type: ignore[no-untyped-def]
    await pilot.press("f4")
    await until(pilot, lambda: bool(pilot.app.screen.query("#problems-summary")))
    await until(pilot, lambda: "Checking" not in str(pilot.app.screen.query_one("#problems-summary").visual))


def test_problems_80x24(demo_ws: Workspace, snap_compare) -> None:  # type: ignore[no-untyped-def]
    assert snap_small(snap_compare, demo_ws, problems_checked, shows="ProblemsScreen")


def test_meeting_picker_80x24(demo_ws: Workspace, snap_compare) -> None:  # type: ignore[no-untyped-def]
    assert snap_small(snap_compare, demo_ws, press("ctrl+g"), shows="MeetingPicker")
