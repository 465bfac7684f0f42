"""Building ICE-like sheets for tests, and finding ICE's real July 2025 sheets."""

from __future__ import annotations

import os
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

import pytest

PARTICIPATING = [
    "STATE",
    "LAW ENFORCEMENT AGENCY",
    "TYPE",
    "COUNTY",
    "SUPPORT TYPE",
    "SIGNED",
    "MOA",
    "ADDENDUM",
]
PENDING = ["STATE", "LAW ENFORCEMENT AGENCY", "TYPE", "COUNTY", "SUPPORT TYPE"]
JULY_PARTICIPATING = "participatingAgencies07182025pm.xlsx"
JULY_PENDING = "pendingAgencies07182025pm.xlsx"


def shared_sheets() -> Path:
    """ICE's sheets of July 18, 2025 as kept in the project's shared folder; skip when absent."""
    folder = Path(os.environ.get("MEETINGKIT_SHARED", "/work/shared")) / "data" / "ice-287g"
    if not (folder / JULY_PARTICIPATING).is_file() or not (folder / JULY_PENDING).is_file():
        pytest.skip(f"ICE's July 2025 sheets are not in {folder}")
    return folder


def write_sheet(
    path: Path,
    rows: Iterable[Sequence[Any]],
    header: Sequence[Any] = PARTICIPATING,
    *,
    above: Iterable[Sequence[Any]] = (),
    links: dict[tuple[int, int], str] | None = None,
) -> Path:
    """An .xlsx with optional rows above the header; ``links`` puts a hyperlink on (data row, column)."""
    import openpyxl

    book = openpyxl.Workbook()
    sheet = book.active
    for row in above:
        sheet.append(list(row))
    sheet.append(list(header))
    start = sheet.max_row
    for row in rows:
        sheet.append(list(row))
    for (row, column), url in (links or {}).items():
        sheet.cell(row=start + 1 + row, column=column + 1).hyperlink = url
    book.save(path)
    return path


def july_rows(folder: Path, name: str) -> list[list[Any]]:
    """The real sheet's data rows, to build a "later" sheet from."""
    import openpyxl

    book = openpyxl.load_workbook(folder / name, read_only=True)
    rows = [list(r) for r in book.active.iter_rows(values_only=True)]
    header = [c for c in rows[0] if c is not None]
    return [r[: len(header)] for r in rows[1:] if any(c not in (None, "") for c in r)]


def write_large_sheet(path: Path, header: Sequence[str], rows: Iterable[Sequence[str]]) -> Path:
    """A bare .xlsx of inline strings, written directly: openpyxl takes far longer for 50,000 rows."""
    import zipfile
    from xml.sax.saxutils import escape

    def row_xml(number: int, cells: Sequence[str]) -> str:
        inner = "".join(f'<c t="inlineStr"><is><t>{escape(v)}</t></is></c>' for v in cells)
        return f'<row r="{number}">{inner}</row>'

    body = [row_xml(1, header)] + [row_xml(n, r) for n, r in enumerate(rows, start=2)]
    main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
    rel = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
    pkg = "http://schemas.openxmlformats.org/package/2006/relationships"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr(
            "[Content_Types].xml",
            '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
            '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
            '<Default Extension="xml" ContentType="application/xml"/>'
            '<Override PartName="/xl/workbook.xml" '
            'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>'
            '<Override PartName="/xl/worksheets/sheet1.xml" '
            'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>',
        )
        archive.writestr(
            "_rels/.rels",
            f'<Relationships xmlns="{pkg}"><Relationship Id="rId1" Target="xl/workbook.xml" '
            f'Type="{rel}/officeDocument"/></Relationships>',
        )
        archive.writestr(
            "xl/workbook.xml",
            f'<workbook xmlns="{main}" xmlns:r="{rel}"><sheets><sheet name="Sheet1" sheetId="1" r:id="rId1"/>'
            "</sheets></workbook>",
        )
        archive.writestr(
            "xl/_rels/workbook.xml.rels",
            f'<Relationships xmlns="{pkg}"><Relationship Id="rId1" Target="worksheets/sheet1.xml" '
            f'Type="{rel}/worksheet"/></Relationships>',
        )
        archive.writestr(
            "xl/worksheets/sheet1.xml",
            f'<worksheet xmlns="{main}"><sheetData>{"".join(body)}</sheetData></worksheet>',
        )
    return path
