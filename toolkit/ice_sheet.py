"""Reading one of ICE's 287(g) .xlsx sheets into a ``Sheet``, or refusing it with a reason.

ICE's files vary: columns move and get added, headers and cells carry
trailing and non-breaking spaces, apostrophes are curly or straight, there are
blank rows and empty extra columns, SIGNED is a date cell or text, MOA holds
link text with the address behind it. Columns are found by header name and
every cell is normalised; anything that is not such a sheet is refused with
what was expected. The spreadsheet reader (python-calamine: a compiled reader,
imported in about 2 ms against openpyxl's 200 ms, reading the July 2025 sheet
in about 20 ms against 180 ms) is imported only here, only when importing.
"""

from __future__ import annotations

import hashlib
import io
import posixpath
import re
import zipfile
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, urlsplit
from xml.etree import ElementTree

from .errors import FileProblem, UsageError
from .ice import Agreement, Kind, Link, Sheet, clean

MAX_BYTES = 20_000_000
"""ICE's sheets are about 110 KB; anything this large is something else."""
MAX_UNZIPPED = 400_000_000
"""A zip that inflates past this is refused before it is read (a zip bomb)."""
HEADER_SEARCH_ROWS = 20

HEADERS: dict[str, tuple[str, ...]] = {
    "state": ("STATE",),
    "agency": ("LAW ENFORCEMENT AGENCY", "AGENCY", "AGENCY NAME"),
    "type": ("TYPE", "AGENCY TYPE"),
    "county": ("COUNTY",),
    "model": ("SUPPORT TYPE", "MODEL", "287(G) MODEL"),
    "signed": ("SIGNED", "DATE SIGNED", "SIGNED DATE"),
    "moa": ("MOA",),
    "addendum": ("ADDENDUM",),
}
"""Field → the header names ICE has used for it (normalised: capitals, single spaces)."""

REQUIRED: dict[Kind, tuple[str, ...]] = {
    "pending": ("state", "agency", "type", "county", "model"),
    "participating": ("state", "agency", "type", "county", "model", "signed", "moa"),
}

_NAME_DATE = re.compile(r"(?<!\d)(\d{2})(\d{2})(\d{4})(?:am|pm)?(?!\d)", re.IGNORECASE)
_ISO_IN_NAME = re.compile(r"(?<!\d)(\d{4})-(\d{2})-(\d{2})(?!\d)")
_US_DATE = re.compile(r"^(\d{1,2})\s*[/.-]\s*(\d{1,2})\s*[/.-]?\s*(\d{4}|\d{2})$")
_EXCEL_EPOCH = date(1899, 12, 30)


def date_from_name(name: str) -> date | None:
    """ICE's file names carry the day: ``participatingAgencies07182025pm.xlsx`` → 2025-07-18."""
    for pattern, order in ((_NAME_DATE, (2, 0, 1)), (_ISO_IN_NAME, (0, 1, 2))):
        for found in pattern.finditer(name):
            parts = [int(p) for p in found.groups()]
            try:
                return date(parts[order[0]], parts[order[1]], parts[order[2]])
            except ValueError:
                continue
    return None


def kind_from_name(name: str) -> Kind | None:
    lowered = name.lower()
    if "pending" in lowered:
        return "pending"
    if "participating" in lowered:
        return "participating"
    return None


def read_sheet(path: Path, as_of: date | None = None) -> Sheet:
    """The sheet in ``path``; ``as_of`` is its date when the file name does not carry one."""
    data = _read_bytes(path)
    where = str(path)
    cells, links = _workbook(where, data)
    header_at, columns, kind = _header(where, path.name, cells)
    day = as_of or date_from_name(path.name)
    if day is None:
        raise UsageError(
            f"{path.name}: the file name carries no date (ICE names its files like "
            "participatingAgencies07182025pm.xlsx); give the sheet's date with --as-of YYYY-MM-DD"
        )
    rows = []
    for number, raw in enumerate(cells[header_at + 1 :], start=header_at + 1):
        row = _row(raw, columns, kind, links, number)
        if row is not None:
            rows.append(row)
    if not rows:
        raise FileProblem(where, f"the {kind} sheet has its headers but no agencies under them")
    return Sheet(kind=kind, as_of=day, source=path.name, sha256=hashlib.sha256(data).hexdigest(), rows=rows)


def _read_bytes(path: Path) -> bytes:
    try:
        size = path.stat().st_size
        if path.is_dir():
            raise FileProblem(path, "is a folder; give the .xlsx file downloaded from ICE")
        if not path.is_file():  # a pipe would block the read, a device never end it
            raise FileProblem(path, "is not a regular file; give the .xlsx file downloaded from ICE")
        if size > MAX_BYTES:
            raise FileProblem(
                path, f"is {size / 1e6:.0f} MB, too large for ICE's 287(g) sheet (about 0.1 MB); not imported"
            )
        return path.read_bytes()
    except FileNotFoundError:
        raise FileProblem(path, "no such file") from None
    except OSError as exc:
        raise FileProblem(path, f"cannot be read ({exc.strerror})") from None


def _not_xlsx(data: bytes) -> str:
    head = data[:8]
    if head.startswith(b"%PDF"):
        seems = "a PDF"
    elif head.startswith(b"\xd0\xcf\x11\xe0"):
        seems = "an old-style .xls workbook: open it and save it as .xlsx"
    elif head.lstrip().startswith(b"<"):
        seems = "a web page: the download may have failed"
    elif not data:
        seems = "an empty file"
    else:
        seems = "text or other data"
    return f"not an .xlsx workbook (expected ICE's 287(g) sheet as .xlsx; this is {seems})"


def _workbook(where: str, data: bytes) -> tuple[list[list[Any]], dict[tuple[int, int], str]]:
    """The first sheet's cells (row, column as in the file) and the hyperlinks behind them."""
    if not data.startswith(b"PK\x03\x04"):
        raise FileProblem(where, _not_xlsx(data))
    damaged = "a damaged .xlsx (the zip archive is incomplete or corrupt; download it again)"
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
        members = archive.infolist()
    except (zipfile.BadZipFile, OSError, ValueError):
        raise FileProblem(where, damaged) from None
    if "xl/workbook.xml" not in archive.namelist():
        raise FileProblem(where, "a zip archive but not an Excel workbook (no xl/workbook.xml)")
    if sum(m.file_size for m in members) > MAX_UNZIPPED:
        raise FileProblem(where, "unpacks to far more than any ICE sheet; not imported")
    import python_calamine

    try:
        book = python_calamine.CalamineWorkbook.from_filelike(io.BytesIO(data))
        cells = book.get_sheet_by_index(0).to_python(skip_empty_area=False)
    except (python_calamine.CalamineError, zipfile.BadZipFile, OSError, ValueError, IndexError):
        raise FileProblem(where, damaged) from None
    try:
        links = _hyperlinks(archive)
    except (KeyError, ElementTree.ParseError, zipfile.BadZipFile, OSError, ValueError, UnicodeDecodeError):
        links = {}  # the cells were readable; the addresses behind "link" are a bonus
    return cells, links


_NS = {
    "main": "http://schemas.openxmlformats.org/spreadsheetml/2006/main",
    "rel": "http://schemas.openxmlformats.org/officeDocument/2006/relationships",
    "pkg": "http://schemas.openxmlformats.org/package/2006/relationships",
}


def _hyperlinks(archive: zipfile.ZipFile) -> dict[tuple[int, int], str]:
    """(row, column) → address for the first sheet's links: the MOA cells say "link", the file knows where."""
    book = ElementTree.fromstring(archive.read("xl/workbook.xml"))
    first = book.find("main:sheets/main:sheet", _NS)
    if first is None:
        return {}
    rid = first.get(f"{{{_NS['rel']}}}id", "")
    targets = _relations(archive, "xl/_rels/workbook.xml.rels")
    sheet_path = posixpath.normpath(posixpath.join("xl", targets[rid].lstrip("/").removeprefix("xl/")))
    folder, name = posixpath.split(sheet_path)
    sheet_rels = _relations(archive, f"{folder}/_rels/{name}.rels")
    if not sheet_rels:
        return {}
    xml = archive.read(sheet_path)
    tail = xml[max(0, xml.rfind(b"sheetData>")) :]  # links come after the cells: no need to parse those
    found: dict[tuple[int, int], str] = {}
    for attributes in _LINK.findall(tail):
        ref, link_id = _REF.search(attributes), _LINK_ID.search(attributes)
        cell = _cell_ref(ref.group(1).decode()) if ref else None
        address = sheet_rels.get(link_id.group(1).decode(), "") if link_id else ""
        if cell and address:
            found[cell] = address
    return found


_LINK = re.compile(rb"<(?:\w+:)?hyperlink\s([^>]*)>")
_REF = re.compile(rb'(?:^|\s)ref="([^"]*)"')
_LINK_ID = re.compile(rb'(?:^|\s)\w+:id="([^"]*)"')


def _relations(archive: zipfile.ZipFile, member: str) -> dict[str, str]:
    if member not in archive.namelist():
        return {}
    rels = ElementTree.fromstring(archive.read(member))
    return {r.get("Id", ""): r.get("Target", "") for r in rels.findall("pkg:Relationship", _NS)}


def _cell_ref(ref: str) -> tuple[int, int] | None:
    found = re.match(r"([A-Z]+)(\d+)", ref.split(":")[0])
    if not found:
        return None
    column = 0
    for letter in found.group(1):
        column = column * 26 + ord(letter) - 64
    return int(found.group(2)) - 1, column - 1


def _header_name(value: Any) -> str:
    return clean(str(value)).upper() if value is not None else ""


def _header(where: str, file_name: str, cells: list[list[Any]]) -> tuple[int, dict[str, int], Kind]:
    """The header row, the column of each field, and the sheet's kind; or why this is no ICE sheet."""
    for at, raw in enumerate(cells[:HEADER_SEARCH_ROWS]):
        names = [_header_name(v) for v in raw]
        if "STATE" not in names or not any(n in names for n in HEADERS["agency"]):
            continue
        columns: dict[str, int] = {}
        for field, accepted in HEADERS.items():
            column = next((i for i, n in enumerate(names) if n in accepted), None)
            if column is not None:
                columns[field] = column
        kind = kind_from_name(file_name) or ("participating" if "signed" in columns else "pending")
        missing = [HEADERS[f][0] for f in REQUIRED[kind] if f not in columns]
        if missing:
            expected = ", ".join(HEADERS[f][0] for f in REQUIRED[kind])
            raise FileProblem(
                where,
                f"not ICE's {kind} sheet as expected: no column {', '.join(missing)} "
                f"(expected headers {expected}; found {', '.join(n for n in names if n) or 'none'})",
                line=at + 1,
            )
        return at, columns, kind
    raise FileProblem(
        where,
        "not an ICE 287(g) sheet: no header row with STATE and LAW ENFORCEMENT AGENCY "
        f"in its first {HEADER_SEARCH_ROWS} rows (expected ICE's participating or pending agencies sheet)",
    )


def _text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, datetime | date):
        return value.isoformat()[:10]
    return clean(str(value))


def signed_date(value: Any) -> tuple[date | None, str]:
    """A SIGNED cell → (the date, "") or (None, the text as written) when it is not a readable date."""
    if isinstance(value, datetime):
        return value.date(), ""
    if isinstance(value, date):
        return value, ""
    if isinstance(value, int | float) and not isinstance(value, bool) and 20_000 < value < 80_000:
        return _EXCEL_EPOCH + timedelta(days=int(value)), ""  # a date cell without its date format
    text = _text(value)
    if not text:
        return None, ""
    try:
        return date.fromisoformat(text[:10]), ""
    except ValueError:
        pass
    us = _US_DATE.match(text)  # also ICE's slips such as "7/72025" and "05/082025"
    if us:
        month, day, year = (int(p) for p in us.groups())
        try:
            return date(year + 2000 if year < 100 else year, month, day), ""
        except ValueError:
            return None, text
    for pattern in ("%B %d, %Y", "%b %d, %Y", "%d %B %Y"):
        try:
            return datetime.strptime(text, pattern).date(), ""
        except ValueError:
            continue
    return None, text


def _safe_url(address: str) -> str:
    """Only web addresses are kept; Outlook's "safelinks" wrapping is taken off to show ICE's own."""
    parts = urlsplit(address.strip())
    if parts.hostname and parts.hostname.endswith("safelinks.protection.outlook.com"):
        inner = parse_qs(parts.query).get("url", [""])[0]
        return _safe_url(inner) if inner else ""
    return address.strip() if parts.scheme in ("http", "https") and parts.hostname else ""


def _link(text: str, address: str) -> tuple[Link, str]:
    lowered = text.lower()
    if not lowered:
        return "none", ""
    if "pending" in lowered:
        return "pending", ""
    url = _safe_url(address) or _safe_url(text)
    return "linked", url


def _row(
    raw: list[Any], columns: dict[str, int], kind: Kind, links: dict[tuple[int, int], str], number: int
) -> Agreement | None:
    def cell(field: str) -> Any:
        column = columns.get(field)
        return raw[column] if column is not None and column < len(raw) else None

    state, agency = _text(cell("state")), _text(cell("agency"))
    if not state or not agency:
        return None  # a blank row, or a note under the table
    fields: dict[str, Any] = {
        "state": state,
        "agency": agency,
        "type": _text(cell("type")),
        "county": _text(cell("county")),
        "model": _text(cell("model")),
    }
    if kind == "participating":
        fields["signed"], fields["signed_text"] = signed_date(cell("signed"))
        for field in ("moa", "addendum"):
            address = links.get((number, columns[field]), "") if field in columns else ""
            fields[field], fields[f"{field}_url"] = _link(_text(cell(field)), address)
    return Agreement(**fields)
