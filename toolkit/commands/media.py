"""``meetingkit media MEETING_ID``: a media inquiry drafted from the record
(``toolkit.actions.media``, which the app calls too)."""

from __future__ import annotations

import argparse
import sys
from datetime import date

from . import context


def register(sub: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    p = sub.add_parser(
        "media",
        parents=[common],
        help="draft a media inquiry / press advisory from a meeting's record",
        description="The questions asked at the meeting, the answers officials dodged (with quotes and "
        "sources), promises past due and records requests past the law's deadline, as Markdown to edit.",
    )
    p.add_argument("meeting_id", metavar="MEETING_ID")
    p.add_argument("-o", "--output", metavar="FILE.md", help="write here (default: print it)")
    p.add_argument("--lang", help="en, es or en,es (default: the group's languages)")
    p.add_argument("--as-of", type=context.iso_date, help="the day to count from (default: today)")
    p.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    from ..actions.media import media_inquiry, write_text
    from ..atomic import output_file

    root = context.workspace(args).root
    if args.output:
        output_file(args.output, "", root)  # a wrong -o is refused before any work
    draft = media_inquiry(
        context.open_workspace(args), args.meeting_id, args.as_of or date.today(), args.lang
    )
    for line in draft.skipped:
        context.warn(f"skipped {line}")
    if args.output:
        print(write_text(args.output, draft.text, root))
    else:
        sys.stdout.write(draft.text)
    return 1 if draft.left_out else 0
