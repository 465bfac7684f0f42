"""A statewide coalition's workspace: is `promise list` and `check` fast, and lean?

    python bench/bench_scale.py [--workspace DIR] [--repeat N]

On a workspace of 500 meetings, 10,000 answers and 2,000 promises (made by
``make_workspace.py`` on first use and reused after), each command runs as a
whole process:

- cold (the derived cache removed first) against the floor, a whole process
  that only parses the same files with ``yaml.CSafeLoader``: goal <= 1.3x;
- warm (nothing changed since the last run) against that same cold floor:
  goal < 0.25x;
- peak RSS of ``promise list``: goal < 300 MiB (the floor's RSS is shown too).

Cold and warm output must be identical: the cache may only save time.
"""

from __future__ import annotations

import sys
from pathlib import Path

from measure import MEETINGKIT, ROOT, Run, best, drop_cache, large_workspace, report, report_ratio, run

COMMANDS = {
    "promise list --overdue --json": (["promise", "list", "--overdue", "--json"], "answers"),
    "check": (["check"], "all"),
}
COLD_GOAL = 1.3
WARM_GOAL = 0.25
RSS_GOAL_MIB = 300


def measure(workspace: Path, repeat: int) -> dict[str, dict[str, list[Run]]]:
    """Interleave floor, cold and warm runs, so a busy moment hurts all three alike."""
    runs: dict[str, dict[str, list[Run]]] = {name: {"floor": [], "cold": [], "warm": []} for name in COMMANDS}
    floor = [sys.executable, str(ROOT / "bench" / "floor_parse.py"), str(workspace)]
    for _ in range(repeat):
        for name, (args, files) in COMMANDS.items():
            cmd = [*MEETINGKIT, *args, "--workspace", str(workspace)]
            runs[name]["floor"].append(run([*floor, files]))
            drop_cache(workspace)
            runs[name]["cold"].append(run(cmd))
            runs[name]["warm"].append(run(cmd))
    return runs


def main(argv: list[str] | None = None) -> int:
    workspace, repeat = large_workspace(argv, __doc__, repeat=5)
    print(f"workspace {workspace}: best of {repeat} whole-process runs, wall seconds")
    met = []
    for name, r in measure(workspace, repeat).items():
        floor, cold, warm = best(r["floor"]), best(r["cold"]), best(r["warm"])
        if {x.stdout for x in r["cold"] + r["warm"]} != {cold.stdout}:
            print(f"{name}: cold and warm output differ; the cache changed a result", file=sys.stderr)
            return 1
        met.append(report_ratio(f"{name}, cold", cold.seconds, floor.seconds, COLD_GOAL))
        met.append(report_ratio(f"{name}, warm", warm.seconds, floor.seconds, WARM_GOAL))
        cpu = {kind: min(x.cpu for x in r[kind]) for kind in ("floor", "cold", "warm")}
        for kind in ("cold", "warm"):  # CPU time: less disturbed by a busy machine than wall time
            report(f"{name}, {kind}, CPU (info)", cpu[kind], cpu["floor"], "s", "none", True)
        if name.startswith("promise list"):
            peak = max(x.max_rss_mib for x in r["cold"] + r["warm"])
            floor_rss = max(x.max_rss_mib for x in r["floor"])
            goal = f"< {RSS_GOAL_MIB}"
            met.append(report(f"{name}, peak RSS", peak, floor_rss, "MiB", goal, peak < RSS_GOAL_MIB))
    return 0 if all(met) else 1


if __name__ == "__main__":
    sys.exit(main())
