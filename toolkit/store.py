"""The workspace on disk: where each record lives, reading it safely and
saving it without ever losing a word.

Layout (one file per record, so two organizers sharing the folder through git
rarely touch the same file)::

    meetingkit.yaml                      settings, with the format version
    questions/*.yaml                     the group's own question banks
    meetings/<meeting>.yaml              a meeting and its agenda
    testimony/<meeting>/<speaker>.md     a speaker's testimony (Markdown)
    answers/<meeting>/<question>.yaml    an answer and the promises made in it
    .meetingkit/                         derived cache, locks, autosave (not in git)

A file that fails to parse or validate is reported with its path and line or
field, skipped by listings and never overwritten.
"""

from __future__ import annotations

import gc
import os
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any, TypeVar

from . import schema, yamlio
from .atomic import (
    TEMP_SUFFIX,
    current_revision,
    locked,
    make_private_dir,
    replace_if_unchanged,
    revision_of,
    write_bytes,
)
from .cache import RecordCache
from .errors import ConflictError, FileProblem, NotFound, SaveError, UsageError, WorkspaceMissing
from .merge import MergeConflict, merge_answer
from .model import Answer, Meeting, Promise, Settings, Testimony, is_slug, slugify, split_promise_id

SETTINGS_FILE = "meetingkit.yaml"
PRIVATE_DIR = ".meetingkit"
CACHE_DIR = "cache"
PRIVATE_GITIGNORE = b"# derived files (cache, locks): never commit\n*\n"
ENV_VAR = "MEETINGKIT_WORKSPACE"
FRONT = "---\n"

R = TypeVar("R")


def default_root() -> Path:
    """``MEETINGKIT_WORKSPACE``, else the platform's user data folder."""
    env = os.environ.get(ENV_VAR)
    if env:
        return Path(env).expanduser()
    from platformdirs import user_data_path

    return user_data_path("meetingkit", appauthor=False) / "workspace"


def resolve_root(arg: str | os.PathLike[str] | None) -> Path:
    return Path(arg).expanduser() if arg else default_root()


def require_slug(value: str, what: str) -> str:
    """Refuse ids that could name a path outside the workspace."""
    if not is_slug(value):
        raise UsageError(
            f"{what} {value!r} is not a valid id: use lowercase letters, digits and "
            "single hyphens (for example `county-commission`)"
        )
    return value


class Unreadable(FileProblem):
    """The system refused to read a file: not about its content, so never cached."""


@contextmanager
def _no_gc_pauses() -> Iterator[None]:
    """No cyclic garbage collection while thousands of records are read.

    Every object parsed stays alive (records hold no cycles), so each pass of
    the collector would rescan a growing heap for nothing: about a tenth of
    the time of a cold listing of 10,000 answers.
    """
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


@dataclass
class Loaded:
    """Records read from a folder, with the files that could not be read."""

    records: list[Any] = field(default_factory=list)
    problems: list[FileProblem] = field(default_factory=list)


class Workspace:
    """One group's folder of meetings, testimony, answers and promises."""

    def __init__(self, root: Path) -> None:
        self.root = Path(root)
        self._bulk = False
        self._private_ready = False

    # --- layout ---------------------------------------------------------------

    @property
    def settings_path(self) -> Path:
        return self.root / SETTINGS_FILE

    @property
    def private_dir(self) -> Path:
        return self.root / PRIVATE_DIR

    @property
    def lock_dir(self) -> Path:
        return self.private_folder("locks")

    def private_folder(self, name: str) -> Path:
        """A folder in ``.meetingkit/``, which always carries its ``*`` .gitignore.

        A fresh git clone has no ``.meetingkit/`` (git ignored it), so the
        first save or listing there recreates the .gitignore before any lock,
        cache or autosave file appears for a ``git add -A`` to commit. Use it
        for anything kept in ``.meetingkit/`` (the folder itself is made by
        whoever writes into it).
        """
        if not self._private_ready:
            ignore = self.private_dir / ".gitignore"
            if not ignore.exists():
                try:
                    make_private_dir(self.private_dir)
                    write_bytes(ignore, PRIVATE_GITIGNORE)
                except (OSError, SaveError):
                    pass  # a read-only workspace: nothing will be written there either
            self._private_ready = True
        return self.private_dir / name

    @property
    def bank_dir(self) -> Path:
        return self.root / "questions"

    def meeting_path(self, meeting_id: str) -> Path:
        return self.root / "meetings" / f"{require_slug(meeting_id, 'meeting id')}.yaml"

    def testimony_path(self, meeting_id: str, speaker: str) -> Path:
        require_slug(meeting_id, "meeting id")
        return self.root / "testimony" / meeting_id / f"{slugify(speaker, 'speaker')}.md"

    def answer_path(self, meeting_id: str, question_id: str) -> Path:
        return self.root / self.answer_file(meeting_id, question_id)

    def answer_file(self, meeting_id: str, question_id: str) -> str:
        """Where an answer lives, relative to the workspace, without building a Path
        (``check`` names thousands of them)."""
        require_slug(meeting_id, "meeting id")
        require_slug(question_id, "question id")
        return f"answers/{meeting_id}/{question_id}.yaml"

    def relative(self, path: Path) -> str:
        """``path`` as shown to a person: inside the workspace, relative to it."""
        text, root = str(path), str(self.root)
        return text[len(root) + 1 :] if text.startswith(root + os.sep) else text

    def exists(self) -> bool:
        return self.settings_path.is_file()

    def require(self) -> None:
        if not self.exists():
            raise WorkspaceMissing(self.root)

    # --- reading --------------------------------------------------------------

    def _parse(self, path: Path, data: bytes, convert: Callable[[Any], R]) -> R:
        raw = yamlio.loads(data, str(path))
        try:
            return convert(raw)
        except schema.Invalid as exc:
            raise FileProblem(
                path, exc.message, line=yamlio.line_of(data, exc.path), field=exc.dotted
            ) from None

    def _read(self, path: Path, convert: Callable[[Any], R]) -> R:
        try:
            data = path.read_bytes()
        except FileNotFoundError:
            raise NotFound(f"{path} does not exist") from None
        except OSError as exc:
            raise Unreadable(path, f"cannot be read ({exc.strerror})") from None
        record = self._parse(path, data, convert)
        record.revision = revision_of(data)  # type: ignore[attr-defined]
        return record

    def _read_files(
        self, entries: list[os.DirEntry[str]], read: Callable[[Path], R], cache: RecordCache | None = None
    ) -> Loaded:
        """Read record files, taking unchanged ones from the derived ``cache``."""
        with _no_gc_pauses():
            return self._read_files_now(entries, read, cache)

    def _read_files_now(
        self, entries: list[os.DirEntry[str]], read: Callable[[Path], R], cache: RecordCache | None
    ) -> Loaded:
        loaded = Loaded()
        prefix = len(str(self.root)) + 1
        for entry in entries:
            try:
                st = entry.stat()  # before reading: a change after it only costs a re-parse
            except FileNotFoundError:
                continue  # deleted since the folder was listed
            name = entry.path[prefix:]
            found = cache.lookup(name, st, entry.path) if cache else None
            if found is None:
                try:
                    found = read(Path(entry.path))
                except Unreadable as problem:
                    loaded.problems.append(problem)
                    continue
                except FileProblem as problem:
                    found = problem
                if cache:
                    cache.remember(name, st, found)
            (loaded.problems if isinstance(found, FileProblem) else loaded.records).append(found)
        if cache:
            cache.save()
        return loaded

    def _cache(self, listing: str, cls: type) -> RecordCache:
        return RecordCache(self.private_folder(CACHE_DIR) / f"{listing}.marshal", cls)

    # --- writing --------------------------------------------------------------

    def _save(self, path: Path, text: str, record: Any) -> None:
        """Compare-and-swap against the revision the record was read at."""
        self.require()
        record.revision = replace_if_unchanged(
            path,
            text.encode("utf-8"),
            record.revision,
            None if self._bulk else self.lock_dir,
            durable=not self._bulk,
        )

    @contextmanager
    def bulk_writes(self) -> Iterator[None]:
        """Save many records fast into a workspace nobody else has open.

        For one writer filling a folder (the benchmark generator, an import):
        no per-file lock and no per-file fsync, one ``os.sync()`` at the end.
        The files are byte for byte what ordinary saves write, each still
        appears atomically, and compare-and-swap still refuses to overwrite.
        """
        self._bulk = True
        try:
            yield
        finally:
            self._bulk = False
            os.sync()

    # --- settings -------------------------------------------------------------

    def settings(self) -> Settings:
        self.require()
        return self._read(self.settings_path, schema.settings_from)

    def save_settings(self, settings: Settings) -> None:
        self._save(self.settings_path, yamlio.dumps(schema.settings_to(settings)), settings)

    def create(self, settings: Settings) -> None:
        """Lay out a new workspace; refuses to touch an existing one."""
        if self.exists():
            raise UsageError(f"{self.root} already holds a workspace ({SETTINGS_FILE}); nothing changed")
        make_private_dir(self.root)
        os.chmod(self.root, 0o700)
        for folder in ("meetings", "testimony", "answers", "questions"):
            make_private_dir(self.root / folder)
        self.private_folder("locks")
        settings.revision = replace_if_unchanged(
            self.settings_path,
            yamlio.dumps(schema.settings_to(settings)).encode(),
            None,
            self.lock_dir,
        )

    # --- meetings -------------------------------------------------------------

    def meeting_ids(self) -> list[str]:
        return [p.stem for p in self._files(self.root / "meetings", ".yaml")]

    def meeting(self, meeting_id: str) -> Meeting:
        self.require()
        path = self.meeting_path(meeting_id)
        if not path.exists():
            raise NotFound(self._missing("meeting", meeting_id, self.meeting_ids()))
        return self._read_meeting(path)

    def _read_meeting(self, path: Path) -> Meeting:
        meeting = self._read(path, schema.meeting_from)
        if meeting.id != path.stem:
            raise FileProblem(
                path,
                f"id {meeting.id!r} does not match the file name; expected {path.stem!r}",
                line=1,
                field="id",
            )
        return meeting

    def meetings(self) -> Loaded:
        """Every readable meeting, soonest date first, and the unreadable files."""
        self.require()
        entries = self._entries(self.root / "meetings", ".yaml")
        loaded = self._read_files(entries, self._read_meeting, self._cache("meetings", Meeting))
        loaded.records.sort(key=lambda m: (m.date, m.time, m.id))
        return loaded

    def new_meeting_id(self, on: date, body: str) -> str:
        """``YYYY-MM-DD-body``, with -2, -3 … when that day's body already met."""
        base = f"{on.isoformat()}-{slugify(body, 'meeting')}"[:70].rstrip("-")
        candidate, n = base, 1
        while self.meeting_path(candidate).exists():
            n += 1
            candidate = f"{base}-{n}"
        return candidate

    def save_meeting(self, meeting: Meeting) -> None:
        self._save(self.meeting_path(meeting.id), yamlio.dumps(schema.meeting_to(meeting)), meeting)

    # --- testimony ------------------------------------------------------------

    def testimony(self, meeting_id: str, speaker: str) -> Testimony | None:
        path = self.testimony_path(meeting_id, speaker)
        if not path.exists():
            return None
        return self._read_testimony(path)

    def _read_testimony(self, path: Path) -> Testimony:
        try:
            data = path.read_bytes()
            raw = data.decode("utf-8")
        except UnicodeDecodeError:
            raise FileProblem(path, "not UTF-8 text; save it as UTF-8") from None
        except OSError as exc:
            raise Unreadable(path, f"cannot be read ({exc.strerror})") from None
        meta: dict[str, Any] = {}
        body = raw
        if raw.startswith(FRONT):
            end = raw.find("\n---\n", len(FRONT) - 1)
            if end < 0:
                raise FileProblem(path, "the header opened with `---` is never closed with `---`", line=1)
            meta = yamlio.loads(raw[len(FRONT) : end + 1], str(path)) or {}
            if not isinstance(meta, dict):
                raise FileProblem(path, "the header between `---` lines must be `key: value` lines", line=2)
            body = raw[end + len("\n---\n") :]
        meeting_id = path.parent.name
        testimony = Testimony(
            meeting=meeting_id,
            speaker=str(meta.get("speaker") or path.stem),
            neighbourhood=str(meta.get("neighbourhood") or ""),
            text=body.lstrip("\n"),
        )
        testimony.revision = revision_of(data)
        return testimony

    @staticmethod
    def testimony_text(t: Testimony) -> str:
        meta = {"meeting": t.meeting, "speaker": t.speaker}
        if t.neighbourhood:
            meta["neighbourhood"] = t.neighbourhood
        return f"{FRONT}{yamlio.dumps(meta)}{FRONT}\n{t.text.rstrip()}\n"

    def testimonies(self, meeting_id: str) -> Loaded:
        require_slug(meeting_id, "meeting id")
        return self._read_files(
            self._entries(self.root / "testimony" / meeting_id, ".md"), self._read_testimony
        )

    def save_testimony(self, t: Testimony) -> Path:
        path = self.testimony_path(t.meeting, t.speaker)
        self._save(path, self.testimony_text(t), t)
        return path

    # --- answers and promises -------------------------------------------------

    def answer(self, meeting_id: str, question_id: str) -> Answer | None:
        path = self.answer_path(meeting_id, question_id)
        if not path.exists():
            return None
        return self._read_answer(path)

    def _read_answer(self, path: Path) -> Answer:
        answer = self._read(path, schema.answer_from)
        expected = (path.parent.name, path.stem)
        if (answer.meeting, answer.question) != expected:
            raise FileProblem(
                path,
                f"holds meeting {answer.meeting!r} / question {answer.question!r} but its place "
                f"says {expected[0]!r} / {expected[1]!r}; move the file or fix those fields",
            )
        return answer

    def answers(self, meeting_id: str | None = None) -> Loaded:
        """All answers (through the derived cache), or one meeting's (a few files: read directly)."""
        self.require()
        if meeting_id is not None:
            folder = self.root / "answers" / require_slug(meeting_id, "meeting id")
            return self._read_files(self._entries(folder, ".yaml"), self._read_answer)
        entries = [e for folder in self._dirs(self.root / "answers") for e in self._entries(folder, ".yaml")]
        return self._read_files(entries, self._read_answer, self._cache("answers", Answer))

    def save_answer(self, answer: Answer) -> None:
        path = self.answer_path(answer.meeting, answer.question)
        self._save(path, yamlio.dumps(schema.answer_to(answer)), answer)

    def update_answer(self, meeting_id: str, question_id: str, change: Callable[[Answer], None]) -> Answer:
        """Read, change and write one answer under its lock: no lost update.

        Used by the command line, whose changes are small and always applied
        to the newest version on disk.
        """
        self.require()
        path = self.answer_path(meeting_id, question_id)
        with locked(self.lock_dir, path):
            if path.exists():
                answer = self._read_answer(path)
            else:
                answer = Answer(meeting=meeting_id, question=question_id)
            change(answer)
            data = yamlio.dumps(schema.answer_to(answer)).encode("utf-8")
            if current_revision(path) != answer.revision:
                raise ConflictError(
                    f"{path} changed while it was being saved; nothing was written, try again"
                )
            write_bytes(path, data)
            answer.revision = revision_of(data)
        return answer

    def save_answer_merging(self, base: Answer, mine: Answer) -> Answer:
        """Save ``mine``, an edit of ``base``, merging what others saved since.

        For the app, which holds a record while a person types: if the file
        changed since ``base`` was read, the changes that do not overlap are
        combined (``merge.merge_answer``) under the file's lock, so nothing
        either side saved is lost. ``mine`` then holds what was saved (the
        other side's changes and the new revision included) and is returned;
        raises ConflictError naming the fields both sides changed.
        """
        path = self.answer_path(mine.meeting, mine.question)

        def combine(current: Answer) -> None:
            if current.revision == base.revision:
                result = mine
            elif current.revision is None:
                raise ConflictError(
                    f"{path} was deleted since it was read; your change was not saved. "
                    "Reload, then make the change again"
                )
            else:
                try:
                    result = merge_answer(base, mine, current)
                except MergeConflict as conflict:
                    raise ConflictError(
                        f"{path} was changed by someone else since it was read, and both of you "
                        f"changed {conflict}; your change was not saved and the file on disk was kept. "
                        "Reload it and make the change again"
                    ) from None
            vars(current).update({k: v for k, v in vars(result).items() if k != "revision"})

        vars(mine).update(vars(self.update_answer(mine.meeting, mine.question, combine)))
        return mine

    def find_promise(self, pid: str) -> tuple[Answer, Promise]:
        parts = split_promise_id(pid)
        answer = self.answer(parts[0], parts[1]) if parts else None
        for promise in answer.promises if answer else []:
            if promise.id == pid:
                return answer, promise  # type: ignore[return-value]
        raise NotFound(f"no promise {pid!r}; `meetingkit promise list` shows every promise with its id")

    # --- folders --------------------------------------------------------------

    @staticmethod
    def _entries(folder: Path, suffix: str) -> list[os.DirEntry[str]]:
        """Record files in ``folder`` by name; hidden ones (temporary files) are not records."""
        try:
            entries = sorted(os.scandir(folder), key=lambda e: e.name)
        except (FileNotFoundError, NotADirectoryError):
            return []
        return [e for e in entries if e.name.endswith(suffix) and not e.name.startswith(".") and e.is_file()]

    def _files(self, folder: Path, suffix: str) -> list[Path]:
        return [Path(e.path) for e in self._entries(folder, suffix)]

    @staticmethod
    def _dirs(folder: Path) -> list[Path]:
        try:
            entries = sorted(os.scandir(folder), key=lambda e: e.name)
        except (FileNotFoundError, NotADirectoryError):
            return []
        return [Path(e.path) for e in entries if e.is_dir() and not e.name.startswith(".")]

    def leftover_temp_files(self) -> Iterator[Path]:
        """Temporary files a crash left behind: never taken for records."""
        for folder, dirs, names in os.walk(self.root):
            dirs[:] = sorted(d for d in dirs if d != PRIVATE_DIR)
            for name in sorted(names):
                if name.startswith(".") and name.endswith(TEMP_SUFFIX):
                    yield Path(folder, name)

    @staticmethod
    def _missing(kind: str, wanted: str, known: list[str]) -> str:
        import difflib

        close = difflib.get_close_matches(wanted, known, n=3, cutoff=0.5)
        hint = f"; did you mean {', '.join(close)}?" if close else ""
        return f"no {kind} {wanted!r}{hint}"
