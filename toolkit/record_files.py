"""How each kind of record is written as a file, and read back.

A YAML record file is one record's mapping; a testimony is Markdown with a
small YAML header between ``---`` lines. Either way a file that cannot be
read as its record is a ``FileProblem`` naming the file, the line and the
field; and what a save writes is read back before it replaces anything, so
a record that would not read back is refused rather than written.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any, Generic, TypeVar

from . import codec, yamlio
from .atomic import revision_of
from .errors import FileProblem, SaveError, UsageError
from .model import Record, Testimony, TestimonyHead

R = TypeVar("R", bound=Record)
FRONT = "---\n"


def _problem(path: Path, text: str | bytes, exc: codec.Invalid) -> FileProblem:
    return FileProblem(path, exc.message, line=yamlio.line_of(text, exc.path), field=exc.dotted)


def named_by_id(record: Any, path: Path) -> None:
    """A record whose id is its file name (a meeting, a request, a law) must be in that file."""
    if record.id != path.stem:
        raise FileProblem(
            path, f"id {record.id!r} does not match the file name; expected {path.stem!r}", field="id"
        )


class RecordFile(Generic[R]):
    """One record per YAML file, checked against its declaration both ways."""

    def __init__(self, cls: type[R], placed: Callable[[R, Path], None] | None = None) -> None:
        self.cls = cls
        self.placed = placed
        """Checks that a record read from ``path`` belongs there (its id is its file name)."""

    def read(self, path: Path, data: bytes) -> R:
        record = self._decode(path, data, yamlio.loads(data, str(path)))
        if self.placed is not None:
            self.placed(record, path)
        if b"#" in data:
            _keep_comments(record, data.decode("utf-8"))
        record.revision = revision_of(data)
        return record

    def _decode(self, path: Path, text: str | bytes, raw: Any) -> R:
        try:
            return codec.decode(raw, self.cls)
        except codec.Invalid as exc:
            raise _problem(path, text, exc) from None

    def write(self, record: R, path: Path) -> bytes:
        """The file's new bytes; raises UsageError for a record that would not read back."""
        return _text_with_comments(record, path, checked_yaml(record, path)).encode("utf-8")


def checked_yaml(record: Record, path: Path) -> str:
    """The record as YAML, after reading that YAML back as the record it must be."""
    text = yamlio.dumps(codec.encode(record))
    try:
        codec.decode(yamlio.loads(text, str(path)), type(record))
    except codec.Invalid as exc:
        raise UsageError(f"{path}: not saved: field `{exc.dotted}`: {exc.message}") from None
    return text


def _keep_comments(record: Record, text: str) -> None:
    from . import yamlcomments  # only for a file with a `#` in it

    comments = yamlcomments.find(text)
    if comments:
        record.__dict__["_comments"] = comments


def _text_with_comments(record: Record, path: Path, text: str) -> str:
    comments = record.__dict__.get("_comments")
    if not comments:
        return text
    from . import yamlcomments

    try:
        return yamlcomments.restore(text, comments)
    except yamlcomments.CommentLost as lost:
        raise SaveError(
            f"could not save {path}: the comment on {lost} would be lost (the field beside it "
            "changed or is gone); nothing was saved. Move or delete that comment by hand, then try again"
        ) from None


class TestimonyFile:
    """A speaker's testimony: a ``---`` header (meeting, speaker, neighbourhood), then the text."""

    cls = Testimony

    def read(self, path: Path, data: bytes) -> Testimony:
        try:
            raw = data.decode("utf-8")
        except UnicodeDecodeError:
            raise FileProblem(path, "not UTF-8 text; save it as UTF-8") from None
        head_text, body = "", raw
        if raw.startswith(FRONT):
            end = raw.find("\n---\n", len(FRONT) - 1)
            if end < 0:
                raise FileProblem(path, "the header opened with `---` is never closed with `---`", line=1)
            head_text, body = raw[len(FRONT) : end + 1], raw[end + len("\n---\n") :]
        meta = yamlio.loads(head_text, str(path)) if head_text.strip() else {}
        if not isinstance(meta, dict):
            raise FileProblem(path, "the header between `---` lines must be `key: value` lines", line=2)
        meta = {"meeting": path.parent.name, "speaker": path.stem} | {k: v for k, v in meta.items() if v}
        try:
            head = codec.decode(meta, TestimonyHead)
        except codec.Invalid as exc:
            line = yamlio.line_of(head_text, exc.path)
            raise FileProblem(path, exc.message, line=line + 1 if line else None, field=exc.dotted) from None
        testimony = Testimony(
            meeting=path.parent.name,
            speaker=head.speaker,
            neighbourhood=head.neighbourhood,
            text=body.lstrip("\n"),
        )
        testimony.__dict__.update({k: v for k, v in head.__dict__.items() if k in ("_extra", "_unknown")})
        if "#" in head_text:
            _keep_comments(testimony, head_text)
        testimony.revision = revision_of(data)
        return testimony

    def write(self, record: Testimony, path: Path) -> bytes:
        head = TestimonyHead(
            meeting=record.meeting, speaker=record.speaker, neighbourhood=record.neighbourhood
        )
        head.__dict__.update({k: v for k, v in record.__dict__.items() if k == "_extra"})
        text = _text_with_comments(record, path, checked_yaml(head, path))
        return f"{FRONT}{text}{FRONT}\n{record.text.rstrip()}\n".encode()
