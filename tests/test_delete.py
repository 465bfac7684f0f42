"""Deleting a meeting made by mistake (with what was logged for it, only when asked twice)
and a promise logged by mistake; a file someone changed meanwhile is never deleted."""

from __future__ import annotations

from pathlib import Path

import pytest

from toolkit.actions.delete import plan_meeting_removal, remove_meeting
from toolkit.errors import ConflictError
from toolkit.store import Workspace


def test_a_meeting_with_answers_needs_yes_and_then_everything_goes(demo_ws: Workspace, cli) -> None:
    held = demo_ws.meetings().records[0]
    answers = list((demo_ws.root / "answers" / held.id).glob("*.yaml"))
    assert answers
    refused = cli("meeting", "delete", held.id, workspace=demo_ws.root)
    assert refused.code == 2 and refused.err.startswith("error:") and "--yes" in refused.err
    assert demo_ws.meeting_path(held.id).exists() and all(p.exists() for p in answers)
    done = cli("meeting", "delete", held.id, "--yes", workspace=demo_ws.root)
    assert done.code == 0, done.err
    assert "answer(s)" in done.out
    assert not demo_ws.meeting_path(held.id).exists()
    assert not (demo_ws.root / "answers" / held.id).exists()
    assert not (demo_ws.root / "testimony" / held.id).exists()
    assert cli("check", workspace=demo_ws.root).code == 0


def test_a_file_changed_after_the_plan_stops_the_deletion(demo_ws: Workspace) -> None:
    held = demo_ws.meetings().records[0]
    removal = plan_meeting_removal(demo_ws, held.id)
    answer = next(p for p in removal.files if "answers" in p.parts)
    answer.write_text(answer.read_text() + "\n")
    with pytest.raises(ConflictError):
        remove_meeting(demo_ws, removal)
    assert all(Path(p).exists() for p in removal.files), "nothing was deleted"


def test_an_empty_meeting_is_deleted_without_asking(ws: Workspace, cli) -> None:
    made = cli("meeting", "new", "--body", "Council", "--date", "2027-03-01", workspace=ws.root)
    mid = made.out.strip()
    assert cli("meeting", "delete", mid, workspace=ws.root).code == 0
    assert ws.meeting_ids() == []


def test_a_promise_logged_by_mistake_is_deleted_and_the_rest_stay(demo_ws: Workspace, cli) -> None:
    answer = next(a for a in demo_ws.answers().records if len(a.promises) >= 1)
    first = answer.promises[0]
    extra = cli("promise", "add", answer.meeting, answer.question, "--what", "typo", workspace=demo_ws.root)
    pid = extra.out.strip()
    assert cli("promise", "delete", pid, workspace=demo_ws.root).code == 0
    kept = demo_ws.answer(answer.meeting, answer.question)
    assert kept is not None and [p.id for p in kept.promises] == [p.id for p in answer.promises]
    assert kept.promises[0] == first
    if len(first.history) > 1:
        refused = cli("promise", "delete", first.id, workspace=demo_ws.root)
        assert refused.code == 2 and "--yes" in refused.err
