"""The next meeting's testimony, started from the record: every promise still
owed and every dodged question from earlier meetings becomes a sentence."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

from conftest import TODAY

from toolkit import tracker
from toolkit.bank import Bank, load
from toolkit.followup import follow_up_paragraphs, lower_first
from toolkit.model import Answer, Meeting
from toolkit.store import Workspace
from toolkit.testimony import word_count


def _paragraphs(ws: Workspace, meeting: Meeting, as_of: date) -> list[str]:
    return follow_up_paragraphs(
        meeting, ws.meetings().records, ws.answers().records, load(ws.bank_dir), as_of
    )


def _upcoming(ws: Workspace) -> Meeting:
    return ws.meetings().records[-1]


def test_each_overdue_promise_is_named_with_its_dates_and_day_count(demo_ws: Workspace):
    paragraphs = _paragraphs(demo_ws, _upcoming(demo_ws), date(2026, 12, 9))
    assert paragraphs[0].startswith("<!--"), "a hint first: not spoken, not counted"
    assert paragraphs[1] == (
        "On November 6, 2026, Chair Luis Ortega made this promise: “Provide the written data-sharing "
        "policy.” It was due November 20, 2026. As of today, 19 days after that date, we have not "
        "received it."
    )
    assert paragraphs[2] == (
        "On November 6, 2026, County Attorney Priya Raman made this promise: “Post the Byrne JAG award "
        "conditions on the county website.” It is due December 27, 2026. We expect it to be kept by then."
    )
    text = "\n".join(paragraphs)
    assert "287(g) agreement" not in text, "a kept promise is not chased"
    assert (
        "we asked about detainers and release notifications, and Sheriff Dana Whitfield did not answer "
        "the question. The only reply was: “We follow all applicable federal and state laws.” We ask again."
    ) in text
    assert (
        "we asked about federal grants and their conditions, and County Attorney Priya Raman declined" in text
    )
    assert "data-sharing policy" in text and "asked about data sharing" not in text, (
        "partial answers are not dodges"
    )
    assert len(paragraphs) == 5


def test_day_counts_follow_as_of(demo_ws: Workspace):
    one_day = _paragraphs(demo_ws, _upcoming(demo_ws), date(2026, 11, 21))
    assert "As of today, 1 day after that date" in one_day[1]
    on_the_day = _paragraphs(demo_ws, _upcoming(demo_ws), date(2026, 11, 20))
    assert "We expect it to be kept by then." in on_the_day[1] and "As of today" not in "\n".join(on_the_day)


def test_only_earlier_meetings_count(demo_ws: Workspace):
    held = demo_ws.meetings().records[0]
    assert _paragraphs(demo_ws, held, TODAY) == []


def _ws_with(ws: Workspace, promises: list[tuple[str, date | None, str]], lang: str = "en") -> Meeting:
    earlier = Meeting(id="2026-10-01-board", body="Board", date=date(2026, 10, 1))
    later = Meeting(id="2027-03-01-board", body="Board", date=date(2027, 3, 1), language=lang)
    ws.save_meeting(earlier)
    ws.save_meeting(later)

    def record(answer: Answer) -> None:
        tracker.log_answer(answer, "partial", "Sheriff Ray")
        for what, due, status in promises:
            p = tracker.add_promise(answer, what, due, "", earlier.date)
            if status != "open":
                tracker.set_status(p, status, date(2026, 11, 1))

    ws.update_answer(earlier.id, "data-sharing", record)
    return later


def test_broken_partly_kept_and_undated_promises(ws: Workspace):
    later = _ws_with(
        ws,
        [
            ("Send the MOU", date(2026, 10, 20), "broken"),
            ("Send the grant file", date(2026, 10, 25), "partly-kept"),
            ("Say when the audit ends", None, "open"),
            ("Withdrawn thing", date(2026, 10, 2), "withdrawn"),
        ],
    )
    text = "\n".join(_paragraphs(ws, later, later.date))
    assert (
        "Sheriff Ray made this promise: “Send the MOU.” It was due October 20, 2026. That promise was not kept."
        in text
    )
    assert (
        "made this promise: “Send the grant file.” It was due October 25, 2026. "
        "So far it has been done only in part." in text
    )
    assert (
        "made this promise, with no date: “Say when the audit ends.” We ask for a date, on the record."
        in text
    )
    assert "Withdrawn" not in text and "withdrawn" not in text


def test_spanish_meeting_gets_spanish_sentences(ws: Workspace):
    later = _ws_with(ws, [("Entregar la política", date(2026, 10, 20), "open")], lang="es")
    paragraphs = _paragraphs(ws, later, date(2026, 10, 30))
    assert paragraphs[1] == (
        "El 1 de octubre de 2026, Sheriff Ray se comprometió a lo siguiente: «Entregar la política». "
        "El plazo vencía el 20 de octubre de 2026. Hoy, 10 días después de esa fecha, todavía no lo "
        "hemos recibido."
    )


def test_a_promise_recorded_in_english_is_quoted_whole_in_a_spanish_draft(ws: Workspace):
    later = _ws_with(ws, [("Provide the written policy.", None, "open")], lang="es")
    paragraphs = _paragraphs(ws, later, date(2026, 10, 30))
    assert paragraphs[1] == (
        "El 1 de octubre de 2026, Sheriff Ray se comprometió a lo siguiente, sin fijar ninguna fecha: "
        "«Provide the written policy». Le pedimos que fije una fecha, para que conste en acta."
    )
    assert "traduzca o explique" in paragraphs[0], "the hint asks to translate what stays in English"


def test_a_question_answered_later_is_not_asked_again(ws: Workspace):
    first = Meeting(id="2026-09-01-board", body="Board", date=date(2026, 9, 1))
    second = Meeting(id="2026-10-01-board", body="Board", date=date(2026, 10, 1))
    third = Meeting(id="2026-11-01-board", body="Board", date=date(2026, 11, 1))
    for m in (first, second, third):
        ws.save_meeting(m)
    ws.update_answer(first.id, "data-sharing", lambda a: tracker.log_answer(a, "declined", "Chief Ray"))
    ws.update_answer(
        first.id, "287g-participation", lambda a: tracker.log_answer(a, "deflected", "Chief Ray")
    )
    ws.update_answer(second.id, "data-sharing", lambda a: tracker.log_answer(a, "answered", "Chief Ray"))
    text = "\n".join(_paragraphs(ws, third, third.date))
    assert "287(g) agreements" in text and "Data sharing" not in text and "data sharing" not in text


def test_lower_first_keeps_acronyms():
    assert lower_first("Provide the policy.") == "provide the policy"
    assert lower_first("ICE contracts") == "ICE contracts"
    assert lower_first("287(g) agreements") == "287(g) agreements"


def test_unknown_question_ids_fall_back_to_the_id(ws: Workspace):
    later = _ws_with(ws, [])
    ws.update_answer("2026-10-01-board", "our-own-question", lambda a: tracker.log_answer(a, "declined", "X"))
    text = "\n".join(
        follow_up_paragraphs(later, ws.meetings().records, ws.answers().records, Bank(), later.date)
    )
    assert "we asked about our-own-question, and X declined to answer." in text


def _draft(r) -> str:  # type: ignore[no-untyped-def]
    assert r.code == 0, r.err
    return Path(r.out.strip()).read_text(encoding="utf-8")


def test_cli_follow_up_draft_puts_the_record_before_the_questions(cli, demo_ws: Workspace):
    upcoming = _upcoming(demo_ws).id
    root = demo_ws.root
    draft = _draft(
        cli("testimony", "draft", upcoming, "--speaker", "Ana Ruiz", "--follow-up", workspace=root)
    )
    record = draft.index("“Provide the written data-sharing policy.” It was due November 20, 2026.")
    assert "As of today, 19 days after that date" in draft, "counted as of the meeting day by default"
    assert draft.index("Good evening") < record < draft.index("My questions are:")
    assert "made this promise" not in _draft(
        cli("testimony", "draft", upcoming, "--speaker", "Bo Chen", workspace=root)
    )
    timed = json.loads(cli("testimony", "time", upcoming, "--json", workspace=root).out)
    words = {t["speaker"]: t["words"] for t in timed}
    assert words["Ana Ruiz"] > words["Bo Chen"] + 100, "the time estimate counts the follow-up sentences"
    assert words["Ana Ruiz"] == word_count(draft.split("---\n", 2)[2])
    dated = cli(
        "testimony",
        "draft",
        upcoming,
        "--speaker",
        "Cy Ode",
        "--follow-up",
        "--as-of",
        "2026-12-01",
        workspace=root,
    )
    assert "11 days after that date" in _draft(dated)
