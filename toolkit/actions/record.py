"""The whole record of a workspace, for the jobs that read across meetings
(report, calendar, the follow-up draft, the promises handout).

A file that cannot be read is kept as a problem and left out, so one bad hand
edit does not hide the rest of the record; each front end says so its own way.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..bank import Bank, load
from ..errors import FileProblem
from ..model import Answer, Meeting, Settings
from ..store import Workspace


@dataclass
class Record:
    settings: Settings
    bank: Bank
    meetings: list[Meeting]
    answers: list[Answer]
    problems: list[FileProblem]
    """Files that could not be read."""

    @property
    def exit_code(self) -> int:
        return 1 if self.problems else 0

    def left_out(self, ws: Workspace) -> list[str]:
        """Each unreadable file as the report names it: path in the workspace, line, what is wrong."""
        return [
            f"{ws.relative(p.path)}{f', line {p.line}' if p.line else ''}: {p.message}" for p in self.problems
        ]


def read_record(ws: Workspace) -> Record:
    settings = ws.settings()
    meetings, answers = ws.meetings(), ws.answers()
    problems = [*meetings.problems, *answers.problems]
    return Record(settings, load(ws.bank_dir), meetings.records, answers.records, problems)
