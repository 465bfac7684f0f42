"""Buttons beside a pane are for the mouse: each repeats a key shown on it,
so they stay out of the tab order and tab moves between the panes themselves."""

from __future__ import annotations

from textual.widgets import Button


class PaneButton(Button, can_focus=False):
    def __init__(self, label: str, id: str, variant: str = "default", tooltip: str | None = None) -> None:
        super().__init__(label, id=id, variant=variant, compact=True, tooltip=tooltip)  # type: ignore[arg-type]
