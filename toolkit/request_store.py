"""Records requests on disk: ``requests/<id>.yaml``, one file per request, with
its letters beside it (``<id>.md``, ``<id>.followup.md``, ``<id>.appeal.md``).

One file per request keeps git merges clean when two organizers log
different requests. Every save is a compare-and-swap against the revision the
request was read at, under the workspace's lock folder, so a change made
meanwhile by someone else is refused, never overwritten. (Kept apart from
``store.py`` so it can be folded into the generic store later.)
"""

from __future__ import annotations

import os
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

import msgspec

from . import yamlio
from .atomic import replace_if_unchanged, revision_of
from .errors import FileProblem, NotFound
from .laws import convert
from .model import slugify
from .requests import Request
from .store import Workspace, require_slug

FOLDER = "requests"


@dataclass
class Stored:
    """A request as read, with the revision a save must still find on disk."""

    request: Request
    revision: str | None


@dataclass
class LoadedRequests:
    records: list[Request] = field(default_factory=list)
    problems: list[FileProblem] = field(default_factory=list)


class RequestStore:
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

    def read(self, request_id: str) -> Stored:
        self.ws.require()
        path = self.path(request_id)
        try:
            data = path.read_bytes()
        except FileNotFoundError:
            raise NotFound(
                f"no request {request_id!r}; `meetingkit request list` shows every request with its id"
            ) from None
        except OSError as exc:
            raise FileProblem(path, f"cannot be read ({exc.strerror})") from None
        return Stored(_parse(path, data), revision_of(data))

    def all(self) -> LoadedRequests:
        """Every readable request by id, and the files that could not be read."""
        self.ws.require()
        loaded = LoadedRequests()
        try:
            entries = sorted(os.scandir(self.folder), key=lambda e: e.name)
        except (FileNotFoundError, NotADirectoryError):
            return loaded
        for entry in entries:
            if entry.name.startswith(".") or not entry.name.endswith(".yaml"):
                continue
            path = Path(entry.path)
            try:
                loaded.records.append(_parse(path, path.read_bytes()))
            except FileProblem as problem:
                loaded.problems.append(problem)
            except OSError as exc:
                loaded.problems.append(FileProblem(path, f"cannot be read ({exc.strerror})"))
        return loaded

    def save(self, stored: Stored) -> None:
        """Write the request if its file is still as it was read (new: must not exist)."""
        self.ws.require()
        data = yamlio.dumps(msgspec.to_builtins(stored.request, builtin_types=(date,))).encode("utf-8")
        stored.revision = replace_if_unchanged(
            self.path(stored.request.id), data, stored.revision, self.ws.lock_dir
        )

    def update(self, request_id: str, change: Callable[[Request], Any]) -> Request:
        """Read, change, save: refused if the file changed between the read and the save."""
        stored = self.read(request_id)
        change(stored.request)
        self.save(stored)
        return stored.request

    def write_letter(self, request_id: str, which: str, text: str) -> Path:
        """A new letter file; one already there (perhaps edited) is never overwritten."""
        path = self.letter_path(request_id, which)
        replace_if_unchanged(path, text.encode("utf-8"), None, self.ws.lock_dir)
        return path


def _parse(path: Path, data: bytes) -> Request:
    request = convert(data, path, Request)
    if request.id != path.stem:
        raise FileProblem(
            path, f"id {request.id!r} does not match the file name; expected {path.stem!r}", field="id"
        )
    return request


def closure_days(ws: Workspace) -> list[date]:
    """Days the agency's offices are closed beyond its holidays (``closures:`` in
    meetingkit.yaml): never counted as business days.

    Read from the settings record when it has the field, else from the file's
    raw data; a value that is not a date is an error naming the file.
    """
    settings = ws.settings()
    found = getattr(settings, "closures", None)
    if found is None:
        raw = yamlio.loads(ws.settings_path.read_bytes(), str(ws.settings_path)) or {}
        found = raw.get("closures") or [] if isinstance(raw, dict) else []
    try:
        return msgspec.convert(found, list[date], strict=False)
    except msgspec.ValidationError as exc:
        raise FileProblem(
            ws.settings_path, f"`closures` must be a list of dates YYYY-MM-DD ({exc})", field="closures"
        ) from None
