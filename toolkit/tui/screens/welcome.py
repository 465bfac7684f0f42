"""First run: no workspace yet. One key makes one, with the example meeting to
learn from or empty to start for real."""

from __future__ import annotations

from pathlib import Path
from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.screen import Screen
from textual.widgets import Button, Footer, Header, Static

from ..prose import unwrap

INTRO = """\
meetingkit helps you put your local law-enforcement agency's cooperation with
ICE on the public record: choose the questions, plan the meeting, draft
testimony that fits the time limit, print handouts, then log what officials
answered and follow every promise until it is kept. Everything stays on this
computer, in plain files you can open in any editor.

There is no workspace in this folder yet:
    {root}
"""
NOTE = (
    "The example is a made-up county, with a meeting held and one coming up.\n"
    "For your own work later, open another folder: meetingkit --workspace DIR"
)
"""Two short lines: the whole box fits at 80x24, buttons and all, and no line breaks mid-command."""


class WelcomeScreen(Screen[str]):
    """Dismisses with "demo" or "empty"; the app creates the workspace."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("e", "choose('demo')", "Example workspace", id="welcome.demo"),
        Binding("n", "choose('empty')", "Empty workspace", id="welcome.empty"),
    ]

    def __init__(self, root: Path) -> None:
        super().__init__(id="welcome")
        self.root = root

    def compose(self) -> ComposeResult:
        yield Header(icon="≡")
        with Vertical(id="welcome-box"):
            yield Static("Welcome to meetingkit", id="welcome-title")
            yield Static(unwrap(INTRO).format(root=self.root), id="welcome-intro", markup=False)
            with Horizontal(id="welcome-buttons"):
                yield Button("(e) Create the example workspace", id="demo", variant="primary")
                yield Button("(n) Start with an empty workspace", id="empty")
            yield Static(NOTE, id="welcome-note", markup=False)
        yield Footer()

    def action_choose(self, kind: str) -> None:
        self.dismiss(kind)

    def on_button_pressed(self, event: Button.Pressed) -> None:
        self.dismiss(event.button.id or "empty")
