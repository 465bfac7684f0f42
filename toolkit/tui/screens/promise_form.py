"""Record a promise an official made: what, who, when, by when. A promise
without a due date is allowed (that no date was given is itself worth
recording); the day it was made is the meeting's unless it came later (a
letter after the meeting), like ``promise add --on``."""

from __future__ import annotations

from datetime import date
from typing import NamedTuple

from textual.app import ComposeResult
from textual.suggester import SuggestFromList
from textual.widgets import Input, Static

from ... import codec
from ..validators import Checked, parse_date
from .form import FormScreen, field


class Promised(NamedTuple):
    what: str
    who: str
    on: date
    due: date | None
    note: str


class PromiseForm(FormScreen[Promised]):
    """Dismisses with what was promised, by whom, on which day, by when, and a note."""

    TITLE_TEXT = "A promise made in this answer"

    def __init__(self, official: str, known: list[str], held: date) -> None:
        super().__init__()
        self.official = official
        self.known = known
        self.held = held

    def compose_fields(self) -> ComposeResult:
        yield from field(
            "What was promised",
            Input(placeholder="in the official's words, as near as you can", id="pf-what"),
        )
        yield from field(
            "Who promised it",
            Input(self.official, id="pf-who", suggester=SuggestFromList(self.known, case_sensitive=False)),
        )
        yield from field(
            "Due date (YYYY-MM-DD), empty if none was given",
            Input(id="pf-due", placeholder="YYYY-MM-DD", validators=[Checked(parse_date, optional=True)]),
        )
        yield from field(
            "Promised on (YYYY-MM-DD): the meeting's day, or later if it came after",
            Input(self.held.isoformat(), id="pf-on", validators=[Checked(self.made_on)]),
        )
        yield from field(
            "Note (optional)", Input(id="pf-note", placeholder="e.g. said during public comment")
        )

    def made_on(self, text: str) -> date:
        """The day typed, never before the meeting (``check`` would call that impossible)."""
        day = parse_date(text)
        if day < self.held:
            held = self.held.isoformat()
            raise codec.Invalid((), f"before the meeting ({held}); a promise is made on its day or later")
        return day

    def on_mount(self) -> None:
        super().on_mount()
        self.query_one("#pf-what").focus()

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.focus_next()

    def submit(self) -> Promised | None:
        what = self.query_one("#pf-what", Input).value.strip()
        if not what:
            self.notify("Say what was promised.", severity="error")
            return None
        on = self.made_on(self.query_one("#pf-on", Input).value)
        typed = self.query_one("#pf-due", Input).value.strip()
        due = parse_date(typed) if typed else None
        if due is not None and due < on:
            error = self.query_one("#pf-due-error", Static)
            error.set_class(False, "hint")
            error.update(f"due {due.isoformat()} is before the promise was made ({on.isoformat()})")
            error.display = True
            self.notify("The due date is before the day it was promised.", severity="error")
            return None
        who = self.query_one("#pf-who", Input).value.strip()
        return Promised(what, who, on, due, self.query_one("#pf-note", Input).value.strip())
