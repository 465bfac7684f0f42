"""Keep the ``# comments`` a person wrote in a record file across a save.

A save writes the record anew from its fields, which would drop every
comment. Instead each comment is tied, when the file is read, to the field
it sits on or above (its path, such as ``agenda[1].speaker``); after the new
text is written it goes back beside that same field. When the field is gone,
or the comment cannot be put back without changing what the file means, the
save is refused and the message names the comment's line: a comment is
never lost in silence.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import yaml
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

Path_ = tuple[str | int, ...]
_TRAILING = re.compile(r"(?:^|\s)#")


@dataclass(frozen=True)
class Comment:
    line: int
    """1-based line in the file it was read from."""
    text: str
    """The comment itself, from ``#`` (with its indentation for a whole line)."""
    anchor: Path_ | None
    """The field it belongs to; None: the end of the file."""
    trailing: bool
    """At the end of the field's line, rather than on lines of its own above it."""


class CommentLost(Exception):
    """A comment that cannot be kept; ``comment`` says which."""

    def __init__(self, comment: Comment) -> None:
        super().__init__(f"line {comment.line} ({comment.text.strip()[:40]})")
        self.comment = comment


@dataclass
class _Map:
    starts: dict[int, Path_]
    """0-based line → the path of the first node starting on it."""
    lines: dict[Path_, int]
    """path → the 0-based line it starts on."""
    ends: dict[int, int]
    """0-based line → the column where the last value ending on it ends."""
    inside: set[int]
    """Lines within multi-line text, where ``#`` is text, not a comment."""
    headers: set[int]
    """Lines opening a ``|`` or ``>`` block: a comment there is not supported."""


def _mark(line: int, path: Path_, m: _Map) -> None:
    m.starts.setdefault(line, path)
    m.lines.setdefault(path, line)


def _walk(node: Node, path: Path_, m: _Map) -> None:
    """Where each key and list item starts, and where values end (nodes mark their children)."""
    if isinstance(node, ScalarNode) or getattr(node, "flow_style", False):
        start, end = node.start_mark, node.end_mark
        m.ends[end.line] = max(m.ends.get(end.line, 0), end.column)
        if end.line > start.line:
            m.inside.update(range(start.line + 1, end.line))
            if isinstance(node, ScalarNode) and node.style in ("|", ">"):
                m.headers.add(start.line)
            elif end.column > 0:
                m.inside.discard(end.line)
    if isinstance(node, MappingNode):
        for key, value in node.value:
            where = (*path, key.value)
            _mark(key.start_mark.line, where, m)
            m.ends[key.end_mark.line] = max(m.ends.get(key.end_mark.line, 0), key.end_mark.column)
            _walk(value, where, m)
    elif isinstance(node, SequenceNode):
        for i, item in enumerate(node.value):
            _mark(item.start_mark.line, (*path, i), m)
            _walk(item, (*path, i), m)


def _map(text: str) -> _Map | None:
    try:
        root = yaml.compose(text, Loader=yaml.SafeLoader)
    except yaml.YAMLError:
        return None
    m = _Map({}, {}, {}, set(), set())
    if root is not None:
        _mark(root.start_mark.line, (), m)
        _walk(root, (), m)
    return m


def find(text: str) -> list[Comment]:
    """Every comment in ``text`` with the field it belongs to."""
    if "#" not in text:
        return []
    m = _map(text)
    if m is None:
        return []
    lines = text.splitlines()
    found: list[Comment] = []
    pending: list[tuple[int, str]] = []
    for i, line in enumerate(lines):
        if i in m.inside:
            continue
        stripped = line.strip()
        if stripped.startswith("#"):
            pending.append((i, line.rstrip()))
            continue
        if i in m.starts:
            found += [Comment(n + 1, t, m.starts[i], False) for n, t in pending]
            pending = []
        hit = _TRAILING.search(line, m.ends.get(i, 0))
        if hit:
            found.append(Comment(i + 1, line[hit.start() :].strip(), m.starts.get(i), True))
    found += [Comment(n + 1, t, None, False) for n, t in pending]
    return found


def restore(new_text: str, comments: list[Comment]) -> str:
    """``new_text`` with ``comments`` back beside their fields; raises CommentLost."""
    if not comments:
        return new_text
    m = _map(new_text)
    if m is None:
        raise CommentLost(comments[0])
    lines = new_text.splitlines()
    above: dict[int, list[str]] = {}
    after: dict[int, list[str]] = {}
    tail: list[str] = []
    for c in comments:
        if c.anchor is None and not c.trailing:
            tail.append(c.text)
            continue
        line = m.lines.get(c.anchor) if c.anchor is not None else None
        if line is None or (c.trailing and line in m.headers):
            raise CommentLost(c)
        (after if c.trailing else above).setdefault(line, []).append(c.text)
    out: list[str] = []
    for i, text in enumerate(lines):
        out += above.get(i, [])
        out.append("  ".join([text, *after[i]]) if i in after else text)
    out += tail
    result = "\n".join(out) + "\n"
    if yaml.safe_load(result) != yaml.safe_load(new_text):
        raise CommentLost(comments[0])
    return result
