"""The promises handout (every promise made up to a meeting and where it
stands, on one page), made once for ``meetingkit handout --promises`` and the
app's Print mode.

Counted as of the meeting's day unless the options say otherwise: the page is
handed out there. Blocking (ReportLab, imported on first use): the app calls
it from a worker.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path

from ..errors import UsageError
from ..model import Answer, Meeting, Settings
from .printed import PageOptions, Printed, font_path


@dataclass(frozen=True, kw_only=True)
class PromisesOptions(PageOptions):
    langs: tuple[str, ...] = ()
    """Exactly one language; empty: the meeting's."""
    as_of: date | None = None
    """The day to judge by; None: the meeting's day."""
    owed_only: bool = False
    """Leave out kept and withdrawn promises."""


def print_promises(
    settings: Settings,
    meeting: Meeting,
    meetings: list[Meeting],
    answers: list[Answer],
    root: Path,
    options: PromisesOptions,
) -> Printed:
    """The promises handout PDF; MeetingkitError says why it cannot be made."""
    from ..printing.promises_handout import on_record, promise_words, promises_pdf

    langs = [lang.strip() for lang in options.langs if lang.strip()] if options.langs else [meeting.language]
    if len(langs) != 1:
        raise UsageError("the promises handout is printed in one language: --lang en or --lang es")
    [lang] = langs
    promise_words(lang)
    as_of = options.as_of or meeting.date
    items = on_record(meeting, meetings, answers, as_of)
    data, size = promises_pdf(
        settings,
        meeting,
        items,
        as_of,
        lang,
        paper=options.paper,
        large_print=options.large_print,
        font=font_path(options, settings.font, root),
        owed_only=options.owed_only,
    )
    which = "still owed" if options.owed_only else "on the record"
    return Printed(
        data=data,
        summary=f"Fits on one page at {size:g} pt type (promises {which} as of {as_of.isoformat()}).",
        size=size,
    )
