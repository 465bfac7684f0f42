"""The benchmark's generator writes a realistic workspace, byte for byte as the store does."""

from __future__ import annotations

import sys
from datetime import date
from pathlib import Path

from toolkit.checks import check
from toolkit.store import ANSWERS

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "bench"))
from make_workspace import build

TODAY = date(2026, 11, 27)


def test_a_small_coalition_workspace_is_valid_and_as_asked(tmp_path: Path) -> None:
    ws = build(tmp_path / "big", meetings=12, answers=60, promises=15, today=TODAY)
    assert [f for f in check(ws) if f.serious] == []
    meetings, answers = ws.meetings().records, ws.answers().records
    assert (len(meetings), len(answers)) == (12, 60)
    assert sum(len(a.promises) for a in answers) == 15
    assert all(m.date <= TODAY for m in meetings if any(a.meeting == m.id for a in answers))
    dues = [p.due for a in answers for p in a.promises if p.due]
    assert min(dues) < TODAY < max(dues)  # due dates spread around today
    languages = {"es" if "ó" in a.said or "ñ" in a.said or "¿" in a.said else "en" for a in answers}
    assert languages == {"en", "es"}
    assert any("\n" in a.said for a in answers) or len({len(a.said) for a in answers}) > 10
    for answer in answers:  # exactly what a save writes
        path = ws.answer_path(answer.meeting, answer.question)
        assert path.read_bytes() == ANSWERS.write(answer, path)
