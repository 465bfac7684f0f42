"""``meetingkit request draft|list|update|show|print|followup|appeal``: public
records requests, from a dodged question to the agency's answer."""

from __future__ import annotations

import argparse
from datetime import date
from typing import TYPE_CHECKING

from ..errors import MeetingkitError, UsageError
from ..model import REQUEST_STATUSES as STATUSES
from . import context
from .handout import add_output, add_page_options

if TYPE_CHECKING:
    from ..model import Law, Request
    from ..request_store import RequestStore
    from ..requests import Clock, RequestRow
    from ..store import Workspace

DODGED = ("deflected", "declined", "partial")
LETTERS = ("request", "followup", "appeal")


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
    up.add_argument("--received", metavar="WHAT", help="records received with this change")
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


def _store(ws: Workspace) -> RequestStore:
    from ..request_store import RequestStore

    return RequestStore(ws)


def _laws(ws: Workspace) -> dict[str, Law]:
    from ..laws import load_laws

    table = load_laws(ws.root)
    for problem in table.problems:
        context.warn(f"skipped {problem}")
    return table.laws


def _law_of(ws: Workspace, request: Request) -> Law:
    from ..requests import law_by_id

    return law_by_id(_laws(ws), request.law, str(ws.root))


def _clock(ws: Workspace, request: Request, as_of: date | None) -> Clock:
    from ..request_store import closure_days
    from ..requests import clock

    return clock(request, _law_of(ws, request), as_of or date.today(), closure_days(ws))


def run_draft(args: argparse.Namespace) -> int:
    from ..bank import placeholder_values, tailor
    from ..letters import request_letter
    from ..model import Request
    from ..requests import find_law, law_by_id

    ws = context.open_workspace(args)
    meeting = ws.meeting(args.meeting_id)
    settings = ws.settings()
    laws = _laws(ws)
    law = (
        law_by_id(laws, args.law, str(ws.root)) if args.law else find_law(laws, settings.state, str(ws.root))
    )
    lang = args.lang or (meeting.language if meeting.language in ("en", "es") else "en")
    values = placeholder_values(settings, meeting, lang)
    if args.agency:
        values["agency"] = args.agency.strip()
    agency = values.get("agency", "")
    if not agency:
        raise UsageError("name the agency: --agency NAME, or set `agency:` in the workspace settings")
    qids = args.question_ids or _dodged(ws, meeting.id, [e.question for e in meeting.agenda])
    if not qids:
        raise MeetingkitError(
            f"no question at {meeting.id} was answered deflected, declined or partial; "
            f"name the questions: `meetingkit request draft {meeting.id} QUESTION_ID…`"
        )
    bank = context.bank_of(ws)
    records: list[str] = []
    for qid in qids:
        question = bank.get(qid)
        text = question.texts.get(lang) or question.texts.get("en")
        records += [tailor(r, values).text for r in (text.records if text else []) if r not in records]
    if not records:
        raise MeetingkitError(f"the bank lists no records to request for {', '.join(qids)}")
    today = args.on or date.today()
    store = _store(ws)
    request = Request(
        id=store.new_id(agency, today),
        meeting=meeting.id,
        questions=list(qids),
        agency=agency,
        law=law.id,
        language=lang,
        records=records,
        records_from=date(today.year - 1, 1, 1),
        records_to=today,
        drafted=today,
    )
    store.save(request)
    print(store.write_letter(request.id, "request", request_letter(request, law, settings, today)))
    if not law.verified:
        context.warn(
            f"the law table marks {law.id} ({law.name}) unverified: check the citation before sending"
        )
    return 0


def _dodged(ws: Workspace, meeting_id: str, agenda: list[str]) -> list[str]:
    """Questions answered deflected, declined or partial, in agenda order."""
    loaded = ws.answers(meeting_id)
    for problem in loaded.problems:
        context.warn(f"skipped {problem}")
    found = [a.question for a in loaded.records if a.status in DODGED]
    order = {qid: n for n, qid in enumerate(agenda)}
    return sorted(found, key=lambda q: (order.get(q, len(order)), q))


def load_rows(ws: Workspace, as_of: date) -> tuple[list[RequestRow], bool]:
    """Every request with its clock, warning about unreadable files; (rows, any request left out)."""
    from ..actions.report import request_rows_of

    rows, skipped, left_out = request_rows_of(ws, as_of)
    for line in skipped:
        context.warn(f"skipped {line}")
    return rows, left_out


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
    c, r = row.clock, row.request
    filed = f"filed on {c.filed.isoformat()}" if c.filed else "not filed"
    if c.due is not None:
        when = f"due {c.due.isoformat()} ({c.deadline_days} {c.unit} days)"
    elif c.follow_up is not None:
        when = f"no legal deadline, follow up {c.follow_up.isoformat()}"
    else:
        when = "no legal deadline" if c.unit == "none" else "no due date yet"
    late = f"  OVERDUE {c.days_overdue} {c.unit} days" if c.overdue else ""
    paused = f" (clock paused since {c.paused_since.isoformat()})" if c.paused_since else ""
    return f"{r.id}\n    {c.status}{paused}, {filed}, {when}{late}: {_shown(f'{r.agency} — {row.law.name}')}"


def run_update(args: argparse.Namespace) -> int:
    from ..model import Received
    from ..requests import add_change

    ws = context.open_workspace(args)
    on = args.on or date.today()

    def change(request: Request) -> None:
        add_change(request, args.status, on, args.note.strip(), args.evidence.strip())
        if args.tracking is not None:
            request.tracking = args.tracking.strip()
        if args.method is not None:
            request.method = args.method.strip()
        if args.received:
            request.received.append(Received(on=on, what=args.received.strip(), kept_at=args.kept_at.strip()))

    if args.kept_at and not args.received:
        raise UsageError("--kept-at goes with --received: say what was received")
    request = _store(ws).update(args.request_id, change)
    c = _clock(ws, request, on)
    due = f"; due {c.due.isoformat()}" if c.due else ""
    print(f"{request.id}: {request.status} on {on.isoformat()}{due}")
    return 0


def run_show(args: argparse.Namespace) -> int:
    from ..requests import RequestRow

    ws = context.open_workspace(args)
    store = _store(ws)
    request = store.read(args.request_id)
    row = RequestRow(_clock(ws, request, args.as_of))
    if args.json:
        context.print_json(row.as_json() | {"citation": row.law.citation})
        return 0
    law, c = row.law, row.clock
    out = [
        f"{request.id}: {c.status}",
        f"  agency: {request.agency}",
        f"  law: {law.name} ({law.citation}){'' if law.verified else ' [unverified]'}",
        f"  deadline: {_deadline(law)}",
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
    for which in LETTERS:
        path = store.letter_path(request.id, which)
        if path.exists():
            out.append(f"  {which} letter: {path}")
    print("\n".join(_shown(line) for line in out))
    return 0


def _deadline(law: Law) -> str:
    d = law.deadline
    said = f" — “{d.words}”" if d.words else ""
    where = f" ({d.section})" if d.section else ""
    if d.unit == "none":
        return f"none fixed{said}{where}"
    return f"{d.days} {d.unit} days{': ' + d.what if d.what else ''}{where}"


def run_next_letter(args: argparse.Namespace) -> int:
    from ..letters import appeal_letter, followup_letter

    ws = context.open_workspace(args)
    store = _store(ws)
    path = store.letter_path(args.request_id, args.letter)
    request = store.read(args.request_id)
    if path.exists():
        print(path)
        context.warn(f"the {args.letter} letter exists; it was left as it is (delete it to draft a new one)")
        return 0
    c = _clock(ws, request, args.as_of)
    write = followup_letter if args.letter == "followup" else appeal_letter
    print(store.write_letter(request.id, args.letter, write(c, ws.settings())))
    return 0


def run_print(args: argparse.Namespace) -> int:
    from ..atomic import output_file, write_bytes

    ws = context.open_workspace(args)
    store = _store(ws)
    request = store.read(args.request_id)
    target = output_file(args.output, ".pdf", ws.root)
    path = store.letter_path(request.id, args.letter)
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        how = "draft" if args.letter == "request" else args.letter
        raise MeetingkitError(
            f"no {args.letter} letter for {request.id} ({path} is missing); "
            f"draft it with `meetingkit request {how} {request.id}`"
        ) from None
    except UnicodeDecodeError:
        raise MeetingkitError(f"{path} is not UTF-8 text; save it as UTF-8") from None
    settings = ws.settings()
    from ..printing.fonts import font_file
    from ..printing.request_letter import letter_pdf

    data = letter_pdf(
        text,
        request,
        settings,
        paper=args.paper,
        font=font_file(args.font, settings.font, ws.root),
        large_print=args.large_print,
    )
    write_bytes(target, data)
    print(target)
    return 0
