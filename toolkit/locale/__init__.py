"""meetingkit's own words in each language it speaks: one gettext catalog per language.

The code writes every message in English (the msgid, with a msgctxt saying
where it prints); ``<lang>/LC_MESSAGES/meetingkit.po`` is the file a
translator edits and the ``.mo`` beside it, compiled by
``python -m toolkit.locale.compile``, is what runs. Reading a ``.mo`` takes the
standard library only, so looking a word up never imports Babel.

The one fallback rule: a string missing in the reader's language prints in
English, and ``meetingkit check`` warns. A language with no catalog at all is
not one meetingkit prints in (``speaks`` says so); a new language is a new
``.po``, no code.
"""

from __future__ import annotations

import gettext
from functools import cache
from pathlib import Path

from ..errors import UsageError

FOLDER = Path(__file__).resolve().parent
DOMAIN = "meetingkit"
SOURCE = "en"
"""The language the messages are written in: it needs no catalog."""


def mark(context: str, message: str) -> tuple[str, str]:
    """A message kept in a table and looked up later; marked so extraction finds it."""
    return context, message


def catalog_path(lang: str, suffix: str = ".mo") -> Path:
    return FOLDER / lang / "LC_MESSAGES" / (DOMAIN + suffix)


@cache
def words(lang: str) -> gettext.NullTranslations:
    """The catalog for ``lang``: ``.pgettext(context, message)`` and ``.npgettext(…, n)``.

    Whatever it lacks comes back as the English message.
    """
    try:
        with catalog_path(lang).open("rb") as file:
            return gettext.GNUTranslations(file)
    except FileNotFoundError:
        return gettext.NullTranslations()


def languages() -> list[str]:
    """The languages meetingkit speaks: English and each one with a compiled catalog."""
    shipped = sorted(p.parent.parent.name for p in FOLDER.glob(f"*/LC_MESSAGES/{DOMAIN}.mo"))
    return [SOURCE, *(lang for lang in shipped if lang != SOURCE)]


def speaks(lang: str, what: str) -> None:
    """Refuse to print ``what`` in a language meetingkit has no words for."""
    known = languages()
    if lang not in known:
        raise UsageError(
            f"{what} can be printed in {', '.join(known)}, not {lang!r}: meetingkit has no catalog "
            f"for it (a translator adds toolkit/locale/{lang}/LC_MESSAGES/{DOMAIN}.po)"
        )


def lookup(lang: str, message: tuple[str, str]) -> str:
    """A message marked with ``mark``, in ``lang``."""
    return words(lang).pgettext(*message)


def missing(lang: str) -> list[str]:
    """The English messages ``lang``'s compiled catalog lacks (all of them without a catalog).

    For ``meetingkit check``: reads the template and the ``.mo`` with Babel, which a
    plain lookup never needs.
    """
    from babel.messages.mofile import read_mo
    from babel.messages.pofile import read_po

    with (FOLDER / f"{DOMAIN}.pot").open("rb") as file:
        template = read_po(file)
    try:
        with catalog_path(lang).open("rb") as file:
            compiled = read_mo(file)
    except FileNotFoundError:
        compiled = None
    lacking = []
    for message in template:
        if not message.id:
            continue
        found = compiled.get(message.id, context=message.context) if compiled else None
        strings = (
            found.string if found and isinstance(found.string, tuple) else (found.string if found else "",)
        )
        if not all(strings):
            lacking.append(message.id if isinstance(message.id, str) else message.id[0])
    return lacking
