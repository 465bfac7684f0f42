"""Print mode and the speaker copy: it says whether the page fits before
writing, writes in a worker, and names the file when done."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

import pytest
from conftest import TODAY
from pypdf import PdfReader
from test_tui_support import drive, notices, open_testimony, shown, until

from toolkit.cli import main
from toolkit.store import Workspace

OVERDUE = "Provide the written data-sharing policy"


def fit_text(pilot) -> str:  # type: ignore[no-untyped-def]
    return shown(pilot.app.screen.query_one("#p-fit"))


def test_the_handout_says_it_fits_then_is_written_and_named(demo_ws: Workspace, tmp_path: Path) -> None:
    out = tmp_path / "room.pdf"

    async def steps(pilot):  # type: ignore[no-untyped-def]
        await pilot.press("6")
        screen = pilot.app.screen
        await until(pilot, lambda: "Fits on one page at" in fit_text(pilot), timeout=30)
        assert not out.exists(), "checking the fit writes nothing"
        screen.query_one("#p-path").value = str(out)
        await pilot.press("ctrl+s")
        await until(pilot, lambda: any(str(out) in n for n in notices(pilot.app)), timeout=30)

    drive(demo_ws.root, steps)
    reader = PdfReader(out)
    assert len(reader.pages) == 1
    assert "Alder County Sheriff" in reader.pages[0].extract_text()


def test_the_default_file_goes_to_the_print_folder_and_follows_the_options(demo_ws: Workspace) -> None:
    async def steps(pilot):  # type: ignore[no-untyped-def]
        await pilot.press("6")
        screen = pilot.app.screen
        path = screen.query_one("#p-path")
        await until(pilot, lambda: path.value.endswith("-handout-en-es.pdf"))
        assert path.value.startswith("print/")
        screen.query_one("#p-large").value = True
        await until(pilot, lambda: path.value.endswith("-handout-en-es-large.pdf"))
        screen.query_one("#kind-promises").value = True
        await until(pilot, lambda: path.value.endswith("-promises-en-large.pdf"))
        await until(pilot, lambda: "one language" in shown(screen.query_one("#p-note")))

    drive(demo_ws.root, steps)


def test_the_speaker_copy_prints_from_testimony_mode(demo_ws: Workspace) -> None:
    held = demo_ws.meetings().records[0]

    async def steps(pilot):  # type: ignore[no-untyped-def]
        await open_testimony(pilot, held.id)
        await pilot.press("f8")
        await until(pilot, lambda: any("Wrote" in n for n in notices(pilot.app)), timeout=30)

    drive(demo_ws.root, steps)
    [pdf] = (demo_ws.root / "print").glob("*maria-lopez-speaker-copy.pdf")
    text = "".join(page.extract_text() for page in PdfReader(pdf).pages)
    assert "Maria Lopez" in text and "Good evening" in text


def test_a_print_failure_is_one_line_not_a_traceback(demo_ws: Workspace, tmp_path: Path) -> None:
    folder = tmp_path / "a-folder"
    folder.mkdir()

    async def steps(pilot):  # type: ignore[no-untyped-def]
        await pilot.press("6")
        screen = pilot.app.screen
        screen.query_one("#p-path").value = str(folder)
        await pilot.press("ctrl+s")
        await until(pilot, lambda: any("is a folder" in n for n in notices(pilot.app)), timeout=30)

    drive(demo_ws.root, steps)
    assert list(folder.iterdir()) == []


async def write_export(pilot, kind: str, out: Path, as_of: str) -> None:  # type: ignore[no-untyped-def]
    """Choose ``kind`` in Print mode, type the "as of" day and the file, and write it."""
    await pilot.press("6")
    screen = pilot.app.screen
    screen.query_one(f"#kind-{kind}").value = True
    screen.query_one("#p-as-of").value = as_of
    await until(pilot, lambda: f"as of {as_of} is ready" in fit_text(pilot), timeout=30)
    screen.query_one("#p-path").value = str(out)
    await pilot.press("ctrl+s")
    await until(pilot, lambda: any(str(out) in n for n in notices(pilot.app)), timeout=30)


def test_the_report_written_in_the_app_is_the_command_lines_as_of_the_day_typed(
    demo_ws: Workspace, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "report.md"
    day = (TODAY - timedelta(days=8)).isoformat()

    async def steps(pilot):  # type: ignore[no-untyped-def]
        await write_export(pilot, "report-md", out, day)

    drive(demo_ws.root, steps)
    assert main(["report", "--workspace", str(demo_ws.root), "--as-of", day]) == 0
    assert out.read_text(encoding="utf-8") == capsys.readouterr().out
    assert day in out.read_text(encoding="utf-8")


def test_the_report_as_csv_and_pdf_and_the_calendar_are_written_from_print_mode(
    demo_ws: Workspace, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    csv_out, pdf_out, ics_out = tmp_path / "r.csv", tmp_path / "r.pdf", tmp_path / "c.ics"
    day = TODAY.isoformat()

    async def steps(pilot):  # type: ignore[no-untyped-def]
        await write_export(pilot, "report-csv", csv_out, day)
        await write_export(pilot, "report-pdf", pdf_out, day)
        await write_export(pilot, "calendar", ics_out, day)

    drive(demo_ws.root, steps)
    assert main(["report", "--workspace", str(demo_ws.root), "--as-of", day, "--format", "csv"]) == 0
    assert csv_out.read_bytes().decode("utf-8") == capsys.readouterr().out
    text = "".join(page.extract_text() for page in PdfReader(pdf_out).pages)
    assert OVERDUE in " ".join(text.split())
    ics = ics_out.read_text(encoding="utf-8")
    assert ics.startswith("BEGIN:VCALENDAR") and "BEGIN:VEVENT" in ics
    assert "data-sharing policy" in ics.replace("\r\n ", "")


def test_an_export_is_not_made_until_the_day_is_a_date(demo_ws: Workspace) -> None:
    async def steps(pilot):  # type: ignore[no-untyped-def]
        await pilot.press("6")
        screen = pilot.app.screen
        screen.query_one("#kind-report-md").value = True
        screen.query_one("#p-as-of").value = "27 Nov"
        await until(pilot, lambda: "YYYY-MM-DD" in fit_text(pilot))
        assert screen.query_one("#p-path").value.startswith("print/report-")
        await pilot.press("ctrl+s")
        await pilot.pause()

    drive(demo_ws.root, steps)
    assert not (demo_ws.root / "print").exists() or not list((demo_ws.root / "print").glob("report-*"))


def test_two_sided_needs_both_languages_and_ice_off_in_settings_is_said(demo_ws: Workspace) -> None:
    demo_ws.save_settings(demo_ws.settings().evolve(ice=False))

    async def steps(pilot):  # type: ignore[no-untyped-def]
        await pilot.press("6")
        screen = pilot.app.screen
        path, sides = screen.query_one("#p-path"), screen.query_one("#p-sides")
        await until(pilot, lambda: "Fits on one page" in fit_text(pilot), timeout=30)
        assert not sides.disabled and screen.query_one("#p-ice").disabled
        assert "off in Settings" in shown(screen.query_one("#p-note"))
        sides.value = True
        await until(pilot, lambda: path.value.endswith("-handout-en-es-two-sided.pdf"))
        await until(pilot, lambda: "each side of one sheet" in fit_text(pilot), timeout=30)
        screen.query_one("#lang-en").value = True
        await until(pilot, lambda: sides.disabled and path.value.endswith("-handout-en.pdf"))
        await until(pilot, lambda: "Fits on one page" in fit_text(pilot), timeout=30)

    drive(demo_ws.root, steps)
