"""ICE's 287(g) list where the group uses it: the handout's "why it matters", the
accountability report (Markdown, CSV, PDF) and the follow-up draft, in English and
Spanish, for an agency on ICE's July 2025 list and for one that is not."""

from __future__ import annotations

import csv
import io
from datetime import date
from pathlib import Path

import pdfplumber
import pytest
from pypdf import PdfReader

from toolkit.cli import main
from toolkit.model import AgendaEntry, Answer, Meeting, Settings
from toolkit.store import Workspace

ICE_PAGE = "https://www.ice.gov/identify-and-arrest/287g"
MEETING = "2025-07-30-commission"
NEXT = "2025-08-20-commission"


def workspace(tmp_path: Path, agency: str, state: str, languages: list[str]) -> Workspace:
    ws = Workspace(tmp_path / "ws")
    ws.create(
        Settings(
            group="Shoals Neighbors",
            agency=agency,
            jurisdiction="Colbert County",
            state=state,
            body="Colbert County Commission",
            languages=languages,
            names={"es": {"agency": "la Oficina del Sheriff", "body": "la Comisión del Condado de Colbert"}},
        )
    )
    for meeting_id, day in ((MEETING, date(2025, 7, 30)), (NEXT, date(2025, 8, 20))):
        ws.save_meeting(
            Meeting(
                id=meeting_id,
                body="Colbert County Commission",
                date=day,
                location="201 N Main St, Tuscumbia",
                language=languages[0],
                agenda=[AgendaEntry(question="287g-participation"), AgendaEntry(question="data-sharing")],
            )
        )
    return ws


@pytest.fixture
def colbert(tmp_path: Path) -> Workspace:
    """The Colbert County Sheriff's Office, Alabama: three signed models on ICE's July 18, 2025 list."""
    return workspace(tmp_path, "Colbert County Sheriff's Office", "AL", ["en", "es"])


@pytest.fixture
def unlisted(tmp_path: Path) -> Workspace:
    """An agency ICE's list does not name (Harris County, Texas is not on it)."""
    return workspace(tmp_path, "the Harris County Sheriff's Office", "TX", ["en", "es"])


def answer(ws: Workspace, status: str, said: str = "We do not do that here.") -> None:
    ws.save_answer(
        Answer(
            meeting=MEETING,
            question="287g-participation",
            status=status,
            official="Sheriff Frank Williamson",
            said=said,
            source="county video, 00:41:10",
        )
    )


def ok(*args: str) -> None:
    assert main(list(args)) == 0


def pdf_text(path: Path) -> str:
    with pdfplumber.open(path) as pdf:
        return " ".join(" ".join((page.extract_text() or "").split()) for page in pdf.pages)


# --- the handout ---------------------------------------------------------------------


@pytest.mark.parametrize(
    ("lang", "line"),
    [
        (
            "en",
            "ICE's list as of 2025-07-18: Colbert County Sheriff's Office, Alabama: Jail Enforcement Model",
        ),
        (
            "es",
            "Lista de ICE al 2025-07-18: Colbert County Sheriff's Office, Alabama: Jail Enforcement Model",
        ),
    ],
)
def test_the_handout_why_carries_ices_line(colbert: Workspace, tmp_path: Path, lang: str, line: str) -> None:
    out = tmp_path / "handout.pdf"
    ok("handout", MEETING, "--lang", lang, "-o", str(out), "--workspace", str(colbert.root))
    assert len(PdfReader(out).pages) == 1
    text = pdf_text(out)
    assert line in text
    signed = "(signed 2025-05-08)" if lang == "en" else "(firmado el 2025-05-08)"
    assert signed in text and "Task Force Model" in text
    why = "Why it matters:" if lang == "en" else "Por qué importa:"
    assert text.index(why) < text.index(line[:12])  # under the 287(g) question's "why"
    assert ICE_PAGE in text  # the July 2025 list is more than 90 days old: it says where to get a newer one


def test_the_bilingual_handout_stays_one_page_with_both_lines(colbert: Workspace, tmp_path: Path) -> None:
    out = tmp_path / "handout.pdf"
    ok("handout", MEETING, "--lang", "en,es", "-o", str(out), "--workspace", str(colbert.root))
    assert len(PdfReader(out).pages) == 1
    text = pdf_text(out)
    assert "ICE's list as of 2025-07-18" in text and "Lista de ICE al 2025-07-18" in text


def test_the_handout_line_is_off_with_no_ice_or_the_setting(colbert: Workspace, tmp_path: Path) -> None:
    out = tmp_path / "handout.pdf"
    ok("handout", MEETING, "--lang", "en", "--no-ice", "-o", str(out), "--workspace", str(colbert.root))
    assert "ICE's list" not in pdf_text(out) and "Why it matters:" in pdf_text(out)
    colbert.save_settings(colbert.settings().evolve(ice=False))
    ok("handout", MEETING, "--lang", "en", "-o", str(out), "--workspace", str(colbert.root))
    assert "ICE's list" not in pdf_text(out)


def test_no_handout_line_for_an_agency_ice_does_not_list(unlisted: Workspace, tmp_path: Path) -> None:
    out = tmp_path / "handout.pdf"
    ok("handout", MEETING, "--lang", "en,es", "-o", str(out), "--workspace", str(unlisted.root))
    text = pdf_text(out)
    assert "Why it matters:" in text
    assert "ICE's list" not in text and "Lista de ICE" not in text


def test_no_handout_line_for_a_guess_by_county(tmp_path: Path) -> None:
    """ "Office of the Sheriff" in Colbert County matches ICE's list only by county and type."""
    ws = workspace(tmp_path, "Office of the Sheriff", "AL", ["en"])
    out = tmp_path / "handout.pdf"
    ok("handout", MEETING, "-o", str(out), "--workspace", str(ws.root))
    assert "Why it matters:" in pdf_text(out) and "ICE's list" not in pdf_text(out)


def test_questions_show_follows_the_setting(colbert: Workspace, capsys: pytest.CaptureFixture[str]) -> None:
    ok("questions", "show", "287g-participation", "--lang", "es", "--workspace", str(colbert.root))
    assert "Lista de ICE al 2025-07-18: Colbert County Sheriff's Office, Alabama" in capsys.readouterr().out
    colbert.save_settings(colbert.settings().evolve(ice=False))
    ok("questions", "show", "287g-participation", "--workspace", str(colbert.root))
    assert "ICE's list" not in capsys.readouterr().out


# --- the accountability report ------------------------------------------------------------

STILL_SHOWS = (
    "ICE's list of July 18, 2025 still shows that the Colbert County Sheriff's Office signed a Jail "
    "Enforcement Model and a Warrant Service Officer agreement on May 8, 2025, and a Task Force Model "
    "agreement on July 2, 2025."
)
STALE = "ICE's list of 2025-07-18 is 501 days old"


def report(ws: Workspace, tmp_path: Path, fmt: str, *extra: str) -> str:
    out = tmp_path / f"report.{fmt}"
    ok("report", "-o", str(out), "--as-of", "2026-12-01", *extra, "--workspace", str(ws.root))
    return pdf_text(out) if fmt == "pdf" else out.read_text(encoding="utf-8")


@pytest.mark.parametrize("status", ["answered", "declined"])
def test_the_report_cites_the_list_against_the_answer(
    colbert: Workspace, tmp_path: Path, status: str
) -> None:
    answer(colbert, status)
    md = report(colbert, tmp_path, "md")
    assert STILL_SHOWS in md
    assert f"{STALE}; download the current sheets from <{ICE_PAGE}>" in md
    question = md.index("Has Colbert County Sheriff")
    assert question < md.index(STILL_SHOWS) < md.index("## Meetings")

    pdf = report(colbert, tmp_path, "pdf")
    assert " ".join(STILL_SHOWS.split()) in pdf
    assert STALE in pdf and ICE_PAGE in pdf

    rows = list(csv.DictReader(io.StringIO(report(colbert, tmp_path, "csv"))))
    cited = [r for r in rows if r["record"] == "ice-list"]
    assert len(cited) == 1
    assert cited[0]["question"] == "287g-participation" and cited[0]["status"] == status
    assert cited[0]["official"] == "Sheriff Frank Williamson"
    assert cited[0]["said"] == STILL_SHOWS and cited[0]["source"] == ICE_PAGE
    assert cited[0]["last_note"].startswith(STALE) and cited[0]["meeting"] == MEETING


def test_a_recent_list_is_cited_without_the_age_note(colbert: Workspace, tmp_path: Path) -> None:
    answer(colbert, "declined")
    out = tmp_path / "report.md"
    ok("report", "-o", str(out), "--as-of", "2025-08-10", "--workspace", str(colbert.root))
    md = out.read_text(encoding="utf-8")
    assert STILL_SHOWS in md and "days old" not in md


@pytest.mark.parametrize("status", ["deflected", "partial"])
def test_an_answer_that_does_not_contradict_the_list_is_not_cited(
    colbert: Workspace, tmp_path: Path, status: str
) -> None:
    answer(colbert, status)
    assert "still shows" not in report(colbert, tmp_path, "md")
    assert "ice-list" not in report(colbert, tmp_path, "csv")


def test_no_citation_for_an_agency_ice_does_not_list(unlisted: Workspace, tmp_path: Path) -> None:
    answer(unlisted, "declined")
    for fmt in ("md", "csv", "pdf"):
        text = report(unlisted, tmp_path, fmt)
        assert "still shows" not in text and "ice-list" not in text and "ICE's list of" not in text


def test_the_setting_turns_the_citation_off(colbert: Workspace, tmp_path: Path) -> None:
    answer(colbert, "answered")
    colbert.save_settings(colbert.settings().evolve(ice=False))
    assert "still shows" not in report(colbert, tmp_path, "md")


def test_the_report_pdf_lists_overdue_records_requests(colbert: Workspace, tmp_path: Path) -> None:
    ok("request", "draft", MEETING, "287g-participation", "--workspace", str(colbert.root))
    (request_id,) = [p.stem for p in (colbert.root / "requests").glob("*.yaml")]
    ok(
        "request", "update", request_id, "--status", "filed", "--on", "2026-10-01",
        "--workspace", str(colbert.root),
    )  # fmt: skip
    pdf = report(colbert, tmp_path, "pdf")
    assert "Overdue public records requests (1)" in pdf
    assert "Alabama Open Records Act" in pdf and "2026-10-01" in pdf
    md = report(colbert, tmp_path, "md")
    assert "## Overdue public records requests (1)" in md


# --- the follow-up draft ---------------------------------------------------------------


def follow_up(ws: Workspace, as_of: str = "2026-12-01") -> str:
    import contextlib

    buffer = io.StringIO()
    with contextlib.redirect_stdout(buffer):
        ok(
            "testimony", "draft", NEXT, "--speaker", "Ana", "--follow-up", "--as-of", as_of,
            "--workspace", str(ws.root),
        )  # fmt: skip
    return Path(buffer.getvalue().strip()).read_text(encoding="utf-8")


@pytest.mark.parametrize(
    ("lang", "sentence", "hint"),
    [
        (
            "en",
            "We do not do that here.” " + STILL_SHOWS + " We ask again.",
            f"<!-- ICE's list of July 18, 2025 is 501 days old: download the current sheets from {ICE_PAGE}",
        ),
        (
            "es",
            "La lista de ICE del 18 de julio de 2025 todavía muestra que la agencia Colbert County "
            "Sheriff's Office firmó acuerdos de tipo Jail Enforcement Model y Warrant Service Officer",
            f"<!-- La lista de ICE del 18 de julio de 2025 tiene 501 días: descargue las hojas actuales de {ICE_PAGE}",
        ),
    ],
)
def test_the_follow_up_cites_the_list_in_the_meetings_language(
    tmp_path: Path, lang: str, sentence: str, hint: str
) -> None:
    ws = workspace(tmp_path, "Colbert County Sheriff's Office", "AL", [lang])
    answer(ws, "answered")
    text = follow_up(ws)
    assert sentence in text
    assert hint in text
    assert text.index(sentence) < text.index(hint)
    assert "ICE's own" not in text and "propia lista" not in text  # the fact is not said twice


def test_a_declined_answer_is_asked_again_with_the_list(colbert: Workspace) -> None:
    answer(colbert, "declined", said="")
    text = follow_up(colbert, "2025-08-20")
    assert "Sheriff Frank Williamson declined to answer. " + STILL_SHOWS + " We ask again." in text
    assert "days old" not in text


def test_no_follow_up_citation_for_an_agency_ice_does_not_list(unlisted: Workspace) -> None:
    answer(unlisted, "declined")
    text = follow_up(unlisted)
    assert "declined to answer" in text
    assert "still shows" not in text and "ICE's list" not in text
