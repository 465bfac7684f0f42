"""ICE's 287(g) list for any agency, and what changed between its two newest
sheets: ``meetingkit ice show AGENCY --state XX`` and ``ice changes`` in the app.

Opens on the workspace's own agency and state; type another and press enter.
The sheets are read in a worker (the snapshot is thousands of rows).
"""

from __future__ import annotations

from typing import ClassVar

from textual import work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Button, Footer, Input, Label, Static

from ...actions.ice_lookup import change_lines
from ...actions.session import Session
from ...errors import MeetingkitError, one_line
from ...states import state_code, state_name
from .base import steady_cursors


class IceListScreen(ModalScreen[None]):
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "dismiss", "Close", id="ice_list.close"),
    ]

    def __init__(self, session: Session) -> None:
        super().__init__(classes="dialog")
        self.session = session

    def compose(self) -> ComposeResult:
        settings = self.session.settings
        with Vertical(classes="dialog-box wide"):
            yield Static("ICE's 287(g) list", classes="dialog-title")
            yield Label("Agency", classes="field-label")
            yield Input(settings.agency, placeholder="e.g. a sheriff's office", id="ice-agency", compact=True)
            yield Label("State", classes="field-label")
            yield Input(settings.state, placeholder="TX or Texas", id="ice-state", compact=True)
            with Horizontal(classes="dialog-buttons"):
                yield Button("Look up (enter)", id="ice-look", variant="primary", compact=True)
                yield Button("Close (esc)", id="ice-close", compact=True)
            with VerticalScroll(id="ice-result-box"):
                yield Static("Reading ICE's list…", id="ice-result", markup=False)
        yield Footer()

    def on_mount(self) -> None:
        steady_cursors(self)
        self.look()

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.look()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        if event.button.id == "ice-close":
            self.dismiss(None)
        else:
            self.look()

    def look(self) -> None:
        agency = self.query_one("#ice-agency", Input).value.strip()
        state = self.query_one("#ice-state", Input).value.strip()
        result = self.query_one("#ice-result", Static)
        if not agency or state_code(state) is None:
            unknown = f"“{one_line(state)}” is not a state ICE's list knows. " if state else ""
            result.update(
                f"{unknown}Type the agency's name as it is usually written, and its state "
                "(a postal code such as TX, or a name such as Texas), then press enter."
            )
            return
        result.update("Reading ICE's list…")
        self.read(agency, state)

    @work(thread=True, exclusive=True, exit_on_error=False)
    def read(self, agency: str, state: str) -> None:
        session = self.session
        try:
            lines = session.ice_lookup(agency, state)
            comparison = session.ice_changes(state)
        except MeetingkitError as error:
            self.app.call_from_thread(self.show, [str(error)])
            return
        if comparison.new is not None and comparison.old is not None:
            lines += ["", *change_lines(comparison, state_name(state))]
        elif comparison.new is not None:
            lines += [
                "",
                f"Only one of ICE's participating lists is here (of {comparison.new.as_of}): import a "
                "newer sheet in Questions mode to see what changed since.",
            ]
        self.app.call_from_thread(self.show, lines)

    def show(self, lines: list[str]) -> None:
        self.query_one("#ice-result", Static).update("\n".join(one_line(line) for line in lines))
