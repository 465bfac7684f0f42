"""Requests mode: the records requests with their due dates, overdue said in
words, and a status update with a dated note saved to the request's file."""

from __future__ import annotations

from datetime import date

import pytest
import test_requests_cli
from test_requests_cli import draft, file_it
from test_tui_support import drive, notices, shown, until

from toolkit.request_store import RequestStore
from toolkit.store import Workspace
from toolkit.tui.screens.requests import RequestsScreen
from toolkit.tui.widgets.row_list import RowList

tx = test_requests_cli.tx
"""The command line's Texas workspace: one meeting with a deflected answer, and the test laws."""


def rows(screen: RequestsScreen) -> list[list[str]]:
    table = screen.query_one("#rq-table", RowList)
    return [[str(cell) for cell in table.cells_at(i)] for i in range(table.row_count)]


def test_an_overdue_request_says_so_in_words_and_an_update_is_saved_with_its_note(
    tx: Workspace,
    capsys: pytest.CaptureFixture[str],
) -> None:
    rid, _ = draft(tx, capsys)
    file_it(tx, rid, capsys)

    async def steps(pilot):  # type: ignore[no-untyped-def]
        await pilot.press("7")
        screen = pilot.app.screen
        await until(pilot, lambda: bool(screen.rows))
        [row] = rows(screen)
        assert row[1] == "OVERDUE 7 business days" and row[2] == "filed"
        assert "1 request, 1 overdue" in shown(screen.query_one("#rq-summary"))
        assert "2027-01-14  filed" in shown(screen.query_one("#rq-history"))
        await pilot.press("u")
        form = pilot.app.screen
        form.query_one("#ru-status").value = "acknowledged"
        form.query_one("#ru-on").value = "2027-02-09"
        form.query_one("#ru-note").value = "Clerk replied by email"
        await pilot.press("ctrl+s")
        await until(pilot, lambda: any("acknowledged on 2027-02-09" in n for n in notices(pilot.app)))
        await until(pilot, lambda: "Clerk replied by email" in shown(screen.query_one("#rq-history")))
        assert rows(screen)[0][2] == "acknowledged"

    drive(tx.root, steps, as_of=date(2027, 2, 10))
    saved = RequestStore(tx).read(rid)
    assert (saved.history[-1].status, saved.history[-1].on, saved.history[-1].note) == (
        "acknowledged",
        date(2027, 2, 9),
        "Clerk replied by email",
    )


def test_a_refused_change_is_said_and_nothing_is_written(
    tx: Workspace, capsys: pytest.CaptureFixture[str]
) -> None:
    rid, _ = draft(tx, capsys)
    file_it(tx, rid, capsys)
    before = RequestStore(tx).path(rid).read_bytes()

    async def steps(pilot):  # type: ignore[no-untyped-def]
        await pilot.press("7")
        screen = pilot.app.screen
        await until(pilot, lambda: bool(screen.rows))
        await pilot.press("u")
        form = pilot.app.screen
        form.query_one("#ru-status").value = "fulfilled"
        form.query_one("#ru-on").value = "2027-01-01"
        await pilot.press("ctrl+s")
        await until(pilot, lambda: any(n.title == "Not done" for n in pilot.app._notifications))

    drive(tx.root, steps, as_of=date(2027, 2, 10))
    assert RequestStore(tx).path(rid).read_bytes() == before
