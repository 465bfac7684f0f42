"""``meetingkit request draft|list|update|show|print|followup|appeal``: public
records requests, from a dodged question to the agency's answer.

Parse, call ``toolkit.actions.requests`` (the app calls the same), print."""

from __future__ import annotations

import argparse
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from ..model import REQUEST_STATUSES as STATUSES
from ..requests import LETTERS
from . import context
from .handout import add_output, add_page_options

if TYPE_CHECKING:
    from ..requests import RequestRow
    from ..store import Workspace


def register(sub: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    p = sub.add_parser("request", parents=[common], help="public records requests: draft, track, follow up")
    rsub = p.add_subparsers(dest="action", metavar="ACTION", required=True, parser_class=type(p))
    d = rsub.add_parser(
        "draft", parents=[common], help="draft a request for the records behind dodged questions"
    )
    d.add_argument("meeting_id", metavar="MEETING_ID")
    d.add_argument(
        "question_ids",
        metavar="QUESTION_ID",
        nargs="*",
        help="questions whose records to ask for (default: those answered deflected, declined or partial)",
    )
    d.add_argument("--lang", choices=("en", "es"), help="the letter's language (default: the meeting's)")
    d.add_argument("--agency", help="the agency to ask (default: the settings' agency)")
    d.add_argument("--law", metavar="ID", help="the law's id, e.g. tx or us (default: the settings' state)")
    d.add_argument("--on", type=context.iso_date, help="the letter's date (default: today)")
    d.add_argument(
        "--records-from",
        type=context.iso_date,
        metavar="DATE",
        help="records created or received from this day (default: January 1 of last year)",
    )
    d.add_argument(
        "--records-to",
        type=context.iso_date,
        metavar="DATE",
        help="… to this day (default: the letter's date)",
    )
    d.set_defaults(handler=run_draft)
    ls = rsub.add_parser("list", parents=[common], help="every request, most overdue first")
    ls.add_argument("--overdue", action="store_true", help="only requests past the law's deadline")
    ls.add_argument("--as-of", type=context.iso_date, help="the day to judge by (default: today)")
    context.add_json(ls)
    ls.set_defaults(handler=run_list)
    up = rsub.add_parser("update", parents=[common], help="record a dated change: filed, acknowledged, …")
    up.add_argument("request_id", metavar="ID")
    up.add_argument("--status", required=True, choices=STATUSES)
    up.add_argument("--on", type=context.iso_date, help="when (default: today)")
    up.add_argument("--note", default="", help="what happened")
    up.add_argument("--evidence", default="", help="the letter, email or receipt that shows it")
    up.add_argument("--tracking", help="the agency's reference number")
    up.add_argument("--method", help="how it was filed: email, portal, mail, in person")
    up.add_argument("--received", metavar="WHAT", default="", help="records received with this change")
    up.add_argument("--kept-at", default="", metavar="WHERE", help="with --received: where they are kept")
    up.set_defaults(handler=run_update)
    sh = rsub.add_parser("show", parents=[common], help="one request: its clock, history and letters")
    sh.add_argument("request_id", metavar="ID")
    sh.add_argument("--as-of", type=context.iso_date, help="the day to judge by (default: today)")
    context.add_json(sh)
    sh.set_defaults(handler=run_show)
    pr = rsub.add_parser("print", parents=[common], help="print a letter (as edited) to PDF")
    pr.add_argument("request_id", metavar="ID")
    add_output(pr)
    pr.add_argument("--letter", choices=LETTERS, default="request", help="which letter (default: request)")
    add_page_options(pr, "the letter in 16 pt type instead of 12 pt")
    pr.set_defaults(handler=run_print)
    for name, what in (
        ("followup", "a follow-up letter, once past due"),
        ("appeal", "an appeal, once denied"),
    ):
        sp = rsub.add_parser(name, parents=[common], help=f"draft {what}; prints the letter's path")
        sp.add_argument("request_id", metavar="ID")
        sp.add_argument("--as-of", type=context.iso_date, help="the letter's date (default: today)")
        sp.set_defaults(handler=run_next_letter, letter=name)


def _warn(lines: list[str]) -> None:
    for line in lines:
        context.warn(line)


def run_draft(args: argparse.Namespace) -> int:
    from ..actions.requests import draft_request

    drafted = draft_request(
        context.open_workspace(args),
        args.meeting_id,
        args.question_ids,
        on=args.on or date.today(),
        lang=args.lang,
        agency=args.agency,
        law_id=args.law,
        records_from=args.records_from,
        records_to=args.records_to,
    )
    print(drafted.letter)
    _warn(drafted.warnings)
    return 0


def load_rows(ws: Workspace, as_of: date) -> tuple[list[RequestRow], bool]:
    """Every request with its clock, warning about unreadable files; (rows, any request left out)."""
    from ..actions.requests import list_requests

    listed = list_requests(ws, as_of)
    _warn([f"skipped {line}" for line in listed.skipped])
    return listed.rows, listed.left_out


def run_list(args: argparse.Namespace) -> int:
    ws = context.open_workspace(args)
    as_of = args.as_of or date.today()
    rows, problems = load_rows(ws, as_of)
    if args.overdue:
        rows = [r for r in rows if r.clock.overdue]
    if args.json:
        context.print_json([r.as_json() for r in rows])
        return 1 if problems else 0
    if not rows:
        print("no requests" + (" overdue" if args.overdue else "") + f" as of {as_of.isoformat()}")
    lines = [_line(r) for r in rows]
    if lines:
        print("\n".join(lines))
    return 1 if problems else 0


def _shown(text: str) -> str:
    """User text for the terminal: control characters shown escaped (as ``cli.one_line``)."""
    from ..errors import one_line

    return one_line(ValueError(text))


def _line(row: RequestRow) -> str:
    """Two lines per request: its id, then where it stands."""
    from ..requests import where_it_stands

    r = row.request
    return f"{r.id}\n    {where_it_stands(row.clock)}: {_shown(f'{r.agency} — {row.law.name}')}"


def run_update(args: argparse.Namespace) -> int:
    from ..actions.requests import log_change

    on = args.on or date.today()
    logged = log_change(
        context.open_workspace(args),
        args.request_id,
        args.status,
        on,
        note=args.note,
        evidence=args.evidence,
        tracking=args.tracking,
        method=args.method,
        received=args.received,
        kept_at=args.kept_at,
    )
    due = f"; due {logged.clock.due.isoformat()}" if logged.clock.due else ""
    print(f"{logged.request.id}: {logged.request.status} on {on.isoformat()}{due}")
    return 0


def run_show(args: argparse.Namespace) -> int:
    from ..actions.requests import show_request

    shown = show_request(context.open_workspace(args), args.request_id, args.as_of or date.today())
    row, request = shown.row, shown.request
    if args.json:
        context.print_json(row.as_json() | {"citation": row.law.citation})
        return 0
    from ..requests import deadline_text

    law, c = row.law, row.clock
    out = [
        f"{request.id}: {c.status}",
        f"  agency: {request.agency}",
        f"  law: {law.name} ({law.citation}){'' if law.verified else ' [unverified]'}",
        f"  deadline: {deadline_text(law)}",
        "  " + _line(row).split("\n", 1)[1].strip(),
    ]
    out += [f"  method: {request.method}"] * bool(request.method)
    out += [f"  tracking: {request.tracking}"] * bool(request.tracking)
    out.append(f"  from meeting {request.meeting}: {', '.join(request.questions)}")
    out.append("  records asked for:")
    out += [f"    {n}. {text}" for n, text in enumerate(request.records, 1)]
    out.append("  history:")
    out.append(f"    {request.drafted.isoformat()} drafted")
    for ch in request.changes:
        extra = "".join(f"; {x}" for x in (ch.note, ch.evidence and f"evidence: {ch.evidence}") if x)
        out.append(f"    {ch.on.isoformat()} {ch.status}{extra}")
    for got in request.received:
        out.append(
            f"  received {got.on.isoformat()}: {got.what}" + (f" (kept at {got.kept_at})" * bool(got.kept_at))
        )
    out += [f"  {which} letter: {path}" for which, path in shown.letters.items()]
    print("\n".join(_shown(line) for line in out))
    return 0


def run_next_letter(args: argparse.Namespace) -> int:
    from ..actions.requests import next_letter

    ws = context.open_workspace(args)
    drafted = next_letter(ws, args.request_id, args.letter, args.as_of or date.today())
    print(drafted.path)
    if drafted.existed:
        context.warn(f"the {args.letter} letter exists; it was left as it is (delete it to draft a new one)")
    return 0


def run_print(args: argparse.Namespace) -> int:
    from ..actions.requests import print_letter

    written = print_letter(
        context.open_workspace(args),
        args.request_id,
        Path(args.output),
        which=args.letter,
        paper=args.paper,
        font=args.font,
        large_print=args.large_print,
    )
    print(written)
    return 0
