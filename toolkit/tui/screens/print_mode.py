"""Print mode: the handout for the room (languages, paper, large print), the
promises on the record, and each speaker's copy. Before anything is written
it says whether the page fits and at what type size; making and writing the
PDF run in workers and end with a notification naming the file."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, VerticalScroll
from textual.content import Content
from textual.timer import Timer
from textual.widgets import Button, Checkbox, Input, Label, RadioSet, Select, Static

from ...actions.print_handout import LanguageGaps
from ...actions.printjob import AS_OF_KINDS, KINDS, PAPERS, PrintJob, default_folder
from ...codec import Invalid
from ...errors import MeetingkitError
from ...model import Meeting
from ..markup import literal
from ..print_tasks import FitChecked, start_check, start_print
from ..validators import Checked, parse_date
from ..widgets.marked_toggles import MarkedCheckbox, MarkedRadioButton
from ..widgets.pane_button import PaneButton
from .base import ModeScreen

LANGUAGE_NAMES = {"en": "English", "es": "Español"}
PAPER_NAMES = {"letter": "Letter (US)", "a4": "A4"}
CHECK_DELAY = 0.3
HANDOUT_CUTS = (
    "Here, to make room: untick “why it matters” or “what you can do”, tick “two-sided” "
    "(with both languages), choose one language, leave large print off, or take questions "
    "off the agenda (Questions mode, 1).\n\n"
)
PROMISES_CUTS = "Here, to make room: tick “only promises still owed”, or leave large print off.\n\n"
GAPS_HINT = "Here: choose one language, or give the missing wording first (as said above).\n\n"
HANDOUT_ONLY = ("#p-why", "#p-ways", "#p-ice")
PROMISES_ONLY = ("#p-owed", "#p-promises-as-of")


def language_label(choice: str) -> str:
    """``en,es`` reads "English + Español side by side"."""
    names = " + ".join(LANGUAGE_NAMES.get(x, x) for x in choice.split(","))
    return f"{names} side by side" if "," in choice else names


class PrintScreen(ModeScreen):
    MODE = "print"
    AUTO_FOCUS = "#p-kind"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("ctrl+s", "write", "Write the file", id="print.write"),
        Binding("ctrl+r", "check", "Check the fit", id="print.check", show=False),
        Binding("escape", "leave_field", "Back to the choices", id="print.back", show=False),
    ]
    HELP = """\
Print for the meeting you work on (ctrl+g picks another). Choose what to print
on the left; the right side says, before anything is written, whether it fits
and at what type size.

• [b]Handout for the room[/b]: one page, always; the largest type that fits,
  never below 10 pt (18 pt in large print). English, Spanish, or both side by
  side. If it cannot fit, nothing is written and you are told what to cut.
  [b]Two-sided[/b] prints one language on each side of the sheet (two
  pages); ICE's 287(g) line goes under its question unless you untick it
  (or turn ICE off in Settings).
• [b]Promises on the record[/b]: one page with every promise made up to this
  meeting and where it stands, in one language, judged as of the meeting's
  day or the day you type; “only what is still owed” leaves out kept and
  withdrawn ones.
• [b]Speaker copy[/b]: the testimony in large type for the podium; [b]written
  copy[/b]: the same as a letter for the clerk. The saved text is printed.
• [b]Accountability report[/b] (Markdown, CSV or PDF) and the [b]calendar[/b]
  (.ics, for any calendar program): the same files as `meetingkit report` and
  `meetingkit calendar`, with overdue judged as of the day typed in “As of”.
• [b]Font[/b]: a TrueType file for this print (blank: the workspace's font).
• [b]ctrl+s[/b] writes to the file named below (in the workspace's print
  folder unless you change it). Tab moves between the choices; arrows and
  space pick one; the mouse works too.
"""

    def __init__(self) -> None:
        super().__init__()
        self._timer: Timer | None = None
        self._path_edited = False
        self._last_job: PrintJob | None = None

    def compose_body(self) -> ComposeResult:
        with Horizontal(id="p-main"):
            with VerticalScroll(id="p-form", can_focus=False):
                yield Label("What to print", classes="field-label")
                with RadioSet(id="p-kind", compact=True):
                    for n, (kind, label) in enumerate(KINDS.items()):
                        yield MarkedRadioButton(label, value=n == 0, id=f"kind-{kind}")
                yield Label("Languages", classes="field-label")
                with RadioSet(id="p-langs", compact=True):
                    wanted = ",".join(self.session.settings.languages[:2])
                    for choice in self.language_choices():
                        yield MarkedRadioButton(
                            language_label(choice),
                            value=choice == wanted,
                            name=choice,
                            id=f"lang-{choice.replace(',', '-')}",
                        )
                yield MarkedCheckbox("Two-sided: a language per side", id="p-sides", compact=True)
                yield Label("Paper", classes="field-label")
                with RadioSet(id="p-paper", compact=True):
                    for n, paper in enumerate(PAPERS):
                        yield MarkedRadioButton(PAPER_NAMES[paper], value=n == 0, id=f"paper-{paper}")
                yield MarkedCheckbox("Large print", id="p-large", compact=True)
                yield MarkedCheckbox("Include “why it matters”", value=True, id="p-why", compact=True)
                yield MarkedCheckbox("Include “what you can do”", value=True, id="p-ways", compact=True)
                yield MarkedCheckbox("Include ICE's 287(g) line", value=True, id="p-ice", compact=True)
                yield MarkedCheckbox("Only promises still owed", id="p-owed", compact=True)
                yield Label("Promises as of (blank: the meeting's day)", classes="field-label")
                yield Input(
                    id="p-promises-as-of",
                    compact=True,
                    placeholder="the meeting's day",
                    validators=[Checked(parse_date, optional=True)],
                )
                yield Label("Speaker", classes="field-label")
                yield Select([], id="p-speaker", prompt="no speaker yet", compact=True)
                yield Label("As of (YYYY-MM-DD: overdue is judged on this day)", classes="field-label")
                yield Input(
                    self.session.today.isoformat(),
                    id="p-as-of",
                    compact=True,
                    validators=[Checked(parse_date)],
                )
                yield Label("Font (a .ttf file; blank: the workspace's)", classes="field-label")
                yield Input(id="p-font", compact=True, placeholder=self.font_placeholder())
                yield Label("Write to (a path inside the workspace, or a full path)", classes="field-label")
                yield Input(id="p-path", compact=True)
                yield PaneButton("Write (ctrl+s)", id="p-write", variant="primary")
            with VerticalScroll(id="p-status", can_focus=False):
                yield Static("", id="p-meeting")
                yield Static("", id="p-fit")
                yield Static("", id="p-note", classes="hint")

    def font_placeholder(self) -> str:
        return self.session.settings.font.strip() or "automatic (Helvetica or DejaVu Sans)"

    def language_choices(self) -> list[str]:
        langs = self.session.bank.languages() or ["en"]
        return [*langs, ",".join(langs[:2])] if len(langs) > 1 else langs

    # --- the job ---------------------------------------------------------------

    @property
    def meeting(self) -> Meeting | None:
        return self.session.current

    def refresh_view(self) -> None:
        meeting = self.meeting
        speakers = self.session.speakers(meeting) if meeting else []
        select = self.query_one("#p-speaker", Select)
        keep = select.value
        select.set_options([(Content(name), name) for name in speakers])
        if keep in speakers:
            select.value = keep
        elif speakers:
            select.value = speakers[0]
        self.query_one("#p-meeting", Static).update(
            f"For: {literal(self.session.label(meeting))}"
            if meeting
            else "No meeting yet: plan one in Meeting mode (2)."
        )
        self.call_after_refresh(self.changed)

    def langs_value(self) -> str:
        pressed = self.query_one("#p-langs", RadioSet).pressed_button
        return pressed.name or "" if pressed is not None else ""

    def kind(self) -> str:
        pressed = self.query_one("#p-kind", RadioSet).pressed_button
        return (pressed.id or "kind-handout").removeprefix("kind-") if pressed else "handout"

    def job(self) -> PrintJob | None:
        meeting = self.meeting
        if meeting is None:
            return None
        kind = self.kind()
        langs = tuple(x for x in self.langs_value().split(",") if x) or (meeting.language,)
        paper_button = self.query_one("#p-paper", RadioSet).pressed_button
        paper = (paper_button.id or "paper-letter").removeprefix("paper-") if paper_button else "letter"
        testimony = None
        if kind in ("speaker", "written"):
            speaker = self.query_one("#p-speaker", Select).value
            if speaker is Select.NULL:
                return PrintJob(kind, meeting, langs, paper)
            try:
                testimony = self.session.testimony(meeting.id, str(speaker))
            except MeetingkitError as error:
                self.mk.report(error)
        if kind in AS_OF_KINDS:
            return PrintJob(kind, meeting, langs, paper, as_of=self.as_of())
        font = self.query_one("#p-font", Input).value.strip()
        return PrintJob(
            kind,
            meeting,
            langs[:1] if kind == "promises" else langs,
            paper,
            self.query_one("#p-large", Checkbox).value,
            self.query_one("#p-why", Checkbox).value,
            self.query_one("#p-ways", Checkbox).value,
            testimony,
            as_of=self.promises_as_of() if kind == "promises" else None,
            sides=2 if self.two_sided_allowed() and self.query_one("#p-sides", Checkbox).value else 1,
            ice=self.query_one("#p-ice", Checkbox).value,
            owed_only=self.query_one("#p-owed", Checkbox).value,
            font=str(self.session.root / Path(font).expanduser()) if font else None,
        )

    def two_sided_allowed(self) -> bool:
        """Two sides carry one language each: only for the handout in two languages."""
        return self.kind() == "handout" and "," in self.langs_value()

    def as_of(self) -> date | None:
        """The day typed in "As of"; None while it is not a date (nothing is made then)."""
        return self.typed_day("#p-as-of")

    def promises_as_of(self) -> date | None:
        """The promises page's day; None (the meeting's day) while blank or not a date."""
        return self.typed_day("#p-promises-as-of")

    def typed_day(self, field: str) -> date | None:
        try:
            return parse_date(self.query_one(field, Input).value.strip())
        except Invalid:
            return None

    def wrong_day(self, job: PrintJob) -> str:
        """Why the job waits for a day typed as a date (empty: it does not)."""
        if job.kind in AS_OF_KINDS and job.as_of is None:
            return "Type the “as of” day as YYYY-MM-DD."
        typed = self.query_one("#p-promises-as-of", Input).value.strip()
        if job.kind == "promises" and typed and job.as_of is None:
            return "Type “promises as of” as YYYY-MM-DD, or leave it blank for the meeting's day."
        return ""

    def changed(self) -> None:
        """Options changed: update the file name, and check the fit shortly."""
        kind = self.kind()
        self.query_one("#p-speaker", Select).disabled = kind not in ("speaker", "written")
        for field in HANDOUT_ONLY:
            self.query_one(field).disabled = kind != "handout"
        for field in PROMISES_ONLY:
            self.query_one(field).disabled = kind != "promises"
        self.query_one("#p-sides").disabled = not self.two_sided_allowed()
        self.query_one("#p-as-of", Input).disabled = kind not in AS_OF_KINDS
        for field in ("#p-langs", "#p-paper", "#p-large", "#p-font"):
            self.query_one(field).disabled = kind in AS_OF_KINDS
        if not self.session.settings.ice:
            self.query_one("#p-ice").disabled = True
        job = self.job()
        if job is not None and not self._path_edited:
            with self.prevent(Input.Changed):
                folder = self.session.relative(default_folder(self.session))
                self.query_one("#p-path", Input).value = f"{folder}/{job.file_name()}"
        self.query_one("#p-note", Static).update(literal(self.note(job)))
        if self._timer is not None:
            self._timer.stop()
        self._timer = self.set_timer(CHECK_DELAY, self.action_check)

    def note(self, job: PrintJob | None) -> str:
        if job is None:
            return ""
        if job.kind == "promises" and "," in self.langs_value():
            return "The promises page is printed in one language: the first one chosen."
        if job.kind == "handout" and not self.session.settings.ice:
            return "ICE's 287(g) line is off in Settings (ice: false)."
        if job.kind in ("speaker", "written"):
            pending = [u for u in self.mk.unsaved() if u.startswith("testimony")]
            if pending:
                return "Unsaved testimony (" + "; ".join(pending) + "): the saved text is printed."
        return ""

    # --- events ----------------------------------------------------------------

    def on_radio_set_changed(self, event: RadioSet.Changed) -> None:
        self.changed()

    def on_checkbox_changed(self, event: Checkbox.Changed) -> None:
        self.changed()

    def on_select_changed(self, event: Select.Changed) -> None:
        self.changed()

    def on_input_changed(self, event: Input.Changed) -> None:
        if event.input.id in ("p-as-of", "p-promises-as-of", "p-font"):
            self.changed()
        else:
            self._path_edited = True

    def on_button_pressed(self, event: Button.Pressed) -> None:
        if event.button.id == "p-write":
            self.action_write()

    def on_fit_checked(self, message: FitChecked) -> None:
        if message.job != self._last_job:
            return
        fit = self.query_one("#p-fit", Static)
        fit.set_class(message.error is not None, "state-over")
        fit.set_class(message.error is None, "state-under")
        if message.error is not None:
            here = {"handout": HANDOUT_CUTS, "promises": PROMISES_CUTS}.get(message.job.kind, "")
            if isinstance(message.error, LanguageGaps):
                here = GAPS_HINT
            fit.update(f"✗ {literal(self.mk.shorten(str(message.error)))}\n\n{here}Nothing will be written.")
        elif message.printed is not None:
            notes = "".join(f"\n• Note: {literal(note)}" for note in message.printed.notes)
            fit.update(f"✓ {literal(message.printed.summary)}{notes}\nctrl+s writes it.")

    # --- actions ---------------------------------------------------------------

    def action_leave_field(self) -> None:
        self.query_one("#p-kind").focus()

    def action_check(self) -> None:
        self._timer = None
        job = self.job()
        fit = self.query_one("#p-fit", Static)
        if job is None:
            fit.update("")
            return
        self._last_job = job  # a check still running for other choices is answered for them, not shown
        if wrong := self.wrong_day(job):
            fit.update(f"✗ {wrong}")
            return
        fit.update("Checking whether it fits…")
        start_check(self, self.session, job)

    def action_write(self) -> None:
        job = self.job()
        if job is None:
            self.notify("Plan a meeting first: Meeting mode (2).", severity="warning")
            return
        if wrong := self.wrong_day(job):
            self.notify(wrong, severity="error")
            return
        text = self.query_one("#p-path", Input).value.strip()
        if not text:
            self.notify("Say where to write the PDF.", severity="error")
            return
        path = self.session.root / Path(text).expanduser()
        self.notify(f"Writing {path.name}…", markup=False)
        start_print(self, self.session, job, path)
