"""Per-language wording from the command line, and the bilingual handout that
refuses to pair two different questions or print an English name in Spanish:
run through the CLI, the meeting file and the PDF read back."""

from __future__ import annotations

import json
from pathlib import Path

import pdfplumber
import pytest
import yaml

from toolkit.cli import main
from toolkit.store import Workspace

MINE_EN = "Does the Example County Sheriff's Office share booking data with ICE?"
MINE_ES = "¿Comparte la Oficina del Sheriff datos de ingreso a la cárcel con ICE?"


def run(capsys: pytest.CaptureFixture[str], ws: Workspace, *args: str) -> tuple[int, str, str]:
    code = main([*args, "--workspace", str(ws.root)])
    captured = capsys.readouterr()
    return code, captured.out, captured.err


@pytest.fixture
def meeting(capsys: pytest.CaptureFixture[str], ws: Workspace) -> str:
    """A meeting in English with two questions, in a workspace printing en and es."""
    code, out, err = run(
        capsys, ws, "meeting", "new", "--body", "Example County Commissioners Court", "--date", "2026-12-09"
    )
    assert code == 0, err
    mid = out.strip()
    for question in ("data-sharing", "federal-grant-conditions"):
        assert run(capsys, ws, "meeting", "ask", mid, question)[0] == 0
    for key, value in (
        ("languages", "en,es"),
        ("names.es.agency", "la Oficina del Sheriff del Condado de Example"),
        ("names.es.body", "la Corte de Comisionados del Condado de Example"),
    ):
        assert run(capsys, ws, "settings", "set", key, value)[0] == 0
    return mid


def meeting_file(ws: Workspace, mid: str) -> dict:
    return yaml.safe_load(ws.meeting_path(mid).read_text(encoding="utf-8"))


def columns(path: Path) -> tuple[str, str]:
    """The left and the right half of the page's first page, each read on its own."""
    with pdfplumber.open(path) as doc:
        page = doc.pages[0]
        halves = (
            page.crop((0, 0, page.width / 2, page.height)),
            page.crop((page.width / 2, 0, page.width, page.height)),
        )
        left, right = (" ".join((half.extract_text() or "").split()) for half in halves)
    return left, right


def test_ask_keeps_one_wording_per_language(capsys, ws, meeting):
    assert run(capsys, ws, "meeting", "ask", meeting, "data-sharing", "--text", MINE_EN)[0] == 0
    assert meeting_file(ws, meeting)["agenda"][0]["text"] == MINE_EN  # the meeting's language: a plain string
    assert (
        run(capsys, ws, "meeting", "ask", meeting, "data-sharing", "--text", MINE_ES, "--lang", "es")[0] == 0
    )
    assert meeting_file(ws, meeting)["agenda"][0]["text"] == {"en": MINE_EN, "es": MINE_ES}
    _, out, _ = run(capsys, ws, "meeting", "show", meeting)
    assert f"   en (tailored): {MINE_EN}" in out.splitlines()
    assert f"   es (tailored): {MINE_ES}" in out.splitlines()
    assert (
        "   es: ¿Ha solicitado o recibido Example County subvenciones federales" in out
    )  # the bank's, tailored
    _, out, _ = run(capsys, ws, "meeting", "show", meeting, "--json")
    first = json.loads(out)["agenda"][0]
    assert first["texts"] == {"en": MINE_EN, "es": MINE_ES} and first["tailored_in"] == ["en", "es"]
    assert run(capsys, ws, "meeting", "ask", meeting, "data-sharing", "--text", "", "--lang", "es")[0] == 0
    assert meeting_file(ws, meeting)["agenda"][0]["text"] == MINE_EN
    code, _, err = run(capsys, ws, "meeting", "ask", meeting, "data-sharing", "--lang", "es")
    assert code == 2 and err.startswith("error: --lang says which language --text is in")


def test_set_keeps_one_wording_per_language(capsys, ws, meeting):
    run(capsys, ws, "meeting", "set", meeting, "--agenda-item", "Comentario público", "--lang", "es")
    _, out, _ = run(capsys, ws, "meeting", "show", meeting)
    assert "Agenda item (es): Comentario público" in out.splitlines()
    assert run(capsys, ws, "meeting", "set", meeting, "--signup", "Sign up with the clerk.")[0] == 0
    code, out, _ = run(
        capsys, ws, "meeting", "set", meeting, "--signup", "Inscríbase con la secretaria.", "--lang", "es"
    )
    assert code == 0 and out == f"{meeting}: changed signup\n"
    data = meeting_file(ws, meeting)
    assert data["signup"] == {"en": "Sign up with the clerk.", "es": "Inscríbase con la secretaria."}
    _, out, _ = run(capsys, ws, "meeting", "show", meeting)
    assert (
        "Sign-up (en): Sign up with the clerk." in out
        and "Sign-up (es): Inscríbase con la secretaria." in out
    )
    code, _, err = run(capsys, ws, "meeting", "set", meeting, "--time", "18:30", "--lang", "es")
    assert code == 2 and err.startswith("error: --lang says which language")
    assert meeting_file(ws, meeting) == data


def test_bilingual_handout_refuses_a_question_tailored_in_one_language(capsys, ws, meeting, tmp_path):
    run(capsys, ws, "meeting", "ask", meeting, "data-sharing", "--text", MINE_EN)
    out = tmp_path / "h.pdf"
    code, stdout, err = run(capsys, ws, "handout", meeting, "-o", str(out))
    assert code == 1 and stdout == "" and err.count("\n") == 1
    assert err.startswith("error: question 1 (data-sharing) is tailored in en only")
    assert f'`meetingkit meeting ask {meeting} data-sharing --text "…" --lang es`' in err
    assert not out.exists()
    assert run(capsys, ws, "handout", meeting, "-o", str(out), "--lang", "en")[0] == 0  # one language: fine


def test_tailored_in_both_each_column_has_its_own_wording(capsys, ws, meeting, tmp_path):
    run(capsys, ws, "meeting", "ask", meeting, "data-sharing", "--text", MINE_EN)
    run(capsys, ws, "meeting", "ask", meeting, "data-sharing", "--text", MINE_ES, "--lang", "es")
    run(capsys, ws, "meeting", "set", meeting, "--signup", "Inscríbase con la secretaria.", "--lang", "es")
    out = tmp_path / "h.pdf"
    code, _, err = run(capsys, ws, "handout", meeting, "-o", str(out))
    assert code == 0, err
    english, spanish = columns(out)
    assert MINE_EN in english and MINE_ES not in english
    assert MINE_ES in spanish and MINE_EN not in spanish
    assert "Para hablar: Inscríbase con la secretaria." in spanish
    # the jurisdiction is a proper noun: it reads the same in Spanish, with no names.es entry
    assert "¿Ha solicitado o recibido Example County subvenciones federales" in spanish


@pytest.mark.parametrize("place", ["agency", "body"])
def test_a_name_missing_in_the_readers_language_is_reported_before_printing(
    capsys, ws, meeting, tmp_path, place
):
    run(capsys, ws, "settings", "set", f"names.es.{place}", "")
    out = tmp_path / "h.pdf"
    code, _, err = run(capsys, ws, "handout", meeting, "-o", str(out), "--lang", "es")
    assert code == 1 and err.count("\n") == 1
    assert err.startswith(f"error: the {place} has no es name")
    assert f'`meetingkit settings set names.es.{place} "…"`' in err
    assert not out.exists()


def test_a_place_in_two_languages_reaches_the_calendar_and_the_report_in_the_meetings(
    capsys, ws, meeting, tmp_path
):
    run(capsys, ws, "meeting", "set", meeting, "--location", "Courthouse, Room 101")
    run(capsys, ws, "meeting", "set", meeting, "--location", "Juzgado, Sala 101", "--lang", "es")
    out = tmp_path / "meetings.ics"
    assert run(capsys, ws, "calendar", "-o", str(out), "--as-of", "2026-12-01")[0] == 0
    assert "LOCATION:Courthouse\\, Room 101" in out.read_text(encoding="utf-8")
    code, report, _ = run(capsys, ws, "report", "--as-of", "2026-12-10")
    assert code == 0 and "Example County Commissioners Court, Courthouse, Room 101" in report
    assert "Sala 101" not in report and "{" not in report
