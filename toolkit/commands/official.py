"""``meetingkit official add|list|remove``: the officials the workspace names (who answers,
who promised), kept in the settings."""

from __future__ import annotations

import argparse

from ..errors import UsageError
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


def _line(official: Official) -> str:
    from ..errors import one_line

    about = ", ".join(part for part in (official.title, official.role) if part)
    return one_line(official.name + (f" — {about}" if about else ""))


def run_add(args: argparse.Namespace) -> int:
    from ..actions.settings import add_official

    if not args.name:
        raise UsageError("NAME must name the official")
    official, new = add_official(context.open_workspace(args), args.name, args.title, args.role)
    print(("added " if new else "changed ") + _line(official))
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
    from ..actions.settings import remove_official

    print(f"removed {_line(remove_official(context.open_workspace(args), args.name))}")
    return 0
