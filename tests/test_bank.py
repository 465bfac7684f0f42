"""The shipped question bank and tailoring."""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

import pytest

from toolkit.bank import Bank, load, placeholder_values, tailor
from toolkit.cli import main
from toolkit.errors import NotFound
from toolkit.model import QuestionText, Settings
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
            assert 2 <= len(t.follow_ups) <= 5 and 2 <= len(t.red_flags) <= 4, (q.id, lang)
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


def test_every_question_names_dated_sources(shipped: Bank):
    for q in shipped.questions.values():
        assert q.sources, q.id
        for s in q.sources:
            assert s.title and s.url.startswith("https://"), (q.id, s)
            assert isinstance(s.checked, date) and s.checked <= date.today(), (q.id, s)
        assert len({s.url for s in q.sources}) == len(q.sources), q.id


def _both(shipped: Bank, qid: str) -> tuple[str, str]:
    """All of a question's guidance in English and in Spanish, as one text each."""

    def joined(t: QuestionText) -> str:
        return " ".join([t.text, t.why, t.clear_answer, *t.follow_ups, *t.red_flags, *t.records])

    q = shipped.questions[qid]
    return joined(q.texts["en"]), joined(q.texts["es"])


def _cites(shipped: Bank, qid: str, host: str) -> bool:
    return any(s.url.startswith(f"https://{host}/") for s in shipped.questions[qid].sources)


def test_checked_facts_are_stated_in_both_languages_with_their_source(shipped: Bank):
    sharing = shipped.questions["data-sharing"].texts
    assert "Fingerprints" in sharing["en"].why and "FBI" in sharing["en"].why
    assert "huellas dactilares" in sharing["es"].why and "FBI" in sharing["es"].why
    assert _cites(shipped, "data-sharing", "www.ice.gov") and _cites(shipped, "data-sharing", "www.dhs.gov")

    detainer = shipped.questions["detainers-release-notification"].texts
    (en_flag,) = [f for f in detainer["en"].red_flags if "administrative warrant" in f]
    (es_flag,) = [f for f in detainer["es"].red_flags if "orden administrativa" in f]
    assert all("2017" in f and "I-200" in f and "juez" in es_flag for f in (en_flag, es_flag))
    assert "judge's or ICE's" in en_flag
    assert _cites(shipped, "detainers-release-notification", "www.ice.gov")

    en, es = _both(shipped, "287g-participation")
    assert "October 2025" in en and "octubre de 2025" in es
    assert "Texas" in en and "Senate Bill 8" in en and "Texas" in es and "SB 8" in es
    assert _cites(shipped, "287g-participation", "www.dhs.gov")
    assert _cites(shipped, "287g-participation", "capitol.texas.gov")

    en, es = _both(shipped, "federal-grant-conditions")
    assert "Stonegarden is open only" in en and "border Canada or Mexico" in en
    assert "Stonegarden solo está abierta" in es and "Canadá o México" in es
    assert _cites(shipped, "federal-grant-conditions", "www.fema.gov")


def test_spanish_uses_the_reviewed_terms(shipped: Bank):
    spanish = " ".join(_both(shipped, q)[1] for q in shipped.questions)
    spanish += " ".join(w.texts["es"] for w in shipped.ways) + " ".join(shipped.topics["detainers"].values())
    assert (
        "solicitud de detención" not in spanish.lower() and "solicitudes de detención" not in spanish.lower()
    )
    assert "solicitud de retención migratoria (detainer" in spanish
    assert " e ICE" not in spanish and "les dan los agentes a ICE" not in spanish
    assert "consten en el acta" in spanish and "solicitudes de acceso a documentos públicos" in spanish


def test_a_source_without_a_date_names_the_field(ws: Workspace):
    (ws.bank_dir / "local.yaml").write_text(
        "format: 1\nquestions:\n  - id: jail-contract\n    topic: detainers\n"
        "    sources:\n      - title: County jail contract\n        url: https://example.org/c\n"
        "        checked: last spring\n"
        "    en:\n      text: Does {agency} rent jail beds to ICE?\n"
    )
    (problem,) = load(ws.bank_dir).problems
    assert "sources[0].checked" in str(problem) and "YYYY-MM-DD" in str(problem)


def test_questions_show_lists_the_sources(ws: Workspace, capsys):
    assert main(["questions", "show", "detainers-release-notification", "--workspace", str(ws.root)]) == 0
    out = capsys.readouterr().out
    listed = out.split("\nSources:\n", 1)[1]
    assert "ICE Policy Number 10074.2" in listed and "(checked 2026-12-01)" in listed
    assert "https://www.law.cornell.edu/cfr/text/8/287.7" in listed


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
    assert bank.questions["data-sharing"].bank_file.endswith("ice-cooperation.yaml")


def test_unknown_id_suggests(shipped: Bank):
    with pytest.raises(NotFound) as exc:
        shipped.get("sanctuary")
    assert "sanctuary-policy" in str(exc.value)


def test_bank_travels_inside_the_package():
    from toolkit.bank import shipped_bank_files

    files = shipped_bank_files()
    assert [f.name for f in files] == ["ice-cooperation.yaml"]
    assert Path(files[0]).is_file()
