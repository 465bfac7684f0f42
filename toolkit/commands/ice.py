"""``meetingkit ice import|show|changes``: ICE's own 287(g) list, matched to the group's agency."""

from __future__ import annotations

import argparse
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..errors import UsageError
from . import context

if TYPE_CHECKING:
    from ..ice import Agreement, Sheet
    from ..ice_store import Library
    from ..model import Settings

NOT_PROOF = (
    "Not being on ICE's list is not proof of no agreement: it may be pending, newer than this list, "
    "or listed under another name."
)
CHANGE_LABELS = {
    "new-agreement": "new agreement",
    "new-model": "new model",
    "pending-signed": "pending → signed",
    "removed": "agency removed",
    "model-removed": "model removed",
    "new-pending": "newly pending",
}


def register(sub: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    p = sub.add_parser("ice", parents=[common], help="ICE's 287(g) list: import sheets, show your agency")
    isub = p.add_subparsers(dest="action", metavar="ACTION", required=True, parser_class=type(p))
    imp = isub.add_parser("import", parents=[common], help="import sheets downloaded from ice.gov (.xlsx)")
    imp.add_argument("files", nargs="+", metavar="FILE.xlsx")
    imp.add_argument(
        "--as-of", type=context.iso_date, help="the sheet's date, when ICE's file name does not carry it"
    )
    imp.add_argument(
        "--replace", action="store_true", help="replace a different sheet already imported for that date"
    )
    imp.set_defaults(handler=run_import)
    show = isub.add_parser("show", parents=[common], help="what ICE lists for an agency (default: yours)")
    show.add_argument("agency", nargs="?", metavar="AGENCY", help="default: the workspace's agency")
    show.add_argument("--state", help="TX or Texas (default: the workspace's state)")
    show.add_argument("--as-of", type=context.iso_date, help="the day to judge the list's age by")
    context.add_json(show)
    show.set_defaults(handler=run_show)
    ch = isub.add_parser("changes", parents=[common], help="what changed between two of ICE's sheets")
    ch.add_argument(
        "--since", type=context.iso_date, help="compare with the newest sheet of this day or before"
    )
    ch.add_argument("--state", help="TX or Texas (default: the workspace's state; ALL for every state)")
    context.add_json(ch)
    ch.set_defaults(handler=run_changes)


def _say(text: str) -> str:
    """Sheet text as the terminal shows it: control characters escaped like user text."""
    from ..errors import one_line

    return one_line(text)


def _known_state(text: str, given: bool) -> str:
    from ..states import state_code

    if state_code(text) is None:
        where = "" if given else " (the `state:` in meetingkit.yaml)"
        raise UsageError(f"unknown state {text!r}{where}; give a postal code (TX) or a name (Texas)")
    return text


def _library(args: argparse.Namespace) -> tuple[Library, Settings | None]:
    """The sheets (the snapshot, and the workspace's imports when there is a workspace) and its settings."""
    from ..ice_store import library

    ws = context.workspace(args)
    if not ws.exists():
        return library(None), None
    found = library(ws.root)
    for problem in found.problems:
        context.warn(f"skipped {problem}")
    return found, ws.settings()


def run_import(args: argparse.Namespace) -> int:
    from ..actions.ice import import_sheets

    ws = context.open_workspace(args)
    for done in import_sheets(ws, [Path(f) for f in args.files], args.as_of, replace=args.replace):
        print(f"{done.outcome}: {done.what} → {ws.relative(done.path)}")
        if done.newer is not None:
            context.warn(
                f"{done.sheet.source} is older than the {done.newer.isoformat()} sheet already imported; "
                "it is kept, and `meetingkit ice show` uses the newest"
            )
    return 0


def _agreement_line(row: Agreement) -> str:
    when = f"signed {row.signed.isoformat()}" if row.signed else f"signed {row.signed_text or '(no date)'}"
    links = []
    for label, state, url in (("MOA", row.moa, row.moa_url), ("addendum", row.addendum, row.addendum_url)):
        if state == "linked":
            links.append(f"{label} linked" + (f": {url}" if url else ""))
        elif state == "pending":
            links.append(f"{label} link pending")
        elif label == "MOA":
            links.append("no MOA linked")
    return f"  {row.model:<25} {when:<18} " + "; ".join(links)


def _sources(sheets: list[Sheet]) -> str:
    """The file names of the two sheets ``match`` reads: the newest of each kind."""
    from ..ice import newest

    used = (newest(sheets, "participating"), newest(sheets, "pending"))
    return ", ".join(s.source for s in used if s is not None)


def run_show(args: argparse.Namespace) -> int:
    from ..ice import ICE_PAGE, is_stale, match, stale_note

    found_library, settings = _library(args)
    if args.agency is None and settings is None:
        context.open_workspace(args)  # says how to make one
    agency = (args.agency or (settings.agency if settings else "")).strip()
    state = (args.state or (settings.state if settings else "")).strip()
    if not agency:
        raise UsageError(
            'no agency given and none in meetingkit.yaml: meetingkit ice show "AGENCY" --state XX'
        )
    if not state:
        raise UsageError("which state? add --state XX (or set `state:` in meetingkit.yaml)")
    _known_state(state, bool(args.state))
    jurisdiction = settings.jurisdiction if settings and args.agency is None else ""
    found = match(found_library.sheets, agency, state, jurisdiction)
    today = args.as_of or date.today()
    days_old = (today - found.as_of).days if found.as_of else None
    if args.json:
        import msgspec

        data: dict[str, Any] = msgspec.to_builtins(found)
        for rows in ("signed", "pending"):  # every field, even those the stored file leaves out
            data[rows] = [msgspec.structs.asdict(r) for r in getattr(found, rows)]
        data |= {"days_old": days_old, "stale": bool(found.as_of and is_stale(found.as_of, today))}
        data |= {"source": _sources(found_library.sheets), "page": ICE_PAGE}
        if not found.found:
            data["note"] = NOT_PROOF
        context.print_json(data)
        return 1 if found_library.problems else 0
    out = [f"ICE's 287(g) list as of {found.as_of} ({_say(_sources(found_library.sheets))})"]
    if found.how == "none":
        out.append(f"ICE's list does not name {_say(agency)!r} in {_say(found.state)}.")
        if found.closest:
            out.append(f"Closest names it lists in {_say(found.state)}: {_say('; '.join(found.closest))}")
        out.append(NOT_PROOF)
    else:
        out.append(f"{_say(found.agency)}, {_say(found.state)} ({_say(found.type)}; {_say(found.county)})")
        if found.how == "county":
            out.append(
                f"  matched by county and agency type, not by name ({_say(agency)!r}): "
                "check it is your agency"
            )
        out += [_say(_agreement_line(row)) for row in found.signed] or ["  no signed agreement listed"]
        pending = ", ".join(r.model for r in found.pending)
        out.append(f"Pending (list of {found.pending_as_of}): {_say(pending) if pending else 'none'}")
    if found.as_of and is_stale(found.as_of, today):
        out.append(f"note: {stale_note(found.as_of, today)}")
    print("\n".join(out))
    return 1 if found_library.problems else 0


def run_changes(args: argparse.Namespace) -> int:
    from ..ice import changes

    found_library, settings = _library(args)
    state = (args.state or (settings.state if settings else "")).strip()
    state = "" if state.upper() == "ALL" else _known_state(state, bool(args.state)) if state else ""
    signed = [s for s in found_library.sheets if s.kind == "participating"]
    if not signed:
        raise UsageError("no participating sheet to compare")
    new = signed[-1]
    older = [s for s in signed if s.as_of < new.as_of and (args.since is None or s.as_of <= args.since)]
    if not older:
        raise UsageError(
            f"only one of ICE's lists to compare (of {new.as_of.isoformat()}"
            + (f", none of {args.since.isoformat()} or before" if args.since else "")
            + "); import a newer sheet with `meetingkit ice import FILE.xlsx`"
        )
    old = older[-1]
    pending = {s.as_of: s for s in found_library.sheets if s.kind == "pending"}
    found = changes(old, new, pending.get(old.as_of), pending.get(new.as_of), state or None)
    where = _say(state) if state else "every state"
    if args.json:
        import msgspec

        context.print_json(
            {
                "from": old.as_of.isoformat(),
                "to": new.as_of.isoformat(),
                "state": state or None,
                "changes": msgspec.to_builtins(found),
            }
        )
        return 1 if found_library.problems else 0
    if not found:
        print(f"No changes for {where} between ICE's lists of {old.as_of} and {new.as_of}.")
    else:
        print(f"Changes in ICE's 287(g) list for {where}, {old.as_of} → {new.as_of}:")
    for c in found:
        when = f" (signed {c.signed.isoformat()})" if c.signed else ""
        print(_say(f"  {CHANGE_LABELS[c.kind]:<17} {c.agency}, {c.state}: {c.model}{when}"))
    return 1 if found_library.problems else 0
