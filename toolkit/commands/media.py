"""``meetingkit media MEETING_ID``: a media inquiry drafted from the record."""

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
    from ..atomic import output_file, write_bytes
    from ..media import media_inquiry
    from ..tracker import promise_rows
    from .record import load_record
    from .request import load_rows

    target = output_file(args.output, "", context.workspace(args).root) if args.output else None
    ws = context.open_workspace(args)
    record = load_record(ws)
    meeting = ws.meeting(args.meeting_id)
    as_of = args.as_of or date.today()
    wanted = args.lang or ",".join(x for x in record.settings.languages if x in ("en", "es")) or "en"
    langs = [part.strip() for part in wanted.split(",") if part.strip()]
    overdue_promises = [r for r in promise_rows(record.answers, as_of) if r.overdue]
    requests, problems = load_rows(ws, as_of)
    overdue_requests = [r for r in requests if r.clock.overdue]
    answers = [a for a in record.answers if a.meeting == meeting.id]
    text = "\n---\n\n".join(
        media_inquiry(
            meeting, answers, record.bank, record.settings, overdue_promises, overdue_requests, as_of, lang
        )
        for lang in langs
    )
    if target:
        write_bytes(target, text.encode("utf-8"))
        print(target)
    else:
        sys.stdout.write(text)
    return 1 if problems or len(record.problems) else 0
