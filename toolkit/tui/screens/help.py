"""The help screen (F1 or ?): what the current mode is for, in plain words,
and every key that works there, with the id to remap it in the settings."""

from __future__ import annotations

from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.screen import ModalScreen, Screen
from textual.widgets import Markdown

KEYMAP_HELP = """\
## Changing keys

If a key clashes with your terminal or tmux, give it another key in
`meetingkit.yaml` under `keymap`, using the ids above, then restart:

```yaml
keymap:
  testimony.stopwatch: f9
  app.meeting: ctrl+j
```
"""


def key_table(screen: Screen, app_bindings: bool) -> str:
    """The keys active on ``screen``: its own (False) or the app's (True)."""
    rows: dict[tuple[str, str], list[str]] = {}
    for key, active in screen.active_bindings.items():
        binding: Binding = active.binding
        from_app = active.node is screen.app
        if from_app != app_bindings or not binding.description or binding.system:
            continue
        display = screen.app.get_key_display(binding) or key
        rows.setdefault((binding.description, binding.id or ""), []).append(display)
    lines = ["| Key | What it does | Id for keymap |", "|---|---|---|"]
    lines += [f"| {' or '.join(keys)} | {what} | `{bid}` |" for (what, bid), keys in rows.items()]
    return "\n".join(lines) if rows else "_No keys here._"


class HelpScreen(ModalScreen[None]):
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape,f1,question_mark,q", "dismiss", "Close help", id="help.close"),
    ]

    def __init__(self, markdown: str) -> None:
        super().__init__(classes="dialog")
        self.markdown = markdown

    def compose(self) -> ComposeResult:
        with VerticalScroll(classes="help-box"):
            yield Markdown(self.markdown)


def help_markdown(title: str, purpose: str, text: str, screen: Screen) -> str:
    return "\n\n".join(
        [
            f"# {title}: {purpose}",
            text.strip(),
            "## Keys in this mode",
            key_table(screen, app_bindings=False),
            "## Keys everywhere",
            key_table(screen, app_bindings=True),
            "Every action is also in the command palette (ctrl+p): type a few letters of "
            "what you want to do. The mouse works too: click the tabs, rows, buttons and "
            "the keys in the footer.",
            KEYMAP_HELP,
            "_Press escape to close this help._",
        ]
    )
