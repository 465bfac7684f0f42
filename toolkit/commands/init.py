"""``meetingkit init``: lay out a new workspace, optionally with the example."""

from __future__ import annotations

import argparse
from datetime import date

from ..errors import UsageError
from ..model import Settings
from ..settings_keys import with_value
from . import context


def register(sub: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    p = sub.add_parser("init", parents=[common], help="create a workspace (--demo: with an example meeting)")
    p.add_argument("--demo", action="store_true", help="fill it with a realistic example to learn from")
    p.add_argument("--group", help="your group's name, printed on handouts")
    p.add_argument("--agency", help='the agency you ask about, e.g. "Harris County Sheriff\'s Office"')
    p.add_argument("--jurisdiction", help='the town or county, e.g. "Harris County"')
    p.add_argument("--state", help="the state, e.g. TX or Texas")
    p.add_argument("--body", help="the council or board you speak to")
    p.add_argument("--website", help="your group's website (printed as a QR code)")
    p.add_argument("--contact", help="contact line printed on handouts")
    p.add_argument("--languages", metavar="LANGS", help="the handout's default languages, e.g. en,es")
    p.add_argument(
        "--name",
        action="append",
        default=[],
        metavar="LANG.FIELD=TEXT",
        help="a name in another language, repeatable: "
        '--name es.agency="la Oficina del Sheriff del Condado de Harris" (FIELD: agency, '
        "jurisdiction, state or body)",
    )
    p.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    ws = context.workspace(args)
    from .. import demo

    settings = demo.settings() if args.demo else Settings()
    for name in ("group", "agency", "jurisdiction", "state", "body", "website", "contact"):
        value = getattr(args, name)
        if value:
            setattr(settings, name, value.strip())
    if args.languages is not None:
        settings = with_value(settings, "languages", args.languages)
    for given in args.name:
        key, equals, text = given.partition("=")
        if not equals or not key.strip():
            raise UsageError(
                f'--name takes LANG.FIELD=TEXT, e.g. es.agency="la Oficina del Sheriff"; got {given!r}'
            )
        settings = with_value(settings, f"names.{key.strip()}", text)
    from ..actions.workspace import create_workspace

    ids = create_workspace(ws.root, settings, example=args.demo, today=date.today())
    print(f"created workspace {ws.root}")
    if args.demo:
        print(f"example meetings: {', '.join(ids)}")
        print(f"try: meetingkit meeting show {ids[0]}   or just: meetingkit")
    else:
        print("next: meetingkit meeting new --body BODY --date YYYY-MM-DD")
    return 0
