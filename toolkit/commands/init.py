"""``meetingkit init``: lay out a new workspace, optionally with the example."""

from __future__ import annotations

import argparse
from datetime import date

from ..errors import MeetingkitError
from ..model import Settings
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
    p.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    ws = context.workspace(args)
    from .. import demo

    settings = demo.settings() if args.demo else Settings()
    for name in ("group", "agency", "jurisdiction", "state", "body", "website", "contact"):
        value = getattr(args, name)
        if value:
            setattr(settings, name, value.strip())
    if ws.exists():
        raise MeetingkitError(
            f"{ws.root} already holds a workspace; nothing was changed "
            "(use --workspace DIR to make another one)"
        )
    ws.create(settings)
    print(f"created workspace {ws.root}")
    if args.demo:
        ids = demo.build(ws, context.bank_of(ws), date.today())
        print(f"example meetings: {', '.join(ids)}")
        print(f"try: meetingkit meeting show {ids[0]}   or just: meetingkit")
    else:
        print("next: meetingkit meeting new --body BODY --date YYYY-MM-DD")
    return 0
