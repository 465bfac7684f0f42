"""The one-page "promises on the record" handout: what was promised, by whom,
when, and where it stands, for the room at the next meeting.

It is built from the same blocks as the question handout and fitted the same
way (one page, never below 10 pt, 18 pt in large print), with every user
string escaped by the same markup code. Promises still owed come first, the
most overdue at the top; kept and withdrawn ones follow, because a promise
kept is part of the record too. Private notes never appear.
"""

from __future__ import annotations

import gettext
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from ..bank import placeholder_values
from ..errors import MeetingkitError
from ..locale import lookup, mark, speaks, words
from ..locale.dates import format_clock, format_day, format_full_day
from ..model import Answer, Meeting, Settings
from ..tracker import PromiseRow, last_change, promise_rows
from .blocks import Block, Cell, Role, Run, para
from .handout import footer_block
from .pdfmeta import Meta
from .words import upper_first

_STANDING = {
    "kept": mark("promises handout", "Kept on {on}."),
    "partly-kept": mark("promises handout", "Partly kept on {on}."),
    "broken": mark("promises handout", "Broken on {on}."),
    "withdrawn": mark("promises handout", "Withdrawn on {on}."),
}
SETTLED = ("kept", "withdrawn")
_OWED_ORDER = {"open": 0, "broken": 1, "partly-kept": 2}


def promise_words(lang: str) -> gettext.NullTranslations:
    """The catalog for ``lang``; an error for a language meetingkit does not speak."""
    speaks(lang, "the promises handout")
    return words(lang)


@dataclass(frozen=True)
class OnRecord:
    """A promise with the meeting it was made at."""

    row: PromiseRow
    meeting: Meeting


def on_record(
    meeting: Meeting, meetings: list[Meeting], answers: list[Answer], as_of: date
) -> list[OnRecord]:
    """Promises made at this meeting or before it: still owed first (most
    overdue, then broken, partly kept, open by due date, no date last), then kept and withdrawn."""
    held = {m.id: m for m in meetings if m.date <= meeting.date}
    rows = promise_rows([a for a in answers if a.meeting in held], as_of)
    items = [OnRecord(r, held[r.meeting]) for r in rows]
    items.sort(
        key=lambda i: (
            i.row.status in SETTLED,
            -i.row.days_overdue,
            _OWED_ORDER.get(i.row.status, 0),
            i.row.promise.due or date.max,
        )
    )
    return items


def _days(n: int, lang: str) -> str:
    return words(lang).npgettext("promises handout", "{n} day", "{n} days", n).format(n=n)


def _standing(row: PromiseRow, as_of: date, lang: str) -> str:
    """Where it stands, in a few words: printed first, in bold, so it can be scanned."""
    w, p = words(lang), row.promise
    if row.overdue:
        return w.pgettext("promises handout", "OVERDUE by {days}.").format(days=_days(row.days_overdue, lang))
    if row.status == "open":
        if p.due is None:
            return w.pgettext("promises handout", "Open, with no date given.")
        left = (p.due - as_of).days
        if left == 0:
            return w.pgettext("promises handout", "Open: due today.")
        return w.pgettext("promises handout", "Open: due in {days}.").format(days=_days(left, lang))
    change = last_change(p, as_of)
    return lookup(lang, _STANDING[row.status]).format(on=format_day(change.on, lang) if change else "")


def _item_cell(item: OnRecord, as_of: date, lang: str) -> Cell:
    """What was promised; then where it stands, who promised it and when, and
    for a settled promise the latest note and evidence."""
    w, row, p = words(lang), item.row, item.row.promise
    made = w.pgettext("promises handout", "Promised by {who} on {made}.").format(
        who=p.official.strip() or w.pgettext("promises handout", "an official"),
        made=format_day(p.made_on or item.meeting.date, lang),
    )
    if p.due:
        due = w.pgettext("promises handout", "Due {due}.").format(due=format_day(p.due, lang))
    else:
        due = w.pgettext("promises handout", "No date given.")
    details = [f" {made} {due}"]
    change = last_change(p, as_of) if row.status != "open" else None
    if change and change.note.strip():
        details.append(" " + change.note.strip().rstrip(".") + ".")
    if change and change.evidence.strip():
        details.append(
            " "
            + w.pgettext("promises handout", "Evidence: {evidence}.").format(evidence=change.evidence.strip())
        )
    return (para(Run(p.what.strip(), bold=True)), para(Run(_standing(row, as_of, lang), bold=True), *details))


def _heading(text: str) -> Block:
    return Block(Role.HEADING, ((para(text),),), space_before=1.1, where="a heading")


def promises_blocks(
    settings: Settings,
    meeting: Meeting,
    items: Sequence[OnRecord],
    as_of: date,
    lang: str,
    owed_only: bool = False,
) -> list[Block]:
    """The handout as blocks: group, title with QR code, the meeting it is for, a tally,
    the promises still owed, the settled ones (unless ``owed_only``), the contact line.
    The tally counts every promise either way."""
    w = promise_words(lang)
    if not items:
        raise MeetingkitError(
            f"no promises on the record up to {meeting.id}; record them with "
            "`meetingkit promise add MEETING_ID QUESTION_ID --what TEXT --due DATE`"
        )
    values = placeholder_values(settings, meeting, lang)
    blocks: list[Block] = []
    if settings.group.strip():
        blocks.append(Block(Role.KICKER, ((para(settings.group),),), where="the group name"))
    blocks.append(
        Block(
            Role.TITLE,
            ((para(w.pgettext("promises handout title", "Promises on the record")),),),
            space_before=0.2,
            qr=settings.website.strip(),
            where="the title",
        )
    )
    when = format_full_day(meeting.date, lang)
    if meeting.time:
        when = w.pgettext("handout: date and time", "{date}, {time}").format(
            date=when, time=format_clock(meeting.time, lang)
        )
    body = upper_first(values.get("body", meeting.body))
    blocks.append(Block(Role.TEXT, ((para(Run(body, bold=True), " · ", when),),), where="the meeting"))
    rows = [i.row for i in items]
    no_date = sum(1 for r in rows if r.promise.due is None)
    tally = w.pgettext(
        "promises handout", "As of {as_of} · promises: {total} · kept: {kept} · overdue: {overdue}"
    ).format(
        as_of=format_day(as_of, lang),
        total=len(rows),
        kept=sum(1 for r in rows if r.status == "kept"),
        overdue=sum(1 for r in rows if r.overdue),
    ) + (
        w.pgettext("promises handout", " · no date given: {no_date}").format(no_date=no_date)
        if no_date
        else ""
    )
    blocks.append(Block(Role.TEXT, ((para(tally),),), space_before=0.6, where="the tally"))
    owed = [i for i in items if i.row.status not in SETTLED]
    settled = [] if owed_only else [i for i in items if i.row.status in SETTLED]
    n = 0
    headings = (
        w.pgettext("promises handout heading", "Still owed"),
        w.pgettext("promises handout heading", "Kept or withdrawn"),
    )
    for heading, group in zip(headings, (owed, settled), strict=True):
        if not group:
            continue
        blocks.append(_heading(heading))
        for first, item in enumerate(group):
            n += 1
            blocks.append(
                Block(
                    Role.ITEM,
                    (_item_cell(item, as_of, lang),),
                    marker=f"{n}.",
                    space_before=0.5 if first == 0 else 0.6,
                    where=f"promise {n} ({item.row.promise.id})",
                )
            )
    footer = footer_block(settings)
    if footer:
        blocks.append(footer)
    return blocks


def promises_meta(settings: Settings, meeting: Meeting, as_of: date, lang: str) -> Meta:
    w = promise_words(lang)
    body = placeholder_values(settings, meeting, lang).get("body", meeting.body)
    day = format_day(as_of, lang)
    return Meta(
        title=f"{w.pgettext('promises handout title', 'Promises on the record')} ({day})",
        author=settings.group or "meetingkit",
        subject=w.pgettext(
            "promises handout metadata", "Promises made at public meetings of the {body}, as of {as_of}"
        ).format(body=body, as_of=day),
        lang=lang,
    )


def promises_pdf(
    settings: Settings,
    meeting: Meeting,
    items: Sequence[OnRecord],
    as_of: date,
    lang: str,
    *,
    paper: str = "letter",
    large_print: bool = False,
    font: Path | None = None,
    owed_only: bool = False,
) -> tuple[bytes, float]:
    """The one-page promises handout and its body size in points."""
    from .handout_pdf import one_page

    blocks = promises_blocks(settings, meeting, items, as_of, lang, owed_only)
    cuts = []
    if not owed_only and any(i.row.status in SETTLED for i in items):
        cuts.append("leave out kept and withdrawn promises with --owed-only")
    if large_print:
        cuts.append("print without --large-print")
    cuts.append("print the whole record on several pages with `meetingkit report --format pdf -o report.pdf`")
    meta = promises_meta(settings, meeting, as_of, lang)
    return one_page(blocks, meta, cuts, paper=paper, large_print=large_print, font=font)
