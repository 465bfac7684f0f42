"""``meetingkit answer``: log what happened to one question at one meeting."""

from __future__ import annotations

import argparse
from datetime import date

from ..model import ANSWER_STATUSES, Answer
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
    ws = context.open_workspace(args)
    meeting = ws.meeting(args.meeting_id)
    question = context.bank_of(ws).get(args.question_id)
    if question.id not in {e.question for e in meeting.agenda}:
        context.warn(f"{question.id} is not on the agenda of {meeting.id}; logged anyway")
    if meeting.date > date.today():
        context.warn(f"{meeting.id} is on {meeting.date.isoformat()}, not held yet; logged anyway")

    from ..tracker import log_answer

    def change(answer: Answer) -> None:
        log_answer(answer, args.status, args.official, args.said, args.source, args.notes)

    ws.update_answer(meeting.id, question.id, change)
    print(
        f"logged {args.status} for {question.id} at {meeting.id} ({ws.answer_path(meeting.id, question.id)})"
    )
    return 0
