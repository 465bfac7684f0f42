"""One official the workspace asks (added or changed from the settings form):
their name, title and the role the bank's questions are asked of.

The dialog checks the official against the others (a name listed twice would
make answers ambiguous) and hands back the whole list; the settings form
writes it with the rest of the settings when it is saved."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.widgets import Input, Select, Static

from ... import codec
from ...actions.settings import with_official
from ...bank import ROLE_NAMES, role_name
from ...errors import UsageError
from ...model import Official
from ..markup import literal
from ..validators import Checked
from .form import FormScreen, field

NO_ROLE = ""


def parse_title(value: str) -> str:
    return codec.field(Official, "title", value)


class OfficialForm(FormScreen[list[Official]]):
    """Dismisses with the officials, ``official`` added or changed."""

    def __init__(self, officials: list[Official], official: Official | None, roles: list[str]) -> None:
        super().__init__()
        self.TITLE_TEXT = literal(f"Change {official.name}") if official else "Add an official"
        self.officials = officials
        self.official = official
        self.roles = list(dict.fromkeys([*ROLE_NAMES, *roles, *([official.role] if official else [])]))

    def compose_fields(self) -> ComposeResult:
        o = self.official or Official(name="")
        yield from field("Full name", Input(o.name, placeholder="first and last name", id="of-name"))
        yield from field(
            "Title, as you address them",
            Input(
                o.title,
                placeholder="e.g. Sheriff, Council Member",
                id="of-title",
                validators=[Checked(parse_title)],
            ),
        )
        choices = [("(no role)", NO_ROLE), *((role_name(r, "en"), r) for r in self.roles if r)]
        yield from field(
            "Role: which of the bank's questions they can answer",
            Select(choices, value=o.role, allow_blank=False, id="of-role"),
        )

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.action_save()

    def submit(self) -> list[Official] | None:
        role = self.query_one("#of-role", Select).value
        base = self.official or Official(name="")
        changed = base.evolve(
            name=self.query_one("#of-name", Input).value.strip(),
            title=parse_title(self.query_one("#of-title", Input).value),
            role=role if isinstance(role, str) else NO_ROLE,
        )
        try:
            return with_official(self.officials, changed, self.official)
        except UsageError as error:
            note = self.query_one("#of-name-error", Static)
            note.update(str(error))
            note.display = True
            return None
