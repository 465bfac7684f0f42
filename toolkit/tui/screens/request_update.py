"""Record a records request's new status with the day it happened and a note,
and what ``meetingkit request update`` records with it: the evidence, the
agency's reference number, how it was filed, records received and where they
are kept. The change is added to the request's history, never overwritten."""

from __future__ import annotations

from dataclasses import dataclass
from dataclasses import field as dataclass_field
from datetime import date

from textual.app import ComposeResult
from textual.widgets import Input, Select, Static

from ...errors import one_line
from ...model import REQUEST_STATUSES
from ...requests import RequestRow
from ..validators import Checked, parse_date
from .form import FormScreen, field


@dataclass(frozen=True)
class Update:
    status: str
    on: date
    note: str = ""
    more: dict[str, str] = dataclass_field(default_factory=dict)
    """evidence, tracking, method, received, kept_at: only those typed."""


MORE = (
    ("evidence", "Evidence (optional)", "the letter, email or receipt that shows it"),
    ("tracking", "The agency's reference number", "e.g. PIR-42"),
    ("method", "How it was filed", "email, portal, mail, in person"),
    ("received", "Records received with this change (optional)", "e.g. data-sharing MOU (12 pages)"),
    ("kept_at", "Where the records received are kept", "a folder or a drive link"),
)
"""(the field ``request update`` names, its label, an example)."""


class RequestUpdate(FormScreen[Update]):
    """Dismisses with the change to log."""

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
        kept = {"tracking": r.tracking, "method": r.method}
        for name, label, example in MORE:
            yield from field(label, Input(kept.get(name, ""), placeholder=example, id=f"ru-{name}"))

    def submit(self) -> Update | None:
        r = self.row.request
        typed = {name: self.query_one(f"#ru-{name}", Input).value.strip() for name, _, _ in MORE}
        if typed["kept_at"] and not typed["received"]:
            self.notify("Say what was received, or leave “where they are kept” empty.", severity="error")
            return None
        unchanged = {"tracking": r.tracking, "method": r.method}
        more = {k: v for k, v in typed.items() if v != unchanged.get(k, "")}
        return Update(
            str(self.query_one("#ru-status", Select).value),
            parse_date(self.query_one("#ru-on", Input).value),
            self.query_one("#ru-note", Input).value.strip(),
            more,
        )
