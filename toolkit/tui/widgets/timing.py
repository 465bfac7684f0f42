"""The spoken-time estimate beside the editor: words, minutes at the
workspace's speaking rate, the limit, and how far under or over, coloured
green (under), amber (close) or red (over)."""

from __future__ import annotations

from textual.widgets import Static

from ...testimony import Timing, mmss

STATES = ("under", "close", "over")


class TimingPanel(Static):
    def show(self, timing: Timing | None) -> None:
        for state in STATES:
            self.set_class(timing is not None and timing.state == state, f"state-{state}")
        if timing is None:
            self.update("No text yet.")
            return
        spare = timing.spare_words
        verdict = f"{-spare} words over" if spare < 0 else f"{spare} words to spare"
        label = {"under": "✓ fits", "close": "! close to the limit", "over": "✗ too long"}[timing.state]
        self.update(
            f"{label}\n{timing.words} words · {mmss(timing.seconds)}\n"
            f"limit {mmss(timing.limit_seconds)} (~{timing.limit_words} words)\n"
            f"{verdict}\nat {timing.wpm} words a minute"
        )
