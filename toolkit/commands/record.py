"""The whole record of a workspace, for the commands that read across meetings
(report, calendar, the follow-up draft, the promises handout).

A file that cannot be read is warned about and skipped (see actions.record);
the command then exits non-zero.
"""

from __future__ import annotations

from datetime import date

from ..actions.record import Record, read_record
from ..store import Workspace
from . import context


def load_record(ws: Workspace) -> Record:
    """The record, each unreadable file warned about on stderr."""
    record = read_record(ws)
    for problem in record.problems:
        context.warn(f"skipped {problem}")
    return record


def as_of(value: date | None) -> date:
    """The day to judge by: ``--as-of`` when given, else today."""
    return value or date.today()
