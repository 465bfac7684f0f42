"""A derived cache of parsed records, so a workspace of thousands of files opens fast.

Parsing YAML is the cost of listing a large workspace; most files have not
changed since the last run. Each large listing (all meetings,
all answers) gets one file in ``.meetingkit/cache/`` holding, per record
file, what it parsed to, keyed by the file's identity (size, mtime, ctime,
inode). The YAML stays the only source of truth:

- an entry is used only while its file's identity is unchanged; a save always
  makes a new inode and ctime, and a hand edit a new ctime;
- a file changed less than ``RACY_NS`` before it was read is not remembered,
  since a second change within the same clock tick could keep its identity;
- a cache file that is unreadable, corrupt, or written by other code (the
  fingerprint of the parsing modules differs) is ignored and rebuilt;
- it holds plain data only (lists, strings, numbers) in ``marshal`` form,
  which loads fast and, unlike pickle, cannot run code; a checksum catches a
  damaged file, and only a file owned by this user is read;
- each file's entry is marshalled on its own and read only when looked up, so
  loading the cache never holds the GIL for long (the app reads it in a
  worker thread while it draws its first frame);
- it is written atomically, private (0600), and git never sees it
  (``.meetingkit/`` ignores everything in it).
"""

from __future__ import annotations

import dataclasses
import hashlib
import marshal
import os
import sys
import time
import types
import typing
import zlib
from collections.abc import Callable
from datetime import date
from functools import cache
from pathlib import Path
from typing import Any

from .atomic import make_private_dir, write_bytes
from .errors import FileProblem, SaveError

VERSION = 1
MAGIC = b"meetingkit-cache\n"
RACY_NS = 2_000_000_000
"""Files changed this recently are re-read next time rather than remembered."""

_SOURCES = ("model.py", "schema.py", "yamlio.py", "yamlfast.py", "store.py", "cache.py")
"""The modules whose code decides what a file parses to."""

Convert = Callable[[Any], Any]


@cache
def fingerprint() -> str:
    """Which code made a cache: a new meetingkit never trusts an old one's records."""
    import yaml

    from . import __version__

    made_by = (
        f"{VERSION}|{__version__}|{sys.version}|{marshal.version}|{yaml.__version__}|{yaml.__with_libyaml__}"
    )
    digest = hashlib.blake2b(made_by.encode(), digest_size=12)
    here = Path(__file__).parent
    for name in _SOURCES:
        try:
            digest.update((here / name).read_bytes())
        except OSError:  # installed without its sources (a frozen app): the version must do
            digest.update(name.encode())
    return digest.hexdigest()


def _checksum(payload: bytes) -> bytes:
    """Catches a damaged file (a disk error, a stray edit) before marshal sees it."""
    return zlib.crc32(payload).to_bytes(4, "big")


def _identity(st: os.stat_result) -> list[int]:
    return [st.st_size, st.st_mtime_ns, st.st_ctime_ns, st.st_ino]


# --- records as plain lists --------------------------------------------------


def _field_codec(kind: Any) -> tuple[Convert | None, Convert | None]:
    """To-plain and from-plain converters for one field type (None: as it is)."""
    if kind in (str, int, float, bool) or kind == list[str]:
        return None, None
    if kind is date:
        return date.toordinal, date.fromordinal
    if isinstance(kind, types.UnionType) and set(typing.get_args(kind)) == {date, type(None)}:
        return (lambda d: d and d.toordinal()), (lambda n: n and date.fromordinal(n))
    if typing.get_origin(kind) is list and dataclasses.is_dataclass(typing.get_args(kind)[0]):
        encode, decode = codec(typing.get_args(kind)[0])
        return (lambda xs: [encode(x) for x in xs]), (lambda xs: [decode(x) for x in xs])
    raise TypeError(f"the cache cannot hold a field of type {kind}; teach cache._field_codec")


@cache
def codec(cls: type) -> tuple[Callable[[Any], list[Any]], Callable[[list[Any]], Any]]:
    """Encode a record as a list of its fields and back, ``revision`` aside.

    Built from the dataclass itself, so a field added to the model is cached
    without touching this file (and the fingerprint throws old caches away).
    """
    hints = typing.get_type_hints(cls)
    names = [f.name for f in dataclasses.fields(cls) if f.name != "revision"]
    if "revision" in hints and dataclasses.fields(cls)[-1].name != "revision":
        raise TypeError(f"{cls.__name__}.revision must be its last field")
    pairs = [_field_codec(hints[name]) for name in names]
    plan = [(name, out) for name, (out, _) in zip(names, pairs, strict=True)]
    back = [(i, into) for i, (_, into) in enumerate(pairs) if into]
    width = len(names)

    def encode(record: Any) -> list[Any]:
        return [out(getattr(record, name)) if out else getattr(record, name) for name, out in plan]

    def decode(values: list[Any]) -> Any:
        if len(values) != width:
            raise ValueError("a cached record of another shape")
        values = list(values)  # the cached entry stays plain data, to be saved again
        for i, into in back:
            values[i] = into(values[i])
        return cls(*values)

    return encode, decode


# --- one listing's cache ------------------------------------------------------------


class RecordCache:
    """What each file of one listing parsed to, trusted only while the file is unchanged."""

    def __init__(self, cache_file: Path, cls: type) -> None:
        self.file = cache_file
        self.encode, self.decode = codec(cls)
        self.entries = self._load()
        self.seen: dict[str, bytes] = {}
        self.changed = False

    def _load(self) -> dict[str, bytes]:
        """The entries, or none at all when the file is missing, foreign, damaged or stale."""
        try:
            with open(self.file, "rb") as f:
                if hasattr(os, "getuid") and os.fstat(f.fileno()).st_uid != os.getuid():
                    return {}  # only ever trust a cache this user wrote
                blob = f.read()
        except OSError:
            return {}
        head, payload = blob[: len(MAGIC) + 4], blob[len(MAGIC) + 4 :]
        if head != MAGIC + _checksum(payload):
            return {}
        try:
            stamp, entries = marshal.loads(payload)
        except (EOFError, ValueError, TypeError):
            return {}
        return entries if stamp == fingerprint() and isinstance(entries, dict) else {}

    def lookup(self, name: str, st: os.stat_result, shown: str) -> Any | FileProblem | None:
        """The record (or the problem) file ``name`` parsed to, if it has not changed since.

        ``shown`` is the path a problem names, as the user spelled the workspace.
        """
        blob = self.entries.get(name)
        if blob is None:
            return None
        try:
            entry = marshal.loads(blob)
            if entry[0] != _identity(st):
                return None
            if entry[1] == "problem":
                found: Any = FileProblem(shown, entry[2], line=entry[3], field=entry[4])
            else:
                found = self.decode(entry[3])
                found.revision = entry[2]
        except (EOFError, TypeError, ValueError, IndexError, OverflowError):
            return None
        self.seen[name] = blob
        return found

    def remember(self, name: str, st: os.stat_result, found: Any | FileProblem) -> None:
        """Keep what a file parsed to, unless the file changed too recently to trust."""
        self.changed = True
        if time.time_ns() - max(st.st_mtime_ns, st.st_ctime_ns) < RACY_NS:
            return
        if isinstance(found, FileProblem):
            entry = [_identity(st), "problem", found.message, found.line, found.field]
        else:
            entry = [_identity(st), "record", found.revision, self.encode(found)]
        self.seen[name] = marshal.dumps(entry)

    def save(self) -> None:
        """Write the cache if anything changed; failing to is never an error."""
        if not self.changed and len(self.seen) == len(self.entries):
            return
        payload = marshal.dumps((fingerprint(), self.seen))
        try:
            make_private_dir(self.file.parent)
            write_bytes(self.file, MAGIC + _checksum(payload) + payload, durable=False)
        except (OSError, SaveError):
            pass  # a read-only workspace still lists; it just re-parses next time
