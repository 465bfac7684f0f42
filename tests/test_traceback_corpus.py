"""Every command and subcommand, against a corpus of bad inputs: no traceback, ever.

The commands are enumerated from the real parser, so a new one is covered the day it is
registered. Each argument slot of each command gets every hostile value (the other slots
valid), and each command runs as given against workspaces broken in every way a hand edit,
a git conflict or a copy can break one. Cases run in batches, each batch a subprocess of
its own over its own copy of the workspaces, calling ``toolkit.cli.main`` per case as
``python -m toolkit`` does; one plain ``python -m toolkit`` run per command checks the real
entry point too.
"""

from __future__ import annotations

import argparse
import json
import shutil
import subprocess
import sys
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

from tests.conftest import TODAY
from toolkit import demo
from toolkit.bank import load
from toolkit.cli import build_parser, main
from toolkit.model import Settings
from toolkit.store import Workspace

HELD = "2026-11-06-alder-county-board-of-commissioners"
UPCOMING = "2026-12-09-alder-county-board-of-commissioners"
PROMISE = f"{HELD}--data-sharing--1"

TEXT = [
    "",
    " ",
    "\x1b]0;retitled\x07",
    "\x1b[2J",
    "\x1b]52;c;aGk=\x07",
    "two\nlines",
    "<b>&amp;</b>",
    "9" * 5000,
    f"{HELD}²",
    "20261110",
    "9999-12-31",
    "-1",
    "\udcff",  # an argument that was not UTF-8, as Python hands it over
    "../../etc/passwd",
    "x" * 300,
]
"""Hostile values for any slot taking text, ids, dates or numbers."""

PATHS = [
    "{folder}",
    "{fifo}",
    "{devnull}",
    "{loop}/x.pdf",
    "{long}",
    "{workspace}/meetings/" + HELD + ".yaml",
]
"""Hostile values for slots naming a file (``-o``, ``--font``, sheets to import)."""

VALID = {
    "questions show": ["data-sharing"],
    "meeting new": ["--body", "Board", "--date", "2027-01-05"],
    "meeting show": [HELD],
    "meeting ask": [UPCOMING, "data-sharing"],
    "meeting unask": [UPCOMING, "data-sharing"],
    "meeting set": [UPCOMING, "--location", "Hall"],
    "meeting plan": [UPCOMING, "--speaker", "Ana"],
    "testimony draft": [UPCOMING, "--speaker", "Ana"],
    "testimony time": [HELD],
    "testimony print": [HELD, "--speaker", "Maria Lopez", "-o", "{out}.pdf"],
    "handout": [UPCOMING, "-o", "{out}.pdf"],
    "answer": [HELD, "data-sharing", "--status", "answered"],
    "promise add": [HELD, "data-sharing", "--what", "a policy"],
    "promise update": [PROMISE, "--status", "kept"],
    "request draft": [HELD, "data-sharing", "--law", "wa"],
    "request update": ["{request}", "--status", "filed"],
    "request show": ["{request}"],
    "request print": ["{request}", "-o", "{out}.pdf"],
    "request followup": ["{request}"],
    "request appeal": ["{request}"],
    "media": [HELD],
    "calendar": ["-o", "{out}.ics"],
    "ice import": ["{sheet}"],
    "init": [],
}
"""A run of each command that works on the demo workspace; the slots are varied from here."""

PATH_SLOTS = {"-o", "--output", "--font", "files", "--kept-at"}


def leaves(
    parser: argparse.ArgumentParser, prefix: tuple[str, ...] = ()
) -> dict[str, argparse.ArgumentParser]:
    subs = [a for a in parser._actions if isinstance(a, argparse._SubParsersAction)]
    if not subs:
        return {" ".join(prefix): parser}
    found: dict[str, argparse.ArgumentParser] = {}
    for name, sub in subs[0].choices.items():
        found |= leaves(sub, (*prefix, name))
    return found


def slots(parser: argparse.ArgumentParser) -> list[argparse.Action]:
    """The arguments that take a value (flags without one have no hostile form)."""
    return [
        a
        for a in parser._actions
        if a.nargs != 0 and a.dest not in ("help", "workspace") and not isinstance(a, argparse._HelpAction)
    ]


def with_value(
    words: int, base: list[str], taking: list[argparse.Action], action: argparse.Action, value: str
) -> list[str]:
    """``base`` with ``value`` in ``action``'s slot. An option goes last as ``--opt=value`` (so
    ``-1`` stays a value); a positional replaces its valid one (VALID lists them first)."""
    if action.option_strings:
        args, skip = [], False
        for arg in base:
            if skip or arg in action.option_strings:
                skip = not skip
                continue
            args.append(arg)
        return [*args, f"{action.option_strings[-1]}={value}"]
    spot = words + [a for a in taking if not a.option_strings].index(action)
    given = spot < len(base) and not base[spot].startswith("-")
    return [*base[:spot], value, *base[spot + int(given) :]]


def corpus() -> list[tuple[str, list[str]]]:
    """(workspace, argv) pairs, one shape each."""
    cases: list[tuple[str, list[str]]] = []
    seen: set[tuple[str, ...]] = set()
    for name, parser in leaves(build_parser()).items():
        taking = slots(parser)
        base = [*name.split(), *VALID.get(name, [])]
        for workspace in ("good", "broken", "bad-settings", "missing", "file", "devnull"):
            cases.append((workspace, base))
        for action in taking:
            keys = {*action.option_strings, action.dest}
            values = [*PATHS, "", "\x1b[2J", "x" * 300] if keys & PATH_SLOTS else TEXT
            if action.choices:
                values = ["", "\x1b]0;t\x07", "\udcff"]
            for value in values:
                argv = with_value(len(name.split()), base, taking, action, value)
                if tuple(argv) not in seen:
                    seen.add(tuple(argv))
                    cases.append(("good", argv))
    return cases


# --- the workspaces ---------------------------------------------------------------------------

LAUGHS = 'a: &a ["lol","lol","lol","lol","lol","lol","lol","lol"]\n' + "".join(
    f"{b}: &{b} [{','.join(['*' + a] * 8)}]\n" for a, b in zip("abcdefg", "bcdefgh", strict=True)
)


def break_everything(root: Path) -> None:
    """Every kind of file, broken each way a person, git or a copy breaks one."""
    m, a, t = root / "meetings", root / "answers" / HELD, root / "testimony" / HELD
    for folder in (root / "questions", root / "requests", root / "laws", root / "data" / "ice-287g"):
        folder.mkdir(parents=True, exist_ok=True)
    files: dict[Path, str | bytes] = {
        m / "2027-01-01-unclosed.yaml": 'id: 2027-01-01-unclosed\nbody: "x\ndate: 2027-01-01\n',
        m / "2027-01-02-dup.yaml": "id: 2027-01-02-dup\nbody: a\nbody: b\ndate: 2027-01-02\n",
        m / "2027-01-03-laughs.yaml": LAUGHS,
        m / "2027-01-04-tag.yaml": "id: !!python/object/apply:os.getcwd []\nbody: x\ndate: 2027-01-04\n",
        m / "2027-01-05-binary.yaml": b"\xff\xfe\x00\x1b[2J garbage",
        m / "2027-01-06-empty.yaml": "",
        m / "2027-01-07-list.yaml": "- a\n- b\n",
        m / "2027-01-08-types.yaml": "id: 2027-01-08-types\nbody: [1]\ndate: 20261110\nminutes: "
        + "9" * 5000
        + "\nlanguage: Español\nagnecy: x\n",
        m / "2027-01-09-\x1b]0;t\x07.yaml": "id: x\n",
        m / "2027-01-10-escape.yaml": 'id: 2027-01-10-escape\nbody: "\\e]0;t\\a\\e[2J"\ndate: 2027-01-10\n',
        a / "ice-contract.yaml": "meeting: [\n",
        a / "federal-grant-conditions.yaml": f"meeting: {HELD}\nquestion: federal-grant-conditions\n"
        "status: bogus\npromises: x\n",
        root / "answers" / "2027-01-01-orphan" / "data-sharing.yaml": "meeting: 2027-01-01-orphan\n",
        root / "answers" / "Not A Slug" / "x.yaml": "meeting: y\n",
        t / "broken.md": "---\nspeaker: [\n---\n",
        t / "binary.md": b"---\nspeaker: \xff\n---\n",
        t / "nofront.md": "just words",
        root / "questions" / "bad.yaml": "questions: [\n",
        root / "questions" / "types.yaml": "questions:\n- id: 5\n  text: 7\n",
        root / "requests" / "broken.yaml": "id: [\n",
        root / "requests" / "types.yaml": "id: types\nstatus: lost\nfiled: 99999-01-01\n",
        root / "laws" / "xx.yaml": "id: xx\ndays: many\n",
        root / "data" / "ice-287g" / "sheet.yaml": "rows: [\n",
    }
    for path, text in files.items():
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(text if isinstance(text, bytes) else text.encode())
    (m / "2027-01-11-folder.yaml").mkdir()
    (root / "questions" / "x.yaml").mkdir()
    (m / "2027-01-12-loop.yaml").symlink_to("2027-01-12-loop.yaml")
    (root / "testimony" / "2027-01-01-loop").symlink_to("2027-01-01-loop")


@pytest.fixture(scope="module")
def template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The workspaces every batch copies: good (the demo, with a request), broken, bad settings."""
    base = tmp_path_factory.mktemp("corpus")
    good = Workspace(base / "good")
    good.create(demo.settings())
    demo.build(good, load(good.bank_dir), TODAY)
    assert main(["request", "draft", HELD, "data-sharing", "--law", "wa", "--workspace", str(good.root)]) == 0
    shutil.copytree(good.root, base / "broken", symlinks=True)
    break_everything(base / "broken")
    bad = Workspace(base / "bad-settings")
    bad.create(Settings())
    (bad.root / "meetingkit.yaml").write_text("group: [\nformat: 99\n")
    (base / "file").write_text("not a folder")
    sheet = base / "sheet.xlsx"
    sheet.write_bytes(b"PK\x03\x04 not really a spreadsheet")
    return base


DRIVER = r"""
import io, json, os, signal, sys, traceback
from pathlib import Path
from toolkit.cli import main

cases, root = json.load(open(sys.argv[1], encoding="utf-8")), Path(sys.argv[2])
request = next((root / "good" / "requests").glob("*.yaml")).stem
os.mkfifo(root / "fifo")
(root / "folder").mkdir()
(root / "devnull").symlink_to(os.devnull)
(root / "loop").symlink_to(root / "loop")
fill = {"folder": root / "folder", "fifo": root / "fifo", "devnull": root / "devnull", "loop": root / "loop",
        "long": root / ("n" * 260 + ".pdf"), "request": request, "sheet": root / "sheet.xlsx"}
def hung(*_):
    raise TimeoutError("the command hung (a pipe read?)")

signal.signal(signal.SIGALRM, hung)
results = []
for n, (where, argv) in enumerate(cases):
    values = dict(fill, workspace=root / "good", out=root / f"out{n}")
    argv = [arg.format(**values) if "{" in arg else arg for arg in argv]
    workspace = root / "fresh" / str(n) if argv[0] == "init" and where == "good" else root / where
    out, err = io.StringIO(), io.StringIO()
    sys.stdout, sys.stderr = out, err
    signal.alarm(30)
    try:
        code = main([*argv, "--workspace", str(workspace)])
    except BaseException:
        code = -1
        err.write(traceback.format_exc())
    signal.alarm(0)
    sys.stdout, sys.stderr = sys.__stdout__, sys.__stderr__
    results.append([where, argv, code, out.getvalue(), err.getvalue()])
json.dump(results, open(sys.argv[3], "w", encoding="utf-8"))
"""


def faults(where: str, argv: list[str], code: int, out: str, err: str) -> list[str]:
    """What breaks the contract: a traceback, a raw escape, a failure that is not one error line."""
    found = []
    shown = out + err
    if "Traceback" in shown or code not in (0, 1, 2):
        found.append("traceback")
    if "did not expect" in err:
        found.append("last-resort error (an unhandled exception)")
    if "\x1b" in shown or "\x07" in shown:
        found.append("raw escape sequence on the terminal")
    lines = err.splitlines()
    errors = [line for line in lines if line.startswith("error:")]
    if len(errors) > 1 or (code == 2 and len(errors) != 1):
        found.append(f"{len(errors)} error lines")
    strays = [line for line in lines if line and not line.startswith(("error:", "warning:", "note:"))]
    if strays:
        found.append(f"stray stderr line {strays[0][:80]!r}")
    return [f"{where} {argv!r:.200}: {fault}\n  {err[-300:]!r}" for fault in found]


def run_batch(template: Path, folder: Path, cases: list[tuple[str, list[str]]]) -> list[str]:
    shutil.copytree(template, folder, symlinks=True)
    cwd = folder / "cwd" / "a" / "b" / "c"  # so ../../etc/passwd stays in tmp_path
    cwd.mkdir(parents=True)
    (folder / "cases.json").write_text(json.dumps(cases))
    proc = subprocess.run(
        [sys.executable, "-c", DRIVER, folder / "cases.json", folder, folder / "results.json"],
        capture_output=True,
        text=True,
        cwd=cwd,
        timeout=900,
    )
    assert proc.returncode == 0, proc.stderr[-2000:]
    return [f for case in json.loads((folder / "results.json").read_text()) for f in faults(*case)]


def run_real(template: Path, folder: Path, name: str) -> list[str]:
    """One real ``python -m toolkit`` per command, on the broken workspace."""
    shutil.copytree(template / "broken", folder, symlinks=True)
    argv = [*name.split(), *(a for a in VALID.get(name, []) if "{" not in a)]
    argv = argv if "{" not in " ".join(VALID.get(name, [])) else name.split()
    proc = subprocess.run(
        [sys.executable, "-m", "toolkit", *argv, "--workspace", str(folder)],
        capture_output=True,
        text=True,
        cwd=folder,
        timeout=120,
        stdin=subprocess.DEVNULL,
    )
    return faults("real", argv, proc.returncode, proc.stdout, proc.stderr)


def test_no_command_ever_prints_a_traceback(template: Path, tmp_path: Path) -> None:
    cases = corpus()
    names = list(leaves(build_parser()))
    assert {"meeting new", "report", "check", "ice import", "request print"} <= set(names)
    assert len(cases) > 40 * len(names) // 10
    batches = [cases[i::6] for i in range(6)]
    with ThreadPoolExecutor(max_workers=2) as pool:
        found = pool.map(
            lambda i: run_batch(template, tmp_path / f"batch{i}", batches[i]), range(len(batches))
        )
        real = pool.map(lambda n: run_real(template, tmp_path / f"real-{n.replace(' ', '-')}", n), names)
        problems = [p for batch in found for p in batch] + [p for run in real for p in run]
    assert not problems, f"{len(problems)} of {len(cases)} cases broke the contract:\n" + "\n".join(
        problems[:30]
    )
