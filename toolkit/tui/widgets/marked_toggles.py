"""Radio buttons and checkboxes whose state shows without colour: Textual draws
the same ● or X in every button, on and off, and tells them apart by colour
alone, which a colour-blind user or a monochrome terminal cannot see."""

from __future__ import annotations

from textual.widgets import Checkbox, RadioButton


class MarkedRadioButton(RadioButton):
    @property
    def BUTTON_INNER(self) -> str:  # type: ignore[override]
        return "●" if self.value else " "


class MarkedCheckbox(Checkbox):
    @property
    def BUTTON_INNER(self) -> str:  # type: ignore[override]
        return "✓" if self.value else " "
