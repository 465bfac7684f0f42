"""What the app holds in memory: one workspace read once, and the meeting the
organizer is working on.

The app's one door to the workspace: its screens never reach the store, they
call these methods (the blocking ones from workers). Plain Python (no Textual),
so it can be built in a worker thread and tested without a screen. Every change
goes through the store, which refuses to overwrite a file that changed on disk
(answers, which the command line may change while the app holds them, are
merged when the changes do not overlap); the in-memory copies follow only after
a write succeeded. ``version`` counts changes so screens know when to redraw.
"""

from __future__ import annotations

import threading
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

from ..bank import Bank, load
from ..checks import Finding, check
from ..errors import FileProblem, one_line
from ..locale.dates import format_clock
from ..model import Answer, Meeting, Promise, Record, Settings, Testimony
from ..store import Workspace
from . import requests
from .answers import add_promise, delete_promise, save_edited_answer, update_promise
from .autosave import Autosave
from .delete import Removal, plan_meeting_removal, remove_meeting

if TYPE_CHECKING:
    from ..requests import RequestRow
    from .ice import Imported
    from .ice_lookup import Comparison
    from .media import MediaDraft
    from .testimony_draft import Drafted

R = TypeVar("R", bound=Record)


@dataclass(frozen=True)
class Fresh:
    """Everything the app holds, as read from disk."""

    settings: Settings
    bank: Bank
    meetings: list[Meeting]
    answers: list[Answer]
    problems: list[FileProblem]


@dataclass
class Session:
    ws: Workspace
    settings: Settings
    bank: Bank
    today: date
    meetings: list[Meeting] = field(default_factory=list)
    answers: list[Answer] = field(default_factory=list)
    problems: list[FileProblem] = field(default_factory=list)
    current_id: str | None = None
    version: int = 0
    autosave: Autosave = field(init=False)
    _chain: Revisions = field(init=False)

    def __post_init__(self) -> None:
        self.autosave = Autosave(self.ws)
        self._chain = Revisions()

    @classmethod
    def open(cls, root: Path, today: date) -> Session:
        """Read the workspace (blocking: run it in a worker).

        Raises WorkspaceMissing when there is none, FileProblem when the
        settings file is broken; any other broken file becomes a problem.
        """
        ws = Workspace(root)
        session = cls(ws=ws, settings=ws.settings(), bank=load(ws.bank_dir), today=today)
        session.reload()
        return session

    def reload(self) -> None:
        """Read everything again from disk (blocking)."""
        self.take(self.read_fresh())

    def read_fresh(self) -> Fresh:
        """The workspace as it is on disk now (blocking: run it in a worker), to ``take``."""
        meetings, answers = self.ws.meetings(), self.ws.answers()
        bank = load(self.ws.bank_dir)
        problems = [*bank.problems, *meetings.problems, *answers.problems]
        return Fresh(self.ws.settings(), bank, meetings.records, answers.records, problems)

    def take(self, fresh: Fresh) -> None:
        """Hold what ``read_fresh`` read, instead of the copies in memory (main thread)."""
        self._chain = Revisions()
        self.settings, self.bank = fresh.settings, fresh.bank
        self.meetings, self.answers, self.problems = fresh.meetings, fresh.answers, fresh.problems
        if self.current_id not in {m.id for m in self.meetings}:
            self.current_id = self._default_meeting()
        self.version += 1

    # --- the workspace's files ---------------------------------------------------

    @property
    def root(self) -> Path:
        return self.ws.root

    def relative(self, path: Path) -> str:
        """``path`` as shown to a person: inside the workspace, relative to it."""
        return self.ws.relative(path)

    def save_settings(self, settings: Settings) -> Settings:
        """Write the whole settings record (blocking: from a worker); raises ConflictError
        if the file moved on. The copy in memory follows with ``take_settings``."""
        from .settings import save_settings

        return save_settings(self.ws, settings)

    def new_meeting_id(self, on: date, body: str) -> str:
        return self.ws.new_meeting_id(on, body)

    def check_files(self) -> list[Finding]:
        """Every problem ``meetingkit check`` reports (blocking: reads every file)."""
        return check(self.ws)

    # --- ICE's list ------------------------------------------------------------

    def ice_line(self) -> str | None:
        """What ICE's newest sheet says about the agency, as one safe line (blocking: reads the sheets)."""
        from ..ice import ice_line
        from ..ice_store import match_workspace

        line = ice_line(match_workspace(self.root, self.settings), self.today)
        return one_line(line) if line else None

    def import_sheet(self, typed: str, as_of: date | None = None, *, replace: bool = False) -> Imported:
        """Read and save one downloaded sheet (a path as typed, from the workspace), dated
        ``as_of`` when its name is not; ``replace`` a different one of that day."""
        from .ice import import_sheets

        [done] = import_sheets(self.ws, [self.root / Path(typed).expanduser()], as_of, replace=replace)
        return done

    # --- deleting ---------------------------------------------------------------

    def plan_meeting_removal(self, meeting_id: str) -> Removal:
        """What deleting the meeting removes (blocking: reads its answers and testimony)."""
        return plan_meeting_removal(self.ws, meeting_id)

    def remove_meeting(self, removal: Removal) -> None:
        """Delete the planned files (blocking); ``drop_meeting`` then forgets them in memory."""
        remove_meeting(self.ws, removal)

    def delete_promise(self, promise_id: str) -> Answer | None:
        """Delete a promise, history and all, after the person confirmed (blocking); its
        answer as saved, for ``take_answer``."""
        return delete_promise(self.ws, promise_id, with_history=True)[1]

    # --- records requests and media inquiries ------------------------------------
    # Each a delegation to actions/requests.py or actions/media.py (blocking: call from workers).

    def request_rows(self) -> tuple[list[RequestRow], list[str]]:
        """Every request with its clock as of today, and what could not be read."""
        listed = requests.list_requests(self.ws, self.today)
        return listed.rows, listed.skipped

    def log_request_change(
        self, request_id: str, status: str, on: date, note: str = "", **more: str
    ) -> requests.Logged:
        """Record a request's new status under its lock; ``more``: evidence, tracking,
        method, received, kept_at (as ``request update`` takes them)."""
        return requests.log_change(self.ws, request_id, status, on, note=note, **more)

    def request_draft_choices(self) -> requests.DraftChoices:
        """The laws, the state's default and each meeting's questions, for the new-request form."""
        return requests.draft_choices(self.ws, self.meetings_upcoming_first())

    def draft_request(self, meeting_id: str, question_ids: list[str], **options: Any) -> requests.Drafted:
        """Save a new request with its letter (``options`` as ``actions.requests.draft_request``)."""
        return requests.draft_request(self.ws, meeting_id, question_ids, **options)

    def show_request(self, request_id: str) -> tuple[requests.Shown, dict[str, str]]:
        """One request with its clock as of today, and the text of each letter drafted."""
        shown = requests.show_request(self.ws, request_id, self.today)
        return shown, {which: requests.letter_text(self.ws, request_id, which) for which in shown.letters}

    def draft_next_letter(self, request_id: str, which: str) -> requests.NextLetter:
        """The follow-up or the appeal, dated today (kept as it is when already drafted)."""
        return requests.next_letter(self.ws, request_id, which, self.today)

    def print_request_letter(self, request_id: str, output: Path, **options: Any) -> Path:
        """A letter to PDF (``options``: which, paper, large_print), making the print folder if needed."""
        return requests.print_letter(self.ws, request_id, output, make_folder=True, **options)

    def media_inquiry(
        self, meeting_id: str, as_of: date, langs: str, output: Path
    ) -> tuple[Path, MediaDraft]:
        """Draft the media inquiry and write it to ``output`` (its folder made if needed)."""
        from .media import media_inquiry, write_text

        draft = media_inquiry(self.ws, meeting_id, as_of, langs)
        return write_text(output, draft.text, self.root, make_folder=True), draft

    def _default_meeting(self) -> str | None:
        """The next meeting to prepare for, else the latest one held."""
        ordered = self.meetings_upcoming_first()
        return ordered[0].id if ordered else None

    # --- meetings -------------------------------------------------------------

    def meetings_upcoming_first(self) -> list[Meeting]:
        """Upcoming meetings soonest first, then past ones most recent first."""
        upcoming = [m for m in self.meetings if m.date >= self.today]
        past = [m for m in self.meetings if m.date < self.today]
        return upcoming + sorted(past, key=lambda m: (m.date, m.time), reverse=True)

    @property
    def current(self) -> Meeting | None:
        return self.find_meeting(self.current_id) if self.current_id else None

    def find_meeting(self, meeting_id: str) -> Meeting | None:
        return next((m for m in self.meetings if m.id == meeting_id), None)

    def select(self, meeting_id: str) -> None:
        if self.find_meeting(meeting_id) is not None and meeting_id != self.current_id:
            self.current_id = meeting_id
            self.version += 1

    def put_meeting(self, meeting: Meeting) -> None:
        """Hold a changed (or new) meeting in memory at once (main thread); ``write_meeting``
        follows in a worker, so the next edit builds on this one while the disk catches up."""
        others = [m for m in self.meetings if m.id != meeting.id]
        self.meetings = sorted([*others, meeting], key=lambda m: (m.date, m.time, m.id))
        self.current_id = meeting.id
        self.version += 1

    def write_meeting(self, meeting: Meeting) -> Meeting:
        """Write a meeting (blocking); raises ConflictError if someone else changed the file."""
        path = self.ws.meeting_path(meeting.id)
        saved = self._chain.rebased(path, meeting)
        self.ws.save_meeting(saved)
        self._chain.wrote(path, meeting.revision, saved.revision)
        return saved

    def add_meeting(self, meeting: Meeting) -> Meeting:
        """Write a new meeting under the next free id for its day and body (blocking)."""
        return self.ws.add_meeting(meeting.evolve())

    def reload_meeting(self, meeting_id: str) -> Meeting:
        """Take the version on disk, dropping the one in memory (after a conflict)."""
        fresh = self.ws.meeting(meeting_id)
        self._chain.forget(self.ws.meeting_path(meeting_id))
        self.meetings = [fresh if m.id == meeting_id else m for m in self.meetings]
        self.version += 1
        return fresh

    def drop_meeting(self, meeting_id: str) -> None:
        """Forget a meeting deleted from disk, with its answers."""
        self.meetings = [m for m in self.meetings if m.id != meeting_id]
        self.answers = [a for a in self.answers if a.meeting != meeting_id]
        if self.current_id == meeting_id:
            self.current_id = self._default_meeting()
        self.version += 1

    def label(self, meeting: Meeting) -> str:
        when = "upcoming" if meeting.date >= self.today else "held"
        time = format_clock(meeting.time, "en") if meeting.time else ""
        return f"{meeting.body} · {meeting.date.isoformat()} {time} ({when})".replace("  ", " ")

    def speakers(self, meeting: Meeting) -> list[str]:
        """The agenda's speakers, then anyone else with testimony on disk."""
        names = meeting.speakers()
        for t in self.testimonies(meeting.id):
            if t.speaker not in names:
                names.append(t.speaker)
        return names

    # --- testimony --------------------------------------------------------------

    def testimony(self, meeting_id: str, speaker: str) -> Testimony | None:
        """The speaker's testimony as saved, None when there is none yet."""
        return self.ws.testimony(meeting_id, speaker)

    def testimony_path(self, meeting_id: str, speaker: str) -> Path:
        return self.ws.testimony_path(meeting_id, speaker)

    def write_testimony(self, testimony: Testimony) -> Testimony:
        """Write a draft (blocking); raises ConflictError if someone else changed the file."""
        path = self.ws.testimony_path(testimony.meeting, testimony.speaker)
        saved = self._chain.rebased(path, testimony)
        self.ws.save_testimony(saved)
        self._chain.wrote(path, testimony.revision, saved.revision)
        return saved

    def forget_written(self, testimony: Testimony) -> None:
        """The draft was reloaded from disk: later saves start from that version."""
        self._chain.forget(self.ws.testimony_path(testimony.meeting, testimony.speaker))

    # --- answers --------------------------------------------------------------

    def answers_of(self, meeting_id: str) -> dict[str, Answer]:
        return {a.question: a for a in self.answers if a.meeting == meeting_id}

    def answer_file(self, meeting_id: str, question_id: str) -> str:
        """Where an answer lives, as shown to a person."""
        return self.ws.answer_file(meeting_id, question_id)

    def broken_answer(self, meeting_id: str, question_id: str) -> FileProblem | None:
        """Why this answer's file could not be read, if it is there but broken
        (it is then left out of ``answers``, which would pass it off as unanswered)."""
        path = self.ws.answer_path(meeting_id, question_id)
        return next((p for p in self.problems if p.path == path), None)

    def answer_for(self, meeting_id: str, question_id: str) -> Answer:
        """The answer held in memory, or a blank one to fill in."""
        found = self.answers_of(meeting_id).get(question_id)
        return found if found is not None else Answer(meeting=meeting_id, question=question_id)

    def put_answer(self, answer: Answer) -> None:
        """Hold an edited answer in memory at once (main thread); ``write_answer`` follows."""
        key = (answer.meeting, answer.question)
        self.answers = [a for a in self.answers if (a.meeting, a.question) != key] + [answer]
        self.version += 1

    def write_answer(self, answer: Answer, base: Answer) -> Answer:
        """Write ``answer``, an edit of ``base``, merged with what others saved meanwhile
        (blocking); returns what was saved."""
        return save_edited_answer(self.ws, base, answer)

    def add_promise(
        self,
        meeting_id: str,
        question_id: str,
        what: str,
        due: date | None,
        official: str,
        note: str,
        on: date | None = None,
    ) -> tuple[Promise, Answer]:
        """Record a promise made at the meeting, or ``on`` a later day (blocking); the
        promise and its answer as saved."""
        return add_promise(
            self.ws, self.bank, meeting_id, question_id, what, due=due, official=official, on=on, note=note
        )

    def update_promise(
        self, promise_id: str, status: str, on: date, note: str, evidence: str
    ) -> tuple[Promise, Answer]:
        """A promise's new status (blocking); the promise and its answer as saved."""
        return update_promise(self.ws, promise_id, status, on, note, evidence)

    def reload_answer(self, meeting_id: str, question_id: str) -> Answer:
        return self.take_answer(meeting_id, question_id, self.ws.answer(meeting_id, question_id))

    def take_answer(self, meeting_id: str, question_id: str, fresh: Answer | None) -> Answer:
        """Hold ``fresh`` (read from disk, None when the file is gone) instead of the copy in memory."""
        key = (meeting_id, question_id)
        self.answers = [a for a in self.answers if (a.meeting, a.question) != key]
        if fresh is not None:
            self.answers.append(fresh)
        self.version += 1
        return fresh if fresh is not None else Answer(meeting=meeting_id, question=question_id)

    # --- checking files, ICE's list for any agency (the help map's gaps) ------------

    def count_loose_files(self) -> int:
        """How many files and folders others can read (blocking: walks the workspace)."""
        from ..checks import loose_permissions

        return len(loose_permissions(self.ws))

    def make_files_private(self) -> int:
        """``check --fix``: files 0600, folders 0700 (blocking); the number changed."""
        from ..checks import tighten_permissions

        return tighten_permissions(self.ws)

    def ice_lookup(self, agency: str, state: str) -> list[str]:
        """``ice show AGENCY --state XX`` as lines to read (blocking: reads the sheets)."""
        from ..ice_store import library
        from .ice_lookup import show

        jurisdiction = self.settings.jurisdiction if agency == self.settings.agency else ""
        return show(library(self.root), agency, state, jurisdiction, self.today)[1]

    def ice_changes(self, state: str) -> Comparison:
        """``ice changes --state XX`` (all states when empty); blocking: reads the sheets."""
        from ..ice_store import library
        from .ice_lookup import compare

        return compare(library(self.root), state)

    # --- settings ---------------------------------------------------------------

    def read_settings(self) -> Settings:
        """The settings as on disk now (blocking), to take after a conflict."""
        return self.ws.settings()

    def take_settings(self, settings: Settings) -> None:
        """Hold ``settings`` (saved or read from disk) instead of the copy in memory (main thread)."""
        self.settings = settings
        self.version += 1

    # --- the command line's last gaps in the app (issue 11) ---------------------

    def testimonies(self, meeting_id: str) -> list[Testimony]:
        """Every speaker's testimony for the meeting as saved, for their times in the list
        (``testimony time``); files that cannot be read are left out (``check`` names them)."""
        return self.ws.testimonies(meeting_id).records

    def draft_testimony(
        self,
        meeting: Meeting,
        speaker: str,
        neighbourhood: str,
        *,
        follow_up: bool = False,
        as_of: date | None = None,
    ) -> Drafted:
        """``testimony draft``'s text, not saved (blocking: reads the record, requests and
        ICE's sheets); with ``follow_up`` what is open as of ``as_of`` (the meeting's day)."""
        from .testimony_draft import draft_testimony

        return draft_testimony(self.ws, meeting, speaker, neighbourhood, follow_up=follow_up, as_of=as_of)


class Revisions:
    """The revisions this app wrote, per file, so saves queued one after another
    do not refuse each other.

    An edit is built on the copy in memory, which may still carry the revision
    from before an earlier save of the same file finished. A record whose
    revision is one this app itself replaced is written over the newest one it
    wrote; any other revision is someone else's change and is refused as ever.
    """

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._replaced: dict[Path, set[str | None]] = {}
        self._newest: dict[Path, str | None] = {}

    def rebased(self, path: Path, record: R) -> R:
        copy = record.evolve()
        with self._lock:
            if record.revision in self._replaced.get(path, set()):
                copy.revision = self._newest[path]
        return copy

    def wrote(self, path: Path, before: str | None, after: str | None) -> None:
        with self._lock:
            replaced = self._replaced.setdefault(path, set())
            replaced.add(before)
            replaced.add(self._newest.get(path, before))
            self._newest[path] = after

    def forget(self, path: Path) -> None:
        with self._lock:
            self._replaced.pop(path, None)
            self._newest.pop(path, None)
