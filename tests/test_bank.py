"""The shipped question bank and tailoring."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from toolkit.bank import Bank, load, placeholder_values, tailor
from toolkit.errors import NotFound
from toolkit.model import Settings
from toolkit.store import Workspace

SEED_TOPICS = [
    "287g",
    "data-sharing",
    "warrants",
    "detainers",
    "grants",
    "prosecutors",
    "reports",
    "sanctuary",
]


@pytest.fixture(scope="module")
def shipped() -> Bank:
    return load(None)


def test_all_eight_seed_questions_in_both_languages(shipped: Bank):
    assert shipped.problems == []
    assert [q.topic for q in shipped.questions.values()] == SEED_TOPICS
    for q in shipped.questions.values():
        assert set(q.texts) == {"en", "es"}, q.id
        for lang, t in q.texts.items():
            assert t.text.rstrip().endswith("?"), (q.id, lang)
            assert t.why and t.clear_answer, (q.id, lang)
            assert 2 <= len(t.follow_ups) <= 3 and 2 <= len(t.red_flags) <= 3, (q.id, lang)
            assert 2 <= len(t.records) <= 4, (q.id, lang)
        assert q.ask


def test_spanish_is_written_for_the_community(shipped: Bank):
    for q in shipped.questions.values():
        es = q.texts["es"].text
        assert "¿" in es and es.rstrip().endswith("?") and es != q.texts["en"].text


def test_only_known_placeholders(shipped: Bank):
    for q in shipped.questions.values():
        for t in q.texts.values():
            for text in [t.text, t.why, t.clear_answer, *t.follow_ups, *t.red_flags, *t.records]:
                assert set(re.findall(r"\{(\w+)\}", text)) <= {"agency", "jurisdiction", "state", "body"}


def test_domain_facts_are_right(shipped: Bank):
    en = {q.id: q.texts["en"] for q in shipped.questions.values()}
    detainer = en["detainers-release-notification"]
    assert "I-247A" in detainer.text + detainer.why and "48 hours" in detainer.why
    warrants = en["administrative-warrants"]
    assert "I-200" in warrants.text + warrants.why and "judge" in (warrants.text + warrants.why).lower()
    grants = " ".join([en["federal-grant-conditions"].text, en["federal-grant-conditions"].why])
    assert "SCAAP" in grants and "Byrne" in grants and "Stonegarden" in grants
    assert (
        "1996" in en["287g-participation"].why and "Memorandum of Agreement" in en["287g-participation"].why
    )


def test_five_ways_to_get_answers(shipped: Bank):
    assert [w.id for w in shipped.ways] == ["partner", "testify", "records", "budget", "media"]
    assert all({"en", "es"} <= set(w.texts) for w in shipped.ways)


def test_tailoring_fills_and_reports_missing():
    values = placeholder_values(Settings(agency="the Harris County Sheriff's Office"))
    t = tailor("Does {agency} share data with ICE in {jurisdiction}?", values)
    assert t.text == "Does the Harris County Sheriff's Office share data with ICE in {jurisdiction}?"
    assert t.missing == ["jurisdiction"]
    assert (
        tailor("Budget line {_} and {fy2027} stay as typed", values).text
        == "Budget line {_} and {fy2027} stay as typed"
    )


def test_per_language_names():
    s = Settings(agency="the Example Sheriff's Office", names={"es": {"agency": "la Oficina del Sheriff"}})
    assert placeholder_values(s, lang="es")["agency"] == "la Oficina del Sheriff"
    assert placeholder_values(s, lang="en")["agency"] == "the Example Sheriff's Office"


def test_workspace_bank_adds_questions_and_duplicates_name_both_files(ws: Workspace):
    own = ws.bank_dir / "local.yaml"
    own.write_text(
        "format: 1\nquestions:\n"
        "  - id: jail-contract\n    topic: detainers\n    en:\n      text: Does {agency} rent jail beds to ICE?\n"
    )
    bank = load(ws.bank_dir)
    assert "jail-contract" in bank.questions and bank.problems == []
    dup = ws.bank_dir / "dup.yaml"
    dup.write_text("format: 1\nquestions:\n  - id: data-sharing\n    topic: x\n    en:\n      text: Again?\n")
    bank = load(ws.bank_dir)
    (problem,) = bank.problems
    assert (
        "dup.yaml" in str(problem)
        and "ice-cooperation.yaml" in str(problem)
        and "data-sharing" in str(problem)
    )
    assert bank.questions["data-sharing"].source.endswith("ice-cooperation.yaml")


def test_unknown_id_suggests(shipped: Bank):
    with pytest.raises(NotFound) as exc:
        shipped.get("sanctuary")
    assert "sanctuary-policy" in str(exc.value)


def test_bank_travels_inside_the_package():
    from toolkit.bank import shipped_bank_files

    files = shipped_bank_files()
    assert [f.name for f in files] == ["ice-cooperation.yaml"]
    assert Path(files[0]).is_file()
