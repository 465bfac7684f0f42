"""Requests mode: every public records request with its due date as the law
counts it, overdue said in words (not only in red); and everything
``meetingkit request`` and ``meetingkit media`` do: draft a request with its
letter, show one, log a dated change, draft the follow-up or the appeal,
print a letter to PDF, draft a media inquiry.

The jobs are ``toolkit.actions.requests`` and ``actions.media`` (the command
line's own), through the session, as of the app's day; every read and write
runs in a worker.
"""

from __future__ import annotations

from pathlib import Path
from typing import ClassVar

from rich.text import Text
from textual import work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.widgets import Button, Static

from ...actions.media import MediaDraft
from ...actions.printjob import default_folder
from ...actions.requests import DraftChoices, Drafted, NextLetter, Shown
from ...errors import MeetingkitError, one_line
from ...requests import RequestRow
from ..markup import literal
from ..print_tasks import PrintDone, PrintFailed, unexpected
from ..widgets.pane_button import PaneButton
from ..widgets.row_list import Column, RowList
from .base import ModeScreen
from .media_form import MediaForm, MediaWanted
from .request_form import RequestForm
from .request_print import PrintWanted, RequestPrint
from .request_update import RequestUpdate, Update
from .request_view import LETTER_TITLES, RequestView, TextView

COLUMNS = (
    Column("Due", 12),
    Column("Late", 22),
    Column("Status", 13),
    Column("Agency", share=2),
    Column("Law", share=2),
)
NEXT_LETTERS = {"followup": "follow-up letter", "appeal": "appeal"}


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
        Binding("n", "new", "New request", id="requests.new"),
        Binding("enter,o", "show", "Show request", id="requests.show"),
        Binding("u", "update", "Update status", id="requests.update"),
        Binding("p", "print", "Print a letter", id="requests.print"),
        Binding("f", "next_letter('followup')", "Follow-up", id="requests.followup"),
        Binding("a", "next_letter('appeal')", "Appeal", id="requests.appeal"),
        Binding("m", "media", "Media inquiry", id="requests.media"),
    ]
    HELP = """\
Every public records request in the workspace, most overdue first, as of today,
and everything [b]meetingkit request[/b] and [b]meetingkit media[/b] do on the command
line. The due date is counted as the state's law counts it (business days skip
weekends and the state's holidays; a clock paused while the agency waits on you
resumes where it stopped). Overdue requests say "OVERDUE" and by how many days.

• [b]n[/b] drafts a new request (as [b]request draft[/b]): pick the meeting, tick the
  questions whose records to ask for (those officials dodged come ticked), the
  law (the settings' state by default), the letter's language, the agency and
  the dates. The letter is saved as requests/ID.md beside the request: edit it
  in any editor before sending; what it says then is what prints.
• [b]enter[/b] or [b]o[/b] shows the highlighted request (as [b]request show[/b]): where its
  clock stands in words (due, overdue by how many days, paused), its history
  and the text of every letter drafted.
• [b]u[/b] records a new status (as [b]request update[/b]): filed, acknowledged, waiting
  on us (a fee, a clarification: this pauses the clock), partial, fulfilled,
  no records, denied, appealed or withdrawn, with the date, a note, the
  evidence, the reference number, how it was filed and records received.
• [b]f[/b] drafts the follow-up letter once the request is past due, [b]a[/b] the appeal
  once it is denied (as [b]request followup[/b] and [b]request appeal[/b]).
• [b]p[/b] prints a letter to PDF (as [b]request print[/b]): the request, the follow-up
  or the appeal, on letter or A4 paper, in regular or large type, into the
  workspace's print folder unless you type another path.
• [b]m[/b] drafts a media inquiry from a meeting's record (as [b]meetingkit media[/b]):
  the questions, the answers dodged with their quotes, promises and requests
  past due, as Markdown in the print folder to edit and send.
"""

    def __init__(self) -> None:
        super().__init__()
        self.rows: list[RequestRow] = []
        self.skipped: list[str] = []
        self.wanted_id: str | None = None
        """The request to highlight once the list is read again (one just drafted)."""

    def compose_body(self) -> ComposeResult:
        with Vertical(id="rq-main"):
            yield Static("Reading the requests…", id="rq-summary")
            yield RowList(COLUMNS, id="rq-table")
            yield Static("", id="rq-history")
            with Horizontal(id="rq-buttons"):
                yield PaneButton("New request (n)", id="rq-new", variant="primary")
                yield PaneButton("Show (enter)", id="rq-show")
                yield PaneButton("Update status (u)", id="rq-update")
                yield PaneButton("Print (p)", id="rq-print")
                yield PaneButton("Media inquiry (m)", id="rq-media")

    def refresh_view(self) -> None:
        self.read_rows()

    @property
    def folder(self) -> Path:
        return default_folder(self.session)

    # --- the list ------------------------------------------------------------------

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
        wanted = self.wanted_id or (was.request.id if was is not None else None)
        cursor = ids.index(wanted) if wanted in ids else table.cursor
        self.wanted_id = None
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
            box.update("No records requests yet. Press [b]n[/b] to draft one from a meeting's questions.")
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
        actions = {
            "rq-new": self.action_new,
            "rq-show": self.action_show,
            "rq-update": self.action_update,
            "rq-print": self.action_print,
            "rq-media": self.action_media,
        }
        if event.button.id in actions:
            actions[event.button.id]()

    def chosen(self) -> RequestRow | None:
        """The highlighted request; without one, say how to draft one."""
        row = self.selected()
        if row is None:
            self.notify("No records request yet: press n to draft one.", markup=False)
        return row

    # --- drafting ----------------------------------------------------------------

    def action_new(self) -> None:
        self.load_choices()

    @work(thread=True, group="request-choices", exclusive=True, exit_on_error=False)
    def load_choices(self) -> None:
        """The law table and each meeting's dodged questions, read before the form opens."""
        try:
            choices = self.session.request_draft_choices()
        except MeetingkitError as error:
            self.app.call_from_thread(self.mk.report, error)
            return
        self.app.call_from_thread(self.open_form, choices)

    def open_form(self, choices: DraftChoices) -> None:
        form = RequestForm(self.session, choices, self.session.current_id)
        self.app.push_screen(form, self.drafted)

    def drafted(self, drafted: Drafted | None) -> None:
        if drafted is None:
            return
        rid = drafted.request.id
        self.notify(
            f"Drafted {rid} under {drafted.law.name}. The letter is {self.session.relative(drafted.letter)}: "
            "edit it there before sending; p prints it.",
            title="Request drafted",
            markup=False,
        )
        for line in drafted.warnings:
            self.notify(one_line(line), severity="warning", markup=False)
        self.wanted_id = rid
        self.read_rows()

    # --- one request -------------------------------------------------------------

    def action_show(self) -> None:
        row = self.chosen()
        if row is not None:
            self.fetch(row.request.id, "view")

    def action_print(self) -> None:
        row = self.chosen()
        if row is not None:
            self.fetch(row.request.id, "print")

    @work(thread=True, group="request-show", exclusive=True, exit_on_error=False)
    def fetch(self, request_id: str, then: str) -> None:
        """Read the request and its letters, then show it (``view``) or ask what to print (``print``)."""
        try:
            shown, letters = self.session.show_request(request_id)
        except MeetingkitError as error:
            self.app.call_from_thread(self.mk.report, error)
            return
        opened = self.open_view if then == "view" else self.ask_print
        self.app.call_from_thread(opened, shown, letters)

    def open_view(self, shown: Shown, letters: dict[str, str]) -> None:
        where = {which: self.session.relative(path) for which, path in shown.letters.items()}
        rid = shown.request.id

        def picked(what: str | None) -> None:
            if what == "print":
                self.fetch(rid, "print")
            elif what in NEXT_LETTERS:
                self.draft_next(rid, what)

        self.app.push_screen(RequestView(shown, letters, where), picked)

    def ask_print(self, shown: Shown, letters: dict[str, str]) -> None:
        rid = shown.request.id

        def wanted(what: PrintWanted | None) -> None:
            if what is not None:
                self.print_letter(rid, what)

        form = RequestPrint(rid, list(shown.letters), self.session.relative(self.folder))
        self.app.push_screen(form, wanted)

    @work(thread=True, group="print", exit_on_error=False)
    def print_letter(self, request_id: str, wanted: PrintWanted) -> None:
        """Make and write the PDF off the event loop; the app says where it went."""
        path = self.session.root / Path(wanted.path).expanduser()
        try:
            written = self.session.print_request_letter(
                request_id, path, which=wanted.which, paper=wanted.paper, large_print=wanted.large_print
            )
        except MeetingkitError as error:
            self.post_message(PrintFailed(error))
            return
        except Exception as error:
            self.post_message(PrintFailed(unexpected(error)))
            return
        self.post_message(PrintDone(written, f"{LETTER_TITLES[wanted.which]} of {request_id} is ready."))

    def action_next_letter(self, which: str) -> None:
        row = self.chosen()
        if row is not None:
            self.draft_next(row.request.id, which)

    @work(thread=True, group="request-letter", exit_on_error=False)
    def draft_next(self, request_id: str, which: str) -> None:
        try:
            done = self.session.draft_next_letter(request_id, which)
        except MeetingkitError as error:
            self.app.call_from_thread(self.mk.report, error, "Not drafted")
            return
        self.app.call_from_thread(self.next_drafted, request_id, which, done)

    def next_drafted(self, request_id: str, which: str, done: NextLetter) -> None:
        where = self.session.relative(done.path)
        if done.existed:
            said = f"The {NEXT_LETTERS[which]} was drafted before ({where}): it was left as it is."
        else:
            said = f"Drafted the {NEXT_LETTERS[which]}: {where}. Edit it there before sending; p prints it."
        self.notify(said, markup=False)
        self.fetch(request_id, "view")

    # --- a status change ---------------------------------------------------------

    def action_update(self) -> None:
        row = self.chosen()
        if row is None:
            return

        def typed(result: Update | None) -> None:
            if result is not None:
                self.save_update(row.request.id, result)

        self.app.push_screen(RequestUpdate(row, self.session.today), typed)

    @work(thread=True, group="requests-save", exit_on_error=False)
    def save_update(self, request_id: str, update: Update) -> None:
        """Save under the request's lock, in a worker (the lock may make it wait)."""
        try:
            self.session.log_request_change(request_id, update.status, update.on, update.note, **update.more)
        except MeetingkitError as error:
            self.app.call_from_thread(self.mk.report, error)
            return
        said = f"{request_id}: {update.status} on {update.on.isoformat()}"
        self.app.call_from_thread(self.notify, said, markup=False)
        self.app.call_from_thread(self.read_rows)

    # --- the media inquiry -------------------------------------------------------

    def action_media(self) -> None:
        def wanted(what: MediaWanted | None) -> None:
            if what is not None:
                self.draft_media(what)

        self.app.push_screen(MediaForm(self.session, self.session.relative(self.folder)), wanted)

    @work(thread=True, group="media", exit_on_error=False)
    def draft_media(self, wanted: MediaWanted) -> None:
        path = self.session.root / Path(wanted.path).expanduser()
        try:
            written, draft = self.session.media_inquiry(wanted.meeting, wanted.as_of, wanted.langs, path)
        except MeetingkitError as error:
            self.app.call_from_thread(self.mk.report, error, "Not drafted")
            return
        self.app.call_from_thread(self.media_drafted, written, draft)

    def media_drafted(self, written: Path, draft: MediaDraft) -> None:
        left_out = f" Left out, unreadable: {'; '.join(draft.skipped)}." if draft.skipped else ""
        said = f"Wrote {written}: edit it, then send it.{one_line(left_out)}"
        self.notify(said, title="Media inquiry", markup=False)
        title = f"Media inquiry · {self.session.relative(written)}"
        self.app.push_screen(TextView(title, [("", draft.text)]))
