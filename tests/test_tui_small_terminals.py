"""Small terminals and keyboard traps (issue 11, section 3): what a user at
80x24 or 120x36 sees and where their keys land."""

from __future__ import annotations

import asyncio
from datetime import date
from pathlib import Path

from conftest import TODAY
from test_tui_support import drive, keys, open_testimony, screen_text, shown, until
from textual._xterm_parser import XTermParser
from textual.message import Message

from toolkit.model import AgendaEntry, Meeting
from toolkit.store import Workspace
from toolkit.tui.app import MeetingkitApp
from toolkit.tui.commands import ActionsProvider
from toolkit.tui.screens.answers import AnswersScreen
from toolkit.tui.screens.base import ModeScreen
from toolkit.tui.screens.welcome import WelcomeScreen
from toolkit.tui.widgets.stopwatch import Stopwatch

SMALL = (80, 24)
DEMO_WORDS = ("Alder", "Whitfield", "Maria Lopez", "Riverside", "Courthouse", "287(g)")


def held_id(ws: Workspace) -> str:
    return ws.meetings().records[0].id


# --- forms scroll to the focused field -------------------------------------------


def test_settings_form_at_80x24_shows_the_field_being_typed_in_and_its_buttons(demo_ws: Workspace) -> None:
    async def steps(pilot):  # type: ignore[no-untyped-def]
        pilot.app.action_settings()
        await until(pilot, lambda: type(pilot.app.screen).__name__ == "SettingsForm")
        await pilot.press(*["tab"] * 8)
        assert pilot.app.focused.id == "set-wpm"
        await pilot.press("end", "backspace", "backspace", "backspace")
        await keys(pilot, "142")
        await pilot.pause()
        text = screen_text(pilot.app)
        assert "Speaking rate" in text and "142" in text, "the field typed into is on screen"
        assert "Save (ctrl+s)" in text and "Close (esc)" in text
        await pilot.press("ctrl+s")
        await until(pilot, lambda: isinstance(pilot.app.screen, ModeScreen))

    drive(demo_ws.root, steps, size=SMALL)
    assert demo_ws.settings().wpm == 142


def test_new_meeting_form_at_80x24_scrolls_down_to_the_notes(ws: Workspace) -> None:
    async def steps(pilot):  # type: ignore[no-untyped-def]
        await pilot.press("n")
        await until(pilot, lambda: type(pilot.app.screen).__name__ == "MeetingForm")
        pilot.app.screen.query_one("#mf-body").value = "Example Council"
        await pilot.press(*["tab"] * 8)
        assert pilot.app.focused.id == "mf-notes"
        await keys(pilot, "bring flyers")
        await pilot.pause()
        text = screen_text(pilot.app)
        assert "Private notes" in text and "bring flyers" in text
        assert "Save (ctrl+s)" in text
        await pilot.press("ctrl+s")
        await until(pilot, lambda: isinstance(pilot.app.screen, ModeScreen))

    drive(ws.root, steps, size=SMALL)
    [meeting] = ws.meetings().records
    assert meeting.notes == "bring flyers"


# --- mode keys never typed into an editor ----------------------------------------


def test_number_keys_pressed_on_entering_testimony_switch_modes_and_type_nothing(demo_ws: Workspace) -> None:
    async def steps(pilot):  # type: ignore[no-untyped-def]
        screen = await open_testimony(pilot, held_id(demo_ws))
        before = screen.query_one("#t-editor").text
        assert pilot.app.focused.id == "t-speakers"
        await pilot.press("4")
        assert isinstance(pilot.app.screen, AnswersScreen)
        await pilot.press("3", "5", "3")
        assert pilot.app.screen is screen
        assert screen.query_one("#t-editor").text == before
        assert screen.unsaved() == []

    drive(demo_ws.root, steps)


def test_escape_and_a_digit_read_as_alt_digit_leave_the_editor_for_that_mode(demo_ws: Workspace) -> None:
    async def steps(pilot):  # type: ignore[no-untyped-def]
        screen = await open_testimony(pilot, held_id(demo_ws))
        await pilot.press("enter")
        assert pilot.app.focused.id == "t-editor"
        before = screen.query_one("#t-editor").text
        for event in from_terminal("\x1b4"):  # escape and 4 typed quickly
            pilot.app.post_message(event)
        await pilot.pause()
        assert isinstance(pilot.app.screen, AnswersScreen)
        await pilot.press("3")
        assert pilot.app.screen is screen
        assert pilot.app.focused.id != "t-editor", "back in the mode, the next key is not typed"
        assert screen.query_one("#t-editor").text == before

    drive(demo_ws.root, steps)


def from_terminal(data: str) -> list[Message]:
    """What Textual's terminal parser makes of ``data``, as the app receives it."""
    parser = XTermParser()
    return [*parser.feed(data), *parser.feed("")]


def test_the_terminal_parser_reads_escape_and_a_digit_as_alt_digit_not_as_a_symbol(
    demo_ws: Workspace,
) -> None:
    MeetingkitApp(demo_ws.root)
    assert [event.key for event in from_terminal("\x1b4")] == ["alt+4"]  # Textual alone: "¢"
    assert [event.key for event in from_terminal("¡")] == ["inverted_exclamation_mark"], "¡Hola! stays typed"


def test_a_text_field_left_for_another_mode_is_not_typed_into_on_return(demo_ws: Workspace) -> None:
    async def steps(pilot):  # type: ignore[no-untyped-def]
        pilot.app.open_meeting(held_id(demo_ws))
        await pilot.press("4")
        screen = pilot.app.screen
        await until(pilot, lambda: screen.question_id is not None)
        screen.query_one("#a-official").focus()
        official = screen.query_one("#a-official").value
        await pilot.app.run_action("mode('promises')")  # as a click on its tab: the field keeps the focus
        await pilot.press("4", "5", "4")
        assert pilot.app.screen is screen
        assert screen.query_one("#a-official").value == official

    drive(demo_ws.root, steps)


def test_the_editor_says_unsaved_as_soon_as_a_key_is_typed_and_saved_once_undone(demo_ws: Workspace) -> None:
    async def steps(pilot):  # type: ignore[no-untyped-def]
        screen = await open_testimony(pilot, held_id(demo_ws))
        await pilot.press("enter", "x")
        assert "unsaved" in shown(screen.query_one("#t-file"))
        assert str(screen.query_one("#t-speakers").get_option_at_index(0).prompt).startswith("●")
        await pilot.press("ctrl+z")
        assert "unsaved" not in shown(screen.query_one("#t-file"))

    drive(demo_ws.root, steps)


# --- the speaker planner -----------------------------------------------------------


def test_the_planner_opens_in_its_names_field_which_looks_like_one(demo_ws: Workspace) -> None:
    async def steps(pilot):  # type: ignore[no-untyped-def]
        pilot.app.open_meeting(held_id(demo_ws))
        await pilot.press("p")
        await until(pilot, lambda: type(pilot.app.screen).__name__ == "PlannerScreen")
        planner = pilot.app.screen
        field = planner.query_one("#pl-speakers")
        assert pilot.app.focused is field
        assert not field.compact, "a bordered field, not a line of text"
        assert "(enter splits again)" in screen_text(pilot.app), "the label is not cut at 80 columns"
        field.value = ""
        await keys(pilot, "3")
        await pilot.press("enter")
        assert planner.speakers == ["Speaker 1", "Speaker 2", "Speaker 3"]

    drive(demo_ws.root, steps, size=SMALL)


# --- placeholders ------------------------------------------------------------------


def test_no_example_workspace_names_in_the_placeholders_of_another_workspace(ws: Workspace) -> None:
    ws.save_meeting(
        Meeting(
            id="2026-12-01-example-council",
            body="Example Council",
            date=date(2026, 12, 1),
            agenda=[AgendaEntry(question="data-sharing")],
        )
    )
    seen: list[str] = []

    def collect(screen) -> None:  # type: ignore[no-untyped-def]
        seen.extend(widget.placeholder for widget in screen.query("Input"))

    async def opened(pilot, name: str) -> None:  # type: ignore[no-untyped-def]
        await until(
            pilot, lambda: type(pilot.app.screen).__name__ == name and bool(pilot.app.screen.query("Input"))
        )

    async def close(pilot):  # type: ignore[no-untyped-def]
        await pilot.press("escape")
        await until(pilot, lambda: isinstance(pilot.app.screen, ModeScreen))

    async def steps(pilot):  # type: ignore[no-untyped-def]
        pilot.app.action_settings()
        await opened(pilot, "SettingsForm")
        collect(pilot.app.screen)
        await close(pilot)
        await pilot.press("n")
        await opened(pilot, "MeetingForm")
        collect(pilot.app.screen)
        await close(pilot)
        await pilot.press("3")
        await pilot.press("ctrl+n")
        await opened(pilot, "SpeakerForm")
        collect(pilot.app.screen)
        await close(pilot)
        await pilot.press("4")
        screen = pilot.app.screen
        await until(pilot, lambda: screen.question_id is not None)
        collect(screen)
        await pilot.press("a", "ctrl+n")
        await opened(pilot, "PromiseForm")
        collect(pilot.app.screen)

    drive(ws.root, steps)
    assert len(seen) >= 20
    assert [p for p in seen if any(word in p for word in DEMO_WORDS)] == []


def test_who_answered_suggests_an_official_of_this_workspace(demo_ws: Workspace) -> None:
    async def steps(pilot):  # type: ignore[no-untyped-def]
        await pilot.press("4")
        screen = pilot.app.screen
        await until(pilot, lambda: screen.question_id is not None)
        official = demo_ws.settings().officials[0]
        assert f"{official.title} {official.name}" in screen.query_one("#a-official").placeholder

    drive(demo_ws.root, steps)


# --- state shown without colour ----------------------------------------------------


def test_print_mode_marks_the_chosen_options_not_only_by_colour(demo_ws: Workspace) -> None:
    async def steps(pilot):  # type: ignore[no-untyped-def]
        await pilot.press("6")
        screen = pilot.app.screen
        await pilot.pause()
        kinds = [str(b.render()) for b in screen.query("#p-kind RadioButton")]
        assert sum("●" in k for k in kinds) == 1 and "●" in kinds[0]
        assert "✓" not in str(screen.query_one("#p-large").render())
        assert "✓" in str(screen.query_one("#p-why").render())
        screen.query_one("#p-large").toggle()
        await pilot.pause()
        assert "✓" in str(screen.query_one("#p-large").render())

    drive(demo_ws.root, steps)


def test_the_stopwatch_says_how_far_over_in_words(demo_ws: Workspace) -> None:
    async def steps(pilot):  # type: ignore[no-untyped-def]
        screen = await open_testimony(pilot, held_id(demo_ws))
        watch = screen.query_one(Stopwatch)
        watch.set_limit(120)
        watch.elapsed = 129
        watch.redraw()
        assert "over by 0:09" in shown(watch.query_one("#sw-time"))
        watch.elapsed = 100
        watch.redraw()
        assert "over" not in shown(watch.query_one("#sw-time"))

    drive(demo_ws.root, steps)


# --- nothing cut ----------------------------------------------------------------------


def test_meeting_lists_are_not_cut_at_120_columns(demo_ws: Workspace) -> None:
    async def steps(pilot):  # type: ignore[no-untyped-def]
        listing = pilot.app.screen.query_one("#m-list")
        assert listing.virtual_size.width <= listing.size.width, "every column fits"
        assert "Board of" in shown(pilot.app.screen.query_one("#m-list-title"))

    drive(demo_ws.root, steps, size=(120, 36))


def test_answers_and_speakers_are_readable_at_80_columns(demo_ws: Workspace) -> None:
    async def steps(pilot):  # type: ignore[no-untyped-def]
        pilot.app.open_meeting(held_id(demo_ws))
        await pilot.pause()
        agenda = "\n".join(line.split("▕")[-1] for line in screen_text(pilot.app).splitlines())
        assert "Maria Lopez" in agenda, "the speaker column is not cut"
        await pilot.press("4")
        screen = pilot.app.screen
        await until(pilot, lambda: screen.question_id is not None)
        left = "\n".join(line.split("▕")[0] for line in screen_text(pilot.app).splitlines())
        assert "deflected" in left and "declined" in left and "partial" in left

    drive(demo_ws.root, steps, size=SMALL)


def test_print_verdict_has_room_at_80_columns(demo_ws: Workspace) -> None:
    async def steps(pilot):  # type: ignore[no-untyped-def]
        await pilot.press("6")
        screen = pilot.app.screen
        await until(pilot, lambda: "Fits" in shown(screen.query_one("#p-fit")))
        assert screen.query_one("#p-status").size.width >= 36
        assert "Fits on one page" in screen_text(pilot.app)

    drive(demo_ws.root, steps, size=SMALL)


def test_the_welcome_text_wraps_at_the_screen_not_at_the_source(tmp_path: Path) -> None:
    async def main() -> None:
        app = MeetingkitApp(tmp_path / "new", as_of=TODAY)
        async with app.run_test(size=SMALL) as pilot:
            await until(
                pilot,
                lambda: isinstance(app.screen, WelcomeScreen) and bool(app.screen.query("#welcome-intro")),
            )
            intro = shown(app.screen.query_one("#welcome-intro"))
            assert "cooperation with ICE on the public record" in intro

    asyncio.run(main())


# --- help and the palette -------------------------------------------------------------


def test_help_shows_no_markdown_and_rewraps(demo_ws: Workspace) -> None:
    texts: list[str] = []

    async def steps(pilot):  # type: ignore[no-untyped-def]
        for key in "123456":
            await pilot.press(key, "f1")
            await pilot.pause()
            texts.append(shown(pilot.app.screen.query_one("#help-text")))
            await pilot.press("escape")

    drive(demo_ws.root, steps, size=SMALL)
    assert all("**" not in text for text in texts)
    assert "Choose what to print on the left" in texts[5], "a paragraph is one line, wrapped by the screen"


def hits(demo_ws: Workspace, query: str) -> list[str]:
    found: list[str] = []

    async def steps(pilot):  # type: ignore[no-untyped-def]
        async for hit in ActionsProvider(pilot.app.screen).search(query):
            found.append(str(hit.text))

    drive(demo_ws.root, steps)
    return found


def test_the_palette_fills_placeholders_and_matches_questions_by_their_words(demo_ws: Workspace) -> None:
    assert [h for h in hits(demo_ws, "settings") if h.startswith("Question")] == []
    questions = [h for h in hits(demo_ws, "sheriff") if h.startswith("Question")]
    assert questions and all("{" not in h for h in questions)
    assert any("Sheriff's Office" in h for h in questions)


# --- a broken answer file -------------------------------------------------------------


def _break_an_answer(ws: Workspace) -> Path:
    held = ws.meetings().records[0]
    path = ws.answer_path(held.id, held.agenda[2].question)
    path.write_text("status: [oops\n")
    return path


def test_a_broken_answer_file_is_shown_as_broken_and_where(demo_ws: Workspace) -> None:
    held = demo_ws.meetings().records[0]
    qid = held.agenda[2].question
    path = _break_an_answer(demo_ws)

    async def steps(pilot):  # type: ignore[no-untyped-def]
        pilot.app.open_meeting(held.id)
        await pilot.press("4")
        screen = pilot.app.screen
        await until(pilot, lambda: screen.question_id is not None)
        table = screen.query_one("#a-agenda")
        assert "broken" in str(table.get_cell(qid, "answer"))
        await pilot.press("down", "down")
        await until(pilot, lambda: screen.question_id == qid)
        heading = shown(screen.query_one("#a-question"))
        assert "cannot be read" in heading and demo_ws.relative(path) in heading
        assert screen.query_one("#a-official").disabled
        await pilot.press("a")  # no answer can be logged over it

    drive(demo_ws.root, steps)
    assert path.read_text() == "status: [oops\n"


def test_the_problems_badge_leaves_every_mode_tab_in_view_at_80_columns(demo_ws: Workspace) -> None:
    _break_an_answer(demo_ws)

    async def steps(pilot):  # type: ignore[no-untyped-def]
        tabs = screen_text(pilot.app).splitlines()[1]
        assert tabs.startswith(" 1 Questions") and "6 Print" in tabs and "⚠ 1" in tabs

    drive(demo_ws.root, steps, size=SMALL)


def test_promises_show_the_official_whole_at_120_columns(demo_ws: Workspace) -> None:
    async def steps(pilot):  # type: ignore[no-untyped-def]
        await pilot.press("5", "a")
        await pilot.pause()
        table = "\n".join(screen_text(pilot.app).splitlines()[6:12])
        assert "County Attorney Priya Raman" in table

    drive(demo_ws.root, steps, size=(120, 36))
