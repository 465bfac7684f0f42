"""Questions mode: browse, search, add to the agenda, tailor the wording."""

from __future__ import annotations

from test_tui_support import drive, keys, shown, until

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
