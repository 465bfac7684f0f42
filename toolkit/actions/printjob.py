"""One thing to print, as the app's Print and Testimony modes ask for it, made
with the printing package's own functions (the ones the command line uses).

Plain Python, run in a worker thread: ReportLab is imported here, on first
use, never at start-up. Making the PDF is separate from writing it, so the
app can say whether a handout fits, and at what type size, before any file
is written.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime
from pathlib import Path

from ..atomic import output_file, write_bytes
from ..errors import MeetingkitError
from ..model import Meeting, Testimony, slugify
from .session import Session

KINDS = {
    "handout": "Handout for the room",
    "promises": "Promises on the record",
    "speaker": "Speaker copy",
    "written": "Written copy for the clerk",
    "report-md": "Accountability report (Markdown)",
    "report-csv": "Accountability report (CSV)",
    "report-pdf": "Accountability report (PDF)",
    "calendar": "Calendar of meetings and due dates (.ics)",
}
PAPERS = ("letter", "a4")
AS_OF_KINDS = ("report-md", "report-csv", "report-pdf", "calendar")
"""What is judged as of a day (overdue promises and requests), not as of the meeting."""
SUFFIXES = {"report-md": ".md", "report-csv": ".csv", "calendar": ".ics"}


@dataclass(frozen=True)
class PrintJob:
    kind: str
    meeting: Meeting
    langs: tuple[str, ...]
    paper: str = "letter"
    large_print: bool = False
    why: bool = True
    ways: bool = True
    testimony: Testimony | None = None
    as_of: date | None = None

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
        return f"{self.meeting.id}-{self.kind}-{langs}{large}.pdf"


@dataclass(frozen=True)
class Printed:
    data: bytes
    summary: str
    """What the user is told: that it fits and at what size, or what it is."""
    suffix: str = ".pdf"


def default_folder(session: Session) -> Path:
    return session.root / "print"


def make(job: PrintJob, session: Session) -> Printed:
    """The PDF for ``job`` (blocking); MeetingkitError says why it cannot be made."""
    from ..printing.fonts import font_file

    if job.kind in AS_OF_KINDS:
        return _export(job, session)
    settings = session.settings
    font = font_file(None, settings.font, session.root)
    if job.kind == "handout":
        from ..printing.handout import Sections
        from ..printing.handout_pdf import handout_pdf

        handout = handout_pdf(
            settings,
            job.meeting,
            session.bank,
            job.langs,
            paper=job.paper,
            large_print=job.large_print,
            font=font,
            sections=Sections(why=job.why, ways=job.ways),
        )
        left_out = "".join(f" Note: {note}." for note in handout.notes())
        return Printed(handout.data, f"Fits on one page at {handout.size:g} pt type.{left_out}")
    if job.kind == "promises":
        from ..printing.promises_handout import on_record, promise_words, promises_pdf

        lang = job.langs[0]
        promise_words(lang)
        as_of: date = job.meeting.date
        items = on_record(job.meeting, session.meetings, session.answers, as_of)
        data, size = promises_pdf(
            settings, job.meeting, items, as_of, lang, paper=job.paper, large_print=job.large_print, font=font
        )
        return Printed(data, f"Fits on one page at {size:g} pt type ({len(items)} promises).")
    if job.testimony is None:
        raise MeetingkitError("choose whose testimony to print (no speaker has a draft yet)")
    from ..printing.testimony_pdf import testimony_pdf

    data = testimony_pdf(
        settings,
        job.meeting,
        job.testimony,
        written=job.kind == "written",
        large_print=job.large_print,
        paper=job.paper,
        font=font,
    )
    return Printed(data, f"{KINDS[job.kind]} of {job.testimony.speaker}'s testimony is ready.")


def _export(job: PrintJob, session: Session) -> Printed:
    """The report or calendar as the command line writes it, as of the job's day."""
    from .report import calendar, report

    day = job.as_of or session.today
    if job.kind == "calendar":
        written = calendar(session.ws, day, datetime.now(UTC).replace(microsecond=0))
    else:
        written = report(session.ws, job.kind.removeprefix("report-"), day)
    left_out = f" Left out, unreadable: {'; '.join(written.skipped)}." if written.skipped else ""
    return Printed(written.data, f"{KINDS[job.kind]} as of {day.isoformat()} is ready.{left_out}", job.suffix)


def write(path: Path, printed: Printed, workspace_root: Path) -> Path:
    target = output_file(path, printed.suffix, workspace_root, make_folder=True)
    write_bytes(target, printed.data)
    return target
