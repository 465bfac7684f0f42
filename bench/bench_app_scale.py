"""The app on a statewide coalition's workspace: first frame, and the Promises table.

    python bench/bench_app_scale.py [--workspace DIR] [--repeat N]

- First frame: the app runs as a whole process in a pseudo-terminal (120x40)
  and the clock stops when its loading screen ("Opening the workspace") is
  written to the terminal. Large workspace (500 meetings, 10,000 answers,
  2,000 promises) against an empty one; goal: within 1.1x. Measured with the
  derived cache warm and cold (first start after a clone or an upgrade).
- Ready: the same, until the first mode is on screen with the workspace
  loaded (``MEETINGKIT_EXIT_AFTER=ready``); shown for information.
- Promises table: in-process and headless, the time from pressing a filter key
  (a: all 2,000, o: open, v: overdue) until the app is idle again, less what an
  unbound key costs the harness, against the floor of a bare Textual DataTable
  refilled with the same rows. Goal: every switch under 100 ms, the threshold
  below which a change feels instant.
"""

from __future__ import annotations

import asyncio
import fcntl
import os
import pty
import select
import statistics
import struct
import subprocess
import sys
import tempfile
import termios
import time
from collections.abc import Callable
from pathlib import Path

from measure import MEETINGKIT, drop_cache, large_workspace, report, report_ratio

MARKER = b"Opening the workspace"
FIRST_FRAME_GOAL = 1.1
STALL_MS = 100
KEYS = "aovaovaov"
NOOP = "z"
"""Bound to nothing: what a key press and a pause cost the test harness itself (~60 ms)."""


def on_screen(workspace: Path, exit_after: str) -> tuple[float, float]:
    """Seconds until the loading screen is on the terminal, and until the process ends."""
    env = {**os.environ, "MEETINGKIT_EXIT_AFTER": exit_after, "TERM": "xterm-256color"}
    master, slave = pty.openpty()
    fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", 40, 120, 0, 0))
    start = time.perf_counter()
    proc = subprocess.Popen(
        [*MEETINGKIT, "--workspace", str(workspace)], stdin=slave, stdout=slave, stderr=slave, env=env
    )
    os.close(slave)
    seen, screen = None, b""
    while proc.poll() is None:
        if select.select([master], [], [], 0.005)[0]:
            try:
                screen += os.read(master, 1 << 16)
            except OSError:
                break
            if seen is None and MARKER in screen:
                seen = time.perf_counter() - start
    proc.wait()
    os.close(master)
    if seen is None or proc.returncode:
        raise SystemExit(f"the app did not show its loading screen for {workspace} (exit {proc.returncode})")
    return seen, time.perf_counter() - start


def first_frames(large: Path, empty: Path, repeat: int) -> list[bool]:
    met = []
    for cold in (False, True):
        frames: dict[Path, list[float]] = {large: [], empty: []}
        ready: dict[Path, list[float]] = {large: [], empty: []}
        for _ in range(repeat):
            for ws in (large, empty):
                if cold:
                    drop_cache(ws)
                frames[ws].append(on_screen(ws, "first-frame")[0])
                if cold:
                    drop_cache(ws)
                ready[ws].append(on_screen(ws, "ready")[1])
        label = "cold cache" if cold else "warm cache"
        big, small = statistics.median(frames[large]), statistics.median(frames[empty])
        met.append(report_ratio(f"app first frame, large vs empty, {label}", big, small, FIRST_FRAME_GOAL))
        big, small = statistics.median(ready[large]), statistics.median(ready[empty])
        report(f"app ready (info), large vs empty, {label}", big, small, "s", "none", True)
    return met


async def _stalls(pilot, after: Callable[[], None] = lambda: None) -> list[float]:  # type: ignore[no-untyped-def]
    """Seconds each filter key keeps the app busy, beyond what an unbound key costs."""
    filters, idle = [], []
    for key in KEYS:
        for pressed, into in ((key, filters), (NOOP, idle)):
            start = time.perf_counter()
            await pilot.press(pressed)
            await pilot.pause()
            into.append(time.perf_counter() - start)
            after()
    return [t - statistics.median(idle) for t in filters]


async def _filter_stalls(workspace: Path) -> list[float]:
    from toolkit.tui.app import MeetingkitApp

    app = MeetingkitApp(workspace)
    most = [0]
    async with app.run_test(size=(120, 40)) as pilot:
        while not app.ready:
            await pilot.pause(0.05)
        await pilot.press("5")
        await pilot.pause()
        stalls = await _stalls(pilot, lambda: most.append(len(app.screen.rows)))
    assert max(most) >= 2000, "the All filter should list every promise"
    return stalls


async def _bare_table_stalls(workspace: Path) -> list[float]:
    """The floor: Textual's own DataTable, refilled with the same rows, nothing else."""
    from datetime import date

    from textual.app import App
    from textual.widgets import DataTable

    from toolkit.store import Workspace
    from toolkit.tracker import promise_rows

    rows = promise_rows(Workspace(workspace).answers().records, date.today())
    subsets = {
        "a": rows,
        "o": [r for r in rows if r.promise.status == "open"],
        "v": [r for r in rows if r.overdue],
    }

    class Bare(App[None]):
        def compose(self):  # type: ignore[no-untyped-def]
            yield DataTable(cursor_type="row")

        def on_mount(self) -> None:
            table = self.query_one(DataTable)
            for label, width in (("Due", 10), ("Late", 9), ("Status", 11), ("Official", 24), ("What", 40),
                                 ("Meeting", 40)):  # fmt: skip
                table.add_column(label, width=width)

        def on_key(self, event) -> None:  # type: ignore[no-untyped-def]
            if event.key not in subsets:
                return
            table = self.query_one(DataTable)
            table.clear()
            for r in subsets[event.key]:
                p = r.promise
                table.add_row(str(p.due), str(r.days_overdue), p.status, p.official, p.what, r.meeting)

    async with Bare().run_test(size=(120, 40)) as pilot:
        return await _stalls(pilot)


def promises_table(large: Path) -> list[bool]:
    ours = [t * 1000 for t in asyncio.run(_filter_stalls(large))]
    floor = [t * 1000 for t in asyncio.run(_bare_table_stalls(large))]
    report("promises filter, median stall (info)", statistics.median(ours), statistics.median(floor), "ms",
           "none", True)  # fmt: skip
    worst = max(ours)
    return [
        report("promises filter, longest stall", worst, max(floor), "ms", f"< {STALL_MS}", worst < STALL_MS)
    ]


def main(argv: list[str] | None = None) -> int:
    large, repeat = large_workspace(argv, __doc__, repeat=7)
    with tempfile.TemporaryDirectory() as tmp:
        empty = Path(tmp) / "empty"
        subprocess.run(
            [*MEETINGKIT, "--workspace", str(empty), "init"], check=True, stdout=subprocess.DEVNULL
        )
        print(f"app on {large} against an empty workspace; first frame: median of {repeat}")
        met = first_frames(large, empty, repeat)
    met += promises_table(large)
    return 0 if all(met) else 1


if __name__ == "__main__":
    sys.exit(main())
