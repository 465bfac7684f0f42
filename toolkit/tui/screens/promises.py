"""Promises mode: every promise across meetings in one table, as of today:
due date, days overdue in red, status; filter open / overdue / all, or one
status (``promise list --status``); update a
status with a dated note and evidence; see each promise's history.

Where a promise stands comes from the tracker (the same code the command line
and the report use); overdue is derived as of a date, never stored.
"""

from __future__ import annotations

from datetime import date
from typing import ClassVar

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.widgets import Button, Static, Tab, Tabs

from ...model import PROMISE_STATUSES, Answer, Promise
from ...tracker import PROMISE_LABELS, PromiseRow, due_text, promise_rows
from ..markup import literal
from ..saving import SaveJob
from ..widgets.pane_button import PaneButton
from ..widgets.row_list import Column, RowList
from .base import ModeScreen
from .choice import Choice, Pick

FILTERS = {"open": "Open", "overdue": "Overdue", "all": "All"}
STATUS_STYLE = {"kept": "green", "partly-kept": "yellow", "broken": "red", "withdrawn": "dim"}
COLUMNS = (
    Column("Due", 10),
    Column("Late", 9),
    Column("Status", 11),
    Column("Made", 10),
    Column("What", share=3),
    Column("Official", share=2),
)
"""What and who share the width the dates leave, so at 120 columns "County
Attorney Priya Raman" is whole and at 80 neither is squeezed to nothing; both
are there in full under the table."""


def keep(row: PromiseRow, which: str, status: str | None) -> bool:
    if status is not None and row.status != status:
        return False
    if which == "overdue":
        return row.overdue
    if which == "open":
        return row.status == "open"
    return True


class FilterTabs(Tabs, can_focus=False):
    """Open / overdue / all, for the mouse (the keys are o, v and a)."""


class PromisesScreen(ModeScreen):
    MODE = "promises"
    AUTO_FOCUS = "#pr-table"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("u", "update", "Update status", id="promises.update"),
        Binding("o", "filter('open')", "Open", id="promises.open"),
        Binding("v", "filter('overdue')", "Overdue", id="promises.overdue"),
        Binding("a", "filter('all')", "All", id="promises.all"),
        Binding("s", "status", "Status", id="promises.status"),
        Binding("d", "as_of", "As of date", id="promises.as_of"),
        Binding("delete", "delete", "Delete promise", id="promises.delete"),
    ]
    HELP = """\
Every promise officials made, at every meeting, as of today. Overdue means
still open after its due date; the days late are shown in red. A promise with
no date is listed as such: that no date was given is worth saying out loud.

• [b]o[/b] shows the open ones, [b]v[/b] only the overdue ones, [b]a[/b] all of them
  (or click the tabs above the table).
• [b]s[/b] shows only one status among all the promises: open, kept, partly kept,
  broken, withdrawn; each press the next one, then every status again.
• [b]u[/b] (or the button) updates the highlighted promise: kept, partly kept, broken,
  withdrawn, or open again, with the date, a note and the evidence (a link, a
  document name). Every change is kept in the promise's history, shown below.
• [b]d[/b] judges overdue as of another day (to see where things stood at a meeting,
  or will stand at the next one); today again is one key away.
• [b]delete[/b] takes out a promise recorded by mistake, after asking (a promise that
  was broken or withdrawn is updated with u instead: its history is the record).
• New promises are recorded in Answers mode (4), where they were made.
"""

    def __init__(self) -> None:
        super().__init__()
        self.which = "open"
        self.status: str | None = None
        """Only promises with this status (None: any), among all of them."""
        self.rows: list[PromiseRow] = []
        self._all: list[PromiseRow] = []
        self._made: dict[str, str] = {}
        self._read_at = -1
        self.as_of = self.session_today()

    def compose_body(self) -> ComposeResult:
        with Vertical(id="pr-main"):
            yield FilterTabs(*(Tab(label, id=f"f-{key}") for key, label in FILTERS.items()), active="f-open")
            yield Static("", id="pr-summary")
            yield RowList(COLUMNS, id="pr-table")
            yield Static("", id="pr-history")
            yield PaneButton("Update status (u)", id="pr-update", variant="primary")

    def session_today(self) -> date:
        session = self.mk.session
        return session.today if session is not None else date.today()

    def all_rows(self) -> list[PromiseRow]:
        """Every promise as of today, worked out again only when the session changed
        (not on each filter key: that is 10,000 answers on a coalition's workspace)."""
        session = self.session
        if self._read_at != session.version:
            self._read_at = session.version
            self._all = promise_rows(session.answers, self.as_of)
            self._made = {m.id: m.date.isoformat() for m in session.meetings}
        return self._all

    def refresh_view(self) -> None:
        all_rows = self.all_rows()
        table = self.query_one("#pr-table", RowList)
        was = self.selected()
        self.rows = [r for r in all_rows if keep(r, self.which, self.status)]
        overdue = sum(r.overdue for r in all_rows)
        still_open = sum(r.status == "open" for r in all_rows)
        self.query_one("#pr-summary", Static).update(
            f"As of {self.as_of.isoformat()}: {len(all_rows)} promises, {still_open} open, "
            f"[b $error]{overdue} overdue[/]. Showing {self.showing()}."
        )
        ids = [r.promise.id for r in self.rows]
        cursor = ids.index(was.promise.id) if was is not None and was.promise.id in ids else table.cursor
        table.set_rows(len(self.rows), lambda index: self.cells(self.rows[index]), cursor)
        self.show_history()

    def showing(self) -> str:
        """Which promises the table shows, in words."""
        if self.status is None:
            return FILTERS[self.which].lower()
        return f"only the {PROMISE_LABELS[self.status]} ones"

    def cells(self, row: PromiseRow) -> tuple[Text, ...]:
        """What the table shows of one promise: late ones in red."""
        p = row.promise
        style = "bold red" if row.overdue else ""
        late = f"{row.days_overdue} days" if row.overdue else ""
        return (
            Text(due_text(p), style=style),
            Text(late, style=style),
            Text(PROMISE_LABELS.get(row.status, row.status), style=STATUS_STYLE.get(row.status, style)),
            Text(self.made_at(row)),
            Text(p.what),
            Text(p.official),
        )

    def made_at(self, row: PromiseRow) -> str:
        """The day of the meeting where the promise was made."""
        return self._made.get(row.meeting, row.meeting)

    def selected(self) -> PromiseRow | None:
        if not self.rows:
            return None
        return self.rows[min(self.query_one("#pr-table", RowList).cursor, len(self.rows) - 1)]

    def show_history(self) -> None:
        row = self.selected()
        box = self.query_one("#pr-history", Static)
        if row is None:
            box.update(
                "No promises here. Record them in Answers mode (4)."
                if self.which == "all" and self.status is None
                else "Nothing here. Press a to see all promises."
                if self.status is None
                else f"No promise is {PROMISE_LABELS[self.status]}. Press s for the next status."
            )
            return
        p = row.promise
        lines = [
            f"[b]{literal(p.what)}[/b]",
            f"{literal(p.official or 'who: not recorded')} · promised at the meeting of "
            f"{self.made_at(row)} · question {row.question}",
            f"[dim]id {p.id}[/dim]",
        ]
        for change in p.history:
            note = f" — {literal(change.note)}" if change.note else ""
            evidence = f" (evidence: {literal(change.evidence)})" if change.evidence else ""
            label = PROMISE_LABELS.get(change.status, change.status)
            lines.append(f"  {change.on.isoformat()}  {label}{note}{evidence}")
        box.update("\n".join(lines))

    def on_row_list_highlighted(self, event: RowList.Highlighted) -> None:
        self.show_history()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        if event.button.id == "pr-update":
            self.action_update()

    def on_tabs_tab_activated(self, event: Tabs.TabActivated) -> None:
        if isinstance(event.tabs, FilterTabs):
            event.stop()
            which = (event.tab.id or "f-open").removeprefix("f-")
            if which != self.which:
                self.which = which
                if which != "all":
                    self.status = None  # open or overdue are statuses of their own
                self.refresh_view()

    def action_filter(self, which: str) -> None:
        self.query_one(FilterTabs).active = f"f-{which}"

    def action_status(self) -> None:
        """The next status to show alone (among all the promises), then any status again."""
        cycle: list[str | None] = [None, *PROMISE_STATUSES]
        self.status = cycle[(cycle.index(self.status) + 1) % len(cycle)]
        if self.which != "all":
            self.which = "all"
            self.query_one(FilterTabs).active = "f-all"
        self.refresh_view()

    def action_as_of(self) -> None:
        from ..validators import parse_date
        from .one_field import OneField

        self.app.push_screen(
            OneField(
                "Promises as of a day",
                "As of (YYYY-MM-DD)",
                self.as_of.isoformat(),
                f"Overdue is judged on this day. Today is {self.session.today.isoformat()}.",
                parse_date,
            ),
            self.set_as_of,
        )

    def set_as_of(self, text: str | None) -> None:
        from ..validators import parse_date

        if text is None:
            return
        self.as_of = parse_date(text)
        self._read_at = -1
        self.refresh_view()

    def action_update(self) -> None:
        from .promise_update import PromiseUpdate

        row = self.selected()
        if row is None:
            return
        self.app.push_screen(PromiseUpdate(row, self.session.today), lambda result: self.update(row, result))

    def update(self, row: PromiseRow, result: tuple | None) -> None:
        if result is None:
            return
        status, on, note, evidence = result
        session = self.session

        def updated(made: tuple[Promise, Answer]) -> None:
            promise, saved = made
            session.take_answer(row.meeting, row.question, saved)
            self.notify(f"{PROMISE_LABELS.get(status, status).capitalize()}: {promise.what}", markup=False)
            self.sync()

        self.mk.saver.save(
            SaveJob(
                f"the update of promise {row.promise.id}",
                lambda: session.update_promise(row.promise.id, status, on, note, evidence),
                done=updated,
            )
        )

    def action_delete(self) -> None:
        row = self.selected()
        if row is None:
            return
        p = row.promise

        def answer(choice: str | None) -> None:
            if choice == "yes":
                self.delete(row)

        changes = f" and its {len(p.history)} dated change(s)" if p.history else ""
        self.app.push_screen(
            Choice(
                "Delete this promise?",
                f"“{p.what}” ({p.official or 'who: not recorded'}, promised at the meeting of "
                f"{self.made_at(row)}, question {row.question}){changes} will be deleted from "
                f"{self.session.answer_file(row.meeting, row.question)}.\n\n"
                "Only for a promise recorded by mistake: a promise that was broken or withdrawn "
                "is updated (u), so the record shows it.",
                [Pick("y", "Delete it", "yes", "error"), Pick("n", "Keep it", "no", "primary")],
            ),
            answer,
        )

    def delete(self, row: PromiseRow) -> None:
        """Delete in the background: the answer's lock may make the write wait."""
        self.mk.saver.save(
            SaveJob(
                f"the deletion of promise {row.promise.id}",
                lambda: self.session.delete_promise(row.promise.id),
                done=lambda fresh: self.deleted(row, fresh),
            )
        )

    def deleted(self, row: PromiseRow, fresh: Answer | None) -> None:
        self.session.take_answer(row.meeting, row.question, fresh)
        self.notify(f"Deleted the promise: {row.promise.what}", markup=False)
        self.sync()
