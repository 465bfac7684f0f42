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
    from ..actions.report import calendar
    from ..atomic import output_file, write_bytes
    from .record import as_of

    target = output_file(args.output, ".ics", context.workspace(args).root)
    ws = context.open_workspace(args)
    written = calendar(ws, as_of(args.as_of), datetime.now(UTC).replace(microsecond=0))
    for line in written.skipped:
        context.warn(f"skipped {line}")
    write_bytes(target, written.data)
    print(target)
    return int(bool(written.skipped))
