"""The foundation's bad-input table: each row gets a clear error and loses nothing."""

from __future__ import annotations

import errno
import os
from datetime import date
from pathlib import Path

import pytest
import yaml

from toolkit.errors import ConflictError, FileProblem, SaveError
from toolkit.model import Meeting
from toolkit.store import Workspace


def _meeting(ws: Workspace, body: str = "City Council", on: date = date(2027, 1, 5)) -> Meeting:
    m = Meeting(id=ws.new_meeting_id(on, body), body=body, date=on, minutes=2)
    ws.save_meeting(m)
    return m


def test_python_tag_is_never_executed(ws: Workspace, cli, tmp_path: Path):
    good = _meeting(ws)
    marker = tmp_path / "pwned"
    evil = ws.root / "meetings" / "2027-02-01-evil.yaml"
    evil.write_text(f"id: !!python/object/apply:os.system ['touch {marker}']\nbody: x\ndate: 2027-02-01\n")
    r = cli("meeting", "list", workspace=ws.root)
    assert not marker.exists()
    assert "meetings/2027-02-01-evil.yaml" in r.err and "tag" in r.err
    assert good.id in r.out
    checked = cli("check", workspace=ws.root)
    assert checked.code == 1 and "2027-02-01-evil.yaml" in checked.out
    assert not marker.exists()


@pytest.mark.parametrize(
    "broken, line",
    [
        ('id: 2027-03-01-x\nbody: "City Council\ndate: 2027-03-01\n', 2),
        ("id: 2027-03-01-x\nbody: City Council\n  date: 2027-03-01\n minutes: 3\n", 3),
    ],
    ids=["unclosed-quote", "bad-indent"],
)
def test_malformed_yaml_names_file_and_line_and_the_rest_works(ws: Workspace, cli, broken: str, line: int):
    good = _meeting(ws)
    bad = ws.root / "meetings" / "2027-03-01-x.yaml"
    bad.write_text(broken)
    r = cli("meeting", "list", workspace=ws.root)
    assert "meetings/2027-03-01-x.yaml, line" in r.err
    assert good.id in r.out
    shown = cli("meeting", "show", good.id, workspace=ws.root)
    assert shown.code == 0 and "City Council" in shown.out
    with pytest.raises(FileProblem) as exc:
        ws.meeting("2027-03-01-x")
    assert exc.value.line is not None and exc.value.line >= line - 1
    assert bad.read_text() == broken


@pytest.mark.parametrize(
    "field, value, expected",
    [
        ("date", "next tuesday", "expected a date YYYY-MM-DD"),
        ("minutes", "two", "expected a number of minutes"),
    ],
)
def test_wrong_types_name_file_field_and_form(ws: Workspace, cli, field: str, value: str, expected: str):
    m = _meeting(ws)
    path = ws.meeting_path(m.id)
    data = yaml.safe_load(path.read_text())
    data[field] = value
    path.write_text(yaml.safe_dump(data, sort_keys=False))
    r = cli("meeting", "show", m.id, workspace=ws.root)
    assert r.code == 1
    assert f"meetings/{m.id}.yaml" in r.err and f"field `{field}`" in r.err and expected in r.err
    assert repr(value) in r.err and ", line " in r.err


def test_next_tuesday_on_the_command_line(ws: Workspace, cli):
    r = cli("meeting", "new", "--body", "City Council", "--date", "next Tuesday", workspace=ws.root)
    assert r.code == 2 and r.err.startswith("error:") and "YYYY-MM-DD" in r.err
    assert list((ws.root / "meetings").iterdir()) == []


def test_unknown_question_lists_the_closest_ids(ws: Workspace, cli):
    m = _meeting(ws)
    r = cli("meeting", "ask", m.id, "data-shareing", workspace=ws.root)
    assert r.code == 1 and "data-sharing" in r.err and r.err.startswith("error:")
    r = cli("meeting", "ask", m.id, "287g", workspace=ws.root)
    assert r.code == 1 and "287g-participation" in r.err


def test_same_body_same_date_gets_distinct_ids(ws: Workspace, cli):
    ids = [
        cli(
            "meeting",
            "new",
            "--body",
            "City Council",
            "--date",
            "2027-01-05",
            "--location",
            where,
            workspace=ws.root,
        ).out.strip()
        for where in ("Room A", "Room B", "Room C")
    ]
    assert len(set(ids)) == 3
    assert [ws.meeting(i).location for i in ids] == ["Room A", "Room B", "Room C"]


def test_path_escapes_are_refused(ws: Workspace, cli, tmp_path: Path):
    before = sorted(p for p in tmp_path.rglob("*"))
    for args in (
        ("meeting", "show", "../../etc/passwd"),
        ("meeting", "ask", "../../etc/passwd", "data-sharing"),
        ("answer", "../../etc/passwd", "data-sharing", "--status", "answered"),
        ("testimony", "time", "../../../tmp/x"),
        ("promise", "update", "../../etc/passwd", "--status", "kept"),
    ):
        r = cli(*args, workspace=ws.root)
        assert r.code in (1, 2) and r.err.startswith("error:"), args
    m = _meeting(ws)
    r = cli("testimony", "draft", m.id, "--speaker", "../../etc/passwd", workspace=ws.root)
    assert r.code == 0
    written = Path(r.out.strip()).resolve()
    assert written.is_relative_to(ws.root.resolve() / "testimony" / m.id)
    after = sorted(p for p in tmp_path.rglob("*"))
    assert [p for p in after if p not in before and not p.is_relative_to(ws.root)] == []


def test_hand_edit_between_read_and_write_survives(ws: Workspace):
    m = _meeting(ws)
    mine = ws.meeting(m.id)
    path = ws.meeting_path(m.id)
    hand_edited = path.read_text().replace("City Council", "City Council (hand edit)")
    path.write_text(hand_edited)
    mine.location = "Room 200"
    with pytest.raises(ConflictError) as exc:
        ws.save_meeting(mine)
    assert str(path) in str(exc.value) and "changed" in str(exc.value)
    assert path.read_text() == hand_edited


def test_a_file_that_fails_to_parse_is_never_overwritten(ws: Workspace):
    m = _meeting(ws)
    path = ws.meeting_path(m.id)
    path.write_text("id: [broken\n")
    with pytest.raises(FileProblem):
        ws.meeting(m.id)
    fresh = Meeting(id=m.id, body="Other", date=m.date)
    with pytest.raises(ConflictError):
        ws.save_meeting(fresh)
    assert path.read_text() == "id: [broken\n"


def test_disk_full_keeps_the_old_file(ws: Workspace, monkeypatch: pytest.MonkeyPatch):
    m = _meeting(ws)
    path = ws.meeting_path(m.id)
    before = path.read_bytes()
    mine = ws.meeting(m.id)
    mine.location = "x" * 10_000

    def full(fd: int, data: bytes) -> int:
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    monkeypatch.setattr(os, "write", full)
    with pytest.raises(SaveError) as exc:
        ws.save_meeting(mine)
    monkeypatch.undo()
    assert "disk is full" in str(exc.value) and "previous version is intact" in str(exc.value)
    assert path.read_bytes() == before
    assert [p.name for p in path.parent.iterdir()] == [path.name]


@pytest.mark.parametrize("setup", ["empty-folder", "no-folder"])
def test_missing_workspace_says_run_init(cli, tmp_path: Path, setup: str):
    root = tmp_path / "nothing-here"
    if setup == "empty-folder":
        root.mkdir()
    for args in (("meeting", "list"), ("check",), ("promise", "list")):
        r = cli(*args, workspace=root)
        assert r.code == 1 and "meetingkit init" in r.err and r.err.startswith("error:"), args
    assert not (root / "meetingkit.yaml").exists()
