"""One picture per mode at a fixed size, on the demo workspace built as of a
fixed day (pytest-textual-snapshot; update with --snapshot-update after
looking at the new pictures)."""

from __future__ import annotations

from conftest import TODAY
from test_tui_support import until

from toolkit.store import Workspace
from toolkit.tui.app import MeetingkitApp

SIZE = (120, 36)


def app_for(ws: Workspace) -> MeetingkitApp:
    return MeetingkitApp(ws.root, as_of=TODAY)


def held(ws: Workspace) -> str:
    return ws.meetings().records[0].id


def test_questions_mode(demo_ws: Workspace, snap_compare) -> None:  # type: ignore[no-untyped-def]
    async def run_before(pilot):  # type: ignore[no-untyped-def]
        await until(pilot, lambda: pilot.app.ready)
        await pilot.press("1")

    assert snap_compare(app_for(demo_ws), terminal_size=SIZE, run_before=run_before)


def test_meeting_mode(demo_ws: Workspace, snap_compare) -> None:  # type: ignore[no-untyped-def]
    async def run_before(pilot):  # type: ignore[no-untyped-def]
        await until(pilot, lambda: pilot.app.ready)

    assert snap_compare(app_for(demo_ws), terminal_size=SIZE, run_before=run_before)


def test_testimony_mode(demo_ws: Workspace, snap_compare) -> None:  # type: ignore[no-untyped-def]
    async def run_before(pilot):  # type: ignore[no-untyped-def]
        await until(pilot, lambda: pilot.app.ready)
        pilot.app.open_meeting(held(demo_ws))
        await pilot.press("3")
        await until(pilot, lambda: pilot.app.screen.active is not None)

    assert snap_compare(app_for(demo_ws), terminal_size=SIZE, run_before=run_before)


def test_answers_mode(demo_ws: Workspace, snap_compare) -> None:  # type: ignore[no-untyped-def]
    async def run_before(pilot):  # type: ignore[no-untyped-def]
        await until(pilot, lambda: pilot.app.ready)
        pilot.app.open_meeting(held(demo_ws))
        await pilot.press("4")
        await until(pilot, lambda: pilot.app.screen.question_id is not None)

    assert snap_compare(app_for(demo_ws), terminal_size=SIZE, run_before=run_before)


def test_promises_mode(demo_ws: Workspace, snap_compare) -> None:  # type: ignore[no-untyped-def]
    async def run_before(pilot):  # type: ignore[no-untyped-def]
        await until(pilot, lambda: pilot.app.ready)
        await pilot.press("5", "a")

    assert snap_compare(app_for(demo_ws), terminal_size=SIZE, run_before=run_before)


def test_print_mode(demo_ws: Workspace, snap_compare) -> None:  # type: ignore[no-untyped-def]
    async def run_before(pilot):  # type: ignore[no-untyped-def]
        await until(pilot, lambda: pilot.app.ready)
        await pilot.press("6")
        fit = pilot.app.screen.query_one("#p-fit")
        await until(pilot, lambda: "Fits" in str(fit.visual), timeout=30)

    assert snap_compare(app_for(demo_ws), terminal_size=SIZE, run_before=run_before)
