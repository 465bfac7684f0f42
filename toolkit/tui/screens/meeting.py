"""Meeting mode: the meetings (upcoming first), the one you work on, its
agenda in order with who asks what, and the speaker planner."""

from __future__ import annotations

from copy import deepcopy
from typing import TYPE_CHECKING, ClassVar

from rich.text import Text
from textual import work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.widgets import Button, DataTable, Static

from ...errors import MeetingkitError
from ...locale.dates import format_clock, format_full_day
from ...model import Meeting, text_for
from ...testimony import word_budget
from ..markup import literal
from ..widgets.pane_button import PaneButton
from .base import ModeScreen
from .choice import Choice, Pick
from .planner import agenda_words, slots_for

if TYPE_CHECKING:
    from ...actions.delete import Removal


class MeetingScreen(ModeScreen):
    MODE = "meeting"
    AUTO_FOCUS = "#m-list"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("n", "new", "New meeting", id="meeting.new"),
        Binding("e", "edit", "Edit", id="meeting.edit"),
        Binding("p", "planner", "Speaker planner", id="meeting.planner"),
        Binding("d", "delete_meeting", "Delete meeting", id="meeting.delete"),
        Binding("s", "speaker", "Assign speaker", id="meeting.speaker"),
        Binding("ctrl+up", "move(-1)", "Move up", id="meeting.up", show=False),
        Binding("ctrl+down", "move(1)", "Move down", id="meeting.down", show=False),
        Binding("x,delete", "remove", "Remove question", id="meeting.remove", show=False),
    ]
    HELP = """\
Every meeting in the workspace, upcoming ones first. The highlighted meeting is
the one every other mode works on (its name is in the header).

• [b]n[/b] plans a new meeting; [b]e[/b] edits the highlighted one (body, date, time,
  place, agenda item, minutes per speaker, sign-up rule, private notes).
• Press [b]tab[/b] to move into the agenda on the right. There, [b]ctrl+up[/b] and
  [b]ctrl+down[/b] reorder the questions, [b]s[/b] names who asks the highlighted one,
  and [b]x[/b] takes it off. Add questions in Questions mode (1).
• [b]d[/b] deletes the highlighted meeting made by mistake, with its logged answers,
  promises and testimony: first it lists what goes and asks.
• [b]p[/b] opens the speaker planner: give the number of speakers or their names
  and it splits the agenda, in order, so each speaker's questions fit their
  minutes at your speaking rate; it shows who is over, and [b]\\[[/b] and [b]][/b] move
  a question to the previous or next speaker by hand.
"""

    def compose_body(self) -> ComposeResult:
        with Horizontal(id="m-main"):
            with Vertical(id="m-left"):
                yield Static("Meetings, upcoming first", classes="pane-title", id="m-list-title")
                yield DataTable(id="m-list", cursor_type="row", zebra_stripes=True)
                with Horizontal(classes="pane-buttons"):
                    yield PaneButton("New (n)", id="m-new", variant="primary")
                    yield PaneButton("Edit (e)", id="m-edit")
            with Vertical(id="m-right"):
                yield Static("", id="m-info")
                yield Static("Agenda", classes="pane-title")
                yield DataTable(id="m-agenda", cursor_type="row", zebra_stripes=True)
                yield Static("", id="m-plan")
                with Horizontal(classes="pane-buttons"):
                    yield PaneButton("Planner (p)", id="m-planner", variant="primary")
                    yield PaneButton("Speaker (s)", id="m-speaker")
                    yield PaneButton("▲", id="m-up", tooltip="Move up (ctrl+up)")
                    yield PaneButton("▼", id="m-down", tooltip="Move down (ctrl+down)")
                    yield PaneButton("Remove (x)", id="m-remove", variant="error")

    def on_mount(self) -> None:
        # Ids and names last: on a narrow screen the end of a long one is cut, not a short column.
        self.query_one("#m-agenda", DataTable).add_columns("#", "Speaker", "Words", "Question", "")

    # --- drawing ---------------------------------------------------------------

    def refresh_view(self) -> None:
        session = self.session
        listing = self.query_one("#m-list", DataTable)
        listing.clear(columns=True)
        meetings = session.meetings_upcoming_first()
        bodies = {m.body for m in meetings}
        one_body = len(bodies) == 1
        # One body for all (the usual case): named once above, not cut in every row.
        listing.add_columns("When", "Qs", "", *(() if one_body else ("Body",)))
        title = (
            f"Meetings of {next(iter(bodies))}, upcoming first" if one_body else "Meetings, upcoming first"
        )
        self.query_one("#m-list-title", Static).update(literal(title))
        for m in meetings:
            when = "upcoming" if m.date >= session.today else "held"
            body = () if one_body else (Text(m.body),)
            listing.add_row(
                f"{m.date.isoformat()} {format_clock(m.time, 'en') if m.time else ''}".strip(),
                str(len(m.agenda)),
                when,
                *body,
                key=m.id,
            )
        ids = [m.id for m in session.meetings_upcoming_first()]
        if session.current_id in ids:
            with self.prevent(DataTable.RowHighlighted):
                listing.move_cursor(row=ids.index(session.current_id))
        self.show_meeting()

    @property
    def meeting(self) -> Meeting | None:
        return self.session.current

    def show_meeting(self) -> None:
        meeting = self.meeting
        info = self.query_one("#m-info", Static)
        agenda = self.query_one("#m-agenda", DataTable)
        row = agenda.cursor_row
        agenda.clear()
        plan = self.query_one("#m-plan", Static)
        if meeting is None:
            info.update("No meeting yet. Press [b]n[/b] (or click New) to plan one.")
            plan.update("")
            return
        when = format_full_day(meeting.date, "en") + (
            f", {format_clock(meeting.time, 'en')}" if meeting.time else ""
        )
        lines = [f"[b]{literal(meeting.body)}[/b] — {when}"]
        for label, value in (
            ("Where", meeting.location),
            ("Agenda item", meeting.agenda_item),
            ("Sign-up", meeting.signup),
        ):
            if value:
                lines.append(f"{label}: {literal(text_for(value, meeting.language, meeting.language))}")
        lines.append(f"Each speaker: {meeting.minutes:g} min · testimony in {meeting.language}")
        info.update("\n".join(lines))
        words = agenda_words(self.session, meeting)
        bank = self.session.bank
        for n, (entry, (_, count)) in enumerate(zip(meeting.agenda, words, strict=True), 1):
            question = bank.questions.get(entry.question)
            known = "" if question else "not in any bank"
            agenda.add_row(
                str(n),
                Text(entry.speaker or "—"),
                str(count),
                Text(entry.question),
                known,
                key=entry.question,
            )
        if meeting.agenda:
            agenda.move_cursor(row=min(row, len(meeting.agenda) - 1))
        plan.update(self.plan_text(meeting, words))

    def plan_text(self, meeting: Meeting, words: list[tuple[str, int]]) -> str:
        if not meeting.agenda:
            return "The agenda is empty: add questions in Questions mode (1)."
        speakers = meeting.speakers()
        if not speakers:
            return "No speakers yet: press p to split the agenda among speakers."
        budget = word_budget(meeting.minutes, self.session.settings.wpm)
        assignment = {e.question: e.speaker for e in meeting.agenda}
        parts = []
        for slot in slots_for(assignment, words, speakers, budget):
            color = "$error" if slot.over else "$success"
            parts.append(f"[{color}]{literal(slot.speaker)}: ~{slot.words}/{slot.limit_words} words[/]")
        unassigned = sum(1 for e in meeting.agenda if not e.speaker)
        tail = f" · {unassigned} question(s) without a speaker" if unassigned else ""
        return " · ".join(parts) + tail

    # --- events ----------------------------------------------------------------

    def on_data_table_row_highlighted(self, event: DataTable.RowHighlighted) -> None:
        if event.data_table.id != "m-list" or event.row_key.value is None:
            return
        if event.cursor_row != event.data_table.cursor_row:
            return  # stale: the list was redrawn since
        if event.row_key.value != self.session.current_id:
            self.session.select(event.row_key.value)
            self._seen_version = self.session.version
            self.mk.show_meeting()
            self.show_meeting()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        actions = {
            "m-new": self.action_new,
            "m-edit": self.action_edit,
            "m-planner": self.action_planner,
            "m-speaker": self.action_speaker,
            "m-up": lambda: self.action_move(-1),
            "m-down": lambda: self.action_move(1),
            "m-remove": self.action_remove,
        }
        if event.button.id in actions:
            actions[event.button.id]()

    # --- actions ---------------------------------------------------------------

    def action_new(self) -> None:
        from .meeting_form import MeetingForm

        self.app.push_screen(MeetingForm(self.session), self.saved_form)

    def action_edit(self) -> None:
        from .meeting_form import MeetingForm

        if self.meeting is None:
            self.action_new()
            return
        self.app.push_screen(MeetingForm(self.session, self.meeting), self.saved_form)

    def saved_form(self, meeting: Meeting | None) -> None:
        if meeting is not None:
            self.notify(f"Saved meeting {meeting.id}.")
            self.mk.show_meeting()

    def selected_entry(self) -> int | None:
        meeting = self.meeting
        if meeting is None or not meeting.agenda:
            self.notify("The agenda is empty: add questions in Questions mode (1).", severity="warning")
            return None
        return min(self.query_one("#m-agenda", DataTable).cursor_row, len(meeting.agenda) - 1)

    def action_move(self, step: int) -> None:
        index = self.selected_entry()
        if index is None:
            return
        meeting = deepcopy(self.meeting)
        assert meeting is not None
        target = index + step
        if not 0 <= target < len(meeting.agenda):
            return
        meeting.agenda.insert(target, meeting.agenda.pop(index))
        self.save_meeting(meeting)
        self.query_one("#m-agenda", DataTable).move_cursor(row=target)

    def action_remove(self) -> None:
        index = self.selected_entry()
        if index is None:
            return
        meeting = deepcopy(self.meeting)
        assert meeting is not None
        gone = meeting.agenda.pop(index)
        self.save_meeting(meeting, f"Took {gone.question} off the agenda.")

    def action_speaker(self) -> None:
        from .speaker_form import SpeakerForm

        index = self.selected_entry()
        if index is None:
            return
        assert self.meeting is not None
        entry = self.meeting.agenda[index]
        form = SpeakerForm(
            f"Who asks {entry.question}?",
            entry.speaker,
            self.session.speakers(self.meeting),
            neighbourhood=None,
        )
        self.app.push_screen(form, lambda answer: self.set_speaker(index, answer[0]) if answer else None)

    def set_speaker(self, index: int, speaker: str) -> None:
        meeting = deepcopy(self.meeting)
        assert meeting is not None
        meeting.agenda[index].speaker = speaker
        self.save_meeting(meeting)

    def action_planner(self) -> None:
        from .planner import PlannerScreen

        if self.selected_entry() is None:
            return
        assert self.meeting is not None
        self.app.push_screen(PlannerScreen(self.session, self.meeting), self.planned)

    def planned(self, meeting: Meeting | None) -> None:
        if meeting is not None:
            self.save_meeting(meeting, "Speakers assigned. Draft their testimony in Testimony mode (3).")

    # --- deleting a meeting ------------------------------------------------------

    def action_delete_meeting(self) -> None:
        meeting = self.meeting
        if meeting is None:
            return
        pending = self.mk.unsaved()
        if pending:
            self.notify(
                "Save or discard these first: " + "; ".join(pending),
                title="Not deleted",
                severity="warning",
                markup=False,
            )
            return
        self.plan_removal(meeting.id)

    @work(thread=True, group="delete", exclusive=True, exit_on_error=False)
    def plan_removal(self, meeting_id: str) -> None:
        """List what goes (reading every answer and testimony of the meeting), off the event loop."""
        try:
            removal = self.session.plan_meeting_removal(meeting_id)
        except MeetingkitError as error:
            self.app.call_from_thread(self.mk.report, error)
            return
        self.app.call_from_thread(self.confirm_removal, removal)

    def confirm_removal(self, removal: Removal) -> None:
        files = "\n".join(f"• {self.session.relative(path)}" for path in sorted(removal.files))
        meeting = self.session.find_meeting(removal.meeting)
        label = self.session.label(meeting) if meeting else removal.meeting

        def answer(choice: str | None) -> None:
            if choice == "yes":
                self.delete_planned(removal)

        self.app.push_screen(
            Choice(
                "Delete this meeting?",
                f"{label}\n\nThis deletes {removal.summary()}:\n{files}\n\n"
                "Nothing else is touched. A shared workspace keeps the files in git's history.",
                [Pick("y", "Delete them", "yes", "error"), Pick("n", "Keep the meeting", "no", "primary")],
            ),
            answer,
        )

    @work(thread=True, group="delete-meeting", exit_on_error=False)
    def delete_planned(self, removal: Removal) -> None:
        """Delete in a worker; refused (nothing deleted) if a file changed since it was listed."""
        try:
            self.session.remove_meeting(removal)
        except MeetingkitError as error:
            self.app.call_from_thread(self.mk.report, error)
            return
        self.app.call_from_thread(self.meeting_deleted, removal)

    def meeting_deleted(self, removal: Removal) -> None:
        self.session.drop_meeting(removal.meeting)
        self.mk.show_meeting()
        self.sync()
        self.notify(f"Deleted {removal.summary()}.", markup=False)
