"""Whole-process start-up of the command line against its floor.

Baseline: ``python -c "import yaml"`` — the least any YAML-reading command can
cost. Both run with byte-code caching on (as after a normal install), on the
example workspace; each figure is the best of ``--runs``. Goals: ``questions
list`` (the lightest command that reads records) within 1.6x; the others
within 2.5x.

    python bench/bench_cli_startup.py [--runs 20]
"""

from __future__ import annotations

import sys
import tempfile

from measure import MEETINGKIT, best, demo_env, load_average, report_ratio, run, runs_option

COMMANDS = (
    (["questions", "list"], 1.6),
    (["meeting", "list"], 2.5),
    (["promise", "list", "--overdue", "--json"], 2.5),
    (["check"], 2.5),
)


def main() -> int:
    runs = runs_option(__doc__, 20)
    met = []
    with tempfile.TemporaryDirectory() as tmp:
        env = demo_env(tmp)
        print(f"best of {runs}, each command interleaved with its floor; load average {load_average()}")
        for args, goal in COMMANDS:
            floor, figure = [], []
            for _ in range(runs):
                floor.append(run([sys.executable, "-c", "import yaml"], env))
                figure.append(run([*MEETINGKIT, *args], env))
            met.append(report_ratio("meetingkit " + " ".join(args), best(figure).seconds * 1000,
                                    best(floor).seconds * 1000, goal, "ms"))  # fmt: skip
    print(f"load average after: {load_average()}")
    return 0 if all(met) else 1


if __name__ == "__main__":
    sys.exit(main())
