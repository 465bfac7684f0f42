"""A media inquiry / press advisory drafted from the record: what was asked at
a meeting, the answers officials dodged with their exact words and sources,
promises past due and records requests past the law's deadline.

Markdown for the group to edit and send; user text is escaped so a quote
prints as itself. The words are in ``letters.WORDS``.
"""

from __future__ import annotations

from datetime import date

from .bank import Bank, entry_text, placeholder_values
from .exports import md_text
from .followup import lower_first
from .letters import days_text, law_ref, words
from .model import Answer, Meeting, Settings
from .requests import DODGED, RequestRow
from .testimony import format_day
from .tracker import PromiseRow


def media_inquiry(
    meeting: Meeting,
    answers: list[Answer],
    bank: Bank,
    settings: Settings,
    promises: list[PromiseRow],
    requests: list[RequestRow],
    as_of: date,
    lang: str,
) -> str:
    """The inquiry in one language; ``promises`` and ``requests`` are those past due."""
    w = words(lang)
    values = placeholder_values(settings, meeting, lang)
    agency = values.get("agency", "{agency}")
    group = settings.group.strip() or w["nobody"]
    day = format_day(meeting.date, lang)
    lines = [f"# {md_text(w['media_title'].format(agency=agency))}", ""]
    intro = w["media_intro"].format(
        group=group, agency=agency, body=values.get("body", meeting.body), date=day
    )
    lines += [md_text(intro), ""]
    for n, entry in enumerate(meeting.agenda, 1):
        question = bank.questions.get(entry.question)
        if question is not None and (lang in question.texts or entry.text):
            text = entry_text(question, lang, values, entry, meeting.language).text
            lines.append(f"{n}. {md_text(text)}")
    by_question = {a.question: a for a in answers}
    dodged = [by_question[e.question] for e in meeting.agenda if by_question.get(e.question)]
    dodged = [a for a in dodged if a.status in DODGED]
    if dodged:
        lines += ["", f"## {w['media_answers']}", ""]
    for a in dodged:
        question = bank.questions.get(a.question)
        topic = bank.topic_label(question.topic, lang) if question else a.question
        who = a.official.strip() or w["someone"]
        lines.append(f"- **{md_text(topic)}**: {md_text(who)} {w['media_status_' + a.status]}.")
        if a.said.strip():
            lines.append(f"  - {md_text(w['media_quote'].format(said=a.said.strip()))}")
        if a.source.strip():
            lines.append(f"  - {md_text(w['media_source'].format(source=a.source.strip()))}")
    lines += ["", f"## {w['media_promises']}", ""]
    lines += [f"- {md_text(_promise(r, lang))}" for r in promises] or [
        w["media_none"].format(date=format_day(as_of, lang))
    ]
    lines += ["", f"## {w['media_requests']}", ""]
    lines += [f"- {md_text(request_sentence(r, lang))}" for r in requests] or [
        w["media_none"].format(date=format_day(as_of, lang))
    ]
    contact = ", ".join(x for x in (group, settings.contact.strip(), settings.website.strip()) if x)
    lines += ["", md_text(w["media_contact"].format(contact=contact)), ""]
    lines += [f"*{md_text(w['media_as_of'].format(group=group, date=format_day(as_of, lang)))}*", ""]
    return "\n".join(lines)


def _promise(row: PromiseRow, lang: str) -> str:
    w, p = words(lang), row.promise
    made = p.made_on or row.as_of or date.today()
    days = w["media_day"] if row.days_overdue == 1 else w["media_days"].format(n=row.days_overdue)
    return w["media_promise"].format(
        made=format_day(made, lang),
        official=p.official.strip() or w["someone"],
        what=lower_first(p.what),
        due=format_day(p.due, lang) if p.due else "",
        days=days,
    )


def request_sentence(row: RequestRow, lang: str) -> str:
    """ "On DATE we filed a public records request … N business days past the deadline the law sets." """
    c = row.clock
    assert c.filed is not None
    return words(lang)["media_request"].format(
        filed=format_day(c.filed, lang),
        agency=row.request.agency,
        law=law_ref(row.law, lang),
        late=days_text(c.days_overdue, c.unit, lang),
    )
