"""`meetingkit request …` and `meetingkit media`, run as a user would: from a
deflected answer to a drafted request, its filing, a follow-up, an appeal, a
printed letter and a media inquiry; and the record showing it everywhere."""

from __future__ import annotations

import csv
import io
import json
import shutil
import stat
from datetime import date
from pathlib import Path

import pypdf
import pytest

from toolkit.cli import main
from toolkit.store import Workspace

LAWS = Path(__file__).parent / "laws"
MEETING = "2027-01-12-example-county-commissioners-court"
LAW_NAME = "Texas Public Information Act"
CITATION = "Tex. Gov't Code §§ 552.001–552.353"


def run(ws: Workspace, *args: str, capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    capsys.readouterr()
    code = main([*args, "--workspace", str(ws.root)])
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def tx(ws: Workspace, capsys: pytest.CaptureFixture[str]) -> Workspace:
    """A Texas workspace with the test law files, one meeting, one dodged question and one answered."""
    shutil.copytree(LAWS, ws.root / "laws")
    run(
        ws,
        "meeting",
        "new",
        "--body",
        "Example County Commissioners Court",
        "--date",
        "2027-01-12",
        capsys=capsys,
    )
    for qid in ("data-sharing", "287g-participation"):
        run(ws, "meeting", "ask", MEETING, qid, capsys=capsys)
    said = ["--official", "Sheriff Lee", "--said", "We follow all federal laws.", "--source", "video 1:14:05"]
    run(ws, "answer", MEETING, "data-sharing", "--status", "deflected", *said, capsys=capsys)
    run(ws, "answer", MEETING, "287g-participation", "--status", "answered", capsys=capsys)
    return ws


def draft(ws: Workspace, capsys, *extra: str) -> tuple[str, Path]:  # type: ignore[no-untyped-def]
    code, out, err = run(ws, "request", "draft", MEETING, *extra, "--on", "2027-01-13", capsys=capsys)
    assert code == 0, err
    letter = Path(out.strip())
    return letter.name.removesuffix(".md"), letter


def file_it(ws: Workspace, rid: str, capsys, on: str = "2027-01-14") -> None:  # type: ignore[no-untyped-def]
    code, _, err = run(
        ws, "request", "update", rid, "--status", "filed", "--on", on, "--method", "email",
        "--tracking", "PIR-42", capsys=capsys,
    )  # fmt: skip
    assert code == 0, err


def pdf_text(path: Path) -> str:
    text = "\n".join(page.extract_text() for page in pypdf.PdfReader(path).pages)
    return " ".join(text.replace("\u00a0", " ").split())


def test_draft_asks_for_the_records_behind_the_dodged_question(tx: Workspace, capsys):
    rid, letter = draft(tx, capsys)
    assert rid == "2027-01-13-example-county-sheriff-s-office"
    assert letter.parent == tx.root / "requests" and stat.S_IMODE(letter.stat().st_mode) == 0o600
    text = letter.read_text()
    assert "Custodian of Records, the Example County Sheriff's Office" in text
    assert f"Under the {LAW_NAME} ({CITATION})" in text
    assert (
        "held by the Example County Sheriff's Office, created or received from January 1, 2026 to January 13, 2027"
        in text
    )
    assert "1. Written policies (general orders) on sharing information with ICE" in text
    assert "287(g) Memorandum" not in text, "the answered question's records are not asked for"
    assert "electronic form" in text and "fees be waived" in text and "public interest" in text
    assert "within 10 business days (Tex. Gov't Code § 552.301(b))" in text
    _, out, _ = run(tx, "request", "list", "--json", capsys=capsys)
    [row] = json.loads(out)
    assert {k: row[k] for k in ("id", "meeting", "law", "status", "filed", "due", "overdue", "days_overdue")} == {
        "id": rid, "meeting": MEETING, "law": "tx", "status": "draft", "filed": None, "due": None,
        "overdue": False, "days_overdue": 0,
    }  # fmt: skip
    assert row["agency"] == "the Example County Sheriff's Office"


def test_two_drafts_the_same_day_get_distinct_ids(tx: Workspace, capsys):
    first, _ = draft(tx, capsys)
    second, _ = draft(tx, capsys, "287g-participation")
    assert second == first + "-2"
    assert "287(g) Memorandum of Agreement" in (tx.root / "requests" / f"{second}.md").read_text()


def test_the_spanish_letter(tx: Workspace, capsys):
    _, letter = draft(tx, capsys, "--lang", "es")
    text = letter.read_text()
    assert "# Solicitud de acceso a documentos públicos" in text
    assert f"Conforme a la ley {LAW_NAME} ({CITATION}), le presento esta solicitud" in text
    assert "del 1 de enero de 2026 al 13 de enero de 2027" in text
    assert "1. Políticas escritas (órdenes generales) sobre compartir información con ICE" in text
    assert "un plazo de 10 días hábiles (Tex. Gov't Code § 552.301(b))" in text
    assert "Solicito la exención de todos los cargos" in text


@pytest.mark.parametrize(
    ("lang", "words"),
    [
        ("en", ["Public records request", "Sheriff's Office", "within 10 business days", "Written policies"]),
        ("es", ["Solicitud de acceso a documentos públicos", "10 días hábiles", "Políticas escritas"]),
    ],
)
def test_the_printed_letter_reads_back(tx: Workspace, capsys, tmp_path: Path, lang: str, words: list[str]):
    rid, _ = draft(tx, capsys, "--lang", lang)
    pdf = tmp_path / f"letter-{lang}.pdf"
    code, _, err = run(tx, "request", "print", rid, "-o", str(pdf), capsys=capsys)
    assert code == 0, err
    text = pdf_text(pdf)
    for expected in [LAW_NAME, CITATION, "§ 552.301(b)", *words]:
        assert expected in text
    assert "<!--" not in text, "hints are not printed"
    reader = pypdf.PdfReader(pdf)
    assert reader.trailer["/Root"]["/Lang"] == lang
    assert reader.metadata.title.endswith(": the Example County Sheriff's Office")


def test_large_print_letter(tx: Workspace, capsys, tmp_path: Path):
    import pdfplumber

    rid, _ = draft(tx, capsys)
    pdf = tmp_path / "large.pdf"
    assert (
        run(tx, "request", "print", rid, "-o", str(pdf), "--large-print", "--paper", "a4", capsys=capsys)[0]
        == 0
    )
    with pdfplumber.open(pdf) as doc:
        sizes = {round(ch["size"]) for page in doc.pages for ch in page.chars}
        assert min(sizes) >= 16 and len(doc.pages) >= 2
        assert round(doc.pages[0].width) == 595, "A4"


def test_an_edited_letter_prints_as_edited(tx: Workspace, capsys, tmp_path: Path):
    rid, letter = draft(tx, capsys)
    letter.write_text(letter.read_text().replace("Thank you for your help.", "Thanks <b>& regards</b>."))
    pdf = tmp_path / "edited.pdf"
    assert run(tx, "request", "print", rid, "-o", str(pdf), capsys=capsys)[0] == 0
    assert "Thanks <b>& regards</b>." in pdf_text(pdf), "markup typed in the letter prints as itself"


def test_filing_starts_the_clock_and_list_shows_what_is_overdue(tx: Workspace, capsys):
    rid, _ = draft(tx, capsys)
    file_it(tx, rid, capsys)
    # Thu Jan 14, 2027: 15, (18 MLK Day, 19 Confederate Heroes Day), 20 21 22, 25 26 27 28 29, Feb 1.
    code, out, _ = run(tx, "request", "list", "--as-of", "2027-02-01", "--json", capsys=capsys)
    [row] = json.loads(out)
    assert (row["filed"], row["due"], row["overdue"], row["tracking"]) == (
        "2027-01-14",
        "2027-02-01",
        False,
        "PIR-42",
    )
    code, out, _ = run(tx, "request", "list", "--overdue", "--as-of", "2027-02-10", capsys=capsys)
    assert code == 0 and "OVERDUE 7 business days" in out and rid in out
    code, out, _ = run(tx, "request", "list", "--overdue", "--as-of", "2027-01-20", capsys=capsys)
    assert out.strip() == "no requests overdue as of 2027-01-20"


def test_a_change_dated_before_the_filing_is_refused_and_nothing_changes(tx: Workspace, capsys):
    rid, _ = draft(tx, capsys)
    file_it(tx, rid, capsys)
    path = tx.root / "requests" / f"{rid}.yaml"
    before = path.read_bytes()
    code, out, err = run(
        tx, "request", "update", rid, "--status", "acknowledged", "--on", "2027-01-10", capsys=capsys
    )
    assert code == 1 and out == ""
    assert err == (
        f"error: 2027-01-10 is before request {rid} was filed (2027-01-14); nothing was changed. Check the date\n"
    )
    assert path.read_bytes() == before


def test_a_withdrawn_request_refuses_changes(tx: Workspace, capsys):
    rid, _ = draft(tx, capsys)
    file_it(tx, rid, capsys)
    assert (
        run(tx, "request", "update", rid, "--status", "withdrawn", "--on", "2027-01-15", capsys=capsys)[0]
        == 0
    )
    path = tx.root / "requests" / f"{rid}.yaml"
    before = path.read_bytes()
    code, _, err = run(
        tx,
        "request",
        "update",
        rid,
        "--status",
        "fulfilled",
        "--on",
        "2027-01-20",
        "--tracking",
        "X",
        capsys=capsys,
    )
    assert code == 1 and err.startswith(
        f"error: request {rid} was withdrawn on 2027-01-15; nothing was changed"
    )
    assert err.count("\n") == 1 and path.read_bytes() == before


def test_a_state_the_table_lacks_says_how_to_add_its_law(ws: Workspace, capsys):
    settings = ws.settings()
    settings.state = "Guam"
    ws.save_settings(settings)
    run(
        ws,
        "meeting",
        "new",
        "--body",
        "Example County Commissioners Court",
        "--date",
        "2027-01-12",
        capsys=capsys,
    )
    code, out, err = run(ws, "request", "draft", MEETING, "data-sharing", capsys=capsys)
    assert code == 1 and out == ""
    assert "no public records law for 'Guam'" in err and f"{ws.root}/laws/<id>.yaml" in err
    assert err.count("\n") == 1
    assert not (ws.root / "requests").exists() or not list((ws.root / "requests").iterdir())


def test_a_broken_request_file_is_skipped_named_and_checked(tx: Workspace, capsys):
    rid, _ = draft(tx, capsys)
    broken = tx.root / "requests" / "2027-01-01-broken.yaml"
    broken.write_text("format: 1\nid: 2027-01-01-broken\nagency: x\nlaw: tx\ndrafted: someday\n")
    code, out, err = run(tx, "request", "list", capsys=capsys)
    assert code == 1 and rid in out
    assert f"warning: skipped {broken}, line 5, field `drafted`: expected a date YYYY-MM-DD" in err
    code, out, _ = run(tx, "check", capsys=capsys)
    assert code == 1 and "2027-01-01-broken.yaml, line 5, field `drafted`" in out
    assert broken.read_text().endswith("drafted: someday\n"), "a broken file is never rewritten"


def test_closure_days_in_the_settings_move_the_due_date(tx: Workspace, capsys):
    rid, _ = draft(tx, capsys)
    file_it(tx, rid, capsys)
    with tx.settings_path.open("a") as settings:
        settings.write("closures:\n- 2027-01-22\n- 2027-01-25\n")
    code, out, err = run(tx, "request", "show", rid, "--as-of", "2027-01-20", "--json", capsys=capsys)
    assert code == 0, err
    assert json.loads(out)["due"] == "2027-02-03", "two closure days: Feb 1 becomes Feb 3"


def test_waiting_on_us_pauses_the_clock_and_moves_the_calendar_event(tx: Workspace, capsys, tmp_path: Path):
    rid, _ = draft(tx, capsys)
    file_it(tx, rid, capsys)
    ics = tmp_path / "due.ics"

    def event_day() -> str:
        assert run(tx, "calendar", "-o", str(ics), "--as-of", "2027-01-25", capsys=capsys)[0] == 0
        text = ics.read_text().replace("\r\n ", "")
        event = next(e for e in text.split("BEGIN:VEVENT")[1:] if f"UID:request-{rid}@" in e)
        return event.split("DTSTART;VALUE=DATE:")[1][:8]

    assert event_day() == "20270201"
    # Counted: Fri Jan 15 (1); Jan 18 and 19 are holidays. The agency asks for a fee on Wed Jan 20;
    # we pay on Mon Jan 25.
    for status, on in (("waiting-on-us", "2027-01-20"), ("acknowledged", "2027-01-25")):
        assert run(tx, "request", "update", rid, "--status", status, "--on", on, capsys=capsys)[0] == 0
    # Not counted: 20 21 22. From the 25th: 25 26 27 28 29, Feb 1 2 3 4 -> day 10 is Thu Feb 4.
    assert event_day() == "20270204"


def test_follow_up_once_past_due(tx: Workspace, capsys, tmp_path: Path):
    rid, _ = draft(tx, capsys)
    file_it(tx, rid, capsys)
    code, _, err = run(tx, "request", "followup", rid, "--as-of", "2027-01-29", capsys=capsys)
    assert code == 1 and "is not past due: the law's deadline is 2027-02-01" in err
    code, out, err = run(tx, "request", "followup", rid, "--as-of", "2027-02-10", capsys=capsys)
    assert code == 0, err
    text = Path(out.strip()).read_text()
    assert "On January 14, 2027 I filed a request under the Texas Public Information Act" in text
    assert "Its reference number is PIR-42." in text
    assert "within 10 business days, that is by February 1, 2027" in text and "7 business days late" in text
    pdf = tmp_path / "followup.pdf"
    assert run(tx, "request", "print", rid, "--letter", "followup", "-o", str(pdf), capsys=capsys)[0] == 0
    assert "7 business days late" in pdf_text(pdf) and CITATION in pdf_text(pdf)


def test_appeal_once_denied_cites_the_appeal_route(tx: Workspace, capsys):
    rid, _ = draft(tx, capsys, "--lang", "es")
    file_it(tx, rid, capsys)
    code, _, err = run(tx, "request", "appeal", rid, "--as-of", "2027-01-20", capsys=capsys)
    assert code == 1 and "an appeal is drafted once it is denied" in err
    assert (
        run(tx, "request", "update", rid, "--status", "denied", "--on", "2027-02-12", capsys=capsys)[0] == 0
    )
    code, out, err = run(tx, "request", "appeal", rid, "--as-of", "2027-02-15", capsys=capsys)
    assert code == 0, err
    text = Path(out.strip()).read_text()
    assert "# Apelación: solicitud de acceso a documentos públicos" in text
    assert "El 12 de febrero de 2027 la agencia negó la solicitud. Apelo esa respuesta." in text
    assert "establece esta vía de apelación: Ask the Attorney General's Open Records Division" in text


def test_received_records_and_where_they_are_kept(tx: Workspace, capsys):
    rid, _ = draft(tx, capsys)
    file_it(tx, rid, capsys)
    code, _, err = run(
        tx, "request", "update", rid, "--status", "partial", "--on", "2027-02-01",
        "--received", "data-sharing MOU (12 pages)", "--kept-at", "drive/requests/hcso-mou.pdf", capsys=capsys,
    )  # fmt: skip
    assert code == 0, err
    code, out, _ = run(tx, "request", "show", rid, "--as-of", "2027-02-01", capsys=capsys)
    assert "received 2027-02-01: data-sharing MOU (12 pages) (kept at drive/requests/hcso-mou.pdf)" in out
    assert "2027-02-01 partial" in out and "tracking: PIR-42" in out


def test_media_inquiry_from_the_record(tx: Workspace, capsys, tmp_path: Path):
    rid, _ = draft(tx, capsys)
    file_it(tx, rid, capsys)
    run(tx, "promise", "add", MEETING, "data-sharing", "--what", "Send the written data-sharing policy",
        "--due", "2027-01-26", "--official", "Sheriff Lee", capsys=capsys)  # fmt: skip
    out_file = tmp_path / "media.md"
    code, _, err = run(
        tx, "media", MEETING, "-o", str(out_file), "--as-of", "2027-02-10", "--lang", "en,es", capsys=capsys
    )
    assert code == 0, err
    text = out_file.read_text()
    assert "# Media inquiry: the Example County Sheriff's Office and cooperation with ICE" in text
    assert "At the Example County Commissioners Court meeting on January 12, 2027, residents asked:" in text
    assert "Sheriff Lee did not answer the question." in text
    assert "Said: “We follow all federal laws.”" in text and "Source: video 1:14:05" in text
    assert (
        "Sheriff Lee promised to send the written data-sharing policy by January 26, 2027: 15 days past due"
        in text
    )
    assert (
        "On January 14, 2027 we filed a public records request with the Example County Sheriff's Office under "
        "the Texas Public Information Act; it is now 7 business days past the deadline the law sets."
    ) in text
    assert "# Consulta de prensa" in text and "hoy lleva 7 días hábiles de retraso" in text


def test_report_and_follow_up_testimony_name_the_overdue_request(tx: Workspace, capsys):
    rid, _ = draft(tx, capsys)
    file_it(tx, rid, capsys)
    code, out, _ = run(tx, "report", "--as-of", "2027-02-10", capsys=capsys)
    assert code == 0 and "## Overdue public records requests (1)" in out
    assert (
        "| the Example County Sheriff's Office | Texas Public Information Act | 2027-01-14 | 2027-02-01 | 7 business days |"
        in out
    )
    code, out, _ = run(tx, "report", "--format", "csv", "--as-of", "2027-02-10", capsys=capsys)
    [row] = [r for r in csv.DictReader(io.StringIO(out, newline="")) if r["record"] == "request"]
    assert (row["request_id"], row["due"], row["overdue"], row["days_overdue"], row["filed"]) == (
        rid, "2027-02-01", "yes", "7", "2027-01-14",
    )  # fmt: skip
    run(
        tx,
        "meeting",
        "new",
        "--body",
        "Example County Commissioners Court",
        "--date",
        "2027-02-09",
        capsys=capsys,
    )
    code, out, err = run(tx, "testimony", "draft", "2027-02-09-example-county-commissioners-court",
                         "--speaker", "Ana Ruiz", "--follow-up", capsys=capsys)  # fmt: skip
    assert code == 0, err
    assert (
        "On January 14, 2027, we filed a public records request under the Texas Public Information Act; "
        "it is now 6 business days past the deadline the law sets."
    ) in Path(out.strip()).read_text()


def test_ten_thousand_requests_are_listed(tx: Workspace, capsys):
    import msgspec

    from toolkit import yamlio
    from toolkit.atomic import make_private_dir, write_bytes
    from toolkit.model import Request
    from toolkit.model import RequestChange as Change

    folder = tx.root / "requests"
    make_private_dir(folder)
    for n in range(10_000):
        request = Request(
            id=f"r-{n:05d}",
            agency=f"Agency {n % 37}",
            law=("tx", "ca", "al")[n % 3],
            drafted=date(2027, 1, 1),
            records=["The 287(g) MOA"],
            history=[Change(on=date(2027, 1, 4 + n % 20), status="filed")],
        )
        data = yamlio.dumps(msgspec.to_builtins(request, builtin_types=(date,))).encode()
        write_bytes(folder / f"{request.id}.yaml", data, durable=False)
    code, out, err = run(tx, "request", "list", "--json", "--as-of", "2027-03-01", capsys=capsys)
    assert code == 0, err
    rows = json.loads(out)
    assert len(rows) == 10_000 and len({r["id"] for r in rows}) == 10_000
    assert sum(r["overdue"] for r in rows) > 0 and all(r["due"] is None for r in rows if r["law"] == "al")


def test_the_records_dates_can_be_chosen_and_never_run_backwards(tx: Workspace, capsys):
    rid, letter = draft(tx, capsys, "--records-from", "2025-07-01", "--records-to", "2026-06-30")
    assert "created or received from July 1, 2025 to June 30, 2026" in letter.read_text()
    code, out, err = run(
        tx, "request", "draft", MEETING, "--records-from", "2027-01-10", "--records-to", "2026-12-01",
        capsys=capsys,
    )  # fmt: skip
    assert code == 2 and out == ""
    assert err == (
        "error: the records' dates run backwards: from 2027-01-10 to 2026-12-01; the first date comes first\n"
    )
    assert sorted(p.name for p in (tx.root / "requests").iterdir()) == [f"{rid}.md", f"{rid}.yaml"]
