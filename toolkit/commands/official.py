"""``meetingkit official add|list|remove``: the officials the workspace names (who answers,
who promised), kept in the settings."""

from __future__ import annotations

import argparse
import difflib

from ..errors import NotFound, UsageError
from ..model import Official
from . import context


def register(sub: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    p = sub.add_parser("official", parents=[common], help="the officials you ask: add, list, remove")
    osub = p.add_subparsers(dest="action", metavar="ACTION", required=True, parser_class=type(p))
    add = osub.add_parser("add", parents=[common], help="add an official (or change one's title and role)")
    add.add_argument(
        "name", metavar="NAME", type=context.field_type(Official, "name"), help="their full name"
    )
    add.add_argument("--title", type=context.field_type(Official, "title"), help='e.g. "Sheriff"')
    add.add_argument(
        "--role",
        type=context.field_type(Official, "role"),
        help="who they are in the bank's terms: sheriff, police-chief, jail-administrator, "
        "county-commission, council, mayor, city-manager, district-attorney, county-attorney",
    )
    add.set_defaults(handler=run_add)
    ls = osub.add_parser("list", parents=[common], help="the officials, in the order they were added")
    context.add_json(ls)
    ls.set_defaults(handler=run_list)
    rm = osub.add_parser("remove", parents=[common], help="take an official off the list")
    rm.add_argument("name", metavar="NAME")
    rm.set_defaults(handler=run_remove)


def _find(officials: list[Official], name: str) -> Official | None:
    """Names match whatever their case or spacing, so "dana  whitfield" is Dana Whitfield."""
    wanted = " ".join(name.split()).casefold()
    return next((o for o in officials if " ".join(o.name.split()).casefold() == wanted), None)


def _line(official: Official) -> str:
    from ..errors import one_line

    about = ", ".join(part for part in (official.title, official.role) if part)
    return one_line(official.name + (f" — {about}" if about else ""))


def run_add(args: argparse.Namespace) -> int:
    if not args.name:
        raise UsageError("NAME must name the official")
    ws = context.open_workspace(args)
    settings = ws.settings()
    found = _find(settings.officials, args.name)
    new = found is None
    if found is None:
        found = Official(name=args.name)
        settings.officials.append(found)
    if args.title is not None:
        found.title = args.title
    if args.role is not None:
        found.role = args.role
    ws.save_settings(settings)
    print(("added " if new else "changed ") + _line(found))
    return 0


def run_list(args: argparse.Namespace) -> int:
    from ..codec import to_json

    officials = context.open_workspace(args).settings().officials
    if args.json:
        context.print_json([to_json(o) for o in officials])
        return 0
    if not officials:
        print('no officials yet: meetingkit official add "NAME" --title TITLE --role ROLE')
    for official in officials:
        print(_line(official))
    return 0


def run_remove(args: argparse.Namespace) -> int:
    ws = context.open_workspace(args)
    settings = ws.settings()
    found = _find(settings.officials, args.name)
    if found is None:
        names = [o.name for o in settings.officials]
        close = difflib.get_close_matches(args.name, names, n=1, cutoff=0.5)
        hint = f"; did you mean {close[0]!r}?" if close else f" (listed: {', '.join(names) or 'none'})"
        raise NotFound(f"no official named {args.name!r}{hint}")
    ws.save_settings(settings.evolve(officials=[o for o in settings.officials if o is not found]))
    print(f"removed {_line(found)}")
    return 0
