"""Two editors at once: no update is silently lost.

One process behaves like the command line (read-modify-write under the file
lock), the other like the app (holds a copy for a while, then saves with a
three-way merge). Every save either lands, or fails with a conflict message
naming what both changed; afterwards every reported success is on disk.
"""

from __future__ import annotations

import json
import subprocess
import sys
import textwrap
from concurrent.futures import ThreadPoolExecutor
from datetime import date
from pathlib import Path

import pytest

from toolkit import tracker
from toolkit.errors import ConflictError
from toolkit.model import AgendaEntry, Answer, Meeting
from toolkit.store import Workspace

MEETING, QUESTION = "2026-11-06-board", "data-sharing"
PROMISE = f"{MEETING}--{QUESTION}--1"
ROUNDS = 60

COMMAND_LINE = """
import json, sys
from datetime import date
from toolkit.store import Workspace
from toolkit import tracker
ws = Workspace(sys.argv[1])
for i in range(int(sys.argv[2])):
    def change(answer):
        promise = next(p for p in answer.promises if p.id == sys.argv[3])
        tracker.set_status(promise, "open", date(2026, 11, 27), note=f"A{i}")
        if i % 3 == 0:
            answer.official = f"A{i}"
    try:
        ws.update_answer(sys.argv[4], sys.argv[5], change)
        print(json.dumps({"ok": i}), flush=True)
    except Exception as exc:
        print(json.dumps({"failed": i, "error": f"{type(exc).__name__}: {exc}"}), flush=True)
"""

APP = """
import copy, json, random, sys, time
from datetime import date, timedelta
from toolkit.store import Workspace
from toolkit.errors import ConflictError
from toolkit import tracker
ws = Workspace(sys.argv[1])
for j in range(int(sys.argv[2])):
    base = ws.answer(sys.argv[4], sys.argv[5])
    mine = copy.deepcopy(base)
    tracker.add_promise(mine, f"B{j}", date(2027, 1, 1), "Chair", date(2026, 11, 6))
    promise = next(p for p in mine.promises if p.id == sys.argv[3])
    promise.due = date(2027, 1, 1) + timedelta(days=j)
    if j % 3 == 0:
        mine.official = f"B{j}"
    time.sleep(random.uniform(0, 0.004))  # a person typing, while the other side saves
    try:
        saved = ws.save_answer_merging(base, mine)
        print(json.dumps({"ok": j, "due": promise.due.isoformat()}), flush=True)
    except ConflictError as exc:
        print(json.dumps({"conflict": j, "error": str(exc)}), flush=True)
"""


@pytest.fixture
def shared(ws: Workspace) -> Workspace:
    """An answer holding one open promise, which both editors will change."""
    ws.save_meeting(
        Meeting(id=MEETING, body="Board", date=date(2026, 11, 6), agenda=[AgendaEntry(question=QUESTION)])
    )
    answer = Answer(meeting=MEETING, question=QUESTION, status="partial", official="Chair")
    tracker.add_promise(answer, "Send the policy", date(2026, 12, 1), "Chair", date(2026, 11, 6))
    ws.save_answer(answer)
    return ws


def _start(script: str, ws: Workspace) -> subprocess.Popen[str]:
    args = [str(ws.root), str(ROUNDS), PROMISE, MEETING, QUESTION]
    return subprocess.Popen(
        [sys.executable, "-c", textwrap.dedent(script), *args], stdout=subprocess.PIPE, text=True
    )


def test_every_reported_success_is_on_disk(shared: Workspace) -> None:
    cli, app = _start(COMMAND_LINE, shared), _start(APP, shared)
    cli_out, _ = cli.communicate(timeout=120)
    app_out, _ = app.communicate(timeout=120)
    cli_results = [json.loads(line) for line in cli_out.splitlines()]
    app_results = [json.loads(line) for line in app_out.splitlines()]
    assert len(cli_results) == len(app_results) == ROUNDS

    assert all("ok" in r for r in cli_results), cli_results  # under the lock, never a conflict
    final = shared.answer(MEETING, QUESTION)
    assert final is not None
    promise = next(p for p in final.promises if p.id == PROMISE)
    notes = [c.note for c in promise.history]
    assert sorted(notes[1:], key=lambda n: int(n[1:])) == [f"A{i}" for i in range(ROUNDS)]

    landed = [r for r in app_results if "ok" in r]
    refused = [r for r in app_results if "conflict" in r]
    assert landed, "the app never managed to save"
    whats = [p.what for p in final.promises]
    for r in landed:
        assert whats.count(f"B{r['ok']}") == 1
    for r in refused:
        assert f"B{r['conflict']}" not in whats
        assert "was changed by someone else" in r["error"] and "official" in r["error"]
    assert promise.due.isoformat() == landed[-1]["due"]  # only the app moves the due date
    assert len({p.id for p in final.promises}) == len(final.promises)
    assert not shared.answers().problems


def test_two_command_lines_updating_one_promise_lose_nothing(shared: Workspace, cli) -> None:  # type: ignore[no-untyped-def]
    def update(note: str) -> int:
        return cli(
            "promise", "update", PROMISE, "--status", "open", "--note", note, workspace=shared.root
        ).code

    notes = [f"{side}{i}" for i in range(8) for side in "xy"]
    with ThreadPoolExecutor(max_workers=2) as pool:
        codes = list(pool.map(update, notes))
    assert codes == [0] * len(notes)
    _, promise = shared.find_promise(PROMISE)
    assert sorted(c.note for c in promise.history[1:]) == sorted(notes)
    assert cli("check", workspace=shared.root).code == 0


def test_an_overlapping_change_is_refused_with_the_field_named(shared: Workspace) -> None:
    base = shared.answer(MEETING, QUESTION)
    assert base is not None
    shared.update_answer(MEETING, QUESTION, lambda a: setattr(a, "said", "We will send it Friday."))
    mine = base.evolve(said="We do not share data.")
    with pytest.raises(ConflictError, match=r"both of you changed said; your change was not saved"):
        shared.save_answer_merging(base, mine)
    on_disk = shared.answer(MEETING, QUESTION)
    assert on_disk is not None and on_disk.said == "We will send it Friday."


def test_a_merged_save_leaves_the_editor_holding_what_is_on_disk(shared: Workspace) -> None:
    base = shared.answer(MEETING, QUESTION)
    assert base is not None
    shared.update_answer(MEETING, QUESTION, lambda a: setattr(a, "source", "video 1:12:40"))
    mine = base.evolve(said="We will send it Friday.")
    saved = shared.save_answer_merging(base, mine)
    assert saved is mine and (mine.said, mine.source) == ("We will send it Friday.", "video 1:12:40")
    assert (
        shared.answer(MEETING, QUESTION) == mine
        and mine.revision == shared.answer(MEETING, QUESTION).revision
    )
    mine.notes = "second edit, from the merged copy"
    shared.save_answer(mine)  # its revision is current: a plain save goes through


def test_a_deleted_file_is_a_conflict_not_a_resurrection(shared: Workspace) -> None:
    base = shared.answer(MEETING, QUESTION)
    assert base is not None
    shared.answer_path(MEETING, QUESTION).unlink()
    with pytest.raises(ConflictError, match="was deleted since it was read"):
        shared.save_answer_merging(base, base.evolve(said="mine"))
    assert not Path(shared.answer_path(MEETING, QUESTION)).exists()
