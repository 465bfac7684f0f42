"""Requests mode: the records requests with their due dates, overdue said in
words, a status update with a dated note saved to the request's file, and
every other job of `meetingkit request` and `meetingkit media` done in the app."""

from __future__ import annotations

import shutil
from datetime import date
from pathlib import Path

import pytest
import test_requests_cli
from test_requests_cli import draft, file_it
from test_tui_support import drive, notices, screen_text, shown, until

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


# --- everything `meetingkit request` and `meetingkit media` do, done in the app -------------

MEETING = test_requests_cli.MEETING
LAW_NAME = test_requests_cli.LAW_NAME
RID = "2027-01-13-example-county-sheriff-s-office"
"""The request drafted on 2027-01-13 to the settings' agency."""


def screen_named(pilot, name: str) -> bool:  # type: ignore[no-untyped-def]
    return type(pilot.app.screen).__name__ == name and pilot.app.screen.is_mounted


async def open_requests(pilot):  # type: ignore[no-untyped-def]
    await pilot.press("7")
    screen = pilot.app.screen
    await until(pilot, lambda: "Reading" not in shown(screen.query_one("#rq-summary")))
    return screen


async def draft_in_app(pilot):  # type: ignore[no-untyped-def]
    """Requests mode, n, and save the form as it opens (the defaults `request draft` takes)."""
    screen = await open_requests(pilot)
    await pilot.press("n")
    await until(pilot, lambda: screen_named(pilot, "RequestForm"))
    await pilot.press("ctrl+s")
    await until(pilot, lambda: pilot.app.screen is screen and bool(screen.rows))
    return screen


async def print_it(pilot, screen) -> None:  # type: ignore[no-untyped-def]
    """p, and save the print form as it opens (the latest letter, into the print folder)."""
    await pilot.press("p")
    await until(pilot, lambda: screen_named(pilot, "RequestPrint"))
    await pilot.press("ctrl+s")
    await until(pilot, lambda: pilot.app.screen is screen)
    await pilot.app.workers.wait_for_complete()
    await until(pilot, lambda: any(n.title in ("Printed", "Not printed") for n in pilot.app._notifications))


def test_a_request_drafted_in_the_app_is_saved_with_its_letter_and_prints_to_the_print_folder(
    tx: Workspace,
) -> None:
    async def steps(pilot):  # type: ignore[no-untyped-def]
        screen = await draft_in_app(pilot)
        [row] = rows(screen)
        assert row[0] == "not filed" and row[2] == "draft"
        assert any(f"The letter is requests/{RID}.md" in n for n in notices(pilot.app))
        await print_it(pilot, screen)
        assert any(f"Wrote {tx.root / 'print' / RID}.pdf" in n for n in notices(pilot.app))

    drive(tx.root, steps, as_of=date(2027, 1, 13))
    saved = RequestStore(tx).read(RID)
    assert (saved.meeting, saved.questions, saved.law, saved.drafted) == (
        MEETING,
        ["data-sharing"],
        "tx",
        date(2027, 1, 13),
    ), "the question officials deflected, under the settings' state's law"
    letter = (tx.root / "requests" / f"{RID}.md").read_text()
    assert "To: Custodian of Records, the Example County Sheriff's Office" in letter
    assert "1. Written policies (general orders) on sharing information with ICE" in letter
    text = test_requests_cli.pdf_text(tx.root / "print" / f"{RID}.pdf")
    assert "the Example County Sheriff's Office" in text and LAW_NAME in text


def test_the_app_and_the_command_line_write_the_same_letter(
    tx: Workspace, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    twin = Workspace(tmp_path / "twin")
    shutil.copytree(tx.root, twin.root)
    cli_id, cli_letter = draft(twin, capsys)
    drive(tx.root, draft_in_app, as_of=date(2027, 1, 13))
    assert cli_id == RID
    assert (tx.root / "requests" / f"{RID}.md").read_text() == cli_letter.read_text()
    assert RequestStore(tx).read(RID) == RequestStore(twin).read(RID)


def test_the_follow_up_is_drafted_shown_and_printed_once_past_due(
    tx: Workspace, capsys: pytest.CaptureFixture[str]
) -> None:
    rid, _ = draft(tx, capsys)
    file_it(tx, rid, capsys)

    async def steps(pilot):  # type: ignore[no-untyped-def]
        screen = await open_requests(pilot)
        await pilot.press("f")
        await until(pilot, lambda: screen_named(pilot, "RequestView"))
        view = "\n".join(shown(block) for block in pilot.app.screen.query(".view-heading, .view-text"))
        assert "OVERDUE 7 business days" in view and "Overdue by 7 business days." in view
        assert f"The follow-up letter  requests/{rid}.followup.md" in view and "7 business days late" in view
        assert any(
            f"Drafted the follow-up letter: requests/{rid}.followup.md" in n for n in notices(pilot.app)
        )
        await pilot.press("p")
        await until(pilot, lambda: screen_named(pilot, "RequestPrint"))
        assert pilot.app.screen.query_one("#rp-letter").value == "followup", "the latest letter"
        await pilot.press("ctrl+s")
        await until(pilot, lambda: pilot.app.screen is screen)
        await pilot.app.workers.wait_for_complete()
        await until(pilot, lambda: any(n.title == "Printed" for n in pilot.app._notifications))

    drive(tx.root, steps, as_of=date(2027, 2, 10))
    assert (tx.root / "requests" / f"{rid}.followup.md").exists()
    text = test_requests_cli.pdf_text(tx.root / "print" / f"{rid}-followup.pdf")
    assert "7 business days late" in text and test_requests_cli.CITATION in text


def test_a_follow_up_before_the_due_date_is_refused_and_nothing_is_written(
    tx: Workspace, capsys: pytest.CaptureFixture[str]
) -> None:
    rid, _ = draft(tx, capsys)
    file_it(tx, rid, capsys)

    async def steps(pilot):  # type: ignore[no-untyped-def]
        await open_requests(pilot)
        await pilot.press("f")
        await pilot.app.workers.wait_for_complete()
        await until(pilot, lambda: any("is not past due" in n for n in notices(pilot.app)))

    drive(tx.root, steps, as_of=date(2027, 1, 20))
    assert not (tx.root / "requests" / f"{rid}.followup.md").exists()


def test_a_bad_date_in_the_new_request_form_is_refused_with_the_field_named(tx: Workspace) -> None:
    async def steps(pilot):  # type: ignore[no-untyped-def]
        await open_requests(pilot)
        await pilot.press("n")
        await until(pilot, lambda: screen_named(pilot, "RequestForm"))
        form = pilot.app.screen
        form.query_one("#rd-from").value = "2026-02-30"
        await pilot.press("ctrl+s")
        await until(pilot, lambda: any("Fix Records from first" in n for n in notices(pilot.app)))
        assert "expected a date" in shown(form.query_one("#rd-from-error"))
        await pilot.app.workers.wait_for_complete()
        assert pilot.app.screen is form, "the form stays open"

    drive(tx.root, steps, as_of=date(2027, 1, 13))
    assert not (tx.root / "requests").exists() or list((tx.root / "requests").iterdir()) == []


def test_records_dates_that_run_backwards_are_refused_and_the_form_stays_open(tx: Workspace) -> None:
    async def steps(pilot):  # type: ignore[no-untyped-def]
        await open_requests(pilot)
        await pilot.press("n")
        await until(pilot, lambda: screen_named(pilot, "RequestForm"))
        form = pilot.app.screen
        form.query_one("#rd-from").value = "2027-01-10"
        form.query_one("#rd-to").value = "2026-12-01"
        await pilot.press("ctrl+s")
        await pilot.app.workers.wait_for_complete()
        await until(pilot, lambda: any("dates run backwards" in n for n in notices(pilot.app)))
        assert pilot.app.screen is form

    drive(tx.root, steps, as_of=date(2027, 1, 13))
    assert not (tx.root / "requests").exists() or list((tx.root / "requests").iterdir()) == []


def test_a_change_with_its_reference_number_and_the_records_received(
    tx: Workspace, capsys: pytest.CaptureFixture[str]
) -> None:
    rid, _ = draft(tx, capsys)
    file_it(tx, rid, capsys)

    async def steps(pilot):  # type: ignore[no-untyped-def]
        screen = await open_requests(pilot)
        await pilot.press("u")
        await until(pilot, lambda: screen_named(pilot, "RequestUpdate"))
        form = pilot.app.screen
        assert form.query_one("#ru-tracking").value == "PIR-42", "the reference number as it stands"
        form.query_one("#ru-status").value = "partial"
        form.query_one("#ru-on").value = "2027-02-01"
        form.query_one("#ru-received").value = "data-sharing MOU (12 pages)"
        form.query_one("#ru-kept_at").value = "drive/requests/hcso-mou.pdf"
        await pilot.press("ctrl+s")
        await until(pilot, lambda: bool(rows(screen)) and rows(screen)[0][2] == "partial")

    drive(tx.root, steps, as_of=date(2027, 2, 10))
    saved = RequestStore(tx).read(rid)
    assert saved.tracking == "PIR-42" and saved.status == "partial"
    [got] = saved.received
    assert (got.on, got.what, got.kept_at) == (
        date(2027, 2, 1),
        "data-sharing MOU (12 pages)",
        "drive/requests/hcso-mou.pdf",
    )


def test_the_media_inquiry_is_drafted_into_the_print_folder_and_shown(
    tx: Workspace, capsys: pytest.CaptureFixture[str]
) -> None:
    rid, _ = draft(tx, capsys)
    file_it(tx, rid, capsys)
    path = tx.root / "print" / f"{MEETING}-media-2027-02-10.md"

    async def steps(pilot):  # type: ignore[no-untyped-def]
        await open_requests(pilot)
        await pilot.press("m")
        await until(pilot, lambda: screen_named(pilot, "MediaForm"))
        assert pilot.app.screen.query_one("#mi-path").value == f"print/{path.name}"
        await pilot.press("ctrl+s")
        await until(pilot, lambda: screen_named(pilot, "TextView"))
        assert "Media inquiry: the Example County Sheriff's Office" in screen_text(pilot.app)
        assert any(f"Wrote {path}" in n for n in notices(pilot.app))

    drive(tx.root, steps, as_of=date(2027, 2, 10))
    text = path.read_text()
    assert text.startswith("# Media inquiry: the Example County Sheriff's Office and cooperation with ICE")
    assert "it is now 7 business days past the deadline the law sets" in text


def test_the_help_lists_every_key_of_the_mode_with_its_id(tx: Workspace) -> None:
    async def steps(pilot):  # type: ignore[no-untyped-def]
        await open_requests(pilot)
        await pilot.press("f1")
        await until(pilot, lambda: screen_named(pilot, "HelpScreen"))
        text = shown(pilot.app.screen.query_one("#help-text"))
        for bid in ("new", "show", "update", "print", "followup", "appeal", "media"):
            assert f"requests.{bid}" in text
        assert "request draft" in text and "meetingkit media" in text

    drive(tx.root, steps, as_of=date(2027, 1, 13))


def test_the_appeal_is_drafted_from_the_request_shown_once_denied(
    tx: Workspace, capsys: pytest.CaptureFixture[str]
) -> None:
    rid, _ = draft(tx, capsys, "--lang", "es")
    file_it(tx, rid, capsys)
    test_requests_cli.run(
        tx, "request", "update", rid, "--status", "denied", "--on", "2027-02-12", capsys=capsys
    )

    async def steps(pilot):  # type: ignore[no-untyped-def]
        await open_requests(pilot)
        await pilot.press("enter")
        await until(pilot, lambda: screen_named(pilot, "RequestView"))
        assert len(pilot.app.screen.query(".view-text")) == 2, "where it stands, and the request letter"
        await pilot.press("a")
        await until(
            pilot,
            lambda: screen_named(pilot, "RequestView") and len(pilot.app.screen.query(".view-text")) == 3,
        )
        view = "\n".join(shown(block) for block in pilot.app.screen.query(".view-text"))
        assert "El 12 de febrero de 2027 la agencia negó la solicitud. Apelo esa respuesta." in view

    drive(tx.root, steps, as_of=date(2027, 2, 15))
    assert (tx.root / "requests" / f"{rid}.appeal.md").read_text().startswith("<!--")


def test_the_form_takes_another_law_language_agency_and_questions(tx: Workspace) -> None:
    async def steps(pilot):  # type: ignore[no-untyped-def]
        screen = await open_requests(pilot)
        await pilot.press("n")
        await until(pilot, lambda: screen_named(pilot, "RequestForm"))
        form = pilot.app.screen
        questions = form.query_one("#rd-questions")
        assert questions.selected == ["data-sharing"], "the deflected question comes ticked"
        questions.deselect("data-sharing")
        questions.select("287g-participation")
        form.query_one("#rd-law").value = "us"
        form.query_one("#rd-lang").value = "es"
        form.query_one("#rd-agency").value = "U.S. Immigration and Customs Enforcement"
        await pilot.press("ctrl+s")
        await until(pilot, lambda: pilot.app.screen is screen and bool(screen.rows))

    drive(tx.root, steps, as_of=date(2027, 1, 13))
    rid = "2027-01-13-u-s-immigration-and-customs-enforcement"
    saved = RequestStore(tx).read(rid)
    assert (saved.law, saved.language, saved.questions) == ("us", "es", ["287g-participation"])
    letter = (tx.root / "requests" / f"{rid}.md").read_text()
    assert "Conforme a la ley Freedom of Information Act" in letter and "287(g)" in letter
