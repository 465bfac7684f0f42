"""`meetingkit promise …`: the command-line contract, and --as-of everywhere it matters."""

from __future__ import annotations

import json

import yaml

from toolkit.store import Workspace

REQUIRED = {"id", "meeting", "question", "official", "what", "due", "status", "overdue", "days_overdue"}


def _list(cli, root, *args: str) -> list[dict]:  # type: ignore[no-untyped-def]
    r = cli("promise", "list", "--json", *args, workspace=root)
    assert r.code == 0, r.err
    return json.loads(r.out)


def test_json_rows_keep_the_contract(cli, demo_ws: Workspace):
    rows = _list(cli, demo_ws.root, "--as-of", "2026-11-27")
    assert len(rows) == 3 and all(set(row) >= REQUIRED for row in rows)
    first = rows[0]
    assert first["what"] == "Provide the written data-sharing policy"
    assert (first["due"], first["status"], first["overdue"], first["days_overdue"]) == (
        "2026-11-20",
        "open",
        True,
        7,
    )
    assert first["official"] == "Chair Luis Ortega" and first["question"] == "data-sharing"
    assert [h["status"] for h in rows[1]["history"]] == ["open", "kept"]


def test_as_of_judges_overdue_and_replays_status(cli, demo_ws: Workspace):
    root = demo_ws.root
    assert _list(cli, root, "--overdue", "--as-of", "2026-11-20") == [], "not late on the due day"
    assert [r["days_overdue"] for r in _list(cli, root, "--overdue", "--as-of", "2026-11-21")] == [1]
    before_kept = {r["what"][:9]: r["status"] for r in _list(cli, root, "--as-of", "2026-11-10")}
    assert before_kept["Send a co"] == "open", "the 287(g) agreement was only sent on 2026-11-11"
    assert len(_list(cli, root, "--status", "open", "--as-of", "2026-11-10")) == 3
    assert len(_list(cli, root, "--status", "open", "--as-of", "2026-11-27")) == 2


def test_a_promise_with_no_date_is_listed_as_no_date_given(cli, demo_ws: Workspace):
    root = demo_ws.root
    held = json.loads(cli("meeting", "list", "--json", workspace=root).out)[0]["id"]
    r = cli(
        "promise",
        "add",
        held,
        "sanctuary-policy",
        "--what",
        "Look into it",
        "--official",
        "Chair",
        workspace=root,
    )
    assert r.code == 0, r.err
    pid = r.out.strip()
    listed = cli("promise", "list", "--as-of", "2099-01-01", workspace=root)
    block = listed.out.split(pid, 1)[1].splitlines()[1]
    assert "open, no date given: Look into it — Chair" in block and "OVERDUE" not in block
    row = next(r for r in _list(cli, root, "--as-of", "2099-01-01") if r["id"] == pid)
    assert row["due"] is None and row["due_text"] == "no date given" and row["overdue"] is False
    assert pid not in {r["id"] for r in _list(cli, root, "--overdue", "--as-of", "2099-01-01")}


def test_update_keeps_a_dated_history_with_evidence(cli, demo_ws: Workspace):
    root = demo_ws.root
    pid = _list(cli, root, "--as-of", "2026-11-27")[0]["id"]
    for status, on, evidence in (("broken", "2026-11-28", ""), ("kept", "2026-12-02", "policy-2026.pdf")):
        r = cli(
            "promise",
            "update",
            pid,
            "--status",
            status,
            "--on",
            on,
            "--note",
            f"now {status}",
            "--evidence",
            evidence,
            workspace=root,
        )
        assert r.code == 0 and r.out.strip() == f"{pid}: {status}", r.err
    meeting, question, _ = pid.split("--")
    saved = yaml.safe_load((root / "answers" / meeting / f"{question}.yaml").read_text())["promises"][0]
    assert [(str(h["on"]), h["status"]) for h in saved["history"]] == [
        ("2026-11-06", "open"),
        ("2026-11-28", "broken"),
        ("2026-12-02", "kept"),
    ]
    assert saved["history"][2]["evidence"] == "policy-2026.pdf"
    assert next(r for r in _list(cli, root, "--as-of", "2026-11-30") if r["id"] == pid)["status"] == "broken"
    bad = cli("promise", "update", pid, "--status", "done", workspace=root)
    assert bad.code == 2 and bad.err.startswith("error:") and "invalid choice" in bad.err
