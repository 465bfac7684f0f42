"""``meetingkit testimony draft|time|print``: each speaker's text, its spoken length, and paper copies."""

from __future__ import annotations

import argparse

from ..errors import NotFound, UsageError, one_line
from ..model import Testimony
from . import context
from .handout import add_output, add_page_options


def register(sub: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    p = sub.add_parser("testimony", parents=[common], help="draft and time each speaker's testimony")
    tsub = p.add_subparsers(dest="action", metavar="ACTION", required=True, parser_class=type(p))
    d = tsub.add_parser("draft", parents=[common], help="start a speaker's draft; prints the file's path")
    d.add_argument("meeting_id", metavar="MEETING_ID")
    d.add_argument("--speaker", required=True, help="the speaker's name")
    d.add_argument("--neighbourhood", default="", help="where the speaker lives, said in the intro")
    d.add_argument(
        "--follow-up", action="store_true", help="start from what is still open from earlier meetings"
    )
    d.add_argument("--as-of", type=context.iso_date, help="with --follow-up: the day to count from")
    d.set_defaults(handler=run_draft)
    t = tsub.add_parser("time", parents=[common], help="words and speaking time against the limit")
    t.add_argument("meeting_id", metavar="MEETING_ID")
    t.add_argument("--speaker", help="only this speaker")
    context.add_json(t)
    t.set_defaults(handler=run_time)
    pr = tsub.add_parser("print", parents=[common], help="the speaker copy (or --written copy) as a PDF")
    pr.add_argument("meeting_id", metavar="MEETING_ID")
    pr.add_argument("--speaker", required=True, help="the speaker's name")
    add_output(pr)
    pr.add_argument("--written", action="store_true", help="a formal letter to the body, for the record")
    add_page_options(pr, "speaker copy in 20 pt type instead of 16 pt")
    pr.set_defaults(handler=run_print)


def run_draft(args: argparse.Namespace) -> int:
    from ..actions.testimony_draft import draft_testimony

    ws = context.open_workspace(args)
    meeting = ws.meeting(args.meeting_id)
    speaker = args.speaker.strip()
    if not speaker:
        raise UsageError("--speaker needs a name")
    path = ws.testimony_path(meeting.id, speaker)
    if path.exists():
        print(path)
        context.warn(f"{speaker} already has a draft; it was left as it is (open it in your editor)")
        return 0
    drafted = draft_testimony(
        ws, meeting, speaker, args.neighbourhood, follow_up=args.follow_up, as_of=args.as_of
    )
    for line in drafted.skipped:
        context.warn(f"skipped {line}")
    saved = ws.save_testimony(
        Testimony(meeting=meeting.id, speaker=speaker, text=drafted.text, neighbourhood=args.neighbourhood)
    )
    print(saved)
    return 0


def run_time(args: argparse.Namespace) -> int:
    from ..testimony import timing

    ws = context.open_workspace(args)
    meeting = ws.meeting(args.meeting_id)
    wpm = ws.settings().wpm
    loaded = ws.testimonies(meeting.id)
    for problem in loaded.problems:
        context.warn(f"skipped {problem}")
    drafts = loaded.records
    if args.speaker:
        drafts = [t for t in drafts if t.speaker == args.speaker.strip()]
        if not drafts:
            raise _no_testimony(meeting.id, args.speaker)
    rows = []
    for t in drafts:
        tm = timing(t.text, meeting.minutes, wpm)
        rows.append(
            {
                "speaker": t.speaker,
                "words": tm.words,
                "seconds": tm.seconds,
                "limit_seconds": tm.limit_seconds,
                "limit_words": tm.limit_words,
                "spare_words": tm.spare_words,
                "state": tm.state,
                "wpm": wpm,
                "summary": tm.summary(),
            }
        )
    if args.json:
        context.print_json(rows)
    elif not rows:
        print(f"no testimony yet for {meeting.id}: meetingkit testimony draft {meeting.id} --speaker NAME")
    for row in rows if not args.json else []:
        print(one_line(f"{row['speaker']}: {row['summary']}"))
    return 0


def run_print(args: argparse.Namespace) -> int:
    from ..actions.print_testimony import CopyOptions, print_testimony
    from ..actions.printed import target, write

    ws = context.open_workspace(args)
    meeting = ws.meeting(args.meeting_id)
    speaker = args.speaker.strip()
    found = ws.testimony(meeting.id, speaker)
    if found is None:
        raise _no_testimony(meeting.id, speaker)
    path = target(args.output, ws.root)
    options = CopyOptions(
        paper=args.paper, large_print=args.large_print, font=args.font, written=args.written
    )
    write(print_testimony(ws.settings(), meeting, found, ws.root, options), path)
    print(path)
    return 0


def _no_testimony(meeting_id: str, speaker: str) -> NotFound:
    return NotFound(
        f"no testimony by {speaker!r} for {meeting_id}; "
        f'start one with `meetingkit testimony draft {meeting_id} --speaker "{speaker}"`'
    )
