"""``meetingkit ice import|show|changes``: ICE's own 287(g) list, matched to the group's agency."""

from __future__ import annotations

import argparse
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..errors import UsageError
from . import context

if TYPE_CHECKING:
    from ..ice_store import Library
    from ..model import Settings


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


def run_show(args: argparse.Namespace) -> int:
    from ..actions.ice_lookup import NOT_PROOF, show, sources
    from ..ice import ICE_PAGE, is_stale

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
    today = args.as_of or date.today()
    found, lines = show(found_library, agency, state, jurisdiction, today)
    if args.json:
        import msgspec

        days_old = (today - found.as_of).days if found.as_of else None
        data: dict[str, Any] = msgspec.to_builtins(found)
        for rows in ("signed", "pending"):  # every field, even those the stored file leaves out
            data[rows] = [msgspec.structs.asdict(r) for r in getattr(found, rows)]
        data |= {"days_old": days_old, "stale": bool(found.as_of and is_stale(found.as_of, today))}
        data |= {"source": sources(found_library.sheets), "page": ICE_PAGE}
        if not found.found:
            data["note"] = NOT_PROOF
        context.print_json(data)
        return 1 if found_library.problems else 0
    print("\n".join(_say(line) for line in lines))
    return 1 if found_library.problems else 0


def run_changes(args: argparse.Namespace) -> int:
    from ..actions.ice_lookup import change_lines, compare

    found_library, settings = _library(args)
    state = (args.state or (settings.state if settings else "")).strip()
    state = "" if state.upper() == "ALL" else _known_state(state, bool(args.state)) if state else ""
    comparison = compare(found_library, state, args.since)
    new, old = comparison.new, comparison.old
    if new is None:
        raise UsageError("no participating sheet to compare")
    if old is None:
        raise UsageError(
            f"only one of ICE's lists to compare (of {new.as_of.isoformat()}"
            + (f", none of {args.since.isoformat()} or before" if args.since else "")
            + "); import a newer sheet with `meetingkit ice import FILE.xlsx`"
        )
    if args.json:
        import msgspec

        context.print_json(
            {
                "from": old.as_of.isoformat(),
                "to": new.as_of.isoformat(),
                "state": state or None,
                "changes": msgspec.to_builtins(comparison.changes),
            }
        )
        return 1 if found_library.problems else 0
    for line in change_lines(comparison, state or "every state"):
        print(_say(line))
    return 1 if found_library.problems else 0
