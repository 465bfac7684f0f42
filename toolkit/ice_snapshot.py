"""Rebuild the ICE snapshot shipped in the package: ``python -m toolkit.ice_snapshot [FOLDER]``.

Reads ICE's participating and pending .xlsx files of one day from FOLDER
(default: ``$MEETINGKIT_SHARED/data/ice-287g``, else ``/work/shared/data/ice-287g``)
and writes ``toolkit/data/ice-287g-<date>.json`` with each file's name, ICE's
date, sha256 and the page it came from, so the command line never needs the
spreadsheet reader to show the list.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

import msgspec

from .atomic import write_bytes
from .errors import MeetingkitError
from .ice_sheet import read_sheet
from .ice_store import Snapshot


def build(folder: Path, out_dir: Path) -> Path:
    files = sorted(folder.glob("*.xlsx"))
    sheets = [read_sheet(f) for f in files]
    days = {s.as_of for s in sheets}
    if sorted(s.kind for s in sheets) != ["participating", "pending"] or len(days) != 1:
        raise MeetingkitError(f"{folder}: expected one participating and one pending sheet of the same day")
    path = out_dir / f"ice-287g-{days.pop().isoformat()}.json"
    write_bytes(path, msgspec.json.encode(Snapshot(sheets=sheets)) + b"\n")
    return path


def main(argv: list[str]) -> int:
    shared = Path(os.environ.get("MEETINGKIT_SHARED", "/work/shared"))
    folder = Path(argv[0]) if argv else shared / "data" / "ice-287g"
    try:
        print(build(folder, Path(__file__).parent / "data"))
    except MeetingkitError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
