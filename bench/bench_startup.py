"""Start-up time of the terminal app against a bare Textual app, as whole
processes in a pseudo-terminal, to the first frame.

Both apps quit right after their first frame is drawn: meetingkit through
``MEETINGKIT_EXIT_AFTER=first-frame`` (tested in tests/test_tui_app.py), the
bare app (header, data table, text area, footer, nothing else) through the same
hook written the same way. meetingkit starts reading the workspace only after
its first frame, so in that mode it quits before reading anything. Runs
alternate between the apps so drift on a busy machine hits both alike; the
medians are compared.

Also shown, for information: meetingkit to ``ready``, the workspace read in
its worker and the first mode drawn.

    .venv/bin/python bench/bench_startup.py [--runs 15]
"""

from __future__ import annotations

import argparse
import fcntl
import os
import pty
import statistics
import struct
import subprocess
import sys
import tempfile
import termios
import threading
import time
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
GOAL = 1.3

BARE_APP = """
import os
from textual.app import App
from textual.widgets import DataTable, Footer, Header, TextArea


class Bare(App):
    def compose(self):
        yield Header()
        yield DataTable()
        yield TextArea()
        yield Footer()

    def on_mount(self):
        table = self.query_one(DataTable)
        table.add_columns("When", "Body")
        table.add_row("2026-12-09", "Board of Commissioners")
        if os.environ.get("MEETINGKIT_EXIT_AFTER") == "first-frame":
            self.call_after_refresh(self.exit, 0)


Bare().run()
"""


def run_in_pty(command: list[str], env: dict[str, str]) -> float:
    """Seconds from spawning ``command`` in a 120x40 terminal until it exits."""
    master, slave = pty.openpty()
    fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", 40, 120, 0, 0))

    def drain() -> None:
        try:
            while os.read(master, 65536):
                pass
        except OSError:
            pass

    reader = threading.Thread(target=drain, daemon=True)
    reader.start()
    start = time.perf_counter()
    proc = subprocess.run(command, stdin=slave, stdout=slave, stderr=slave, env=env, timeout=60, check=False)
    elapsed = time.perf_counter() - start
    os.close(slave)
    os.close(master)
    reader.join(timeout=1)
    if proc.returncode != 0:
        raise SystemExit(f"{' '.join(command)} exited with {proc.returncode}")
    return elapsed


def make_workspace(folder: Path) -> Path:
    sys.path.insert(0, str(ROOT))
    from toolkit import demo
    from toolkit.bank import load
    from toolkit.store import Workspace

    ws = Workspace(folder / "demo")
    ws.create(demo.settings())
    demo.build(ws, load(ws.bank_dir), date.today())
    return ws.root


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=15)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        root = make_workspace(folder)
        bare = folder / "bare_app.py"
        bare.write_text(BARE_APP)
        env = {**os.environ, "TERM": "xterm-256color", "PYTHONDONTWRITEBYTECODE": "1"}
        app = [sys.executable, "-m", "toolkit", "--workspace", str(root)]
        cases = {
            "bare": ([sys.executable, str(bare)], {**env, "MEETINGKIT_EXIT_AFTER": "first-frame"}),
            "first-frame": (app, {**env, "MEETINGKIT_EXIT_AFTER": "first-frame"}),
            "ready": (app, {**env, "MEETINGKIT_EXIT_AFTER": "ready"}),
        }
        times: dict[str, list[float]] = {name: [] for name in cases}
        for command, case_env in cases.values():
            run_in_pty(command, case_env)  # warm the file cache and .pyc files
        for _ in range(args.runs):
            for name, (command, case_env) in cases.items():
                times[name].append(run_in_pty(command, case_env))
    med = {name: statistics.median(values) for name, values in times.items()}
    ratio = med["first-frame"] / med["bare"]
    print(f"runs: {args.runs} each, alternating, in a 120x40 pseudo-terminal")
    print(f"figure:   meetingkit to first frame  {med['first-frame'] * 1000:7.0f} ms (median)")
    print(f"baseline: bare Textual app           {med['bare'] * 1000:7.0f} ms (median)")
    print(f"ratio:    {ratio:.2f}x (goal: at most {GOAL}x)")
    print(f"info:     meetingkit ready (workspace read, first mode drawn) {med['ready'] * 1000:.0f} ms")
    return 0 if ratio <= GOAL else 1


if __name__ == "__main__":
    raise SystemExit(main())
