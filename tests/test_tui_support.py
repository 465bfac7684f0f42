"""Helpers the app's tests share (no tests here): run the app headless at a
fixed size and a fixed "today", wait for what a user would wait for, and read
what a widget shows."""

from __future__ import annotations

import asyncio
import io
from collections.abc import Awaitable, Callable
from datetime import date
from pathlib import Path

from conftest import TODAY
from textual.pilot import Pilot
from textual.widget import Widget

from toolkit.tui.app import MeetingkitApp

SIZE = (120, 40)
Steps = Callable[[Pilot], Awaitable[None]]


def drive(root: Path, steps: Steps, as_of: date = TODAY, size: tuple[int, int] = SIZE) -> MeetingkitApp:
    """Run the app on ``root`` until the workspace is open, then ``steps``."""

    async def main() -> MeetingkitApp:
        app = MeetingkitApp(root, as_of=as_of)
        app.autosave_interval = 0.05
        async with app.run_test(size=size) as pilot:
            await until(pilot, lambda: app.ready or app.failed is not None)
            await steps(pilot)
            await saved(pilot)
        return app

    return asyncio.run(main())


async def until(pilot: Pilot, condition: Callable[[], bool], timeout: float = 10.0) -> None:
    """Let the app run until ``condition`` holds (workers, timers); fail after ``timeout``."""
    waited = 0.0
    while not condition():
        if waited >= timeout:
            raise AssertionError("the app never got there")
        await pilot.pause(0.02)
        waited += 0.02


async def saved(pilot: Pilot) -> None:
    """Wait until every save the app queued has been written (saves run in a worker)."""
    app: MeetingkitApp = pilot.app  # type: ignore[assignment]
    await until(pilot, lambda: not app.saver.busy)
    await pilot.pause()


def shown(widget: Widget) -> str:
    """The text a widget shows (what a user reads)."""
    return str(widget.visual) if hasattr(widget, "visual") else str(widget.render())


async def keys(pilot: Pilot, text: str) -> None:
    """Type ``text`` as key presses."""
    await pilot.press(*[{" ": "space"}.get(c, c) for c in text])


async def open_testimony(pilot: Pilot, meeting_id: str):  # type: ignore[no-untyped-def]
    """Work on ``meeting_id`` in Testimony mode, its first speaker open; returns the screen."""
    pilot.app.open_meeting(meeting_id)
    await pilot.press("3")
    screen = pilot.app.screen
    await until(pilot, lambda: getattr(screen, "active", None) is not None)
    return screen


def screen_text(app: MeetingkitApp) -> str:
    """Every line of the terminal as a user sees it (dialogs over their screen)."""
    from rich.console import Console

    width, height = app.size
    console = Console(width=width, height=height, file=io.StringIO(), record=True, legacy_windows=False)
    console.print(app.screen._compositor.render_update(full=True, screen_stack=app._background_screens))
    return console.export_text()


def notices(app: MeetingkitApp) -> list[str]:
    return [n.message for n in app._notifications]


async def retype(pilot: Pilot, text: str) -> None:
    """Empty the one-line field in focus (to its start, delete to the end) and type ``text``."""
    await pilot.press("ctrl+a", "ctrl+k")
    await keys(pilot, text)
