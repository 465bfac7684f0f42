"""`meetingkit report --format pdf`: read back page by page, as a reader sees it."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pdfplumber
from conftest import TODAY
from pypdf import PdfReader

from toolkit import tracker
from toolkit.store import Workspace

AS_OF = TODAY.isoformat()
FOOTER_SIZE = 9.0


def _pages(path: Path) -> list[tuple[str, float]]:
    """Each page's text (whitespace collapsed) and its smallest font size outside the footer."""
    out = []
    with pdfplumber.open(path) as pdf:
        for page in pdf.pages:
            text = " ".join((page.extract_text() or "").split())
            body = [c["size"] for c in page.chars if c["size"] > FOOTER_SIZE]
            out.append((text, min(body)))
    return out


def _report(cli, ws: Workspace, out: Path, *extra: str) -> list[tuple[str, float]]:  # type: ignore[no-untyped-def]
    r = cli("report", "-o", str(out), "--as-of", AS_OF, *extra, workspace=ws.root)
    assert r.code == 0, r.err
    assert r.out.strip() == str(out)
    return _pages(out)


def test_pdf_report_of_the_demo_reads_back(cli, demo_ws: Workspace, tmp_path):
    out = tmp_path / "report.pdf"
    pages = _report(cli, demo_ws, out)
    text = " ".join(t for t, _ in pages)
    total = len(pages)
    for n, (page_text, smallest) in enumerate(pages, 1):
        assert f"as of November 27, 2026 · Page {n} of {total}" in page_text
        assert smallest >= 10 - 1e-6
    assert text.startswith("On the record: the Alder County Sheriff's Office")
    assert "Provide the written data-sharing policy Chair Luis Ortega 2026-11-06 2026-11-20 7" in text
    assert "open, 7 days overdue" in text
    assert "“We follow all applicable federal and state laws.”" in text
    assert "Source: Meeting video, https://example.org/alder-board/2026-11-06 at 1:14:05" in text
    assert "Dana Whitfield (Sheriff) 0 1 1 0" in text, (
        "answers by official: answered, partly, deflected, declined"
    )
    assert "off the record" not in text and "laughed" not in text and "PRIVATE" not in text
    meta = PdfReader(out).metadata
    assert meta.title == "On the record: the Alder County Sheriff's Office (as of November 27, 2026)"
    assert meta.author == "Alder County Immigrant Rights Network"


def test_private_pdf_says_so_on_every_page(cli, demo_ws: Workspace, tmp_path):
    pages = _report(cli, demo_ws, tmp_path / "private.pdf", "--include-private")
    assert all("INCLUDES PRIVATE NOTES" in text for text, _ in pages)
    text = " ".join(t for t, _ in pages)
    assert "off the record" in text and "laughed" in text


def test_a_long_record_runs_over_pages_with_the_header_repeated(cli, demo_ws: Workspace, tmp_path):
    held = demo_ws.meetings().records[0]
    hostile = '<b>not bold</b> & <font size=100>x</font> <img src="/etc/passwd"/>'

    def add_many(answer):  # type: ignore[no-untyped-def]
        tracker.log_answer(answer, "declined", "Chief <i>Ray</i>", hostile, "minutes & notes")
        for n in range(60):
            tracker.add_promise(
                answer, f"Send record set number {n}", date(2026, 11, 10 + n % 15), "Chief Ray", held.date
            )

    demo_ws.update_answer(held.id, "sanctuary-policy", add_many)
    pages = _report(cli, demo_ws, tmp_path / "long.pdf")
    assert len(pages) >= 3
    with_header = [text for text, _ in pages if "Promise Official Promised Due" in text]
    assert len(with_header) >= 2, "the header row repeats when a table runs onto the next page"
    text = " ".join(t for t, _ in pages)
    assert all(f"Send record set number {n} " in text for n in range(60))
    assert f"“{hostile}”" in text and "Chief <i>Ray</i>" in text
