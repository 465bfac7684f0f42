"""Shared fixtures: every test gets its own workspace under tmp_path, and no
test can reach the user's real data folder (HOME and XDG point into tmp_path)."""

from __future__ import annotations

import os
import subprocess
import sys
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import pytest

from toolkit import demo
from toolkit.bank import load
from toolkit.model import Settings
from toolkit.store import Workspace

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(autouse=True)
def _private_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    home = tmp_path / "home"
    home.mkdir()
    monkeypatch.setenv("HOME", str(home))
    monkeypatch.setenv("XDG_DATA_HOME", str(home / ".local" / "share"))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(home / ".config"))
    monkeypatch.delenv("MEETINGKIT_WORKSPACE", raising=False)
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1764201600")


@pytest.fixture
def ws(tmp_path: Path) -> Workspace:
    """An empty workspace with a group, agency and jurisdiction set."""
    workspace = Workspace(tmp_path / "ws")
    workspace.create(
        Settings(
            group="Test Rights Coalition",
            agency="the Example County Sheriff's Office",
            jurisdiction="Example County",
            state="Texas",
            body="Example County Commissioners Court",
            website="https://example.org/coalition",
        )
    )
    return workspace


TODAY = date(2026, 11, 27)
"""The fixed "today" of the demo workspace in tests."""


@pytest.fixture
def demo_ws(tmp_path: Path) -> Workspace:
    """The example workspace as `init --demo` makes it, built as of TODAY."""
    workspace = Workspace(tmp_path / "demo")
    workspace.create(demo.settings())
    demo.build(workspace, load(workspace.bank_dir), TODAY)
    return workspace


@dataclass
class Result:
    code: int
    out: str
    err: str


@pytest.fixture
def cli(tmp_path: Path):  # type: ignore[no-untyped-def]
    """Run `python -m toolkit ARGS…` as a user would, in a subprocess."""

    def run(
        *args: str, workspace: Path | None = None, stdin: str | None = None, env: dict | None = None
    ) -> Result:
        full_env = dict(os.environ)
        full_env.update(env or {})
        cmd = [sys.executable, "-m", "toolkit", *args]
        if workspace is not None:
            cmd += ["--workspace", str(workspace)]
        proc = subprocess.run(
            cmd, capture_output=True, text=True, input=stdin, env=full_env, cwd=tmp_path, timeout=120
        )
        return Result(proc.returncode, proc.stdout, proc.stderr)

    return run
