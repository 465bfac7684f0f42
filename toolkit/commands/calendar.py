"""``meetingkit calendar``: meetings and promise due dates for a calendar program."""

from __future__ import annotations

import argparse
from datetime import UTC, datetime

from . import context


def register(sub: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    p = sub.add_parser(
        "calendar",
        parents=[common],
        help="write meetings, promise and records-request due dates as an .ics file",
        description="Meetings (with time and place), promise due dates and records-request due dates "
        "(all-day) as iCalendar. "
        "Import the file again after changes: events keep their ids, so they update instead of doubling.",
    )
    p.add_argument("-o", "--output", metavar="FILE.ics", required=True, help="the .ics file to write")
    p.add_argument("--as-of", type=context.iso_date, help="the day statuses are shown as of (default: today)")
    p.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    from ..atomic import output_file, write_bytes
    from ..exports import calendar_ics
    from ..tracker import promise_rows
    from .record import as_of, load_record
    from .request import load_rows

    target = output_file(args.output, ".ics", context.workspace(args).root)
    ws = context.open_workspace(args)
    record = load_record(ws)
    day = as_of(args.as_of)
    rows = promise_rows(record.answers, day)
    requests, request_problems = load_rows(ws, day)
    stamp = datetime.now(UTC).replace(microsecond=0)
    data = calendar_ics(record.meetings, rows, record.settings, stamp, requests)
    write_bytes(target, data)
    print(target)
    return record.exit_code or int(request_problems)
