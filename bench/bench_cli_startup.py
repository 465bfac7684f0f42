"""Whole-process start-up of the command line against its floor.

Baseline: ``python -c "import yaml"`` — the least any YAML-reading command can
cost. Both run with byte-code caching on (as after a normal install), in the
same interpreter, on the example workspace.

    python bench/bench_cli_startup.py [--runs 20]
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path


def whole_process(cmd: list[str], env: dict[str, str], runs: int) -> float:
    subprocess.run(cmd, env=env, stdout=subprocess.DEVNULL, check=True)  # warm the byte-code cache
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run(cmd, env=env, stdout=subprocess.DEVNULL, check=True)
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=20)
    runs = parser.parse_args().runs
    env = dict(os.environ)
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    with tempfile.TemporaryDirectory() as tmp:
        ws = Path(tmp) / "demo"
        env["MEETINGKIT_WORKSPACE"] = str(ws)
        subprocess.run(
            [sys.executable, "-m", "toolkit", "init", "--demo"],
            env=env,
            stdout=subprocess.DEVNULL,
            check=True,
        )
        floor = whole_process([sys.executable, "-c", "import yaml"], env, runs)
        print(f"baseline  python -c 'import yaml'          {floor * 1000:7.1f} ms")
        for args in (
            ["questions", "list"],
            ["meeting", "list"],
            ["promise", "list", "--overdue", "--json"],
            ["check"],
        ):
            figure = whole_process([sys.executable, "-m", "toolkit", *args], env, runs)
            label = "meetingkit " + " ".join(args)
            print(f"{label:40s} {figure * 1000:7.1f} ms   ratio {figure / floor:.2f}x")


if __name__ == "__main__":
    main()
