"""Saves run behind the screen, one after another (tui/saving.py): edits made in
quick succession all land without refusing each other, and a save waiting for
a file's lock leaves the app answering keys meanwhile."""

from __future__ import annotations

import threading

from test_tui_support import drive, notices, saved, until

from toolkit.atomic import locked
from toolkit.bank import load
from toolkit.store import Workspace
from toolkit.tui.screens.base import ModeScreen


def upcoming_id(ws: Workspace) -> str:
    return max(ws.meetings().records, key=lambda m: m.date).id


def test_agenda_changes_made_in_quick_succession_all_land(demo_ws: Workspace) -> None:
    meeting_id = upcoming_id(demo_ws)
    before = [e.question for e in demo_ws.meeting(meeting_id).agenda]
    wanted = [q for q in load(demo_ws.bank_dir).questions if q not in before][:4]
    assert len(wanted) == 4

    async def steps(pilot):  # type: ignore[no-untyped-def]
        pilot.app.open_meeting(meeting_id)
        await pilot.press("1")
        screen = pilot.app.screen
        for qid in wanted:  # no wait between them: each edit builds on the one before, still being written
            await screen.run_action(f"show_question('{qid}')")
            await pilot.press("a")
        await saved(pilot)
        assert not [n for n in notices(pilot.app) if "Changed on disk" in n or "Not saved" in n]
        assert pilot.app.unsaved() == []

    drive(demo_ws.root, steps)
    got = [e.question for e in demo_ws.meeting(meeting_id).agenda]
    assert got == before + wanted, (got, before, wanted)


def test_a_save_waiting_for_the_lock_leaves_the_app_answering(demo_ws: Workspace) -> None:
    meeting_id = upcoming_id(demo_ws)
    path = demo_ws.meeting_path(meeting_id)
    holding, release = threading.Event(), threading.Event()

    def other_organizer() -> None:
        with locked(demo_ws.lock_dir, path):
            holding.set()
            release.wait(20)

    async def steps(pilot):  # type: ignore[no-untyped-def]
        pilot.app.open_meeting(meeting_id)
        await pilot.press("1")
        screen = pilot.app.screen
        holder = threading.Thread(target=other_organizer)
        holder.start()
        holding.wait(5)
        try:
            await screen.run_action("show_question('data-sharing')")
            await pilot.press("a")
            await until(pilot, lambda: pilot.app.saver.busy)
            await pilot.press("2")  # while the save waits, the app still switches modes
            await until(
                pilot, lambda: isinstance(pilot.app.screen, ModeScreen) and pilot.app.screen.MODE == "meeting"
            )
            assert pilot.app.saver.busy
            assert "data-sharing" not in path.read_text()
        finally:
            release.set()
            holder.join()
        await saved(pilot)
        assert "data-sharing" in path.read_text()

    drive(demo_ws.root, steps)
