"""Every binding id in the app, so a keymap entry that names none is reported
instead of silently doing nothing; and escape-then-digit read as alt+digit."""

from __future__ import annotations

import importlib
import inspect
import pkgutil
from collections.abc import Iterable
from functools import cache

from textual.binding import Binding

from . import screens, widgets


def read_escape_digit_as_alt(digits: Iterable[str]) -> None:
    """Read escape followed by a digit as alt+digit, not as a character.

    Terminals send escape and a key typed within a moment of it as one
    sequence, and Textual reads ESC+digit as the character WezTerm on macOS
    means by it (ESC 5 is "∞", ESC 3 "£"): "escape, 4" to leave the editor for
    Answers typed "¢" into the testimony instead. Textual has no setting for
    this, so those entries leave its table; a "¡" or "£" typed as itself (one
    character, no escape) is untouched.
    """
    from textual._ansi_sequences import ANSI_SEQUENCES_KEYS

    for digit in digits:
        ANSI_SEQUENCES_KEYS.pop(f"\x1b{digit}", None)  # type: ignore[attr-defined]


@cache
def known_binding_ids() -> frozenset[str]:
    return frozenset(default_keys())


@cache
def default_keys() -> dict[str, str]:
    """Each binding id and the keys it has before any keymap (the first binding
    of an id wins: ``mode.meeting`` is "2", its alt+2 twin is for text fields)."""
    from .app import MeetingkitApp

    classes: list[type] = [MeetingkitApp]
    for package in (screens, widgets):
        for info in pkgutil.iter_modules(package.__path__):
            module = importlib.import_module(f"{package.__name__}.{info.name}")
            classes += [
                c for _, c in inspect.getmembers(module, inspect.isclass) if c.__module__ == module.__name__
            ]
    keys: dict[str, str] = {}
    for cls in classes:
        for b in getattr(cls, "BINDINGS", []):
            if isinstance(b, Binding) and b.id:
                keys.setdefault(b.id, b.key)
    return keys
