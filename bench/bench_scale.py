"""A statewide coalition's workspace: is `promise list` and `check` fast, and lean?

    python bench/bench_scale.py [--scale 10k|100k] [--workspace DIR] [--repeat N]

Two steps, each workspace made by ``make_workspace.py`` on first use and
reused after: 500 meetings, 10,000 answers and 2,000 promises (a coalition
after a few years), and 5,000 meetings, 100,000 answers and 20,000 promises
(a statewide network over many). Each command runs as a whole process:

- cold (the derived cache removed first) against the floor, a whole process
  that only parses the same files with ``yaml.CSafeLoader``;
- warm (nothing changed since the last run) against that same cold floor;
- peak RSS of ``promise list`` (the floor's RSS is shown too).

Goals (``promise list --overdue --json``): cold <= 1.1x, warm <= 0.12x,
RSS < 300 MiB at 10,000 answers; cold <= 1.2x, warm <= 0.15x, RSS <= 400 MiB
at 100,000. ``check`` (10,000 only): cold <= 1.3x, warm <= 0.25x.

Cold and warm output must be identical: the cache may only save time.
"""

from __future__ import annotations

import sys
from dataclasses import dataclass
from pathlib import Path

from measure import (
    MEETINGKIT,
    ROOT,
    Run,
    best,
    drop_cache,
    large_workspaces,
    load_average,
    report,
    report_ratio,
    run,
)


@dataclass(frozen=True)
class Goal:
    cold: float
    warm: float
    rss_mib: float | None = None


PROMISES = ["promise", "list", "--overdue", "--json"]
COMMANDS: dict[str, dict[str, tuple[list[str], str, Goal]]] = {
    "10k": {
        "promise list --overdue --json": (PROMISES, "answers", Goal(1.1, 0.12, 300)),
        "check": (["check"], "all", Goal(1.3, 0.25)),
    },
    "100k": {
        "promise list --overdue --json": (PROMISES, "answers", Goal(1.2, 0.15, 400)),
    },
}


def measure(
    workspace: Path, commands: dict[str, tuple[list[str], str, Goal]], repeat: int
) -> dict[str, dict[str, list[Run]]]:
    """Interleave floor, cold and warm runs, so a busy moment hurts all three alike."""
    runs: dict[str, dict[str, list[Run]]] = {name: {"floor": [], "cold": [], "warm": []} for name in commands}
    floor = [sys.executable, str(ROOT / "bench" / "floor_parse.py"), str(workspace)]
    for _ in range(repeat):
        for name, (args, files, _) in commands.items():
            cmd = [*MEETINGKIT, *args, "--workspace", str(workspace)]
            runs[name]["floor"].append(run([*floor, files]))
            drop_cache(workspace)
            runs[name]["cold"].append(run(cmd))
            runs[name]["warm"].append(run(cmd))
    return runs


def main(argv: list[str] | None = None) -> int:
    steps, repeat = large_workspaces(argv, __doc__, repeat=5)
    met = []
    for scale, workspace in steps:
        commands = COMMANDS[scale.name]
        print(f"workspace {workspace}: best of {repeat} whole-process runs, wall seconds; "
              f"load average {load_average()}", flush=True)  # fmt: skip
        for name, r in measure(workspace, commands, repeat).items():
            goal = commands[name][2]
            floor, cold, warm = best(r["floor"]), best(r["cold"]), best(r["warm"])
            if {x.stdout for x in r["cold"] + r["warm"]} != {cold.stdout}:
                print(f"{name}: cold and warm output differ; the cache changed a result", file=sys.stderr)
                return 1
            label = f"{scale.name} {name}"
            met.append(report_ratio(f"{label}, cold", cold.seconds, floor.seconds, goal.cold))
            met.append(report_ratio(f"{label}, warm", warm.seconds, floor.seconds, goal.warm))
            cpu = {kind: min(x.cpu for x in r[kind]) for kind in ("floor", "cold", "warm")}
            for kind in ("cold", "warm"):  # CPU time: less disturbed by a busy machine than wall time
                report(f"{label}, {kind}, CPU (info)", cpu[kind], cpu["floor"], "s", "none", True)
            if goal.rss_mib is not None:
                peak = max(x.max_rss_mib for x in r["cold"] + r["warm"])
                floor_rss = max(x.max_rss_mib for x in r["floor"])
                met.append(report(f"{label}, peak RSS", peak, floor_rss, "MiB", f"<= {goal.rss_mib:g}",
                                  peak <= goal.rss_mib))  # fmt: skip
        print(f"load average after: {load_average()}", flush=True)
    return 0 if all(met) else 1


if __name__ == "__main__":
    sys.exit(main())
