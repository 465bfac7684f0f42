"""The last things the command line could do and the app could not: a promise
made after its meeting (promise add --on), one status of promises (promise
list --status), a sheet dated or replaced on import (ice import --as-of
--replace), every speaker's time (testimony time), a listed speaker's
neighbourhood and a follow-up as of a day (testimony draft --neighbourhood,
--as-of)."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest
from ice_sheets import write_sheet
from test_tui_support import drive, keys, notices, open_testimony, retype, shown, until

from toolkit.cli import main
from toolkit.store import Workspace
from toolkit.tui.screens.promise_form import PromiseForm
from toolkit.tui.screens.promises import PromisesScreen
from toolkit.tui.widgets.row_list import RowList


def test_a_promise_made_after_the_meeting_keeps_its_day_and_impossible_dates_are_refused(
    demo_ws: Workspace,
) -> None:
    upcoming = demo_ws.meetings().records[-1]
    qid = upcoming.agenda[0].question

    async def steps(pilot):  # type: ignore[no-untyped-def]
        await pilot.press("4")
        screen = pilot.app.screen
        await until(pilot, lambda: getattr(screen, "question_id", None) == qid)
        await pilot.press("ctrl+n")
        form = pilot.app.screen
        assert isinstance(form, PromiseForm)
        assert form.query_one("#pf-on").value == "2026-12-09", "the meeting's day by default"
        await keys(pilot, "Send the jail contract")
        await pilot.press("tab", "tab", "tab")
        await retype(pilot, "2026-12-01")
        await pilot.pause()
        assert "before the meeting (2026-12-09)" in shown(form.query_one("#pf-on-error"))
        await pilot.press("ctrl+s")
        assert pilot.app.screen is form
        assert "Some fields need fixing first (shown in red)." in notices(pilot.app)
        await retype(pilot, "2026-12-12")
        await pilot.press("shift+tab")
        await keys(pilot, "2026-12-10")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert pilot.app.screen is form, "a due date before the promise was made is refused"
        assert "due 2026-12-10 is before the promise was made (2026-12-12)" in shown(
            form.query_one("#pf-due-error")
        )
        await retype(pilot, "2026-12-31")
        await pilot.press("ctrl+s")
        await until(pilot, lambda: pilot.app.screen is screen)

    drive(demo_ws.root, steps)
    answer = demo_ws.answer(upcoming.id, qid)
    assert answer is not None
    [promise] = answer.promises
    assert (promise.what, promise.due, promise.history[0].on) == (
        "Send the jail contract",
        date(2026, 12, 31),
        date(2026, 12, 12),
    )
    assert "- 'on': 2026-12-12" in demo_ws.answer_path(upcoming.id, qid).read_text()


def promise_rows_shown(screen: PromisesScreen) -> list[str]:
    table = screen.query_one("#pr-table", RowList)
    return [str(table.cells_at(i)[4]) for i in range(table.row_count)]


def test_promises_mode_shows_one_status_at_a_time(demo_ws: Workspace) -> None:
    async def steps(pilot):  # type: ignore[no-untyped-def]
        await pilot.press("5")
        screen = pilot.app.screen
        assert isinstance(screen, PromisesScreen)
        await until(pilot, lambda: bool(screen.rows))
        summary = lambda: shown(screen.query_one("#pr-summary"))  # noqa: E731
        await pilot.press("s")
        assert "Showing only the open ones." in summary()
        assert len(promise_rows_shown(screen)) == 2
        await pilot.press("s")
        await pilot.pause()
        assert "Showing only the kept ones." in summary()
        assert promise_rows_shown(screen) == ["Send a copy of the signed 287(g) agreement to the board"]
        await pilot.press("s")
        await pilot.pause()
        assert "Showing only the partly kept ones." in summary() and promise_rows_shown(screen) == []
        assert "No promise is partly kept. Press s for the next status." in shown(
            screen.query_one("#pr-history")
        )
        await pilot.press("s", "s", "s")
        await pilot.pause()
        assert "Showing all." in summary() and len(promise_rows_shown(screen)) == 3
        await pilot.press("s", "s", "v")
        await pilot.pause()
        assert "Showing overdue." in summary(), "open or overdue drop the status shown alone"
        assert promise_rows_shown(screen) == ["Provide the written data-sharing policy"]

    drive(demo_ws.root, steps)


AGENCY = ["TEXAS", "Example County Sheriff's Office", "County", "Example County"]


def test_a_sheet_is_imported_with_the_date_its_name_lacks_and_replaces_only_when_asked(
    ws: Workspace, tmp_path: Path
) -> None:
    first = write_sheet(
        tmp_path / "agencies.xlsx", [[*AGENCY, "Task Force Model", date(2026, 10, 30), "", ""]]
    )
    second = write_sheet(
        tmp_path / "agencies-again.xlsx", [[*AGENCY, "Warrant Service Officer", date(2026, 10, 30), "", ""]]
    )
    saved = ws.root / "data"

    async def import_sheet(pilot, path: Path, day: str = "", replace: bool = False) -> None:  # type: ignore[no-untyped-def]
        pilot.app.clear_notifications()
        await pilot.press("i")
        form = pilot.app.screen
        assert "Needed only when the file name has no date" in shown(form.query_one("#ice-as-of-error"))
        await keys(pilot, str(path))
        await pilot.press("tab")
        await keys(pilot, day)
        if replace:
            await pilot.press("tab", "space")
        await pilot.press("ctrl+s")
        await until(pilot, lambda: bool(notices(pilot.app)))

    async def steps(pilot):  # type: ignore[no-untyped-def]
        await pilot.press("1")
        await import_sheet(pilot, first)
        assert "carries no date" in notices(pilot.app)[-1] and not saved.exists()
        await import_sheet(pilot, first, "2026-11-01")
        assert notices(pilot.app)[-1].startswith("Imported: ICE's participating sheet of 2026-11-01")
        await import_sheet(pilot, second, "2026-11-01")
        assert "a different participating sheet of 2026-11-01 is already imported" in notices(pilot.app)[-1]
        assert "Task Force Model" in next(saved.rglob("2026-11-01-*.yaml")).read_text()
        await import_sheet(pilot, second, "2026-11-01", replace=True)
        assert notices(pilot.app)[-1].startswith("Replaced: ICE's participating sheet of 2026-11-01")

    drive(ws.root, steps)
    [file] = saved.rglob("*.yaml")
    assert file.name == "2026-11-01-participating.yaml"
    assert "Warrant Service Officer" in file.read_text() and "Task Force Model" not in file.read_text()


def held(ws: Workspace):  # type: ignore[no-untyped-def]
    return ws.meetings().records[0]


def test_every_speaker_shows_their_time_against_the_limit_as_the_command_line_counts_it(
    demo_ws: Workspace, capsys: pytest.CaptureFixture[str]
) -> None:
    meeting = held(demo_ws)
    assert main(["testimony", "time", meeting.id, "--json", "--workspace", str(demo_ws.root)]) == 0
    seconds = {row["speaker"]: row["seconds"] for row in json.loads(capsys.readouterr().out)}

    def labels(screen) -> dict[str, str]:  # type: ignore[no-untyped-def]
        listing = screen.query_one("#t-speakers")
        options = [listing.get_option_at_index(i) for i in range(listing.option_count)]
        return {o.id: str(o.prompt) for o in options}

    async def steps(pilot):  # type: ignore[no-untyped-def]
        screen = await open_testimony(pilot, meeting.id)
        shown_now = labels(screen)
        for name, spoken in seconds.items():
            assert shown_now[name] == f"  {name}\n  {spoken // 60}:{spoken % 60:02d} / 2:00"
        screen.query_one("#t-editor").text = "word " * 300
        first = screen.active.speaker
        await until(pilot, lambda: "over" in labels(screen)[first])
        assert labels(screen)[first] == f"● {first}\n  2:19 / 2:00, over by 0:19"

    drive(demo_ws.root, steps)


def test_a_listed_speakers_neighbourhood_is_set_and_saved_to_the_testimony_file(demo_ws: Workspace) -> None:
    meeting = held(demo_ws)

    async def steps(pilot):  # type: ignore[no-untyped-def]
        screen = await open_testimony(pilot, meeting.id)
        name = screen.active.speaker
        screen.query_one("#t-editor").text = "Still typing, not saved."
        await pilot.press("f2")
        form = pilot.app.screen
        assert f"Speaker: {name}" in shown(form.query_one("#sp-fixed"))
        await retype(pilot, "Hillcrest")
        await pilot.press("enter")
        await until(pilot, lambda: pilot.app.screen is screen)
        await until(pilot, lambda: f"{name} (Hillcrest)" in shown(screen.query_one("#t-file")))
        await until(pilot, lambda: any(n.startswith("Saved testimony/") for n in notices(pilot.app)))
        assert "unsaved changes" in shown(screen.query_one("#t-file")), "the typed text is still unsaved"
        named.append(name)

    named: list[str] = []
    drive(demo_ws.root, steps)
    [name] = named
    saved = demo_ws.testimony(meeting.id, name)
    assert saved is not None and saved.neighbourhood == "Hillcrest"
    assert "Still typing" not in saved.text


def test_the_follow_up_template_as_of_another_day_is_the_command_lines_draft(
    demo_ws: Workspace, capsys: pytest.CaptureFixture[str]
) -> None:
    upcoming = demo_ws.meetings().records[-1]

    async def steps(pilot):  # type: ignore[no-untyped-def]
        pilot.app.open_meeting(upcoming.id)
        await pilot.press("3")
        screen = pilot.app.screen
        await pilot.press("ctrl+n")
        await keys(pilot, "Rosa Diaz")
        await pilot.press("enter")
        await until(pilot, lambda: screen.active is not None and screen.active.speaker == "Rosa Diaz")
        await pilot.press("ctrl+t")
        await until(pilot, lambda: type(pilot.app.screen).__name__ == "Choice")
        await pilot.press("d")
        await until(pilot, lambda: bool(pilot.app.screen.query("#one-value")))
        assert pilot.app.screen.query_one("#one-value").value == "2026-12-09"
        await retype(pilot, "2026-11-10")
        await pilot.press("enter")
        text = lambda: screen.query_one("#t-editor").text  # noqa: E731
        await until(pilot, lambda: "From the record as of November 10, 2026" in text())
        assert "Send a copy of the signed 287(g) agreement" in text(), "kept only on November 11"
        assert "we have not received it" not in text(), "nothing was overdue yet on November 10"
        await pilot.press("ctrl+s")

    drive(demo_ws.root, steps)
    saved = demo_ws.testimony(upcoming.id, "Rosa Diaz")
    assert saved is not None and "From the record as of November 10, 2026" in saved.text
    demo_ws.testimony_path(upcoming.id, "Rosa Diaz").unlink()
    args = [
        "testimony",
        "draft",
        upcoming.id,
        "--speaker",
        "Rosa Diaz",
        "--follow-up",
        "--as-of",
        "2026-11-10",
    ]
    assert main([*args, "--workspace", str(demo_ws.root)]) == 0
    capsys.readouterr()
    drafted = demo_ws.testimony(upcoming.id, "Rosa Diaz")
    assert drafted is not None and drafted.text == saved.text, "the app drafts what the command line does"
