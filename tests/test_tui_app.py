"""The app as a whole: first run, loading, quitting safely, keys and keymap,
help, the command palette, broken files, and errors without tracebacks."""

from __future__ import annotations

import asyncio
import re
import threading
from pathlib import Path

import pytest
from conftest import TODAY
from test_tui_support import SIZE, drive, keys, notices, open_testimony, shown, until

from toolkit.actions import session as session_module
from toolkit.errors import SaveError
from toolkit.store import Workspace
from toolkit.tui.app import MeetingkitApp
from toolkit.tui.screens.base import ModeScreen


def run_fresh(root: Path, steps) -> MeetingkitApp:  # type: ignore[no-untyped-def]
    """Run the app without waiting for a workspace (first run, slow disks)."""

    async def main() -> MeetingkitApp:
        app = MeetingkitApp(root, as_of=TODAY)
        async with app.run_test(size=SIZE) as pilot:
            await steps(pilot)
        return app

    return asyncio.run(main())


def test_first_run_creates_the_example_workspace_in_one_key(tmp_path: Path) -> None:
    root = tmp_path / "new"

    async def steps(pilot):  # type: ignore[no-untyped-def]
        await until(pilot, lambda: bool(pilot.app.screen.query("#welcome-intro")))
        assert str(root) in shown(pilot.app.screen.query_one("#welcome-intro"))
        await pilot.press("e")
        await until(pilot, lambda: pilot.app.ready)
        assert pilot.app.screen.query_one("#m-list").row_count == 2

    run_fresh(root, steps)
    ws = Workspace(root)
    assert ws.exists() and len(ws.meetings().records) == 2


def test_first_run_empty_workspace_then_settings(tmp_path: Path) -> None:
    root = tmp_path / "empty"

    async def steps(pilot):  # type: ignore[no-untyped-def]
        await until(pilot, lambda: bool(pilot.app.screen.query("#welcome-intro")))
        await pilot.press("n")
        await until(pilot, lambda: type(pilot.app.screen).__name__ == "SettingsForm")
        form = pilot.app.screen
        form.query_one("#set-group").value = "Riverside Neighbors"
        form.query_one("#set-agency").value = "the Riverside Police Department"
        await pilot.press("ctrl+s")
        await until(pilot, lambda: isinstance(pilot.app.screen, ModeScreen))

    run_fresh(root, steps)
    settings = Workspace(root).settings()
    assert (settings.group, settings.agency) == ("Riverside Neighbors", "the Riverside Police Department")


def test_the_first_frame_does_not_wait_for_the_workspace(demo_ws: Workspace, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    release = threading.Event()
    real_open = session_module.Session.open.__func__

    def slow_open(cls, root, today):  # type: ignore[no-untyped-def]
        release.wait(10)
        return real_open(cls, root, today)

    monkeypatch.setattr(session_module.Session, "open", classmethod(slow_open))

    async def steps(pilot):  # type: ignore[no-untyped-def]
        await pilot.pause(0.2)
        assert "Opening the workspace" in shown(pilot.app.query_one("#loading-text"))
        assert not pilot.app.ready
        release.set()
        await until(pilot, lambda: pilot.app.ready)

    run_fresh(demo_ws.root, steps)


def test_quitting_while_the_workspace_is_read_does_not_wait_for_the_reading(
    demo_ws: Workspace, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    reading, release, done = threading.Event(), threading.Event(), threading.Event()
    real_open = session_module.Session.open.__func__

    def slow_open(cls, root, today):  # type: ignore[no-untyped-def]
        reading.set()
        release.wait(10)
        done.set()
        return real_open(cls, root, today)

    monkeypatch.setattr(session_module.Session, "open", classmethod(slow_open))

    async def steps(pilot):  # type: ignore[no-untyped-def]
        await until(pilot, reading.is_set)
        await pilot.press("ctrl+q")

    try:
        run_fresh(demo_ws.root, steps)
        assert not done.is_set(), "the app closed while the workspace was still being read"
    finally:
        release.set()


def test_quitting_with_unsaved_text_asks_first(demo_ws: Workspace) -> None:
    held = demo_ws.meetings().records[0]
    path = demo_ws.testimony_path(held.id, "Maria Lopez")
    before = path.read_text()

    async def steps(pilot):  # type: ignore[no-untyped-def]
        screen = await open_testimony(pilot, held.id)
        screen.query_one("#t-editor").focus()
        await keys(pilot, "Unsaved words")
        await pilot.press("ctrl+q")
        await pilot.pause()
        dialog = pilot.app.screen
        assert "Quit with unsaved changes?" in shown(dialog.query_one(".dialog-title"))
        assert "testimony of Maria Lopez" in shown(dialog.query_one(".dialog-message"))
        await pilot.press("c")
        await pilot.pause()
        assert pilot.app.is_running and pilot.app.screen is screen
        await pilot.press("ctrl+q", "d")
        await pilot.pause()
        assert not pilot.app.is_running

    drive(demo_ws.root, steps)
    assert path.read_text() == before, "quitting without saving leaves the file alone"


def test_save_and_quit_saves(demo_ws: Workspace) -> None:
    held = demo_ws.meetings().records[0]

    async def steps(pilot):  # type: ignore[no-untyped-def]
        screen = await open_testimony(pilot, held.id)
        screen.query_one("#t-editor").text = "Short and sweet."
        await pilot.press("ctrl+q", "s")
        await pilot.pause()
        assert not pilot.app.is_running

    drive(demo_ws.root, steps)
    saved = demo_ws.testimony(held.id, "Maria Lopez")
    assert saved is not None and saved.text.strip() == "Short and sweet."


def test_quitting_with_nothing_unsaved_just_quits(demo_ws: Workspace) -> None:
    async def steps(pilot):  # type: ignore[no-untyped-def]
        await pilot.press("ctrl+q")
        await pilot.pause()
        assert not pilot.app.is_running

    drive(demo_ws.root, steps)


def test_the_keymap_in_the_settings_moves_keys(demo_ws: Workspace) -> None:
    settings = demo_ws.settings()
    settings.keymap = {"mode.promises": "f9", "no.such.binding": "f10"}
    demo_ws.save_settings(settings)

    async def steps(pilot):  # type: ignore[no-untyped-def]
        assert any("no.such.binding" in n for n in notices(pilot.app))
        await pilot.press("5")
        await pilot.pause()
        assert pilot.app.screen.MODE == "meeting", "the old key no longer switches"
        await pilot.press("f9")
        await pilot.pause()
        assert pilot.app.screen.MODE == "promises"
        tab = pilot.app.screen.query_one("#tab-promises")
        assert str(tab.label) == "f9 Promises"

    drive(demo_ws.root, steps)


def test_help_explains_the_current_mode_and_its_keys(demo_ws: Workspace) -> None:
    async def steps(pilot):  # type: ignore[no-untyped-def]
        await pilot.press("5", "f1")
        await pilot.pause()
        text = shown(pilot.app.screen.query_one("#help-text"))
        assert text.startswith("Promises: follow every promise until it is kept")
        assert re.search(r"\n  u +Update status +promises\.update\n", text)
        assert "app.quit" in text and "keymap:" in text
        await pilot.press("escape")
        await pilot.pause()
        await pilot.press("question_mark")
        await pilot.pause()
        assert shown(pilot.app.screen.query_one("#help-text")) == text

    drive(demo_ws.root, steps)


def test_the_command_palette_reaches_mode_actions(demo_ws: Workspace) -> None:
    async def steps(pilot):  # type: ignore[no-untyped-def]
        await pilot.press("1", "ctrl+p")
        await keys(pilot, "Meeting: New meeting")
        await until(pilot, lambda: pilot.app.screen.query("CommandList").first().option_count > 0)
        await pilot.press("down", "enter")
        await until(pilot, lambda: type(pilot.app.screen).__name__ == "MeetingForm")

    drive(demo_ws.root, steps)


def test_a_broken_file_shows_in_problems_and_the_rest_works(demo_ws: Workspace) -> None:
    broken = demo_ws.root / "meetings" / "2026-01-01-broken.yaml"
    broken.write_text("format: 1\nid: 2026-01-01-broken\nbody: Council\ndate: next tuesday\n")

    async def steps(pilot):  # type: ignore[no-untyped-def]
        assert any("could not be read" in n for n in notices(pilot.app))
        assert pilot.app.screen.query_one("#m-list").row_count == 2
        assert pilot.app.screen.query_one("#problems-badge").display
        await pilot.press("f4")
        screen = pilot.app.screen
        await until(pilot, lambda: screen.query_one("#problems-list").option_count > 0, timeout=20)
        texts = [str(o.prompt) for o in screen.query_one("#problems-list").options]
        assert any(
            t.startswith("meetings/2026-01-01-broken.yaml, line 4, field `date`")
            and "expected a date YYYY-MM-DD" in t
            for t in texts
        ), texts

    drive(demo_ws.root, steps)
    assert "next tuesday" in broken.read_text(), "a broken file is never overwritten"


def test_a_failed_save_is_a_notification_not_a_traceback(demo_ws: Workspace, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    def refuse(self, meeting):  # type: ignore[no-untyped-def]
        raise SaveError("could not save meetings/x.yaml: the disk is full; the previous version is intact")

    monkeypatch.setattr(Workspace, "save_meeting", refuse)

    async def steps(pilot):  # type: ignore[no-untyped-def]
        await pilot.press("tab", "ctrl+down")
        await pilot.pause()
        assert any("the disk is full" in n for n in notices(pilot.app))
        assert pilot.app.is_running

    drive(demo_ws.root, steps)


@pytest.mark.parametrize(
    ("when", "seen"), [("first-frame", "Opening the workspace"), ("ready", "upcoming first")]
)
def test_the_exit_hook_for_the_startup_benchmark(demo_ws: Workspace, cli, when: str, seen: str) -> None:  # type: ignore[no-untyped-def]
    result = cli(workspace=demo_ws.root, env={"MEETINGKIT_EXIT_AFTER": when})
    assert result.code == 0, result.err
    assert seen in result.out + result.err


def test_a_broken_settings_file_is_explained_and_retried(demo_ws: Workspace) -> None:
    good = demo_ws.settings_path.read_text()
    demo_ws.settings_path.write_text(good.replace("wpm: 130", "wpm: fast"))

    async def steps(pilot):  # type: ignore[no-untyped-def]
        await until(pilot, lambda: pilot.app.failed is not None)
        text = shown(pilot.app.query_one("#loading-text"))
        assert "meetingkit.yaml" in text and "field `wpm`" in text and "press r to try again" in text
        demo_ws.settings_path.write_text(good)
        await pilot.press("r")
        await until(pilot, lambda: pilot.app.ready)

    run_fresh(demo_ws.root, steps)


def test_reload_picks_up_changes_made_elsewhere(demo_ws: Workspace) -> None:
    async def steps(pilot):  # type: ignore[no-untyped-def]
        other = Workspace(demo_ws.root)
        meeting = other.meetings().records[-1]
        meeting.location = "Town Hall annex"
        other.save_meeting(meeting)
        await pilot.press("f5")
        await pilot.pause()
        assert "Town Hall annex" in shown(pilot.app.screen.query_one("#m-info"))

    drive(demo_ws.root, steps)


def test_square_brackets_in_names_are_shown_as_typed(demo_ws: Workspace) -> None:
    held = demo_ws.meetings().records[0]
    held.body = "Council [East] [/]"
    held.agenda[0].speaker = "Ana [b]Ruiz[/b]"
    demo_ws.save_meeting(held)

    async def steps(pilot):  # type: ignore[no-untyped-def]
        screen = await open_testimony(pilot, held.id)
        prompts = [str(o.prompt) for o in screen.query_one("#t-speakers").options]
        assert "  Ana [b]Ruiz[/b]\n  0:00 / 2:00" in prompts, "the name as typed, her time under it"
        await pilot.press("escape", "6")
        await until(pilot, lambda: "Council [East] [/]" in shown(pilot.app.screen.query_one("#p-meeting")))
        await pilot.press("ctrl+g")
        await pilot.pause()
        assert pilot.app.is_running

    drive(demo_ws.root, steps)


@pytest.mark.parametrize(
    ("mode", "lines"),
    [
        ("1", [r"i +Import ICE sheet +questions\.ice_import"]),
        ("2", [r"d +Delete meeting +meeting\.delete"]),
        ("5", [r"d +As of date +promises\.as_of", r"del +Delete promise +promises\.delete"]),
        ("7", [r"u +Update status +requests\.update"]),
    ],
)
def test_help_lists_the_new_keys_with_their_ids(demo_ws: Workspace, mode: str, lines: list[str]) -> None:
    async def steps(pilot):  # type: ignore[no-untyped-def]
        await pilot.press(mode, "f1")
        await pilot.pause()
        text = shown(pilot.app.screen.query_one("#help-text"))
        for line in lines:
            assert re.search(rf"\n  {line}\n", text), line

    drive(demo_ws.root, steps)
