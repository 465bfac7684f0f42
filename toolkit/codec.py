"""Plain data to records and back, driven by the declarations in ``model.py``.

Reading: a file's mapping is checked against its record type by msgspec; a
wrong field becomes ``Invalid`` with the field's path and the form expected
(the ``description`` of its bound), for example ``date: expected a date
YYYY-MM-DD, got 'next tuesday'``. Keys no field declares are not an error
but are kept on the record (``_extra``) and written back by the next save,
so a typo (``agnecy:``) is reported by ``check`` and never deleted.

Writing: fields in declared order, an empty optional one left out unless
the record lists it in ``always``, dates as dates, and the kept keys last.
"""

from __future__ import annotations

import re
import types
import typing
from functools import cache
from typing import Any, TypeVar

import msgspec
import msgspec.inspect as mi

from .model import FORMAT, Record

R = TypeVar("R", bound=Record)
Path_ = tuple[str | int, ...]
_AT = re.compile(r" - at (`key` in )?`\$(.*)`$")
_PART = re.compile(r"\.([^.\[]+)|\[(\d+)\]|\[\.\.\.\]")


class Invalid(Exception):
    """A field that does not hold what it should; ``path`` locates it."""

    def __init__(self, path: Path_, message: str) -> None:
        super().__init__(message)
        self.path = path
        self.message = message

    @property
    def dotted(self) -> str:
        return dotted(self.path)


def dotted(path: Path_) -> str:
    """``("agenda", 0, "text")`` as a person reads it: ``agenda[0].text``."""
    out = ""
    for part in path:
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else str(part))
    return out


def show(value: Any) -> str:
    """A value quoted for a message: short, with control characters escaped."""
    text = repr(value)
    return text if len(text) <= 40 else text[:37] + "..."


class _Field(msgspec.Struct, frozen=True):
    name: str
    default: Any
    required: bool
    always: bool
    nested: tuple[str, type[Record]] | None
    """("struct" | "list" | "dict", record type) when the field holds records."""


class _Plan(msgspec.Struct, frozen=True):
    fields: tuple[_Field, ...]
    names: frozenset[str]


def _records_in(t: Any) -> tuple[str, type[Record]] | None:
    """Where a field's type holds records, so their unknown keys are found too."""
    if typing.get_origin(t) is typing.Annotated:
        return _records_in(typing.get_args(t)[0])
    if _is_struct(t):
        return ("struct", t)
    origin, args = typing.get_origin(t), typing.get_args(t)
    if origin is list and args and _is_struct(args[0]):
        return ("list", args[0])
    if origin is dict and len(args) == 2 and _is_struct(args[1]):
        return ("dict", args[1])
    if origin in (typing.Union, types.UnionType):
        return next((found for member in args if (found := _records_in(member))), None)
    return None


def _is_struct(t: Any) -> bool:
    return isinstance(t, type) and issubclass(t, msgspec.Struct)


@cache
def _plan(cls: type[Record]) -> _Plan:
    """The fields in declared order, from the class itself: ``msgspec.inspect.type_info``
    would translate every nested type too, which the first file of each kind paid for on
    every start-up."""
    fields = []
    for f in msgspec.structs.fields(cls):
        default = f.default if f.default is not msgspec.NODEFAULT else None
        if f.default_factory is not msgspec.NODEFAULT:
            default = f.default_factory()
        always = f.name == "format" or f.name in cls.always
        fields.append(_Field(f.encode_name, default, f.required, always, _records_in(f.type)))
    return _Plan(tuple(fields), frozenset(f.name for f in fields))


# --- reading ----------------------------------------------------------------


def decode(data: Any, cls: type[R]) -> R:
    """The record ``data`` (one file's mapping) holds; raises Invalid."""
    if not isinstance(data, dict):
        raise Invalid((), f"expected a mapping of `key: value` lines, got {show(data)}")
    if "format" in _plan(cls).names and data.get("format", str(FORMAT)) not in (str(FORMAT), FORMAT):
        raise Invalid(
            ("format",),
            f"this file is format {str(data['format'])[:20]}; this meetingkit reads format {FORMAT}. "
            "Update meetingkit or restore the file",
        )
    kept: list[tuple[Path_, dict[str, Any]]] = []
    clean = _clean(data, cls, (), kept)
    try:
        record = msgspec.convert(clean, cls, strict=False)
    except msgspec.ValidationError as exc:
        raise _invalid(str(exc), data, cls) from None
    for path, extra in kept:
        _at(record, path).__dict__["_extra"] = extra
    if kept:
        record.__dict__["_unknown"] = [(path, key) for path, extra in kept for key in extra]
    return record


def _clean(
    data: dict[str, Any], cls: type[Record], path: Path_, kept: list[tuple[Path_, dict[str, Any]]]
) -> Any:
    """``data`` without empty values (defaults apply) and unknown keys (kept aside)."""
    reshape = getattr(cls, "from_file", None)
    if reshape is not None:
        data = reshape(data)
    plan = _plan(cls)
    out: dict[str, Any] = {}
    mine = len(kept)  # this level's unknown keys go before those found in its fields
    for field in plan.fields:
        value = data.get(field.name)
        if value is None:
            continue
        if field.nested is not None:
            value = _clean_nested(value, field.nested, (*path, field.name), kept)
        out[field.name] = value
    if len(out) < len(data):
        extra = {k: v for k, v in data.items() if k not in plan.names}
        if extra:
            kept.insert(mine, (path, extra))
    return out


def _clean_nested(
    value: Any, nested: tuple[str, type[Record]], path: Path_, kept: list[tuple[Path_, dict[str, Any]]]
) -> Any:
    kind, sub = nested
    if kind == "struct" and isinstance(value, dict):
        return _clean(value, sub, path, kept)
    if kind == "list" and isinstance(value, list):
        return [_clean(v, sub, (*path, i), kept) if isinstance(v, dict) else v for i, v in enumerate(value)]
    if kind == "dict" and isinstance(value, dict):
        return {k: _clean(v, sub, (*path, k), kept) if isinstance(v, dict) else v for k, v in value.items()}
    return value


def _at(record: Any, path: Path_) -> Any:
    for part in path:
        record = record[part] if isinstance(part, int) or isinstance(record, dict) else getattr(record, part)
    return record


def _invalid(message: str, data: Any, cls: type[Record]) -> Invalid:
    """msgspec's message turned into the field's path and what a person should write there."""
    match = _AT.search(message)
    text = message[: match.start()] if match else message
    key_problem = bool(match and match.group(1))
    parts: list[str | int | None] = []
    for name, index in _PART.findall(match.group(2) if match else ""):
        parts.append(name or (int(index) if index else None))
    missing = re.match(r"Object missing required field `(.+)`", text)
    own = not re.match(r"(Expected|Invalid|Object|Unknown)", text)  # a record's own check (__post_init__)
    found_path = _resolve(data, cls, parts, key_problem) if (None in parts or key_problem) else parts
    if found_path is None:
        return Invalid((), text)
    path: list[str | int] = [p for p in found_path if p is not None]
    if missing:
        return Invalid((*path, missing.group(1)), "this field is required")
    if own:
        return Invalid(tuple(path), text)
    if key_problem:
        bad = path[-1]
        return Invalid(
            tuple(path),
            f"{show(bad)} is not allowed here; expected {_expected(_type_at(cls, path[:-1]), key=True)}",
        )
    found = _value_at(data, path)
    got = "nothing" if found is _NOTHING else show(found)
    expected = _expected(_type_at(cls, path))
    if expected.startswith("a date") and isinstance(found, str) and re.match(r"\d{4}-\d\d-\d\d[ T]", found):
        expected += " without a time"
    return Invalid(tuple(path), f"expected {expected}, got {got}")


def _resolve(
    data: Any, hint: Any, parts: list[str | int | None], key_problem: bool
) -> list[str | int] | None:
    """The real path where msgspec says ``[...]`` (some key of a mapping): the
    first key whose value (or, for a key problem, whose own keys) do not fit."""
    hint = _unwrap(hint)
    if not parts:
        if not key_problem or not isinstance(data, dict):
            return []
        key_type = _args(hint)[0] if _origin(hint) is dict else None
        if key_type is None:
            return None
        bad = next((k for k in data if not _fits(k, key_type)), None)
        return None if bad is None else [bad]
    part, rest = parts[0], parts[1:]
    if part is None:
        if not isinstance(data, dict) or _origin(hint) is not dict:
            return None
        value_type = _args(hint)[1]
        for key, value in data.items():
            if rest or key_problem:
                found = _resolve(value, value_type, rest, key_problem)
                if found is not None:
                    return [key, *found]
            elif not _fits(value, value_type):
                return [key]
        return None
    try:
        child = data[part]
    except (KeyError, IndexError, TypeError):
        return None
    found = _resolve(child, _child_hint(hint, part), rest, key_problem)
    return None if found is None else [part, *found]


def _unwrap(hint: Any) -> Any:
    while typing.get_origin(hint) is typing.Annotated:
        hint = typing.get_args(hint)[0]
    if typing.get_origin(hint) in (typing.Union, types.UnionType):
        members = [_unwrap(m) for m in typing.get_args(hint)]
        return next((m for m in members if _origin(m) in (dict, list) or isinstance(m, type)), members[0])
    return hint


def _origin(hint: Any) -> Any:
    return typing.get_origin(hint)


def _args(hint: Any) -> tuple[Any, ...]:
    return typing.get_args(hint)


def _child_hint(hint: Any, part: str | int) -> Any:
    if isinstance(hint, type) and issubclass(hint, Record) and isinstance(part, str):
        return _field_types(hint).get(part)
    if _origin(hint) is list:
        return _args(hint)[0]
    if _origin(hint) is dict:
        return _args(hint)[1]
    return None


def _fits(value: Any, hint: Any) -> bool:
    try:
        msgspec.convert(value, hint, strict=False)
    except (msgspec.ValidationError, TypeError):
        return False
    return True


_NOTHING = object()


def _value_at(data: Any, path: list[str | int]) -> Any:
    for part in path:
        try:
            data = data[part]
        except (KeyError, IndexError, TypeError):
            return _NOTHING
    return data


def _type_at(cls: type[Record], path: list[str | int] | tuple[str | int, ...]) -> Any:
    t: Any = mi.type_info(cls)
    for part in path:
        t = _step(t, part)
        if t is None:
            return None
    return t


def _step(t: Any, part: str | int) -> Any:
    if isinstance(t, mi.Metadata):
        return _step(t.type, part)
    if isinstance(t, mi.UnionType):
        return next((s for member in t.types if (s := _step(member, part)) is not None), None)
    if isinstance(t, mi.StructType) and isinstance(part, str):
        return next((f.type for f in t.fields if f.encode_name == part), None)
    if isinstance(t, mi.ListType) and isinstance(part, int):
        return t.item_type
    if isinstance(t, mi.DictType):
        return t.value_type
    return None


def _expected(t: Any, key: bool = False) -> str:
    """What a field of type ``t`` holds, in a person's words."""
    if key and isinstance(t, mi.DictType):
        return _expected(t.key_type)
    if isinstance(t, mi.Metadata):
        described = (t.extra_json_schema or {}).get("description")
        return described or _expected(t.type)
    if isinstance(t, mi.UnionType):
        members = [m for m in t.types if not isinstance(m, mi.NoneType)]
        literals = [v for m in members if isinstance(m, mi.LiteralType) for v in m.values if v]
        if literals:
            return "one of " + ", ".join(str(v) for v in literals)
        if any(isinstance(m, mi.DictType) for m in members) and any(
            isinstance(m, mi.StrType) for m in members
        ):
            return "text, or one text per language (en: …, es: …)"
        return _expected(members[0])
    if isinstance(t, mi.LiteralType):
        return "one of " + ", ".join(str(v) for v in t.values)
    if isinstance(t, mi.DateType):
        return "a date YYYY-MM-DD"
    if isinstance(t, mi.IntType):
        return "a whole number"
    if isinstance(t, mi.FloatType):
        return "a number"
    if isinstance(t, mi.BoolType):
        return "true or false"
    if isinstance(t, mi.ListType):
        return "a list (lines starting with '- ')"
    if isinstance(t, (mi.DictType, mi.StructType)):
        return "a mapping of `key: value` lines"
    return "text"


def unknown_keys(record: Record) -> list[tuple[str, str]]:
    """Keys a file holds that no field declares, each with where it is and a
    suggestion ("did you mean `agency`?") when one is close."""
    import difflib

    found = []
    for path, key in record.__dict__.get("_unknown", []):
        names = _plan(type(_at(record, path))).names  # type: ignore[arg-type]  # a record class is hashable
        close = difflib.get_close_matches(key, names, n=1, cutoff=0.6)
        hint = f"; did you mean `{close[0]}`?" if close else ""
        where = dotted((*path, key))
        found.append((where, f"`{key}` is not a field meetingkit knows (it is kept as it is){hint}"))
    return found


# --- writing ----------------------------------------------------------------


def encode(record: Record) -> dict[str, Any]:
    """The record as plain data for a file, in declared order, unknown keys kept."""
    out: dict[str, Any] = {}
    for field in _plan(type(record)).fields:
        value = getattr(record, field.name)
        if field.required or field.always or value != field.default:
            out[field.name] = _plain(value)
    out.update(record.__dict__.get("_extra", {}))
    reshape = getattr(type(record), "to_file", None)
    return out if reshape is None else reshape(out)


def _plain(value: Any) -> Any:
    if isinstance(value, Record):
        return encode(value)
    if isinstance(value, list):
        return [_plain(v) for v in value]
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items()}
    return value


def to_json(record: Record) -> dict[str, Any]:
    """Every field (empty ones too) as JSON-ready data, for ``--json``."""
    return msgspec.to_builtins(record)  # type: ignore[no-any-return]


@cache
def _field_types(cls: type[Record]) -> dict[str, Any]:
    return typing.get_type_hints(cls, include_extras=True)


def field(cls: type[Record], name: str, text: str) -> Any:
    """One field's value from what a person typed (a form field, a flag), by
    the same declaration a file is read with; raises Invalid."""
    try:
        return msgspec.convert(text.strip(), _field_types(cls)[name], strict=False)
    except msgspec.ValidationError:
        t = _type_at(cls, [name])
        raise Invalid((name,), f"expected {_expected(t)}, got {show(text.strip())}") from None
