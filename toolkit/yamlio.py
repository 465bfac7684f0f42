"""Safe YAML in and out, in the house style.

Files are read with ``yamlload.Loader`` (safe, plain text scalars, no
aliases or duplicate keys), so a file cannot make Python run anything nor
change what a person typed. Output keeps the key order it is given, uses
block style for multi-line text and stays readable in a diff.
"""

from __future__ import annotations

from typing import Any

import yaml

from .errors import FileProblem
from .yamlload import Loader as _Loader
from .yamlload import Refused

try:
    _Dumper: type = yaml.CSafeDumper
except AttributeError:  # PyYAML built without libyaml
    _Dumper = yaml.SafeDumper


class _HouseDumper(_Dumper):
    def ignore_aliases(self, data: Any) -> bool:
        return True  # never `&id001` anchors: one date object used twice is still written twice


def _represent_str(dumper: yaml.SafeDumper, value: str) -> yaml.ScalarNode:
    style = "|" if "\n" in value else None
    return dumper.represent_scalar("tag:yaml.org,2002:str", value, style=style)


_HouseDumper.add_representer(str, _represent_str)


def loads(text: str | bytes, path: str) -> Any:
    """Parse YAML text; a syntax error or an unsafe tag names the file and line."""
    try:
        return yaml.load(text, Loader=_Loader)  # safe: yamlload.Loader builds only text, lists, mappings
    except Refused as exc:
        raise FileProblem(path, exc.message, line=exc.line) from None
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 if mark is not None else None
        problem = f"not valid YAML ({exc.problem or exc}); fix the file by hand"
        raise FileProblem(path, problem, line=line) from None
    except yaml.YAMLError as exc:
        raise FileProblem(path, f"not valid YAML ({exc})") from None
    except UnicodeDecodeError:
        raise FileProblem(path, "not UTF-8 text; save it as UTF-8") from None


def dumps(data: Any) -> str:
    """Serialise in block style, keys in the given order, Unicode kept readable."""
    return yaml.dump(
        data,
        Dumper=_HouseDumper,
        sort_keys=False,
        allow_unicode=True,
        default_flow_style=False,
        width=100,
    )


def line_of(text: str | bytes, path: tuple[str | int, ...]) -> int | None:
    """The 1-based line where a field sits, to point a person at it.

    Composing the node tree costs a second parse, so this runs only once a
    problem has been found.
    """
    try:
        node = yaml.compose(text, Loader=yaml.SafeLoader)
    except yaml.YAMLError:
        return None
    line = node.start_mark.line + 1 if node is not None else None
    for key in path:
        if isinstance(node, yaml.MappingNode):
            match = [v for k, v in node.value if getattr(k, "value", None) == key]
            if not match:
                return line
            node = match[0]
        elif isinstance(node, yaml.SequenceNode) and isinstance(key, int):
            if key >= len(node.value):
                return line
            node = node.value[key]
        else:
            return line
        line = node.start_mark.line + 1
    return line
