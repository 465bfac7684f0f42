"""The workspace on disk: reading records safely and saving them without ever
losing a word.

``Store`` is the one way any record file is read, listed (through the
derived cache), saved (compare-and-swap against the revision it was read
at) or changed under its lock; ``Workspace`` names the workspace's kinds of
record on top of it. Where each file lives is ``layout``; how each kind is
written is ``record_files``. A file that fails to parse or validate is
reported with its path and line or field, skipped by listings and never
overwritten.
"""

from __future__ import annotations

import gc
import os
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import date
from pathlib import Path
from typing import Generic, Protocol, TypeVar

import msgspec

from .atomic import (
    current_revision,
    fsync_folder,
    locked,
    make_private_dir,
    replace_if_unchanged,
    revision_of,
    write_bytes,
)
from .cache import RecordCache
from .errors import ConflictError, FileProblem, NotFound, SaveError, UsageError
from .layout import (
    ENV_VAR,
    RECORD_FOLDERS,
    SETTINGS_FILE,
    Layout,
    default_root,
    distinct_name_for,
    file_name_for,
    require_slug,
    resolve_root,
)
from .merge import MergeConflict, merge_answer
from .model import Answer, Meeting, Promise, Record, Settings, Testimony, split_promise_id
from .record_files import RecordFile, TestimonyFile, named_by_id

__all__ = ["ENV_VAR", "Loaded", "Workspace", "default_root", "require_slug", "resolve_root"]

R = TypeVar("R", bound=Record)
CACHE_DIR = "cache"


class FileKind(Protocol[R]):
    cls: type[R]

    def read(self, path: Path, data: bytes) -> R: ...

    def write(self, record: R, path: Path) -> bytes: ...


class Unreadable(FileProblem):
    """The system refused to read a file: not about its content, so never cached."""


@contextmanager
def _no_gc_pauses() -> Iterator[None]:
    """No cyclic garbage collection while thousands of records are read.

    Every object parsed stays alive (records hold no cycles), so each pass of
    the collector would rescan a growing heap for nothing.
    """
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


class Loaded(msgspec.Struct, Generic[R]):
    """Records read from a folder, with the files that could not be read."""

    records: list[R] = msgspec.field(default_factory=list)
    problems: list[FileProblem] = msgspec.field(default_factory=list)


def read_file(path: Path, kind: FileKind[R]) -> R:
    """The record in ``path``; every failure is a FileProblem (or NotFound) naming it."""
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        raise NotFound(f"{path} does not exist") from None
    except IsADirectoryError:
        raise FileProblem(path, "is a folder where a file belongs; move it away") from None
    except OSError as exc:
        raise Unreadable(path, f"cannot be read ({exc.strerror})") from None
    return kind.read(path, data)


class Store:
    """Read, list, save and update record files of any kind."""

    def __init__(self, layout: Layout) -> None:
        self.layout = layout
        self.bulk = False

    read = staticmethod(read_file)

    def read_all(
        self, entries: list[os.DirEntry[str]], kind: FileKind[R], cached: str | None = None
    ) -> Loaded[R]:
        """Read record files, taking unchanged ones from the derived cache ``cached``."""
        cache_file = self.layout.private_folder(CACHE_DIR) / f"{cached}.msgpack"
        # A .meetingkit linked elsewhere is never read or written: check reports the link.
        cache = RecordCache(cache_file, kind.cls) if cached and self.layout.is_inside(cache_file) else None
        with _no_gc_pauses():
            loaded: Loaded[R] = Loaded()
            prefix = len(str(self.layout.root)) + 1
            for entry in entries:
                try:
                    st = entry.stat()  # before reading: a change after it only costs a re-parse
                except FileNotFoundError:
                    continue  # deleted since the folder was listed
                name = entry.path[prefix:]
                found = cache.lookup(name, st, entry.path) if cache else None
                if found is None:
                    try:
                        found = self.read(Path(entry.path), kind)
                    except Unreadable as problem:
                        loaded.problems.append(problem)
                        continue
                    except FileProblem as problem:
                        found = problem
                    if cache:
                        cache.remember(name, st, found)
                if isinstance(found, FileProblem):
                    loaded.problems.append(found)
                else:
                    loaded.records.append(found)
            if cache:
                cache.save()
            return loaded

    def save(self, path: Path, record: R, kind: FileKind[R]) -> None:
        """Compare-and-swap against the revision the record was read at (None: a new file)."""
        self.layout.require()
        self.layout.check_inside(path)
        data = kind.write(record, path)
        record.revision = replace_if_unchanged(
            path, data, record.revision, None if self.bulk else self.layout.lock_dir, durable=not self.bulk
        )

    def check_unchanged(self, files: dict[Path, str | None]) -> None:
        """Raise ConflictError unless every file is still at the revision given (None: as found)."""
        for path, revision in files.items():
            if revision is not None and current_revision(path) != revision:
                raise ConflictError(
                    f"{path} changed since it was read (someone saved it meanwhile); nothing was deleted. "
                    "Look at it again, then delete"
                )

    def delete(self, path: Path, revision: str | None) -> None:
        """Remove a record file if it is still at ``revision`` (None: whatever it holds), under its lock."""
        self.layout.require()
        self.layout.check_inside(path)
        with locked(self.layout.lock_dir, path):
            self.check_unchanged({path: revision})
            try:
                path.unlink()
            except FileNotFoundError:
                return
            except OSError as exc:
                raise SaveError(f"could not delete {path} ({exc.strerror})") from None
        fsync_folder(path.parent)

    def update(self, path: Path, kind: FileKind[R], change: Callable[[R], None], new: Callable[[], R]) -> R:
        """Read, change and write one record under its lock: no lost update."""
        self.layout.require()
        self.layout.check_inside(path)
        with locked(self.layout.lock_dir, path):
            record = self.read(path, kind) if path.exists() else new()
            change(record)
            data = kind.write(record, path)
            if current_revision(path) != record.revision:
                raise ConflictError(
                    f"{path} changed while it was being saved; nothing was written, try again"
                )
            write_bytes(path, data)
            record.revision = revision_of(data)
        return record


def _answer_placed(answer: Answer, path: Path) -> None:
    expected = (path.parent.name, path.stem)
    if (answer.meeting, answer.question) != expected:
        raise FileProblem(
            path,
            f"holds meeting {answer.meeting!r} / question {answer.question!r} but its place "
            f"says {expected[0]!r} / {expected[1]!r}; move the file or fix those fields",
        )


SETTINGS = RecordFile(Settings)
MEETINGS = RecordFile(Meeting, named_by_id)
ANSWERS = RecordFile(Answer, _answer_placed)
TESTIMONY = TestimonyFile()


class Workspace(Layout):
    """One group's folder of meetings, testimony, answers and promises."""

    def __init__(self, root: Path) -> None:
        super().__init__(root)
        self.store = Store(self)

    @contextmanager
    def bulk_writes(self) -> Iterator[None]:
        """Save many records fast into a workspace nobody else has open.

        For one writer filling a folder (the benchmark generator, an import):
        no per-file lock and no per-file fsync, one ``os.sync()`` at the end.
        The files are byte for byte what ordinary saves write, each still
        appears atomically, and compare-and-swap still refuses to overwrite.
        """
        self.store.bulk = True
        try:
            yield
        finally:
            self.store.bulk = False
            os.sync()

    # --- settings -------------------------------------------------------------

    def settings(self) -> Settings:
        self.require()
        return self.store.read(self.settings_path, SETTINGS)

    def save_settings(self, settings: Settings) -> None:
        self.store.save(self.settings_path, settings, SETTINGS)

    def create(self, settings: Settings) -> None:
        """Lay out a new workspace in a new or empty folder; never touches anything else.

        Only folders meetingkit made itself are made private: an existing
        folder (``/tmp``, a shared drive) keeps its mode.
        """
        if self.exists():
            raise UsageError(f"{self.root} already holds a workspace ({SETTINGS_FILE}); nothing changed")
        if self.root.exists() and not self.root.is_dir():
            raise UsageError(f"{self.root} is a file, not a folder; choose a folder for the workspace")
        if self.root.is_dir() and any(os.scandir(self.root)):
            raise UsageError(
                f"{self.root} is not empty and holds no workspace; choose a new or empty folder "
                "(for example a new folder inside it) so nothing already there is mixed in"
            )
        make_private_dir(self.root)
        for folder in RECORD_FOLDERS:
            make_private_dir(self.root / folder)
        data = SETTINGS.write(settings, self.settings_path)
        settings.revision = replace_if_unchanged(self.settings_path, data, None, None)
        self.private_folder("locks")

    # --- meetings -------------------------------------------------------------

    def meeting(self, meeting_id: str) -> Meeting:
        self.require()
        path = self.meeting_path(meeting_id)
        if not path.exists():
            raise NotFound(self._missing("meeting", meeting_id, self.meeting_ids()))
        return self.store.read(path, MEETINGS)

    def meetings(self) -> Loaded[Meeting]:
        """Every readable meeting, soonest date first, and the unreadable files."""
        self.require()
        loaded = self.store.read_all(self.entries(self.root / "meetings", ".yaml"), MEETINGS, "meetings")
        loaded.records.sort(key=lambda m: (m.date, m.time, m.id))
        return loaded

    def new_meeting_id(self, on: date, body: str) -> str:
        """``YYYY-MM-DD-body``, with -2, -3 … when that day's body already met."""
        base = self.meeting_id_base(on.isoformat(), body)
        candidate, n = base, 1
        while self.meeting_path(candidate).exists():
            n += 1
            candidate = f"{base}-{n}"
        return candidate

    def add_meeting(self, meeting: Meeting) -> Meeting:
        """Save a new meeting under the next free id for its day and body.

        Two organizers adding the same meeting at once both succeed: the
        loser of the race for an id takes the next one.
        """
        for _ in range(1000):
            meeting.id = self.new_meeting_id(meeting.date, meeting.body)
            meeting.revision = None
            try:
                self.save_meeting(meeting)
                return meeting
            except ConflictError:
                continue
        raise ConflictError(f"could not find a free id for {meeting.id}; try again")

    def save_meeting(self, meeting: Meeting) -> None:
        self.store.save(self.meeting_path(meeting.id), meeting, MEETINGS)

    # --- testimony ------------------------------------------------------------

    def testimony_path(self, meeting_id: str, speaker: str) -> Path:
        """The speaker's file: their readable name, or a distinct one when
        another speaker's name gives the same file name."""
        folder = self.testimony_folder(meeting_id)
        plain = folder / f"{file_name_for(speaker)}.md"
        if not plain.exists() or self._speaker_of(plain) == " ".join(speaker.split()):
            return plain
        return folder / f"{distinct_name_for(speaker)}.md"

    def _speaker_of(self, path: Path) -> str | None:
        try:
            return " ".join(self.store.read(path, TESTIMONY).speaker.split())
        except FileProblem:
            return None

    def testimony(self, meeting_id: str, speaker: str) -> Testimony | None:
        path = self.testimony_path(meeting_id, speaker)
        return self.store.read(path, TESTIMONY) if path.exists() else None

    def testimonies(self, meeting_id: str) -> Loaded[Testimony]:
        return self.store.read_all(self.entries(self.testimony_folder(meeting_id), ".md"), TESTIMONY)

    def save_testimony(self, t: Testimony) -> Path:
        path = self.testimony_path(t.meeting, t.speaker)
        self.store.save(path, t, TESTIMONY)
        return path

    # --- answers and promises -------------------------------------------------

    def answer(self, meeting_id: str, question_id: str) -> Answer | None:
        path = self.answer_path(meeting_id, question_id)
        return self.store.read(path, ANSWERS) if path.exists() else None

    def answers(self, meeting_id: str | None = None) -> Loaded[Answer]:
        """All answers (through the derived cache), or one meeting's (a few files: read directly)."""
        self.require()
        if meeting_id is not None:
            folder = self.root / "answers" / require_slug(meeting_id, "meeting id")
            return self.store.read_all(self.entries(folder, ".yaml"), ANSWERS)
        entries = [e for folder in self.dirs(self.root / "answers") for e in self.entries(folder, ".yaml")]
        return self.store.read_all(entries, ANSWERS, "answers")

    def save_answer(self, answer: Answer) -> None:
        self.store.save(self.answer_path(answer.meeting, answer.question), answer, ANSWERS)

    def update_answer(self, meeting_id: str, question_id: str, change: Callable[[Answer], None]) -> Answer:
        """Read, change and write one answer under its lock: no lost update.

        Used by the command line, whose changes are small and always applied
        to the newest version on disk.
        """
        return self.store.update(
            self.answer_path(meeting_id, question_id),
            ANSWERS,
            change,
            lambda: Answer(meeting=meeting_id, question=question_id),
        )

    def save_answer_merging(self, base: Answer, mine: Answer) -> Answer:
        """Save ``mine``, an edit of ``base``, merging what others saved since.

        For the app, which holds a record while a person types: if the file
        changed since ``base`` was read, the changes that do not overlap are
        combined (``merge.merge_answer``) under the file's lock, so nothing
        either side saved is lost. Returns what was saved (the other side's
        changes and the new revision included); raises ConflictError naming
        the fields both sides changed.
        """
        path = self.answer_path(mine.meeting, mine.question)

        def combine(current: Answer) -> None:
            if current.revision == base.revision:
                merged = mine
            elif current.revision is None:
                raise ConflictError(
                    f"{path} was deleted since it was read; your change was not saved. "
                    "Reload, then make the change again"
                )
            else:
                try:
                    merged = merge_answer(base, mine, current)
                except MergeConflict as conflict:
                    raise ConflictError(
                        f"{path} was changed by someone else since it was read, and both of you "
                        f"changed {conflict}; your change was not saved and the file on disk was kept. "
                        "Reload it and make the change again"
                    ) from None
            _take_fields(current, merged)

        saved = self.update_answer(mine.meeting, mine.question, combine)
        _take_fields(mine, saved)
        mine.revision = saved.revision
        return mine

    def find_promise(self, pid: str) -> tuple[Answer, Promise]:
        parts = split_promise_id(pid)
        answer = self.answer(parts[0], parts[1]) if parts else None
        for promise in answer.promises if answer else []:
            if promise.id == pid:
                return answer, promise  # type: ignore[return-value]
        raise NotFound(f"no promise {pid!r}; `meetingkit promise list` shows every promise with its id")

    @staticmethod
    def _missing(kind: str, wanted: str, known: list[str]) -> str:
        import difflib

        close = difflib.get_close_matches(wanted, known, n=3, cutoff=0.5)
        hint = f"; did you mean {', '.join(close)}?" if close else ""
        return f"no {kind} {wanted!r}{hint}"


def _take_fields(into: Record, source: Record) -> None:
    """``into`` holds ``source``'s fields and kept keys; its revision and comments stay its own."""
    for name in type(into).__struct_fields__:
        setattr(into, name, getattr(source, name))
    if "_extra" in source.__dict__:
        into.__dict__["_extra"] = source.__dict__["_extra"]
