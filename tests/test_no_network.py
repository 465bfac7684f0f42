"""No network, ever: the data is about people who must not be exposed.

Three fences: pytest-socket fails any test in this process that opens an
internet socket; every command run as a user would (a subprocess) runs under a
guard that records and refuses any connection or name lookup; and the source
imports no networking library at all.
"""

from __future__ import annotations

import ast
import json
import os
import socket
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
from pytest_socket import SocketBlockedError

ROOT = Path(__file__).resolve().parent.parent
NETWORK_MODULES = (
    "socket", "ssl", "http.client", "http.server", "urllib.request", "urllib3", "requests", "httpx",
    "aiohttp", "ftplib", "smtplib", "imaplib", "poplib", "telnetlib", "xmlrpc", "websocket", "socketserver",
)  # fmt: skip

GUARD = """
import os, socket

def _refuse(what):
    def refuse(*args, **kwargs):
        with open(os.environ["MEETINGKIT_NET_LOG"], "a") as log:
            log.write(f"{what} {args[:2]!r}\\n")
        raise OSError(f"network disabled by the test guard ({what})")
    return refuse

socket.getaddrinfo = _refuse("getaddrinfo")
socket.create_connection = _refuse("create_connection")
_connect = socket.socket.connect
def connect(self, address):
    if self.family == socket.AF_UNIX:
        return _connect(self, address)
    return _refuse("connect")(address)
socket.socket.connect = connect
socket.socket.connect_ex = connect
socket.socket.sendto = _refuse("sendto")
"""


@pytest.mark.filterwarnings("ignore:A test tried to use socket")
def test_the_suite_refuses_to_open_a_socket() -> None:
    with pytest.raises(SocketBlockedError):
        socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    with pytest.raises(SocketBlockedError):
        socket.create_connection(("127.0.0.1", 9), timeout=1)


def test_every_command_runs_without_touching_the_network(tmp_path: Path, cli) -> None:  # type: ignore[no-untyped-def]
    guard = tmp_path / "guard"
    guard.mkdir()
    (guard / "sitecustomize.py").write_text(textwrap.dedent(GUARD))
    log = tmp_path / "net.log"
    env = {"PYTHONPATH": str(guard), "MEETINGKIT_NET_LOG": str(log)}
    probe = subprocess.run(
        [sys.executable, "-c", "import socket; socket.create_connection(('127.0.0.1', 9))"],
        env={**os.environ, **env},
        capture_output=True,
        text=True,
    )
    assert "network disabled by the test guard" in probe.stderr and log.exists()  # the guard is live
    log.unlink()
    ws = tmp_path / "ws"

    def run(*args: str) -> str:
        result = cli(*args, workspace=ws, env=env)
        assert result.code == 0, f"{args}: {result.err}"
        return result.out

    run("init", "--demo")
    meeting = json.loads(run("meeting", "list", "--json"))[0]["id"]
    run("questions", "list")
    run("meeting", "show", meeting)
    run("testimony", "time", meeting)
    run("handout", meeting, "-o", str(tmp_path / "handout.pdf"), "--lang", "en")
    run("report", "--format", "pdf", "-o", str(tmp_path / "report.pdf"))
    run("calendar", "-o", str(tmp_path / "dates.ics"))
    run("promise", "list", "--json")
    run("check")
    assert not log.exists(), log.read_text()


def _imports(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"), str(path))
    found = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found |= {alias.name for alias in node.names}
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            found |= {node.module, *(f"{node.module}.{alias.name}" for alias in node.names)}
    return found


def _networking(path: Path) -> list[str]:
    return sorted(m for m in _imports(path) if m.startswith(NETWORK_MODULES) and m.split(".")[0] != "")


def test_no_module_imports_a_networking_library() -> None:
    offenders = {
        str(p.relative_to(ROOT)): _networking(p) for p in (ROOT / "toolkit").rglob("*.py") if _networking(p)
    }
    assert offenders == {}, "meetingkit never talks to the network"
