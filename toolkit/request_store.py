"""Records requests on disk: ``requests/<id>.yaml``, one file per request, with
its letters beside it (``<id>.md``, ``<id>.followup.md``, ``<id>.appeal.md``).

One file per request keeps git merges clean when two organizers log
different requests. Every save is a compare-and-swap against the revision the
request was read at, under the workspace's lock folder, so a change made
meanwhile by someone else is refused, never overwritten. (Kept apart from
``store.py`` so it can be folded into the generic store later.)
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

from .atomic import replace_if_unchanged
from .errors import NotFound
from .model import Request, slugify
from .record_files import RecordFile, named_by_id
from .store import Loaded, Workspace, require_slug

FOLDER = "requests"


REQUEST_FILE = RecordFile(Request, named_by_id)


class RequestStore:
    """The workspace's records requests, through the generic store (cache, locks, compare-and-swap)."""

    def __init__(self, ws: Workspace) -> None:
        self.ws = ws
        self.folder = ws.root / FOLDER

    def path(self, request_id: str) -> Path:
        return self.folder / f"{require_slug(request_id, 'request id')}.yaml"

    def letter_path(self, request_id: str, which: str = "request") -> Path:
        suffix = ".md" if which == "request" else f".{which}.md"
        return self.folder / f"{require_slug(request_id, 'request id')}{suffix}"

    def new_id(self, agency: str, on: date) -> str:
        """``YYYY-MM-DD-agency`` ("the" dropped), then -2, -3 … for more drafts to it that day."""
        name = slugify(agency, "request").removeprefix("the-")
        base = f"{on.isoformat()}-{name}"[:70].rstrip("-")
        candidate, n = base, 1
        while self.path(candidate).exists() or self.letter_path(candidate).exists():
            n += 1
            candidate = f"{base}-{n}"
        return candidate

    def read(self, request_id: str) -> Request:
        self.ws.require()
        path = self.path(request_id)
        if not path.exists():
            raise NotFound(
                f"no request {request_id!r}; `meetingkit request list` shows every request with its id"
            )
        return self.ws.store.read(path, REQUEST_FILE)

    def all(self) -> Loaded[Request]:
        """Every readable request by id (through the derived cache), and the files that could not be read."""
        self.ws.require()
        return self.ws.store.read_all(self.ws.entries(self.folder, ".yaml"), REQUEST_FILE, "requests")

    def save(self, request: Request) -> None:
        """Write the request if its file is still as it was read (new: must not exist)."""
        self.ws.store.save(self.path(request.id), request, REQUEST_FILE)

    def update(self, request_id: str, change: Callable[[Request], Any]) -> Request:
        """Read, change and write under the file's lock: no lost update."""
        self.read(request_id)
        return self.ws.store.update(
            self.path(request_id), REQUEST_FILE, change, lambda: self.read(request_id)
        )

    def write_letter(self, request_id: str, which: str, text: str) -> Path:
        """A new letter file; one already there (perhaps edited) is never overwritten."""
        path = self.letter_path(request_id, which)
        self.ws.check_inside(path)
        replace_if_unchanged(path, text.encode("utf-8"), None, self.ws.lock_dir)
        return path


def closure_days(ws: Workspace) -> list[date]:
    """Days the agency's offices are closed beyond its holidays (``closures:`` in
    meetingkit.yaml): never counted as business days."""
    return ws.settings().closures
