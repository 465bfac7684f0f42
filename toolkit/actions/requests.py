"""Public records requests, each job once for the command line and the app:
draft a request with its letter, log a dated change, list them, show one with
its clock, draft the follow-up or the appeal, print a letter.

Plain arguments in, records and results out: nothing here parses flags,
prints or draws. Every job is blocking (files, the store's lock, which can
wait 15 s), so the app runs them in workers. What a front end should warn
about (a law file that could not be read, an unverified citation) comes back
in ``warnings``, one line each, for it to say its own way.
"""

from __future__ import annotations

from contextlib import suppress
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from ..bank import Bank, entry_text, load, placeholder_values, tailor
from ..errors import MeetingkitError, UsageError
from ..model import Answer, Law, Meeting, Received, Request, Settings
from ..requests import DODGED, LETTERS
from ..store import Workspace

if TYPE_CHECKING:
    from ..request_store import RequestStore
    from ..requests import Clock, RequestRow


def _store(ws: Workspace) -> RequestStore:
    from ..request_store import RequestStore

    return RequestStore(ws)


# --- the law table and the clock ----------------------------------------------------


@dataclass(frozen=True)
class Laws:
    laws: dict[str, Law]
    warnings: list[str] = field(default_factory=list)
    """Law files that could not be read (the others still count)."""


def law_table(ws: Workspace) -> Laws:
    """The shipped laws with the workspace's own, and the files that could not be read."""
    from ..laws import load_laws

    table = load_laws(ws.root)
    return Laws(table.laws, [f"skipped {problem}" for problem in table.problems])


def clock_of(ws: Workspace, request: Request, as_of: date) -> Clock:
    """Where ``request`` stands against its law's deadline on ``as_of``."""
    from ..request_store import closure_days
    from ..requests import clock, law_by_id

    law = law_by_id(law_table(ws).laws, request.law, str(ws.root))
    return clock(request, law, as_of, closure_days(ws))


# --- drafting -----------------------------------------------------------------------


@dataclass(frozen=True)
class MeetingChoice:
    """One meeting a request can come from: its questions, and those officials dodged."""

    meeting: Meeting
    questions: list[tuple[str, str]]
    """(question id, its text as asked) in agenda order."""
    dodged: list[str]


@dataclass(frozen=True)
class DraftChoices:
    """What ``request draft`` chooses from, for a form to offer."""

    laws: list[Law]
    """The whole table, by jurisdiction."""
    state_law: str | None
    """The law of the settings' state (the default); None when the table has none."""
    no_state_law: str
    """Why there is no default law, in words; empty when there is one."""
    agency: dict[str, str]
    """The settings' agency per letter language: what is asked when no agency is typed."""
    meetings: list[MeetingChoice]
    warnings: list[str] = field(default_factory=list)


def draft_choices(ws: Workspace, meetings: list[Meeting]) -> DraftChoices:
    """Every law, the state's default, and each meeting's questions with the dodged ones."""
    from ..letters import WORDS
    from ..requests import find_law

    table = law_table(ws)
    settings = ws.settings()
    state_law, why = None, ""
    try:
        state_law = find_law(table.laws, settings.state, str(ws.root)).id
    except MeetingkitError:
        state = settings.state.strip()
        why = (
            f"The law table has no law for {state!r} (the settings' state): choose one, "
            "or add it by hand as laws/<id>.yaml in the workspace."
            if state
            else "The settings name no state: choose the law."
        )
    loaded = ws.answers()
    bank = load(ws.bank_dir)
    return DraftChoices(
        laws=sorted(table.laws.values(), key=lambda law: (law.jurisdiction.casefold(), law.id)),
        state_law=state_law,
        no_state_law=why,
        agency={lang: placeholder_values(settings, None, lang).get("agency", "") for lang in WORDS},
        meetings=[MeetingChoice(m, _asked(bank, m, settings), _dodged(loaded.records, m)) for m in meetings],
        warnings=[*table.warnings, *(f"skipped {p}" for p in loaded.problems)],
    )


def _asked(bank: Bank, meeting: Meeting, settings: Settings) -> list[tuple[str, str]]:
    """The meeting's questions as they read in its language (the id alone when the bank lacks it)."""
    values = placeholder_values(settings, meeting, meeting.language)
    asked = []
    for entry in meeting.agenda:
        question = bank.questions.get(entry.question)
        text = entry.question
        if question is not None:
            with suppress(MeetingkitError):  # a language the bank lacks: the id says which question
                text = entry_text(question, meeting.language, values, entry, meeting.language).text
        asked.append((entry.question, text))
    return asked


def _dodged(answers: list[Answer], meeting: Meeting) -> list[str]:
    """The meeting's questions answered deflected, declined or partial, in agenda order."""
    order = {entry.question: n for n, entry in enumerate(meeting.agenda)}
    found = [a.question for a in answers if a.meeting == meeting.id and a.status in DODGED]
    return sorted(found, key=lambda q: (order.get(q, len(order)), q))


@dataclass(frozen=True)
class Drafted:
    request: Request
    letter: Path
    """The letter's Markdown file, to edit before sending."""
    law: Law
    warnings: list[str] = field(default_factory=list)


def default_records_from(on: date) -> date:
    """Records asked for by default: from January 1 of the year before the letter."""
    return date(on.year - 1, 1, 1)


def draft_request(
    ws: Workspace,
    meeting_id: str,
    question_ids: list[str] | None = None,
    *,
    on: date,
    lang: str | None = None,
    agency: str | None = None,
    law_id: str | None = None,
    records_from: date | None = None,
    records_to: date | None = None,
) -> Drafted:
    """Save a new request for the records behind ``question_ids`` (default: the
    questions officials dodged at the meeting) and write its letter, dated ``on``.

    ``agency`` and ``law_id`` default to the settings' agency and state,
    ``lang`` to the meeting's language, the records' dates to January 1 of the
    year before ``on`` through ``on``. Nothing is written when any of it is wrong.
    """
    from ..letters import WORDS, request_letter, words
    from ..requests import find_law, law_by_id

    meeting = ws.meeting(meeting_id)
    settings = ws.settings()
    table = law_table(ws)
    where = str(ws.root)
    law = law_by_id(table.laws, law_id, where) if law_id else find_law(table.laws, settings.state, where)
    lang = lang or (meeting.language if meeting.language in WORDS else "en")
    words(lang)  # refuses a language the letters are not written in, before anything is saved
    start, end = records_from or default_records_from(on), records_to or on
    if start > end:
        raise UsageError(
            f"the records' dates run backwards: from {start.isoformat()} to {end.isoformat()}; "
            "the first date comes first"
        )
    values = placeholder_values(settings, meeting, lang)
    if agency and agency.strip():
        values["agency"] = agency.strip()
    if not values.get("agency"):
        raise UsageError("name the agency: --agency NAME, or set `agency:` in the workspace settings")
    warnings = list(table.warnings)
    qids = list(question_ids or [])
    if not qids:
        loaded = ws.answers(meeting.id)
        warnings += [f"skipped {p}" for p in loaded.problems]
        qids = _dodged(loaded.records, meeting)
    if not qids:
        raise MeetingkitError(
            f"no question at {meeting.id} was answered deflected, declined or partial; "
            f"name the questions: `meetingkit request draft {meeting.id} QUESTION_ID…`"
        )
    bank = load(ws.bank_dir)
    records: list[str] = []
    for qid in qids:
        question = bank.get(qid)
        text = question.texts.get(lang) or question.texts.get("en")
        records += [tailor(r, values).text for r in (text.records if text else []) if r not in records]
    if not records:
        raise MeetingkitError(f"the bank lists no records to request for {', '.join(qids)}")
    store = _store(ws)
    request = Request(
        id=store.new_id(values["agency"], on),
        meeting=meeting.id,
        questions=qids,
        agency=values["agency"],
        law=law.id,
        language=lang,
        records=records,
        records_from=start,
        records_to=end,
        drafted=on,
    )
    store.save(request)
    letter = store.write_letter(request.id, "request", request_letter(request, law, settings, on))
    if not law.verified:
        warnings.append(
            f"the law table marks {law.id} ({law.name}) unverified: check the citation before sending"
        )
    return Drafted(request, letter, law, warnings)


# --- listing and logging ----------------------------------------------------------


@dataclass(frozen=True)
class Listed:
    rows: list[RequestRow]
    """Most overdue first, then by due date."""
    skipped: list[str]
    """What could not be read, one line each (request files, law files, missing laws)."""
    left_out: bool
    """Whether a request itself was left out (a broken law file alone does not count)."""


def list_requests(ws: Workspace, as_of: date) -> Listed:
    """Every request with its clock as of ``as_of``."""
    from .report import request_rows_of

    return Listed(*request_rows_of(ws, as_of))


@dataclass(frozen=True)
class Logged:
    request: Request
    clock: Clock
    """As of the change's day."""


def log_change(
    ws: Workspace,
    request_id: str,
    status: str,
    on: date,
    *,
    note: str = "",
    evidence: str = "",
    tracking: str | None = None,
    method: str | None = None,
    received: str = "",
    kept_at: str = "",
) -> Logged:
    """Add a dated change to the request's history under its lock (no lost update);
    ``tracking`` and ``method``, when given, replace the request's; ``received``
    records what arrived with it and ``kept_at`` where it is kept."""
    from ..requests import add_change

    if kept_at.strip() and not received.strip():
        raise UsageError("--kept-at goes with --received: say what was received")

    def change(request: Request) -> None:
        add_change(request, status, on, note.strip(), evidence.strip())
        if tracking is not None:
            request.tracking = tracking.strip()
        if method is not None:
            request.method = method.strip()
        if received.strip():
            request.received.append(Received(on=on, what=received.strip(), kept_at=kept_at.strip()))

    request = _store(ws).update(request_id, change)
    return Logged(request, clock_of(ws, request, on))


# --- one request and its letters ----------------------------------------------------


@dataclass(frozen=True)
class Shown:
    row: RequestRow
    letters: dict[str, Path]
    """The letters drafted so far, by kind (request, followup, appeal)."""

    @property
    def request(self) -> Request:
        return self.row.request


def show_request(ws: Workspace, request_id: str, as_of: date) -> Shown:
    """One request with its clock as of ``as_of`` and the letters on disk."""
    from ..requests import RequestRow

    store = _store(ws)
    request = store.read(request_id)
    letters = {which: store.letter_path(request.id, which) for which in LETTERS}
    row = RequestRow(clock_of(ws, request, as_of))
    return Shown(row, {which: path for which, path in letters.items() if path.exists()})


def letter_text(ws: Workspace, request_id: str, which: str = "request") -> str:
    """A letter as the group edited it; MeetingkitError says how to draft one that is missing."""
    path = _store(ws).letter_path(request_id, which)
    try:
        return path.read_text(encoding="utf-8")
    except FileNotFoundError:
        how = "draft" if which == "request" else which
        raise MeetingkitError(
            f"no {which} letter for {request_id} ({path} is missing); "
            f"draft it with `meetingkit request {how} {request_id}`"
        ) from None
    except UnicodeDecodeError:
        raise MeetingkitError(f"{path} is not UTF-8 text; save it as UTF-8") from None


@dataclass(frozen=True)
class NextLetter:
    path: Path
    existed: bool
    """The letter was there already and was left as it is (perhaps edited)."""


def next_letter(ws: Workspace, request_id: str, which: str, as_of: date) -> NextLetter:
    """Draft the follow-up (once past due) or the appeal (once denied), dated ``as_of``;
    a letter already drafted is kept, never overwritten."""
    from ..letters import appeal_letter, followup_letter

    if which not in ("followup", "appeal"):
        raise UsageError(f"the next letter is a followup or an appeal, not {which!r}")
    store = _store(ws)
    request = store.read(request_id)
    path = store.letter_path(request.id, which)
    if path.exists():
        return NextLetter(path, existed=True)
    write = followup_letter if which == "followup" else appeal_letter
    text = write(clock_of(ws, request, as_of), ws.settings())
    return NextLetter(store.write_letter(request.id, which, text), existed=False)


def print_letter(
    ws: Workspace,
    request_id: str,
    output: Path,
    *,
    which: str = "request",
    paper: str = "letter",
    font: str | None = None,
    large_print: bool = False,
    make_folder: bool = False,
) -> Path:
    """Print a letter (as edited) to the PDF ``output``; returns where it was written.

    ``make_folder`` for the app's own print folder; a folder the user named
    must exist (a typo would leave the file where nobody looks).
    """
    from ..atomic import output_file, write_bytes
    from ..printing.fonts import font_file
    from ..printing.request_letter import letter_pdf

    request = _store(ws).read(request_id)
    target = output_file(output, ".pdf", ws.root, make_folder=make_folder)
    text = letter_text(ws, request.id, which)
    settings = ws.settings()
    data = letter_pdf(
        text,
        request,
        settings,
        paper=paper,
        font=font_file(font, settings.font, ws.root),
        large_print=large_print,
    )
    write_bytes(target, data)
    return target


def letter_file_name(request_id: str, which: str = "request") -> str:
    """The PDF's name in the app's print folder: ``<id>.pdf``, ``<id>-followup.pdf``."""
    return f"{request_id}{'' if which == 'request' else '-' + which}.pdf"
