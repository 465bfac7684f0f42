"""The workspace settings: who you are and whom you ask, which fill the
``{agency}``-style placeholders in every question and the handout's footer."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.widgets import Input, Static

from ...actions.session import Session
from ...model import LANGUAGES, Settings
from ..validators import Checked, parse_wpm
from .form import FormScreen, field

TEXT_FIELDS = (
    ("group", "Your group's name (printed on handouts)", "e.g. the name on your flyers"),
    ("agency", "The agency you ask about: fills {agency}", "e.g. the county sheriff's office"),
    ("jurisdiction", "Town or county: fills {jurisdiction}", "e.g. the county's or the town's name"),
    ("state", "State: fills {state}", "e.g. the state's full name"),
    ("body", "The council or board you speak to: fills {body}", "e.g. the county board or city council"),
    ("website", "Website, printed as a QR code", "https://…"),
    ("contact", "Contact line on handouts", "e.g. an email address or a phone number"),
)
"""Placeholders say what goes in a field, never a value that could pass for one:
an example county's name in a real workspace reads as if it were already set."""


class SettingsForm(FormScreen[Settings]):
    TITLE_TEXT = "Workspace settings"

    def __init__(self, session: Session) -> None:
        super().__init__()
        self.session = session

    def compose_fields(self) -> ComposeResult:
        s = self.session.settings
        yield Static(
            "Who you are and whom you ask. These fill the {agency}-style blanks in every "
            "question and the handout's footer. Fill in what you know; F3 opens this again.",
            classes="hint",
            markup=False,
        )
        for name, label, example in TEXT_FIELDS:
            yield from field(label, Input(getattr(s, name), placeholder=example, id=f"set-{name}"))
        yield from field(
            "Languages for handouts (en, es or both)",
            Input(", ".join(s.languages), placeholder="en, es", id="set-languages"),
        )
        yield from field(
            "Speaking rate, words per minute (most people: 120-150)",
            Input(str(s.wpm), id="set-wpm", validators=[Checked(parse_wpm)]),
        )

    def submit(self) -> Settings | None:
        values = {name: self.query_one(f"#set-{name}", Input).value.strip() for name, _, _ in TEXT_FIELDS}
        langs = [x.strip() for x in self.query_one("#set-languages", Input).value.split(",") if x.strip()]
        wrong = [x for x in langs if x not in LANGUAGES]
        if wrong or not langs:
            self.notify(f"Languages must be among {', '.join(LANGUAGES)}.", severity="error")
            return None
        updated = self.session.settings.evolve(
            **values,
            languages=langs,
            wpm=parse_wpm(self.query_one("#set-wpm", Input).value),
        )
        if not self.mk.attempt(lambda: self.session.save_settings(updated), self._reload):
            return None
        self.notify("Settings saved.")
        return updated

    def _reload(self) -> None:
        self.mk.action_reload()
        self.dismiss(None)
