"""Where each record of a workspace lives: folders, file names, ids (no parsing).

Layout (one file per record, so two organizers sharing the folder through git
rarely touch the same file)::

    meetingkit.yaml                      settings, with the format version
    questions/*.yaml                     the group's own question banks
    meetings/<meeting>.yaml              a meeting and its agenda
    testimony/<meeting>/<speaker>.md     a speaker's testimony (Markdown)
    answers/<meeting>/<question>.yaml    an answer and the promises made in it
    .meetingkit/                         derived cache, locks, autosave (not in git)

Ids are slugs, so no id can name a path outside the workspace; nothing is
ever written through a folder that links outside it.
"""

from __future__ import annotations

import hashlib
import os
import re
import unicodedata
from collections.abc import Iterator
from pathlib import Path

from .atomic import TEMP_SUFFIX, make_private_dir, write_bytes
from .errors import SaveError, UsageError, WorkspaceMissing
from .model import is_slug, slugify

SETTINGS_FILE = "meetingkit.yaml"
PRIVATE_DIR = ".meetingkit"
PRIVATE_GITIGNORE = b"# derived files (cache, locks): never commit\n*\n"
ENV_VAR = "MEETINGKIT_WORKSPACE"
RECORD_FOLDERS = ("meetings", "testimony", "answers", "questions")
OWN_NAMES = frozenset((SETTINGS_FILE, *RECORD_FOLDERS, "requests", "laws", "data", PRIVATE_DIR, ".git"))
"""What the workspace reads or keeps at its top: no print or export may land there."""
_NAME_MAX = 60


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


def owned_by_workspace(path: Path, root: Path) -> str | None:
    """The workspace file or folder that ``path`` would land in, if any (links followed)."""
    try:
        inside = path.resolve().relative_to(Path(root).expanduser().resolve())
    except (OSError, RuntimeError):  # a symlink loop
        raise UsageError(f"cannot write to {path}: its folder cannot be resolved (a link loop?)") from None
    except ValueError:
        return None
    first = inside.parts[0] if inside.parts else ""
    return first if first in OWN_NAMES else None


def file_name_for(name: str) -> str:
    """A readable file name for a person's name, in any script.

    Letters and digits of every script are kept (``José`` → ``josé``,
    ``王芳`` → ``王芳``), so names that differ only by an accent or by being
    non-Latin never fold onto one file; anything else becomes ``-``.
    """
    text = unicodedata.normalize("NFC", name).casefold()
    stem = re.sub(r"[\W_]+", "-", text).strip("-")[:_NAME_MAX].rstrip("-")
    return stem or "speaker"


def distinct_name_for(name: str) -> str:
    """The file name for ``name`` when its plain one belongs to someone else."""
    digest = hashlib.blake2b(" ".join(name.split()).encode(), digest_size=3).hexdigest()
    return f"{file_name_for(name)}-{digest}"


class Layout:
    """The paths of one workspace folder."""

    def __init__(self, root: Path) -> None:
        self.root = Path(root)
        self._private_ready = False

    @property
    def settings_path(self) -> Path:
        return self.root / SETTINGS_FILE

    @property
    def private_dir(self) -> Path:
        return self.root / PRIVATE_DIR

    @property
    def lock_dir(self) -> Path:
        """Where saves take their locks; refused when ``.meetingkit`` links outside the workspace."""
        folder = self.private_folder("locks")
        self.check_inside(folder / "lock")
        return folder

    @property
    def bank_dir(self) -> Path:
        return self.root / "questions"

    def private_folder(self, name: str) -> Path:
        """A folder in ``.meetingkit/``, which always carries its ``*`` .gitignore.

        A fresh git clone has no ``.meetingkit/`` (git ignored it), so the
        first save or listing there recreates the .gitignore before any lock,
        cache or autosave file appears for a ``git add -A`` to commit.
        """
        if not self._private_ready:
            ignore = self.private_dir / ".gitignore"
            if not ignore.exists() and self.exists():
                try:
                    self.check_inside(ignore)
                    make_private_dir(self.private_dir)
                    write_bytes(ignore, PRIVATE_GITIGNORE)
                except (OSError, SaveError):
                    pass  # a read-only workspace: nothing will be written there either
            self._private_ready = True
        return self.private_dir / name

    def meeting_path(self, meeting_id: str) -> Path:
        return self.root / "meetings" / f"{require_slug(meeting_id, 'meeting id')}.yaml"

    def testimony_folder(self, meeting_id: str) -> Path:
        return self.root / "testimony" / require_slug(meeting_id, "meeting id")

    def answer_path(self, meeting_id: str, question_id: str) -> Path:
        return self.root / self.answer_file(meeting_id, question_id)

    def answer_file(self, meeting_id: str, question_id: str) -> str:
        """Where an answer lives, relative to the workspace, without building a Path
        (``check`` names thousands of them)."""
        require_slug(meeting_id, "meeting id")
        require_slug(question_id, "question id")
        return f"answers/{meeting_id}/{question_id}.yaml"

    def meeting_id_base(self, on: object, body: str) -> str:
        """``YYYY-MM-DD-body``: the id a meeting gets unless that day's body already met."""
        return f"{on}-{slugify(body, 'meeting')}"[:70].rstrip("-")

    def relative(self, path: Path) -> str:
        """``path`` as shown to a person: inside the workspace, relative to it."""
        text, root = str(path), str(self.root)
        return text[len(root) + 1 :] if text.startswith(root + os.sep) else text

    def exists(self) -> bool:
        return self.settings_path.is_file()

    def require(self) -> None:
        if not self.exists():
            raise WorkspaceMissing(self.root)

    def is_inside(self, path: Path) -> bool:
        """Whether ``path``'s folder, links followed, is in the workspace."""
        try:
            self.check_inside(path)
        except SaveError:
            return False
        return True

    def check_inside(self, path: Path) -> None:
        """Refuse to write through a folder that is a link to somewhere else."""
        try:
            root = self.root.resolve()
            folder = path.parent.resolve()
        except (OSError, RuntimeError) as exc:  # a symlink loop
            raise SaveError(f"could not save {path}: its folder cannot be resolved ({exc})") from None
        if folder != root and root not in folder.parents:
            raise SaveError(
                f"could not save {path}: its folder leads outside the workspace ({folder}); "
                "meetingkit never writes outside it. Replace the link with a real folder"
            )

    # --- folders --------------------------------------------------------------

    @staticmethod
    def entries(folder: Path, suffix: str) -> list[os.DirEntry[str]]:
        """Record files in ``folder`` by name; hidden ones (temporary files) are not records."""
        return [e for e in _listing(folder) if e.name.endswith(suffix) and _is_file(e)]

    @staticmethod
    def dirs(folder: Path) -> list[Path]:
        return [Path(e.path) for e in _listing(folder) if _is_dir(e)]

    def meeting_ids(self) -> list[str]:
        return [e.name[: -len(".yaml")] for e in self.entries(self.root / "meetings", ".yaml")]

    def leftover_temp_files(self) -> Iterator[Path]:
        """Temporary files a crash left behind: never taken for records."""
        for folder, dirs, names in os.walk(self.root):
            dirs[:] = sorted(d for d in dirs if d not in (PRIVATE_DIR, ".git"))
            for name in sorted(names):
                if name.startswith(".") and name.endswith(TEMP_SUFFIX):
                    yield Path(folder, name)

    def linked_folders(self) -> list[Path]:
        """Record folders that are symbolic links (reported by ``check``; never written through)."""
        found = []
        for name in (*RECORD_FOLDERS, PRIVATE_DIR):
            path = self.root / name
            if path.is_symlink():
                found.append(path)
        for folder in ("testimony", "answers"):
            found += [p for p in self.dirs(self.root / folder) if p.is_symlink()]
        return found


def _listing(folder: Path) -> list[os.DirEntry[str]]:
    """The visible entries of ``folder`` by name (none when it is missing or a file)."""
    try:
        entries = sorted(os.scandir(folder), key=lambda e: e.name)
    except (FileNotFoundError, NotADirectoryError):
        return []
    except OSError as exc:
        raise SaveError(f"{folder} cannot be read ({exc.strerror}); fix its permissions") from None
    return [e for e in entries if not e.name.startswith(".")]


def _is_file(entry: os.DirEntry[str]) -> bool:
    try:
        return entry.is_file()
    except OSError:
        return False


def _is_dir(entry: os.DirEntry[str]) -> bool:
    try:
        return entry.is_dir()
    except OSError:
        return False
