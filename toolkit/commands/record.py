"""The whole record of a workspace, for the commands that read across meetings
(report, calendar, the follow-up draft, the promises handout).

A file that cannot be read is warned about and skipped, so one bad hand edit
does not hide the rest of the record; the command then exits non-zero.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from ..bank import Bank
from ..errors import FileProblem
from ..model import Answer, Meeting, Settings
from ..store import Workspace
from . import context


@dataclass
class Record:
    settings: Settings
    bank: Bank
    meetings: list[Meeting]
    answers: list[Answer]
    problems: list[FileProblem]
    """Files that could not be read (each already warned about)."""

    @property
    def exit_code(self) -> int:
        return 1 if self.problems else 0

    def left_out(self, ws: Workspace) -> list[str]:
        """Each unreadable file as the report names it: path in the workspace, line, what is wrong."""
        return [
            f"{ws.relative(p.path)}{f', line {p.line}' if p.line else ''}: {p.message}" for p in self.problems
        ]


def load_record(ws: Workspace) -> Record:
    settings = ws.settings()
    meetings, answers = ws.meetings(), ws.answers()
    problems = [*meetings.problems, *answers.problems]
    for problem in problems:
        context.warn(f"skipped {problem}")
    return Record(settings, context.bank_of(ws), meetings.records, answers.records, problems)


def as_of(value: date | None) -> date:
    """The day to judge by: ``--as-of`` when given, else today."""
    return value or date.today()
