"""The accountability report (Markdown, CSV, PDF) and the calendar (.ics),
assembled once for the command line and the app: the record, the promises
and the records requests as of a day, in the format asked for.

Blocking (it reads the whole workspace): the app calls it from a worker.
What could not be read is left out and named in ``skipped``, for the front
end to say; the report also says so in its own body.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime
from typing import TYPE_CHECKING

from ..store import Workspace
from .record import read_record

if TYPE_CHECKING:
    from ..requests import RequestRow


@dataclass(frozen=True)
class Written:
    """The bytes of one export, and what was left out of it (one line each)."""

    data: bytes
    skipped: list[str] = field(default_factory=list)


def request_rows_of(ws: Workspace, as_of: date) -> tuple[list[RequestRow], list[str], bool]:
    """Every records request with its clock as of ``as_of``; (rows, what was skipped, whether a
    request itself was left out: a broken law file in the table alone does not count)."""
    from ..laws import load_laws
    from ..request_store import RequestStore, closure_days
    from ..requests import request_rows

    loaded = RequestStore(ws).all()
    table = load_laws(ws.root)
    rows, orphans = request_rows(loaded.records, table.laws, as_of, closure_days(ws))
    skipped = [
        *(str(p) for p in loaded.problems),
        *(str(p) for p in table.problems),
        *(
            f"request {r.id}: no law {r.law!r} in the table (add {ws.root}/laws/{r.law}.yaml)"
            for r in orphans
        ),
    ]
    return rows, skipped, bool(loaded.problems or orphans)


def report(
    ws: Workspace, fmt: str, as_of: date, *, include_private: bool = False, guard_formulas: bool = True
) -> Written:
    """The accountability report as of ``as_of`` in ``fmt`` (md, csv or pdf)."""
    from ..exports import report_csv, report_markdown
    from ..ice_store import cited_match
    from ..tracker import summarize

    record = read_record(ws)
    summary = summarize(record.meetings, record.answers, record.bank, record.settings, as_of, include_private)
    requests, skipped, _ = request_rows_of(ws, as_of)
    left_out = record.left_out(ws)
    ice = cited_match(ws.root, record.settings)
    if fmt == "pdf":
        from ..printing.report_pdf import report_pdf

        data = report_pdf(summary, record.settings, requests, ice, left_out=left_out)
    elif fmt == "csv":
        rows = report_csv(summary, requests, left_out, guard_formulas=guard_formulas, ice=ice)
        data = rows.encode("utf-8")
    else:
        data = report_markdown(summary, record.settings, requests, ice, left_out).encode("utf-8")
    return Written(data, [*(str(p) for p in record.problems), *skipped])


def calendar(ws: Workspace, as_of: date, stamp: datetime) -> Written:
    """Meetings, promise and records-request due dates as iCalendar, statuses as of ``as_of``."""
    from ..exports import calendar_ics
    from ..tracker import promise_rows

    record = read_record(ws)
    rows = promise_rows(record.answers, as_of)
    requests, skipped, _ = request_rows_of(ws, as_of)
    data = calendar_ics(record.meetings, rows, record.settings, stamp, requests)
    return Written(data, [*(str(p) for p in record.problems), *skipped])
