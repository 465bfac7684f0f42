"""Where ICE's sheets are kept: the dated snapshot shipped in the package, and the
sheets a group imported into ``<workspace>/data/ice-287g/<date>-<kind>.yaml``.

The snapshot is JSON read with msgspec (a few milliseconds, no spreadsheet
reader); imports are YAML like every other workspace file, one per sheet and
date, so two organizers sharing the folder through git never fight over one.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

import msgspec

from . import yamlio
from .atomic import current_revision, make_private_dir, replace_if_unchanged
from .errors import FileProblem, MeetingkitError
from .ice import Match, Sheet, match
from .model import Settings

SNAPSHOT = Path(__file__).parent / "data" / "ice-287g-2025-07-18.json"
IMPORT_DIR = Path("data") / "ice-287g"


class Snapshot(msgspec.Struct, kw_only=True):
    format: int = 1
    sheets: list[Sheet]


@dataclass
class Library:
    """Every sheet known, oldest first (the snapshot before an import of the same day)."""

    sheets: list[Sheet]
    problems: list[FileProblem] = field(default_factory=list)


def read_snapshot(path: Path = SNAPSHOT) -> list[Sheet]:
    try:
        return msgspec.json.decode(path.read_bytes(), type=Snapshot).sheets
    except (OSError, msgspec.DecodeError, msgspec.ValidationError) as exc:
        raise FileProblem(
            path, f"the shipped ICE snapshot cannot be read ({exc}); reinstall meetingkit"
        ) from None


def import_dir(root: Path) -> Path:
    return root / IMPORT_DIR


def sheet_path(root: Path, sheet: Sheet) -> Path:
    return import_dir(root) / f"{sheet.as_of.isoformat()}-{sheet.kind}.yaml"


def _read_import(path: Path) -> Sheet:
    data = path.read_bytes()
    try:
        return msgspec.convert(yamlio.loads(data, str(path)), Sheet, strict=False)
    except msgspec.ValidationError as exc:
        raise FileProblem(path, f"not an imported ICE sheet ({exc}); import the .xlsx again") from None


def imported(root: Path) -> Library:
    """The workspace's imported sheets; a broken file is reported and skipped, never rewritten."""
    sheets, problems = [], []
    folder = import_dir(root)
    for path in sorted(folder.glob("*.yaml")) if folder.is_dir() else []:
        try:
            sheets.append(_read_import(path))
        except FileProblem as exc:
            problems.append(exc)
    return Library(sorted(sheets, key=lambda s: s.as_of), problems)


def library(root: Path | None) -> Library:
    """The snapshot and, when there is a workspace, its imports, ordered by ICE's date."""
    found = imported(root) if root is not None else Library([])
    sheets = sorted(read_snapshot() + found.sheets, key=lambda s: s.as_of)
    return Library(sheets, found.problems)


def match_workspace(root: Path, settings: Settings) -> Match:
    """The workspace's own agency on ICE's newest sheets (the snapshot or a newer import)."""
    return match(library(root).sheets, settings.agency, settings.state, settings.jurisdiction)


def cited_match(root: Path, settings: Settings) -> Match | None:
    """The workspace's agency on ICE's list, or None when the group turned citing it off
    (``ice: false`` in meetingkit.yaml)."""
    return match_workspace(root, settings) if settings.ice else None


@dataclass(frozen=True)
class Saved:
    path: Path
    outcome: str
    """``imported``, ``unchanged`` (the same sheet again) or ``replaced``."""


def save_imports(
    root: Path, sheets: list[Sheet], lock_dir: Path | None, *, replace: bool = False
) -> list[Saved]:
    """Write each sheet to its dated file; every check is made before the first write,
    so a refused sheet leaves the workspace as it was."""
    plan: list[tuple[Path, Sheet, str | None, str]] = []
    seen: dict[Path, Sheet] = {}
    for sheet in sheets:
        path = sheet_path(root, sheet)
        if path in seen:
            if seen[path].sha256 == sheet.sha256:
                continue
            raise MeetingkitError(
                f"{seen[path].source} and {sheet.source} are both ICE's {sheet.kind} sheet of "
                f"{sheet.as_of.isoformat()}; import one of them"
            )
        seen[path] = sheet
        revision = current_revision(path)
        outcome = "imported"
        if revision is not None:
            old = _read_import(path)
            if old.sha256 == sheet.sha256:
                outcome = "unchanged"
            elif not replace:
                raise MeetingkitError(
                    f"a different {sheet.kind} sheet of {sheet.as_of.isoformat()} is already imported "
                    f"(from {old.source}); add --replace to keep {sheet.source} instead"
                )
            else:
                outcome = "replaced"
        plan.append((path, sheet, revision, outcome))
    if plan:
        make_private_dir(import_dir(root))
    done = []
    for path, sheet, revision, outcome in plan:
        if outcome != "unchanged":
            text = yamlio.dumps(msgspec.to_builtins(sheet, builtin_types=(date,)))
            replace_if_unchanged(path, text.encode("utf-8"), revision, lock_dir)
        done.append(Saved(path, outcome))
    return done
