"""Issue 9's table of hostile inputs, one test (or group) per row, checked as a user would:
the command line's exit code, its one ``error:`` line, and the files left on disk."""

from __future__ import annotations

import csv
import os
import resource
import stat
import subprocess
import sys
from pathlib import Path

import pytest

from toolkit.store import Workspace

HELD = "2026-11-06-alder-county-board-of-commissioners"
"""The demo's held meeting (answers, promises, testimony)."""
UPCOMING = "2026-12-09-alder-county-board-of-commissioners"
PROMISE = f"{HELD}--data-sharing--1"
HOSTILE = "\x1b]0;pwned\x07 \x1b[2J \x1b]52;c;aGk=\x07"
"""Retitle the window, clear the screen, write the clipboard."""


def one_error(err: str) -> str:
    """The single ``error:`` line of a failed run (warnings may come before it)."""
    errors = [line for line in err.splitlines() if line.startswith("error:")]
    assert len(errors) == 1, err
    assert "Traceback" not in err
    return errors[0]


def snapshot(root: Path) -> dict[str, bytes]:
    """Every record file's bytes, to prove a refused command replaced nothing."""
    skip = root / ".meetingkit"
    return {
        str(p.relative_to(root)): p.read_bytes()
        for p in sorted(root.rglob("*"))
        if p.is_file() and not p.is_symlink() and skip not in p.parents
    }


# --- -o naming a workspace file or something that is not a regular file ------------------


@pytest.fixture
def targets(demo_ws: Workspace, tmp_path: Path) -> dict[str, Path]:
    """What an ``-o`` must never replace. ``/dev/null`` is reached through a link in tmp_path:
    the check follows it like the name itself, and a regression replaces only the link."""
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    devnull = tmp_path / "devnull"
    devnull.symlink_to(os.devnull)
    root = demo_ws.root
    return {
        "meeting": root / "meetings" / f"{HELD}.yaml",
        "answer": root / "answers" / HELD / "data-sharing.yaml",
        "testimony": next((root / "testimony" / HELD).glob("*.md")),
        "settings": root / "meetingkit.yaml",
        "new-record": root / "meetings" / "2027-01-01-forged.yaml",
        "device": devnull,
        "fifo": fifo,
    }


@pytest.mark.parametrize(
    "target", ["meeting", "answer", "testimony", "settings", "new-record", "device", "fifo"]
)
def test_report_o_never_replaces_a_record_or_a_device(demo_ws: Workspace, cli, targets, target: str) -> None:
    path = targets[target]
    before = snapshot(demo_ws.root)
    r = cli("report", "--format", "md", "-o", str(path), workspace=demo_ws.root)
    assert r.code == 2 and r.out == ""
    assert str(path) in one_error(r.err)
    assert snapshot(demo_ws.root) == before
    if target == "device":
        assert path.is_symlink() and stat.S_ISCHR(path.stat().st_mode)
    elif target == "fifo":
        assert stat.S_ISFIFO(path.stat().st_mode)
    elif target == "new-record":
        assert not path.exists()


O_COMMANDS = {
    "calendar": ["calendar"],
    "handout": ["handout", UPCOMING, "--lang", "en"],
    "promises": ["handout", HELD, "--promises"],
    "testimony": ["testimony", "print", HELD, "--speaker", "Maria Lopez"],
    "media": ["media", HELD],
    "pdf": ["report", "--format", "pdf"],
}


@pytest.mark.parametrize("command", O_COMMANDS)
def test_every_o_command_refuses_a_meeting_file_and_a_pipe(
    demo_ws: Workspace, cli, targets, command: str
) -> None:
    args = O_COMMANDS[command]
    before = snapshot(demo_ws.root)
    for name in ("meeting", "fifo"):
        r = cli(*args, "-o", str(targets[name]), workspace=demo_ws.root)
        assert r.code == 2, r.err
        assert str(targets[name]) in one_error(r.err)
    assert snapshot(demo_ws.root) == before


def test_o_inside_the_workspace_but_not_on_a_record_is_allowed(demo_ws: Workspace, cli) -> None:
    """The app prints into print/; a report next to meetingkit.yaml replaces nothing."""
    out = demo_ws.root / "print" / "report.md"
    out.parent.mkdir()
    r = cli("report", "-o", str(out), workspace=demo_ws.root)
    assert r.code == 0 and out.read_text().startswith("# ")


# --- init on an existing folder -----------------------------------------------------------


def test_init_refuses_a_non_empty_folder_that_is_not_a_workspace(cli, tmp_path: Path) -> None:
    folder = tmp_path / "documents"
    folder.mkdir(mode=0o755)
    os.chmod(folder, 0o755)
    (folder / "taxes.txt").write_text("mine")
    r = cli("init", "--workspace", str(folder))
    assert r.code != 0 and "not empty" in one_error(r.err)
    assert sorted(p.name for p in folder.iterdir()) == ["taxes.txt"]
    assert stat.S_IMODE(folder.stat().st_mode) == 0o755


@pytest.mark.parametrize("mode", [0o1777, 0o755])
def test_init_never_changes_the_mode_of_a_folder_it_did_not_create(cli, tmp_path: Path, mode: int) -> None:
    shared = tmp_path / "shared"
    shared.mkdir()
    os.chmod(shared, mode)
    r = cli("init", "--workspace", str(shared))
    assert r.code == 0, r.err
    assert stat.S_IMODE(shared.stat().st_mode) == mode
    assert stat.S_IMODE((shared / "meetings").stat().st_mode) == 0o700
    again = cli("init", "--workspace", str(shared))
    assert again.code == 1 and "already holds a workspace" in one_error(again.err)


# --- YAML that expands through aliases ----------------------------------------------------

LAUGHS = (
    'id: 2027-01-01-bomb\nbody: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]\n'
    + "".join(f"{b}: &{b} [{','.join(['*' + a] * 9)}]\n" for a, b in zip("abcdefgh", "bcdefghi", strict=True))
    + "date: *i\n"
)
WIDE = (
    "id: 2027-01-02-wide\nbody: x\ndate: 2027-01-02\nnotes: &big\n"
    + "".join(f"  - entry number {n}\n" for n in range(2000))
    + "agenda:\n"
    + "".join("  - *big\n" for _ in range(2000))
)


def _limited() -> None:
    """A billion laughs expanded would need gigabytes: 1 GiB of address space makes it fail loudly."""
    resource.setrlimit(resource.RLIMIT_AS, (1 << 30, 1 << 30))


@pytest.mark.parametrize("name, text", [("2027-01-01-bomb", LAUGHS), ("2027-01-02-wide", WIDE)])
def test_aliases_are_refused_in_bounded_memory(demo_ws: Workspace, name: str, text: str) -> None:
    assert len(LAUGHS) < 600
    (demo_ws.root / "meetings" / f"{name}.yaml").write_text(text)
    base = [sys.executable, "-m", "toolkit", "--workspace", str(demo_ws.root)]
    for args in (["meeting", "show", name], ["meeting", "list"], ["check"]):
        proc = subprocess.run(
            base[:3] + args + base[3:], capture_output=True, text=True, preexec_fn=_limited, timeout=60
        )
        assert proc.returncode == 1 and "Traceback" not in proc.stderr
        shown = proc.stderr + proc.stdout
        assert f"{name}.yaml" in shown and "alias" in shown.lower()
        assert "lol" not in shown and "entry number" not in shown
        assert len(shown) < 4000


# --- control characters and escape sequences -----------------------------------------------


def test_escape_sequences_never_reach_the_terminal_and_a_newline_forges_no_row(
    demo_ws: Workspace, cli
) -> None:
    root = demo_ws.root
    made = cli(
        "meeting",
        "new",
        "--body",
        f"Board{HOSTILE}\n2099-01-01-fake  forged row",
        "--date",
        "2027-02-01",
        workspace=root,
    )
    assert made.code == 0, made.err
    cli(
        "answer",
        HELD,
        "data-sharing",
        "--status",
        "partial",
        "--said",
        HOSTILE,
        "--official",
        HOSTILE,
        workspace=root,
    )
    cli("promise", "update", PROMISE, "--status", "kept", "--note", HOSTILE, workspace=root)
    (root / "meetings" / "2027-03-01-\x1b[2Jx.yaml").write_text("body: [unclosed\n")
    (root / "meetings" / "2027-04-01-bad.yaml").write_text(f"id: 2027-04-01-bad\nbody: x\ndate: {HOSTILE}\n")
    runs = [
        cli(*args, workspace=root)
        for args in (
            ["meeting", "list"],
            ["meeting", "show", made.out.strip()],
            ["meeting", "show", HELD],
            ["promise", "list"],
            ["report"],
            ["check"],
            ["meeting", "show", f"x{HOSTILE}"],
            ["testimony", "draft", HELD, "--speaker", HOSTILE],
        )
    ]
    for r in runs:
        assert "\x1b" not in r.out + r.err and "\x07" not in r.out + r.err
        assert "Traceback" not in r.err
    listing = runs[0].out.splitlines()
    meetings = list((root / "meetings").glob("*.yaml"))
    assert len(listing) == len(meetings) - 2  # the two broken files are warnings, not rows
    assert not any(line.startswith("2099-01-01-fake") for line in listing)
    assert "\\x1b]0;pwned" in runs[1].out


# --- CSV formulas ----------------------------------------------------------------------------

FORMULAS = ['=HYPERLINK("http://x","y")', "+1+1", "-2+3", "@SUM(A1)", "\tlead", "\rlead"]


@pytest.mark.parametrize("said", FORMULAS)
def test_csv_cells_that_start_a_formula_are_neutralised_unless_raw(
    demo_ws: Workspace, cli, tmp_path: Path, said: str
) -> None:
    root = demo_ws.root
    assert (
        cli("answer", HELD, "data-sharing", "--status", "partial", f"--said={said}", workspace=root).code == 0
    )
    cells = {}
    for raw, flag in ((False, ()), (True, ("--raw-csv",))):
        out = tmp_path / f"report-{raw}.csv"
        assert cli("report", "-o", str(out), *flag, workspace=root).code == 0
        with out.open(newline="", encoding="utf-8") as f:
            cells[raw] = {cell for row in csv.DictReader(f) for cell in row.values()}
    assert "'" + said in cells[False] and said not in cells[False]
    assert said in cells[True]


def test_csv_on_stdout_keeps_its_line_ends(demo_ws: Workspace, cli) -> None:
    """RFC 4180's CRLF passes the terminal guard; a lone CR typed in a cell does not."""
    root = demo_ws.root
    assert (
        cli("answer", HELD, "data-sharing", "--status", "partial", "--said", "a\rb", workspace=root).code == 0
    )
    cmd = [sys.executable, "-m", "toolkit", "report", "--format", "csv", "--workspace", str(root)]
    out = subprocess.run(cmd, capture_output=True, timeout=60).stdout
    header = out.split(b"\r\n")[0].decode()
    assert header.startswith("record,") and header.endswith(",as_of")
    assert b"a\rb" not in out and b"a\\rb" in out


def test_report_help_documents_the_formula_guard(cli) -> None:
    text = " ".join(cli("report", "--help").out.split())
    assert "OWASP" in text and "--raw-csv" in text


# --- speakers whose names slug alike ---------------------------------------------------------


@pytest.mark.parametrize("names", [("José", "Jose"), ("王芳", "李娜"), ("Мария", "Μαρία")])
def test_alike_names_never_share_a_testimony_file(demo_ws: Workspace, cli, names: tuple[str, str]) -> None:
    folder = demo_ws.root / "testimony" / HELD
    before = set(folder.iterdir())
    paths = []
    for name in names:
        r = cli("testimony", "draft", HELD, "--speaker", name, workspace=demo_ws.root)
        assert r.code == 0, r.err
        paths.append(Path(r.out.strip()))
    assert paths[0] != paths[1] and set(folder.iterdir()) - before == set(paths)
    for name, path in zip(names, paths, strict=True):
        assert name.casefold() in path.stem  # readable, in the speaker's own script
        assert f"speaker: {name}" in path.read_text(encoding="utf-8")
        assert cli("testimony", "time", HELD, "--speaker", name, workspace=demo_ws.root).code == 0


# --- dates that cannot be true -----------------------------------------------------------------


def test_a_due_date_before_the_meeting_is_refused_with_the_dates(demo_ws: Workspace, cli) -> None:
    before = snapshot(demo_ws.root)
    r = cli(
        "promise", "add", HELD, "data-sharing", "--what", "x", "--due", "2026-11-01", workspace=demo_ws.root
    )
    assert r.code == 2 and "2026-11-01" in one_error(r.err) and "2026-11-06" in r.err
    assert snapshot(demo_ws.root) == before


def test_a_change_dated_before_the_promise_is_refused_with_the_dates(demo_ws: Workspace, cli) -> None:
    before = snapshot(demo_ws.root)
    r = cli("promise", "update", PROMISE, "--status", "kept", "--on", "2026-10-01", workspace=demo_ws.root)
    assert r.code == 2 and "2026-10-01" in one_error(r.err) and "2026-11-06" in r.err
    assert snapshot(demo_ws.root) == before


def test_an_answer_for_a_meeting_not_yet_held_is_a_warning(demo_ws: Workspace, cli) -> None:
    later = cli(
        "meeting", "new", "--body", "Board", "--date", "2099-01-01", workspace=demo_ws.root
    ).out.strip()
    r = cli("answer", later, "data-sharing", "--status", "answered", "--said", "yes", workspace=demo_ws.root)
    assert r.code == 0 and "not held yet" in r.err and "2099-01-01" in r.err
    assert (demo_ws.root / "answers" / later / "data-sharing.yaml").is_file()


def test_check_reports_impossible_dates_typed_by_hand(demo_ws: Workspace, cli) -> None:
    path = demo_ws.root / "answers" / HELD / "data-sharing.yaml"
    path.write_text(path.read_text().replace("- 'on': 2026-11-06", "- 'on': 2026-10-01", 1))
    r = cli("check", workspace=demo_ws.root)
    assert r.code == 1
    assert any("data-sharing.yaml" in line and "2026-10-01" in line for line in r.out.splitlines())


# --- malformed values, paths and arguments: a clear error, never a traceback -----------------


@pytest.mark.parametrize(
    "args, named",
    [
        (["meeting", "new", "--body", "X", "--date", "20261110"], "20261110"),
        (["meeting", "new", "--body", "X", "--date", "2026-W01-1"], "2026-W01-1"),
        (["meeting", "new", "--body", "X", "--date", "2026-02-30"], "2026-02-30"),
        (["meeting", "show", f"{HELD}²"], "²"),
        (["promise", "update", f"{HELD}--data-sharing--{'9' * 5000}", "--status", "kept"], "99999"),
        (["meeting", "new", "--body", "X", "--date", "2027-01-01", "--minutes", "9" * 5000], "minutes"),
        (["testimony", "draft", HELD, "--speaker", ""], "--speaker"),
        (["testimony", "draft", HELD, "--speaker", "   "], "--speaker"),
        (["meeting", "plan", HELD, "--speaker", ""], "speaker"),
        (["report", "-o", "r" * 260 + ".md"], "too long"),
        (["meeting", "show", HELD + "\n" + HELD], "\\n"),
    ],
    ids=[
        "compact-date",
        "week-date",
        "no-such-day",
        "superscript-id",
        "5000-digits",
        "huge-minutes",
        "empty-speaker",
        "blank-speaker",
        "empty-plan-speaker",
        "260-char-o",
        "newline-id",
    ],
)
def test_bad_values_get_one_error_line_naming_them(
    demo_ws: Workspace, cli, args: list[str], named: str
) -> None:
    before = snapshot(demo_ws.root)
    r = cli(*args, workspace=demo_ws.root)
    assert r.code in (1, 2)
    assert named in one_error(r.err)
    assert snapshot(demo_ws.root) == before


def test_a_date_at_the_end_of_the_calendar_exports(demo_ws: Workspace, cli, tmp_path: Path) -> None:
    from icalendar import Calendar

    root = demo_ws.root
    assert cli("meeting", "new", "--body", "Last Board", "--date", "9999-12-31", workspace=root).code == 0
    assert (
        cli("promise", "add", HELD, "data-sharing", "--what", "y", "--due", "9999-12-31", workspace=root).code
        == 0
    )
    out = tmp_path / "dates.ics"
    r = cli("calendar", "-o", str(out), workspace=root)
    assert r.code == 0, r.err
    events = Calendar.from_ical(out.read_bytes()).walk("VEVENT")
    assert sum(str(e["dtstart"].dt) == "9999-12-31" for e in events) == 2


def test_a_symlink_loop_is_an_error_line(demo_ws: Workspace, cli, tmp_path: Path) -> None:
    loop = tmp_path / "loop"
    loop.symlink_to(loop)
    r = cli("report", "-o", str(loop / "r.md"), workspace=demo_ws.root)
    assert r.code == 2 and "symbolic links" in one_error(r.err)
    meetings = demo_ws.root / "meetings"
    os.rename(meetings, tmp_path / "kept")
    meetings.symlink_to(meetings)
    for args in (
        ["meeting", "list"],
        ["meeting", "show", HELD],
        ["meeting", "new", "--body", "X", "--date", "2027-01-01"],
    ):
        r = cli(*args, workspace=demo_ws.root)
        assert r.code in (1, 2) and "Traceback" not in r.err
        assert "meetings" in one_error(r.err) or "meetings" in r.err
    checked = cli("check", workspace=demo_ws.root)
    assert checked.code == 1 and "meetings" in one_error(checked.err) + checked.out


def test_a_folder_where_a_file_belongs(demo_ws: Workspace, cli) -> None:
    (demo_ws.root / "meetings" / "2027-05-05-folder.yaml").mkdir()
    (demo_ws.root / "answers" / HELD / "ice-contract.yaml").mkdir()
    shown = cli("meeting", "show", "2027-05-05-folder", workspace=demo_ws.root)
    assert shown.code == 1 and "2027-05-05-folder" in one_error(shown.err)
    answered = cli("answer", HELD, "ice-contract", "--status", "answered", workspace=demo_ws.root)
    assert answered.code in (1, 2) and "ice-contract" in one_error(answered.err)
    listed = cli("meeting", "list", workspace=demo_ws.root)
    assert HELD in listed.out and "Traceback" not in listed.err


def test_an_unreadable_folder(demo_ws: Workspace, cli) -> None:
    folder = demo_ws.root / "answers" / HELD
    os.chmod(folder, 0)
    try:
        if os.access(folder, os.R_OK):
            pytest.skip("running as root: every folder can be read")
        for args in (["promise", "list"], ["report"], ["check"]):
            r = cli(*args, workspace=demo_ws.root)
            assert r.code == 1 and "Traceback" not in r.err and HELD in r.out + r.err
    finally:
        os.chmod(folder, 0o700)


def test_invalid_utf8_in_an_argument(demo_ws: Workspace) -> None:
    cmd = [
        os.fsencode(sys.executable),
        b"-m",
        b"toolkit",
        b"meeting",
        b"new",
        b"--body",
        b"Caf\xe9 Board",
        b"--date",
        b"2027-01-01",
        b"--workspace",
        os.fsencode(demo_ws.root),
    ]
    before = snapshot(demo_ws.root)
    proc = subprocess.run(cmd, capture_output=True, timeout=60)
    err = proc.stderr.decode("utf-8")
    assert proc.returncode == 2 and "not valid UTF-8" in one_error(err)
    assert snapshot(demo_ws.root) == before


# --- a workspace cloned by git -------------------------------------------------------------------


def test_loose_permissions_are_reported_and_fixed(demo_ws: Workspace, cli) -> None:
    root = demo_ws.root
    for path in [root, *root.rglob("*")]:
        os.chmod(path, 0o755 if path.is_dir() else 0o644)
    r = cli("check", workspace=root)
    assert "mode 644" in r.out and "mode 755" in r.out and "check --fix" in r.out
    fixed = cli("check", "--fix", workspace=root)
    assert fixed.code == 0 and "mode 6" not in fixed.out
    for path in root.rglob("*"):
        assert stat.S_IMODE(path.stat().st_mode) == (0o700 if path.is_dir() else 0o600), path
    readme = (Path(__file__).parents[1] / "README.md").read_text()
    git_section = readme[readme.index("### Sharing a workspace through git") :]
    assert "check --fix" in git_section.split("\n## ")[0]


# --- folders that are symlinks to elsewhere -------------------------------------------------------


@pytest.mark.parametrize(
    "linked, refused",
    [("answers/" + HELD, 2), ("meetings", 3), (".meetingkit", 2)],
    ids=["answers", "meetings", "private"],
)
def test_nothing_is_written_through_a_linked_folder(
    demo_ws: Workspace, cli, tmp_path: Path, linked: str, refused: int
) -> None:
    root = demo_ws.root
    folder = root / linked
    elsewhere = tmp_path / "elsewhere"
    if folder.exists():
        os.rename(folder, elsewhere)
    else:
        elsewhere.mkdir()
    folder.symlink_to(elsewhere)
    before = {p: p.read_bytes() for p in elsewhere.rglob("*") if p.is_file()}
    runs = [
        cli(*args, workspace=root)
        for args in (
            ["meeting", "list"],
            ["promise", "list"],
            ["answer", HELD, "data-sharing", "--status", "answered", "--said", "changed"],
            ["meeting", "new", "--body", "X", "--date", "2027-01-01"],
            ["promise", "update", PROMISE, "--status", "kept"],
        )
    ]
    assert {p: p.read_bytes() for p in elsewhere.rglob("*") if p.is_file()} == before
    for r in runs:
        assert "Traceback" not in r.err
    assert runs[refused].code == 1 and "outside the workspace" in one_error(runs[refused].err)
    checked = cli("check", workspace=root)
    assert checked.code == 1 and any(linked in line and "link" in line for line in checked.out.splitlines())


# --- 20 meeting new at once ---------------------------------------------------------------------


def test_twenty_meeting_new_at_once_all_get_distinct_ids(ws: Workspace) -> None:
    cmd = [
        sys.executable,
        "-m",
        "toolkit",
        "meeting",
        "new",
        "--body",
        "City Council",
        "--date",
        "2027-03-04",
        "--workspace",
        str(ws.root),
    ]
    procs = [
        subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True) for _ in range(20)
    ]
    results = [(p.wait(timeout=120), p.stdout.read(), p.stderr.read()) for p in procs]  # type: ignore[union-attr]
    assert [code for code, _, _ in results] == [0] * 20, [err for _, _, err in results]
    ids = {out.strip() for _, out, _ in results}
    assert len(ids) == 20
    assert {p.stem for p in (ws.root / "meetings").glob("*.yaml")} == ids
    assert {m.id for m in ws.meetings().records} == ids
