"""A rehearsal stopwatch: read the testimony aloud and see the real time
against the limit (amber in the last ten percent, red past it)."""

from __future__ import annotations

from time import monotonic

from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.timer import Timer
from textual.widgets import Button, Static

from ...testimony import CLOSE_SHARE, mmss
from .pane_button import PaneButton


class Stopwatch(Vertical):
    def __init__(self, limit_seconds: int = 0, **kwargs: object) -> None:
        super().__init__(**kwargs)  # type: ignore[arg-type]
        self.limit_seconds = limit_seconds
        self.elapsed = 0.0
        self._started: float | None = None
        self._ticker: Timer | None = None

    def compose(self) -> ComposeResult:
        yield Static(self.text(), id="sw-time")
        with Horizontal(id="sw-buttons"):
            yield PaneButton("Start", id="sw-toggle", variant="success", tooltip="ctrl+r")
            yield PaneButton("Reset", id="sw-reset", tooltip="ctrl+l")

    @property
    def running(self) -> bool:
        return self._started is not None

    def seconds(self) -> float:
        return self.elapsed + (monotonic() - self._started if self._started is not None else 0.0)

    def text(self) -> str:
        """The time against the limit, and past it in words (not only in red)."""
        shown = round(self.seconds())
        if not self.limit_seconds:
            return mmss(shown)
        late = shown - self.limit_seconds
        over = f" · over by {mmss(late)}" if late > 0 else ""
        return f"{mmss(shown)} / {mmss(self.limit_seconds)}{over}"

    def set_limit(self, seconds: int) -> None:
        self.limit_seconds = seconds
        self.redraw()

    def redraw(self) -> None:
        shown = round(self.seconds())
        label = self.query_one("#sw-time", Static)
        label.update(self.text())
        over = bool(self.limit_seconds) and shown > self.limit_seconds
        close = bool(self.limit_seconds) and not over and shown >= CLOSE_SHARE * self.limit_seconds
        label.set_class(over, "state-over")
        label.set_class(close, "state-close")

    def toggle(self) -> None:
        button = self.query_one("#sw-toggle", Button)
        if self._started is None:
            self._started = monotonic()
            self._ticker = self.set_interval(0.25, self.redraw)
            button.label, button.variant = "Stop", "warning"
        else:
            self.elapsed = self.seconds()
            self._started = None
            if self._ticker is not None:
                self._ticker.stop()
            button.label, button.variant = "Start", "success"
        self.redraw()

    def reset(self) -> None:
        if self.running:
            self.toggle()
        self.elapsed = 0.0
        self.redraw()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        if event.button.id == "sw-toggle":
            self.toggle()
        elif event.button.id == "sw-reset":
            self.reset()
