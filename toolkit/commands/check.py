"""``meetingkit check``: validate every file; non-zero exit on any problem."""

from __future__ import annotations

import argparse

from . import context


def register(sub: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    p = sub.add_parser("check", parents=[common], help="validate every file in the workspace")
    p.add_argument(
        "--fix", action="store_true", help="make files private (0600, folders 0700), e.g. after a git clone"
    )
    context.add_json(p)
    p.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    from ..checks import check, tighten_permissions
    from ..errors import one_line

    ws = context.open_workspace(args)
    if args.fix:
        print(f"made {tighten_permissions(ws)} file(s) and folder(s) private")
    findings = check(ws)
    serious = [f for f in findings if f.serious]
    if args.json:
        context.print_json([{"where": f.where, "message": f.message, "serious": f.serious} for f in findings])
    else:
        for f in findings:
            print(("problem: " if f.serious else "note: ") + one_line(str(f)))
        if not serious:
            print(f"ok: every file in {ws.root} reads correctly")
        else:
            print(f"{len(serious)} problem(s); fix the files named above (nothing was changed)")
    return 1 if serious else 0
