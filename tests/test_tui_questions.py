"""Questions mode: browse, search, add to the agenda, tailor the wording."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from ice_sheets import write_sheet
from test_tui_support import drive, keys, notices, shown, until

from toolkit.ice import ICE_QUESTION
from toolkit.model import Settings
from toolkit.store import Workspace


def upcoming(ws: Workspace):  # type: ignore[no-untyped-def]
    return ws.meetings().records[-1]


def test_a_question_added_in_questions_mode_is_in_the_meeting_file(demo_ws: Workspace) -> None:
    meeting = upcoming(demo_ws)
    assert "data-sharing" not in [e.question for e in meeting.agenda]

    async def steps(pilot):  # type: ignore[no-untyped-def]
        await pilot.press("1", "slash")
        await keys(pilot, "sharing")
        await pilot.press("enter")
        screen = pilot.app.screen
        await until(pilot, lambda: screen.highlighted_id() == "data-sharing")
        await pilot.press("a")
        await pilot.pause()
        assert "On the agenda" in shown(screen.query_one("#q-body"))
        assert "question 3" in shown(screen.query_one("#q-body"))

    drive(demo_ws.root, steps)
    saved = demo_ws.meeting(meeting.id)
    assert [e.question for e in saved.agenda][-1] == "data-sharing"
    assert "question: data-sharing" in demo_ws.meeting_path(meeting.id).read_text()


def test_the_list_fills_in_the_agency_and_marks_agenda_questions(demo_ws: Workspace) -> None:
    async def steps(pilot):  # type: ignore[no-untyped-def]
        await pilot.press("1")
        listing = pilot.app.screen.query_one("#q-list")
        prompts = [str(o.prompt) for o in listing.options]
        assert any(p.startswith("●1 ") and "Alder County Sheriff's Office" in p for p in prompts)
        assert not any("{agency}" in p for p in prompts)
        headings = [str(o.prompt) for o in listing.options if o.disabled]
        assert "287(g) agreements" in headings

    drive(demo_ws.root, steps)


def test_taking_a_question_off_the_agenda(demo_ws: Workspace) -> None:
    meeting = upcoming(demo_ws)
    first = meeting.agenda[0].question

    async def steps(pilot):  # type: ignore[no-untyped-def]
        await pilot.press("1")
        await pilot.app.screen.run_action(f"show_question('{first}')")
        await pilot.press("a")
        await pilot.pause()

    drive(demo_ws.root, steps)
    assert first not in [e.question for e in demo_ws.meeting(meeting.id).agenda]


def test_tailoring_shows_a_live_preview_and_saves_the_wording(demo_ws: Workspace) -> None:
    meeting = upcoming(demo_ws)
    qid = meeting.agenda[0].question
    settings = demo_ws.settings()
    settings.state = ""
    demo_ws.save_settings(settings)

    async def steps(pilot):  # type: ignore[no-untyped-def]
        await pilot.press("1")
        await pilot.app.screen.run_action(f"show_question('{qid}')")
        await pilot.press("t")
        form = pilot.app.screen
        area = form.query_one("#tailor-text")
        area.text = "Will {agency} publish its warrant policy, as {state} law asks, by {when}?"
        await pilot.pause()
        preview = shown(form.query_one("#tailor-preview"))
        assert (
            preview
            == "Will the Alder County Sheriff's Office publish its warrant policy, as {state} law asks, by {when}?"
        )
        missing = shown(form.query_one("#tailor-missing"))
        assert "{state}" in missing and "{when}" not in missing, "only the four names are placeholders"
        area.text = "Will {agency} publish its warrant policy this month?"
        await pilot.press("ctrl+s")
        await pilot.pause()

    drive(demo_ws.root, steps)
    entry = demo_ws.meeting(meeting.id).agenda[0]
    assert entry.text == "Will {agency} publish its warrant policy this month?"


def test_a_search_with_no_match_says_so(demo_ws: Workspace) -> None:
    async def steps(pilot):  # type: ignore[no-untyped-def]
        await pilot.press("1", "slash")
        await keys(pilot, "zzzz")
        await pilot.pause()
        assert "No question matches" in shown(pilot.app.screen.query_one("#q-body"))
        await pilot.press("escape")
        await pilot.pause()
        assert pilot.app.screen.highlighted_id() is not None

    drive(demo_ws.root, steps)


def test_spanish_detail_and_topic_filter(demo_ws: Workspace) -> None:
    async def steps(pilot):  # type: ignore[no-untyped-def]
        await pilot.press("1", "l")
        await pilot.pause()
        screen = pilot.app.screen
        assert "la Oficina del Sheriff del Condado de Alder" in shown(screen.query_one("#q-body"))
        screen.query_one("#q-topic").value = "grants"
        await pilot.pause()
        ids = [o.id for o in screen.query_one("#q-list").options if o.id]
        assert ids and all(screen.session.bank.questions[i].topic == "grants" for i in ids)

    drive(demo_ws.root, steps)


def detail(pilot) -> str:  # type: ignore[no-untyped-def]
    return " ".join(shown(pilot.app.screen.query_one("#q-body")).split())


def test_the_287g_question_shows_what_ices_list_says_about_the_agency(tmp_path: Path) -> None:
    colbert = Workspace(tmp_path / "colbert")
    colbert.create(
        Settings(agency="Colbert County Sheriff's Office", jurisdiction="Colbert County", state="AL")
    )

    async def steps(pilot):  # type: ignore[no-untyped-def]
        await pilot.press("1")
        await pilot.app.screen.run_action(f"show_question('{ICE_QUESTION}')")
        await until(pilot, lambda: "ICE's list as of" in detail(pilot))
        line = detail(pilot)
        assert (
            "ICE's list as of 2025-07-18: Colbert County Sheriff's Office, Alabama: Jail Enforcement Model"
            in line
        )
        assert "days old" in line, "a list older than 90 days says so"
        await pilot.app.screen.run_action("show_question('data-sharing')")
        assert "ICE's list" not in detail(pilot)

    drive(colbert.root, steps)


def test_a_sheet_imported_from_a_typed_path_is_saved_and_shown(ws: Workspace, tmp_path: Path) -> None:
    row = ["TEXAS", "Example County Sheriff's Office", "County", "Example County", "Task Force Model"]
    sheet = write_sheet(
        tmp_path / "participatingAgencies11012026am.xlsx", [[*row, date(2026, 10, 30), "link", ""]]
    )
    bad = tmp_path / "notes.xlsx"
    bad.write_text("not a spreadsheet")

    async def steps(pilot):  # type: ignore[no-untyped-def]
        await pilot.press("1")
        screen = pilot.app.screen
        await screen.run_action(f"show_question('{ICE_QUESTION}')")
        await pilot.pause(0.3)
        assert "ICE's list" not in detail(pilot), "the agency is not on the shipped list"
        await pilot.press("i")
        pilot.app.screen.query_one("#ice-path").value = str(bad)
        await pilot.press("enter")
        await until(pilot, lambda: any(n.title == "Not imported" for n in pilot.app._notifications))
        assert list(ws.root.glob("data/**/*.yaml")) == [], "a refused file writes nothing"
        await pilot.press("i")
        pilot.app.screen.query_one("#ice-path").value = str(sheet)
        await pilot.press("enter")
        await until(pilot, lambda: "ICE's list as of 2026-11-01" in detail(pilot))
        assert "Example County Sheriff's Office, Texas: Task Force Model (signed 2026-10-30)" in detail(pilot)
        assert any(
            "Imported: ICE's participating sheet of 2026-11-01 (1 rows)" in n for n in notices(pilot.app)
        )

    drive(ws.root, steps)
    [saved] = (ws.root / "data").rglob("*.yaml")
    assert "2026-11-01" in saved.name
