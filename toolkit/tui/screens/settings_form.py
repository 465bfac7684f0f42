"""The workspace settings: who you are and whom you ask, which fill the
``{agency}``-style placeholders in every question and the handout's footer."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.widgets import Input, Static

from ...model import LANGUAGES, Settings
from ..session import Session
from ..validators import Checked, parse_wpm
from .form import FormScreen, field

TEXT_FIELDS = (
    ("group", "Your group's name (printed on handouts)", "Alder County Immigrant Rights Network"),
    ("agency", "The agency you ask about: fills {agency}", "the Alder County Sheriff's Office"),
    ("jurisdiction", "Town or county: fills {jurisdiction}", "Alder County"),
    ("state", "State: fills {state}", "Texas"),
    ("body", "The council or board you speak to: fills {body}", "Alder County Board of Commissioners"),
    ("website", "Website, printed as a QR code", "https://example.org"),
    ("contact", "Contact line on handouts", "info@example.org · (555) 010-0199"),
)


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
        if not self.mk.attempt(lambda: self.session.ws.save_settings(updated), self._reload):
            return None
        self.session.settings = updated
        self.session.version += 1
        self.notify("Settings saved.")
        return updated

    def _reload(self) -> None:
        self.mk.action_reload()
        self.dismiss(None)
