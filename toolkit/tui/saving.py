"""Saves off the event loop, one after another, in the order they were asked for.

A save can wait up to 15 s for a file's lock (another organizer, the command
line), and the terminal must keep answering meanwhile. Each save is a blocking
function from the application layer run in one worker thread at a time: the
order is the order of the edits, so a later edit of the same file lands after
an earlier one. The result comes back to the main thread (``done``); a refusal
is shown as every refusal is, a file that changed on disk offers to reload,
and what could not be saved stays listed (``failed``) until it is saved or
reloaded, so quitting asks about it.
"""

from __future__ import annotations

import threading
from collections import deque
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from ..errors import ConflictError, MeetingkitError

if TYPE_CHECKING:
    from .app import MeetingkitApp


@dataclass
class SaveJob:
    what: str
    """Names the file for a person: "the meeting 2026-…", "testimony of Ana"."""
    write: Callable[[], Any]
    done: Callable[[Any], None] | None = None
    reload: Callable[[], None] | None = None
    failed: Callable[[], None] | None = None
    """Called on the main thread when the save was refused (the screen shows the edit as unsaved)."""
    listed: bool = True
    """Kept in ``Saver.failed`` when refused; False for a form, which stays open with the edit."""


class Saver:
    def __init__(self, app: MeetingkitApp) -> None:
        self.app = app
        self._jobs: deque[SaveJob] = deque()
        self._lock = threading.Lock()
        self._running = False
        self._idle: list[Callable[[], object]] = []
        self.failed: dict[str, SaveJob] = {}
        """What could not be saved, by ``what``: offered again on quit."""

    @property
    def busy(self) -> bool:
        with self._lock:
            return self._running

    def save(self, job: SaveJob) -> None:
        """Queue ``job`` (main thread); it runs after every save queued before it."""
        with self._lock:
            self._jobs.append(job)
            if self._running:
                return
            self._running = True
        self.app.run_worker(self._drain, thread=True, group="save", exit_on_error=False)

    def when_idle(self, callback: Callable[[], object]) -> None:
        """Run ``callback`` on the main thread once every queued save has finished."""
        if self.busy:
            self._idle.append(callback)
        else:
            callback()

    def retry_failed(self) -> None:
        for job in list(self.failed.values()):
            self.save(job)

    def forget(self, what: str) -> None:
        """The unsaved edit was dropped (reloaded from disk)."""
        self.failed.pop(what, None)

    def _drain(self) -> None:
        while True:
            with self._lock:
                if not self._jobs:
                    self._running = False
                    break
                job = self._jobs.popleft()
            self._run(job)
        self._call(self._went_idle)

    def _run(self, job: SaveJob) -> None:
        try:
            result = job.write()
        except MeetingkitError as error:  # a ConflictError too: _refused offers the reload
            self._call(self._refused, job, error)
        except Exception as error:
            self._call(self._refused, job, MeetingkitError(f"{type(error).__name__}: {error}"))
        else:
            self._call(self._saved, job, result)

    def _call(self, callback: Callable[..., None], *args: Any) -> None:
        try:
            self.app.call_from_thread(callback, *args)
        except RuntimeError:
            return  # the app has closed meanwhile: the write itself has happened or was refused

    def _saved(self, job: SaveJob, result: Any) -> None:
        self.failed.pop(job.what, None)
        if job.done is not None:
            job.done(result)

    def _refused(self, job: SaveJob, error: MeetingkitError) -> None:
        if job.listed:
            self.failed[job.what] = job
        if job.failed is not None:
            job.failed()
        if isinstance(error, ConflictError) and job.reload is not None:
            reload = job.reload

            def take_theirs() -> None:
                self.forget(job.what)
                reload()

            self.app.offer_reload(error, take_theirs)
        else:
            self.app.report(error, title=f"Not saved: {job.what}")

    def _went_idle(self) -> None:
        if self.busy:
            return
        waiting, self._idle = self._idle, []
        for callback in waiting:
            callback()
