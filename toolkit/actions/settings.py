"""The workspace settings' jobs, held once for the command line and the app:
change one setting by its key, add, change or remove an official, save the
whole record.

Every value is checked by the model's declaration (``settings_keys``), so a
setting the app saves is one ``meetingkit settings set`` would take, and the
other way round. Each save is a compare-and-swap: a file changed on disk since
it was read raises ConflictError and nothing is written.
"""

from __future__ import annotations

import difflib

from .. import codec
from ..errors import NotFound, UsageError
from ..model import Official, Settings
from ..settings_keys import checked, with_value
from ..store import Workspace


def set_key(ws: Workspace, key: str, text: str) -> Settings:
    """Set one dotted key (``wpm``, ``names.es.agency``) and save; returns the settings saved.

    Raises UsageError naming the closest key for one that is none, and what the
    field holds for a wrong value."""
    settings = with_value(ws.settings(), key, text)
    ws.save_settings(settings)
    return settings


def save_settings(ws: Workspace, settings: Settings) -> Settings:
    """Write the whole record (the app's form), officials included; returns it at its new revision."""
    checked_officials(settings.officials)
    ws.save_settings(settings)
    return settings


def edited(settings: Settings, values: dict[str, str], officials: list[Official]) -> Settings:
    """``settings`` with each key of ``values`` set as ``settings set`` sets it, and
    ``officials``: the app's whole form at once. Raises codec.Invalid whose path is
    the key that is wrong, UsageError for the officials."""
    for key, text in values.items():
        try:
            settings = checked(settings, key, text)
        except codec.Invalid as exc:
            raise codec.Invalid((key,), exc.message) from None
    return settings.evolve(officials=checked_officials(officials))


def find_official(officials: list[Official], name: str) -> Official | None:
    """Names match whatever their case or spacing, so "dana  whitfield" is Dana Whitfield."""
    wanted = _folded(name)
    return next((o for o in officials if _folded(o.name) == wanted), None)


def _folded(name: str) -> str:
    return " ".join(name.split()).casefold()


def checked_officials(officials: list[Official]) -> list[Official]:
    """``officials`` as the settings keep them; raises UsageError for a name that is
    empty or listed twice (answers and promises name an official by name alone)."""
    seen: set[str] = set()
    for official in officials:
        name = _folded(official.name)
        if not name:
            raise UsageError("an official needs a name")
        if name in seen:
            raise UsageError(f"{official.name!r} is listed already; change that one instead")
        seen.add(name)
    return officials


def with_official(
    officials: list[Official], official: Official, replacing: Official | None
) -> list[Official]:
    """The list with ``official`` in the place of ``replacing`` (None: added at the end), checked."""
    if replacing is None:
        return checked_officials([*officials, official])
    return checked_officials([official if o is replacing else o for o in officials])


def add_official(
    ws: Workspace, name: str, title: str | None = None, role: str | None = None
) -> tuple[Official, bool]:
    """Add ``name``, or change the title and role (those given) of the official already
    listed under it; saves and returns the official and whether it is new."""
    settings = ws.settings()
    found = find_official(settings.officials, name)
    changed = (found or Official(name=name.strip())).evolve(
        **{k: v for k, v in (("title", title), ("role", role)) if v is not None}
    )
    officials = with_official(settings.officials, changed, found)
    ws.save_settings(settings.evolve(officials=officials))
    return changed, found is None


def remove_official(ws: Workspace, name: str) -> Official:
    """Take the official named ``name`` off the list and save; returns who was removed.

    Raises NotFound suggesting the closest name."""
    settings = ws.settings()
    found = find_official(settings.officials, name)
    if found is None:
        names = [o.name for o in settings.officials]
        close = difflib.get_close_matches(name, names, n=1, cutoff=0.5)
        hint = f"; did you mean {close[0]!r}?" if close else f" (listed: {', '.join(names) or 'none'})"
        raise NotFound(f"no official named {name!r}{hint}")
    ws.save_settings(settings.evolve(officials=[o for o in settings.officials if o is not found]))
    return found
