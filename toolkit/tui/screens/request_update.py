"""Record a records request's new status with the day it happened and a note;
the change is added to the request's history, never overwritten."""

from __future__ import annotations

from datetime import date

from textual.app import ComposeResult
from textual.widgets import Input, Select, Static

from ...errors import one_line
from ...model import REQUEST_STATUSES
from ...requests import RequestRow
from ..validators import Checked, parse_date
from .form import FormScreen, field

Update = tuple[str, date, str]


class RequestUpdate(FormScreen[Update]):
    """Dismisses with (status, on, note)."""

    TITLE_TEXT = "Update a records request"

    def __init__(self, row: RequestRow, today: date) -> None:
        super().__init__()
        self.row = row
        self.today = today

    def compose_fields(self) -> ComposeResult:
        r = self.row.request
        yield Static(f"{one_line(r.agency)} · {one_line(self.row.law.name)}\nid {r.id}", markup=False)
        yield from field(
            "Where it stands now",
            Select(
                [(s, s) for s in REQUEST_STATUSES],
                value=self.row.clock.status,
                allow_blank=False,
                id="ru-status",
            ),
            "waiting-on-us (a fee, a clarification) pauses the clock; the next status resumes it.",
        )
        yield from field(
            "On (YYYY-MM-DD)", Input(self.today.isoformat(), id="ru-on", validators=[Checked(parse_date)])
        )
        yield from field(
            "What happened", Input(id="ru-note", placeholder="e.g. acknowledged by email, PIR-42")
        )

    def submit(self) -> Update | None:
        return (
            str(self.query_one("#ru-status", Select).value),
            parse_date(self.query_one("#ru-on", Input).value),
            self.query_one("#ru-note", Input).value.strip(),
        )
