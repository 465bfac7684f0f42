"""The help screen (F1 or ?): what the current mode is for, in plain words,
and every key that works there, with the id to remap it in the settings.

One Static of Textual markup: it opens at once, where a Markdown widget
would build dozens of widgets on every press of F1.
"""

from __future__ import annotations

import re
import textwrap
from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.screen import ModalScreen, Screen
from textual.widgets import Static

from ..cli_places import PLACES, WELCOME, Place
from ..keys import default_keys
from ..markup import literal
from ..modes import BY_NAME
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


CODE = re.compile(r"`([^`\n]+)`")
"""A command named in a mode's help (`meetingkit report`): shown bold, not with Markdown's backticks."""
MAP_WIDTH = 70
"""The map's lines are wrapped here, under their own column, to fit the help
box at 80 columns; a line Textual wraps would restart at the left edge."""


def current_key(screen: Screen, binding_id: str) -> str:
    """The (first) key of a binding as the workspace's keymap has it now ("n", "ctrl+j")."""
    keymap: dict[str, str] = getattr(screen.app, "user_keymap", {})
    keys = keymap.get(binding_id) or default_keys()[binding_id]
    return screen.app.get_key_display(Binding(keys.split(",")[0].strip(), ""))


def place_text(screen: Screen, place: Place) -> str:
    """Where a command is: "2 Meeting · n", "f4 Problems · f", "first run · n"."""
    if place.where in BY_NAME:
        where = f"{current_key(screen, f'mode.{place.where}')} {BY_NAME[place.where].title}"
    elif place.where == WELCOME:
        where = WELCOME
    else:
        app_binding = next(b for b in screen.app.BINDINGS if isinstance(b, Binding) and b.id == place.where)
        where = f"{current_key(screen, place.where)} {app_binding.description}"
    return f"{where} · {current_key(screen, place.binding)}" if place.binding else where


def command_map(screen: Screen) -> str:
    """Every command of the command line and where it is in the app, keys as mapped now.

    A command's first line names it; its options that live elsewhere follow,
    indented under it."""
    rows: list[tuple[str | None, str, str, str]] = []
    """(the command, when its name goes on a line of its own; name; where; what)"""
    previous = None
    for place in PLACES:
        first = place.command != previous
        previous = place.command
        if place.option:
            rows.append(
                (place.command if first else None, f"  {place.option}", place_text(screen, place), place.what)
            )
        else:
            rows.append((None, place.command, place_text(screen, place), place.what))
    name_width = max(len(name) for _, name, _, _ in rows) + 2
    where_width = max(len(where) for _, _, where, _ in rows) + 2
    what_width = max(MAP_WIDTH - 2 - name_width - where_width, 16)
    indent = "\n" + " " * (2 + name_width + where_width)
    lines = []
    for heading, name, where, what in rows:
        if heading:
            lines.append(f"  [b]{literal(heading)}[/b]")
        parts = indent.join(literal(part) for part in textwrap.wrap(what, what_width))
        lines.append(f"  [b]{literal(name.ljust(name_width))}[/b]{literal(where.ljust(where_width))}{parts}")
    return "\n".join(lines)


def help_text(title: str, purpose: str, text: str, screen: Screen) -> str:
    return "\n\n".join(
        [
            f"[b $primary]{literal(title)}: {literal(purpose)}[/]",
            CODE.sub(r"[b]\1[/b]", unwrap(text)),
            "[b $accent]Keys in this mode[/]   [dim](the last column is the id for the keymap)[/dim]",
            key_table(key_rows(screen, app_bindings=False)),
            "[b $accent]Keys everywhere[/]",
            key_table(key_rows(screen, app_bindings=True)),
            "The number keys 1 to 7 switch modes; in a text field the numbers are typed, so "
            "press escape first (or click a tab). Every action is also in the command palette "
            "(ctrl+p): type a few letters of what you want to do. The mouse works too: click "
            "the tabs, rows, buttons and the keys in the footer.",
            KEYMAP_HELP,
            "[b $accent]From the command line to the app[/]\n"
            "Each meetingkit command and where it is here: the mode or screen, then the "
            "key (as your keymap has it) and what it does.",
            command_map(screen),
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
