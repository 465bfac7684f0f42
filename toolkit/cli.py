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

COMMAND_MODULES = (
    "init",
    "questions",
    "meeting",
    "testimony",
    "handout",
    "answers",
    "promises",
    "report",
    "calendar",
    "check",
)


class Parser(argparse.ArgumentParser):
    """argparse, but usage errors follow the contract: one ``error:`` line, exit 2."""

    def error(self, message: str) -> None:  # type: ignore[override]
        raise UsageError(f"{message} (see `{self.prog} --help`)")


def build_parser() -> Parser:
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
    for name in COMMAND_MODULES:
        module = importlib.import_module(f"toolkit.commands.{name}")
        module.register(sub, common)
    return parser


def one_line(exc: Exception) -> str:
    """The message on one line: a newline or control character typed in an argument is shown escaped."""
    return "".join(ch if ch.isprintable() else ch.encode("unicode_escape").decode() for ch in str(exc))


def main(argv: Sequence[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    try:
        args = build_parser().parse_args(argv)
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
