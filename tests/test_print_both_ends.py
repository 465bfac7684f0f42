"""The command line and the app print the same paper: for the same choices,
`meetingkit handout` / `handout --promises` / `testimony print` and the app's
Print mode write the same PDF, byte for byte (SOURCE_DATE_EPOCH makes
ReportLab's output invariant), and refuse the same handouts."""

from __future__ import annotations

import io
from collections.abc import Callable
from datetime import date
from pathlib import Path

import pytest
from pypdf import PdfReader
from test_tui_support import drive, notices, shown, until
from textual.screen import Screen

from toolkit.cli import main
from toolkit.model import AgendaEntry, Meeting, Settings
from toolkit.store import Workspace

BUNDLED_FONT = Path(__file__).resolve().parent.parent / "toolkit" / "printing" / "fonts" / "DejaVuSans.ttf"
HELD = "2025-07-30-commission"
ICE_LINE = "ICE's list as of 2025-07-18: Colbert County Sheriff's Office"
Choose = Callable[[Screen], None]


@pytest.fixture
def colbert(tmp_path: Path) -> Workspace:
    """An agency ICE's list names (the handout's 287(g) "why" carries ICE's line), in English and Spanish."""
    ws = Workspace(tmp_path / "colbert")
    ws.create(
        Settings(
            group="Shoals Neighbors",
            agency="Colbert County Sheriff's Office",
            jurisdiction="Colbert County",
            state="AL",
            body="Colbert County Commission",
            languages=["en", "es"],
            names={"es": {"agency": "la Oficina del Sheriff", "body": "la Comisión del Condado de Colbert"}},
        )
    )
    ws.save_meeting(
        Meeting(
            id=HELD,
            body="Colbert County Commission",
            date=date(2025, 7, 30),
            location="201 N Main St, Tuscumbia",
            language="en",
            agenda=[AgendaEntry(question="287g-participation"), AgendaEntry(question="data-sharing")],
        )
    )
    return ws


def text_of(pdf: bytes) -> list[str]:
    """Each page's words as a reader sees them."""
    return [" ".join(page.extract_text().split()) for page in PdfReader(io.BytesIO(pdf)).pages]


def cli_pdf(root: Path, out: Path, *args: str) -> bytes:
    assert main([*args, "-o", str(out), "--workspace", str(root)]) in (0, 1)
    return out.read_bytes()


def app_pdf(root: Path, meeting_id: str, out: Path, choose: Choose, as_of: date | None = None) -> bytes:
    """Print ``meeting_id`` from Print mode with the choices ``choose`` makes, to ``out``."""

    async def steps(pilot):  # type: ignore[no-untyped-def]
        pilot.app.open_meeting(meeting_id)
        await pilot.press("6")
        screen = pilot.app.screen
        screen.query_one("#p-path").value = str(out)  # first: the choices would rename the default file
        await pilot.pause()
        choose(screen)
        await pilot.pause()
        fit = screen.query_one("#p-fit")
        await until(pilot, lambda: "✓" in shown(fit), timeout=30)
        await pilot.press("ctrl+s")
        await until(pilot, lambda: any(str(out) in n for n in notices(pilot.app)), timeout=30)

    if as_of is None:
        drive(root, steps)
    else:
        drive(root, steps, as_of=as_of)
    return out.read_bytes()


def tick(screen: Screen, *ids: str, value: bool = True) -> None:
    for widget_id in ids:
        screen.query_one(f"#{widget_id}").value = value


def test_a_two_sided_handout_with_ices_line_is_the_same_from_both(colbert: Workspace, tmp_path: Path) -> None:
    cli = cli_pdf(colbert.root, tmp_path / "cli.pdf", "handout", HELD, "--lang", "en,es", "--sides", "2")
    app = app_pdf(
        colbert.root,
        HELD,
        tmp_path / "app.pdf",
        lambda screen: tick(screen, "lang-en-es", "p-sides"),
        as_of=date.today(),  # ICE's line says how old the list is: the command line counts from today
    )
    assert len(PdfReader(io.BytesIO(app)).pages) == 2, "one page per side"
    english, spanish = text_of(app)
    assert ICE_LINE in english and "Lista de ICE al 2025-07-18" in spanish
    assert "Preguntas para" not in english and "Questions for" not in spanish
    assert app == cli


def test_leaving_out_ices_line_and_parts_in_large_print_on_a4_is_the_same_from_both(
    colbert: Workspace, tmp_path: Path
) -> None:
    flags = ("--lang", "en", "--no-ice", "--no-ways", "--large-print", "--paper", "a4")
    cli = cli_pdf(colbert.root, tmp_path / "cli.pdf", "handout", HELD, *flags)

    def choose(screen: Screen) -> None:
        tick(screen, "lang-en", "paper-a4", "p-large")
        tick(screen, "p-ice", "p-ways", value=False)

    app = app_pdf(colbert.root, HELD, tmp_path / "app.pdf", choose)
    [page] = text_of(app)
    assert "ICE's list" not in page and "What you can do" not in page and "Why it matters" in page
    assert PdfReader(io.BytesIO(app)).pages[0].mediabox.width == pytest.approx(595.28, abs=0.1)
    assert app == cli


def test_the_promises_page_as_of_a_day_owed_only_is_the_same_from_both(
    demo_ws: Workspace, tmp_path: Path
) -> None:
    upcoming = demo_ws.meetings().records[-1].id
    flags = ("--promises", "--lang", "en", "--as-of", "2026-11-21", "--owed-only")
    cli = cli_pdf(demo_ws.root, tmp_path / "cli.pdf", "handout", upcoming, *flags)

    def choose(screen: Screen) -> None:
        tick(screen, "kind-promises", "lang-en", "p-owed")
        screen.query_one("#p-promises-as-of").value = "2026-11-21"

    app = app_pdf(demo_ws.root, upcoming, tmp_path / "app.pdf", choose)
    [page] = text_of(app)
    assert "As of November 21, 2026" in page
    assert "Kept or withdrawn" not in page
    assert app == cli


def test_the_written_copy_in_another_font_is_the_same_from_both(demo_ws: Workspace, tmp_path: Path) -> None:
    held = demo_ws.meetings().records[0].id
    flags = ("--speaker", "Maria Lopez", "--written", "--font", str(BUNDLED_FONT))
    cli = cli_pdf(demo_ws.root, tmp_path / "cli.pdf", "testimony", "print", held, *flags)

    def choose(screen: Screen) -> None:
        tick(screen, "kind-written")
        screen.query_one("#p-speaker").value = "Maria Lopez"
        screen.query_one("#p-font").value = str(BUNDLED_FONT)

    app = app_pdf(demo_ws.root, held, tmp_path / "app.pdf", choose)
    assert "Maria Lopez" in " ".join(text_of(app))
    assert b"DejaVuSans" in app
    assert app == cli


def test_a_question_tailored_in_one_language_is_refused_by_both(
    colbert: Workspace, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    meeting = colbert.meeting(HELD)
    tailored = AgendaEntry(question="data-sharing", text="Does the sheriff share jail data with ICE?")
    colbert.save_meeting(meeting.evolve(agenda=[meeting.agenda[0], tailored]))
    out = tmp_path / "never.pdf"
    assert main(["handout", HELD, "--lang", "en,es", "-o", str(out), "--workspace", str(colbert.root)]) == 1
    refusal = capsys.readouterr().err
    assert refusal.startswith("error: question 2 (data-sharing) is tailored in en only")

    async def steps(pilot):  # type: ignore[no-untyped-def]
        pilot.app.open_meeting(HELD)
        await pilot.press("6")
        screen = pilot.app.screen
        screen.query_one("#p-path").value = str(out)
        await pilot.pause()
        tick(screen, "lang-en-es")
        fit = screen.query_one("#p-fit")
        await until(pilot, lambda: "✗" in shown(fit), timeout=30)
        assert "tailored in en only" in shown(fit) and "Nothing will be written" in shown(fit)
        assert "choose one language" in shown(fit)
        await pilot.press("ctrl+s")
        await until(pilot, lambda: any("tailored in en only" in n for n in notices(pilot.app)), timeout=30)
        [said] = [n for n in notices(pilot.app) if "tailored in en only" in n]
        assert said in refusal

    drive(colbert.root, steps)
    assert not out.exists()
