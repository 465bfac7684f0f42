"""A derived cache of parsed records, so a workspace of thousands of files opens fast.

Parsing YAML is the cost of listing a large workspace; most files have not
changed since the last run. Each large listing (all meetings, all answers)
gets one file in ``.meetingkit/cache/`` holding, per record file, what it
parsed to, keyed by the file's identity (size, mtime, ctime, inode). The
YAML stays the only source of truth:

- an entry is used only while its file's identity is unchanged; a save always
  makes a new inode and ctime, and a hand edit a new ctime;
- a file changed less than ``RACY_NS`` before it was read is not remembered,
  since a second change within the same clock tick could keep its identity;
- a file holding comments or keys no field declares is not remembered: the
  record alone could not write them back;
- a cache file that is unreadable, corrupt, or written by other code (the
  fingerprint of the parsing modules differs) is ignored and rebuilt;
- records are stored as msgpack through the same declarations as the files
  (msgspec, typed: decoding cannot run code); each file's entry is decoded
  only when looked up, so loading the cache never holds the GIL for long
  (the app reads it in a worker thread while it draws its first frame); a
  checksum catches a damaged file, and only a file owned by this user is read;
- it is written atomically, private (0600), and git never sees it
  (``.meetingkit/`` ignores everything in it).
"""

from __future__ import annotations

import hashlib
import os
import sys
import time
import zlib
from functools import cache
from pathlib import Path
from typing import Any, Generic, TypeVar

import msgspec

from .atomic import make_private_dir, write_bytes
from .errors import FileProblem, SaveError
from .model import Record

VERSION = 2
MAGIC = b"meetingkit-cache\n"
RACY_NS = 2_000_000_000
"""Files changed this recently are re-read next time rather than remembered."""

_SOURCES = ("model.py", "codec.py", "yamlio.py", "yamlload.py", "record_files.py", "store.py", "cache.py")
"""The modules whose code decides what a file parses to."""
_NOT_CACHED = ("_extra", "_unknown", "_comments")

R = TypeVar("R", bound=Record)


class _File(msgspec.Struct, array_like=True):
    stamp: str
    entries: dict[str, msgspec.Raw]
    """Each entry as read (msgpack, decoded on lookup); when writing, an entry may also be
    the tuple ``remember`` made, encoded then and there."""


class _Problem(msgspec.Struct, array_like=True):
    message: str
    line: int | None
    field: str | None


@cache
def fingerprint() -> str:
    """Which code made a cache: a new meetingkit never trusts an old one's records."""
    import yaml

    from . import __version__

    made_by = f"{VERSION}|{__version__}|{sys.version}|{msgspec.__version__}|{yaml.__version__}"
    digest = hashlib.blake2b(made_by.encode(), digest_size=12)
    here = Path(__file__).parent
    for name in _SOURCES:
        try:
            digest.update((here / name).read_bytes())
        except OSError:  # installed without its sources (a frozen app): the version must do
            digest.update(name.encode())
    return digest.hexdigest()


def _checksum(payload: bytes | memoryview | bytearray) -> bytes:
    """Catches a damaged file (a disk error, a stray edit) before msgpack sees it."""
    return zlib.crc32(payload).to_bytes(4, "big")


def _identity(st: os.stat_result) -> tuple[int, int, int, int]:
    return (st.st_size, st.st_mtime_ns, st.st_ctime_ns, st.st_ino)


@cache
def _coders(cls: type[Record]) -> tuple[msgspec.msgpack.Encoder, msgspec.msgpack.Decoder[Any]]:
    entry = tuple[tuple[int, int, int, int], str | None, cls | None, _Problem | None]  # type: ignore[valid-type]
    return msgspec.msgpack.Encoder(), msgspec.msgpack.Decoder(entry)


class RecordCache(Generic[R]):
    """What each file of one listing parsed to, trusted only while the file is unchanged."""

    def __init__(self, cache_file: Path, cls: type[R]) -> None:
        self.file = cache_file
        self.encoder, self.decoder = _coders(cls)
        self.entries = self._load()
        self.seen: dict[str, msgspec.Raw | tuple[Any, ...]] = {}
        self.changed = False

    def _load(self) -> dict[str, msgspec.Raw]:
        """The entries, or none at all when the file is missing, foreign, damaged or stale."""
        try:
            with open(self.file, "rb") as f:
                if hasattr(os, "getuid") and os.fstat(f.fileno()).st_uid != os.getuid():
                    return {}  # only ever trust a cache this user wrote
                blob = f.read()
        except OSError:
            return {}
        # A view, not a slice: on a large workspace the cache is tens of megabytes, and
        # the entries decoded from it point into this one buffer.
        head, payload = blob[: len(MAGIC) + 4], memoryview(blob)[len(MAGIC) + 4 :]
        if head != MAGIC + _checksum(payload):
            return {}
        try:
            found = msgspec.msgpack.decode(payload, type=_File)
        except msgspec.DecodeError:
            return {}
        return found.entries if found.stamp == fingerprint() else {}

    def lookup(self, name: str, st: os.stat_result, shown: str) -> R | FileProblem | None:
        """The record (or the problem) file ``name`` parsed to, if it has not changed since.

        ``shown`` is the path a problem names, as the user spelled the workspace.
        """
        raw = self.entries.get(name)
        if raw is None:
            return None
        try:
            identity, revision, record, problem = self.decoder.decode(raw)
        except msgspec.DecodeError:
            return None
        if identity != _identity(st):
            return None
        self.seen[name] = raw
        if problem is not None:
            return FileProblem(shown, problem.message, line=problem.line, field=problem.field)
        record.revision = revision
        return record  # type: ignore[no-any-return]

    def remember(self, name: str, st: os.stat_result, found: R | FileProblem) -> None:
        """Keep what a file parsed to, unless the file changed too recently to trust."""
        self.changed = True
        if time.time_ns() - max(st.st_mtime_ns, st.st_ctime_ns) < RACY_NS:
            return
        if isinstance(found, FileProblem):
            entry: tuple[Any, ...] = (
                _identity(st),
                None,
                None,
                _Problem(found.message, found.line, found.field),
            )
        elif any(key in found.__dict__ for key in _NOT_CACHED):
            return
        else:
            entry = (_identity(st), found.revision, found, None)
        self.seen[name] = entry  # encoded by save(), straight into the file's one buffer

    def save(self) -> None:
        """Write the cache if anything changed; failing to is never an error."""
        if not self.changed and len(self.seen) == len(self.entries):
            return
        start = len(MAGIC) + 4
        data = bytearray(MAGIC + bytes(4))
        self.encoder.encode_into(_File(fingerprint(), self.seen), data, start)  # type: ignore[arg-type]
        data[len(MAGIC) : start] = _checksum(memoryview(data)[start:])
        try:
            make_private_dir(self.file.parent)
            write_bytes(self.file, data, durable=False)
        except (OSError, SaveError):
            pass  # a read-only workspace still lists; it just re-parses next time
