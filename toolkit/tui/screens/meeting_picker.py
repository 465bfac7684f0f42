"""Choose the meeting to work on from any mode (ctrl+g): upcoming first."""

from __future__ import annotations

from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from ...actions.session import Session


class MeetingPicker(ModalScreen[str | None]):
    BINDINGS: ClassVar[list[BindingType]] = [Binding("escape", "dismiss", "Close", id="picker.close")]

    def __init__(self, session: Session) -> None:
        super().__init__(classes="dialog")
        self.session = session

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog-box"):
            yield Static("Work on which meeting?", classes="dialog-title")
            options = [
                Option(Content(self.session.label(m)), id=m.id)
                for m in self.session.meetings_upcoming_first()
            ]
            picker = OptionList(*options, id="meeting-options")
            yield picker
            yield Static("enter or click chooses · escape closes", classes="hint")

    def on_mount(self) -> None:
        picker = self.query_one(OptionList)
        current = self.session.current_id
        if current is not None:
            picker.highlighted = picker.get_option_index(current)

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        self.dismiss(event.option.id)
