"""A speaker's testimony on paper, made once for ``meetingkit testimony print``
and the app (Print mode, and Testimony mode's print key): the speaker copy in
large type for the podium, or the written copy, a letter for the clerk.

The testimony is passed in, not read here: the command line prints the saved
text, Testimony mode the text on screen. Blocking (ReportLab, imported on
first use): the app calls it from a worker.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from ..model import Meeting, Settings, Testimony
from .printed import PageOptions, Printed, font_path

COPIES = {False: "Speaker copy", True: "Written copy for the clerk"}
"""What each copy is called, by ``written``."""


@dataclass(frozen=True, kw_only=True)
class CopyOptions(PageOptions):
    written: bool = False
    """The letter for the record instead of the copy read at the podium."""


def print_testimony(
    settings: Settings, meeting: Meeting, testimony: Testimony, root: Path, options: CopyOptions
) -> Printed:
    """The copy's PDF (as many pages as it takes); MeetingkitError says why it cannot be made."""
    from ..printing.testimony_pdf import copy_look, testimony_pdf

    data = testimony_pdf(
        settings,
        meeting,
        testimony,
        written=options.written,
        large_print=options.large_print,
        paper=options.paper,
        font=font_path(options, settings.font, root),
    )
    size = copy_look(options.written, options.large_print).size
    return Printed(
        data=data,
        summary=f"{COPIES[options.written]} of {testimony.speaker}'s testimony is ready ({size:g} pt type).",
        size=size,
    )
