"""Replace a file on disk so that a crash, a full disk or a second writer never
loses what it held.

The new text goes to a temporary file in the same folder, is flushed and
fsynced, and only then renamed over the old one, so a reader sees the old file
or the new one and nothing in between. Under a per-file lock the current
content is compared with the version the caller read; if someone changed it
since, the write is refused rather than overwriting their work.
"""

from __future__ import annotations

import errno
import hashlib
import os
import secrets
import stat
from collections.abc import Iterator
from contextlib import contextmanager, nullcontext, suppress
from pathlib import Path

from .errors import ConflictError, SaveError, UsageError

FILE_MODE = 0o600
DIR_MODE = 0o700
TEMP_SUFFIX = ".tmp"
LOCK_TIMEOUT = 15.0


def output_file(
    value: str | Path, suffix: str = "", workspace_root: Path | None = None, *, make_folder: bool = False
) -> Path:
    """A file the user named for a PDF or export, checked before any work is done.

    A folder that does not exist is refused, not made: a typo in a path would
    otherwise leave the file where nobody looks (``make_folder`` for the app's
    own print folder). A name whose suffix is not ``suffix`` (".pdf") is refused
    too: a PDF named out.txt opens as garbage in whatever opens .txt files. A
    device, a pipe or a record of ``workspace_root`` is never replaced."""
    path = Path(value).expanduser()
    refuse_unsafe_output(path, workspace_root)
    if path.is_dir():
        raise UsageError(f"{value} is a folder; give a file name such as handout{suffix or '.pdf'}")
    if suffix and path.suffix.lower() != suffix:
        raise UsageError(f"{value} would hold a {suffix[1:].upper()} file: give it a name ending in {suffix}")
    if not make_folder and not path.parent.is_dir():
        raise UsageError(f"there is no folder {path.parent}: create it first, or write the file elsewhere")
    return path


def refuse_unsafe_output(path: Path, workspace_root: Path | None) -> None:
    """Refuse an output that would replace something other than a plain file of the user's.

    The write renames a new file over the name given: over a device (``/dev/null``
    as root) or a pipe it would replace them with a file, and over a record of the
    workspace it would replace the meeting or answer with a PDF.
    """
    try:
        mode = path.stat().st_mode
    except FileNotFoundError:
        mode = None
    except OSError as exc:
        raise UsageError(f"cannot write to {path}: {_reason(exc)}") from None
    if mode is not None and not stat.S_ISREG(mode) and not stat.S_ISDIR(mode):
        raise UsageError(f"{path} is not a regular file (a device, a pipe or a socket); give a file name")
    if workspace_root is None:
        return
    from .layout import owned_by_workspace

    part = owned_by_workspace(path, workspace_root)
    if part:
        raise UsageError(
            f"{path} would land on the workspace's own {part}; nothing was written. "
            "Choose a file outside the workspace's records (the app prints into print/)"
        )


def revision_of(data: bytes) -> str:
    """A short content hash: the version a record was read at."""
    return hashlib.blake2b(data, digest_size=12).hexdigest()


def current_revision(path: Path) -> str | None:
    try:
        return revision_of(path.read_bytes())
    except FileNotFoundError:
        return None


def make_private_dir(path: Path) -> None:
    """Create a folder (and parents) readable by its owner only."""
    missing = []
    probe = path
    while not probe.exists():
        missing.append(probe)
        probe = probe.parent
    for folder in reversed(missing):
        try:
            folder.mkdir(mode=DIR_MODE)
        except FileExistsError:
            continue
        os.chmod(folder, DIR_MODE)


@contextmanager
def locked(lock_dir: Path, path: Path) -> Iterator[None]:
    """Hold the lock for ``path`` (kept in ``lock_dir``, out of the records' way)."""
    from filelock import FileLock, Timeout

    name = hashlib.blake2b(str(path.resolve()).encode(), digest_size=10).hexdigest()
    lock = FileLock(str(lock_dir / f"{name}.lock"), timeout=LOCK_TIMEOUT, mode=FILE_MODE)
    try:
        make_private_dir(lock_dir)
        lock.acquire()
    except Timeout:  # before OSError: filelock's Timeout is a TimeoutError
        raise SaveError(
            f"could not save {path}: another meetingkit is saving it and did not finish "
            f"within {LOCK_TIMEOUT:.0f} s; try again"
        ) from None
    except OSError as exc:
        raise SaveError(f"could not save {path}: cannot lock it in {lock_dir} ({_reason(exc)})") from None
    try:
        yield
    finally:
        lock.release()


def _reason(exc: OSError) -> str:
    if exc.errno == errno.ENOSPC:
        return "the disk is full"
    if exc.errno in (errno.EACCES, errno.EPERM):
        return "permission denied"
    if exc.errno == errno.EROFS:
        return "the disk is read-only"
    return exc.strerror or str(exc)


def write_bytes(path: Path, data: bytes | bytearray, *, durable: bool = True) -> None:
    """Replace ``path`` with ``data`` (temp + fsync + rename + fsync dir).

    ``durable=False`` skips both fsyncs: the rename still makes the swap
    atomic for readers, but a power cut may lose the new file. For derived
    files, and for bulk writers that sync once at the end.
    """
    make_private_dir(path.parent)
    # Unique per writer (two threads of one app may save at once); hidden, so never taken for a record.
    temp = path.with_name(f".{path.name}.{os.getpid()}.{secrets.token_hex(4)}{TEMP_SUFFIX}")
    try:
        fd = os.open(temp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, FILE_MODE)
        try:
            view = memoryview(data)
            while view:
                view = view[os.write(fd, view) :]
            if durable:
                os.fsync(fd)
        finally:
            os.close(fd)
        os.chmod(temp, FILE_MODE)
        os.replace(temp, path)
    except OSError as exc:
        with suppress(OSError):
            temp.unlink()
        kept = "the previous version is intact" if path.exists() else "nothing was written"
        raise SaveError(f"could not save {path}: {_reason(exc)}; {kept}") from None
    if durable:
        fsync_folder(path.parent)


def fsync_folder(folder: Path) -> None:
    """Make a rename or unlink in ``folder`` survive a power cut."""
    try:
        dir_fd = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(dir_fd)
        finally:
            os.close(dir_fd)
    except OSError:
        pass  # some file systems cannot fsync a folder; the rename is done


def replace_if_unchanged(
    path: Path, data: bytes, expected: str | None, lock_dir: Path | None, *, durable: bool = True
) -> str:
    """Write ``data`` if the file is still at revision ``expected``.

    ``expected=None`` means the file must not exist yet. Returns the new
    revision; raises ConflictError when someone else changed the file.
    ``lock_dir=None`` takes no lock: only for a writer that knows it is alone.
    """
    with locked(lock_dir, path) if lock_dir is not None else nullcontext():
        found = current_revision(path)
        if found != expected:
            if expected is None:
                raise ConflictError(
                    f"{path} already exists; it was not overwritten. Reload, or choose another name"
                )
            what = "was deleted" if found is None else "was changed by someone else"
            raise ConflictError(
                f"{path} {what} since it was read; your change was not saved "
                "and the file on disk was kept. Reload it and make the change again"
            )
        write_bytes(path, data, durable=durable)
    return revision_of(data)
