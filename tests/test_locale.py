"""The catalogs: one per language, complete, compiled, and one fallback rule.

A translator edits ``toolkit/locale/<lang>/LC_MESSAGES/meetingkit.po``; these
tests fail when the code uses a message a shipped language lacks, when a
``.mo`` was not rebuilt after its ``.po`` changed, or when a translation drops
or invents a ``{placeholder}``.
"""

from __future__ import annotations

import re
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

from toolkit import locale
from toolkit.checks import check
from toolkit.locale.compile import extract, mo_bytes, po_files, read
from toolkit.printing.words import handout_words
from toolkit.store import Workspace

SHIPPED = po_files()
_PLACEHOLDER = re.compile(r"\{(\w+)\}")


def _key(message) -> tuple[str | None, str]:  # type: ignore[no-untyped-def]
    msgid = message.id if isinstance(message.id, str) else message.id[0]
    return message.context, msgid


def test_spanish_ships():
    assert [p.parent.parent.name for p in SHIPPED] == ["es"]
    assert locale.languages() == ["en", "es"]


@pytest.mark.parametrize("po", SHIPPED, ids=lambda p: p.parent.parent.name)
def test_compiled_catalog_is_not_stale(po: Path):
    assert po.with_suffix(".mo").read_bytes() == mo_bytes(read(po)), (
        f"{po.with_suffix('.mo')} is older than its .po: run `python -m toolkit.locale.compile`"
    )


@pytest.mark.parametrize("po", SHIPPED, ids=lambda p: p.parent.parent.name)
def test_every_message_in_the_code_is_translated(po: Path):
    catalog = read(po)
    lacking = []
    for message in extract():
        if not message.id:
            continue
        found = catalog.get(message.id, context=message.context)
        strings = (
            () if found is None else found.string if isinstance(found.string, tuple) else (found.string,)
        )
        if found is None or found.fuzzy or not strings or not all(strings):
            lacking.append(_key(message))
    assert lacking == [], f"{po} lacks (context, message): {lacking}"
    assert catalog.num_plurals == 2


def test_the_template_lists_what_the_code_uses():
    from babel.messages.pofile import read_po

    with (locale.FOLDER / "meetingkit.pot").open("rb") as file:
        shipped = {_key(m) for m in read_po(file) if m.id}
    assert shipped == {_key(m) for m in extract() if m.id}, "run `python -m toolkit.locale.compile`"


@pytest.mark.parametrize("po", SHIPPED, ids=lambda p: p.parent.parent.name)
def test_translations_keep_every_placeholder(po: Path):
    for message in read(po):
        if not message.id:
            continue
        ids = message.id if isinstance(message.id, tuple) else (message.id,)
        strings = message.string if isinstance(message.string, tuple) else (message.string,)
        wanted = set(_PLACEHOLDER.findall(ids[-1]))
        for string in strings:
            assert set(_PLACEHOLDER.findall(string)) == wanted, (message.context, ids[0], string)


@pytest.fixture
def partial_spanish(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """The catalogs as shipped, but the Spanish one lacks "Why it matters:"."""
    folder = tmp_path / "locale"
    shutil.copytree(locale.FOLDER, folder, ignore=shutil.ignore_patterns("*.py", "__pycache__"))
    catalog = read(folder / "es/LC_MESSAGES/meetingkit.po")
    catalog.delete("Why it matters:", context="handout label")
    (folder / "es/LC_MESSAGES/meetingkit.mo").write_bytes(mo_bytes(catalog))
    monkeypatch.setattr(locale, "FOLDER", folder)
    locale.words.cache_clear()
    yield
    locale.words.cache_clear()


def test_a_string_missing_in_the_readers_language_prints_in_english_and_check_warns(
    partial_spanish: None, ws: Workspace
):
    labels = handout_words("es")
    assert labels["why"] == "Why it matters:", "the one fallback rule: English"
    assert labels["ways"] == "Qué puede hacer", "the rest of the catalog still speaks Spanish"
    ws.save_settings(ws.settings().evolve(languages=["en", "es"]))
    notes = [f for f in check(ws) if "language 'es'" in f.where]
    assert len(notes) == 1 and not notes[0].serious
    assert "1 of meetingkit's own strings print in English" in notes[0].message
    assert "Why it matters:" in notes[0].message


def test_check_notes_a_workspace_language_without_a_catalog(cli, ws: Workspace):
    ws.save_settings(ws.settings().evolve(languages=["en", "fr"]))
    r = cli("check", workspace=ws.root)
    assert r.code == 0, r.out
    assert "note: language 'fr': meetingkit has no catalog for 'fr'" in r.out
    assert "toolkit/locale/fr/LC_MESSAGES/meetingkit.po" in r.out
    assert "language 'es'" not in r.out and "language 'en'" not in r.out


def test_printing_in_a_language_without_a_catalog_says_how_to_add_one():
    from toolkit.errors import UsageError

    with pytest.raises(UsageError, match=r"handouts can be printed in en, es, not 'fr'.*fr/LC_MESSAGES"):
        handout_words("fr")


def test_a_new_language_is_a_new_po_and_no_code(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    folder = tmp_path / "locale"
    shutil.copytree(locale.FOLDER, folder, ignore=shutil.ignore_patterns("*.py", "__pycache__"))
    po = folder / "fr/LC_MESSAGES/meetingkit.po"
    po.parent.mkdir(parents=True)
    text = (folder / "meetingkit.pot").read_text(encoding="utf-8")
    po.write_text(
        text.replace(
            'msgctxt "handout heading"\nmsgid "Our questions"\nmsgstr ""',
            'msgctxt "handout heading"\nmsgid "Our questions"\nmsgstr "Nos questions"',
        ),
        encoding="utf-8",
    )
    po.with_suffix(".mo").write_bytes(mo_bytes(read(po)))
    monkeypatch.setattr(locale, "FOLDER", folder)
    locale.words.cache_clear()
    try:
        assert locale.languages() == ["en", "es", "fr"]
        labels = handout_words("fr")
        assert labels["questions"] == "Nos questions"
        assert labels["ways"] == "What you can do", "not yet translated: English"
        assert labels["minutes"] == "{n} minutes per speaker", "an untranslated plural is English, not empty"
        assert len(locale.missing("fr")) == len(locale.missing("xx")) - 1
    finally:
        locale.words.cache_clear()
