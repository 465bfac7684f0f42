"""The command line: parse, dispatch, and turn every failure into one line.

Errors go to stderr as ``error: …`` with exit status 1 (2 for usage errors);
``--json`` prints machine-readable output. Each command group lives in
``toolkit/commands/``; heavy libraries load only inside the command that needs
them, so ``meetingkit questions list`` starts fast.
"""

from __future__ import annotations

import argparse
import importlib
import sys
from collections.abc import Sequence

from . import __version__
from .errors import MeetingkitError, UsageError

COMMANDS = {
    "init": "init",
    "questions": "questions",
    "meeting": "meeting",
    "testimony": "testimony",
    "handout": "handout",
    "answer": "answers",
    "promise": "promises",
    "report": "report",
    "calendar": "calendar",
    "check": "check",
}
"""Command name → its module in ``toolkit/commands/``, in the order ``--help`` lists them."""


class Parser(argparse.ArgumentParser):
    """argparse, but usage errors follow the contract: one ``error:`` line, exit 2."""

    def error(self, message: str) -> None:  # type: ignore[override]
        raise UsageError(f"{message} (see `{self.prog} --help`)")


def _wanted(argv: Sequence[str]) -> list[str]:
    """Only the named command's module is imported (start-up time); help needs all."""
    skip = False
    for arg in argv:
        if skip:
            skip = False
        elif arg == "--workspace":
            skip = True
        elif arg in ("-h", "--help") or not arg.startswith("-"):
            return [arg] if arg in COMMANDS else list(COMMANDS)
    return list(COMMANDS)


def build_parser(argv: Sequence[str] = ()) -> Parser:
    common = Parser(add_help=False)
    common.add_argument(
        "--workspace",
        metavar="DIR",
        default=argparse.SUPPRESS,
        help="workspace folder (default: $MEETINGKIT_WORKSPACE, else your user data folder)",
    )
    parser = Parser(
        prog="meetingkit",
        description="Questions, testimony, handouts and follow-up for getting local "
        "cooperation with ICE on the public record. With no command, opens the app.",
        parents=[common],
    )
    parser.add_argument("--version", action="version", version=f"meetingkit {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=Parser)
    for name in _wanted(argv):
        module = importlib.import_module(f"toolkit.commands.{COMMANDS[name]}")
        module.register(sub, common)
    return parser


def one_line(exc: Exception | str) -> str:
    """The message on one line: a newline or control character typed in an argument is shown escaped."""
    return "".join(ch if ch.isprintable() else ch.encode("unicode_escape").decode() for ch in str(exc))


def main(argv: Sequence[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    try:
        args = build_parser(argv).parse_args(argv)
        if args.command is None:
            from .commands.app import open_app

            return open_app(args)
        return int(args.handler(args) or 0)
    except UsageError as exc:
        print(f"error: {one_line(exc)}", file=sys.stderr)
        return 2
    except MeetingkitError as exc:
        print(f"error: {one_line(exc)}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        print("error: interrupted; nothing was left half-written", file=sys.stderr)
        return 130
    except BrokenPipeError:
        return 0
