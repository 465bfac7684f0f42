"""Printing off the main thread: making a PDF takes ReportLab a moment, and
the terminal must keep answering meanwhile. Results come back as messages."""

from __future__ import annotations

from pathlib import Path

from textual.dom import DOMNode
from textual.message import Message

from ..actions.printjob import Printed, PrintJob, make, write
from ..actions.session import Session
from ..errors import MeetingkitError


class PrintDone(Message):
    def __init__(self, path: Path, summary: str) -> None:
        super().__init__()
        self.path = path
        self.summary = summary


class PrintFailed(Message):
    def __init__(self, error: MeetingkitError) -> None:
        super().__init__()
        self.error = error


class FitChecked(Message):
    """The PDF for ``job`` was made (not written); ``printed`` is None if it cannot be."""

    def __init__(self, job: PrintJob, printed: Printed | None, error: MeetingkitError | None) -> None:
        super().__init__()
        self.job = job
        self.printed = printed
        self.error = error


def unexpected(error: Exception) -> MeetingkitError:
    """A bug is reported like any other failure: one line, no traceback on screen."""
    return MeetingkitError(
        f"printing failed unexpectedly ({type(error).__name__}: {error}); nothing was written"
    )


def start_print(node: DOMNode, session: Session, job: PrintJob, path: Path) -> None:
    """Make and write the PDF in a worker; PrintDone or PrintFailed follows."""

    def run() -> None:
        try:
            printed = make(job, session)
            write(path, printed, session.root)
        except MeetingkitError as error:
            node.post_message(PrintFailed(error))
            return
        except Exception as error:
            node.post_message(PrintFailed(unexpected(error)))
            return
        node.post_message(PrintDone(path, printed.told()))

    node.run_worker(run, thread=True, group="print", exit_on_error=False)


def start_check(node: DOMNode, session: Session, job: PrintJob) -> None:
    """Make the PDF without writing it, to say whether and how it fits."""

    def run() -> None:
        try:
            node.post_message(FitChecked(job, make(job, session), None))
        except MeetingkitError as error:
            node.post_message(FitChecked(job, None, error))
        except Exception as error:
            node.post_message(FitChecked(job, None, unexpected(error)))

    node.run_worker(run, thread=True, group="fit", exclusive=True, exit_on_error=False)
