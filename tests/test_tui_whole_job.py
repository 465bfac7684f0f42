"""The whole job in the app alone, with only the keys and typing a user would:
from an empty folder and the welcome screen to a printed handout, then, when
the app is opened again after the meeting, a logged answer with a promise
that Promises mode shows overdue."""

from __future__ import annotations

import asyncio
import re
from collections.abc import Awaitable, Callable
from datetime import date
from pathlib import Path

import yaml
from pypdf import PdfReader
from test_tui_support import drive, keys, notices, retype, screen_text, shown, until
from textual.pilot import Pilot

from toolkit.tui.app import MeetingkitApp
from toolkit.tui.screens.base import ModeScreen

BEFORE = date(2026, 11, 27)
AFTER = date(2026, 12, 9)
"""The app is opened twice: two weeks before the meeting, and the day after it."""
WORDING = "Does the Riverside Police Department send jail booking data to ICE?"


def first_run(root: Path, steps: Callable[[Pilot], Awaitable[None]]) -> None:
    """Run the app on a folder with no workspace yet (``drive`` waits for one to open)."""

    async def main() -> None:
        app = MeetingkitApp(root, as_of=BEFORE)
        async with app.run_test(size=(80, 24)) as pilot:
            await steps(pilot)

    asyncio.run(main())


def named(pilot, name: str) -> bool:  # type: ignore[no-untyped-def]
    return type(pilot.app.screen).__name__ == name


async def before_the_meeting(pilot) -> None:  # type: ignore[no-untyped-def]
    app = pilot.app
    await until(pilot, lambda: named(pilot, "WelcomeScreen"))
    await pilot.press("n")  # a new workspace, not the example
    await until(pilot, lambda: named(pilot, "SettingsForm"))
    await keys(pilot, "Riverside Neighbors")
    await pilot.press("tab")
    await keys(pilot, "the Riverside Police Department")
    await pilot.press("tab")
    await keys(pilot, "Riverside County")
    await pilot.press("tab")
    await keys(pilot, "California")
    await pilot.press("tab")
    await keys(pilot, "Riverside City Council")
    await pilot.press("ctrl+s")
    await until(pilot, lambda: isinstance(app.screen, ModeScreen) and app.screen.MODE == "meeting")

    await pilot.press("n")  # a new meeting: the council is filled in from the settings
    await until(pilot, lambda: named(pilot, "MeetingForm"))
    await pilot.press("tab")
    await retype(pilot, "2026-12-08")
    await pilot.press("tab")
    await keys(pilot, "18:30")
    await pilot.press("ctrl+s")
    await until(pilot, lambda: app.session.current is not None)

    await pilot.press("1")  # choose two questions, tailor the second
    await until(pilot, lambda: app.screen.MODE == "questions")
    await pilot.press("a", "down", "a")
    await until(pilot, lambda: len(app.session.current.agenda) == 2)
    await pilot.press("t")
    await until(pilot, lambda: named(pilot, "TailorScreen"))
    await pilot.press("f7")  # select the bank's wording, type over it
    await keys(pilot, WORDING)
    await pilot.press("ctrl+s")
    await until(pilot, lambda: isinstance(app.screen, ModeScreen))

    await pilot.press("2", "tab", "p")  # the agenda, then the speaker planner
    await until(pilot, lambda: named(pilot, "PlannerScreen"))
    await retype(pilot, "Ana Ruiz")
    await pilot.press("enter", "ctrl+s")
    await until(pilot, lambda: [e.speaker for e in app.session.current.agenda] == ["Ana Ruiz"] * 2)

    await pilot.press("3")  # her testimony, from the template
    await until(pilot, lambda: getattr(app.screen, "active", None) is not None)
    await pilot.press("enter", "ctrl+t")
    await until(pilot, lambda: "My name is Ana Ruiz" in app.screen.query_one("#t-editor").text)
    await pilot.press("ctrl+s")
    await until(pilot, lambda: any(n.startswith("Saved testimony/") for n in notices(app)))

    await pilot.press("escape", "6", "ctrl+s")  # the handout, as Print mode sets it up
    await until(pilot, lambda: any("Wrote" in n for n in notices(app)))


async def after_the_meeting(pilot) -> None:  # type: ignore[no-untyped-def]
    app = pilot.app
    await pilot.press("4")  # Answers: the first question was answered, with a promise
    await until(pilot, lambda: app.screen.MODE == "answers")
    await pilot.press("a")
    await keys(pilot, "Chief Dana Ortiz")
    await pilot.press("tab")
    await keys(pilot, "We will publish the policy.")
    await pilot.press("ctrl+n")
    await until(pilot, lambda: named(pilot, "PromiseForm"))
    await keys(pilot, "Publish the written policy")
    await pilot.press("enter", "enter")  # who promised it: the official, already filled in
    await keys(pilot, "2026-12-20")
    await pilot.press("ctrl+s")
    await until(pilot, lambda: any(n.startswith("Promise recorded") for n in notices(app)))

    await pilot.press("5", "d")  # Promises, as of a day after the due date
    await until(pilot, lambda: named(pilot, "OneField"))
    await retype(pilot, "2026-12-23")
    await pilot.press("enter", "v")
    await until(pilot, lambda: "As of 2026-12-23" in shown(app.screen.query_one("#pr-summary")))
    screen = screen_text(app)
    assert "1 overdue" in screen and "Showing overdue" in screen
    row = next(line for line in screen.splitlines() if "2026-12-20" in line)
    assert "3 days" in row and "Publish the" in row


def test_a_workspace_built_entirely_in_the_app(tmp_path: Path) -> None:
    root = tmp_path / "riverside"
    first_run(root, before_the_meeting)

    [meeting_file] = (root / "meetings").glob("*.yaml")
    meeting = yaml.safe_load(meeting_file.read_text())
    assert meeting["date"] == date(2026, 12, 8) and meeting["body"] == "Riverside City Council"
    [testimony] = (root / "testimony").rglob("*.md")
    assert "Ana Ruiz" in testimony.read_text()
    [handout] = root.rglob("*handout*.pdf")
    pdf = PdfReader(handout)
    assert len(pdf.pages) == 1
    text = re.sub(r"\s+", " ", pdf.pages[0].extract_text())
    assert "the Riverside Police Department" in text
    assert WORDING in text

    drive(root, after_the_meeting, as_of=AFTER, size=(80, 24))
    [answer_file] = [p for p in (root / "answers").rglob("*.yaml")]
    answer = yaml.safe_load(answer_file.read_text())
    assert answer["status"] == "answered" and answer["official"] == "Chief Dana Ortiz"
    [promise] = answer["promises"]
    assert promise["what"] == "Publish the written policy"
    assert str(promise["due"]) == "2026-12-20"
