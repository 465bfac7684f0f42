"""Deleting what was made by mistake: a meeting with everything logged for it, or one promise.

A deletion is planned first (what goes, so a person can be asked with the
list in front of them) and carried out only if none of those files changed
since: a meeting someone else just logged an answer for is not deleted from
under them.
"""

from __future__ import annotations

from contextlib import suppress
from dataclasses import dataclass, field
from pathlib import Path

from ..errors import NotFound
from ..model import Answer, Promise
from ..store import Workspace


@dataclass(frozen=True)
class Removal:
    """What deleting a meeting removes, each file at the revision it was seen at."""

    meeting: str
    files: dict[Path, str | None] = field(default_factory=dict)
    answers: int = 0
    promises: int = 0
    testimonies: int = 0

    @property
    def logged(self) -> bool:
        """True when the meeting holds work beyond its own file (answers, promises, testimony)."""
        return bool(self.answers or self.testimonies)

    def summary(self) -> str:
        parts = [f"the meeting {self.meeting}"]
        if self.answers:
            parts.append(f"{self.answers} answer(s) with {self.promises} promise(s)")
        if self.testimonies:
            parts.append(f"{self.testimonies} testimony file(s)")
        return ", ".join(parts)


def plan_meeting_removal(ws: Workspace, meeting_id: str) -> Removal:
    meeting = ws.meeting(meeting_id)
    answers = ws.answers(meeting.id)
    testimonies = ws.testimonies(meeting.id)
    files: dict[Path, str | None] = {ws.meeting_path(meeting.id): meeting.revision}
    for answer in answers.records:
        files[ws.answer_path(answer.meeting, answer.question)] = answer.revision
    for t in testimonies.records:
        files[ws.testimony_path(meeting.id, t.speaker)] = t.revision
    for problem in [*answers.problems, *testimonies.problems]:
        files[problem.path] = None  # unreadable: deleted as found, whatever it holds
    return Removal(
        meeting=meeting.id,
        files=files,
        answers=len(answers.records) + len(answers.problems),
        promises=sum(len(a.promises) for a in answers.records),
        testimonies=len(testimonies.records) + len(testimonies.problems),
    )


def remove_meeting(ws: Workspace, removal: Removal) -> None:
    """Delete what ``removal`` lists; refused (nothing deleted) if any file changed since it was planned."""
    ws.store.check_unchanged(removal.files)
    for path in sorted(removal.files, key=lambda p: p.suffix == ".yaml" and p.parent.name == "meetings"):
        ws.store.delete(path, removal.files[path])
    for folder in (ws.root / "answers" / removal.meeting, ws.testimony_folder(removal.meeting)):
        with suppress(OSError):  # not there, or holds something that is not a record: left as it is
            folder.rmdir()


def remove_promise(ws: Workspace, promise_id: str) -> Promise:
    """Take one promise (made by mistake) out of its answer, under the answer's lock."""
    answer, promise = ws.find_promise(promise_id)
    removed: list[Promise] = []

    def drop(fresh: Answer) -> None:
        kept = [p for p in fresh.promises if p.id != promise.id]
        if len(kept) == len(fresh.promises):
            raise NotFound(
                f"promise {promise.id} is no longer in {ws.answer_file(answer.meeting, answer.question)}"
            )
        removed.extend(p for p in fresh.promises if p.id == promise.id)
        fresh.promises = kept

    ws.update_answer(answer.meeting, answer.question, drop)
    return removed[0]
