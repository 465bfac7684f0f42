"""Hostile YAML, fuzzed: a hand edit gone wrong, a half-merged file, random bytes.

Whatever lands in a record file, the workspace answers with a record or a
FileProblem naming the file, never another exception, and the rest of the
workspace keeps working. Every plain scalar stays the text it was written as.
"""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

import pytest
from fuzzing import fuzz
from hypothesis import example, given
from hypothesis import strategies as st

from toolkit import yamlio
from toolkit.checks import check
from toolkit.errors import FileProblem
from toolkit.store import Workspace
from toolkit.tracker import promise_rows

FUZZ = fuzz(150)
SPECIAL = [":", "- ", "-", "&a ", "*a", "!!", "!", "[", "]", "{", "}", "'", '"', "|", ">", "#", "\t", "\n",
           "  ", "\x00", "\ufeff", "%YAML 1.1\n", "---\n", "...\n", "<<: ", "? ", "~", "2026-13-45",
           "9" * 5000, ".nan", "2026-12-01 10:00:00", "é", "日本", "\U0001f600", "\r", "\x85"]  # fmt: skip


def mutate(text: str, edits: list[tuple[int, int, int, str]]) -> str:
    """Apply (kind, position, length, payload) edits: insert, delete, duplicate, truncate."""
    for kind, at, length, payload in edits:
        at %= len(text) + 1
        if kind == 0:
            text = text[:at] + payload + text[at:]
        elif kind == 1:
            text = text[:at] + text[at + length :]
        elif kind == 2:
            text = text[:at] + text[at : at + length] * 2 + text[at + length :]
        else:
            text = text[:at]
    return text


edits = st.lists(
    st.tuples(
        st.integers(0, 3),
        st.integers(0, 10_000),
        st.integers(0, 80),
        st.one_of(st.sampled_from(SPECIAL), st.text(max_size=12)),
    ),
    max_size=6,
)


@pytest.fixture(params=["answer", "meeting", "testimony"])
def target(demo_ws: Workspace, request: pytest.FixtureRequest) -> tuple[Workspace, str, str]:
    """A demo file to damage: the answer with promises, a meeting, a testimony."""
    answer = next(a for a in demo_ws.answers().records if a.promises)
    path = {
        "answer": demo_ws.answer_path(answer.meeting, answer.question),
        "meeting": demo_ws.meeting_path(answer.meeting),
        "testimony": next((demo_ws.root / "testimony" / answer.meeting).glob("*.md")),
    }[request.param]
    return demo_ws, str(path), path.read_text(encoding="utf-8")


def read_everything(ws: Workspace, path: str) -> None:
    """What the commands do with a workspace; only FileProblems may name a damaged file."""
    meetings, answers = ws.meetings(), ws.answers()
    problems = [*meetings.problems, *answers.problems]
    for meeting_id in ws.meeting_ids():
        problems += ws.testimonies(meeting_id).problems
    assert all(isinstance(p, FileProblem) for p in problems)
    assert [str(p.path) for p in problems] in ([], [path])
    promise_rows(answers.records, date(2026, 11, 27))  # overdue sums need real dates
    for answer in answers.records:
        ws.answer(answer.meeting, answer.question)
    for meeting in meetings.records:
        ws.meeting(meeting.id)
    findings = check(ws)
    named = path.removeprefix(str(ws.root) + "/")
    assert [
        f for f in findings if f.serious and named not in f.where and "does not exist" not in f.message
    ] == []


def test_a_due_date_with_a_time_is_a_problem_naming_the_field(demo_ws: Workspace) -> None:
    answer = next(a for a in demo_ws.answers().records if a.promises)
    ws, path = demo_ws, str(demo_ws.answer_path(answer.meeting, answer.question))
    original = Path(path).read_text(encoding="utf-8")
    with open(path, "w", encoding="utf-8") as f:
        f.write(re.sub(r"(due: \d{4}-\d\d-\d\d)", r"\1 10:00:00", original, count=1))
    [problem] = ws.answers().problems
    assert problem.field == "promises[0].due" and "without a time" in problem.message
    read_everything(ws, path)


@FUZZ
@given(edits=edits)
@example(edits=[(1, 0, 12, "")])
def test_a_mutated_file_is_a_record_or_a_problem_naming_it(target, edits) -> None:  # type: ignore[no-untyped-def]
    ws, path, original = target
    with open(path, "w", encoding="utf-8", newline="") as f:
        f.write(mutate(original, edits))
    read_everything(ws, path)


@FUZZ
@given(
    data=st.one_of(
        st.binary(max_size=300), st.text(max_size=300).map(lambda t: t.encode("utf-8", "surrogatepass"))
    )
)
def test_random_bytes_in_a_file_are_a_record_or_a_problem(target, data: bytes) -> None:  # type: ignore[no-untyped-def]
    ws, path, _ = target
    with open(path, "wb") as f:
        f.write(data)
    read_everything(ws, path)


def _as_typed(value: object) -> object:
    """What a plain scalar looks like written out: the text the loader must keep."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (int, date)):
        return value.isoformat() if isinstance(value, date) else str(value)
    if isinstance(value, list):
        return [_as_typed(v) for v in value]
    if isinstance(value, dict):
        return {str(_as_typed(k)): _as_typed(v) for k, v in value.items()}
    return value


plain_data = st.recursive(
    st.one_of(st.none(), st.booleans(), st.integers(), st.text(max_size=20), st.dates()),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=8), inner, max_size=4),
    max_leaves=20,
)


@FUZZ
@given(data=plain_data)
def test_every_scalar_stays_the_text_it_is_written_as(data: object) -> None:
    assert yamlio.loads(yamlio.dumps(data), "x.yaml") == _as_typed(data)


def test_unquoted_text_that_looks_like_a_number_stays_as_typed() -> None:
    text = "source: 1:14:05\nofficial: 010\nsaid: 1.50\nnotes: 0x1F\non: yes\ndue:\n"
    assert yamlio.loads(text, "x.yaml") == {
        "source": "1:14:05",
        "official": "010",
        "said": "1.50",
        "notes": "0x1F",
        "on": "yes",
        "due": None,
    }


@FUZZ
@given(
    text=st.lists(st.sampled_from([*SPECIAL, *"ab1 .:-\n", "b: c", "- d", "true", "null"]), max_size=30).map(
        "".join
    )
)
@example(text="a: &x [1, 2]\nb: *x\n<<: {c: 3}\n")
@example(text="!!set {a, b}\n? [1]\n: 2\n")
@example(text="a: 1\nb: 2\na: 3\n")
def test_any_text_is_data_or_a_problem_naming_the_file(text: str) -> None:
    try:
        yamlio.loads(text, "x.yaml")
    except FileProblem as problem:
        assert str(problem).startswith("x.yaml")
