"""``meetingkit`` with no command: open the terminal app."""

from __future__ import annotations

import argparse

from . import context


def open_app(args: argparse.Namespace) -> int:
    from ..tui.app import run

    return run(context.workspace(args).root)
