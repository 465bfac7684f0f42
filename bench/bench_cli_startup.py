"""Whole-process start-up of the command line against its floor.

Baseline: ``python -c "import yaml"`` — the least any YAML-reading command can
cost. Both run with byte-code caching on (as after a normal install), on the
example workspace; each figure is the best of ``--runs``.

    python bench/bench_cli_startup.py [--runs 20]
"""

from __future__ import annotations

import sys
import tempfile

from measure import MEETINGKIT, best, demo_env, report, run, runs_option

GOAL = 2.5
COMMANDS = (["questions", "list"], ["meeting", "list"], ["promise", "list", "--overdue", "--json"], ["check"])


def main() -> None:
    runs = runs_option(__doc__, 20)
    with tempfile.TemporaryDirectory() as tmp:
        env = demo_env(tmp)
        floor = best([run([sys.executable, "-c", "import yaml"], env) for _ in range(runs)]).seconds
        for args in COMMANDS:
            figure = best([run([*MEETINGKIT, *args], env) for _ in range(runs)]).seconds
            report("meetingkit " + " ".join(args), figure * 1000, floor * 1000, "ms", f"< {GOAL}x",
                   figure < GOAL * floor)  # fmt: skip


if __name__ == "__main__":
    main()
