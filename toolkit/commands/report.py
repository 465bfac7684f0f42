"""``meetingkit report``: the accountability report as Markdown, CSV or PDF."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from ..errors import UsageError
from ..report_columns import CSV_COLUMNS, PRIVATE_COLUMN
from . import context

FORMATS = ("md", "csv", "pdf")


def register(sub: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    columns = "\n".join(f"  {name:<13} {meaning}" for name, meaning in (*CSV_COLUMNS, PRIVATE_COLUMN))
    p = sub.add_parser(
        "report",
        parents=[common],
        help="the accountability report: every answer and promise, per question and official",
        formatter_class=argparse.RawDescriptionHelpFormatter,
        epilog="CSV columns (RFC 4180, UTF-8, one row per answer, ICE citation, promise and request):\n"
        f"{columns}\n\n"
        "A cell starting with =, +, -, @, a tab or a carriage return gets a leading ' so that a\n"
        "spreadsheet shows it instead of running it as a formula (OWASP's advice on CSV injection);\n"
        "--raw-csv turns that off for an export that must be byte-faithful.",
    )
    p.add_argument(
        "--format", choices=FORMATS, help="md (default), csv or pdf; taken from -o's suffix when not given"
    )
    p.add_argument("-o", "--output", metavar="FILE", help="write here (md and csv go to stdout without it)")
    p.add_argument("--as-of", type=context.iso_date, help="the day to judge overdue by (default: today)")
    p.add_argument(
        "--include-private", action="store_true", help="include private notes (do not share the result)"
    )
    p.add_argument(
        "--raw-csv",
        action="store_true",
        help="CSV cells exactly as typed, formulas not neutralised (see below)",
    )
    p.set_defaults(handler=run)


SUFFIXES = {".csv": "csv", ".pdf": "pdf"}


def chosen_format(fmt: str | None, output: str | None) -> str:
    """``--format`` when given, else what the file name says, else Markdown."""
    if fmt:
        return fmt
    return SUFFIXES.get(Path(output).suffix.lower(), "md") if output else "md"


def run(args: argparse.Namespace) -> int:
    fmt = chosen_format(args.format, args.output)
    if fmt == "pdf" and not args.output:
        raise UsageError("a PDF report needs a file: add -o report.pdf")
    from ..actions.report import report
    from ..atomic import output_file, write_bytes
    from .record import as_of

    # Markdown and CSV are text whatever their name; only a PDF must say it is one.
    suffix = ".pdf" if fmt == "pdf" else ""
    target = output_file(args.output, suffix, context.workspace(args).root) if args.output else None
    ws = context.open_workspace(args)
    written = report(
        ws, fmt, as_of(args.as_of), include_private=args.include_private, guard_formulas=not args.raw_csv
    )
    for line in written.skipped:
        context.warn(f"skipped {line}")
    data = written.data
    if target:
        write_bytes(target, data)
        print(target)
    else:
        sys.stdout.write(data.decode("utf-8"))
        sys.stdout.flush()
    if args.include_private:
        context.warn("the report includes private notes: keep it within the group")
    return int(bool(written.skipped))
