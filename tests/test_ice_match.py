"""Matching an agency to ICE's list on the real rows of July 18, 2025 (the shipped snapshot),
what changed between two sheets, and the sentences other pages cite."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import msgspec
import pytest
from ice_sheets import JULY_PARTICIPATING, JULY_PENDING, shared_sheets

from toolkit.ice import (
    Agreement,
    Sheet,
    agency_key,
    changes,
    contradicts,
    ice_line,
    ice_sentence,
    match,
    still_shows,
)
from toolkit.ice_snapshot import build
from toolkit.ice_store import SNAPSHOT, read_snapshot
from toolkit.states import state_code

SHEETS = read_snapshot()
JULY = date(2025, 7, 18)


def models(found) -> list[tuple[str, date | None]]:  # type: ignore[no-untyped-def]
    return [(r.model, r.signed) for r in found.signed]


@pytest.mark.parametrize("state", ["AL", "al", "Alabama", "ALABAMA", " alabama "])
@pytest.mark.parametrize(
    "name",
    [
        "Colbert County Sheriff's Office",
        "colbert county sheriffs office",
        "The Colbert County Sheriff\u2019s Department",
        "Colbert Co. Sheriff's Dept.",
        "Colbert County Sheriff",
    ],
)
def test_an_agency_with_three_models(name: str, state: str) -> None:
    found = match(SHEETS, name, state)
    assert (found.how, found.agency, found.state, found.as_of) == (
        "name",
        "Colbert County Sheriff's Office",
        "Alabama",
        JULY,
    )
    assert models(found) == [
        ("Jail Enforcement Model", date(2025, 5, 8)),
        ("Warrant Service Officer", date(2025, 5, 8)),
        ("Task Force Model", date(2025, 7, 2)),
    ]
    assert [r.moa for r in found.signed] == ["linked", "linked", "pending"]
    assert found.pending == []


def test_harris_county_texas_is_not_georgia_nor_harrison() -> None:
    texas = match(SHEETS, "Harris County Sheriff's Office", "TX", "Harris County")
    assert texas.how == "none" and texas.signed == []
    assert "Harrison County Sheriff's Office" in texas.closest  # offered as a near name, never as a match
    georgia = match(SHEETS, "Harris County Sheriff's Office", "GA")
    assert (georgia.how, georgia.state, models(georgia)) == (
        "name",
        "Georgia",
        [("Warrant Service Officer", date(2025, 5, 22))],
    )
    harrison = match(SHEETS, "Harrison County Sheriff's Office", "Texas")
    assert models(harrison) == [("Warrant Service Officer", date(2025, 2, 24))]  # not Mississippi's two


def test_two_states_sharing_a_county_and_an_agency_name() -> None:
    texas = match(SHEETS, "Jefferson County Sheriff's Office", "TX")
    florida = match(SHEETS, "Jefferson County Sheriff's Office", "FL")
    assert {r.state for r in texas.signed} == {"TEXAS"}
    assert models(texas) == [
        ("Task Force Model", date(2025, 6, 30)),
        ("Warrant Service Officer", date(2025, 6, 30)),
    ]
    assert {r.state for r in florida.signed} == {"FLORIDA"}
    assert ("Warrant Service Officer", date(2019, 10, 15)) in models(florida)
    # Texas County, Oklahoma is on the pending list; nothing of it belongs to the state of Texas
    assert match(SHEETS, "Texas County Sheriff's Office", "TX").how == "none"
    assert match(SHEETS, "Texas County Sheriff's Office", "OK").pending[0].state == "OKLAHOMA"


def test_an_agency_only_on_the_pending_sheet() -> None:
    found = match(SHEETS, "Madison County Sheriff's Office", "Alabama")
    assert (found.how, found.signed, found.pending_as_of) == ("name", [], JULY)
    assert [r.model for r in found.pending] == ["Task Force Model"]
    assert ice_sentence(found, "en") == (
        "ICE's own list of pending 287(g) agreements of July 18, 2025 includes the "
        "Madison County Sheriff's Office: a Task Force Model agreement."
    )


def test_the_county_fallback_is_labelled_and_needs_the_same_kind_of_agency() -> None:
    found = match(SHEETS, "Office of the Sheriff", "AL", "Colbert County")
    assert (found.how, found.agency) == ("county", "Colbert County Sheriff's Office")
    assert "matched by county and agency type, not by name" in (ice_line(found, JULY) or "")
    assert ice_sentence(found, "en") is None  # a guess is never read out at a meeting
    assert match(SHEETS, "Colbert County Police Department", "AL").how == "none"
    assert match(SHEETS, "Office of the Sheriff", "TX", "Harris County").how == "none"
    town = Agreement(
        state="TEXAS",
        agency="Pasadena Police Department",
        type="Municipality",
        county="Harris County",
        model="Task Force Model",
    )
    towns = [Sheet(kind="participating", as_of=JULY, source="t.xlsx", sha256="t", rows=[town])]
    assert (
        match(towns, "Houston Police Department", "TX", "Harris County").how == "none"
    )  # many towns per county


def test_no_match_gives_the_closest_names_in_that_state_only() -> None:
    found = match(SHEETS, "Colbert County Sherif Ofice", "AL")
    assert found.how == "none"
    assert found.closest[0] == "Colbert County Sheriff's Office"
    assert match(SHEETS, "Colbert County Sheriff's Office", "MS").how == "none"


def test_names_and_states_normalise_as_people_write_them() -> None:
    assert agency_key("The Harris County Sheriff’s Office") == agency_key("harris county sheriffs dept.")
    assert agency_key("Harris County Sheriff's Office") != agency_key("Harrison County Sheriff's Office")
    assert [
        state_code(s)
        for s in ("TX", "Texas", "TEXAS", "District of Columbia", "Puerto Rico", "Guam", "Tejas")
    ] == [
        "TX",
        "TX",
        "TX",
        "DC",
        "PR",
        "GU",
        None,
    ]


def test_the_sentence_a_speaker_reads_in_english_and_spanish() -> None:
    found = match(SHEETS, "Colbert County Sheriff's Office", "AL")
    assert ice_sentence(found, "en") == (
        "ICE's own 287(g) list of July 18, 2025 shows that the Colbert County Sheriff's Office signed "
        "a Jail Enforcement Model and a Warrant Service Officer agreement on May 8, 2025, "
        "and a Task Force Model agreement on July 2, 2025."
    )
    assert ice_sentence(found, "es") == (
        "La propia lista 287(g) de ICE del 18 de julio de 2025 muestra que la agencia Colbert County "
        "Sheriff's Office firmó acuerdos de tipo Jail Enforcement Model y Warrant Service Officer el "
        "8 de mayo de 2025, y un acuerdo de tipo Task Force Model el 2 de julio de 2025."
    )
    assert ice_sentence(match(SHEETS, "Harris County Sheriff's Office", "TX"), "en") is None


def test_the_line_names_the_date_and_calls_out_an_old_list() -> None:
    found = match(SHEETS, "Harris County Sheriff's Office", "Georgia")
    fresh = ice_line(found, date(2025, 8, 1))
    assert fresh == (
        "ICE's list as of 2025-07-18: Harris County Sheriff's Office, Georgia: Warrant Service Officer (signed 2025-05-22)"
    )
    old = ice_line(found, date(2025, 12, 1)) or ""
    assert "136 days old" in old and "https://www.ice.gov/identify-and-arrest/287g" in old
    assert ice_line(match(SHEETS, "Harris County Sheriff's Office", "TX"), JULY) is None


def test_an_answer_contradicts_the_list_only_for_a_listed_agreement() -> None:
    listed = match(SHEETS, "Colbert County Sheriff's Office", "AL")
    assert contradicts("declined", listed) and contradicts("answered", listed)
    assert not contradicts("partial", listed)
    assert not contradicts("declined", match(SHEETS, "Madison County Sheriff's Office", "AL"))  # only pending
    assert not contradicts("declined", match(SHEETS, "Office of the Sheriff", "AL", "Colbert County"))
    assert still_shows(listed, "en") == (
        "ICE's list of July 18, 2025 still shows that the Colbert County Sheriff's Office signed "
        "a Jail Enforcement Model and a Warrant Service Officer agreement on May 8, 2025, "
        "and a Task Force Model agreement on July 2, 2025."
    )
    assert (still_shows(listed, "es") or "").startswith(
        "La lista de ICE del 18 de julio de 2025 todavía muestra"
    )
    assert still_shows(match(SHEETS, "Madison County Sheriff's Office", "AL"), "en") is None


def _later(sheet: Sheet, day: date, drop: set[str], add: list[Agreement]) -> Sheet:
    rows = [r for r in sheet.rows if r.agency not in drop] + add
    return msgspec.structs.replace(sheet, as_of=day, rows=rows, sha256="later")


def test_changes_between_two_sheets() -> None:
    july, july_pending = SHEETS
    assert july.kind == "participating" and july_pending.kind == "pending"
    signed_madison = Agreement(
        state="ALABAMA",
        agency="Madison County Sheriff's Office",
        type="County",
        model="Task Force Model",
        signed=date(2025, 7, 30),
    )
    new_agency = Agreement(
        state="ALABAMA",
        agency="Lee County Sheriff's Office",
        type="County",
        model="Warrant Service Officer",
        signed=date(2025, 7, 28),
    )
    new_model = Agreement(
        state="ALABAMA",
        agency="Cherokee County Sheriff\u2019s Office ",
        type="County",
        model="Jail Enforcement Model",
        signed=date(2025, 7, 29),
    )
    august = _later(
        july, date(2025, 8, 1), {"Crenshaw County Sheriff's Office"}, [signed_madison, new_agency, new_model]
    )
    august_pending = _later(july_pending, date(2025, 8, 1), {"Madison County Sheriff's Office"}, [])
    found = changes(july, august, july_pending, august_pending, "AL")
    assert [(c.kind, c.agency, c.model) for c in found] == [
        ("new-agreement", "Lee County Sheriff's Office", "Warrant Service Officer"),
        ("new-model", "Cherokee County Sheriff\u2019s Office ", "Jail Enforcement Model"),
        ("pending-signed", "Madison County Sheriff's Office", "Task Force Model"),
        ("removed", "Crenshaw County Sheriff's Office", "Warrant Service Officer"),
    ]
    assert changes(july, august, state="TX") == []
    assert changes(july, july, july_pending, july_pending) == []


def test_the_shipped_snapshot_is_ices_july_sheets(tmp_path: Path) -> None:
    folder = shared_sheets()
    rebuilt = build(folder, tmp_path)
    assert rebuilt.name == SNAPSHOT.name
    assert rebuilt.read_bytes() == SNAPSHOT.read_bytes()
    assert [s.source for s in SHEETS] == [JULY_PARTICIPATING, JULY_PENDING]
    assert all(
        s.url == "https://www.ice.gov/identify-and-arrest/287g" and len(s.sha256) == 64 for s in SHEETS
    )
