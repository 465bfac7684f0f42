"""The command line: parse, dispatch, and turn every failure into one line.

Errors go to stderr as ``error: …`` with exit status 1 (2 for usage errors);
``--json`` prints machine-readable output. Each command group lives in
``toolkit/commands/``; heavy libraries load only inside the command that needs
them, so ``meetingkit questions list`` starts fast.
"""

from __future__ import annotations

import argparse
import importlib
import io
import os
import re
import sys
from collections.abc import Sequence
from typing import TextIO

from . import __version__
from .errors import MeetingkitError, UsageError, one_line

COMMANDS = {
    "init": "init",
    "settings": "settings",
    "official": "official",
    "questions": "questions",
    "meeting": "meeting",
    "testimony": "testimony",
    "handout": "handout",
    "answer": "answers",
    "promise": "promises",
    "request": "request",
    "media": "media",
    "report": "report",
    "calendar": "calendar",
    "check": "check",
    "ice": "ice",
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


_CONTROL = re.compile(
    "\r(?!\n)|[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u200e\u200f\u2028-\u202e\u2066-\u2069\ud800-\udfff]"
)
"""What must never reach a terminal raw: escape sequences (``\\e]0;…``, ``\\e[2J``),
bidirectional overrides, lone surrogates from a mis-encoded argument, a carriage return
that would let a line overwrite itself. CRLF passes: it ends CSV's lines (RFC 4180)."""


def _escaped(match: re.Match[str]) -> str:
    return match.group(0).encode("unicode_escape", "backslashreplace").decode()


class SafeStream(io.TextIOBase):
    """stdout/stderr that shows every control character as text (``\\x1b``).

    Records hold what people typed, and a file from someone else can hold
    anything: printing it must not retitle the window, clear the screen or
    write to the clipboard (``\\e]52;``). Newlines and tabs pass; listings
    put each field on one line themselves (``cell``).
    """

    def __init__(self, stream: TextIO) -> None:
        self.stream = stream

    def write(self, text: str) -> int:
        return self.stream.write(_CONTROL.sub(_escaped, text))

    def flush(self) -> None:
        self.stream.flush()

    def isatty(self) -> bool:
        return self.stream.isatty()

    def fileno(self) -> int:
        return self.stream.fileno()

    @property
    def encoding(self) -> str:  # type: ignore[override]
        return self.stream.encoding


def _bad_argument(argv: Sequence[str]) -> str | None:
    for arg in argv:
        try:
            arg.encode("utf-8")
        except UnicodeEncodeError:
            return f"an argument is not valid UTF-8 text ({one_line(arg)!s}); retype it"
    return None


def main(argv: Sequence[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    if not isinstance(sys.stdout, SafeStream):
        sys.stdout, sys.stderr = SafeStream(sys.stdout), SafeStream(sys.stderr)
    try:
        bad = _bad_argument(argv)
        if bad:
            raise UsageError(bad)
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
    except OverflowError as exc:  # counting days past 9999-12-31, from a flag or a hand-typed file
        print(
            f"error: a date is too close to 9999-12-31 to count days from ({one_line(exc)}); "
            "check the dates given and those in the files (`meetingkit check`)",
            file=sys.stderr,
        )
        return 1
    except OSError as exc:
        print(f"error: {one_line(exc.strerror or exc)}: {one_line(exc.filename or '')}", file=sys.stderr)
        return 1
    except Exception as exc:  # the last resort: one line, never a traceback
        if os.environ.get("MEETINGKIT_DEBUG"):
            raise  # for developers: the whole traceback
        print(
            f"error: meetingkit met a problem it did not expect ({type(exc).__name__}: "
            f"{one_line(exc)[:200]}). "
            "Every save is atomic, so no file is half-written; please report this",
            file=sys.stderr,
        )
        return 1
