"""Drafts kept every few seconds while someone types, so a crash or a
``kill -9`` loses seconds, not an evening's testimony.

Autosaves live in ``<workspace>/.meetingkit/autosave/`` (private, and never
in git: the store's private folder comes with its ``.gitignore``, even in a
fresh clone), one small JSON file per open editor, written atomically. They are not
records: the real file changes only when the user saves. The revision of the
real file the draft started from is kept, so restoring an old draft and saving
it cannot silently overwrite a newer file.
"""

from __future__ import annotations

import itertools
import json
import threading
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from ..atomic import write_bytes
from ..model import slugify
from ..store import Workspace

INTERVAL = 2.0
"""Seconds between autosaves while typing: a crash loses at most this much (plus one write)."""


@dataclass(frozen=True)
class Draft:
    fields: dict[str, str]
    base_revision: str | None
    saved_at: datetime


class Autosave:
    """The autosave folder of one workspace; safe to call from worker threads."""

    def __init__(self, ws: Workspace) -> None:
        self.folder = ws.private_folder("autosave")
        self._lock = threading.Lock()
        self._stamps = itertools.count()
        self._written: dict[str, int] = {}

    def stamp(self) -> int:
        """Take when a write is decided, so writes finishing out of order keep the newest."""
        return next(self._stamps)

    def path(self, *key: str) -> Path:
        return self.folder / f"{'--'.join(slugify(part, 'x') for part in key)}.json"

    def write(
        self, key: tuple[str, ...], fields: dict[str, str], base_revision: str | None, seq: int
    ) -> None:
        """Keep ``fields``; a write stamped before the last one (or a clear) is dropped."""
        path = self.path(*key)
        data = {"saved_at": datetime.now().isoformat(timespec="seconds"), "base_revision": base_revision}
        payload = json.dumps(data | {"fields": fields}, ensure_ascii=False, indent=1).encode()
        with self._lock:
            if seq < self._written.get(str(path), -1):
                return
            write_bytes(path, payload)
            self._written[str(path)] = seq

    def read(self, *key: str) -> Draft | None:
        """The kept draft, or None when there is none or it cannot be read."""
        try:
            data = json.loads(self.path(*key).read_text(encoding="utf-8"))
            fields = {str(k): str(v) for k, v in data["fields"].items()}
            return Draft(fields, data.get("base_revision"), datetime.fromisoformat(data["saved_at"]))
        except (OSError, ValueError, KeyError, TypeError, AttributeError):
            return None

    def clear(self, *key: str) -> None:
        path = self.path(*key)
        with self._lock:
            path.unlink(missing_ok=True)
            self._written[str(path)] = self.stamp()
