"""Update a promise's status with the date it happened, a note and the
evidence; the change is added to the promise's history, never overwritten."""

from __future__ import annotations

from datetime import date

from textual.app import ComposeResult
from textual.widgets import Input, Select, Static

from ...model import PROMISE_STATUSES
from ...tracker import PROMISE_LABELS, PromiseRow
from ..validators import Checked, parse_date
from .form import FormScreen, field

Update = tuple[str, date, str, str]


class PromiseUpdate(FormScreen[Update]):
    """Dismisses with (status, on, note, evidence)."""

    TITLE_TEXT = "Update a promise"

    def __init__(self, row: PromiseRow, today: date) -> None:
        super().__init__()
        self.row = row
        self.today = today

    def compose_fields(self) -> ComposeResult:
        p = self.row.promise
        yield Static(
            f"{p.what}\n{p.official or 'who: not recorded'} · due {p.due or 'no date given'}", markup=False
        )
        choices = [(PROMISE_LABELS[s], s) for s in PROMISE_STATUSES]
        yield from field(
            "Where it stands now",
            Select(choices, value=p.status, allow_blank=False, id="pu-status"),
            "The same status again records a dated note (“called the clerk, no reply”).",
        )
        yield from field(
            "On (YYYY-MM-DD)", Input(self.today.isoformat(), id="pu-on", validators=[Checked(parse_date)])
        )
        yield from field("What happened", Input(id="pu-note", placeholder="e.g. emailed to the clerk"))
        yield from field(
            "Evidence (link or document name)",
            Input(id="pu-evidence", placeholder="e.g. a link, or board packet p. 14"),
        )

    def submit(self) -> Update | None:
        return (
            str(self.query_one("#pu-status", Select).value),
            parse_date(self.query_one("#pu-on", Input).value),
            self.query_one("#pu-note", Input).value.strip(),
            self.query_one("#pu-evidence", Input).value.strip(),
        )
