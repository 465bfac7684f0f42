"""Every form and dialog has a picture at 80x24 (issue 11): the ones not pictured
elsewhere are here, and a check that no dialog class goes without one."""

from __future__ import annotations

import importlib
import inspect
import pkgutil
import re
from pathlib import Path

import pytest
import test_requests_cli
from conftest import TODAY
from test_requests_cli import draft
from test_tui_snapshots import SMALL, press, snap_small
from test_tui_support import drive, screen_text, until
from textual.screen import ModalScreen

import toolkit.tui.screens as screens
from toolkit.store import Workspace
from toolkit.tui.app import MeetingkitApp
from toolkit.tui.screens.form import FormScreen
from toolkit.tui.screens.welcome import WelcomeScreen

tx = test_requests_cli.tx
"""The command line's Texas workspace (one meeting, the test laws): a request to show."""

TESTS = Path(__file__).parent


def dialog_classes() -> set[str]:
    """Every form and dialog the app can open, and the welcome screen."""
    found = {WelcomeScreen.__name__}
    for module in pkgutil.iter_modules(screens.__path__):
        loaded = importlib.import_module(f"{screens.__name__}.{module.name}")
        for name, cls in vars(loaded).items():
            if (
                inspect.isclass(cls)
                and issubclass(cls, ModalScreen)
                and cls is not FormScreen
                and cls.__module__ == loaded.__name__
            ):
                found.add(name)
    return found


def test_every_form_and_dialog_has_a_picture_at_80x24() -> None:
    pictured = {
        name
        for path in TESTS.glob("test_tui*snapshots.py")
        for name in re.findall(r'shows ?= ?"(\w+)"', path.read_text())
    }
    assert sorted(dialog_classes() - pictured) == []


def test_ice_list_80x24(demo_ws: Workspace, snap_compare) -> None:  # type: ignore[no-untyped-def]
    assert snap_small(snap_compare, demo_ws, press("1", "g"), shows="IceListScreen")


def test_as_of_day_80x24(demo_ws: Workspace, snap_compare) -> None:  # type: ignore[no-untyped-def]
    assert snap_small(snap_compare, demo_ws, press("5", "d"), shows="OneField")


def test_media_inquiry_form_80x24(demo_ws: Workspace, snap_compare) -> None:  # type: ignore[no-untyped-def]
    assert snap_small(snap_compare, demo_ws, press("7", "m"), shows="MediaForm")


def test_media_inquiry_text_80x24(demo_ws: Workspace, snap_compare) -> None:  # type: ignore[no-untyped-def]
    async def drafted(pilot):  # type: ignore[no-untyped-def]
        await pilot.press("7", "m")
        await until(pilot, lambda: type(pilot.app.screen).__name__ == "MediaForm")
        await pilot.pause()
        await pilot.press("ctrl+s")
        await until(pilot, lambda: type(pilot.app.screen).__name__ == "TextView")
        pilot.app.clear_notifications()  # "Wrote /tmp/…": the test's own folder

    assert snap_small(snap_compare, demo_ws, drafted, shows="TextView")


@pytest.fixture
def tx_request(tx: Workspace, capsys: pytest.CaptureFixture[str]) -> Workspace:
    draft(tx, capsys)
    return tx


async def requests_listed(pilot, *keys: str) -> None:  # type: ignore[no-untyped-def]
    await pilot.press("7")
    screen = pilot.app.screen
    await until(pilot, lambda: bool(getattr(screen, "rows", None)))
    await pilot.press(*keys)


def test_request_shown_80x24(tx_request: Workspace, snap_compare) -> None:  # type: ignore[no-untyped-def]
    async def go(pilot):  # type: ignore[no-untyped-def]
        await requests_listed(pilot, "o")

    assert snap_small(snap_compare, tx_request, go, shows="RequestView")


def test_request_update_80x24(tx_request: Workspace, snap_compare) -> None:  # type: ignore[no-untyped-def]
    async def go(pilot):  # type: ignore[no-untyped-def]
        await requests_listed(pilot, "u")

    assert snap_small(snap_compare, tx_request, go, shows="RequestUpdate")


def test_request_print_80x24(tx_request: Workspace, snap_compare) -> None:  # type: ignore[no-untyped-def]
    async def go(pilot):  # type: ignore[no-untyped-def]
        await requests_listed(pilot, "p")

    assert snap_small(snap_compare, tx_request, go, shows="RequestPrint")


def test_welcome_80x24(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, snap_compare) -> None:  # type: ignore[no-untyped-def]
    """The first run on an empty folder (named relative to the current one, so the
    picture does not carry the test's temporary path)."""
    shows = "WelcomeScreen"

    async def run_before(pilot):  # type: ignore[no-untyped-def]
        await until(pilot, lambda: type(pilot.app.screen).__name__ == shows)
        await pilot.pause()

    (tmp_path / "new").mkdir()
    monkeypatch.chdir(tmp_path)
    assert snap_compare(MeetingkitApp(Path("new"), as_of=TODAY), terminal_size=SMALL, run_before=run_before)


def test_the_dialog_list_is_not_empty() -> None:
    """The completeness check above finds the dialogs (an import path change would make it vacuous)."""
    assert {"SettingsForm", "MeetingForm", "Choice", "RequestForm"} <= dialog_classes()


def test_a_meetings_time_reads_as_a_time_in_a_choice(demo_ws: Workspace) -> None:
    """US times carry a narrow no-break space ("6:30 PM"); escaping it like a control
    character showed "6:30\\u202fPM" in the media form's meeting choice."""

    async def steps(pilot):  # type: ignore[no-untyped-def]
        await pilot.press("7", "m")
        await until(pilot, lambda: type(pilot.app.screen).__name__ == "MediaForm")
        await pilot.pause()
        text = screen_text(pilot.app)
        assert "6:30\u202fPM" in text and "\\u202f" not in text

    drive(demo_ws.root, steps)


def test_ice_import_80x24(demo_ws: Workspace, snap_compare) -> None:  # type: ignore[no-untyped-def]
    assert snap_small(snap_compare, demo_ws, press("1", "i"), shows="IceImportForm")
