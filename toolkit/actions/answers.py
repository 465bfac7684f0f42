"""After the meeting: log how a question was answered, record a promise, follow it.

Each job once, for ``meetingkit answer`` / ``promise add|update|delete`` and for
the app's Answers and Promises modes. Every change is applied to the newest
version on disk under the answer's lock, so two organizers (or the app and
the command line) never lose each other's work.
"""

from __future__ import annotations

from copy import deepcopy
from dataclasses import dataclass, field
from datetime import date

from ..bank import Bank
from ..errors import UsageError
from ..model import Answer, Promise
from ..store import Workspace
from ..tracker import add_promise as new_promise
from ..tracker import log_answer as apply_answer
from ..tracker import set_status
from .delete import remove_promise


@dataclass(frozen=True)
class Logged:
    answer: Answer
    """The answer as saved."""
    file: str
    """Where it is, relative to the workspace."""
    warnings: list[str] = field(default_factory=list)
    """Logged anyway, but worth a second look (not on the agenda, not held yet)."""


def log_answer(
    ws: Workspace,
    bank: Bank,
    meeting_id: str,
    question_id: str,
    status: str,
    *,
    official: str | None = None,
    said: str | None = None,
    source: str | None = None,
    notes: str | None = None,
    today: date,
) -> Logged:
    """Record what happened to one question at one meeting; fields not given keep their value."""
    meeting = ws.meeting(meeting_id)
    question = bank.get(question_id)
    warnings = []
    if question.id not in {e.question for e in meeting.agenda}:
        warnings.append(f"{question.id} is not on the agenda of {meeting.id}; logged anyway")
    if meeting.date > today:
        warnings.append(f"{meeting.id} is on {meeting.date.isoformat()}, not held yet; logged anyway")
    saved = ws.update_answer(
        meeting.id,
        question.id,
        lambda answer: apply_answer(answer, status, official, said, source, notes),
    )
    return Logged(saved, ws.answer_file(meeting.id, question.id), warnings)


def save_edited_answer(ws: Workspace, base: Answer, answer: Answer) -> Answer:
    """Write ``answer``, a person's edit of ``base`` held on screen, with its promises; returns
    what was saved.

    The app's way of logging an answer: the form may have been open for minutes, so
    whatever others saved to the file since ``base`` (the command line, another
    organizer, an earlier save of the same form still in the queue) is merged in when
    the changes do not overlap. Raises ConflictError naming the fields both sides changed.
    """
    saved = deepcopy(answer)
    ws.save_answer_merging(base, saved)
    return saved


def add_promise(
    ws: Workspace,
    bank: Bank,
    meeting_id: str,
    question_id: str,
    what: str,
    *,
    due: date | None,
    official: str = "",
    on: date | None = None,
    note: str = "",
) -> tuple[Promise, Answer]:
    """Record a promise (made on the meeting's day unless ``on`` says otherwise); the new
    promise and its answer as saved."""
    meeting = ws.meeting(meeting_id)
    question = bank.get(question_id)
    if not what.strip():
        raise UsageError("say what was promised")
    made: list[Promise] = []

    def change(answer: Answer) -> None:
        made.append(new_promise(answer, what.strip(), due, official.strip(), on or meeting.date, note))

    saved = ws.update_answer(meeting.id, question.id, change)
    return made[0], saved


def update_promise(
    ws: Workspace, promise_id: str, status: str, on: date, note: str = "", evidence: str = ""
) -> tuple[Promise, Answer]:
    """A promise's new status with a dated note; the promise and its answer as saved."""
    answer, promise = ws.find_promise(promise_id)
    changed: list[Promise] = []

    def change(fresh: Answer) -> None:
        for p in fresh.promises:
            if p.id == promise.id:
                set_status(p, status, on, note, evidence)
                changed.append(p)

    saved = ws.update_answer(answer.meeting, answer.question, change)
    if not changed:
        raise UsageError(f"promise {promise.id} was deleted meanwhile; nothing was changed")
    return changed[0], saved


def delete_promise(ws: Workspace, promise_id: str, *, with_history: bool) -> tuple[Promise, Answer | None]:
    """Delete a promise logged by mistake; one with dated changes only when ``with_history``
    (a broken promise is updated, not deleted: the record must show it)."""
    answer, promise = ws.find_promise(promise_id)
    if len(promise.history) > 1 and not with_history:
        raise UsageError(
            f"{promise.id} has {len(promise.history)} dated changes; nothing was deleted. "
            "Add --yes to delete it with its history (or record `--status withdrawn` instead)"
        )
    removed = remove_promise(ws, promise.id)
    return removed, ws.answer(answer.meeting, answer.question)
