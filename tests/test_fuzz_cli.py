"""Random command lines, fuzzed: a usage or a clear error (exit 2 or 1), never a traceback.

Arguments are drawn from the real commands and options mixed with hostile
values (bad dates, unknown ids, path tricks, control characters, huge numbers),
run in-process against the demo workspace. Output files may only land in the
test's own folder: the fuzz never writes elsewhere.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from fuzzing import fuzz
from hypothesis import given
from hypothesis import strategies as st

from toolkit import cli
from toolkit.store import Workspace

WORDS = [
    "init", "questions", "list", "show", "meeting", "new", "ask", "testimony", "draft", "time", "print",
    "handout", "answer", "promise", "add", "update", "report", "calendar", "check",
    "--json", "--demo", "--overdue", "--as-of", "--date", "--due", "--status", "--lang", "--paper", "--format",
    "--speaker", "--what", "--note", "--on", "--minutes", "--body", "--text", "--topic", "-o", "--font",
    "--large-print", "--promises", "--include-private", "--written", "--follow-up", "--said", "--official",
    "--help", "-h", "--version", "--workspace",
    "2026-11-06", "2026-02-30", "yesterday", "-1", "0", "99999999999999999999", "nan", "en", "es", "en,es",
    "xx", "open", "kept", "answered", "md", "csv", "pdf", "a4", "letter", "data-sharing", "287g-participation",
    "no-such-question", "../../etc", "..", ".", "con", "out.pdf", "out.ics", "out.md", "Maria Lopez",
    "x--y--1", "--", "-", "\x00", "\n", "é", "<b>&", "{agency}", "",
]  # fmt: skip
COMMANDS = [
    [], ["init"], ["questions", "list"], ["questions", "show"], ["meeting", "new"], ["meeting", "list"],
    ["meeting", "show"], ["meeting", "ask"], ["testimony", "draft"], ["testimony", "time"],
    ["testimony", "print"], ["handout"], ["answer"], ["promise", "add"], ["promise", "list"],
    ["promise", "update"], ["report"], ["calendar"], ["check"],
]  # fmt: skip
MEETING_IDS = [
    "2026-11-06-alder-county-board-of-commissioners",
    "2026-12-09-alder-county-board-of-commissioners",
]

FUZZ = fuzz(200)
token = st.one_of(
    st.sampled_from(WORDS),
    st.sampled_from(MEETING_IDS),
    st.text(st.characters(blacklist_categories=("Cs",), blacklist_characters="/\\~"), max_size=12),
)


@pytest.fixture
def sandbox(demo_ws: Workspace, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Workspace:
    """Relative output paths land in tmp_path; no argument can open the app."""
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("MEETINGKIT_WORKSPACE", str(demo_ws.root))
    monkeypatch.setattr("toolkit.commands.app.open_app", lambda args: 0)
    return demo_ws


@FUZZ
@given(command=st.sampled_from(COMMANDS), rest=st.lists(token, max_size=8))
def test_random_arguments_give_a_clear_error_never_a_traceback(sandbox, capsys, command, rest) -> None:  # type: ignore[no-untyped-def]
    argv = command + [a for a in rest if a != "--workspace"]  # another workspace could be outside tmp_path
    try:
        code = cli.main(argv)
    except SystemExit as done:  # argparse's --help and --version
        code = done.code
    _, err = capsys.readouterr()
    assert code in (0, 1, 2), (argv, code, err)
    assert "Traceback" not in err
    if code:
        lines = err.rstrip("\n").split("\n")  # not splitlines(): a \x1e in an argument is no line end
        assert lines and lines[-1].startswith("error: "), (argv, err)
        assert all(line.startswith(("error: ", "warning: ")) for line in lines), (argv, err)
