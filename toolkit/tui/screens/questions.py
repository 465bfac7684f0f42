"""Questions mode: browse the bank by topic, search as you type, read what each
question is for, put it on the current meeting's agenda and tailor its wording."""

from __future__ import annotations

from copy import deepcopy
from typing import TYPE_CHECKING, ClassVar

from textual import work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.content import Content
from textual.widgets import Button, Input, OptionList, Select, Static
from textual.widgets.option_list import Option

from ...bank import Tailored, entry_text, guidance, placeholder_values, tailor
from ...errors import MeetingkitError, one_line
from ...ice import ICE_QUESTION
from ...model import AgendaEntry, Meeting, Question
from ..markup import literal
from ..widgets.pane_button import PaneButton
from .base import ModeScreen
from .choice import Choice, Pick

if TYPE_CHECKING:
    from .ice_import import SheetToImport

ALL_TOPICS = "all"


def matches(question: Question, words: list[str], topic_label: str) -> bool:
    """Every word appears somewhere: id, topic, or any language's text and guidance."""
    haystack = " ".join(
        [question.id, question.topic, topic_label]
        + [f"{t.text} {t.why} {t.clear_answer} {' '.join(t.records)}" for t in question.texts.values()]
    ).casefold()
    return all(word in haystack for word in words)


def detail_text(
    question: Question, text: str, lang: str, status: str, missing: list[str], values: dict[str, str]
) -> str:
    """The question as it will be read, then its guidance with placeholders
    filled, as markup for one Static (far lighter than a Markdown widget)."""
    parts = [f"[b]{literal(text)}[/b]", status]
    if missing:
        names = ", ".join(f"{{{m}}}" for m in missing)
        parts.append(f"[$warning]Not filled yet: {literal(names)}. Set them in the settings (F3).[/]")
    for part in guidance(question, lang):
        lines = [literal(tailor(line, values).text) for line in part.lines]
        shown = "\n".join(f" • {line}" for line in lines) if part.is_list else lines[0]
        parts.append(f"[b $accent]{literal(part.heading)}[/]\n{shown}")
    return "\n\n".join(parts)


class QuestionsScreen(ModeScreen):
    MODE = "questions"
    AUTO_FOCUS = "#q-list"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding(
            "a",
            "toggle_agenda",
            "Add/remove",
            id="questions.toggle",
            tooltip="Add to or remove from the agenda",
        ),
        Binding("t", "tailor", "Tailor wording", id="questions.tailor"),
        Binding("slash", "search", "Search", id="questions.search"),
        Binding("l", "language", "Language", id="questions.language"),
        Binding("i", "import_ice", "Import ICE sheet", id="questions.ice_import"),
        Binding("g", "ice_list", "ICE's 287(g) list", id="questions.ice_list", show=False),
        Binding("escape", "leave_search", "Back to list", id="questions.back", show=False),
    ]
    HELP = """\
Pick the questions for the meeting you are working on (shown in the header;
ctrl+g picks another). The list is grouped by topic; a ● marks the questions
already on the agenda, with their place in it.

• Move with the arrow keys or the mouse; the right side shows the question
  with your agency's name filled in, why it matters, follow-ups, what a clear
  answer looks like, red flags, and which records to request if they won't answer.
• [b]a[/b] adds the question to the agenda, or takes it off.
• [b]t[/b] tailors the wording for this meeting, with a live preview.
• [b]/[/b] searches as you type (all languages); [b]escape[/b] goes back to the list.
• [b]l[/b] shows the other language.
• The 287(g) question shows what ICE's own list says about your agency, with the
  list's date. [b]i[/b] imports a newer sheet you downloaded from ice.gov (type the
  file's path, its date when the name has none, and whether it replaces another
  sheet of that day), as `meetingkit ice import` does.
"""

    def __init__(self) -> None:
        super().__init__()
        self.lang = "en"
        self.query_words: list[str] = []
        self.topic = ALL_TOPICS
        self.ice: str | None = None
        """ICE's list on the 287(g) question, for the workspace's agency (read in a worker)."""
        self._ice_read_at = -1

    def compose_body(self) -> ComposeResult:
        with Horizontal(id="q-main"):
            with Vertical(id="q-left"):
                yield Input(placeholder="Search questions (/)", id="q-search", compact=True)
                yield Select([], prompt="All topics", id="q-topic", allow_blank=True, compact=True)
                yield OptionList(id="q-list")
            with Vertical(id="q-right"):
                with VerticalScroll(id="q-detail"):
                    yield Static(id="q-body")
                with Horizontal(id="q-buttons"):
                    yield PaneButton("Add to agenda (a)", id="q-toggle", variant="primary")
                    yield PaneButton("Tailor wording (t)", id="q-tailor")
                    yield PaneButton("Language (l)", id="q-lang")

    def on_mount(self) -> None:
        self.fill_topics()

    def fill_topics(self) -> None:
        bank = self.session.bank
        select = self.query_one("#q-topic", Select)
        with self.prevent(Select.Changed):
            select.set_options([(bank.topic_label(t, self.lang), t) for t in bank.topics])
            if self.topic != ALL_TOPICS:
                select.value = self.topic

    # --- drawing ---------------------------------------------------------------

    @property
    def meeting(self) -> Meeting | None:
        return self.session.current

    def refresh_view(self) -> None:
        if self._ice_read_at != self.session.version:
            self._ice_read_at = self.session.version
            self.read_ice()
        self.fill_list()

    @work(thread=True, group="ice", exclusive=True, exit_on_error=False)
    def read_ice(self) -> None:
        """Match the agency on ICE's newest sheets (the snapshot or an import): off the event loop."""
        session = self.session
        try:
            line = session.ice_line()
        except MeetingkitError as error:
            self.app.call_from_thread(self.mk.report, error, "ICE's list not read")
            return
        self.app.call_from_thread(self.show_ice, line)

    def show_ice(self, line: str | None) -> None:
        self.ice = line
        if self.highlighted_id() == ICE_QUESTION:
            self.show_detail()

    def visible_questions(self) -> list[Question]:
        bank = self.session.bank
        shown = []
        for question in bank.questions.values():
            if self.topic != ALL_TOPICS and question.topic != self.topic:
                continue
            if matches(question, self.query_words, bank.topic_label(question.topic, self.lang)):
                shown.append(question)
        order = list(bank.topics)
        return sorted(shown, key=lambda q: order.index(q.topic) if q.topic in order else len(order))

    def fill_list(self, keep: str | None = None) -> None:
        listing = self.query_one("#q-list", OptionList)
        keep = keep or self.highlighted_id()
        bank = self.session.bank
        agenda = [e.question for e in self.meeting.agenda] if self.meeting else []
        options: list[Option] = []
        topic = None
        for question in self.visible_questions():
            if question.topic != topic:
                topic = question.topic
                options.append(
                    Option(Content.styled(bank.topic_label(topic, self.lang), "bold"), disabled=True)
                )
            text = self.wording(question).text
            mark = f"●{agenda.index(question.id) + 1} " if question.id in agenda else "○  "
            options.append(Option(Content(f"{mark}{text}"), id=question.id))
        listing.clear_options()
        listing.add_options(options)
        if not any(o.id for o in options):
            self.query_one("#q-body", Static).update("No question matches. Press escape to clear the search.")
            return
        ids = [o.id for o in options]
        listing.highlighted = (
            ids.index(keep) if keep and keep in ids else next(i for i, o in enumerate(options) if o.id)
        )
        self.show_detail()

    def highlighted_id(self) -> str | None:
        listing = self.query_one("#q-list", OptionList)
        if listing.highlighted is None:
            return None
        return listing.get_option_at_index(listing.highlighted).id

    def show_detail(self) -> None:
        qid = self.highlighted_id()
        if qid is None:
            return
        session = self.session
        question = session.bank.questions[qid]
        meeting = self.meeting
        values = placeholder_values(session.settings, meeting, self.lang)
        entry = self.entry(qid)
        tailored = self.wording(question)
        if meeting is None:
            status = "[i]No meeting yet: plan one in Meeting mode (2) to build an agenda.[/i]"
        elif entry is not None:
            number = meeting.agenda.index(entry) + 1
            who = f", asked by {literal(entry.speaker)}" if entry.speaker else ""
            wording = " in your own wording" if entry.text else ""
            status = f"[b $success]✓ On the agenda[/] as question {number}{who}{wording}."
        else:
            status = "[i]Not on the agenda of this meeting. Press a to add it.[/i]"
        topic = session.bank.topic_label(question.topic, self.lang)
        status += f"\n[dim]{literal(topic)} · id {question.id}[/dim]"
        if qid == ICE_QUESTION and self.ice:
            status += f"\n\n[b $warning]{literal(self.ice)}[/]"
        self.query_one("#q-body", Static).update(
            detail_text(question, tailored.text, self.lang, status, tailored.missing, values)
        )
        self.query_one("#q-toggle", Button).label = (
            "Remove from agenda (a)" if entry is not None else "Add to agenda (a)"
        )

    def wording(self, question: Question) -> Tailored:
        """The question as it reads in the shown language: this meeting's own
        wording if it was tailored, else the bank's, placeholders filled."""
        meeting = self.meeting
        values = placeholder_values(self.session.settings, meeting, self.lang)
        lang = self.lang if self.lang in question.texts else next(iter(question.texts))
        language = meeting.language if meeting else "en"
        return entry_text(question, lang, values, self.entry(question.id), language)

    def entry(self, qid: str) -> AgendaEntry | None:
        meeting = self.meeting
        return next((e for e in meeting.agenda if e.question == qid), None) if meeting else None

    # --- events ----------------------------------------------------------------

    def on_option_list_option_highlighted(self, event: OptionList.OptionHighlighted) -> None:
        self.show_detail()

    def on_input_changed(self, event: Input.Changed) -> None:
        self.query_words = event.value.casefold().split()
        self.fill_list()

    def on_input_submitted(self, event: Input.Submitted) -> None:
        self.query_one("#q-list").focus()

    def on_select_changed(self, event: Select.Changed) -> None:
        self.topic = ALL_TOPICS if event.value is Select.NULL else str(event.value)
        self.fill_list()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        actions = {
            "q-toggle": self.action_toggle_agenda,
            "q-tailor": self.action_tailor,
            "q-lang": self.action_language,
        }
        if event.button.id in actions:
            actions[event.button.id]()

    # --- actions ---------------------------------------------------------------

    def action_search(self) -> None:
        self.query_one("#q-search", Input).focus()

    def action_leave_search(self) -> None:
        search = self.query_one("#q-search", Input)
        if search.value:
            search.value = ""
        self.query_one("#q-list").focus()

    def action_language(self) -> None:
        langs = self.session.bank.languages()
        self.lang = langs[(langs.index(self.lang) + 1) % len(langs)] if self.lang in langs else langs[0]
        self.fill_topics()
        self.fill_list()

    def action_show_question(self, qid: str) -> None:
        self.query_one("#q-search", Input).value = ""
        self.query_words = []
        self.query_one("#q-topic", Select).clear()
        self.topic = ALL_TOPICS
        self.fill_list(keep=qid)
        self.query_one("#q-list").focus()

    def _no_meeting(self) -> bool:
        if self.meeting is None:
            self.notify("Plan a meeting first: Meeting mode (2), then n.", severity="warning")
            return True
        return False

    def action_toggle_agenda(self) -> None:
        qid = self.highlighted_id()
        if qid is None or self._no_meeting():
            return
        entry = self.entry(qid)
        if entry is not None and (entry.text or entry.speaker):
            self.app.push_screen(
                Choice(
                    "Take it off the agenda?",
                    "This question has your own wording or a speaker; taking it off drops them.",
                    [Pick("y", "Take it off", "yes", "error"), Pick("n", "Keep it", "no", "primary")],
                ),
                lambda choice: self.toggle(qid) if choice == "yes" else None,
            )
            return
        self.toggle(qid)

    def toggle(self, qid: str) -> None:
        meeting = deepcopy(self.meeting)
        assert meeting is not None
        if any(e.question == qid for e in meeting.agenda):
            meeting.agenda = [e for e in meeting.agenda if e.question != qid]
            done = "Taken off the agenda."
        else:
            meeting.agenda.append(AgendaEntry(question=qid))
            done = f"Added as question {len(meeting.agenda)}."
        self.save_meeting(meeting, done)

    def action_tailor(self) -> None:
        from .tailor import TailorScreen

        qid = self.highlighted_id()
        if qid is None or self._no_meeting():
            return
        assert self.meeting is not None
        self.app.push_screen(
            TailorScreen(self.session, self.meeting, self.session.bank.questions[qid]), self.tailored
        )

    def tailored(self, meeting: Meeting | None) -> None:
        if meeting is not None:
            self.save_meeting(meeting, "Wording saved for this meeting.")

    def action_import_ice(self) -> None:
        from .ice_import import IceImportForm

        self.app.push_screen(IceImportForm(), self.typed_sheet)

    def action_ice_list(self) -> None:
        from .ice_list import IceListScreen

        self.app.push_screen(IceListScreen(self.session))

    def typed_sheet(self, sheet: SheetToImport | None) -> None:
        if sheet is not None:
            self.import_ice(sheet)

    @work(thread=True, group="ice-import", exit_on_error=False)
    def import_ice(self, sheet: SheetToImport) -> None:
        """Read and save the sheet in a worker (a large sheet takes a moment, the lock may wait)."""
        session = self.session
        try:
            done = session.import_sheet(sheet.path, sheet.as_of, replace=sheet.replace)
            line = session.ice_line()
        except MeetingkitError as error:
            self.app.call_from_thread(self.mk.report, error, "Not imported")
            return
        older = (
            f" A newer sheet ({done.newer.isoformat()}) is already imported and is the one used."
            if done.newer
            else ""
        )
        self.app.call_from_thread(
            self.notify,
            f"{done.outcome.capitalize()}: {one_line(done.what)} → {session.relative(done.path)}.{older}",
            title="ICE's list",
            markup=False,
        )
        self.app.call_from_thread(self.show_ice, line)
