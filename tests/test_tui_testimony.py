"""Testimony mode: type, see the time against the limit, save, autosave,
the template, an outside editor, and a long text that stays smooth."""

from __future__ import annotations

import shutil
import stat
import sys
from pathlib import Path

import pytest
from test_tui_support import drive, keys, notices, open_testimony, shown, until

from toolkit.actions.autosave import Autosave
from toolkit.actions.external_editor import edit_text
from toolkit.store import Workspace
from toolkit.testimony import timing
from toolkit.tui.screens import testimony as testimony_screen


def held(ws: Workspace):  # type: ignore[no-untyped-def]
    return ws.meetings().records[0]


def test_typed_testimony_is_saved_and_the_time_label_changes(demo_ws: Workspace) -> None:
    meeting = held(demo_ws)
    path = demo_ws.testimony_path(meeting.id, "Maria Lopez")
    before = path.read_text()
    added = " I have lived here for thirty years."

    async def steps(pilot):  # type: ignore[no-untyped-def]
        screen = await open_testimony(pilot, meeting.id)
        assert screen.active.speaker == "Maria Lopez"
        label = screen.query_one("#t-timing")
        first = shown(label)
        assert "limit 2:00" in first
        editor = screen.query_one("#t-editor")
        editor.focus()
        editor.move_cursor(editor.document.end)
        await keys(pilot, added)
        await until(pilot, lambda: shown(label) != first)
        expected = timing(editor.text, meeting.minutes, 130)
        assert f"{expected.words} words" in shown(label)
        assert label.has_class(f"state-{expected.state}")
        assert "unsaved changes" in shown(screen.query_one("#t-file"))
        await pilot.press("ctrl+s")
        await until(pilot, lambda: "· saved" in shown(screen.query_one("#t-file")))
        assert path.read_text() != before

    drive(demo_ws.root, steps)
    after = path.read_text()
    assert added.strip() in after
    assert after.startswith("---\n") and before.split("---")[1] == after.split("---")[1]


def test_over_the_limit_is_red_and_says_by_how_much(demo_ws: Workspace) -> None:
    meeting = held(demo_ws)

    async def steps(pilot):  # type: ignore[no-untyped-def]
        screen = await open_testimony(pilot, meeting.id)
        screen.query_one("#t-editor").text = "word " * 300
        await until(pilot, lambda: "300 words" in shown(screen.query_one("#t-timing")))
        label = screen.query_one("#t-timing")
        assert label.has_class("state-over")
        assert "40 words over" in shown(label)
        screen.query_one("#t-editor").text = "word " * 240
        await until(pilot, lambda: "240 words" in shown(label))
        assert label.has_class("state-close") and "20 words to spare" in shown(label)

    drive(demo_ws.root, steps)


def test_autosave_writes_the_draft_and_offers_it_back(demo_ws: Workspace) -> None:
    meeting = held(demo_ws)
    draft_path = Autosave(demo_ws).path("testimony", meeting.id, "Maria Lopez")
    typed = "Unsaved draft."

    async def type_without_saving(pilot):  # type: ignore[no-untyped-def]
        screen = await open_testimony(pilot, meeting.id)
        editor = screen.query_one("#t-editor")
        editor.focus()
        await keys(pilot, typed)
        await until(pilot, draft_path.exists)
        await until(pilot, lambda: typed in draft_path.read_text())

    drive(demo_ws.root, type_without_saving)
    assert stat.S_IMODE(draft_path.stat().st_mode) == 0o600
    assert typed not in demo_ws.testimony_path(meeting.id, "Maria Lopez").read_text()

    async def restore(pilot):  # type: ignore[no-untyped-def]
        pilot.app.open_meeting(meeting.id)
        await pilot.press("3")
        await until(pilot, lambda: type(pilot.app.screen).__name__ == "Choice")
        assert "Restore the autosaved draft" in shown(pilot.app.screen.query_one(".dialog-title"))
        await pilot.press("r")
        await pilot.pause()
        screen = pilot.app.screen
        assert typed in screen.query_one("#t-editor").text
        assert screen.unsaved() == [f"testimony of Maria Lopez ({meeting.id})"]
        await pilot.press("ctrl+s")
        await pilot.pause()

    drive(demo_ws.root, restore)
    assert typed in demo_ws.testimony_path(meeting.id, "Maria Lopez").read_text()
    assert not draft_path.exists()


def test_autosaves_in_a_fresh_clone_are_ignored_by_git(demo_ws: Workspace) -> None:
    """A clone has no .meetingkit/ (git ignored it): the first draft brings its .gitignore back."""
    shutil.rmtree(demo_ws.private_dir)
    autosave = Autosave(Workspace(demo_ws.root))
    autosave.write(("testimony", "m", "maria"), {"text": "draft"}, None, autosave.stamp())
    assert autosave.path("testimony", "m", "maria").parent == demo_ws.private_dir / "autosave"
    assert (demo_ws.private_dir / ".gitignore").read_text().splitlines()[-1] == "*"


def test_a_new_speaker_starts_from_the_template(demo_ws: Workspace) -> None:
    meeting = held(demo_ws)

    async def steps(pilot):  # type: ignore[no-untyped-def]
        screen = await open_testimony(pilot, meeting.id)
        await pilot.press("ctrl+n")
        await keys(pilot, "Rosa Diaz")
        await pilot.press("tab")
        await keys(pilot, "Eastside")
        await pilot.press("enter")
        await until(pilot, lambda: screen.active is not None and screen.active.speaker == "Rosa Diaz")
        await pilot.press("ctrl+t")
        editor = screen.query_one("#t-editor")
        await until(pilot, lambda: type(pilot.app.screen).__name__ == "Choice" or bool(editor.text))
        if type(pilot.app.screen).__name__ == "Choice":
            await pilot.press("p")
            await pilot.pause()
        text = screen.query_one("#t-editor").text
        assert text.startswith("Good evening, Chair and members of the Alder County Board of Commissioners.")
        assert "My name is Rosa Diaz, and I live in Eastside." in text
        await pilot.press("ctrl+s")
        await pilot.pause()

    drive(demo_ws.root, steps)
    saved = demo_ws.testimony(meeting.id, "Rosa Diaz")
    assert saved is not None and saved.neighbourhood == "Eastside"


def test_recount_is_debounced_while_typing_a_long_text(demo_ws: Workspace, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    meeting = held(demo_ws)
    calls = []
    real = testimony_screen.timing

    def counting(*args, **kwargs):  # type: ignore[no-untyped-def]
        calls.append(1)
        return real(*args, **kwargs)

    monkeypatch.setattr(testimony_screen, "timing", counting)
    paragraph = ("Residents deserve answers on the public record, tonight. " * 8).strip()
    long_text = "\n\n".join([paragraph] * 47) + "\n\nThank you for your time."

    async def steps(pilot):  # type: ignore[no-untyped-def]
        screen = await open_testimony(pilot, meeting.id)
        editor = screen.query_one("#t-editor")
        editor.text = long_text
        await until(pilot, lambda: "3013 words" in shown(screen.query_one("#t-timing")))
        editor.focus()
        editor.move_cursor(editor.document.end)
        calls.clear()
        await keys(pilot, " and more")
        await until(pilot, lambda: "3015 words" in shown(screen.query_one("#t-timing")))
        assert len(calls) <= 3, f"counted {len(calls)} times for 9 keys"

    drive(demo_ws.root, steps)


def test_outside_editor_round_trip(tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    script = tmp_path / "fake-editor"
    script.write_text(
        f"#!{sys.executable}\nimport sys\nopen(sys.argv[1], 'a').write('Added in my editor.\\n')\n"
    )
    script.chmod(0o700)
    monkeypatch.setenv("EDITOR", str(script))
    monkeypatch.delenv("VISUAL", raising=False)
    folder = tmp_path / "autosave"
    assert edit_text("First line.\n", folder, "edit-maria") == "First line.\nAdded in my editor.\n"
    assert not list(folder.iterdir()), "the temporary copy is removed"


def test_outside_editor_failure_changes_nothing(tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setenv("EDITOR", "false")
    from toolkit.errors import MeetingkitError

    with pytest.raises(MeetingkitError, match="ended with status 1"):
        edit_text("Keep me.\n", tmp_path, "edit")


def test_without_a_terminal_to_hand_over_the_editor_key_says_so(demo_ws: Workspace, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setenv("EDITOR", "true")
    meeting = held(demo_ws)

    async def steps(pilot):  # type: ignore[no-untyped-def]
        await open_testimony(pilot, meeting.id)
        await pilot.press("ctrl+o")
        await pilot.pause()
        assert any("cannot hand over" in n for n in notices(pilot.app))

    drive(demo_ws.root, steps)
