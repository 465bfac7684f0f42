"""A form of one line: the "as of" day, a file to import. Enter saves, like ctrl+s."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from textual.app import ComposeResult
from textual.widgets import Input

from ..validators import Checked
from .form import FormScreen, field


class OneField(FormScreen[str]):
    """Dismisses with the text typed (stripped), checked by ``parse`` when given."""

    def __init__(
        self,
        title: str,
        label: str,
        value: str = "",
        hint: str = "",
        parse: Callable[[str], Any] | None = None,
    ) -> None:
        super().__init__()
        self.TITLE_TEXT = title
        self.label = label
        self.value = value
        self.hint = hint
        self.parse = parse

    def compose_fields(self) -> ComposeResult:
        validators = [Checked(self.parse)] if self.parse is not None else []
        yield from field(self.label, Input(self.value, id="one-value", validators=validators), self.hint)

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.action_save()

    def submit(self) -> str | None:
        text = self.query_one("#one-value", Input).value.strip()
        return text or None
