"""Hand-typed YAML that YAML 1.1 reads surprisingly still means what the person meant."""

from __future__ import annotations

from datetime import date

import pytest

from toolkit.errors import FileProblem
from toolkit.store import Workspace


def test_unquoted_time_and_bare_on_key(ws: Workspace):
    (ws.root / "meetings" / "2027-01-05-council.yaml").write_text(
        "format: 1\nid: 2027-01-05-council\nbody: Council\ndate: 2027-01-05\ntime: 18:30\n"
    )
    assert ws.meeting("2027-01-05-council").time == "18:30"
    folder = ws.root / "answers" / "2027-01-05-council"
    folder.mkdir()
    (folder / "data-sharing.yaml").write_text(
        "meeting: 2027-01-05-council\nquestion: data-sharing\nstatus: partial\npromises:\n"
        "- id: 2027-01-05-council--data-sharing--1\n  what: Send the policy\n  due: 2027-01-20\n"
        "  history:\n  - on: 2027-01-05\n    status: open\n"
    )
    answer = ws.answer("2027-01-05-council", "data-sharing")
    assert answer is not None and answer.promises[0].history[0].on == date(2027, 1, 5)


def test_newer_format_is_refused_with_advice(ws: Workspace):
    (ws.root / "meetings" / "2027-01-05-council.yaml").write_text(
        "format: 2\nid: 2027-01-05-council\nbody: Council\ndate: 2027-01-05\n"
    )
    with pytest.raises(FileProblem) as exc:
        ws.meeting("2027-01-05-council")
    assert (
        "format 2" in str(exc.value) and "Update meetingkit" in str(exc.value) and "line 1" in str(exc.value)
    )


def test_settings_errors_name_the_field(ws: Workspace):
    ws.settings_path.write_text("format: 1\nwpm: fast\nnames:\n  es:\n    sheriff: x\n")
    with pytest.raises(FileProblem) as exc:
        ws.settings()
    assert "meetingkit.yaml, line 2, field `wpm`" in str(exc.value)
    ws.settings_path.write_text("format: 1\nnames:\n  es:\n    sheriff: x\n")
    with pytest.raises(FileProblem) as exc:
        ws.settings()
    assert "names.es.sheriff" in str(exc.value) and "agency" in str(exc.value)


def test_id_must_match_the_file_name(ws: Workspace):
    (ws.root / "meetings" / "2027-01-05-council.yaml").write_text(
        "format: 1\nid: 2027-01-06-other\nbody: Council\ndate: 2027-01-05\n"
    )
    loaded = ws.meetings()
    assert loaded.records == [] and "does not match the file name" in str(loaded.problems[0])
