"""A crash never loses a word: a writer killed with SIGKILL at random moments.

A child process saves answers and promises through the store in a loop (both
the command line's locked read-modify-write and the app's compare-and-swap
save, plus listings that rewrite the derived cache) and is killed mid-way,
hundreds of times. After every kill each record file must parse and hold
either the version last reported saved or the one being written then; never
a truncated, empty or mixed file, and no temporary file is taken for a record.
(SIGKILL stops the process, not the machine: durability across a power cut
rests on the fsyncs in ``atomic.write_bytes``, which no test here can cut.)
"""

from __future__ import annotations

import hashlib
import os
import random
import select
import signal
import time
from datetime import date

import pytest

from toolkit import tracker
from toolkit.checks import check
from toolkit.model import AgendaEntry, Answer, Meeting
from toolkit.store import Workspace

KILLS = 200
MEETING = "2026-11-06-board"
QUESTIONS = ("287g-participation", "data-sharing", "detainers-release-notification")
FILLER = "Las respuestas quedan en el registro público. The sheriff said he would check. "


def said_for(version: int) -> str:
    """Version ``version``'s text: long and varied, so a write takes a while."""
    return f"version {version}\n" + FILLER * (1 + version * 37 % 400)


def stamp(said: str) -> str:
    """Stored beside the text: a file mixing two versions cannot match it."""
    return hashlib.blake2b(said.encode(), digest_size=8).hexdigest()


def version_of(answer: Answer) -> int:
    assert answer.source == stamp(answer.said), f"{answer.question}: text and stamp disagree"
    return int(answer.said.split("\n", 1)[0].removeprefix("version "))


def write_forever(ws: Workspace, start: int, report: int) -> None:
    """The child: save versions start, start+1, … round-robin, reporting each one saved."""
    version = start
    while True:
        for question in QUESTIONS:
            said = said_for(version)

            def change(answer: Answer, said: str = said, version: int = version) -> None:
                answer.said, answer.source = said, stamp(said)
                if version % 5 == 0:
                    tracker.add_promise(
                        answer, f"promise of version {version}", None, "Chair", date(2026, 11, 6)
                    )
                elif answer.promises:
                    tracker.set_status(answer.promises[-1], "open", date(2026, 11, 27), f"v{version}")

            if version % 2:
                ws.update_answer(MEETING, question, change)
            else:
                answer = ws.answer(MEETING, question)
                assert answer is not None
                change(answer)
                ws.save_answer(answer)
            os.write(report, f"{question} {version}\n".encode())
            version += 1
        ws.answers()  # listings rewrite the derived cache: kill that too


def run_and_kill(ws: Workspace, start: int, after: float) -> dict[str, int]:
    """Fork a writer, SIGKILL it after ``after`` seconds; the versions it reported saved."""
    read_end, write_end = os.pipe()
    pid = os.fork()
    if pid == 0:  # the child never returns into pytest
        os.close(read_end)
        try:
            write_forever(ws, start, write_end)
        finally:
            os._exit(1)
    os.close(write_end)
    # Kill ``after`` seconds past the writer's first save, not past the fork: on a loaded
    # machine a child can take longer than ``after`` just to start.
    select.select([read_end], [], [], 10.0)
    first = os.read(read_end, 65536)
    time.sleep(after)
    os.kill(pid, signal.SIGKILL)
    os.waitpid(pid, 0)
    with os.fdopen(read_end, "rb") as pipe:
        lines = (first + pipe.read()).decode().split()
    return {q: int(v) for q, v in zip(lines[::2], lines[1::2], strict=True)}


@pytest.fixture
def crash_ws(ws: Workspace) -> Workspace:
    ws.save_meeting(
        Meeting(
            id=MEETING,
            body="Board",
            date=date(2026, 11, 6),
            agenda=[AgendaEntry(question=q) for q in QUESTIONS],
        )
    )
    for question in QUESTIONS:
        said = said_for(0)
        ws.save_answer(
            Answer(meeting=MEETING, question=question, status="partial", said=said, source=stamp(said))
        )
    return ws


def test_sigkill_at_random_moments_never_leaves_a_broken_record(crash_ws: Workspace) -> None:
    ws = crash_ws
    rng = random.Random(6)
    saved = dict.fromkeys(QUESTIONS, 0)
    for _ in range(KILLS):
        start = max(saved.values()) + 1 + len(QUESTIONS)
        reported = run_and_kill(ws, start, rng.uniform(0.002, 0.04))
        saved.update(reported)
        attempted = max(reported.values(), default=start - 1) + 1  # at most one save in flight
        loaded = ws.answers()
        assert not loaded.problems, loaded.problems
        assert sorted(a.question for a in loaded.records) == sorted(QUESTIONS)
        for answer in loaded.records:
            version = version_of(answer)
            assert version == saved[answer.question] or saved[answer.question] < version <= attempted, (
                f"{answer.question}: version {version} on disk, last saved {saved[answer.question]}"
            )
            saved[answer.question] = version
        for answer in loaded.records:  # what the derived cache gave equals the file itself
            assert ws.answer(answer.meeting, answer.question) == answer
    assert max(saved.values()) > KILLS // 2, "the writer hardly ran; kills came too early to test much"
    findings = check(ws)
    assert [f for f in findings if f.serious] == []
    leftovers = list(ws.leftover_temp_files())
    assert all(f.serious is False for f in findings)
    assert len([f for f in findings if "temporary file" in f.message]) == len(leftovers)
    assert all(p.name.startswith(".") for p in leftovers)
