"""Record a promise an official made: what, who, by when. A promise without a
date is allowed (that no date was given is itself worth recording)."""

from __future__ import annotations

from datetime import date

from textual.app import ComposeResult
from textual.suggester import SuggestFromList
from textual.widgets import Input

from ..validators import Checked, parse_date
from .form import FormScreen, field

Promised = tuple[str, str, date | None, str]


class PromiseForm(FormScreen[Promised]):
    """Dismisses with (what, who, due or None, note)."""

    TITLE_TEXT = "A promise made in this answer"

    def __init__(self, official: str, known: list[str]) -> None:
        super().__init__()
        self.official = official
        self.known = known

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
            "Note (optional)", Input(id="pf-note", placeholder="e.g. said during public comment")
        )

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
        due = self.query_one("#pf-due", Input).value.strip()
        return (
            what,
            self.query_one("#pf-who", Input).value.strip(),
            parse_date(due) if due else None,
            self.query_one("#pf-note", Input).value.strip(),
        )
