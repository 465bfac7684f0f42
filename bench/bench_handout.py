"""Printing the handout, whole process, against a bare ReportLab script.

Figure: ``meetingkit handout MEETING -o FILE.pdf`` on the demo's upcoming
meeting (bilingual, the demo's default), which loads the workspace and the
question bank, writes dates with babel, checks every character against the
font and searches for the largest size that fits. Baseline:
``bench/handout_baseline.py``, which builds a comparable page with ReportLab
alone at one fixed size. Both are whole Python processes with byte-code
cached, run in turns; wall and CPU time are the best of several runs.
Goal: within 1.5x.

    python bench/bench_handout.py [--runs 10]
"""

from __future__ import annotations

import json
import sys
import tempfile
from pathlib import Path

from measure import MEETINGKIT, ROOT, Run, best, demo_env, report_ratio, run, runs_option

GOAL = 1.5


def main() -> None:
    runs = runs_option(__doc__, 10)
    with tempfile.TemporaryDirectory() as tmp:
        env = demo_env(tmp)
        upcoming = json.loads(run([*MEETINGKIT, "meeting", "list", "--json"], env).stdout)[1]["id"]
        out = Path(tmp) / "handout.pdf"
        commands = {
            "baseline": [sys.executable, str(ROOT / "bench" / "handout_baseline.py"), str(out)],
            "figure": [*MEETINGKIT, "handout", upcoming, "-o", str(out)],
        }
        for cmd in commands.values():
            out.unlink(missing_ok=True)
            run(cmd, env)  # warm the byte-code cache
            if not out.exists():
                raise SystemExit(f"{' '.join(cmd)} wrote no PDF")
        timed: dict[str, list[Run]] = {name: [] for name in commands}
        for _ in range(runs):  # interleaved, so both see the same background load
            for name, cmd in commands.items():
                timed[name].append(run(cmd, env))
    figure, baseline = best(timed["figure"]), best(timed["baseline"])
    report_ratio("handout (en,es) whole process, wall", figure.seconds, baseline.seconds, GOAL)
    report_ratio("handout (en,es) whole process, CPU", figure.cpu, baseline.cpu, GOAL)


if __name__ == "__main__":
    main()
