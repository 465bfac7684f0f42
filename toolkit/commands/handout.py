"""``meetingkit handout``: the one-page handout for the audience, officials and press."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path

from ..atomic import output_file, write_bytes
from ..bank import language_gaps
from ..errors import MeetingkitError, UsageError
from ..model import Settings
from . import context

PAPERS = ("letter", "a4")


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
        choices=(1, 2),
        default=1,
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
    p.add_argument("--paper", choices=PAPERS, default="letter", help="paper size (default: letter)")
    p.add_argument("--large-print", action="store_true", help=large_print)
    p.add_argument(
        "--font",
        metavar="TTF",
        help="print in this TrueType font (default: Helvetica, or DejaVu Sans for letters Helvetica lacks)",
    )


def _ice_known(root: Path, settings: Settings, langs: Sequence[str]) -> dict[str, dict[str, str]]:
    """ICE's own list on the 287(g) question, in each language, when it names the agency
    (a county-and-type guess is never printed for the public)."""
    from datetime import date

    from ..ice import ICE_QUESTION, ice_line
    from ..ice_store import cited_match

    found = cited_match(root, settings)
    if found is None or found.how != "name":
        return {ICE_QUESTION: {}}
    lines = {lang: ice_line(found, date.today(), lang) for lang in langs}
    return {ICE_QUESTION: {lang: line for lang, line in lines.items() if line}}


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
    path = output_file(args.output, ".pdf", ws.root)
    from ..errors import one_line
    from ..printing.fonts import font_file
    from ..printing.handout import Sections, parse_langs
    from ..printing.handout_pdf import handout_pdf

    langs = parse_langs(args.lang, settings)
    if gaps := language_gaps(meeting, settings, langs):
        raise MeetingkitError("; ".join(gaps))
    handout = handout_pdf(
        settings,
        meeting,
        bank,
        langs,
        paper=args.paper,
        large_print=args.large_print,
        font=font_file(args.font, settings.font, ws.root),
        sections=Sections(why=args.why, ways=args.ways),
        sides=args.sides,
        known=_ice_known(ws.root, settings, langs) if args.ice else {},
    )
    write_bytes(path, handout.data)
    for note in handout.notes():
        print(f"note: {one_line(note)}", file=sys.stderr)
    print(path)
    return 0
