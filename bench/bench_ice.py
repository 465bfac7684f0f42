"""ICE's 287(g) list: ``ice show`` against ``questions list``, an import of the July 2025
sheet, and the two spreadsheet readers weighed on that sheet.

All whole processes, best of ``--runs``, on the example workspace (its agency set to one
ICE lists). The sheets come from ``$MEETINGKIT_SHARED/data/ice-287g`` (default ``/work/shared``).

    python bench/bench_ice.py [--runs 10]
"""

from __future__ import annotations

import os
import shutil
import sys
import tempfile
from pathlib import Path

from measure import MEETINGKIT, best, demo_env, report, report_ratio, run, runs_option

SHEET = "participatingAgencies07182025pm.xlsx"
READERS = {
    "python-calamine": "import python_calamine as c; "
    "c.CalamineWorkbook.from_path({path!r}).get_sheet_by_index(0).to_python()",
    "openpyxl": "import openpyxl as o; list(o.load_workbook({path!r}, read_only=True, data_only=True).active"
    ".iter_rows(values_only=True))",
}


def main() -> None:
    runs = runs_option(__doc__, 10)
    sheet = Path(os.environ.get("MEETINGKIT_SHARED", "/work/shared")) / "data" / "ice-287g" / SHEET
    with tempfile.TemporaryDirectory() as tmp:
        env = demo_env(tmp)
        workspace = Path(env["MEETINGKIT_WORKSPACE"])
        settings = workspace / "meetingkit.yaml"
        text = settings.read_text().replace(
            "the Alder County Sheriff's Office", "Colbert County Sheriff's Office"
        )
        settings.write_text(text.replace("state: Columbia", "state: AL"))
        listing = best([run([*MEETINGKIT, "questions", "list"], env) for _ in range(runs)]).seconds
        show = best([run([*MEETINGKIT, "ice", "show"], env) for _ in range(runs)]).seconds
        report_ratio("meetingkit ice show (snapshot)", show * 1000, listing * 1000, 1.5, "ms")
        imports = []
        for _ in range(runs):
            shutil.rmtree(workspace / "data", ignore_errors=True)
            imports.append(run([*MEETINGKIT, "ice", "import", str(sheet)], env))
        floor = best([run([sys.executable, "-c", "import yaml"], env) for _ in range(runs)]).seconds
        report("meetingkit ice import (July 2025 sheet)", best(imports).seconds * 1000, floor * 1000, "ms",
               "< 2 s", best(imports).seconds < 2)  # fmt: skip
        shown = best([run([*MEETINGKIT, "ice", "show"], env) for _ in range(runs)]).seconds
        report_ratio("meetingkit ice show (snapshot + import)", shown * 1000, listing * 1000, 2.5, "ms")
        python = best([run([sys.executable, "-c", "pass"], env) for _ in range(runs)]).seconds
        for name, code in READERS.items():
            try:
                figure = best(
                    [run([sys.executable, "-c", code.format(path=str(sheet))], env) for _ in range(runs)]
                )
            except SystemExit:
                print(f"{name}: not installed")
                continue
            report(f"read the July sheet with {name}", figure.seconds * 1000, python * 1000, "ms", "-", True)


if __name__ == "__main__":
    main()
