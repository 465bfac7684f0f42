"""Testimony mode: one editor per speaker, the spoken time against the limit
as you type (and every speaker's in the list, like ``testimony time``), a
rehearsal stopwatch, your own $EDITOR, and the speaker copy.

Each speaker's text lives in a buffer until saved, so switching speakers or
meetings never drops a word; buffers are autosaved every few seconds. The
word count is redone a moment after typing pauses, not on every key, so a
3,000-word text types as smoothly as a short one.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import ClassVar

from textual import work
from textual.app import ComposeResult, SuspendNotSupported
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.timer import Timer
from textual.widgets import Button, OptionList, Static, TextArea
from textual.widgets.option_list import Option

from ...actions.printjob import PrintJob, default_folder
from ...actions.testimony_draft import Drafted
from ...errors import MeetingkitError
from ...model import Meeting, Testimony
from ...testimony import Timing, mmss, timing
from ..markup import literal
from ..print_tasks import start_print
from ..saving import SaveJob
from ..widgets.autosaver import Autosaver
from ..widgets.pane_button import PaneButton
from ..widgets.stopwatch import Stopwatch
from ..widgets.timing import TimingPanel
from .base import ModeScreen
from .choice import Choice, Pick

RECOUNT_DELAY = 0.3
"""Seconds after the last key before the words are counted again."""


@dataclass
class Buffer:
    """One speaker's text as typed, and as last saved (``saved`` has the revision)."""

    meeting_id: str
    speaker: str
    neighbourhood: str
    saved: Testimony | None
    text: str
    saved_text: str
    autosaver: Autosaver
    writing: int = 0
    """Saves of this text still in the queue: the header says "saving…" until they land."""

    @property
    def dirty(self) -> bool:
        return self.text != self.saved_text


class TestimonyScreen(ModeScreen):
    MODE = "testimony"
    AUTO_FOCUS = "#t-speakers"
    """The list, not the editor: the key pressed after the mode's number is
    often another number, which an editor would type into the text."""
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("ctrl+s", "save", "Save", id="testimony.save"),
        Binding("ctrl+t", "template", "Template", id="testimony.template"),
        Binding("ctrl+n", "new_speaker", "New speaker", id="testimony.new_speaker"),
        Binding("f2", "speaker_details", "Neighbourhood", id="testimony.speaker"),
        Binding("ctrl+r", "stopwatch", "Rehearse", id="testimony.stopwatch"),
        Binding("ctrl+l", "reset_stopwatch", "Reset stopwatch", id="testimony.reset_stopwatch", show=False),
        Binding("ctrl+o", "editor", "$EDITOR", id="testimony.editor"),
        Binding("f8", "print", "Print copy", id="testimony.print"),
        Binding("escape", "speakers", "Speakers", id="testimony.speakers", show=False),
    ]
    HELP = """\
Each speaker has their own text for the meeting you work on. Pick a speaker on
the left (escape gets you there from the editor; enter opens one), then type.
Under each name: their spoken time against the limit, and by how much it is over.

• Beside the editor: the words, the spoken time at your speaking rate, and the
  limit; green while it fits, amber when close, red when over, with how many
  words to cut. Lines like [$accent]<!-- hint -->[/] are not counted or printed.
• [b]ctrl+t[/b] inserts the template: greeting, name and neighbourhood, the
  concern, this speaker's questions, the ask, thanks: the same text as
  `meetingkit testimony draft`. If the record has open promises, overdue records
  requests or dodged questions from earlier meetings, you can start from those,
  as of the meeting's day or another day (what was still owed then).
• [b]ctrl+s[/b] saves to [$accent]testimony/<meeting>/<speaker>.md[/], a plain text file.
  While you type, a draft is also kept every few seconds, so a crash loses
  seconds; it is offered back next time.
• [b]ctrl+r[/b] starts and stops the rehearsal stopwatch (ctrl+l resets it):
  read it aloud and watch the real time.
• [b]ctrl+o[/b] opens the text in your own editor ($EDITOR); what you save there
  comes back here.
• [b]F8[/b] prints the speaker copy (large type, time at the top) to the
  workspace's print folder.
• [b]ctrl+n[/b] adds a speaker; [b]F2[/b] sets where the highlighted one lives (said in
  the template's introduction), also for speakers the planner assigned.
"""

    def __init__(self) -> None:
        super().__init__()
        self.buffers: dict[tuple[str, str], Buffer] = {}
        self.active: Buffer | None = None
        self._recount: Timer | None = None
        self._on_disk: dict[tuple[str, str], str] = {}
        """Each speaker's text as saved, for the time under their name (read when the list is drawn)."""
        self._times: dict[tuple[str, str], tuple[str, float, int, Timing]] = {}
        """Each speaker's last count, with the text, limit and rate it was counted for."""

    def compose_body(self) -> ComposeResult:
        with Horizontal(id="t-main"):
            with Vertical(id="t-side"):
                yield Static("Speakers", classes="pane-title")
                yield OptionList(id="t-speakers")
                yield PaneButton("New speaker (ctrl+n)", id="t-new")
                yield Static("Spoken time", classes="pane-title")
                yield TimingPanel("", id="t-timing")
                yield Static("Rehearsal", classes="pane-title")
                yield Stopwatch(id="t-stopwatch")
            with Vertical(id="t-edit"):
                yield Static("", id="t-file")
                yield TextArea("", id="t-editor", soft_wrap=True, show_line_numbers=False)
                with Horizontal(classes="pane-buttons"):
                    yield PaneButton("Save (ctrl+s)", id="t-save", variant="primary")
                    yield PaneButton("Template (ctrl+t)", id="t-template")
                    yield PaneButton("$EDITOR (ctrl+o)", id="t-external")
                    yield PaneButton("Print copy (F8)", id="t-print")

    # --- drawing ---------------------------------------------------------------

    @property
    def meeting(self) -> Meeting | None:
        return self.session.current

    def refresh_view(self) -> None:
        self.pull_text()
        meeting = self.meeting
        names = self.speaker_names(meeting)
        if meeting is not None:
            self._on_disk = {(meeting.id, t.speaker): t.text for t in self.session.testimonies(meeting.id)}
        listing = self.query_one("#t-speakers", OptionList)
        with self.prevent(OptionList.OptionHighlighted):
            listing.clear_options()
            listing.add_options(Option(Content(self.speaker_label(meeting, n)), id=n) for n in names)
        keep = (
            self.active.speaker if self.active and meeting and self.active.meeting_id == meeting.id else None
        )
        if not names or meeting is None:
            self.active = None
            self.show_buffer()
            return
        chosen = keep if keep in names else names[0]
        with self.prevent(OptionList.OptionHighlighted):
            listing.highlighted = names.index(chosen)
        self.open_speaker(chosen)

    def speaker_names(self, meeting: Meeting | None) -> list[str]:
        if meeting is None:
            return []
        names = self.session.speakers(meeting)
        names += [
            b.speaker for b in self.buffers.values() if b.meeting_id == meeting.id and b.speaker not in names
        ]
        return names

    def speaker_label(self, meeting: Meeting | None, name: str) -> str:
        """The name (● when unsaved), and under it the time as typed against the limit."""
        if meeting is None:
            return f"  {name}"
        buffer = self.buffers.get((meeting.id, name))
        mark = "●" if buffer is not None and buffer.dirty else " "
        text = buffer.text if buffer is not None else self._on_disk.get((meeting.id, name), "")
        return f"{mark} {name}\n  {spoken(self.time_of(meeting, name, text))}"

    def time_of(self, meeting: Meeting, name: str, text: str) -> Timing:
        """The text's spoken time, counted again only when it changed (the list redraws
        every speaker's after each pause in typing; only the one typed into changed)."""
        wpm = self.session.settings.wpm
        kept = self._times.get((meeting.id, name))
        if kept is not None and kept[:3] == (text, meeting.minutes, wpm):
            return kept[3]
        result = timing(text, meeting.minutes, wpm)
        self._times[(meeting.id, name)] = (text, meeting.minutes, wpm, result)
        return result

    def refresh_labels(self) -> None:
        listing = self.query_one("#t-speakers", OptionList)
        for index in range(listing.option_count):
            option = listing.get_option_at_index(index)
            if option.id:
                listing.replace_option_prompt_at_index(
                    index, Content(self.speaker_label(self.meeting, option.id))
                )

    def show_buffer(self) -> None:
        """Put the active buffer in the editor (or say why there is none)."""
        editor = self.query_one("#t-editor", TextArea)
        header = self.query_one("#t-file", Static)
        buffer = self.active
        with self.prevent(TextArea.Changed):
            editor.load_text(buffer.text if buffer else "")
        editor.disabled = buffer is None
        if buffer is None:
            header.update(
                "No meeting yet: plan one in Meeting mode (2)."
                if self.meeting is None
                else "No speakers yet: ctrl+n adds one, or assign speakers with the planner in Meeting mode."
            )
        self.recount()

    def show_header(self) -> None:
        buffer = self.active
        if buffer is None:
            return
        path = self.session.relative(self.session.testimony_path(buffer.meeting_id, buffer.speaker))
        if buffer.dirty:
            state = "● unsaved changes"
        elif buffer.writing:
            state = "saving…"
        else:
            state = "saved" if buffer.saved else "not saved yet"
        hood = f" ({literal(buffer.neighbourhood)})" if buffer.neighbourhood else ""
        self.query_one("#t-file", Static).update(
            f"[b]{literal(buffer.speaker)}[/b]{hood} · {state} · {literal(path)}"
        )

    def recount(self) -> None:
        """Count the words again and redraw the time against the limit."""
        self._recount = None
        self.pull_text()
        meeting = self.meeting
        panel = self.query_one("#t-timing", TimingPanel)
        watch = self.query_one(Stopwatch)
        if meeting is None or self.active is None:
            panel.show(None)
            return
        result = self.time_of(meeting, self.active.speaker, self.active.text)
        panel.show(result)
        watch.set_limit(result.limit_seconds)
        self.show_header()
        self.refresh_labels()

    def pull_text(self) -> None:
        """Copy the editor's text into the active buffer (done lazily, not per key)."""
        if self.active is not None and self.is_mounted:
            self.active.text = self.query_one("#t-editor", TextArea).text

    # --- buffers ---------------------------------------------------------------

    def open_speaker(self, speaker: str) -> None:
        meeting = self.meeting
        if meeting is None:
            return
        self.pull_text()
        key = (meeting.id, speaker)
        buffer = self.buffers.get(key)
        fresh = buffer is None
        if buffer is None:
            try:
                saved = self.session.testimony(meeting.id, speaker)
            except MeetingkitError as error:
                self.mk.report(error, title="This testimony file cannot be read")
                self.active = None
                self.show_buffer()
                return
            text = saved.text if saved else ""
            buffer = Buffer(
                meeting.id,
                speaker,
                saved.neighbourhood if saved else "",
                saved,
                text,
                text,
                self.autosaver_for(meeting.id, speaker),
            )
            self.buffers[key] = buffer
        self.active = buffer
        self.show_buffer()
        if fresh:
            buffer.autosaver.offer({"text": buffer.saved_text}, self.restore)

    def autosaver_for(self, meeting_id: str, speaker: str) -> Autosaver:
        def fields() -> dict[str, str]:
            self.pull_text()
            return {"text": self.buffers[(meeting_id, speaker)].text}

        def base() -> str | None:
            saved = self.buffers[(meeting_id, speaker)].saved
            return saved.revision if saved else None

        return Autosaver(self, self.session.autosave, ("testimony", meeting_id, speaker), fields, base)

    def restore(self, fields: dict[str, str], base_revision: str | None) -> None:
        buffer = self.active
        if buffer is None:
            return
        buffer.text = fields.get("text", buffer.text)
        if buffer.saved is not None:
            buffer.saved = buffer.saved.evolve(revision=base_revision)
        self.show_buffer()
        self.notify("Draft restored. ctrl+s saves it.")

    # --- events ----------------------------------------------------------------

    def on_text_area_changed(self, event: TextArea.Changed) -> None:
        if self.active is None:
            return
        self.active.autosaver.touch()
        was_dirty = self.active.dirty
        self.pull_text()
        if self.active.dirty != was_dirty:  # say "unsaved" (or not) at once, not after the recount
            self.show_header()
            self.refresh_labels()
        if self._recount is not None:
            self._recount.stop()
        self._recount = self.set_timer(RECOUNT_DELAY, self.recount)

    def on_option_list_option_highlighted(self, event: OptionList.OptionHighlighted) -> None:
        if event.option.id:
            self.open_speaker(event.option.id)

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        self.query_one("#t-editor").focus()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        actions = {
            "t-new": self.action_new_speaker,
            "t-save": self.action_save,
            "t-template": self.action_template,
            "t-external": self.action_editor,
            "t-print": self.action_print,
        }
        if event.button.id in actions:
            event.stop()
            actions[event.button.id]()

    # --- actions ---------------------------------------------------------------

    def action_speakers(self) -> None:
        self.query_one("#t-speakers").focus()

    def action_stopwatch(self) -> None:
        self.query_one(Stopwatch).toggle()

    def action_reset_stopwatch(self) -> None:
        self.query_one(Stopwatch).reset()

    def action_save(self) -> None:
        self.save(self.active)

    def save(self, buffer: Buffer | None) -> bool:
        if buffer is None:
            return True
        self.pull_text()
        self.write(buffer, self.record_of(buffer).evolve(text=buffer.text))
        return True

    def record_of(self, buffer: Buffer) -> Testimony:
        """The speaker's testimony as last saved (a new one when there is no file yet)."""
        return buffer.saved or Testimony(
            meeting=buffer.meeting_id, speaker=buffer.speaker, neighbourhood=buffer.neighbourhood
        )

    def write(self, buffer: Buffer, record: Testimony) -> None:
        """Save ``record`` as the buffer's file through the save queue; a refused save
        leaves the buffer as it was before."""
        was_saved, was_text, was_hood = buffer.saved, buffer.saved_text, buffer.neighbourhood
        buffer.saved, buffer.saved_text, buffer.neighbourhood = record, record.text, record.neighbourhood
        session = self.session
        buffer.writing += 1

        def saved(written: Testimony) -> None:
            buffer.writing -= 1
            if buffer.saved is record:
                buffer.saved = written
                if not buffer.dirty:
                    buffer.autosaver.clear()
            path = session.testimony_path(record.meeting, record.speaker)
            self.notify(f"Saved {session.relative(path)}.", markup=False)
            self.recount()

        def refused() -> None:
            buffer.writing -= 1
            if buffer.saved is record:  # nothing newer was saved since: the text is unsaved again
                buffer.saved, buffer.saved_text, buffer.neighbourhood = was_saved, was_text, was_hood
            self.recount()

        self.mk.saver.save(
            SaveJob(
                f"testimony of {record.speaker} ({record.meeting})",
                lambda: session.write_testimony(record),
                done=saved,
                reload=lambda: self.reload(buffer),
                failed=refused,
                listed=False,
            )
        )
        self.recount()

    def reload(self, buffer: Buffer) -> None:
        """Take the file as it is on disk; the typed text stays in the autosave."""
        buffer.autosaver.flush()
        try:
            saved = self.session.testimony(buffer.meeting_id, buffer.speaker)
        except MeetingkitError as error:
            self.mk.report(error)
            return
        buffer.saved = saved
        buffer.text = buffer.saved_text = saved.text if saved else ""
        if saved is not None:
            buffer.neighbourhood = saved.neighbourhood
            self.session.forget_written(saved)
        if buffer is self.active:
            self.show_buffer()
        self.notify("Reloaded from disk. Your version is kept as an autosaved draft until you discard it.")

    def unsaved(self) -> list[str]:
        self.pull_text()
        return [f"testimony of {b.speaker} ({b.meeting_id})" for b in self.buffers.values() if b.dirty]

    def save_all(self) -> bool:
        return all([self.save(b) for b in list(self.buffers.values()) if b.dirty])

    def action_new_speaker(self) -> None:
        from .speaker_form import SpeakerForm

        meeting = self.meeting
        if meeting is None:
            self.notify("Plan a meeting first: Meeting mode (2).", severity="warning")
            return
        form = SpeakerForm("New speaker", "", self.speaker_names(meeting), neighbourhood="")
        self.app.push_screen(form, self.add_speaker)

    def add_speaker(self, answer: tuple[str, str] | None) -> None:
        meeting = self.meeting
        if not answer or meeting is None:
            return
        name, hood = answer
        if not name:
            self.notify("A speaker needs a name.", severity="error")
            return
        if (meeting.id, name) not in self.buffers and name not in self.session.speakers(meeting):
            self.buffers[(meeting.id, name)] = Buffer(
                meeting.id, name, hood, None, "", "", self.autosaver_for(meeting.id, name)
            )
        self.active = self.buffers.get((meeting.id, name), self.active)
        self.refresh_view()
        self.query_one("#t-editor").focus()

    def action_speaker_details(self) -> None:
        """Where the highlighted speaker lives, for one already on the list (``--neighbourhood``)."""
        from .speaker_form import SpeakerForm

        buffer = self.active
        if buffer is None:
            self.notify("Choose or add a speaker first (ctrl+n).", severity="warning")
            return
        form = SpeakerForm(
            f"About {buffer.speaker}", buffer.speaker, [], buffer.neighbourhood, fixed_name=True
        )
        self.app.push_screen(form, lambda answer: self.set_neighbourhood(buffer, answer))

    def set_neighbourhood(self, buffer: Buffer, answer: tuple[str, str] | None) -> None:
        """Save the neighbourhood to the speaker's file at once; typed text stays as it is (unsaved)."""
        if answer is not None and answer[1] != buffer.neighbourhood:
            self.write(buffer, self.record_of(buffer).evolve(neighbourhood=answer[1]))

    def action_template(self) -> None:
        buffer, meeting = self.active, self.meeting
        if buffer is None or meeting is None:
            self.notify("Choose or add a speaker first (ctrl+n).", severity="warning")
            return
        self.pull_text()
        self.prepare_template(buffer, meeting)

    @work(thread=True, group="template", exit_on_error=False)
    def prepare_template(self, buffer: Buffer, meeting: Meeting) -> None:
        """Both drafts in a worker (they read the record, the requests and ICE's sheets),
        as ``testimony draft`` makes them, with and without ``--follow-up``."""
        session = self.session
        try:
            plain = session.draft_testimony(meeting, buffer.speaker, buffer.neighbourhood)
            follow = session.draft_testimony(meeting, buffer.speaker, buffer.neighbourhood, follow_up=True)
        except MeetingkitError as error:
            self.app.call_from_thread(self.mk.report, error)
            return
        self.app.call_from_thread(self.offer_template, buffer, meeting, plain, follow)

    def offer_template(self, buffer: Buffer, meeting: Meeting, plain: Drafted, follow: Drafted) -> None:
        if buffer is not self.active:
            return
        self.pull_text()
        options = [Pick("p", "Plain template", "plain", "primary")]
        if follow.followed:
            options.append(Pick("f", f"Follow up, {follow.followed} items", "follow"))
            options.append(Pick("d", "Follow up as of a day", "as-of"))
        if not buffer.text.strip() and not follow.followed:
            self.insert_drafted(buffer, plain)
            return
        warning = "It replaces the text in the editor (ctrl+z undoes). " if buffer.text.strip() else ""
        message = warning + (
            "The follow-up template adds one sentence for each promise still owed, each records "
            "request past its deadline and each question dodged at earlier meetings, as of the "
            "meeting's day (or another day you give)."
            if follow.followed
            else ""
        )
        options.append(Pick("c", "Cancel", "cancel"))
        chosen = {"plain": plain, "follow": follow}

        def picked(choice: str | None) -> None:
            if choice in chosen:
                self.insert_drafted(buffer, chosen[choice])
            elif choice == "as-of":
                self.ask_as_of(buffer, meeting)

        self.app.push_screen(Choice("Insert the template?", message.strip() or "Insert it?", options), picked)

    def ask_as_of(self, buffer: Buffer, meeting: Meeting) -> None:
        from ..validators import parse_date
        from .one_field import OneField

        self.app.push_screen(
            OneField(
                "Follow up as of a day",
                "As of (YYYY-MM-DD)",
                meeting.date.isoformat(),
                "What was still owed, overdue or dodged on this day. The meeting is on "
                f"{meeting.date.isoformat()}; today is {self.session.today.isoformat()}.",
                parse_date,
            ),
            lambda typed: self.as_of_typed(buffer, meeting, typed),
        )

    def as_of_typed(self, buffer: Buffer, meeting: Meeting, typed: str | None) -> None:
        from ..validators import parse_date

        if typed:
            self.draft_as_of(buffer, meeting, parse_date(typed))

    @work(thread=True, group="template", exit_on_error=False)
    def draft_as_of(self, buffer: Buffer, meeting: Meeting, day: date) -> None:
        """``testimony draft --follow-up --as-of DAY``, in a worker."""
        session = self.session
        try:
            drafted = session.draft_testimony(
                meeting, buffer.speaker, buffer.neighbourhood, follow_up=True, as_of=day
            )
        except MeetingkitError as error:
            self.app.call_from_thread(self.mk.report, error)
            return
        self.app.call_from_thread(self.insert_drafted, buffer, drafted)

    def insert_drafted(self, buffer: Buffer, drafted: Drafted) -> None:
        """Put the template in the editor, if the speaker is still the one on screen."""
        if buffer is not self.active:
            return
        editor = self.query_one("#t-editor", TextArea)
        editor.replace(drafted.text, (0, 0), editor.document.end)
        editor.focus()
        if drafted.skipped:
            self.notify(
                f"Left out of the follow-up: {len(drafted.skipped)} file(s) that cannot be read "
                "(F4 lists them).",
                severity="warning",
            )

    def action_editor(self) -> None:
        from ...actions.external_editor import edit_text

        buffer = self.active
        if buffer is None:
            return
        self.pull_text()
        try:
            with self.app.suspend():
                text = edit_text(buffer.text, self.session.autosave.folder, f"edit-{buffer.speaker}")
        except MeetingkitError as error:
            self.mk.report(error)
            return
        except SuspendNotSupported:
            self.notify("This terminal cannot hand over to another program.", severity="error")
            return
        if text != buffer.text:
            editor = self.query_one("#t-editor", TextArea)
            editor.replace(text, (0, 0), editor.document.end)
            self.notify("Your editor's text is here now; ctrl+s saves it.")

    def action_print(self) -> None:
        buffer, meeting = self.active, self.meeting
        if buffer is None or meeting is None:
            self.notify("Choose a speaker first.", severity="warning")
            return
        self.pull_text()
        record = (
            buffer.saved
            or Testimony(meeting=meeting.id, speaker=buffer.speaker, neighbourhood=buffer.neighbourhood)
        ).evolve(text=buffer.text)
        job = PrintJob("speaker", meeting, (meeting.language,), testimony=record)
        path = default_folder(self.session) / job.file_name()
        self.notify(f"Printing the speaker copy of {buffer.speaker}…", markup=False)
        start_print(self, self.session, job, path)


def spoken(result: Timing) -> str:
    """The time against the limit in words (not colour alone): "1:45 / 2:00", "over by 0:09"."""
    shown = f"{mmss(result.seconds)} / {mmss(result.limit_seconds)}"
    if result.state == "over":
        return f"{shown}, over by {mmss(result.seconds - result.limit_seconds)}"
    return f"{shown}, close" if result.state == "close" else shown
