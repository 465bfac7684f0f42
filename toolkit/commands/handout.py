"""``meetingkit handout``: the one-page handout for the audience, officials and press."""

from __future__ import annotations

import argparse
import sys
from datetime import date

from ..actions.print_handout import SIDES, HandoutOptions, print_handout
from ..actions.printed import PAPERS, target, write
from ..errors import UsageError, one_line
from . import context


def register(sub: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    p = sub.add_parser("handout", parents=[common], help="print a meeting's one-page handout (PDF)")
    p.add_argument(
        "meeting_id", metavar="MEETING_ID", help="the meeting (`meetingkit meeting list` shows ids)"
    )
    add_output(p)
    p.add_argument(
        "--lang", help="en, es, or en,es for both side by side (default: the workspace's languages)"
    )
    add_page_options(p, "never below 18 pt instead of 10 pt")
    p.add_argument(
        "--sides",
        type=int,
        choices=SIDES,
        default=SIDES[0],
        help="2: a two-sided sheet, one language on each side (a PDF of two pages)",
    )
    p.add_argument("--no-why", dest="why", action="store_false", help="leave out “why it matters”")
    p.add_argument("--no-ways", dest="ways", action="store_false", help="leave out “what you can do”")
    p.add_argument(
        "--no-ice",
        dest="ice",
        action="store_false",
        help="leave out what ICE's 287(g) list says about your agency (or set ice: false)",
    )
    p.add_argument("--promises", action="store_true", help="print the promises on the record instead")
    p.add_argument(
        "--owed-only", action="store_true", help="with --promises: leave out kept and withdrawn ones"
    )
    p.add_argument(
        "--as-of", type=context.iso_date, help="with --promises: the day to judge by (default: the meeting's)"
    )
    p.set_defaults(handler=run)


def add_output(p: argparse.ArgumentParser) -> None:
    p.add_argument("-o", "--output", required=True, metavar="FILE.pdf", help="where to write the PDF")


def add_page_options(p: argparse.ArgumentParser, large_print: str) -> None:
    """The options every printed page shares (paper, large print, font)."""
    p.add_argument("--paper", choices=PAPERS, default=PAPERS[0], help=f"paper size (default: {PAPERS[0]})")
    p.add_argument("--large-print", action="store_true", help=large_print)
    p.add_argument(
        "--font",
        metavar="TTF",
        help="print in this TrueType font (default: Helvetica, or DejaVu Sans for letters Helvetica lacks)",
    )


def run(args: argparse.Namespace) -> int:
    if args.promises:
        if args.sides != 1:
            raise UsageError("--sides 2 is for the question handout; the promises handout is one page")
        from .promises import run_handout

        return run_handout(args)
    ws = context.open_workspace(args)
    settings = ws.settings()
    meeting = ws.meeting(args.meeting_id)
    bank = context.bank_of(ws)
    path = target(args.output, ws.root)
    options = HandoutOptions(
        langs=langs_of(args.lang),
        paper=args.paper,
        large_print=args.large_print,
        font=args.font,
        sides=args.sides,
        why=args.why,
        ways=args.ways,
        ice=args.ice,
    )
    printed = print_handout(settings, meeting, bank, ws.root, date.today(), options)
    write(printed, path)
    for note in printed.notes:
        print(f"note: {one_line(note)}", file=sys.stderr)
    print(path)
    return 0


def langs_of(value: str | None) -> tuple[str, ...]:
    """``--lang en,es`` as the print jobs take it (empty: their default)."""
    return tuple(value.split(",")) if value else ()
