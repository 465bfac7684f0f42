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
