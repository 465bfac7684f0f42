"""Run every benchmark in this folder, one after another, and say which goals were missed.

    .venv/bin/python bench/run_all.py

Each ``bench/bench_*.py`` prints its figures, baselines and ratios and exits
non-zero when a goal is missed; this runs them all in name order (the large
workspace is generated once, on first use, and shared). Benchmarks are timing
runs: run them on a quiet machine, never in the test suite.
"""

from __future__ import annotations

import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent


def main() -> int:
    missed = []
    for script in sorted(HERE.glob("bench_*.py")):
        print(f"\n== {script.name}", flush=True)
        start = time.perf_counter()
        code = subprocess.run([sys.executable, str(script)], cwd=HERE.parent).returncode
        print(f"-- {script.name}: {'all goals met' if code == 0 else 'GOAL MISSED'} "
              f"({time.perf_counter() - start:.0f} s)", flush=True)  # fmt: skip
        if code:
            missed.append(script.name)
    print(
        f"\n{len(missed)} benchmark(s) missed a goal: {', '.join(missed)}" if missed else "\nevery goal met"
    )
    return 1 if missed else 0


if __name__ == "__main__":
    sys.exit(main())
