"""The accountability report and the calendar on a statewide coalition's record.

    python bench/bench_report.py [--workspace DIR] [--repeat N]

On the workspace of 500 meetings, 10,000 answers and 2,000 promises that
``make_workspace.py`` writes (shared with ``bench_scale.py``), as whole
processes, best of N:

- ``report`` (Markdown), ``report --format csv`` and ``calendar``, cold (the
  derived cache removed first) and warm, against the floor: a process that
  only parses the same files with ``yaml.CSafeLoader``. Goals: cold < 1.5x,
  warm < 1.0x the floor;
- ``report --format pdf`` on a tenth of that record (50 meetings, 1,000
  answers, 200 promises), against ReportLab alone setting the Markdown
  report's lines as plain paragraphs in one pass. Goal: < 3x (the PDF has
  tables and is built twice to number its pages "n of N").
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path

from measure import MEETINGKIT, ROOT, SCALES, best, drop_cache, ensure_workspace, report_ratio, run

AS_OF = "2026-11-27"
COLD_GOAL, WARM_GOAL, PDF_GOAL = 1.5, 1.0, 3.0
BASELINE_PDF = """
import sys
from xml.sax.saxutils import escape
from reportlab.lib.styles import getSampleStyleSheet
from reportlab.platypus import Paragraph, SimpleDocTemplate
style = getSampleStyleSheet()["BodyText"]
lines = open(sys.argv[1], encoding="utf-8").read().splitlines()
SimpleDocTemplate(sys.argv[2]).build([Paragraph(escape(line), style) for line in lines if line.strip()])
"""


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--workspace", type=Path, help="the large workspace (default: made in a temp folder)")
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args(argv)
    tmp = Path(tempfile.gettempdir())
    step = SCALES[0]
    big = ensure_workspace(args.workspace or step.folder(), step.meetings, step.answers, step.promises)
    small = ensure_workspace(tmp / "meetingkit-bench-50-1000-200", 50, 1000, 200)
    out = Path(tempfile.mkdtemp(prefix="meetingkit-bench-report-"))
    print(f"workspaces {big} and {small}: best of {args.repeat} whole-process runs, wall seconds")
    floor = best([run([sys.executable, str(ROOT / "bench" / "floor_parse.py"), str(big), "all"])
                  for _ in range(args.repeat)])  # fmt: skip
    commands = {
        "report (Markdown)": ["report", "--as-of", AS_OF],
        "report --format csv": ["report", "--format", "csv", "--as-of", AS_OF],
        "calendar": ["calendar", "-o", str(out / "big.ics"), "--as-of", AS_OF],
    }
    met = []
    for name, cmd in commands.items():
        full = [*MEETINGKIT, *cmd, "--workspace", str(big)]
        cold, warm = [], []
        for _ in range(args.repeat):
            drop_cache(big)
            cold.append(run(full))
            warm.append(run(full))
        met.append(report_ratio(f"{name}, cold", best(cold).seconds, floor.seconds, COLD_GOAL))
        met.append(report_ratio(f"{name}, warm", best(warm).seconds, floor.seconds, WARM_GOAL))
    markdown = out / "small.md"
    markdown.write_bytes(run([*MEETINGKIT, "report", "--as-of", AS_OF, "--workspace", str(small)]).stdout)
    pdf_cmd = [
        *MEETINGKIT,
        "report",
        "-o",
        str(out / "small.pdf"),
        "--as-of",
        AS_OF,
        "--workspace",
        str(small),
    ]
    base_cmd = [sys.executable, "-c", BASELINE_PDF, str(markdown), str(out / "baseline.pdf")]
    pdf = best([run(pdf_cmd) for _ in range(args.repeat)])
    base = best([run(base_cmd) for _ in range(args.repeat)])
    met.append(report_ratio("report --format pdf (1,000 answers)", pdf.seconds, base.seconds, PDF_GOAL))
    return 0 if all(met) else 1


if __name__ == "__main__":
    sys.exit(main())
