"""`meetingkit handout MEETING_ID --promises`: one page, read back from the PDF."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pdfplumber
from pypdf import PdfReader

from toolkit import tracker
from toolkit.cli import main
from toolkit.printing.promises_handout import on_record, promises_pdf
from toolkit.store import Workspace

UPCOMING_DAY = date(2026, 12, 9)


def _read(path: Path) -> tuple[int, str, float]:
    """Pages, text (lines joined by spaces), and the smallest font size on them."""
    with pdfplumber.open(path) as pdf:
        text = " ".join(" ".join((page.extract_text() or "").split()) for page in pdf.pages)
        smallest = min(c["size"] for page in pdf.pages for c in page.chars)
        return len(pdf.pages), text, smallest


def _upcoming(ws: Workspace) -> str:
    return ws.meetings().records[-1].id


def test_demo_promises_handout_is_one_page_with_where_each_stands(cli, demo_ws: Workspace, tmp_path):
    out = tmp_path / "promises.pdf"
    r = cli("handout", _upcoming(demo_ws), "--promises", "-o", str(out), workspace=demo_ws.root)
    assert r.code == 0, r.err
    assert r.out.strip() == str(out)
    pages, text, smallest = _read(out)
    assert pages == 1 and smallest >= 10
    assert "Promises on the record" in text
    assert "As of December 9, 2026 · promises: 3 · kept: 1 · overdue: 1" in text
    owed, settled = text.split("Kept or withdrawn")
    assert owed.index("Provide the written data-sharing policy") < owed.index("Post the Byrne JAG award")
    assert (
        "OVERDUE by 19 days. Promised by Chair Luis Ortega on November 6, 2026. Due November 20, 2026."
        in owed
    )
    assert "Open: due in 18 days." in owed
    assert "Send a copy of the signed 287(g) agreement" in settled and "Kept on November 11, 2026." in settled
    assert "PDF of the MOA emailed to the clerk. Evidence: 287g-moa-2025.pdf (board packet)." in settled
    assert "off the record" not in text and "laughed" not in text
    meta = PdfReader(out).metadata
    assert meta.title == "Promises on the record (December 9, 2026)"
    assert meta.author == "Alder County Immigrant Rights Network"


def test_as_of_large_print_and_spanish(cli, demo_ws: Workspace, tmp_path):
    held = demo_ws.meetings().records[0]

    def settled(answer):  # type: ignore[no-untyped-def]
        for n in range(6):
            p = tracker.add_promise(
                answer, f"Publicar el documento número {n} del convenio", None, "X", held.date
            )
            tracker.set_status(
                p, "kept", date(2026, 11, 12), "Publicado en el sitio web del condado", f"doc-{n}.pdf"
            )

    demo_ws.update_answer(held.id, "sanctuary-policy", settled)
    out = tmp_path / "grande.pdf"
    args = [
        "handout",
        _upcoming(demo_ws),
        "--promises",
        "--lang",
        "es",
        "--large-print",
        "--as-of",
        "2026-11-21",
    ]
    full = cli(*args, "-o", str(out), workspace=demo_ws.root)
    assert full.code == 1 and not out.exists()
    assert "18 pt" in full.err and "--owed-only" in full.err, "the error says what to leave out"
    r = cli(*args, "--owed-only", "-o", str(out), workspace=demo_ws.root)
    assert r.code == 0, r.err
    pages, text, smallest = _read(out)
    assert pages == 1 and smallest >= 18
    assert "Promesas hechas en público" in text and "VENCIDA hace 1 día." in text
    assert "Al 21 de noviembre de 2026 · promesas: 9 · cumplidas: 7 · vencidas: 1" in text
    assert "La Junta de Comisionados del Condado de Alder" in text
    assert "Cumplidas o retiradas" not in text and "287(g)" not in text and "convenio" not in text


def test_hostile_text_prints_as_itself(demo_ws: Workspace, tmp_path):
    held = demo_ws.meetings().records[0]
    hostile = '<b>bold</b> & <img src="/etc/passwd"/> <font size=100>big</font> &amp;'

    def add(answer):  # type: ignore[no-untyped-def]
        tracker.add_promise(answer, hostile, None, "Chief <i>Ray</i>", held.date)

    demo_ws.update_answer(held.id, "sanctuary-policy", add)
    upcoming = demo_ws.meetings().records[-1]
    items = on_record(upcoming, demo_ws.meetings().records, demo_ws.answers().records, UPCOMING_DAY)
    data, size = promises_pdf(demo_ws.settings(), upcoming, items, UPCOMING_DAY, "en")
    out = tmp_path / "hostile.pdf"
    out.write_bytes(data)
    pages, text, smallest = _read(out)
    assert pages == 1 and size >= 10 and smallest >= 10
    assert hostile in text and "Promised by Chief <i>Ray</i>" in text
    assert "Open, with no date given." in text


def test_too_many_promises_is_an_error_that_says_what_to_do(demo_ws: Workspace, tmp_path, capsys):
    held = demo_ws.meetings().records[0]

    def add_many(answer):  # type: ignore[no-untyped-def]
        for n in range(40):
            tracker.add_promise(
                answer, f"Send document number {n} of the many we asked for", None, "X", held.date
            )

    demo_ws.update_answer(held.id, "sanctuary-policy", add_many)
    out = tmp_path / "never.pdf"
    code = main(["handout", held.id, "--promises", "-o", str(out), "--workspace", str(demo_ws.root)])
    err = capsys.readouterr().err
    assert code == 1 and not out.exists()
    assert err.startswith("error: this does not fit on one page even at the smallest size, 10 pt")
    assert "meetingkit report --format pdf" in err


def test_bad_choices_are_one_line(cli, demo_ws: Workspace, tmp_path):
    root, upcoming = demo_ws.root, _upcoming(demo_ws)
    two = cli(
        "handout", upcoming, "--promises", "--lang", "en,es", "-o", str(tmp_path / "x.pdf"), workspace=root
    )
    assert two.code == 2 and two.err.startswith("error:") and "one language" in two.err
    early = demo_ws.meetings().records[0].id
    mid = cli("meeting", "new", "--body", "Board", "--date", "2026-01-05", workspace=root).out.strip()
    assert mid != early
    none = cli("handout", mid, "--promises", "-o", str(tmp_path / "y.pdf"), workspace=root)
    assert none.code == 1 and "no promises on the record" in none.err and not (tmp_path / "y.pdf").exists()
