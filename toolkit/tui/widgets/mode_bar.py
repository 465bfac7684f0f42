"""The strip under the header: one tab per mode (click it, or press its key),
and a warning to click when some file in the workspace could not be read."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Horizontal
from textual.widgets import Static, Tab, Tabs

from ..modes import MODES

WORDS_FROM = 90
"""Columns from which the problems badge has room for its words beside the six tabs."""


class ModeTabs(Tabs, can_focus=False):
    """Tabs for the mouse; the keyboard switches modes with each mode's key."""


class ModeBar(Horizontal):
    def __init__(self, mode: str, keys: dict[str, str], problems: int) -> None:
        super().__init__()
        self.mode = mode
        self.keys = keys
        self.problems = problems

    def compose(self) -> ComposeResult:
        tabs = [Tab(f"{self.keys.get(m.name, m.key)} {m.title}", id=f"tab-{m.name}") for m in MODES]
        yield ModeTabs(*tabs, active=f"tab-{self.mode}")
        badge = Static(self._badge(self.problems), id="problems-badge")
        badge.tooltip = "Some files could not be read: click to see them"
        badge.display = bool(self.problems)
        yield badge

    def _badge(self, count: int) -> str:
        """The count in words where there is room; at 80 columns only "⚠ 2", or
        the words would push the first tab off the left edge."""
        words = f" problem{'s' if count != 1 else ''}" if self.app.size.width >= WORDS_FROM else ""
        return f"[@click=app.problems]⚠ {count}{words}[/]"

    def show_problems(self, count: int) -> None:
        self.problems = count
        badge = self.query_one("#problems-badge", Static)
        badge.update(self._badge(count))
        badge.display = bool(count)

    def on_resize(self) -> None:
        self.show_problems(self.problems)

    async def on_tabs_tab_activated(self, event: Tabs.TabActivated) -> None:
        event.stop()
        name = (event.tab.id or "").removeprefix("tab-")
        if name and name != self.mode:
            await self.app.run_action(f"mode('{name}')")
