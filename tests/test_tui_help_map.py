"""The help screen's map from the command line to the app: every command has a
place, every place names a key the app has, and the key shown is the one the
keymap gives it. And the places built for commands the app could not do yet:
making files private (check --fix), ICE's list for any agency and its changes."""

from __future__ import annotations

import argparse
import re
import stat
from datetime import date
from pathlib import Path

from ice_sheets import write_sheet
from test_tui_support import drive, notices, retype, shown, until

from toolkit.actions.ice import import_sheets
from toolkit.cli import build_parser
from toolkit.model import Settings
from toolkit.store import Workspace
from toolkit.tui.app import MeetingkitApp
from toolkit.tui.cli_places import PLACES, WELCOME
from toolkit.tui.keys import known_binding_ids
from toolkit.tui.modes import BY_NAME
from toolkit.tui.screens.choice import Choice


def commands(parser: argparse.ArgumentParser, prefix: str = "") -> dict[str, argparse.ArgumentParser]:
    """Every command a user can run, by name (``promise update``), with its parser: the leaves."""
    found: dict[str, argparse.ArgumentParser] = {}
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            for name, sub in action.choices.items():
                found |= commands(sub, f"{prefix} {name}".strip())
    return found or {prefix: parser}


def test_every_command_of_the_command_line_has_a_place_in_the_app() -> None:
    parsers = commands(build_parser())
    assert "promise update" in parsers and "ice changes" in parsers and "init" in parsers
    placed = {place.command for place in PLACES}
    assert sorted(set(parsers) - placed) == [], "commands the help map does not place"
    assert sorted(placed - set(parsers)) == [], "places for commands that do not exist"
    for place in PLACES:
        if place.option:
            options = {o for action in parsers[place.command]._actions for o in action.option_strings}
            assert place.option in options, f"{place.command} has no {place.option}"


def test_every_place_names_a_binding_the_app_has() -> None:
    ids = known_binding_ids()
    app_ids = {b.id for b in MeetingkitApp.BINDINGS if getattr(b, "id", None)}  # type: ignore[union-attr]
    for place in PLACES:
        assert place.where in BY_NAME or place.where in app_ids or place.where == WELCOME, place
        assert place.binding is None or place.binding in ids, f"{place.command}: no binding {place.binding}"


def help_lines(app: MeetingkitApp) -> list[str]:
    return [line.rstrip() for line in shown(app.screen.query_one("#help-text")).splitlines()]


def test_the_help_map_shows_keys_as_the_keymap_moved_them(demo_ws: Workspace) -> None:
    settings = demo_ws.settings()
    settings.keymap = {"meeting.new": "ctrl+j", "mode.promises": "f9"}
    demo_ws.save_settings(settings)

    async def steps(pilot):  # type: ignore[no-untyped-def]
        await pilot.press("f1")
        await until(pilot, lambda: bool(pilot.app.screen.query("#help-text")))
        lines = help_lines(pilot.app)
        heading = lines.index("From the command line to the app")
        table = lines[heading:]
        assert any(re.fullmatch(r"  meeting new +2 Meeting · \^j +the new-meeting form", x) for x in table)
        assert any(
            re.fullmatch(r"  promise update +f9 Promises · u +status, date, note, evidence", x) for x in table
        )
        assert any(re.fullmatch(r"    --fix +f4 Problems · f +make files private", x) for x in table)
        assert all(len(line) <= 70 for line in table if line.startswith("  ")), (
            "a line the help box at 80 columns would wrap"
        )
        assert "*" not in "\n".join(lines)
        await pilot.press("escape", "1", "f1")  # a mode whose help names a command
        await until(pilot, lambda: bool(pilot.app.screen.query("#help-text")))
        words = " ".join(help_lines(pilot.app))
        assert "as meetingkit ice import does" in words and "`" not in words

    drive(demo_ws.root, steps, size=(80, 24))


def test_problems_screen_makes_files_private_after_asking(demo_ws: Workspace) -> None:
    meeting = next((demo_ws.root / "meetings").glob("*.yaml"))
    meeting.chmod(0o644)
    meeting.parent.chmod(0o755)

    async def steps(pilot):  # type: ignore[no-untyped-def]
        await pilot.press("f4")
        summary = lambda: shown(pilot.app.screen.query_one("#problems-summary"))  # noqa: E731
        await until(pilot, lambda: summary().startswith("2 problems"))
        await pilot.press("f")
        await until(pilot, lambda: isinstance(pilot.app.screen, Choice))
        assert "2 of the workspace's files and folders" in shown(
            pilot.app.screen.query_one(".dialog-message")
        )
        assert stat.S_IMODE(meeting.stat().st_mode) == 0o644, "nothing changes before the answer"
        await pilot.press("y")
        await until(pilot, lambda: any("private" in n for n in notices(pilot.app)))
        await until(pilot, lambda: summary().startswith("Every file reads well"))

    drive(demo_ws.root, steps, size=(80, 24))
    assert stat.S_IMODE(meeting.stat().st_mode) == 0o600
    assert stat.S_IMODE(meeting.parent.stat().st_mode) == 0o700


def sheet(path: Path, agencies: list[tuple[str, str, date]]) -> Path:
    rows = [
        ["ALABAMA", name, "County", f"{name.split()[0]} County", model, signed, "", ""]
        for name, model, signed in agencies
    ]
    return write_sheet(path, rows)


def test_ice_list_for_any_agency_and_what_changed(tmp_path: Path) -> None:
    ws = Workspace(tmp_path / "ws")
    ws.create(Settings(agency="Lee County Sheriff's Office", jurisdiction="Lee County", state="AL"))
    lee = ("Lee County Sheriff's Office", "Warrant Service Officer", date(2025, 7, 28))
    madison = ("Madison County Sheriff's Office", "Task Force Model", date(2025, 8, 10))
    import_sheets(ws, [sheet(tmp_path / "participatingAgencies08012025pm.xlsx", [lee])])
    import_sheets(ws, [sheet(tmp_path / "participatingAgencies08152025pm.xlsx", [lee, madison])])

    async def steps(pilot):  # type: ignore[no-untyped-def]
        await pilot.press("1", "g")
        result = lambda: shown(pilot.app.screen.query_one("#ice-result"))  # noqa: E731
        await until(pilot, lambda: bool(pilot.app.screen.query("#ice-result")) and "as of" in result())
        assert "Lee County Sheriff's Office, Alabama (County; Lee County)" in result()
        assert "Warrant Service Officer" in result() and "signed 2025-07-28" in result()
        assert "Changes in ICE's 287(g) list for Alabama, 2025-08-01 → 2025-08-15:" in result()
        assert "new agreement     Madison County Sheriff's Office, ALABAMA: Task Force Model" in result()
        await retype(pilot, "Shelby County Sheriff's Office")
        await pilot.press("enter")
        await until(pilot, lambda: "does not name" in result())
        assert "ICE's list does not name \"Shelby County Sheriff's Office\" in Alabama." in result()
        assert "Not being on ICE's list is not proof of no agreement" in result()
        await pilot.press("tab")
        await retype(pilot, "[b]Columbia")
        await pilot.press("enter")
        assert result().startswith("“[b]Columbia” is not a state ICE's list knows.")

    drive(ws.root, steps, size=(80, 24))
