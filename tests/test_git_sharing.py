"""Git is how a coalition shares a workspace: two clones, two organizers, one clean merge.

Each organizer logs answers and promises in their own clone (different
meetings, and different questions of the same meeting), commits, and shares
through a common repository. Because every record is its own file and nothing
derived is committed, ``git merge`` has nothing to conflict on and the merged
workspace passes ``meetingkit check``.
"""

from __future__ import annotations

import json
import os
import subprocess
from pathlib import Path

import pytest

GIT_ENV = {
    "GIT_AUTHOR_NAME": "Organizer",
    "GIT_AUTHOR_EMAIL": "organizer@example.org",
    "GIT_COMMITTER_NAME": "Organizer",
    "GIT_COMMITTER_EMAIL": "organizer@example.org",
    "GIT_CONFIG_NOSYSTEM": "1",
}


def git(cwd: Path, *args: str) -> str:
    proc = subprocess.run(
        ["git", "-c", "init.defaultBranch=main", *args],
        cwd=cwd,
        capture_output=True,
        text=True,
        env={**os.environ, **GIT_ENV},
        timeout=60,
    )
    assert proc.returncode == 0, f"git {' '.join(args)} failed:\n{proc.stdout}\n{proc.stderr}"
    return proc.stdout


@pytest.fixture
def shared_repo(tmp_path: Path, cli) -> tuple[Path, list[str]]:  # type: ignore[no-untyped-def]
    """A bare repository holding a workspace with two meetings planned."""
    start = tmp_path / "start"
    assert cli("init", "--group", "Coalition", "--agency", "the Sheriff's Office", workspace=start).code == 0
    meetings = []
    for body, day in (("County Board", "2026-11-06"), ("City Council", "2026-11-10")):
        made = cli("meeting", "new", "--body", body, "--date", day, workspace=start)
        meetings.append(made.out.strip())
        for question in ("287g-participation", "data-sharing"):
            assert cli("meeting", "ask", meetings[-1], question, workspace=start).code == 0
    git(start, "init", "-q")
    git(start, "add", "-A")
    git(start, "commit", "-q", "-m", "workspace")
    git(tmp_path, "clone", "-q", "--bare", str(start), "shared.git")
    return tmp_path / "shared.git", meetings


def test_two_clones_log_answers_and_promises_and_merge_cleanly(tmp_path: Path, shared_repo, cli) -> None:  # type: ignore[no-untyped-def]
    origin, (board, council) = shared_repo
    ana, ben = tmp_path / "ana", tmp_path / "ben"
    git(tmp_path, "clone", "-q", str(origin), str(ana))
    git(tmp_path, "clone", "-q", str(origin), str(ben))

    def log(clone: Path, meeting: str, question: str, what: str) -> str:
        said = f"{what}: we will send it."
        assert (
            cli("answer", meeting, question, "--status", "partial", "--said", said, workspace=clone).code == 0
        )
        added = cli(
            "promise", "add", meeting, question, "--what", what, "--due", "2026-12-01", workspace=clone
        )
        assert added.code == 0, added.err
        return added.out.strip()

    promises = [
        log(ana, board, "287g-participation", "Send the MOA"),  # same meeting as Ben, another question
        log(ana, council, "287g-participation", "Post the grant terms"),  # a meeting only Ana logs
        log(ben, board, "data-sharing", "Send the data-sharing policy"),
    ]
    for clone in (ana, ben):
        assert cli("promise", "list", "--json", workspace=clone).code == 0  # writes the derived cache
        git(clone, "add", "-A")
        assert ".meetingkit" not in git(clone, "status", "--porcelain"), (
            "derived files must never be committed"
        )
        git(clone, "commit", "-q", "-m", f"answers from {clone.name}")
    git(ana, "push", "-q", "origin", "main")
    git(ben, "pull", "-q", "--no-rebase", "--no-edit", "origin", "main")  # a true merge: both committed

    assert git(ben, "status", "--porcelain") == ""
    assert len(git(ben, "log", "--merges", "--oneline").splitlines()) == 1
    checked = cli("check", workspace=ben)
    assert checked.code == 0, checked.out
    listed = json.loads(cli("promise", "list", "--json", workspace=ben).out)
    assert sorted(row["id"] for row in listed) == sorted(promises)
    git(ben, "push", "-q", "origin", "main")
    git(ana, "pull", "-q", "--no-rebase", "--no-edit", "origin", "main")
    assert sorted(
        row["id"] for row in json.loads(cli("promise", "list", "--json", workspace=ana).out)
    ) == sorted(promises)
