"""The law table on disk: the laws shipped in ``questions/laws/<id>.yaml`` and
those a group adds by hand in ``<workspace>/laws/<id>.yaml``.

A workspace file overrides the shipped one of the same id (a group that
checked a newer statute need not wait for a release). A file that cannot be
read is a problem naming the file and field; the other laws still load.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import TypeVar

from .errors import FileProblem
from .layout import Layout
from .model import Law
from .record_files import RecordFile, named_by_id

LAWS_DIR = "laws"
T = TypeVar("T")
_DATE_WORDS = ("Invalid RFC3339 encoded date", "expected a date YYYY-MM-DD")


def shipped_law_files() -> list[Path]:
    from . import questions  # type: ignore[attr-defined]  # installed from questions/ (pyproject)

    return sorted((Path(questions.__file__).parent / LAWS_DIR).glob("*.yaml"))


@dataclass
class LawTable:
    laws: dict[str, Law] = field(default_factory=dict)
    problems: list[FileProblem] = field(default_factory=list)


LAW_FILE = RecordFile(Law, named_by_id)


def read_law(path: Path) -> Law:
    from .store import read_file

    return read_file(path, LAW_FILE)


def load_laws(workspace_root: Path | None) -> LawTable:
    files = shipped_law_files()
    if workspace_root is not None:
        files += [Path(e.path) for e in Layout.entries(workspace_root / LAWS_DIR, ".yaml")]
    table = LawTable()
    for path in files:  # shipped first: a workspace file of the same id replaces it
        try:
            law = read_law(path)
        except FileProblem as problem:
            table.problems.append(problem)
            table.laws.pop(path.stem, None)  # a broken override must not quietly fall back to the shipped law
            continue
        table.laws[law.id] = law
    return table
