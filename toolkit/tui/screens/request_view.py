"""Reading a draft in the app: one records request (its clock in words, its
history, the text of each letter drafted) or a media inquiry.

Read-only: the letters are Markdown files the group edits in any editor; the
app shows them as they are on disk, which is what prints.
"""

from __future__ import annotations

from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Button, Footer, Static

from ...actions.requests import Shown
from ...errors import one_line
from ...requests import deadline_text, where_it_stands
from ..markup import literal

LETTER_TITLES = {"request": "The request letter", "followup": "The follow-up letter", "appeal": "The appeal"}


class TextView(ModalScreen[str | None]):
    """A title, some text and a close button; dismisses with None."""

    BINDINGS: ClassVar[list[BindingType]] = [Binding("escape", "close", "Close", id="view.close")]

    def __init__(self, title: str, blocks: list[tuple[str, str]]) -> None:
        """``blocks``: (heading in Textual markup, plain text shown as it is)."""
        super().__init__(classes="dialog")
        self.title_text = title
        self.blocks = blocks

    def compose(self) -> ComposeResult:
        with VerticalScroll(classes="dialog-box wide view-box"):
            yield Static(self.title_text, classes="dialog-title", markup=False)
            for heading, text in self.blocks:
                if heading:
                    yield Static(heading, classes="view-heading")
                yield Static(text, classes="view-text", markup=False)
            with Horizontal(classes="dialog-buttons choice-buttons"):
                yield from self.buttons()
                yield Button("Close (esc)", id="view-close", compact=True)
        yield Footer()

    def buttons(self) -> ComposeResult:
        yield from ()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        self.dismiss(None if event.button.id == "view-close" else event.button.name)

    def action_close(self) -> None:
        self.dismiss(None)


def clock_lines(shown: Shown) -> str:
    """Where the request stands, in words: due, overdue by how many days, paused."""
    row, r = shown.row, shown.request
    c = row.clock
    lines = [f"As of {c.as_of.isoformat()}: {where_it_stands(c)}"]
    if c.overdue:
        lines.append(f"Overdue by {c.days_overdue} {c.unit} day{'s' if c.days_overdue != 1 else ''}.")
    elif c.due is not None and c.status in ("filed", "acknowledged", "partial"):
        lines.append(f"{c.used} of {c.deadline_days} {c.unit} days used; due {c.due.isoformat()}.")
    lines += [
        f"Agency: {r.agency}",
        f"Law: {row.law.name} ({row.law.citation}){'' if row.law.verified else ' [unverified]'}",
        f"Deadline: {deadline_text(row.law)}",
    ]
    lines += [f"Method: {r.method}"] * bool(r.method) + [f"Tracking: {r.tracking}"] * bool(r.tracking)
    lines.append(f"From meeting {r.meeting}: {', '.join(r.questions)}")
    lines.append(f"{r.drafted.isoformat()}  drafted")
    for ch in r.changes:
        extra = "".join(f"; {x}" for x in (ch.note, ch.evidence and f"evidence: {ch.evidence}") if x)
        lines.append(f"{ch.on.isoformat()}  {ch.status}{extra}")
    lines += [
        f"Received {got.on.isoformat()}: {got.what}" + (f" (kept at {got.kept_at})" * bool(got.kept_at))
        for got in r.received
    ]
    return "\n".join(one_line(line) for line in lines)


class RequestView(TextView):
    """One request; dismisses with "print", "followup" or "appeal" when one of those is asked for."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("p", "pick('print')", "Print a letter", id="request-view.print"),
        Binding("f", "pick('followup')", "Draft the follow-up", id="request-view.followup"),
        Binding("a", "pick('appeal')", "Draft the appeal", id="request-view.appeal"),
    ]

    def __init__(self, shown: Shown, letters: dict[str, str], where: dict[str, str]) -> None:
        """``letters``: each drafted letter's text; ``where``: its file, as shown to a person."""
        blocks = [("[b $accent]Where it stands[/]", clock_lines(shown))]
        blocks += [
            (f"[b $accent]{LETTER_TITLES[which]}[/]  [dim]{literal(where[which])}[/dim]", text)
            for which, text in letters.items()
        ]
        super().__init__(f"Records request {shown.request.id}", blocks)

    def buttons(self) -> ComposeResult:
        yield Button("Print (p)", name="print", variant="primary", compact=True)
        yield Button("Follow-up (f)", name="followup", compact=True)
        yield Button("Appeal (a)", name="appeal", compact=True)

    def action_pick(self, what: str) -> None:
        self.dismiss(what)
