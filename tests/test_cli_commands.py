"""Every foundation command, run as a user runs it: a subprocess, checked on disk."""

from __future__ import annotations

import json
import stat
from pathlib import Path

import yaml

from toolkit.store import Workspace


def _new_ws(cli, tmp_path: Path) -> Path:
    root = tmp_path / "group"
    r = cli(
        "init",
        "--group",
        "Eastside Neighbors",
        "--agency",
        "the Harris County Sheriff's Office",
        "--jurisdiction",
        "Harris County",
        "--state",
        "Texas",
        workspace=root,
    )
    assert r.code == 0, r.err
    return root


def test_version_and_help(cli):
    r = cli("--version")
    assert r.code == 0 and r.out.startswith("meetingkit ")
    r = cli("--help")
    assert r.code == 0 and "promise" in r.out and "testimony" in r.out


def test_init_lays_out_a_private_workspace(cli, tmp_path):
    root = _new_ws(cli, tmp_path)
    settings = yaml.safe_load((root / "meetingkit.yaml").read_text())
    assert settings["format"] == 1
    assert settings["agency"] == "the Harris County Sheriff's Office"
    assert stat.S_IMODE((root / "meetingkit.yaml").stat().st_mode) == 0o600
    for folder in (root, root / "meetings", root / "answers"):
        assert stat.S_IMODE(folder.stat().st_mode) == 0o700
    again = cli("init", workspace=root)
    assert again.code == 1 and again.err.startswith("error:") and "already holds a workspace" in again.err
    assert yaml.safe_load((root / "meetingkit.yaml").read_text()) == settings


def test_workspace_from_environment(cli, tmp_path):
    root = tmp_path / "from-env"
    r = cli("init", env={"MEETINGKIT_WORKSPACE": str(root)})
    assert r.code == 0, r.err
    assert (root / "meetingkit.yaml").is_file()


def test_demo_workspace_checks_clean_and_lists_everything(cli, tmp_path):
    root = tmp_path / "demo"
    assert cli("init", "--demo", workspace=root).code == 0
    assert cli("check", workspace=root).code == 0
    meetings = json.loads(cli("meeting", "list", "--json", workspace=root).out)
    assert len(meetings) == 2
    past = meetings[0]
    assert past["questions"] == 4 and len(past["speakers"]) == 2
    assert len(list((root / "testimony" / past["id"]).glob("*.md"))) == 2
    promises = json.loads(cli("promise", "list", "--json", workspace=root).out)
    assert sorted(p["status"] for p in promises) == ["kept", "open", "open"]
    assert sum(p["overdue"] for p in promises) == 1
    answers = [yaml.safe_load(p.read_text()) for p in (root / "answers" / past["id"]).glob("*.yaml")]
    assert len({a["status"] for a in answers}) >= 3


def test_questions_list_and_show(cli, tmp_path):
    root = _new_ws(cli, tmp_path)
    rows = json.loads(cli("questions", "list", "--json", workspace=root).out)
    assert len(rows) == 8
    assert all({"en", "es"} <= set(r["texts"]) for r in rows)
    assert any("Harris County Sheriff's Office" in r["texts"]["en"]["text"] for r in rows)
    listed = cli("questions", "list", "--topic", "detainers", workspace=root)
    assert (
        listed.code == 0
        and "detainers-release-notification" in listed.out
        and "data-sharing" not in listed.out
    )
    shown = cli("questions", "show", "287g-participation", "--lang", "es", workspace=root)
    assert shown.code == 0 and "287(g)" in shown.out and "¿" in shown.out
    assert "Documentos que pedir si no responden:" in shown.out and "Records to request" not in shown.out


def test_questions_list_works_without_a_workspace(cli):
    r = cli("questions", "list")
    assert r.code == 0 and "{agency}" in r.out


def test_meeting_new_list_show_ask(cli, tmp_path):
    root = _new_ws(cli, tmp_path)
    r = cli(
        "meeting",
        "new",
        "--body",
        "Harris County Commissioners Court",
        "--date",
        "2027-01-12",
        "--time",
        "10:00",
        "--location",
        "1001 Preston St",
        "--minutes",
        "2",
        workspace=root,
    )
    assert r.code == 0, r.err
    mid = r.out.strip()
    assert mid == "2027-01-12-harris-county-commissioners-court"
    assert cli("meeting", "ask", mid, "data-sharing", "--speaker", "Ana", workspace=root).code == 0
    assert (
        cli(
            "meeting",
            "ask",
            mid,
            "287g-participation",
            "--text",
            "Does the Sheriff plan to renew the MOA?",
            workspace=root,
        ).code
        == 0
    )
    on_disk = yaml.safe_load((root / "meetings" / f"{mid}.yaml").read_text())
    assert on_disk["time"] == "10:00" and on_disk["minutes"] == 2
    assert on_disk["agenda"] == [
        {"question": "data-sharing", "speaker": "Ana"},
        {"question": "287g-participation", "text": "Does the Sheriff plan to renew the MOA?"},
    ]
    shown = json.loads(cli("meeting", "show", mid, "--json", workspace=root).out)
    assert shown["agenda"][1]["text"] == "Does the Sheriff plan to renew the MOA?"
    assert "Harris County Sheriff's Office" in shown["agenda"][0]["text"]
    text = cli("meeting", "show", mid, workspace=root).out
    assert "1001 Preston St" in text and "[Ana]" in text
    assert mid in cli("meeting", "list", workspace=root).out


def test_testimony_draft_and_time(cli, tmp_path):
    root = _new_ws(cli, tmp_path)
    mid = cli(
        "meeting", "new", "--body", "City Council", "--date", "2027-02-01", "--minutes", "2", workspace=root
    ).out.strip()
    cli("meeting", "ask", mid, "data-sharing", "--speaker", "Ana Ruiz", workspace=root)
    cli("meeting", "ask", mid, "sanctuary-policy", "--speaker", "Ben Okafor", workspace=root)
    r = cli("testimony", "draft", mid, "--speaker", "Ana Ruiz", workspace=root)
    assert r.code == 0, r.err
    path = Path(r.out.strip())
    assert path.parent.parent.parent == root and path.is_file()
    text = path.read_text()
    assert "City Council" in text and "Ana Ruiz" in text
    assert "Harris County Sheriff's Office" in text and "ICE" in text
    assert "sanctuary" not in text.split("---", 2)[2].lower()
    times = json.loads(cli("testimony", "time", mid, "--json", workspace=root).out)
    assert [t["speaker"] for t in times] == ["Ana Ruiz"]
    assert times[0]["limit_words"] == 260 and times[0]["state"] == "under"
    path.write_text(text + "\n" + "word " * 300)
    over = cli("testimony", "time", mid, "--speaker", "Ana Ruiz", workspace=root)
    assert over.code == 0 and "words over" in over.out and "limit 2:00" in over.out
    again = cli("testimony", "draft", mid, "--speaker", "Ana Ruiz", workspace=root)
    assert again.code == 0 and "already has a draft" in again.err
    assert path.read_text().endswith("word \n") or "word word" in path.read_text()


def test_answer_promise_lifecycle(cli, tmp_path):
    root = _new_ws(cli, tmp_path)
    mid = cli("meeting", "new", "--body", "City Council", "--date", "2026-10-01", workspace=root).out.strip()
    r = cli(
        "answer",
        mid,
        "data-sharing",
        "--status",
        "deflected",
        "--official",
        "Chief Ray",
        "--said",
        "We follow the law.",
        "--source",
        "minutes p. 4",
        workspace=root,
    )
    assert r.code == 0, r.err
    answer_file = root / "answers" / mid / "data-sharing.yaml"
    saved = yaml.safe_load(answer_file.read_text())
    assert saved["status"] == "deflected" and saved["said"] == "We follow the law."
    assert stat.S_IMODE(answer_file.stat().st_mode) == 0o600
    pid = cli(
        "promise",
        "add",
        mid,
        "data-sharing",
        "--what",
        "Send the policy",
        "--due",
        "2026-10-15",
        "--official",
        "Chief Ray",
        workspace=root,
    ).out.strip()
    assert pid == f"{mid}--data-sharing--1"
    overdue = json.loads(
        cli("promise", "list", "--overdue", "--as-of", "2026-10-20", "--json", workspace=root).out
    )
    assert [(p["id"], p["days_overdue"], p["overdue"]) for p in overdue] == [(pid, 5, True)]
    assert (
        json.loads(cli("promise", "list", "--overdue", "--as-of", "2026-10-15", "--json", workspace=root).out)
        == []
    )
    up = cli(
        "promise",
        "update",
        pid,
        "--status",
        "kept",
        "--note",
        "Policy received",
        "--on",
        "2026-10-22",
        workspace=root,
    )
    assert up.code == 0, up.err
    promise = yaml.safe_load(answer_file.read_text())["promises"][0]
    assert promise["status"] == "kept"
    assert [h["status"] for h in promise["history"]] == ["open", "kept"]
    assert str(promise["history"][1]["on"]) == "2026-10-22"
    assert saved["said"] == yaml.safe_load(answer_file.read_text())["said"]
    missing = cli("promise", "update", "no-such--promise--1", "--status", "kept", workspace=root)
    assert missing.code == 1 and "promise list" in missing.err


def test_check_fails_on_a_broken_file(cli, tmp_path):
    root = _new_ws(cli, tmp_path)
    mid = cli("meeting", "new", "--body", "City Council", "--date", "2026-10-01", workspace=root).out.strip()
    (root / "meetings" / f"{mid}.yaml").write_text("id: [unclosed\n")
    r = cli("check", workspace=root)
    assert r.code == 1
    assert f"meetings/{mid}.yaml" in r.out and "line" in r.out


def test_store_roundtrip_keeps_unicode_and_order(ws: Workspace):
    from datetime import date

    from toolkit.model import AgendaEntry, Meeting

    m = Meeting(
        id="2027-01-01-x",
        body="Concejo Municipal de San José",
        date=date(2027, 1, 1),
        agenda=[
            AgendaEntry(question="data-sharing", text='¿Comparte datos con ICE? <b> & "más"', speaker="Ñandú")
        ],
        notes="línea 1\nlínea 2",
    )
    ws.save_meeting(m)
    text = ws.meeting_path(m.id).read_text()
    assert "San José" in text and "notes: |" in text
    assert list(yaml.safe_load(text))[:3] == ["format", "id", "body"]
    assert ws.meeting(m.id) == m


def test_meeting_plan_set_and_unask(cli, tmp_path):
    root = _new_ws(cli, tmp_path)
    mid = cli(
        "meeting", "new", "--body", "City Council", "--date", "2027-02-01", "--minutes", "1", workspace=root
    ).out.strip()
    for qid in ("287g-participation", "data-sharing", "detainers-release-notification", "sanctuary-policy"):
        assert cli("meeting", "ask", mid, qid, workspace=root).code == 0
    alone = cli("meeting", "plan", mid, "--speaker", "Ana", "--json", workspace=root)
    assert alone.code == 1 and json.loads(alone.out)[0]["over"] is True
    r = cli(
        "meeting",
        "plan",
        mid,
        "--speaker",
        "Ana",
        "--speaker",
        "Ben",
        "--speaker",
        "Cy",
        "--apply",
        workspace=root,
    )
    speakers = [
        e["speaker"] for e in yaml.safe_load((root / "meetings" / f"{mid}.yaml").read_text())["agenda"]
    ]
    assert speakers[0] == "Ana" and speakers[-1] == "Cy" and speakers == sorted(speakers)
    assert ("OVER" in r.out) == (r.code == 1)
    assert cli("meeting", "set", mid, "--minutes", "3", "--time", "19:00", workspace=root).code == 0
    fits = json.loads(
        cli("meeting", "plan", mid, "--speaker", "Ana", "--speaker", "Ben", "--json", workspace=root).out
    )
    assert not any(s["over"] for s in fits) and all(s["limit_words"] == 390 for s in fits)
    assert cli("meeting", "unask", mid, "data-sharing", workspace=root).code == 0
    agenda = yaml.safe_load((root / "meetings" / f"{mid}.yaml").read_text())["agenda"]
    assert [e["question"] for e in agenda] == [
        "287g-participation",
        "detainers-release-notification",
        "sanctuary-policy",
    ]
    again = cli("meeting", "unask", mid, "data-sharing", workspace=root)
    assert again.code == 2 and "not on the agenda" in again.err
