"""Tailor one question's wording for one meeting, with a live preview of the
placeholders filled in; a placeholder with no value stays visible and is named."""

from __future__ import annotations

from copy import deepcopy

from textual.app import ComposeResult
from textual.widgets import Button, Static, TextArea

from ...actions.session import Session
from ...bank import placeholder_values, tailor
from ...model import AgendaEntry, Meeting, Question, text_in, with_text
from .form import FormScreen, field


class TailorScreen(FormScreen[Meeting]):
    """Dismisses with a changed copy of the meeting (not yet saved)."""

    TITLE_TEXT = "Tailor the wording for this meeting"

    def __init__(self, session: Session, meeting: Meeting, question: Question) -> None:
        super().__init__()
        self.meeting = meeting
        self.question = question
        lang = meeting.language if meeting.language in question.texts else next(iter(question.texts))
        self.bank_text = question.texts[lang].text
        self.values = placeholder_values(session.settings, meeting, meeting.language)
        entry = next((e for e in meeting.agenda if e.question == question.id), None)
        tailored = entry.text if entry is not None else ""
        self.start_text = text_in(tailored, meeting.language, meeting.language) or self.bank_text
        others = [x for x in session.settings.languages if x != meeting.language and x in question.texts]
        self.others = {x: text_in(tailored, x, meeting.language) or question.texts[x].text for x in others}
        """The other languages' wording: a bilingual handout prints each beside the meeting's."""

    def compose_fields(self) -> ComposeResult:
        yield Static(f"The bank's wording ({self.question.id}):", classes="field-label")
        yield Static(self.bank_text, classes="hint", markup=False)
        yield from field(
            "Your wording: keep {agency}-style placeholders or write the names out",
            TextArea(self.start_text, id="tailor-text", soft_wrap=True),
        )
        for lang, text in self.others.items():
            yield from field(
                f"The same question in {lang} (printed beside it on a bilingual handout)",
                TextArea(text, id=f"tailor-text-{lang}", soft_wrap=True),
            )
        yield Static("What the speaker will read:", classes="field-label")
        yield Static("", id="tailor-preview", markup=False)
        yield Static("", id="tailor-missing", classes="field-error")
        yield Button("Use the bank's wording", id="tailor-reset", compact=True)

    def on_mount(self) -> None:
        super().on_mount()
        self.preview()

    def on_text_area_changed(self, event: TextArea.Changed) -> None:
        self.preview()

    def preview(self) -> None:
        result = tailor(self.query_one("#tailor-text", TextArea).text, self.values)
        self.query_one("#tailor-preview", Static).update(result.text)
        names = ", ".join(f"{{{m}}}" for m in result.missing)
        self.query_one("#tailor-missing", Static).update(
            f"No value yet for {names}: fill it in the settings (F3) or write it out." if names else ""
        )

    def on_button_pressed(self, event: Button.Pressed) -> None:
        if event.button.id == "tailor-reset":
            event.stop()
            self.query_one("#tailor-text", TextArea).text = self.bank_text
            return
        super().on_button_pressed(event)

    def submit(self) -> Meeting | None:
        text = self.query_one("#tailor-text", TextArea).text.strip()
        if not text:
            self.notify("The wording is empty; use the bank's wording instead.", severity="error")
            return None
        meeting = deepcopy(self.meeting)
        entry = next((e for e in meeting.agenda if e.question == self.question.id), None)
        if entry is None:
            entry = AgendaEntry(question=self.question.id)
            meeting.agenda.append(entry)
        home = meeting.language
        value = with_text("", home, home, "" if text == self.bank_text.strip() else text)
        for lang in self.others:
            other = self.query_one(f"#tailor-text-{lang}", TextArea).text.strip()
            bank = self.question.texts[lang].text.strip()
            value = with_text(value, lang, home, "" if other == bank else other)
        entry.text = value
        return meeting
