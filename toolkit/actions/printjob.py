"""One thing to print, as the app's Print and Testimony modes ask for it,
made by the same job functions the command line calls (``print_handout``,
``print_promises``, ``print_testimony``, the report and the calendar).

Plain Python, run in a worker thread: ReportLab is imported by the jobs, on
first use, never at start-up. Making the PDF is separate from writing it, so
the app can say whether a handout fits, and at what type size, before any
file is written.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime
from pathlib import Path

from ..errors import MeetingkitError
from ..model import Meeting, Testimony, slugify
from .print_handout import HandoutOptions, print_handout
from .print_promises import PromisesOptions, print_promises
from .print_testimony import COPIES, CopyOptions, print_testimony
from .printed import PAPERS, Printed, target
from .printed import write as write_file
from .session import Session

__all__ = ["AS_OF_KINDS", "KINDS", "PAPERS", "PrintJob", "Printed", "default_folder", "make", "write"]

KINDS = {
    "handout": "Handout for the room",
    "promises": "Promises on the record",
    "speaker": COPIES[False],
    "written": COPIES[True],
    "report-md": "Accountability report (Markdown)",
    "report-csv": "Accountability report (CSV)",
    "report-pdf": "Accountability report (PDF)",
    "calendar": "Calendar of meetings and due dates (.ics)",
}
AS_OF_KINDS = ("report-md", "report-csv", "report-pdf", "calendar")
"""What is judged as of a day (overdue promises and requests), not as of the meeting."""
SUFFIXES = {"report-md": ".md", "report-csv": ".csv", "calendar": ".ics"}


@dataclass(frozen=True)
class PrintJob:
    """What the user chose; each kind reads the options that are its own
    (``meetingkit handout --help`` and ``testimony print --help`` list the same)."""

    kind: str
    meeting: Meeting
    langs: tuple[str, ...]
    paper: str = PAPERS[0]
    large_print: bool = False
    why: bool = True
    ways: bool = True
    testimony: Testimony | None = None
    as_of: date | None = None
    """The day to judge by: the exports' (None: today) and the promises page's (None: the meeting's)."""
    sides: int = 1
    ice: bool = True
    owed_only: bool = False
    font: str | None = None
    """A TrueType file for this print; None: the workspace's font."""

    @property
    def suffix(self) -> str:
        return SUFFIXES.get(self.kind, ".pdf")

    def file_name(self) -> str:
        if self.kind in AS_OF_KINDS:
            day = self.as_of.isoformat() if self.as_of else "today"
            return f"{self.kind.split('-')[0]}-{day}{self.suffix}"
        if self.kind in ("speaker", "written") and self.testimony is not None:
            who = slugify(self.testimony.speaker, "speaker")
            return f"{self.meeting.id}-{who}-{self.kind}-copy.pdf"
        langs = "-".join(self.langs)
        large = "-large" if self.large_print else ""
        sides = "-two-sided" if self.kind == "handout" and self.sides == 2 else ""
        owed = "-owed" if self.kind == "promises" and self.owed_only else ""
        return f"{self.meeting.id}-{self.kind}-{langs}{large}{sides}{owed}.pdf"


def default_folder(session: Session) -> Path:
    return session.root / "print"


def make(job: PrintJob, session: Session) -> Printed:
    """The PDF for ``job`` (blocking); MeetingkitError says why it cannot be made."""
    if job.kind in AS_OF_KINDS:
        return _export(job, session)
    settings, root = session.settings, session.root
    if job.kind == "handout":
        handout = HandoutOptions(
            paper=job.paper,
            large_print=job.large_print,
            font=job.font,
            langs=job.langs,
            sides=job.sides,
            why=job.why,
            ways=job.ways,
            ice=job.ice,
        )
        return print_handout(settings, job.meeting, session.bank, root, session.today, handout)
    if job.kind == "promises":
        promises = PromisesOptions(
            paper=job.paper,
            large_print=job.large_print,
            font=job.font,
            langs=job.langs,
            as_of=job.as_of,
            owed_only=job.owed_only,
        )
        return print_promises(settings, job.meeting, session.meetings, session.answers, root, promises)
    if job.testimony is None:
        raise MeetingkitError("choose whose testimony to print (no speaker has a draft yet)")
    copy = CopyOptions(
        paper=job.paper, large_print=job.large_print, font=job.font, written=job.kind == "written"
    )
    return print_testimony(settings, job.meeting, job.testimony, root, copy)


def _export(job: PrintJob, session: Session) -> Printed:
    """The report or calendar as the command line writes it, as of the job's day."""
    from .report import calendar, report

    day = job.as_of or session.today
    if job.kind == "calendar":
        written = calendar(session.ws, day, datetime.now(UTC).replace(microsecond=0))
    else:
        written = report(session.ws, job.kind.removeprefix("report-"), day)
    left_out = tuple(f"left out, unreadable: {skipped}" for skipped in written.skipped)
    summary = f"{KINDS[job.kind]} as of {day.isoformat()} is ready."
    return Printed(data=written.data, summary=summary, notes=left_out, suffix=job.suffix)


def write(path: Path, printed: Printed, workspace_root: Path) -> Path:
    """Write to ``path`` (the app's print folder is made when missing)."""
    return write_file(printed, target(path, workspace_root, printed.suffix, make_folder=True))
