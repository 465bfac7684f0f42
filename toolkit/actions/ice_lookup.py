"""Reading ICE's 287(g) list, for ``meetingkit ice show|changes`` and the app alike:
what it lists for an agency, and what changed between two of its sheets.

Lines come back as plain text, each front end escapes them its own way (the
sheets are files from elsewhere: a cell can hold anything).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from ..ice import Agreement, Change, Match, Sheet, changes, is_stale, match, newest, stale_note
from ..ice_store import Library

NOT_PROOF = (
    "Not being on ICE's list is not proof of no agreement: it may be pending, newer than this list, "
    "or listed under another name."
)
CHANGE_LABELS = {
    "new-agreement": "new agreement",
    "new-model": "new model",
    "pending-signed": "pending → signed",
    "removed": "agency removed",
    "model-removed": "model removed",
    "new-pending": "newly pending",
}


def agreement_line(row: Agreement) -> str:
    when = f"signed {row.signed.isoformat()}" if row.signed else f"signed {row.signed_text or '(no date)'}"
    links = []
    for label, state, url in (("MOA", row.moa, row.moa_url), ("addendum", row.addendum, row.addendum_url)):
        if state == "linked":
            links.append(f"{label} linked" + (f": {url}" if url else ""))
        elif state == "pending":
            links.append(f"{label} link pending")
        elif label == "MOA":
            links.append("no MOA linked")
    return f"  {row.model:<25} {when:<18} " + "; ".join(links)


def sources(sheets: list[Sheet]) -> str:
    """The file names of the two sheets ``match`` reads: the newest of each kind."""
    used = (newest(sheets, "participating"), newest(sheets, "pending"))
    return ", ".join(s.source for s in used if s is not None)


def show(
    library: Library, agency: str, state: str, jurisdiction: str, today: date
) -> tuple[Match, list[str]]:
    """What ICE's newest sheets list for ``agency`` in ``state``, and how to say it."""
    found = match(library.sheets, agency, state, jurisdiction)
    out = [f"ICE's 287(g) list as of {found.as_of} ({sources(library.sheets)})"]
    if found.how == "none":
        out.append(f"ICE's list does not name {agency!r} in {found.state}.")
        if found.closest:
            out.append(f"Closest names it lists in {found.state}: {'; '.join(found.closest)}")
        out.append(NOT_PROOF)
    else:
        out.append(f"{found.agency}, {found.state} ({found.type}; {found.county})")
        if found.how == "county":
            out.append(
                f"  matched by county and agency type, not by name ({agency!r}): check it is your agency"
            )
        out += [agreement_line(row) for row in found.signed] or ["  no signed agreement listed"]
        pending = ", ".join(r.model for r in found.pending)
        out.append(f"Pending (list of {found.pending_as_of}): {pending or 'none'}")
    if found.as_of and is_stale(found.as_of, today):
        out.append(f"note: {stale_note(found.as_of, today)}")
    return found, out


@dataclass(frozen=True)
class Comparison:
    new: Sheet | None
    """The newest participating sheet; None when there is none at all."""
    old: Sheet | None
    """The one before it (of ``since`` or before); None when there is nothing to compare with."""
    changes: list[Change]


def compare(library: Library, state: str, since: date | None = None) -> Comparison:
    """What changed between the newest participating sheet and the one before (in ``state``, or all)."""
    signed = [s for s in library.sheets if s.kind == "participating"]
    if not signed:
        return Comparison(None, None, [])
    new = signed[-1]
    older = [s for s in signed if s.as_of < new.as_of and (since is None or s.as_of <= since)]
    if not older:
        return Comparison(new, None, [])
    old = older[-1]
    pending = {s.as_of: s for s in library.sheets if s.kind == "pending"}
    found = changes(old, new, pending.get(old.as_of), pending.get(new.as_of), state or None)
    return Comparison(new, old, found)


def change_lines(comparison: Comparison, where: str) -> list[str]:
    """The changes of a comparison that has two sheets, one line each under a heading."""
    old, new = comparison.old, comparison.new
    assert old is not None and new is not None, "only a comparison of two sheets has lines"
    if not comparison.changes:
        return [f"No changes for {where} between ICE's lists of {old.as_of} and {new.as_of}."]
    out = [f"Changes in ICE's 287(g) list for {where}, {old.as_of} → {new.as_of}:"]
    for c in comparison.changes:
        when = f" (signed {c.signed.isoformat()})" if c.signed else ""
        out.append(f"  {CHANGE_LABELS[c.kind]:<17} {c.agency}, {c.state}: {c.model}{when}")
    return out
