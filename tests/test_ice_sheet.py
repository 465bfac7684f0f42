"""Reading ICE's 287(g) sheets: the real July 2025 files, every quirk ICE's files carry, and refusals."""

from __future__ import annotations

import hashlib
import zipfile
from datetime import date, datetime
from pathlib import Path

import pytest
from ice_sheets import (
    JULY_PARTICIPATING,
    JULY_PENDING,
    PENDING,
    shared_sheets,
    write_large_sheet,
    write_sheet,
)

from toolkit.errors import FileProblem, UsageError
from toolkit.ice_sheet import date_from_name, read_sheet, signed_date


def test_the_real_july_sheets_read_whole() -> None:
    folder = shared_sheets()
    signed = read_sheet(folder / JULY_PARTICIPATING)
    pending = read_sheet(folder / JULY_PENDING)
    assert (signed.kind, signed.as_of, len(signed.rows)) == ("participating", date(2025, 7, 18), 832)
    assert (pending.kind, pending.as_of, len(pending.rows)) == ("pending", date(2025, 7, 18), 26)
    assert signed.sha256 == hashlib.sha256((folder / JULY_PARTICIPATING).read_bytes()).hexdigest()
    colbert = [r for r in signed.rows if r.agency == "Colbert County Sheriff's Office"]
    assert {(r.model, r.signed) for r in colbert} == {
        ("Jail Enforcement Model", date(2025, 5, 8)),
        ("Warrant Service Officer", date(2025, 5, 8)),
        ("Task Force Model", date(2025, 7, 2)),
    }
    wso = next(r for r in colbert if r.model == "Warrant Service Officer")
    # ICE's cell says "link"; the address behind it comes out of Outlook's safelinks wrapping
    assert wso.moa == "linked"
    assert wso.moa_url == "https://www.ice.gov/doclib/287gMOA/ColbertCoSheriffsOfficeAL_WSO_MOA_05.08.25.pdf"
    assert next(r for r in colbert if r.model == "Task Force Model").moa == "pending"
    # trailing spaces in ICE's cells are gone ("Task Force Model ", "Baxter County Sheriff's Office ")
    assert all(r.model == r.model.strip() and r.agency == r.agency.strip() for r in signed.rows)
    assert {r.model for r in signed.rows} == {
        "Jail Enforcement Model",
        "Task Force Model",
        "Warrant Service Officer",
    }
    # SIGNED typed as text with a slash missing ("7/72025", "05/082025") still reads as a date
    tooele = next(
        r
        for r in signed.rows
        if r.agency == "Tooele County Sheriff's Office" and r.model == "Warrant Service Officer"
    )
    assert tooele.signed == date(2025, 7, 7)
    assert all(r.signed is not None for r in signed.rows)


def test_every_quirk_is_normalised(tmp_path: Path) -> None:
    header = [
        "county ",
        "STATE\xa0",
        "Law Enforcement Agency",
        "SUPPORT  TYPE",
        "TYPE",
        "NOTES",
        "SIGNED",
        "MOA",
        "ADDENDUM",
        None,
        None,
    ]
    rows = [
        [
            "Harris County ",
            "TEXAS ",
            "Harris County Sheriff\u2019s Office\xa0",
            "Task Force Model ",
            "County",
            "x",
            datetime(2025, 7, 2),
            "link",
            "",
            None,
            None,
        ],
        [None, None, None, None, None, None, None, None, None, None, None],
        [
            "Harris County",
            "TEXAS",
            "Harris County Sheriff's Office",
            "Warrant Service Officer",
            "County",
            "",
            "07/02/2025",
            "Link Pending ",
            "link",
            None,
            None,
        ],
        [
            "",
            "TEXAS",
            "Houston Police Department",
            "Task Force Model",
            "Municipality",
            "",
            "2025-06-30",
            "",
            "",
            None,
            None,
        ],
        [
            "",
            "TEXAS",
            "Pasadena Police Department",
            "Task Force Model",
            "Municipality",
            "",
            "June 3, 2025",
            "link",
            "",
            None,
            None,
        ],
        [
            "",
            "TEXAS",
            "Baytown Police Department",
            "Task Force Model",
            "Municipality",
            "",
            "soon",
            "link",
            "",
            None,
            None,
        ],
        ["* one row per agency and model", None, None, None, None, None, None, None, None, None, None],
    ]
    links = {(0, 7): "https://www.ice.gov/doclib/287gMOA/harris.pdf", (2, 8): "javascript:alert(1)"}
    path = write_sheet(
        tmp_path / "participatingAgencies08012025am.xlsx",
        rows,
        header,
        above=[["ICE 287(g)"], []],
        links=links,
    )
    sheet = read_sheet(path)
    assert sheet.as_of == date(2025, 8, 1)
    assert [r.agency for r in sheet.rows] == [
        "Harris County Sheriff's Office",
        "Harris County Sheriff's Office",
        "Houston Police Department",
        "Pasadena Police Department",
        "Baytown Police Department",
    ]
    first, second, houston, pasadena, baytown = sheet.rows
    assert (first.state, first.county, first.model, first.signed) == (
        "TEXAS",
        "Harris County",
        "Task Force Model",
        date(2025, 7, 2),
    )
    assert (first.moa, first.moa_url) == ("linked", "https://www.ice.gov/doclib/287gMOA/harris.pdf")
    assert (second.signed, second.moa, second.addendum) == (date(2025, 7, 2), "pending", "linked")
    assert houston.signed == date(2025, 6, 30) and houston.moa == "none"
    assert pasadena.signed == date(2025, 6, 3)
    assert baytown.addendum_url == "" and pasadena.moa_url == ""  # only web addresses are kept
    assert (baytown.signed, baytown.signed_text) == (None, "soon")  # kept as written, not dropped


def test_signed_dates_in_every_form_ice_used() -> None:
    assert signed_date(date(2025, 5, 8)) == (date(2025, 5, 8), "")
    assert signed_date(45785.0) == (date(2025, 5, 8), "")  # a date cell without its format
    assert signed_date("5/8/25") == (date(2025, 5, 8), "")
    assert signed_date("05/082025") == (date(2025, 5, 8), "")
    assert signed_date("13/45/2025") == (None, "13/45/2025")
    assert signed_date(None) == (None, "")


def test_the_date_comes_from_ices_file_name() -> None:
    assert date_from_name("participatingAgencies07182025pm.xlsx") == date(2025, 7, 18)
    assert date_from_name("pendingAgencies01052026.xlsx") == date(2026, 1, 5)
    assert date_from_name("ice-287g-2025-09-30.xlsx") == date(2025, 9, 30)
    assert date_from_name("participatingAgencies.xlsx") is None
    assert date_from_name("participatingAgencies13992025.xlsx") is None


def test_a_name_without_a_date_needs_as_of(tmp_path: Path) -> None:
    path = write_sheet(
        tmp_path / "agencies.xlsx",
        [["OHIO", "Butler County Sheriff's Office", "County", "Butler County", "Task Force Model"]],
        PENDING,
    )
    with pytest.raises(UsageError, match="--as-of"):
        read_sheet(path)
    sheet = read_sheet(path, date(2025, 9, 1))
    assert (sheet.kind, sheet.as_of) == ("pending", date(2025, 9, 1))


def test_a_formula_cell_or_markup_is_text_only(tmp_path: Path) -> None:
    rows = [
        [
            "OHIO",
            '=HYPERLINK("https://evil.example","Butler")',
            "County",
            "Butler County",
            "Task Force Model",
        ],
        ["OHIO", "<b>Warren</b> [bold red]County[/] Sheriff's Office", "County", "=1+2", "Task Force Model"],
    ]
    sheet = read_sheet(write_sheet(tmp_path / "pendingAgencies09012025.xlsx", rows, PENDING))
    # a formula is never evaluated: ICE's files carry values, a formula without one is an empty cell
    assert [(r.agency, r.county) for r in sheet.rows] == [
        ("<b>Warren</b> [bold red]County[/] Sheriff's Office", "")
    ]


def test_a_sheet_of_fifty_thousand_rows_reads(tmp_path: Path) -> None:
    rows = (
        ["TEXAS", f"Agency {n} Police Department", "Municipality", "Harris County", "Task Force Model"]
        for n in range(50_000)
    )
    sheet = read_sheet(write_large_sheet(tmp_path / "pendingAgencies09012025.xlsx", PENDING, rows))
    assert len(sheet.rows) == 50_000
    assert sheet.rows[-1].agency == "Agency 49999 Police Department"


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        (b"STATE,LAW ENFORCEMENT AGENCY\nTEXAS,Harris\n", "not an .xlsx workbook.*text"),
        (b"%PDF-1.7 ...", "not an .xlsx workbook.*a PDF"),
        (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "old-style .xls"),
        (b"<!DOCTYPE html><html>", "web page"),
        (b"", "empty file"),
    ],
)
def test_not_an_xlsx_is_refused(tmp_path: Path, content: bytes, expected: str) -> None:
    path = tmp_path / "participatingAgencies07182025pm.xlsx"
    path.write_bytes(content)
    with pytest.raises(FileProblem, match=expected):
        read_sheet(path)


def test_a_corrupt_zip_is_refused(tmp_path: Path) -> None:
    folder = shared_sheets()
    path = tmp_path / JULY_PARTICIPATING
    path.write_bytes((folder / JULY_PARTICIPATING).read_bytes()[:40_000])
    with pytest.raises(FileProblem, match=r"damaged \.xlsx"):
        read_sheet(path)


def test_a_zip_that_is_no_workbook_is_refused(tmp_path: Path) -> None:
    path = tmp_path / JULY_PARTICIPATING
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("word/document.xml", "<w/>")
    with pytest.raises(FileProblem, match="not an Excel workbook"):
        read_sheet(path)


def test_an_xlsx_of_something_else_is_refused(tmp_path: Path) -> None:
    path = write_sheet(tmp_path / "contacts.xlsx", [["Ana", "ana@example.org"]], ["Name", "Email"])
    with pytest.raises(
        FileProblem, match="not an ICE 287\\(g\\) sheet: no header row with STATE and LAW ENFORCEMENT AGENCY"
    ):
        read_sheet(path, date(2025, 7, 18))


def test_a_missing_header_is_named(tmp_path: Path) -> None:
    header = ["STATE", "LAW ENFORCEMENT AGENCY", "TYPE", "COUNTY", "SIGNED", "MOA"]
    path = write_sheet(
        tmp_path / "participatingAgencies07182025pm.xlsx",
        [["TEXAS", "X", "County", "Y", date(2025, 1, 1), "link"]],
        header,
    )
    with pytest.raises(FileProblem) as caught:
        read_sheet(path)
    message = str(caught.value)
    assert "no column SUPPORT TYPE" in message
    assert (
        "expected headers STATE, LAW ENFORCEMENT AGENCY, TYPE, COUNTY, SUPPORT TYPE, SIGNED, MOA" in message
    )
    assert "line 1" in message


def test_a_participating_sheet_needs_its_signed_column(tmp_path: Path) -> None:
    path = write_sheet(
        tmp_path / "participatingAgencies07182025pm.xlsx",
        [["TEXAS", "X", "County", "Y", "Task Force Model"]],
        PENDING,
    )
    with pytest.raises(FileProblem, match="no column SIGNED, MOA"):
        read_sheet(path)


def test_headers_without_rows_are_refused(tmp_path: Path) -> None:
    path = write_sheet(tmp_path / "pendingAgencies07182025pm.xlsx", [[None] * 5, []], PENDING)
    with pytest.raises(FileProblem, match="no agencies"):
        read_sheet(path)
