"""Answers mode: log each question fast and the promises made, into the YAML."""

from __future__ import annotations

from datetime import date

from test_tui_support import drive, keys, notices, saved, shown, until

from toolkit.store import Workspace
from toolkit.tui.screens.answers import AnswersScreen


def test_an_answer_and_a_promise_logged_in_answers_mode_are_in_the_yaml(demo_ws: Workspace) -> None:
    upcoming = demo_ws.meetings().records[-1]
    qid = upcoming.agenda[0].question

    async def steps(pilot):  # type: ignore[no-untyped-def]
        await pilot.press("4")
        screen = pilot.app.screen
        assert isinstance(screen, AnswersScreen)
        await until(pilot, lambda: screen.question_id == qid)
        await pilot.press("p")
        assert pilot.app.focused.id == "a-official"
        await keys(pilot, "Sh")
        await pilot.press("right", "tab")
        assert screen.query_one("#a-official").value == "Sheriff Dana Whitfield", "known officials complete"
        await keys(pilot, "We follow the law.")
        screen.query_one("#a-source").value = "video 0:42:10"
        await pilot.press("ctrl+n")
        form = pilot.app.screen
        form.query_one("#pf-what").value = "Publish the warrant policy"
        form.query_one("#pf-due").value = "2026-12-31"
        await pilot.press("ctrl+s")
        await until(pilot, lambda: pilot.app.screen is screen)
        assert "Publish the warrant policy" in shown(screen.query_one("#a-promises"))
        table = screen.query_one("#a-agenda")
        assert str(table.get_cell(qid, "answer")) == "partial"
        assert str(table.get_cell(qid, "promises")) == "1"

    drive(demo_ws.root, steps)
    answer = demo_ws.answer(upcoming.id, qid)
    assert answer is not None
    assert (answer.status, answer.official, answer.said, answer.source) == (
        "partial",
        "Sheriff Dana Whitfield",
        "We follow the law.",
        "video 0:42:10",
    )
    [promise] = answer.promises
    assert (promise.what, promise.official, promise.due, promise.status) == (
        "Publish the warrant policy",
        "Sheriff Dana Whitfield",
        date(2026, 12, 31),
        "open",
    )
    assert promise.id == f"{upcoming.id}--{qid}--1"
    text = demo_ws.answer_path(upcoming.id, qid).read_text()
    assert "status: partial" in text and "what: Publish the warrant policy" in text


def test_save_moves_to_the_next_question_and_a_status_is_required(demo_ws: Workspace) -> None:
    upcoming = demo_ws.meetings().records[-1]
    first, second = (e.question for e in upcoming.agenda[:2])

    async def steps(pilot):  # type: ignore[no-untyped-def]
        await pilot.press("4")
        screen = pilot.app.screen
        await until(pilot, lambda: screen.question_id == first)
        screen.query_one("#a-said").text = "Nothing."
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert screen.question_id == first, "without a status nothing is saved or skipped"
        await pilot.press("escape", "n")
        await pilot.press("ctrl+s")
        await until(pilot, lambda: screen.question_id == second)
        assert screen.unsaved() == []

    drive(demo_ws.root, steps)
    answer = demo_ws.answer(upcoming.id, first)
    assert answer is not None and (answer.status, answer.said) == ("not-asked", "Nothing.")
    assert demo_ws.answer(upcoming.id, second) is None


def test_the_logged_answers_of_a_held_meeting_are_shown(demo_ws: Workspace) -> None:
    held = demo_ws.meetings().records[0]

    async def steps(pilot):  # type: ignore[no-untyped-def]
        pilot.app.open_meeting(held.id)
        await pilot.press("4")
        screen = pilot.app.screen
        await until(pilot, lambda: screen.question_id == "287g-participation")
        assert screen.query_one("#a-official").value == "Sheriff Dana Whitfield"
        assert "kept" in shown(screen.query_one("#a-promises"))
        statuses = [str(screen.query_one("#a-agenda").get_cell_at((i, 1))) for i in range(4)]
        assert statuses == ["partial", "deflected", "partial", "declined"]

    drive(demo_ws.root, steps)


def test_a_promise_added_on_the_command_line_meanwhile_is_merged_with_the_apps_save(
    demo_ws: Workspace, cli
) -> None:  # type: ignore[no-untyped-def]
    held = demo_ws.meetings().records[0]
    qid = "287g-participation"
    before = demo_ws.answer(held.id, qid)
    assert before is not None and before.status == "partial"

    async def steps(pilot):  # type: ignore[no-untyped-def]
        pilot.app.open_meeting(held.id)
        await pilot.press("4")
        screen = pilot.app.screen
        await until(pilot, lambda: screen.question_id == qid)
        added = cli(
            "promise", "add", held.id, qid, "--what", "Send the 287(g) agreement", "--due", "2027-01-15",
            workspace=demo_ws.root,
        )  # fmt: skip
        assert added.code == 0, added.err
        await pilot.press("a", "ctrl+s")
        await until(pilot, lambda: screen.question_id != qid)
        await saved(pilot)
        assert any("both saved" in n for n in notices(pilot.app))
        assert str(screen.query_one("#a-agenda").get_cell(qid, "promises")) == str(len(before.promises) + 1)

    drive(demo_ws.root, steps)
    after = demo_ws.answer(held.id, qid)
    assert after is not None
    assert after.status == "answered" and after.official == before.official
    assert [p.what for p in after.promises] == [
        *(p.what for p in before.promises),
        "Send the 287(g) agreement",
    ]
    text = demo_ws.answer_path(held.id, qid).read_text()
    assert "status: answered" in text and "what: Send the 287(g) agreement" in text


def test_the_same_field_changed_on_the_command_line_meanwhile_offers_reload(demo_ws: Workspace, cli) -> None:  # type: ignore[no-untyped-def]
    held = demo_ws.meetings().records[0]
    qid = "287g-participation"

    async def steps(pilot):  # type: ignore[no-untyped-def]
        pilot.app.open_meeting(held.id)
        await pilot.press("4")
        screen = pilot.app.screen
        await until(pilot, lambda: screen.question_id == qid)
        changed = cli("answer", held.id, qid, "--status", "declined", workspace=demo_ws.root)
        assert changed.code == 0, changed.err
        await pilot.press("a", "ctrl+s")
        await until(pilot, lambda: type(pilot.app.screen).__name__ == "Choice")
        dialog = pilot.app.screen
        assert "Changed on disk" in shown(dialog.query_one(".dialog-title"))
        assert "status" in shown(dialog.query_one(".dialog-message"))
        await pilot.press("r")
        await until(pilot, lambda: pilot.app.screen is not dialog and type(pilot.app.screen) is type(dialog))
        assert "Restore the autosaved draft" in shown(pilot.app.screen.query_one(".dialog-title"))
        await pilot.press("d")
        await until(pilot, lambda: pilot.app.screen is screen)
        assert screen.query_one("#a-status").value == "declined"

    drive(demo_ws.root, steps)
    answer = demo_ws.answer(held.id, qid)
    assert answer is not None and answer.status == "declined"
