"""The YAML loader for workspace files: every plain scalar stays the text typed.

PyYAML's safe loader turns ``source: 1:14:05`` into 4445, ``official: 010``
into 8 and ``said: 1.50`` into 1.5, and the next save would write the changed
value back. Here a plain scalar is always its characters (only an empty
value, ``~`` and ``null`` mean "not given"); the record model then reads
numbers and dates out of the text where a field wants one. The loader also
refuses what a hand edit or a hostile file can bring and a record never
needs: a key typed twice (a hand-resolved git conflict), anchors and aliases
(a "billion laughs" expands a few hundred bytes into gigabytes), tags, and
keys that are not plain words. libyaml's C parser does the parsing.
"""

from __future__ import annotations

import re
from typing import Any

import yaml
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

try:
    _Base: type = yaml.CSafeLoader
except AttributeError:  # PyYAML built without libyaml
    _Base = yaml.SafeLoader

_STR = "tag:yaml.org,2002:str"
_SEQ = "tag:yaml.org,2002:seq"
_MAP = "tag:yaml.org,2002:map"
_NULL = re.compile(r"^(?:~|null|Null|NULL|)$")
_PLAIN_TAGS = {ScalarNode: _STR, SequenceNode: _SEQ, MappingNode: _MAP}


class Refused(yaml.YAMLError):
    """A document meetingkit will not read; ``line`` (1-based) points at why."""

    def __init__(self, message: str, line: int | None) -> None:
        super().__init__(message)
        self.message = message
        self.line = line


def _line(node: Node) -> int:
    return node.start_mark.line + 1


class Loader(_Base):
    """Plain documents only: mappings, lists and text (None for an empty value)."""

    def resolve(self, kind: type, value: str | None, implicit: Any) -> str:
        """No implicit types: a plain scalar is text, whatever it looks like."""
        return _PLAIN_TAGS[kind]

    def get_single_data(self) -> Any:
        node = self.get_single_node()
        if node is None:
            return None
        try:
            return self._build(node, set())
        except RecursionError:
            raise Refused("the data is nested too deeply", _line(node)) from None

    def _build(self, node: Node, seen: set[int]) -> Any:
        if id(node) in seen:
            raise Refused(
                "this file uses a YAML alias (`*name`), which meetingkit files never need; "
                "write the value out in full",
                _line(node),
            )
        seen.add(id(node))
        kind = type(node)
        if node.tag != _PLAIN_TAGS[kind]:
            raise Refused(
                f"this file uses a YAML tag meetingkit never reads ({node.tag}); remove it", _line(node)
            )
        if kind is ScalarNode:
            value: str = node.value
            if not getattr(node, "style", None) and _NULL.match(value):
                return None
            return value
        if kind is SequenceNode:
            return [self._build(child, seen) for child in node.value]
        data: dict[str, Any] = {}
        lines: dict[str, int] = {}
        for key_node, value_node in node.value:
            if type(key_node) is not ScalarNode or key_node.tag != _STR:
                raise Refused("a key must be a plain word, not a list or a mapping", _line(key_node))
            key = key_node.value
            if key in data:
                raise Refused(
                    f"the key `{key[:40]}` is written twice, on lines {lines[key]} and {_line(key_node)} "
                    "(often what a git conflict leaves); keep one of them",
                    _line(key_node),
                )
            lines[key] = _line(key_node)
            data[key] = self._build(value_node, seen)
        return data
