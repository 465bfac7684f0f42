"""The law table: every shipped entry is sourced and says nothing it could not
source; a group's own law file overrides the shipped one; a broken file is
reported by name and the other laws still load.

The shipped checks run over whatever ``questions/laws/`` holds (none yet is fine).
"""

from __future__ import annotations

import re
import shutil
from datetime import date
from pathlib import Path

import pytest

from toolkit import laws as law_table
from toolkit.laws import load_laws, read_law, shipped_law_files
from toolkit.requests import Law

FIXTURES = Path(__file__).parent / "laws"
PLACEHOLDER = re.compile(r"^\s*(\?+|tbd|todo|unknown|unsure|n/?a|xx+|none|-+)\s*$", re.IGNORECASE)
"""Words standing in for a fact: an unsure field is null instead."""
SHIPPED = shipped_law_files()


def _texts(law: Law) -> dict[str, str | None]:
    d = law.deadline
    return {
        "name": law.name,
        "citation": law.citation,
        "deadline.what": d.what,
        "deadline.words": d.words,
        "deadline.section": d.section,
        "extension": law.extension,
        "appeal": law.appeal,
        "fee_waiver": law.fee_waiver,
        "notes": law.notes,
    }


@pytest.mark.parametrize("path", SHIPPED, ids=[p.stem for p in SHIPPED])
def test_every_shipped_law_is_sourced_and_checked(path: Path):
    law = read_law(path)
    assert law.sources, f"{path.name}: no source"
    assert any(re.match(r"^https?://\S+$", s.url) for s in law.sources), f"{path.name}: no source address"
    for source in law.sources:
        assert source.title.strip(), f"{path.name}: a source without a title"
        assert date(2020, 1, 1) <= source.checked <= date(2030, 12, 31), (
            f"{path.name}: checked {source.checked}"
        )
    assert law.jurisdiction.strip() and law.name.strip() and law.citation.strip()


@pytest.mark.parametrize("path", SHIPPED, ids=[p.stem for p in SHIPPED])
def test_an_unsure_field_is_null_never_a_placeholder(path: Path):
    law = read_law(path)
    guesses = {
        field: text for field, text in _texts(law).items() if text is not None and PLACEHOLDER.match(text)
    }
    assert not guesses, f"{path.name}: write null for what could not be sourced, not {guesses}"
    if law.deadline.unit == "none":
        assert law.deadline.days is None
    if not law.verified:
        assert law.deadline.unit == "none" or law.deadline.days is not None, "a number of days needs a unit"


def test_shipped_ids_are_state_codes_dc_or_us():
    for path in SHIPPED:
        assert re.fullmatch(r"[a-z]{2}", path.stem), path.name


def test_the_fixtures_follow_the_shipped_format():
    for path in sorted(FIXTURES.glob("*.yaml")):
        law = read_law(path)
        assert law.sources and not law.verified, (
            "fixtures are marked unverified: they are not the shipped table"
        )


def test_a_workspace_law_overrides_the_shipped_one(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    monkeypatch.setattr(law_table, "shipped_law_files", lambda: sorted(FIXTURES.glob("*.yaml")))
    (tmp_path / "laws").mkdir()
    text = (FIXTURES / "tx.yaml").read_text().replace("days: 10", "days: 12")
    (tmp_path / "laws" / "tx.yaml").write_text(text)
    table = load_laws(tmp_path)
    assert table.laws["tx"].deadline.days == 12 and table.laws["ca"].deadline.days == 10
    assert not table.problems


def test_a_broken_law_file_names_the_file_and_field_and_the_rest_load(tmp_path: Path):
    folder = tmp_path / "laws"
    shutil.copytree(FIXTURES, folder)
    (folder / "ca.yaml").write_text(
        (FIXTURES / "ca.yaml").read_text().replace("unit: calendar", "unit: weekly")
    )
    (folder / "xx.yaml").write_text((FIXTURES / "al.yaml").read_text())
    (folder / "ny.yaml").write_text((FIXTURES / "al.yaml").read_text().replace("days: null", "days: 5", 1))
    table = load_laws(tmp_path)
    problems = {p.path.name: str(p) for p in table.problems}
    assert "deadline.unit" in problems["ca.yaml"] and "weekly" not in table.laws
    assert "does not match the file name" in problems["xx.yaml"]
    assert "a deadline with unit `none` has `days: null`" in problems["ny.yaml"]
    assert {"tx", "al"} <= set(table.laws) and "ca" not in table.laws
