"""The question handout for the room, made once for ``meetingkit handout`` and
the app's Print mode: the same checks, the same ICE line, the same page.

Blocking (ReportLab lays the page out several times, ICE's sheets are read):
the app calls it from a worker. ReportLab is imported on first use only.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from ..bank import Bank, language_gaps
from ..errors import MeetingkitError
from ..model import Meeting, Settings
from .printed import PageOptions, Printed, font_path

SIDES = (1, 2)
"""One page, or a two-sided sheet with one language on each side."""


class LanguageGaps(MeetingkitError):
    """A bilingual page would print some of it in the wrong language: fixed in
    the meeting or the settings, not by leaving parts out."""


@dataclass(frozen=True, kw_only=True)
class HandoutOptions(PageOptions):
    langs: tuple[str, ...] = ()
    """One language, or two side by side; empty: the workspace's languages."""
    sides: int = 1
    why: bool = True
    ways: bool = True
    ice: bool = True
    """Print what ICE's 287(g) list says about the agency (also off with ``ice: false`` in settings)."""


def print_handout(
    settings: Settings, meeting: Meeting, bank: Bank, root: Path, today: date, options: HandoutOptions
) -> Printed:
    """The handout PDF; MeetingkitError (UsageError for a bad choice) says why it cannot be made."""
    from ..printing.handout import Sections, parse_langs
    from ..printing.handout_pdf import handout_pdf

    langs = parse_langs(",".join(options.langs) or None, settings)
    if gaps := language_gaps(meeting, settings, langs):
        raise LanguageGaps("; ".join(gaps))
    handout = handout_pdf(
        settings,
        meeting,
        bank,
        langs,
        paper=options.paper,
        large_print=options.large_print,
        font=font_path(options, settings.font, root),
        sections=Sections(why=options.why, ways=options.ways),
        sides=options.sides,
        known=ice_known(root, settings, langs, today) if options.ice else {},
    )
    where = "one page" if handout.sides == 1 else "each side of one sheet (a PDF of two pages)"
    return Printed(
        data=handout.data,
        summary=f"Fits on {where} at {handout.size:g} pt type.",
        size=handout.size,
        notes=tuple(handout.notes()),
    )


def ice_known(
    root: Path, settings: Settings, langs: Sequence[str], today: date
) -> Mapping[str, Mapping[str, str]]:
    """ICE's own list on the 287(g) question, in each language, when it names the agency
    (a county-and-type guess is never printed for the public)."""
    from ..ice import ICE_QUESTION, ice_line
    from ..ice_store import cited_match

    found = cited_match(root, settings)
    if found is None or found.how != "name":
        return {ICE_QUESTION: {}}
    lines = {lang: ice_line(found, today, lang) for lang in langs}
    return {ICE_QUESTION: {lang: line for lang, line in lines.items() if line}}
