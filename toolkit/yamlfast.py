"""PyYAML's safe loader, constructing plain documents without its generic machinery.

Listing a large workspace is mostly YAML loading, and most of that is not
libyaml's C parser but PyYAML's Python constructor: generators, a recursion
guard and a memo per node, all needed only for anchors, merge keys and tags
such as ``!!set``. Our files use none of them. This loader keeps the C
parser and the safe constructors for every scalar, builds mappings and
sequences directly, and hands any document using an alias, a merge key or an
unusual tag back to ``SafeConstructor`` unchanged, so the result is always
exactly what ``yaml.safe_load`` returns (a fuzz test compares the two), except
that a value Python cannot hold is a YAML error rather than a ValueError.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import yaml
from yaml.constructor import ConstructorError
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

try:
    _Base: type = yaml.CSafeLoader
except AttributeError:  # PyYAML built without libyaml
    _Base = yaml.SafeLoader

_STR = "tag:yaml.org,2002:str"
_SEQ = "tag:yaml.org,2002:seq"
_MAP = "tag:yaml.org,2002:map"
_SCALARS: dict[str, Callable[[Any, ScalarNode], Any]] = {
    tag: make
    for tag, make in _Base.yaml_constructors.items()
    if tag and tag.rsplit(":", 1)[-1] in ("null", "bool", "int", "float", "binary", "timestamp")
}
_IMPLICIT = _Base.yaml_implicit_resolvers
_DEFAULT_TAG = {ScalarNode: _STR, SequenceNode: _SEQ, MappingNode: _MAP}


class _Unusual(Exception):
    """The document needs PyYAML's full constructor (alias, merge key, rare tag)."""


class Loader(_Base):  # type: ignore[misc, valid-type]
    """A drop-in for ``CSafeLoader`` whose output is identical and comes faster."""

    def resolve(self, kind: type, value: str | None, implicit: Any) -> str:
        """``BaseResolver.resolve`` for a loader without path resolvers, minus its overhead."""
        if kind is ScalarNode and implicit[0]:
            for tag, regexp in _IMPLICIT.get(value[:1], ()):  # type: ignore[index]
                if regexp.match(value):
                    return tag
        return _DEFAULT_TAG[kind]

    def get_single_data(self) -> Any:
        """The document, or a YAMLError: never the ValueError or RecursionError
        with which PyYAML meets ``2026-13-45``, a 5,000-digit number or deep nesting."""
        node = self.get_single_node()
        if node is None:
            return None
        try:
            try:
                return self._build(node, set())
            except _Unusual:
                return self.construct_document(node)
        except RecursionError:
            raise yaml.YAMLError("the data is nested too deeply") from None
        except (ValueError, OverflowError) as exc:
            raise yaml.YAMLError(f"a value cannot be read: {exc}") from None

    def _build(self, node: Node, seen: set[int]) -> Any:
        kind = type(node)
        tag = node.tag
        if kind is ScalarNode:
            if tag == _STR:
                return node.value
            make = _SCALARS.get(tag)
            if make is None:
                raise _Unusual
            try:
                return make(self, node)
            except (ValueError, OverflowError) as exc:  # e.g. a date with month 13
                shown = node.value if len(node.value) <= 40 else node.value[:37] + "..."
                raise ConstructorError(None, None, f"cannot read {shown!r}: {exc}", node.start_mark) from None
        if id(node) in seen:  # an alias: shared or recursive data
            raise _Unusual
        seen.add(id(node))
        if kind is SequenceNode and tag == _SEQ:
            return [self._build(child, seen) for child in node.value]
        if kind is MappingNode and tag == _MAP:
            data: dict[Any, Any] = {}
            for key_node, value_node in node.value:
                key = self._build(key_node, seen)
                try:
                    hash(key)
                except TypeError:
                    raise _Unusual from None  # let PyYAML word the error
                data[key] = self._build(value_node, seen)
            return data
        raise _Unusual


if _Base.yaml_path_resolvers or None in _IMPLICIT:
    Loader.resolve = _Base.resolve  # type: ignore[method-assign]
