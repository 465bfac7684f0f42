"""Issue 9's strongest form: hypothesis drives the command line through saves, hand edits that
break a file or add a key, and deletions, and after every step checks that every file on disk
reads back or is reported by ``check``, and that nothing saved was lost."""

from __future__ import annotations

import contextlib
import io
import itertools
from pathlib import Path

from hypothesis import HealthCheck, settings
from hypothesis import strategies as st
from hypothesis.stateful import Bundle, RuleBasedStateMachine, invariant, rule, run_state_machine_as_test

from toolkit.cli import main
from toolkit.errors import FileProblem
from toolkit.store import Workspace

QUESTIONS = ("data-sharing", "287g-participation")
TEXT = st.sampled_from(
    ["yes", "no comment", "1:14:05", "010", "0x1F", "\x1b[2Jwiped", "two\nlines", "=SUM(A1)"]
)
BROKEN = b"body: [unclosed\n"


class CommandLine(RuleBasedStateMachine):
    meetings = Bundle("meetings")
    answers = Bundle("answers")
    promises = Bundle("promises")

    def __init__(self, root: Path) -> None:
        super().__init__()
        self.root = root
        assert self.cli("init") == 0
        self.said: dict[tuple[str, str], str] = {}
        self.status: dict[str, tuple[tuple[str, str], str]] = {}
        self.broken: dict[Path, bytes] = {}
        self.kept_keys: set[Path] = set()

    def cli(self, *args: str) -> int:
        out, err = io.StringIO(), io.StringIO()
        with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
            code = main([*args, "--workspace", str(self.root)])
        self.out, self.err = out.getvalue(), err.getvalue()
        assert "Traceback" not in self.err and "did not expect" not in self.err, self.err
        errors = [line for line in self.err.splitlines() if line.startswith("error:")]
        assert code == 0 or args[0] == "check" or len(errors) == 1, self.err  # check reports on stdout
        return code

    def answer_path(self, key: tuple[str, str]) -> Path:
        return self.root / "answers" / key[0] / f"{key[1]}.yaml"

    @rule(
        target=meetings,
        day=st.sampled_from(["2026-10-01", "2026-10-02"]),
        body=st.sampled_from(["Council", "Board"]),
    )
    def new_meeting(self, day: str, body: str) -> str:
        assert self.cli("meeting", "new", "--body", body, "--date", day) == 0, self.err
        return self.out.strip()

    @rule(target=answers, meeting=meetings, question=st.sampled_from(QUESTIONS), said=TEXT)
    def answer(self, meeting: str, question: str, said: str) -> tuple[str, str]:
        key = (meeting, question)
        path = self.answer_path(key)
        code = self.cli("answer", meeting, question, "--status", "answered", f"--said={said}")
        if path in self.broken or not (self.root / "meetings" / f"{meeting}.yaml").exists():
            assert code != 0
        else:
            assert code == 0, self.err
            self.said[key] = said
        return key

    @rule(target=promises, key=answers, what=TEXT)
    def add_promise(self, key: tuple[str, str], what: str) -> str:
        code = self.cli("promise", "add", *key, f"--what={what}")
        if code == 0:
            promise = self.out.strip()
            self.status[promise] = (key, "open")
            self.said.setdefault(key, "")
            return promise
        assert key not in self.said or self.answer_path(key) in self.broken, self.err
        return f"{key[0]}--{key[1]}--99"

    @rule(promise=promises, status=st.sampled_from(["kept", "broken", "open"]))
    def update_promise(self, promise: str, status: str) -> None:
        code = self.cli("promise", "update", promise, "--status", status)
        known = self.status.get(promise)
        if known and known[0] in self.said and self.answer_path(known[0]) not in self.broken:
            assert code == 0, self.err
            self.status[promise] = (known[0], status)
        else:
            assert code != 0

    @rule(key=answers)
    def break_by_hand(self, key: tuple[str, str]) -> None:
        path = self.answer_path(key)
        if key in self.said and path not in self.broken:
            path.write_bytes(BROKEN)
            self.broken[path] = BROKEN

    @rule(meeting=meetings)
    def add_a_key_by_hand(self, meeting: str) -> None:
        path = self.root / "meetings" / f"{meeting}.yaml"
        if path.exists() and path not in self.kept_keys:
            path.write_text(path.read_text() + "agnecy: the sheriff\n")
            self.kept_keys.add(path)

    @rule(meeting=meetings, where=st.sampled_from(["Hall A", "Room 2"]))
    def set_location(self, meeting: str, where: str) -> None:
        exists = (self.root / "meetings" / f"{meeting}.yaml").exists()
        assert (self.cli("meeting", "set", meeting, "--location", where) == 0) == exists, self.err

    @rule(key=answers)
    def delete(self, key: tuple[str, str]) -> None:
        path = self.answer_path(key)
        path.unlink(missing_ok=True)
        self.broken.pop(path, None)
        self.said.pop(key, None)
        self.status = {p: v for p, v in self.status.items() if v[0] != key}

    @invariant()
    def every_file_reads_back_or_is_reported(self) -> None:
        code = self.cli("check")
        assert code == (1 if self.broken or self.kept_keys else 0), self.out
        for path in [*self.broken, *self.kept_keys]:
            assert str(path.relative_to(self.root)) in self.out
        for path, text in self.broken.items():
            assert path.read_bytes() == text  # never overwritten

    @invariant()
    def nothing_saved_is_lost(self) -> None:
        ws = Workspace(self.root)
        for key, said in self.said.items():
            path = self.answer_path(key)
            if path in self.broken:
                continue
            try:
                answer = ws.answer(*key)
            except FileProblem as exc:
                raise AssertionError(f"{path} no longer reads: {exc}") from None
            assert answer is not None, f"{path} was saved and is gone"
            assert said == "" or answer.said == said
            for promise in answer.promises:
                if promise.id in self.status:
                    assert promise.status == self.status[promise.id][1]
        for path in self.kept_keys:
            assert "agnecy: the sheriff" in path.read_text()


def test_the_command_line_loses_nothing(tmp_path: Path) -> None:
    counter = itertools.count()
    run_state_machine_as_test(
        lambda: CommandLine(tmp_path / f"ws{next(counter)}"),
        settings=settings(
            max_examples=12, stateful_step_count=12, deadline=None, suppress_health_check=list(HealthCheck)
        ),
    )
