"""``meetingkit settings show|set``: the workspace's settings, one dotted key at a time."""

from __future__ import annotations

import argparse

from . import context


def register(sub: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    p = sub.add_parser("settings", parents=[common], help="show or change the workspace's settings")
    ssub = p.add_subparsers(dest="action", metavar="ACTION", required=True, parser_class=type(p))
    show = ssub.add_parser("show", parents=[common], help="every setting, one `key: value` a line")
    context.add_json(show)
    show.set_defaults(handler=run_show)
    put = ssub.add_parser(
        "set",
        parents=[common],
        help="change one setting",
        description="A list takes comma-separated values (`settings set languages en,es`); "
        "an empty VALUE clears the setting (back to its default).",
    )
    put.add_argument("key", metavar="KEY", help="e.g. group, wpm, languages, names.es.agency")
    put.add_argument("value", metavar="VALUE", help='the new value ("" clears it)')
    put.set_defaults(handler=run_set)


def run_show(args: argparse.Namespace) -> int:
    from ..codec import to_json
    from ..errors import one_line
    from ..settings_keys import keys, value_of

    settings = context.open_workspace(args).settings()
    if args.json:
        context.print_json(to_json(settings))
        return 0
    for key in keys(settings):
        print(f"{key}: {one_line(value_of(settings, key))}".rstrip())
    names = ", ".join(official.name for official in settings.officials) or "none"
    print(f"officials: {one_line(names)} (meetingkit official add|list|remove)")
    return 0


def run_set(args: argparse.Namespace) -> int:
    from ..actions.settings import set_key
    from ..errors import one_line
    from ..settings_keys import value_of

    settings = set_key(context.open_workspace(args), args.key, args.value)
    print(f"{args.key.strip()}: {one_line(value_of(settings, args.key))}".rstrip())
    return 0
