"""The law table on disk: the laws shipped in ``questions/laws/<id>.yaml`` and
those a group adds by hand in ``<workspace>/laws/<id>.yaml``.

A workspace file overrides the shipped one of the same id (a group that
checked a newer statute need not wait for a release). A file that cannot be
read is a problem naming the file and field; the other laws still load.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import TypeVar

import msgspec

from . import yamlio
from .errors import FileProblem
from .requests import Law

LAWS_DIR = "laws"
T = TypeVar("T")
_DATE_WORDS = ("Invalid RFC3339 encoded date", "expected a date YYYY-MM-DD")


def shipped_law_files() -> list[Path]:
    from . import questions

    return sorted((Path(questions.__file__).parent / LAWS_DIR).glob("*.yaml"))


@dataclass
class LawTable:
    laws: dict[str, Law] = field(default_factory=dict)
    problems: list[FileProblem] = field(default_factory=list)


def read_law(path: Path) -> Law:
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise FileProblem(path, f"cannot be read ({exc.strerror})") from None
    law = convert(data, path, Law)
    if law.id != path.stem:
        raise FileProblem(
            path, f"id {law.id!r} does not match the file name; expected {path.stem!r}", field="id"
        )
    return law


def convert(data: bytes, path: Path, cls: type[T]) -> T:
    """YAML bytes to a record, or a FileProblem naming the file, line and field.

    msgspec says "Expected `int`, got `str` - at `$.deadline.days`"; the
    field's path also finds its line for a person to open the file at.
    """
    raw = yamlio.loads(data, str(path))
    try:
        return msgspec.convert(raw, cls, strict=False)
    except msgspec.ValidationError as exc:
        message, _, where = str(exc).replace(*_DATE_WORDS).partition(" - at `$")
        dotted = where.rstrip("`").lstrip(".")
        steps = tuple(int(p) if p.isdigit() else p for p in re.findall(r"[^.\[\]]+", dotted))
        line = yamlio.line_of(data, steps) if steps else None
        raise FileProblem(path, message, line=line, field=dotted or None) from None


def load_laws(workspace_root: Path | None) -> LawTable:
    files = shipped_law_files()
    if workspace_root is not None:
        files += sorted(p for p in (workspace_root / LAWS_DIR).glob("*.yaml") if not p.name.startswith("."))
    table = LawTable()
    for path in files:  # shipped first: a workspace file of the same id replaces it
        try:
            law = read_law(path)
        except FileProblem as problem:
            table.problems.append(problem)
            continue
        table.laws[law.id] = law
    return table
