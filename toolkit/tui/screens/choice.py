"""A question with a few answers: each answer is a button and has its own key,
so it works with one key press or one click."""

from __future__ import annotations

from dataclasses import dataclass
from typing import ClassVar

from textual import events
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Button, Static


@dataclass(frozen=True)
class Pick:
    key: str
    label: str
    value: str
    variant: str = "default"


class Choice(ModalScreen[str | None]):
    """Dismisses with the chosen option's value, or None on escape."""

    BINDINGS: ClassVar[list[BindingType]] = [Binding("escape", "cancel", "Cancel", id="dialog.cancel")]

    def __init__(self, title: str, message: str, options: list[Pick]) -> None:
        super().__init__(classes="dialog")
        self.title_text = title
        self.message = message
        self.options = options

    def compose(self) -> ComposeResult:
        # The box scrolls when the message is longer than the terminal; the answers stay docked in view.
        with VerticalScroll(classes="dialog-box", can_focus=False):
            yield Static(self.title_text, classes="dialog-title")
            yield Static(self.message, classes="dialog-message", markup=False)
            with Horizontal(classes="dialog-buttons choice-buttons"):
                for option in self.options:
                    yield Button(
                        f"{option.label} ({option.key})",
                        name=option.value,
                        variant=option.variant,  # type: ignore[arg-type]
                        compact=True,
                    )

    def on_key(self, event: events.Key) -> None:
        for option in self.options:
            if event.key == option.key:
                event.stop()
                self.dismiss(option.value)
                return

    def on_button_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        self.dismiss(event.button.name)

    def action_cancel(self) -> None:
        self.dismiss(None)
