"""Requests mode: every public records request with its due date as the law
counts it, overdue said in words (not only in red), and its status updated
with a dated note, as ``meetingkit request list`` and ``request update`` do.

The clock comes from ``toolkit.requests`` (the command line's own code), as of
the app's day; reading and saving happen in workers.
"""

from __future__ import annotations

from typing import ClassVar

from rich.text import Text
from textual import work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.widgets import Button, Static

from ...errors import MeetingkitError, one_line
from ...requests import RequestRow
from ..markup import literal
from ..widgets.pane_button import PaneButton
from ..widgets.row_list import Column, RowList
from .base import ModeScreen
from .request_update import RequestUpdate, Update

COLUMNS = (
    Column("Due", 12),
    Column("Late", 22),
    Column("Status", 13),
    Column("Agency", share=2),
    Column("Law", share=2),
)


def late_text(row: RequestRow) -> str:
    """Overdue in words: "OVERDUE 5 business days"; a paused clock says so."""
    c = row.clock
    if c.overdue:
        return f"OVERDUE {c.days_overdue} {c.unit} days"
    if c.paused_since is not None:
        return f"paused since {c.paused_since.isoformat()}"
    if c.due is None and c.follow_up is not None:
        return f"follow up {c.follow_up.isoformat()}"
    return ""


class RequestsScreen(ModeScreen):
    MODE = "requests"
    AUTO_FOCUS = "#rq-table"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("u", "update", "Update status", id="requests.update"),
    ]
    HELP = """\
Every public records request in the workspace, most overdue first, as of today.
The due date is counted as the state's law counts it (business days skip
weekends and the state's holidays; a clock paused while the agency waits on you
resumes where it stopped). Overdue requests say "OVERDUE" and by how many days.

• [b]u[/b] (or the button) records a new status for the highlighted request: filed,
  acknowledged, waiting on us (a fee, a clarification: this pauses the clock),
  partial, fulfilled, no records, denied, appealed or withdrawn, with the date
  and a note. Every change is kept in the request's history, shown below.
• Draft a request with `meetingkit request draft MEETING_ID` on the command line.
"""

    def __init__(self) -> None:
        super().__init__()
        self.rows: list[RequestRow] = []
        self.skipped: list[str] = []

    def compose_body(self) -> ComposeResult:
        with Vertical(id="rq-main"):
            yield Static("Reading the requests…", id="rq-summary")
            yield RowList(COLUMNS, id="rq-table")
            yield Static("", id="rq-history")
            yield PaneButton("Update status (u)", id="rq-update", variant="primary")

    def refresh_view(self) -> None:
        self.read_rows()

    @work(thread=True, group="requests", exclusive=True, exit_on_error=False)
    def read_rows(self) -> None:
        try:
            rows, skipped = self.session.request_rows()
        except MeetingkitError as error:
            self.app.call_from_thread(self.mk.report, error, "Requests not read")
            return
        self.app.call_from_thread(self.show_rows, rows, skipped)

    def show_rows(self, rows: list[RequestRow], skipped: list[str]) -> None:
        was = self.selected()
        self.rows, self.skipped = rows, skipped
        overdue = sum(r.clock.overdue for r in rows)
        left_out = f" {len(skipped)} left out (unreadable): {'; '.join(skipped)}." if skipped else ""
        self.query_one("#rq-summary", Static).update(
            f"As of {self.session.today.isoformat()}: {len(rows)} request{'s' if len(rows) != 1 else ''}, "
            f"[b $error]{overdue} overdue[/].{literal(one_line(left_out))}"
        )
        ids = [r.request.id for r in rows]
        table = self.query_one("#rq-table", RowList)
        cursor = ids.index(was.request.id) if was is not None and was.request.id in ids else table.cursor
        table.set_rows(len(rows), lambda index: self.cells(self.rows[index]), cursor)
        self.show_history()

    def cells(self, row: RequestRow) -> tuple[Text, ...]:
        style = "bold red" if row.clock.overdue else ""
        return (
            Text(row.due_text(), style=style),
            Text(late_text(row), style=style),
            Text(row.clock.status),
            Text(one_line(row.request.agency)),
            Text(one_line(row.law.name)),
        )

    def selected(self) -> RequestRow | None:
        if not self.rows:
            return None
        return self.rows[min(self.query_one("#rq-table", RowList).cursor, len(self.rows) - 1)]

    def show_history(self) -> None:
        row = self.selected()
        box = self.query_one("#rq-history", Static)
        if row is None:
            box.update("No records requests yet. Draft one with `meetingkit request draft MEETING_ID`.")
            return
        r = row.request
        lines = [
            f"[b]{literal(one_line(r.agency))}[/b] · {literal(one_line(row.law.name))}",
            f"[dim]id {r.id}{f' · meeting {r.meeting}' if r.meeting else ''}[/dim]",
        ]
        for change in r.changes:
            note = f" — {literal(one_line(change.note))}" if change.note else ""
            lines.append(f"  {change.on.isoformat()}  {change.status}{note}")
        box.update("\n".join(lines))

    def on_row_list_highlighted(self, event: RowList.Highlighted) -> None:
        self.show_history()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        if event.button.id == "rq-update":
            self.action_update()

    def action_update(self) -> None:
        row = self.selected()
        if row is None:
            return

        def typed(result: Update | None) -> None:
            if result is not None:
                self.save_update(row.request.id, result)

        self.app.push_screen(RequestUpdate(row, self.session.today), typed)

    @work(thread=True, group="requests-save", exit_on_error=False)
    def save_update(self, request_id: str, update: Update) -> None:
        """Save under the request's lock, in a worker (the lock may make it wait)."""
        status, on, note = update
        try:
            self.session.log_request_change(request_id, status, on, note)
        except MeetingkitError as error:
            self.app.call_from_thread(self.mk.report, error)
            return
        self.app.call_from_thread(self.notify, f"{request_id}: {status} on {on.isoformat()}", markup=False)
        self.app.call_from_thread(self.read_rows)
