"""The workspace settings reached by dotted keys (``group``, ``wpm``,
``names.es.agency``), as ``meetingkit settings`` and ``init --name`` name them.

A new value is checked by decoding the changed settings with the model's own
declaration (``codec.decode``): a key takes exactly what ``meetingkit.yaml``
takes there, and nothing in this module knows what a valid value looks like.
"""

from __future__ import annotations

import difflib
from typing import Any

import msgspec.inspect as mi

from . import codec
from .errors import UsageError
from .model import LANGUAGES, PLACEHOLDERS, Settings, field_names

ELSEWHERE = {
    "format": "`format` is the file's version and is not a setting",
    "officials": "officials are changed with `meetingkit official add|remove` (or F3 in the app)",
    "keymap": "the app's keys are changed under `keymap:` in meetingkit.yaml",
}
"""Fields of the settings that ``settings set`` does not change, and where they are changed."""


def keys(settings: Settings) -> list[str]:
    """Every key ``settings set`` takes, in the file's order: a name per placeholder
    for each language the workspace prints, ships or already names."""
    langs = dict.fromkeys([*settings.languages, *LANGUAGES, *settings.names])
    out: list[str] = []
    for name in field_names(Settings):
        if name == "names":
            out += [f"names.{lang}.{place}" for lang in langs for place in PLACEHOLDERS]
        elif name not in ELSEWHERE:
            out.append(name)
    return out


def _resolve(settings: Settings, key: str) -> list[str]:
    """``key`` split into its parts; a key that is none is answered with the closest one."""
    parts = key.strip().split(".")
    if key in keys(settings) or (len(parts) == 3 and parts[0] == "names" and parts[2] in PLACEHOLDERS):
        return parts
    if parts[0] in ELSEWHERE:
        raise UsageError(ELSEWHERE[parts[0]])
    close = difflib.get_close_matches(key, keys(settings), n=1, cutoff=0.5)
    hint = f"; did you mean `{close[0]}`?" if close else ""
    raise UsageError(f"no setting {codec.show(key)}{hint} (`meetingkit settings show` lists them)")


def _is_list(name: str) -> bool:
    kind: Any = next(f.type for f in mi.type_info(Settings).fields if f.name == name)  # type: ignore[attr-defined]
    while isinstance(kind, mi.Metadata):
        kind = kind.type
    return isinstance(kind, mi.ListType)


def value_of(settings: Settings, key: str) -> str:
    """A key's value as ``settings set`` takes it: a list as comma-separated values."""
    parts = _resolve(settings, key)
    if parts[0] == "names":
        return settings.names.get(parts[1], {}).get(parts[2], "")  # type: ignore[call-overload]
    value = getattr(settings, parts[0])
    if isinstance(value, list):
        return ",".join(str(v) for v in value)
    return str(value)


def with_value(settings: Settings, key: str, text: str) -> Settings:
    """The settings with ``key`` set to ``text`` (a list: comma-separated; empty:
    the field's default, or no name); raises UsageError saying what the field holds."""
    try:
        return checked(settings, key, text)
    except codec.Invalid as exc:
        raise UsageError(f"{key}: {exc.message}") from None


def checked(settings: Settings, key: str, text: str) -> Settings:
    """``with_value`` for a form, which shows the model's message beside the field:
    raises codec.Invalid for a wrong value (UsageError for a key that is none)."""
    parts = _resolve(settings, key)
    name, text = parts[0], text.strip()
    data = codec.encode(settings)
    if name == "names":
        _set_name(data, parts[1], parts[2], text)
    elif not text:
        data.pop(name, None)
    elif _is_list(name):
        data[name] = [part.strip() for part in text.split(",") if part.strip()]
    else:
        data[name] = text
    fresh = codec.decode(data, Settings)
    return settings.evolve(**{name: getattr(fresh, name)})


def _set_name(data: dict[str, Any], lang: str, place: str, text: str) -> None:
    names: dict[str, dict[str, str]] = data.get("names", {})
    if text:
        names.setdefault(lang, {})[place] = text
    elif place in names.get(lang, {}):
        del names[lang][place]
        if not names[lang]:
            del names[lang]
    data["names"] = names
