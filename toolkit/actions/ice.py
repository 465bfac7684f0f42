"""Importing ICE's 287(g) sheets into a workspace, for ``meetingkit ice import`` and the app.

Every sheet is read and checked before the first one is written (see
``ice_store.save_imports``), so a refused file leaves the workspace as it was.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path

from ..ice import Sheet, newest
from ..ice_sheet import read_sheet
from ..ice_store import imported, save_imports
from ..store import Workspace


@dataclass(frozen=True)
class Imported:
    sheet: Sheet
    path: Path
    outcome: str
    """``imported``, ``unchanged`` (the same sheet again) or ``replaced``."""
    newer: date | None
    """The date of a newer sheet of the same kind already imported (this one is kept, not used)."""

    @property
    def what(self) -> str:
        return (
            f"ICE's {self.sheet.kind} sheet of {self.sheet.as_of.isoformat()} ({len(self.sheet.rows)} rows)"
        )


def import_sheets(
    ws: Workspace, files: list[Path], as_of: date | None = None, *, replace: bool = False
) -> list[Imported]:
    """Read each downloaded .xlsx and save it under the workspace's data folder."""
    sheets = [read_sheet(Path(f).expanduser(), as_of) for f in files]
    before = imported(ws.root)
    saved = save_imports(ws.root, sheets, ws.lock_dir, replace=replace)
    done = []
    for sheet, result in zip(sheets, saved, strict=True):
        latest = newest(before.sheets, sheet.kind)
        newer = latest.as_of if latest is not None and latest.as_of > sheet.as_of else None
        done.append(Imported(sheet, result.path, result.outcome, newer))
    return done
