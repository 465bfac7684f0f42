"""Promises mode: overdue as of a date (tracker code), filters, status updates."""

from __future__ import annotations

from datetime import date, timedelta

from conftest import TODAY
from test_tui_support import drive, shown, until

from toolkit.store import Workspace
from toolkit.tui.screens.promises import PromisesScreen
from toolkit.tui.widgets.row_list import RowList

OVERDUE = "Provide the written data-sharing policy"


def rows(screen: PromisesScreen) -> list[list[str]]:
    table = screen.query_one("#pr-table", RowList)
    return [[str(cell) for cell in table.cells_at(i)] for i in range(table.row_count)]


def test_an_overdue_promise_is_marked_as_of_a_fixed_date(demo_ws: Workspace) -> None:
    async def steps(pilot):  # type: ignore[no-untyped-def]
        await pilot.press("5")
        screen = pilot.app.screen
        await until(pilot, lambda: bool(screen.rows))
        first = rows(screen)[0]
        assert first[4] == OVERDUE and first[1] == "7 days" and first[2] == "open"
        late = screen.query_one("#pr-table", RowList).cells_at(0)[1]
        assert "red" in str(late.style)
        assert "As of 2026-11-27" in shown(screen.query_one("#pr-summary"))
        await pilot.press("v")
        await pilot.pause()
        assert [r[4] for r in rows(screen)] == [OVERDUE]
        await pilot.press("a")
        await pilot.pause()
        assert len(rows(screen)) == 3
        await pilot.press("o")
        await pilot.pause()
        assert all(r[2] == "open" for r in rows(screen)) and len(rows(screen)) == 2

    drive(demo_ws.root, steps, as_of=TODAY)


def test_nothing_is_overdue_the_day_before_it_is_due(demo_ws: Workspace) -> None:
    async def steps(pilot):  # type: ignore[no-untyped-def]
        await pilot.press("5", "v")
        await pilot.pause()
        screen = pilot.app.screen
        assert rows(screen) == []
        assert "0 overdue" in shown(screen.query_one("#pr-summary"))

    drive(demo_ws.root, steps, as_of=TODAY - timedelta(days=8))


def test_updating_a_status_keeps_a_dated_history(demo_ws: Workspace) -> None:
    async def steps(pilot):  # type: ignore[no-untyped-def]
        await pilot.press("5")
        screen = pilot.app.screen
        await until(pilot, lambda: bool(screen.rows))
        await pilot.press("u")
        form = pilot.app.screen
        form.query_one("#pu-status").value = "kept"
        form.query_one("#pu-note").value = "Policy posted online"
        form.query_one("#pu-evidence").value = "https://example.org/policy.pdf"
        await pilot.press("ctrl+s")
        await until(pilot, lambda: pilot.app.screen is screen)
        assert OVERDUE not in [r[4] for r in rows(screen)], "no longer open"
        await pilot.press("a")
        await pilot.pause()
        index = [r[4] for r in rows(screen)].index(OVERDUE)
        assert rows(screen)[index][2] == "kept" and rows(screen)[index][1] == ""
        screen.query_one("#pr-table", RowList).cursor = index
        await pilot.pause()
        history = shown(screen.query_one("#pr-history"))
        assert "2026-11-27  kept — Policy posted online (evidence: https://example.org/policy.pdf)" in history

    drive(demo_ws.root, steps)
    held = demo_ws.meetings().records[0]
    answer = demo_ws.answer(held.id, "data-sharing")
    assert answer is not None
    [promise] = answer.promises
    assert promise.status == "kept"
    assert [(c.on, c.status) for c in promise.history][-1] == (date(2026, 11, 27), "kept")
    assert promise.history[-1].evidence == "https://example.org/policy.pdf"
    assert len(promise.history) == 2


def test_a_click_or_the_arrow_keys_pick_a_promise_and_show_its_history(demo_ws: Workspace) -> None:
    async def steps(pilot):  # type: ignore[no-untyped-def]
        await pilot.press("5", "a")
        screen = pilot.app.screen
        table = screen.query_one("#pr-table", RowList)
        await until(pilot, lambda: len(screen.rows) == 3)
        await pilot.click("#pr-table", offset=(3, 3))  # the header is line 0
        await pilot.pause()
        assert table.cursor == 2
        history = screen.query_one("#pr-history")
        assert screen.rows[2].promise.what in shown(history)
        await pilot.press("up")
        assert table.cursor == 1 and screen.rows[1].promise.what in shown(history)
        await pilot.press("o")
        await pilot.pause()
        assert screen.selected() is not None and screen.selected().status == "open"

    drive(demo_ws.root, steps, as_of=TODAY)


def test_the_as_of_day_is_typed_and_overdue_follows_it(demo_ws: Workspace) -> None:
    async def steps(pilot):  # type: ignore[no-untyped-def]
        await pilot.press("5")
        screen = pilot.app.screen
        await until(pilot, lambda: bool(screen.rows))
        assert rows(screen)[0][1] == "7 days"
        await pilot.press("d")
        form = pilot.app.screen
        form.query_one("#one-value").value = "2026-11-19"
        await pilot.press("enter")
        await until(pilot, lambda: pilot.app.screen is screen)
        assert "As of 2026-11-19" in shown(screen.query_one("#pr-summary"))
        await pilot.press("v")
        await pilot.pause()
        assert rows(screen) == [], "the day before it was due, nothing is overdue"
        await pilot.press("d")
        pilot.app.screen.query_one("#one-value").value = "2026-12-01"
        await pilot.press("enter")
        await until(pilot, lambda: pilot.app.screen is screen)
        assert [r[1] for r in rows(screen)] == ["11 days"]

    drive(demo_ws.root, steps, as_of=TODAY)


def test_a_promise_made_by_mistake_is_deleted_after_a_question_naming_it(demo_ws: Workspace) -> None:
    held = demo_ws.meetings().records[0]

    async def steps(pilot):  # type: ignore[no-untyped-def]
        await pilot.press("5")
        screen = pilot.app.screen
        await until(pilot, lambda: bool(screen.rows))
        assert rows(screen)[0][4] == OVERDUE
        await pilot.press("delete")
        message = str(pilot.app.screen.query_one(".dialog-message").render())
        assert OVERDUE in message and "answers/" in message
        await pilot.press("n")
        await pilot.pause()
        assert rows(screen)[0][4] == OVERDUE, "kept when the answer is no"
        await pilot.press("delete", "y")
        await until(pilot, lambda: OVERDUE not in [r[4] for r in rows(screen)])

    drive(demo_ws.root, steps, as_of=TODAY)
    answer = demo_ws.answer(held.id, "data-sharing")
    assert answer is not None and answer.promises == []
