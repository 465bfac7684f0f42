"""Print mode and the speaker copy: it says whether the page fits before
writing, writes in a worker, and names the file when done."""

from __future__ import annotations

from pathlib import Path

from pypdf import PdfReader
from test_tui_support import drive, notices, open_testimony, shown, until

from toolkit.store import Workspace


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
