"""A speaker's testimony from the template, made once for ``meetingkit testimony
draft`` and the app's template key: the greeting, name and neighbourhood, their
questions; ICE's own list for a speaker asking the 287(g) question; and, when
asked, what is still open from earlier meetings as of a day (promises owed,
records requests past their deadline, questions dodged).

Blocking (reads the record, the requests and ICE's sheets): the app calls it
from a worker.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from ..model import Meeting
from ..store import Workspace


@dataclass(frozen=True)
class Drafted:
    text: str
    followed: int
    """How many follow-up paragraphs the text holds (0 without ``follow_up``, or nothing open)."""
    skipped: list[str] = field(default_factory=list)
    """Files that could not be read, left out of the follow-up."""


def draft_testimony(
    ws: Workspace,
    meeting: Meeting,
    speaker: str,
    neighbourhood: str = "",
    *,
    follow_up: bool = False,
    as_of: date | None = None,
) -> Drafted:
    """The template's text for ``speaker``; with ``follow_up`` what is open as of ``as_of``
    (default: the meeting's day)."""
    from ..bank import load
    from ..ice import ICE_QUESTION, ice_sentence, still_shows
    from ..ice_store import cited_match
    from ..testimony import draft, speaker_entries

    extra: list[str] = []
    skipped: list[str] = []
    if follow_up:
        from ..followup import follow_up_paragraphs
        from .record import read_record
        from .report import request_rows_of

        rec = read_record(ws)
        settings, bank = rec.settings, rec.bank
        day = as_of or meeting.date
        requests, skipped_requests, _ = request_rows_of(ws, day)
        skipped = [*(str(p) for p in rec.problems), *skipped_requests]
        ice = cited_match(ws.root, settings)
        extra = follow_up_paragraphs(meeting, rec.meetings, rec.answers, bank, day, requests, ice)
    else:
        settings, bank = ws.settings(), load(ws.bank_dir)
    followed = max(len(extra) - 1, 0)  # the first is the hint saying where they come from
    if any(e.question == ICE_QUESTION for e in speaker_entries(meeting, speaker)):
        found = cited_match(ws.root, settings)
        fact = ice_sentence(found, meeting.language) if found else None
        said = still_shows(found, meeting.language) if found else None
        if fact and not (said and any(said in paragraph for paragraph in extra)):
            extra.append(fact)  # once: a follow-up citing the list against an answer already says it
    return Drafted(draft(meeting, settings, bank, speaker, neighbourhood, extra), followed, skipped)
