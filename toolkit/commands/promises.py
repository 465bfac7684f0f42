"""``meetingkit promise add|list|update``: every follow-up an official committed to."""

from __future__ import annotations

import argparse
from datetime import date

from ..model import PROMISE_STATUSES
from . import context


def register(sub: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    p = sub.add_parser("promise", parents=[common], help="record and follow promises")
    psub = p.add_subparsers(dest="action", metavar="ACTION", required=True, parser_class=type(p))
    add = psub.add_parser("add", parents=[common], help="record a promise; prints its id")
    add.add_argument("meeting_id", metavar="MEETING_ID")
    add.add_argument("question_id", metavar="QUESTION_ID")
    add.add_argument("--what", required=True, help="what was promised")
    add.add_argument("--due", type=context.iso_date, help="YYYY-MM-DD (leave out if no date was given)")
    add.add_argument("--official", default="", help="who promised it")
    add.add_argument("--on", type=context.iso_date, help="when it was promised (default: the meeting's date)")
    add.set_defaults(handler=run_add)
    ls = psub.add_parser("list", parents=[common], help="every promise, most overdue first")
    ls.add_argument("--overdue", action="store_true", help="only open promises past their due date")
    ls.add_argument("--status", choices=PROMISE_STATUSES, help="only promises with this status")
    ls.add_argument("--as-of", type=context.iso_date, help="the day to judge overdue by (default: today)")
    context.add_json(ls)
    ls.set_defaults(handler=run_list)
    up = psub.add_parser("update", parents=[common], help="change a promise's status, with a dated note")
    up.add_argument("promise_id", metavar="PROMISE_ID")
    up.add_argument("--status", required=True, choices=PROMISE_STATUSES)
    up.add_argument("--note", default="", help="what happened")
    up.add_argument("--evidence", default="", help="link or document name that shows it")
    up.add_argument("--on", type=context.iso_date, help="when (default: today)")
    up.set_defaults(handler=run_update)
    rm = psub.add_parser(
        "delete", parents=[common], help="delete a promise logged by mistake (with its history)"
    )
    rm.add_argument("promise_id", metavar="PROMISE_ID")
    rm.add_argument(
        "--yes", action="store_true", help="needed when the promise has a history beyond being made"
    )
    rm.set_defaults(handler=run_delete)


def run_add(args: argparse.Namespace) -> int:
    from ..actions.answers import add_promise

    ws = context.open_workspace(args)
    promise, _ = add_promise(
        ws,
        context.bank_of(ws),
        args.meeting_id,
        args.question_id,
        args.what,
        due=args.due,
        official=args.official,
        on=args.on,
    )
    print(promise.id)
    return 0


def run_list(args: argparse.Namespace) -> int:
    from ..tracker import NO_DATE, promise_rows

    ws = context.open_workspace(args)
    loaded = ws.answers()
    for problem in loaded.problems:
        context.warn(f"skipped {problem}")
    as_of = args.as_of or date.today()
    rows = promise_rows(loaded.records, as_of)
    if args.overdue:
        rows = [r for r in rows if r.overdue]
    if args.status:
        rows = [r for r in rows if r.status == args.status]
    if args.json:
        context.print_json([r.as_json() for r in rows])
    else:
        if not rows:
            print("no promises" + (" overdue" if args.overdue else "") + f" as of {as_of.isoformat()}")
        from ..errors import one_line

        for r in rows:
            p = r.promise
            late = f"  OVERDUE {r.days_overdue} days" if r.overdue else ""
            who = f" — {p.official}" if p.official else ""
            due = f"due {p.due.isoformat()}" if p.due else NO_DATE
            print(f"{p.id}\n    {r.status}, {due}{late}: {one_line(p.what + who)}")
    return 1 if loaded.problems else 0


def run_update(args: argparse.Namespace) -> int:
    from ..actions.answers import update_promise

    ws = context.open_workspace(args)
    promise, _ = update_promise(
        ws, args.promise_id, args.status, args.on or date.today(), args.note, args.evidence
    )
    print(f"{promise.id}: {promise.status}")
    return 0


def run_delete(args: argparse.Namespace) -> int:
    from ..actions.answers import delete_promise

    ws = context.open_workspace(args)
    removed, _ = delete_promise(ws, args.promise_id, with_history=args.yes)
    print(f"deleted {removed.id}: {removed.what}")
    return 0


def run_handout(args: argparse.Namespace) -> int:
    """``meetingkit handout MEETING_ID --promises``: the one-page promises handout."""
    from ..actions.print_promises import PromisesOptions, print_promises
    from ..actions.printed import target, write
    from .handout import langs_of
    from .record import load_record

    ws = context.open_workspace(args)
    meeting = ws.meeting(args.meeting_id)
    path = target(args.output, ws.root)
    options = PromisesOptions(
        langs=langs_of(args.lang),
        paper=args.paper,
        large_print=args.large_print,
        font=args.font,
        as_of=args.as_of,
        owed_only=args.owed_only,
    )
    record = load_record(ws)
    printed = print_promises(record.settings, meeting, record.meetings, record.answers, ws.root, options)
    write(printed, path)
    print(path)
    return record.exit_code
