"""Printing the handout, whole process, against a bare ReportLab script.

Figure: ``meetingkit handout MEETING -o FILE.pdf`` on the demo's upcoming
meeting (bilingual, the demo's default), which loads the workspace and the
question bank, writes dates with babel, checks every character against the
font and searches for the largest size that fits. Baseline:
``bench/handout_baseline.py``, which builds a comparable page with ReportLab
alone at one fixed size. Both are whole Python processes with byte-code
cached, timed as the best of several runs. Goal: within 1.5x.

    python bench/bench_handout.py [--runs 10]
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
GOAL = 1.5


def best_of(cmd: list[str], env: dict[str, str], runs: int) -> float:
    subprocess.run(cmd, env=env, stdout=subprocess.DEVNULL, check=True)  # warm the byte-code cache
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run(cmd, env=env, stdout=subprocess.DEVNULL, check=True)
        times.append(time.perf_counter() - start)
    return min(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=10)
    runs = parser.parse_args().runs
    env = dict(os.environ)
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    with tempfile.TemporaryDirectory() as tmp:
        env["MEETINGKIT_WORKSPACE"] = str(Path(tmp) / "demo")
        meetingkit = [sys.executable, "-m", "toolkit"]
        subprocess.run([*meetingkit, "init", "--demo"], env=env, stdout=subprocess.DEVNULL, check=True)
        listed = subprocess.run(
            [*meetingkit, "meeting", "list", "--json"], env=env, capture_output=True, check=True
        )
        upcoming = json.loads(listed.stdout)[1]["id"]
        out = str(Path(tmp) / "handout.pdf")
        baseline = best_of([sys.executable, str(HERE / "handout_baseline.py"), out], env, runs)
        figure = best_of([*meetingkit, "handout", upcoming, "-o", out], env, runs)
    ratio = figure / baseline
    verdict = "meets goal" if ratio < GOAL else "MISSES goal"
    print(f"baseline  bare ReportLab page            {baseline * 1000:7.1f} ms")
    print(f"figure    meetingkit handout (en,es)     {figure * 1000:7.1f} ms", end="")
    print(f"   ratio {ratio:.2f}x  goal < {GOAL}x  {verdict}")


if __name__ == "__main__":
    main()
