"""Three-way merge of an answer edited in two places at once (no I/O).

The app holds an answer while a volunteer types; meanwhile the command line or
a second organizer may save the same file. Rather than refuse the app's save,
changes that do not overlap are combined: field by field for the answer,
promise by promise (by id) for its promises, and a promise's dated history
keeps every step from both sides. Only a field both sides changed to
different values is a conflict, and it is named.
"""

from __future__ import annotations

from typing import TypeVar

from .model import Answer, Change, Promise, field_names, promise_id, split_promise_id

T = TypeVar("T")
ANSWER_FIELDS = tuple(
    f for f in field_names(Answer) if f not in ("format", "meeting", "question", "promises")
)
PROMISE_FIELDS = tuple(f for f in field_names(Promise) if f not in ("id", "history"))
"""The fields merged one by one; the record's identity and its lists are merged apart."""


class MergeConflict(Exception):
    """Both sides changed the same things; ``fields`` names them for the message."""

    def __init__(self, fields: list[str]) -> None:
        super().__init__(", ".join(fields))
        self.fields = fields


def pick(base: T, mine: T, theirs: T, name: str, conflicts: list[str]) -> T:
    """The side that changed ``name``; both changed it alike is fine; differently, a conflict."""
    if mine in (theirs, base):
        return theirs
    if theirs != base:
        conflicts.append(name)
    return mine


def merge_history(
    base: list[Change], mine: list[Change], theirs: list[Change], where: str, conflicts: list[str]
) -> list[Change]:
    """Their steps, then mine that they do not have: both only ever append."""
    if mine[: len(base)] != base or theirs[: len(base)] != base:
        return pick(base, mine, theirs, f"{where}.history", conflicts)
    return theirs + [c for c in mine[len(base) :] if c not in theirs[len(base) :]]


def merge_promise(base: Promise, mine: Promise, theirs: Promise, conflicts: list[str]) -> Promise:
    fields = {
        name: pick(
            getattr(base, name),
            getattr(mine, name),
            getattr(theirs, name),
            f"promise {base.id} {name}",
            conflicts,
        )
        for name in PROMISE_FIELDS
    }
    history = merge_history(base.history, mine.history, theirs.history, f"promise {base.id}", conflicts)
    return theirs.evolve(**fields, history=history)


def _next_number(taken: list[Promise]) -> int:
    numbers = [parts[2] for p in taken if (parts := split_promise_id(p.id))]
    return max(numbers, default=0) + 1


def merge_promises(base: Answer, mine: Answer, theirs: Answer, conflicts: list[str]) -> list[Promise]:
    """Theirs in their order, merged with mine; my new promises go last.

    Two sides that each added a promise get the same next number; mine is
    renumbered, since a promise id is only its place in the file.
    """
    base_by = {p.id: p for p in base.promises}
    mine_by = {p.id: p for p in mine.promises}
    merged: list[Promise] = []
    for t in theirs.promises:
        b, m = base_by.get(t.id), mine_by.get(t.id)
        if b is None or m is None or m == b:
            if b is not None and m is None and t != b:
                conflicts.append(f"promise {t.id} (removed here, changed there)")
            if b is None or m is not None:
                merged.append(t)
            continue
        merged.append(merge_promise(b, m, t, conflicts))
    theirs_ids = {p.id for p in theirs.promises}
    for m in mine.promises:
        b = base_by.get(m.id)
        if b is not None:
            if m.id not in theirs_ids and m != b:
                conflicts.append(f"promise {m.id} (changed here, removed there)")
            continue
        taken = {p.id: p for p in merged}
        if m.id in taken:
            if taken[m.id] == m:
                continue
            m = m.evolve(id=promise_id(mine.meeting, mine.question, _next_number(merged)))
        merged.append(m)
    return merged


def merge_answer(base: Answer, mine: Answer, theirs: Answer) -> Answer:
    """``mine`` and ``theirs`` both edited from ``base``: the two edits combined.

    Raises MergeConflict naming every field both sides changed differently.
    """
    conflicts: list[str] = []
    fields = {
        name: pick(getattr(base, name), getattr(mine, name), getattr(theirs, name), name, conflicts)
        for name in ANSWER_FIELDS
    }
    promises = merge_promises(base, mine, theirs, conflicts)
    if conflicts:
        raise MergeConflict(conflicts)
    return theirs.evolve(**fields, promises=promises)
