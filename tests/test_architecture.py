"""The shape rule: only tui/ imports Textual, only printing/ imports ReportLab,
and the command line's start-up path loads neither (nor babel or icalendar)."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parent.parent / "toolkit"
HOMES = {"textual": "tui", "reportlab": "printing"}


def _imported_roots(path: Path) -> set[str]:
    roots = set()
    for node in ast.walk(ast.parse(path.read_text(), str(path))):
        if isinstance(node, ast.Import):
            roots |= {alias.name.split(".")[0] for alias in node.names}
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            roots.add(node.module.split(".")[0])
    return roots


@pytest.mark.parametrize("library, home", sorted(HOMES.items()))
def test_library_is_imported_only_in_its_home(library: str, home: str):
    offenders = [
        str(path.relative_to(PACKAGE))
        for path in PACKAGE.rglob("*.py")
        if library in _imported_roots(path) and path.relative_to(PACKAGE).parts[0] != home
    ]
    assert offenders == [], f"{library} may only be imported under toolkit/{home}/"


def test_core_modules_load_neither_ui_library():
    core = sorted(p.stem for p in PACKAGE.glob("*.py") if p.stem not in {"__main__"})
    code = (
        "import importlib, sys\n"
        f"for name in {core!r}:\n"
        "    importlib.import_module('toolkit.' + name)\n"
        "print(sorted({m.split('.')[0] for m in sys.modules} & {'textual', 'reportlab'}))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "[]"


def test_command_line_start_up_stays_light(tmp_path: Path):
    code = (
        "import sys\n"
        "from toolkit.cli import main\n"
        "main(['questions', 'list'])\n"
        "heavy = {'textual', 'reportlab', 'babel', 'icalendar', 'rich', 'typing_extensions'}\n"
        "print('LOADED', sorted({m.split('.')[0] for m in sys.modules} & heavy))\n"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=tmp_path
    )
    assert out.stdout.strip().splitlines()[-1] == "LOADED []"
