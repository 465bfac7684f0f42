"""Shared helpers for the benchmarks: run a whole process, time it, report a ratio.

Every figure is the best of several runs (the one least disturbed by whatever
else the machine is doing), taken as wall time of a whole process, so Python's
start-up is paid by the figure and its baseline alike. Peak memory comes from
``wait4`` for that one child, not the running maximum over all children.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
MEETINGKIT = [sys.executable, "-m", "toolkit"]


@dataclass
class Run:
    seconds: float
    cpu: float
    max_rss_mib: float
    stdout: bytes


def run(cmd: list[str], env: dict[str, str] | None = None) -> Run:
    """One whole process: wall time, CPU time and peak RSS of that child alone."""
    start = time.perf_counter()
    proc = subprocess.Popen(
        cmd, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, cwd=ROOT, env=env or os.environ.copy()
    )
    out = proc.stdout.read() if proc.stdout else b""
    _, status, usage = os.wait4(proc.pid, 0)
    seconds = time.perf_counter() - start
    proc.returncode = os.waitstatus_to_exitcode(status)
    if proc.returncode not in (0, 1):
        raise SystemExit(f"{' '.join(cmd)} failed with exit status {proc.returncode}")
    return Run(seconds, usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024, out)


def runs_option(doc: str, default: int) -> int:
    """The ``--runs N`` option the small benchmarks share."""
    parser = argparse.ArgumentParser(description=doc.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=default)
    return parser.parse_args().runs


def demo_env(folder: str) -> dict[str, str]:
    """An environment on a fresh example workspace in ``folder``, byte-code caching on
    (as after a normal install, whatever this shell sets)."""
    env = dict(os.environ)
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    env["MEETINGKIT_WORKSPACE"] = str(Path(folder) / "demo")
    run([*MEETINGKIT, "init", "--demo"], env)
    return env


def best(runs: list[Run]) -> Run:
    return min(runs, key=lambda r: r.seconds)


def ensure_workspace(folder: Path, meetings: int, answers: int, promises: int) -> Path:
    """Generate the large workspace once; later runs reuse it."""
    if not (folder / "meetingkit.yaml").exists():
        shutil.rmtree(folder, ignore_errors=True)
        subprocess.run(
            [sys.executable, str(ROOT / "bench" / "make_workspace.py"), "--meetings", str(meetings),
             "--answers", str(answers), "--promises", str(promises), str(folder)],
            check=True, cwd=ROOT,
        )  # fmt: skip
        time.sleep(2.1)  # the cache does not trust files changed in the last two seconds
    return folder


@dataclass(frozen=True)
class Scale:
    """One size of statewide workspace the scale benchmarks run on."""

    name: str
    meetings: int
    answers: int
    promises: int

    def folder(self) -> Path:
        return (
            Path(tempfile.gettempdir()) / f"meetingkit-bench-{self.meetings}-{self.answers}-{self.promises}"
        )


SCALES = (Scale("10k", 500, 10_000, 2_000), Scale("100k", 5_000, 100_000, 20_000))
"""A coalition after a few years, and a statewide network over many."""


def large_workspaces(argv: list[str] | None, doc: str, repeat: int) -> tuple[list[tuple[Scale, Path]], int]:
    """The command line every scale benchmark shares: the workspaces to use and how often to run.

    ``--scale`` picks one step (default: every step, smallest first);
    ``--workspace`` points that one step at an existing workspace.
    """
    parser = argparse.ArgumentParser(description=doc.split("\n\n")[0])
    parser.add_argument("--scale", choices=[s.name for s in SCALES], help="one step only (default: all)")
    parser.add_argument(
        "--workspace", type=Path, help="a large workspace for --scale (default: made in a temp folder)"
    )
    parser.add_argument("--repeat", type=int, default=repeat)
    args = parser.parse_args(argv)
    if args.workspace and not args.scale:
        parser.error("--workspace needs --scale: say which step it stands for")
    scales = [s for s in SCALES if args.scale in (None, s.name)]
    chosen = [
        (s, args.workspace or ensure_workspace(s.folder(), s.meetings, s.answers, s.promises)) for s in scales
    ]
    return chosen, args.repeat


def load_average() -> str:
    """The machine's 1, 5 and 15 minute load averages, printed beside every figure."""
    return " ".join(f"{x:.2f}" for x in os.getloadavg())


def drop_cache(workspace: Path) -> None:
    shutil.rmtree(workspace / ".meetingkit" / "cache", ignore_errors=True)


def report(name: str, figure: float, baseline: float, unit: str, goal: str, met: bool) -> bool:
    """Print figure, baseline and ratio on one line; returns ``met``."""
    ratio = figure / baseline if baseline else float("inf")
    verdict = "meets goal" if met else "MISSES goal"
    print(
        f"{name:<46} {figure:8.3f} {unit:<4} baseline {baseline:8.3f} {unit:<4} "
        f"ratio {ratio:5.2f}  goal {goal:<9} {verdict}",
        flush=True,
    )
    return met


def report_ratio(name: str, figure: float, baseline: float, most: float, unit: str = "s") -> bool:
    """A figure whose goal is a ratio to its baseline (at most ``most``)."""
    return report(name, figure, baseline, unit, f"<= {most}x", figure <= most * baseline)
