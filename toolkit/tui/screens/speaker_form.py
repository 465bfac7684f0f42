"""Name a speaker (and, for their testimony, where they live): known names
are suggested as you type, so one person is not spelled two ways. For a
speaker already on the list (the planner assigned them) the name is fixed and
only the neighbourhood is asked, like ``testimony draft --neighbourhood``."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.suggester import SuggestFromList
from textual.widgets import Input, Static

from ..markup import literal
from .form import FormScreen, field


class SpeakerForm(FormScreen[tuple[str, str]]):
    """Dismisses with (name, neighbourhood); ``neighbourhood`` None asks only the name,
    ``fixed_name`` only the neighbourhood."""

    def __init__(
        self, title: str, name: str, known: list[str], neighbourhood: str | None, *, fixed_name: bool = False
    ) -> None:
        super().__init__()
        self.TITLE_TEXT = title
        self.name_value = name
        self.known = known
        self.neighbourhood = neighbourhood
        self.fixed_name = fixed_name

    def compose_fields(self) -> ComposeResult:
        if self.fixed_name:
            yield Static(f"Speaker: [b]{literal(self.name_value)}[/b]", id="sp-fixed")
        else:
            hint = literal(f"Known: {', '.join(self.known)} (→ completes)") if self.known else ""
            yield from field(
                "Speaker's name (empty: anyone)",
                Input(
                    self.name_value,
                    placeholder="first and last name",
                    id="sp-name",
                    suggester=SuggestFromList(self.known, case_sensitive=False),
                ),
                hint,
            )
        if self.neighbourhood is not None:
            yield from field(
                "Neighbourhood, said in the introduction (optional)",
                Input(self.neighbourhood, placeholder="e.g. the part of town they live in", id="sp-hood"),
            )

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.action_save()

    def submit(self) -> tuple[str, str] | None:
        name = self.name_value if self.fixed_name else self.query_one("#sp-name", Input).value.strip()
        hood = self.query_one("#sp-hood", Input).value.strip() if self.neighbourhood is not None else ""
        return name, hood
