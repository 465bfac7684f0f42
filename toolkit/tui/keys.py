"""Every binding id in the app, so a keymap entry that names none is reported
instead of silently doing nothing."""

from __future__ import annotations

import importlib
import inspect
import pkgutil
from functools import cache

from textual.binding import Binding

from . import screens, widgets


@cache
def known_binding_ids() -> frozenset[str]:
    from .app import MeetingkitApp

    classes: list[type] = [MeetingkitApp]
    for package in (screens, widgets):
        for info in pkgutil.iter_modules(package.__path__):
            module = importlib.import_module(f"{package.__name__}.{info.name}")
            classes += [
                c for _, c in inspect.getmembers(module, inspect.isclass) if c.__module__ == module.__name__
            ]
    return frozenset(
        b.id for cls in classes for b in getattr(cls, "BINDINGS", []) if isinstance(b, Binding) and b.id
    )
