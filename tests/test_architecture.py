"""The shape rule: only tui/ imports Textual, only printing/ imports ReportLab,
and the command line's start-up path loads neither (nor babel or icalendar)."""

from __future__ import annotations

import ast
import subprocess
import sys
from collections.abc import Callable
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


FRONT_ENDS = {"cli", "commands", "tui", "__main__"}
STORE = {
    "store",
    "layout",
    "record_files",
    "cache",
    "atomic",
    "request_store",
    "ice_store",
    "merge",
    "yamlio",
}
"""What only the application layer (and the command line's reading) touches: the files themselves."""


def _toolkit_imports(path: Path) -> set[str]:
    """The toolkit modules ``path`` imports, by their first name under toolkit (``store``, ``tui``)."""
    parts = path.relative_to(PACKAGE).with_suffix("").parts
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(), str(path))):
        if isinstance(node, ast.Import):
            found |= {a.name.split(".")[1] for a in node.names if a.name.startswith("toolkit.")}
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = list(parts[: len(parts) - node.level])
            elif node.module and node.module.startswith("toolkit."):
                base = []
            else:
                continue
            module = node.module.removeprefix("toolkit.").split(".") if node.module else []
            if node.level == 0:
                found.add(module[0])
            elif base or module:
                found.add([*base, *module][0])
            else:
                found |= {alias.name for alias in node.names}
    return found


def _layer(path: Path) -> str:
    top = path.relative_to(PACKAGE).with_suffix("").parts[0]
    if top in FRONT_ENDS:
        return top
    return "actions" if top == "actions" else "core"


def _offenders(allowed: Callable[[str, str], bool]) -> list[str]:
    return sorted(
        f"{path.relative_to(PACKAGE)} imports toolkit.{name}"
        for path in PACKAGE.rglob("*.py")
        for name in _toolkit_imports(path)
        if not allowed(_layer(path), name)
    )


def test_layers_import_only_downwards():
    """model → store → actions → {cli, tui}: the core and the actions never import a front end,
    and the two front ends never import each other (``meetingkit app`` only starts the app)."""

    def allowed(layer: str, name: str) -> bool:
        if layer in ("core", "actions"):
            return name not in FRONT_ENDS
        if layer == "tui":
            return name not in {"cli", "commands"}
        return True

    assert _offenders(allowed) == []


def test_the_app_reaches_the_workspace_only_through_the_application_layer():
    """tui/ imports neither the store's modules nor the printing package, and never touches
    the session's workspace (``session.ws``): every job it does is a call into toolkit.actions."""
    offenders = _offenders(lambda layer, name: layer != "tui" or name not in STORE | {"printing"})
    for path in (PACKAGE / "tui").rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(), str(path))):
            if isinstance(node, ast.Attribute) and node.attr == "ws":
                offenders.append(f"{path.relative_to(PACKAGE)}:{node.lineno} uses .{node.attr}")
    assert offenders == []


def test_printing_jobs_are_assembled_once_below_both_front_ends():
    """The command line prints through toolkit.actions like the app: neither front end
    imports toolkit.printing."""
    offenders = _offenders(lambda layer, name: layer not in FRONT_ENDS or name != "printing")
    assert offenders == []


def test_the_application_layer_imports_no_user_interface_library():
    for path in (PACKAGE / "actions").rglob("*.py"):
        roots = _imported_roots(path)
        assert not roots & {"textual", "argparse", "rich"}, (
            f"{path.name} imports {roots & {'textual', 'argparse', 'rich'}}"
        )


def test_every_toggle_in_the_app_shows_its_state_without_colour():
    """Textual's own Checkbox and RadioButton draw the same mark on and off (colour tells them
    apart): the app uses widgets.marked_toggles' ones everywhere."""
    offenders = []
    for path in (PACKAGE / "tui").rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(), str(path))):
            if (
                isinstance(node, ast.Call)
                and isinstance(node.func, ast.Name)
                and node.func.id in ("Checkbox", "RadioButton")
            ):
                offenders.append(f"{path.relative_to(PACKAGE)}:{node.lineno} {node.func.id}(…)")
    assert offenders == []
