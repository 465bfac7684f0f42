"""The next meeting's testimony, started from the record: one sentence for
every promise still owed and every question officials dodged at earlier
meetings, in the meeting's language, ready to edit.

"On November 6, 2026, Chair Luis Ortega made this promise: “Provide the
written data-sharing policy.” It was due November 20, 2026. As of today,
19 days after that date, we have not received it."

A promise or a reply is quoted as it was recorded, never spliced into the
sentence: one written in English stays whole inside a Spanish sentence
(«Provide the written data-sharing policy»), and the hint asks the speaker
to translate or explain it.

Counting is done as of one day, by default the meeting's own: the text is
read aloud there, where "as of today" means that day.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from typing import TYPE_CHECKING

from .bank import Bank
from .ice import ICE_PAGE, ICE_QUESTION, contradicts, is_stale, still_shows
from .locale import lookup, mark, words
from .locale.dates import format_day
from .model import Answer, Meeting, Promise
from .tracker import days_overdue, is_overdue, status_on

if TYPE_CHECKING:
    from .ice import Match
    from .requests import RequestRow

STILL_OWED = ("open", "partly-kept", "broken")
DODGED = ("deflected", "declined")


_STANDING = {
    "overdue": mark("follow-up", "As of today, {days} after that date, we have not received it."),
    "open": mark("follow-up", "We expect it to be kept by then."),
    "partly-kept": mark("follow-up", "So far it has been done only in part."),
    "broken": mark("follow-up", "That promise was not kept."),
}
_DODGED = {
    "deflected": mark(
        "follow-up", "On {asked}, we asked about {topic}, and {who} did not answer the question."
    ),
    "declined": mark("follow-up", "On {asked}, we asked about {topic}, and {who} declined to answer."),
    "answered": mark("follow-up", "On {asked}, we asked about {topic}, and {who} answered."),
}


def lower_first(text: str) -> str:
    """ "Provide the policy" → "provide the policy", but "ICE" and "287(g)" stay as typed."""
    text = text.strip().rstrip(".")
    if len(text) > 1 and text[0].isupper() and not text[1].isupper():
        return text[0].lower() + text[1:]
    return text


def quotable(text: str) -> str:
    """Recorded words ready to quote: one line, without the final period (each frame places its own)."""
    return " ".join(text.split()).removesuffix(".")


def follow_up_paragraphs(
    meeting: Meeting,
    meetings: list[Meeting],
    answers: list[Answer],
    bank: Bank,
    as_of: date,
    requests: Sequence[RequestRow] = (),
    ice: Match | None = None,
) -> list[str]:
    """Paragraphs for the draft, one per item, from meetings before this one.

    Promises still owed come first, most overdue first; then public records
    requests past the deadline their law sets; then questions whose latest
    answer (at an earlier meeting) was a deflection or a refusal, or an
    answer to the 287(g) question that ``ice`` (the agency on ICE's own list)
    contradicts, citing the list with its date. Empty when the record holds
    nothing to follow up.
    """
    lang = meeting.language
    dates = {m.id: m.date for m in meetings}
    earlier = sorted(
        (a for a in answers if a.meeting in dates and dates[a.meeting] < meeting.date),
        key=lambda a: (dates[a.meeting], a.meeting),
    )
    owed = [
        (p, p.made_on or dates[a.meeting])
        for a in earlier
        for p in a.promises
        if status_on(p, as_of) in STILL_OWED and (p.made_on is None or p.made_on <= as_of)
    ]
    owed.sort(key=lambda pm: (-days_overdue(pm[0], as_of), pm[0].due or date.max))
    paragraphs = [_promise_sentence(p, made, as_of, lang) for p, made in owed]
    paragraphs += [_request_sentence(r, lang) for r in requests if r.clock.overdue]
    latest: dict[str, Answer] = {}
    for answer in earlier:
        if answer.status and answer.status != "not-asked":
            latest[answer.question] = answer
    for a in latest.values():
        fact = _ice_fact(a, ice, lang)
        if a.status in DODGED or fact:
            paragraphs.append(_dodged_sentence(a, dates[a.meeting], bank, lang, fact))
        if fact and ice is not None and ice.as_of is not None and is_stale(ice.as_of, as_of):
            paragraphs.append(_stale_hint(ice.as_of, as_of, lang))
    if not paragraphs:
        return []
    hint = words(lang).pgettext(
        "follow-up hint",
        "<!-- From the record as of {as_of}: what is still open from earlier meetings. "
        "Check each sentence and keep the strongest; the time estimate counts them. "
        "Words in quotation marks are quoted as they were recorded: translate or explain "
        "any that are in another language. -->",
    )
    return [hint.format(as_of=format_day(as_of, lang)), *paragraphs]


def _promise_sentence(p: Promise, made: date, as_of: date, lang: str) -> str:
    """What was promised, quoted; when it was due; where it stands."""
    w = words(lang)
    status = status_on(p, as_of)
    days = (as_of - p.due).days if p.due else 0
    fill = {
        "made": format_day(made, lang),
        "who": p.official.strip() or w.pgettext("follow-up", "an official"),
        "what": quotable(p.what),
        "due": format_day(p.due, lang) if p.due else "",
        "days": w.npgettext("follow-up", "{n} day", "{n} days", days).format(n=days),
    }
    if p.due is None and status == "open":
        sentences = [
            w.pgettext(
                "follow-up",
                "On {made}, {who} made this promise, with no date: “{what}.” "
                "We ask for a date, on the record.",
            )
        ]
    else:
        sentences = [w.pgettext("follow-up", "On {made}, {who} made this promise: “{what}.”")]
        if p.due is not None:
            past = p.due < as_of
            sentences.append(
                w.pgettext("follow-up", "It was due {due}.")
                if past
                else w.pgettext("follow-up", "It is due {due}.")
            )
        sentences.append(lookup(lang, _STANDING["overdue" if is_overdue(p, as_of) else status]))
    return " ".join(s.format(**fill) for s in sentences)


def _ice_fact(answer: Answer, ice: Match | None, lang: str) -> str:
    """What ICE's list still shows, when this answer contradicts it; else empty."""
    if ice is None or answer.question != ICE_QUESTION or not contradicts(answer.status, ice):
        return ""
    return still_shows(ice, lang) or ""


def _stale_hint(listed: date, as_of: date, lang: str) -> str:
    """A note to the speaker, not read aloud: the list is old, and where the current one is."""
    hint = words(lang).pgettext(
        "follow-up hint",
        "<!-- ICE's list of {listed} is {days} days old: download the current sheets from {url}, "
        "run `meetingkit ice import FILE.xlsx` and check the sentence above. -->",
    )
    return hint.format(listed=format_day(listed, lang), days=(as_of - listed).days, url=ICE_PAGE)


def _dodged_sentence(answer: Answer, asked: date, bank: Bank, lang: str, fact: str = "") -> str:
    """The question, what came of it, the only reply, ``fact`` (what the record says against
    it), and the question asked again."""
    w = words(lang)
    question = bank.questions.get(answer.question)
    topic = bank.topic_label(question.topic, lang) if question else answer.question
    text = lookup(lang, _DODGED[answer.status]).format(
        asked=format_day(asked, lang),
        topic=lower_first(topic),
        who=answer.official.strip() or w.pgettext("follow-up", "an official"),
    )
    said = quotable(answer.said)
    if said:
        reply = w.pgettext("follow-up", "The reply was: “{said}.”")
        if answer.status in DODGED:
            reply = w.pgettext("follow-up", "The only reply was: “{said}.”")
        text += " " + reply.format(said=said)
    return text + (" " + fact if fact else "") + " " + w.pgettext("follow-up", "We ask again.")


def _request_sentence(row: RequestRow, lang: str) -> str:
    from .letters import days_text, law_ref

    c = row.clock
    sentence = words(lang).pgettext(
        "follow-up",
        "On {filed}, we filed a public records request under {law}; it is now {late} past the "
        "deadline the law sets.",
    )
    return sentence.format(
        filed=format_day(c.filed or c.as_of, lang),
        law=law_ref(row.law, lang),
        late=days_text(c.days_overdue, c.unit, lang),
    )
