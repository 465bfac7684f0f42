"""What every command needs: the workspace, the question bank, output helpers."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from datetime import date
from typing import Any

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
    import json  # only --json needs it

    # One write: json.dump would make tens of thousands of small ones on a large list.
    sys.stdout.write(json.dumps(data, ensure_ascii=False, indent=2, default=_default) + "\n")


def _default(value: Any) -> Any:
    if isinstance(value, date):
        return value.isoformat()
    raise TypeError(f"cannot write {type(value).__name__} as JSON")


def add_json(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--json", action="store_true", help="print machine-readable JSON")


def warn(message: str) -> None:
    print(f"warning: {message}", file=sys.stderr)
