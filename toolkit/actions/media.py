"""The media inquiry, drafted once for the command line and the app: a
meeting's record (the questions, the answers dodged, promises and records
requests past due) as Markdown to edit and send.

Blocking (it reads the whole record): the app calls it from a worker. What
could not be read is left out and named in ``skipped``.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path

from ..errors import UsageError
from ..store import Workspace
from .record import read_record
from .requests import list_requests


@dataclass(frozen=True)
class MediaDraft:
    text: str
    langs: list[str]
    skipped: list[str]
    """Files and requests left out, one line each."""
    left_out: bool
    """Whether a record (an answer, a meeting, a request) is missing from the text."""


def media_langs(wanted: str | None, settings_languages: list[str]) -> list[str]:
    """``en``, ``es`` or ``en,es`` as typed; by default the group's languages meetingkit writes in."""
    from ..letters import WORDS

    text = wanted or ",".join(x for x in settings_languages if x in WORDS) or "en"
    langs = [part.strip() for part in text.split(",") if part.strip()]
    unknown = [lang for lang in langs if lang not in WORDS]
    if unknown or not langs:
        raise UsageError(
            f"a media inquiry can be written in {', '.join(WORDS)} (or both: en,es), not {text!r}"
        )
    return langs


def media_inquiry(ws: Workspace, meeting_id: str, as_of: date, langs: str | None = None) -> MediaDraft:
    """The inquiry for one meeting as of ``as_of``, one section per language."""
    from ..media import media_inquiry as inquiry
    from ..tracker import promise_rows

    record = read_record(ws)
    meeting = ws.meeting(meeting_id)
    chosen = media_langs(langs, record.settings.languages)
    overdue_promises = [r for r in promise_rows(record.answers, as_of) if r.overdue]
    listed = list_requests(ws, as_of)
    overdue_requests = [r for r in listed.rows if r.clock.overdue]
    answers = [a for a in record.answers if a.meeting == meeting.id]
    text = "\n---\n\n".join(
        inquiry(
            meeting, answers, record.bank, record.settings, overdue_promises, overdue_requests, as_of, lang
        )
        for lang in chosen
    )
    skipped = [*(str(p) for p in record.problems), *listed.skipped]
    return MediaDraft(text, chosen, skipped, bool(record.problems) or listed.left_out)


def write_text(target: str | Path, text: str, workspace_root: Path, *, make_folder: bool = False) -> Path:
    """Write a draft where the user asked (the app's print folder is made when missing)."""
    from ..atomic import output_file, write_bytes

    path = output_file(target, "", workspace_root, make_folder=make_folder)
    write_bytes(path, text.encode("utf-8"))
    return path


def media_file_name(meeting_id: str, as_of: date) -> str:
    """The draft's name in the app's print folder."""
    return f"{meeting_id}-media-{as_of.isoformat()}.md"
