"""Rebuild the catalogs: ``python -m toolkit.locale.compile``.

1. Extracts every message the code marks (``pgettext``, ``npgettext``,
   ``mark``) into ``meetingkit.pot``, the template of all the English.
2. Updates each ``<lang>/LC_MESSAGES/meetingkit.po`` from it: new messages
   appear untranslated, translations are kept, messages no longer used are
   kept as obsolete (``#~``) so a translator can reuse their wording.
3. Compiles each ``.po`` to the ``.mo`` meetingkit reads at run time.

Run it after changing a message in the code or a translation in a ``.po``;
the tests fail when a ``.mo`` is stale or a language lacks a message.
"""

from __future__ import annotations

import sys
from copy import deepcopy
from io import BytesIO
from pathlib import Path

from babel.messages.catalog import Catalog
from babel.messages.extract import extract_from_dir
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po, write_po

from . import DOMAIN, FOLDER

PACKAGE = FOLDER.parent
KEYWORDS = {"pgettext": ((1, "c"), 2), "npgettext": ((1, "c"), 2, 3), "mark": ((1, "c"), 2)}
TEMPLATE = FOLDER / f"{DOMAIN}.pot"


def extract() -> Catalog:
    """The messages the code uses, with the files and lines that use them.

    Dated like the template on disk when nothing changed, so that running the
    script twice changes no file.
    """
    template = Catalog(project="meetingkit", charset="utf-8", fuzzy=False)
    found = extract_from_dir(
        PACKAGE, method_map=[("**.py", "python")], keywords=KEYWORDS, comment_tags=("TRANSLATORS:",)
    )
    for filename, _line, message, comments, context in found:
        where = [(f"toolkit/{filename}", None)]  # no line numbers: a moved line changes no catalog
        template.add(message, None, where, auto_comments=comments, context=context)  # type: ignore[arg-type]
    if TEMPLATE.exists():
        with TEMPLATE.open("rb") as file:
            old = read_po(file)
        if _messages(old) == _messages(template):
            template.creation_date = old.creation_date
    return template


def _messages(catalog: Catalog) -> list[tuple[object, ...]]:
    return [(m.context, m.id, m.locations, m.auto_comments) for m in catalog]


def po_files() -> list[Path]:
    return sorted(FOLDER.glob(f"*/LC_MESSAGES/{DOMAIN}.po"))


def read(path: Path) -> Catalog:
    with path.open("rb") as file:
        return read_po(file, locale=path.parent.parent.name)


def mo_bytes(catalog: Catalog) -> bytes:
    """The compiled catalog: fuzzy and untranslated messages are left out (they fall back to English).

    A plural message counts as translated only with every form filled: Babel
    would compile an empty form, and gettext would print it as nothing.
    """
    complete = deepcopy(catalog)
    for message in list(complete):
        if message.id and isinstance(message.string, tuple) and not all(message.string):
            complete.delete(message.id, context=message.context)
    out = BytesIO()
    write_mo(out, complete)
    return out.getvalue()


def po_bytes(catalog: Catalog, **options: bool) -> bytes:
    out = BytesIO()
    write_po(out, catalog, width=100, include_lineno=False, **options)
    return out.getvalue()


def main() -> int:
    template = extract()
    TEMPLATE.write_bytes(po_bytes(template))
    for path in po_files():
        catalog = read(path)
        catalog.update(template, no_fuzzy_matching=True)
        path.write_bytes(po_bytes(catalog))
        path.with_suffix(".mo").write_bytes(mo_bytes(read(path)))
        untranslated = [m.id for m in catalog if m.id and not m.string]
        print(f"{path.relative_to(PACKAGE.parent)}: {len(untranslated)} untranslated", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
