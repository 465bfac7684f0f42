"""What every command needs: the workspace, the question bank, output helpers."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from datetime import date
from typing import Any

import msgspec

from ..bank import Bank, load
from ..model import Record
from ..store import Workspace, resolve_root


def iso_date(value: str) -> date:
    """Dates on the command line are YYYY-MM-DD, never "next Tuesday" (nor 20261110)."""
    text = value.strip()
    try:
        if len(text) == 10 and text[4] == text[7] == "-" and text.replace("-", "").isdigit():
            return date.fromisoformat(text)
    except ValueError:
        pass
    raise argparse.ArgumentTypeError(f"expected a date YYYY-MM-DD, got {value!r}")


def field_type(cls: type[Record], name: str) -> Callable[[str], Any]:
    """An argparse ``type=`` that checks a flag by the record's own declaration of the field."""

    def convert(value: str) -> Any:
        from ..codec import Invalid, field

        try:
            return field(cls, name, value)
        except Invalid as exc:
            raise argparse.ArgumentTypeError(exc.message) from None

    convert.__name__ = name
    return convert


def workspace(args: argparse.Namespace) -> Workspace:
    return Workspace(resolve_root(getattr(args, "workspace", None)))


def open_workspace(args: argparse.Namespace) -> Workspace:
    """The workspace, which must exist (else: run `meetingkit init`)."""
    ws = workspace(args)
    ws.require()
    return ws


def bank_of(ws: Workspace | None) -> Bank:
    return load(ws.bank_dir if ws is not None else None)


def print_json(data: Any) -> None:
    """One write of indented JSON (UTF-8 kept, dates as YYYY-MM-DD), as ``json.dumps(...,
    ensure_ascii=False, indent=2)`` writes it, made by msgspec's C encoder: on a large
    list the standard library's indenting encoder, written in Python, took a tenth of
    a warm listing."""
    text = msgspec.json.format(msgspec.json.encode(data, enc_hook=_refuse), indent=2)
    sys.stdout.write(text.decode("utf-8") + "\n")


def _refuse(value: Any) -> Any:
    raise TypeError(f"cannot write {type(value).__name__} as JSON")


def add_json(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--json", action="store_true", help="print machine-readable JSON")


def warn(message: str) -> None:
    """One line, whatever a broken file's message holds (a parser's error spans several)."""
    from ..errors import one_line

    print(f"warning: {one_line(message)}", file=sys.stderr)
