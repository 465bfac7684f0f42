"""The help screen (F1 or ?): what the current mode is for, in plain words,
and every key that works there, with the id to remap it in the settings.

One Static of Textual markup: it opens at once, where a Markdown widget
would build dozens of widgets on every press of F1.
"""

from __future__ import annotations

from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.screen import ModalScreen, Screen
from textual.widgets import Static

from ..markup import literal
from ..prose import unwrap

KEYMAP_HELP = """\
[b $accent]Changing keys[/]
If a key clashes with your terminal or tmux, give it another key in
meetingkit.yaml under [b]keymap:[/b], using the ids above, then restart:

  keymap:
    testimony.stopwatch: f9
    app.meeting: ctrl+j"""


def key_rows(screen: Screen, app_bindings: bool) -> list[tuple[str, str, str]]:
    """(keys, what it does, binding id) active on ``screen``: its own or the app's.

    Only meetingkit's bindings (the ones with an id, which the keymap can move);
    the arrows and tab of Textual's widgets work as everywhere else. The
    screen's own keys come before those of the widget in focus."""
    rows: dict[tuple[str, str], list[str]] = {}
    bindings = sorted(screen.active_bindings.items(), key=lambda item: item[1].node is not screen)
    for key, active in bindings:
        binding: Binding = active.binding
        if (active.node is screen.app) != app_bindings or not binding.id or not binding.description:
            continue
        display = screen.app.get_key_display(binding) or key
        rows.setdefault((binding.description, binding.id or ""), []).append(display)
    return [(" or ".join(keys), what, bid) for (what, bid), keys in rows.items()]


def key_table(rows: list[tuple[str, str, str]]) -> str:
    if not rows:
        return "  (no keys here)"
    width = max(len(keys) for keys, _, _ in rows) + 2
    what_width = max(len(what) for _, what, _ in rows) + 2
    return "\n".join(
        f"  [b]{literal(keys.ljust(width))}[/b]{literal(what.ljust(what_width))}[dim]{bid}[/dim]"
        for keys, what, bid in rows
    )


def help_text(title: str, purpose: str, text: str, screen: Screen) -> str:
    return "\n\n".join(
        [
            f"[b $primary]{literal(title)}: {literal(purpose)}[/]",
            unwrap(text),
            "[b $accent]Keys in this mode[/]   [dim](the last column is the id for the keymap)[/dim]",
            key_table(key_rows(screen, app_bindings=False)),
            "[b $accent]Keys everywhere[/]",
            key_table(key_rows(screen, app_bindings=True)),
            "The number keys 1 to 7 switch modes; in a text field the numbers are typed, so "
            "press escape first (or click a tab). Every action is also in the command palette "
            "(ctrl+p): type a few letters of what you want to do. The mouse works too: click "
            "the tabs, rows, buttons and the keys in the footer.",
            KEYMAP_HELP,
            "[dim]Press escape to close this help.[/dim]",
        ]
    )


class HelpScreen(ModalScreen[None]):
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape,f1,question_mark,q", "dismiss", "Close help", id="help.close"),
    ]

    def __init__(self, text: str) -> None:
        super().__init__(classes="dialog")
        self.text = text

    def compose(self) -> ComposeResult:
        with VerticalScroll(classes="help-box"):
            yield Static(self.text, id="help-text")
