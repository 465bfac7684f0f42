"""Answers mode: after the meeting, go down the agenda and log each question
fast (how it was answered, by whom, what was said, where it is on the record),
and any promise made, in the same place. Uses the tracker's own functions.

Leaving a question with changes saves it; the form is also autosaved every
few seconds while you type, so a crash loses seconds.
"""

from __future__ import annotations

from copy import deepcopy
from typing import ClassVar

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.suggester import SuggestFromList
from textual.widgets import Button, DataTable, Input, Label, Select, Static, TextArea

from ...bank import entry_text, placeholder_values
from ...errors import FileProblem, MeetingkitError
from ...model import ANSWER_STATUSES, Answer, Meeting, Promise
from ...tracker import due_text, log_answer
from ..markup import literal
from ..saving import SaveJob
from ..widgets.autosaver import Autosaver
from ..widgets.pane_button import PaneButton
from .base import ModeScreen
from .promise_form import Promised

FIELDS = ("status", "official", "said", "source", "notes")
STATUS_KEYS = {"answered": "a", "partial": "p", "deflected": "d", "declined": "x", "not-asked": "n"}
STATUS_STYLE = {"answered": "green", "partial": "yellow", "deflected": "red", "declined": "red"}


def status_cell(status: str) -> Text:
    return Text(status.replace("-", " ") or "—", style=STATUS_STYLE.get(status, "dim"))


def fields_of(answer: Answer) -> dict[str, str]:
    return {name: getattr(answer, name) for name in FIELDS}


class AnswersScreen(ModeScreen):
    MODE = "answers"
    AUTO_FOCUS = "#a-agenda"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("ctrl+s", "save", "Save & next", id="answers.save"),
        Binding("ctrl+n", "promise", "Add promise", id="answers.promise"),
        *(
            Binding(
                key,
                f"status('{status}')",
                status.replace("-", " ").capitalize(),
                id=f"answers.{status}",
                show=False,
            )
            for status, key in STATUS_KEYS.items()
        ),
        Binding("escape", "back", "Back to agenda", id="answers.back", show=False),
    ]
    HELP = """\
After the meeting, log what happened to each question on the agenda of the
meeting you work on (ctrl+g picks another).

• In the agenda on the left, one key sets how a question was answered and
  moves you to the form: [b]a[/b] answered, [b]p[/b] partly, [b]d[/b] deflected,
  [b]x[/b] declined, [b]n[/b] not asked.
• Fill in who answered (known officials are suggested: → completes), what was
  said (a quote or a paraphrase), and where it is on the record (minutes link,
  video time). Private notes are never printed unless you ask.
• [b]ctrl+s[/b] saves and goes to the next question; [b]escape[/b] goes back to the
  agenda. Moving to another question also saves.
• [b]ctrl+n[/b] records a promise made in this answer: what, who, by when.
  Follow it in Promises mode (5).
"""

    def __init__(self) -> None:
        super().__init__()
        self.question_id: str | None = None
        self.loaded: Answer | None = None
        self.autosaver: Autosaver | None = None
        self.refused_base: dict[tuple[str, str], Answer] = {}
        """For an answer whose save was refused: what that save was an edit of, so the
        next save (after a reload, or to try again) merges against the file as it was."""

    def compose_body(self) -> ComposeResult:
        with Horizontal(id="a-main"):
            with Vertical(id="a-left"):
                yield Static("", id="a-title", classes="pane-title")
                yield DataTable(id="a-agenda", cursor_type="row", zebra_stripes=True)
                yield Static(
                    "a answered · p partly · d deflected · x declined · n not asked",
                    classes="hint",
                    id="a-keys",
                )
            with VerticalScroll(id="a-form", can_focus=False):
                yield Static("", id="a-question")
                yield Label("How was it answered?", classes="field-label")
                yield Select(
                    [(s.replace("-", " "), s) for s in ANSWER_STATUSES],
                    id="a-status",
                    prompt="choose",
                    compact=True,
                )
                yield Label("Who answered", classes="field-label")
                yield Input(id="a-official", placeholder="title and name", compact=True)
                yield Label("What was said (quote or paraphrase)", classes="field-label")
                yield TextArea(id="a-said", soft_wrap=True, compact=True)
                yield Label("Where it is on the record (minutes link, video time)", classes="field-label")
                yield Input(id="a-source", placeholder="e.g. video at 1:12:40", compact=True)
                yield Label("Private notes (never printed unless asked for)", classes="field-label")
                yield TextArea(id="a-notes", soft_wrap=True, compact=True)
                with Horizontal(classes="pane-buttons"):
                    yield PaneButton("Save & next (ctrl+s)", id="a-save", variant="primary")
                    yield PaneButton("Add promise (ctrl+n)", id="a-promise")
                yield Static("", id="a-promises")

    def on_mount(self) -> None:
        table = self.query_one("#a-agenda", DataTable)
        # The question's id last: at 80 columns it is what gets cut, not the answer.
        table.add_column("#", key="number")
        table.add_column("Answer", key="answer")
        table.add_column("Promises", key="promises")
        table.add_column("Question", key="question")
        self.query_one("#a-agenda", DataTable).tooltip = "a p d x n set the answer; ctrl+s saves"

    # --- drawing ---------------------------------------------------------------

    @property
    def meeting(self) -> Meeting | None:
        return self.session.current

    def refresh_view(self) -> None:
        meeting = self.meeting
        table = self.query_one("#a-agenda", DataTable)
        table.clear()
        title = self.query_one("#a-title", Static)
        if meeting is None:
            title.update("No meeting yet")
            self.load(None)
            return
        held = "" if meeting.date <= self.session.today else " (not held yet)"
        title.update(f"Agenda of {meeting.date.isoformat()}{held}")
        answers = self.session.answers_of(meeting.id)
        for n, entry in enumerate(meeting.agenda, 1):
            answer = answers.get(entry.question)
            status = answer.status if answer else ""
            promises = str(len(answer.promises)) if answer and answer.promises else ""
            broken = self.session.broken_answer(meeting.id, entry.question) is not None
            cell = Text("⚠ broken", style="bold red") if broken else status_cell(status)
            table.add_row(str(n), cell, promises, Text(entry.question), key=entry.question)
        ids = [e.question for e in meeting.agenda]
        if self.question_id in ids:
            table.move_cursor(row=ids.index(self.question_id))
            self.load(self.question_id)
        else:
            self.load(ids[0] if ids else None)

    def load(self, question_id: str | None) -> None:
        """Show one question's answer in the form."""
        meeting = self.meeting
        self.question_id = question_id
        heading = self.query_one("#a-question", Static)
        if meeting is None or question_id is None:
            self.loaded = None
            self.autosaver = None
            heading.update("Nothing to log: add questions to the agenda first (Questions mode, 1).")
            self.fill({name: "" for name in FIELDS})
            self.query_one("#a-promises", Static).update("")
            return
        broken = self.session.broken_answer(meeting.id, question_id)
        for widget in self.query("#a-form Select, #a-form Input, #a-form TextArea"):
            widget.disabled = broken is not None  # typing there could only overwrite the file
        if broken is not None:
            self.loaded = None
            self.autosaver = None
            heading.update(f"{self.question_heading(meeting, question_id)}\n\n{self.broken_text(broken)}")
            self.fill({name: "" for name in FIELDS})
            self.query_one("#a-promises", Static).update("")
            return
        answer = deepcopy(self.session.answer_for(meeting.id, question_id))
        self.loaded = answer
        heading.update(self.question_heading(meeting, question_id))
        self.fill(fields_of(answer))
        self.show_promises(answer)
        self.autosaver = Autosaver(
            self,
            self.session.autosave,
            ("answer", meeting.id, question_id),
            self.form_fields,
            lambda: self.loaded.revision if self.loaded else None,
        )
        self.autosaver.offer(fields_of(answer), lambda fields, _rev: self.fill(fields))

    def question_heading(self, meeting: Meeting, question_id: str) -> str:
        question = self.session.bank.questions.get(question_id)
        entry = next(e for e in meeting.agenda if e.question == question_id)
        number = meeting.agenda.index(entry) + 1
        if question is None:
            return f"[b]{number}. {question_id}[/b] (not in any question bank)"
        values = placeholder_values(self.session.settings, meeting, meeting.language)
        lang = meeting.language if meeting.language in question.texts else next(iter(question.texts))
        text = entry_text(question, lang, values, entry, meeting.language).text
        who = f" — asked by {literal(entry.speaker)}" if entry.speaker else ""
        return f"[b]{number}. {literal(text)}[/b]{who}"

    def broken_text(self, problem: FileProblem) -> str:
        """Where the answer's file is and what is wrong with it: never shown as unanswered."""
        where = literal(self.session.relative(problem.path))
        line = f", line {problem.line}" if problem.line else ""
        return (
            f"[b $error]⚠ This answer's file cannot be read[/]: {where}{line}: {literal(problem.message)}\n"
            "It is left out of the report and the handouts until it is fixed. Fix it in any "
            "editor, then press F5 to read it again (F4 lists every problem)."
        )

    def show_promises(self, answer: Answer) -> None:
        if not answer.promises:
            text = "No promises recorded for this question."
        else:
            lines = ["[b]Promises made here[/b]"]
            for p in answer.promises:
                who = f" — {literal(p.official)}" if p.official else ""
                lines.append(f"• {literal(p.what)}{who} · due {due_text(p)} · {p.status}")
            text = "\n".join(lines)
        self.query_one("#a-promises", Static).update(text)

    def fill(self, fields: dict[str, str]) -> None:
        with self.prevent(Input.Changed, TextArea.Changed, Select.Changed):
            status = fields.get("status", "")
            select = self.query_one("#a-status", Select)
            if status in ANSWER_STATUSES:
                select.value = status
            else:
                select.clear()
            self.query_one("#a-official", Input).value = fields.get("official", "")
            self.query_one("#a-said", TextArea).load_text(fields.get("said", ""))
            self.query_one("#a-source", Input).value = fields.get("source", "")
            self.query_one("#a-notes", TextArea).load_text(fields.get("notes", ""))
        known = self.known_officials()
        official = self.query_one("#a-official", Input)
        official.suggester = SuggestFromList(known, case_sensitive=False)
        official.placeholder = f"title and name, e.g. {known[0]}" if known else "title and name"

    def known_officials(self) -> list[str]:
        names = [f"{o.title} {o.name}".strip() for o in self.session.settings.officials]
        names += [a.official for a in self.session.answers if a.official]
        return list(dict.fromkeys(names))

    def form_fields(self) -> dict[str, str]:
        status = self.query_one("#a-status", Select).value
        return {
            "status": "" if status is Select.NULL else str(status),
            "official": self.query_one("#a-official", Input).value.strip(),
            "said": self.query_one("#a-said", TextArea).text.strip(),
            "source": self.query_one("#a-source", Input).value.strip(),
            "notes": self.query_one("#a-notes", TextArea).text.strip(),
        }

    def dirty(self) -> bool:
        return self.loaded is not None and self.form_fields() != fields_of(self.loaded)

    # --- events ----------------------------------------------------------------

    def on_data_table_row_highlighted(self, event: DataTable.RowHighlighted) -> None:
        qid = event.row_key.value
        if qid is None or qid == self.question_id or event.cursor_row != event.data_table.cursor_row:
            return
        if self.dirty() and not self.save():
            return
        self.load(qid)

    def on_input_changed(self, event: Input.Changed) -> None:
        self.changed()

    def on_text_area_changed(self, event: TextArea.Changed) -> None:
        self.changed()

    def on_select_changed(self, event: Select.Changed) -> None:
        self.changed()

    def changed(self) -> None:
        if self.autosaver is not None:
            self.autosaver.touch()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        if event.button.id == "a-save":
            self.action_save()
        elif event.button.id == "a-promise":
            self.action_promise()

    # --- actions ---------------------------------------------------------------

    def action_status(self, status: str) -> None:
        if self.loaded is None:
            return
        self.query_one("#a-status", Select).value = status
        official = self.query_one("#a-official", Input)
        if not official.value:
            official.value = self.last_official()
        official.focus()

    def last_official(self) -> str:
        """Who answered the question before, a good guess for this one."""
        meeting = self.meeting
        if meeting is None or self.question_id is None:
            return ""
        answers = self.session.answers_of(meeting.id)
        ids = [e.question for e in meeting.agenda]
        for qid in reversed(ids[: ids.index(self.question_id)]):
            answer = answers.get(qid)
            if answer is not None and answer.official:
                return answer.official
        return ""

    def action_back(self) -> None:
        self.query_one("#a-agenda").focus()

    def action_save(self) -> None:
        if self.loaded is None:
            return
        meeting = self.meeting
        refused = meeting is not None and (meeting.id, self.question_id) in self.refused_base
        if (not self.dirty() and not refused) or self.save():
            self.next_question()

    def next_question(self) -> None:
        table = self.query_one("#a-agenda", DataTable)
        if table.cursor_row < table.row_count - 1:
            table.move_cursor(row=table.cursor_row + 1)
        else:
            self.notify("That was the last question. Follow the promises in Promises mode (5).")
        table.focus()

    def answer_from_form(self) -> Answer | None:
        """The loaded answer with the form applied, or None (and a reason) if it cannot be."""
        assert self.loaded is not None
        fields = self.form_fields()
        answer = deepcopy(self.loaded)
        if not fields["status"]:
            if any(fields[name] for name in FIELDS[1:]):
                self.notify("Choose how it was answered first (a, p, d, x or n).", severity="error")
                return None
            return answer
        log_answer(
            answer, fields["status"], fields["official"], fields["said"], fields["source"], fields["notes"]
        )
        return answer

    def save(self) -> bool:
        """Write the form's answer in the background; False if the form cannot be saved as it is."""
        answer = self.answer_from_form()
        if answer is None:
            return False
        self.store(answer)
        return True

    def store(self, answer: Answer) -> None:
        """Show ``answer`` as saved at once and write it in a worker, merged with whatever
        others saved to the file meanwhile (their changes then come back into the form)."""
        assert self.loaded is not None
        key = (answer.meeting, answer.question)
        base, submitted = self.refused_base.pop(key, self.loaded), self.form_fields()
        self.loaded = deepcopy(answer)
        self.session.put_answer(answer)
        self._seen_version = self.session.version
        self.redraw_row(answer)
        self.show_promises(answer)
        what = f"the answer to {answer.question} at {answer.meeting}"
        autosaver = self.autosaver
        if autosaver is not None:
            autosaver.hold(submitted)

        def still_shown() -> bool:
            return self.loaded == answer and self.question_id == answer.question

        def saved(result: Answer) -> None:
            if autosaver is not None and (autosaver is not self.autosaver or self.form_fields() == submitted):
                autosaver.clear()
            if result != answer and self.session.answer_for(answer.meeting, answer.question) == answer:
                self.took_merged(result, submitted if still_shown() else None)

        def refused() -> None:
            """The file keeps what it had; the form keeps what was typed (listed as not saved)."""
            self.refused_base[key] = base
            self.session.put_answer(base)
            self._seen_version = self.session.version
            self.redraw_row(base)

        self.mk.saver.save(
            SaveJob(
                what,
                lambda: self.session.write_answer(answer, base),
                done=saved,
                reload=lambda: self.reload(answer),
                failed=refused,
            )
        )

    def took_merged(self, result: Answer, submitted: dict[str, str] | None) -> None:
        """What others saved meanwhile was merged in: hold it, and show it in the form
        (``submitted``: what the form held when saved; None when it shows another question)
        unless the person typed on."""
        self.session.put_answer(result)
        self._seen_version = self.session.version
        self.redraw_row(result)
        if submitted is not None:
            self.loaded = deepcopy(result)
            if self.form_fields() == submitted and submitted != fields_of(result):
                self.fill(fields_of(result))
            self.show_promises(result)
        self.notify(
            "This answer was also changed elsewhere (the command line, another organizer) "
            "since you opened it: their changes and yours are both saved.",
            title="Merged",
        )

    def redraw_row(self, answer: Answer) -> None:
        table = self.query_one("#a-agenda", DataTable)
        table.update_cell(answer.question, "answer", status_cell(answer.status))
        table.update_cell(answer.question, "promises", str(len(answer.promises)) if answer.promises else "")

    def reload(self, answer: Answer) -> None:
        """Take the file as it is on disk and show it; the typed version stays in the autosave."""
        self.refused_base.pop((answer.meeting, answer.question), None)
        if self.autosaver is not None and self.question_id == answer.question:
            self.autosaver.flush()
        try:
            self.session.reload_answer(answer.meeting, answer.question)
        except MeetingkitError as error:
            self.mk.report(error)
            return
        self.question_id = answer.question  # shown again, whichever question the form is on
        self._seen_version = -1
        self.sync()

    def unsaved(self) -> list[str]:
        return [f"the answer to {self.question_id}"] if self.dirty() else []

    def save_all(self) -> bool:
        return not self.dirty() or self.save()

    def action_promise(self) -> None:
        from .promise_form import PromiseForm

        if self.loaded is None or self.meeting is None:
            self.notify("Choose a question on the agenda first.", severity="warning")
            return
        official = self.query_one("#a-official", Input).value.strip()
        self.app.push_screen(PromiseForm(official, self.known_officials(), self.meeting.date), self.promised)

    def promised(self, result: Promised | None) -> None:
        meeting = self.meeting
        if result is None or meeting is None:
            return
        if self.dirty() and not self.save():
            return
        qid = self.question_id
        assert qid is not None
        session = self.session

        def recorded(made: tuple[Promise, Answer]) -> None:
            promise, saved = made
            session.take_answer(meeting.id, qid, saved)
            if self.question_id == qid and not self.dirty():
                self.loaded = deepcopy(saved)
                self._seen_version = session.version
                self.redraw_row(saved)
                self.show_promises(saved)
            self.notify(f"Promise recorded ({promise.id}).", markup=False)

        self.mk.saver.save(
            SaveJob(
                f"the promise “{result.what}” ({qid})",
                lambda: session.add_promise(
                    meeting.id, qid, result.what, result.due, result.who, result.note, on=result.on
                ),
                done=recorded,
            )
        )
        self.action_back()
