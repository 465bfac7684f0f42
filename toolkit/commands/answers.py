"""``meetingkit answer``: log what happened to one question at one meeting."""

from __future__ import annotations

import argparse
from datetime import date

from ..model import ANSWER_STATUSES
from . import context


def register(sub: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    p = sub.add_parser("answer", parents=[common], help="log how a question was answered")
    p.add_argument("meeting_id", metavar="MEETING_ID")
    p.add_argument("question_id", metavar="QUESTION_ID")
    p.add_argument("--status", required=True, choices=ANSWER_STATUSES, help="how it was answered")
    p.add_argument("--official", help='who answered, e.g. "Sheriff Dana Whitfield"')
    p.add_argument("--said", help="what was said (quote or paraphrase)")
    p.add_argument("--source", help="where it is on the record: minutes link, video time")
    p.add_argument("--notes", help="private notes (never printed unless asked for)")
    p.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    from ..actions.answers import log_answer

    ws = context.open_workspace(args)
    logged = log_answer(
        ws,
        context.bank_of(ws),
        args.meeting_id,
        args.question_id,
        args.status,
        official=args.official,
        said=args.said,
        source=args.source,
        notes=args.notes,
        today=date.today(),
    )
    for warning in logged.warnings:
        context.warn(warning)
    a = logged.answer
    print(f"logged {a.status} for {a.question} at {a.meeting} ({ws.root / logged.file})")
    return 0
