"""The next meeting's testimony, started from the record: one sentence for
every promise still owed and every question officials dodged at earlier
meetings, in the meeting's language, ready to edit.

"On November 6, 2026, Chair Luis Ortega promised to provide the written
data-sharing policy by November 20, 2026. As of today, 19 days after that
date, we have not received it."

Counting is done as of one day, by default the meeting's own: the text is
read aloud there, where "as of today" means that day.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from typing import TYPE_CHECKING

from .bank import Bank
from .model import Answer, Meeting, Promise
from .testimony import format_day, template_language
from .tracker import days_overdue, is_overdue, status_on

if TYPE_CHECKING:
    from .requests import RequestRow

_WORDS = {
    "en": {
        "overdue": (
            "On {made}, {who} promised to {what}{by_due}. As of today, {days} after that date, "
            "we have not received it."
        ),
        "open": "On {made}, {who} promised to {what}{by_due}. We expect it by then.",
        "no-date": (
            "On {made}, {who} promised to {what}, but gave no date. We ask for a date, on the record."
        ),
        "partly-kept": "On {made}, {who} promised to {what}{by_due}. So far it has been done only in part.",
        "broken": "On {made}, {who} promised to {what}{by_due}. That promise was not kept.",
        "deflected": "On {asked}, we asked about {topic}, and {who} did not answer the question.",
        "declined": "On {asked}, we asked about {topic}, and {who} declined to answer.",
        "request": (
            "On {filed}, we filed a public records request under {law}; it is now {late} past the "
            "deadline the law sets."
        ),
        "said": " The only reply was: “{said}”",
        "again": " We ask again.",
        "by_due": " by {due}",
        "day": "{n} day",
        "days": "{n} days",
        "someone": "an official",
        "hint": (
            "<!-- From the record as of {as_of}: what is still open from earlier meetings. "
            "Check each sentence and keep the strongest; the time estimate counts them. -->"
        ),
    },
    "es": {
        "overdue": (
            "El {made}, {who} se comprometió a {what}{by_due}. Hoy, {days} después de esa fecha, "
            "no lo hemos recibido."
        ),
        "open": "El {made}, {who} se comprometió a {what}{by_due}. Esperamos recibirlo en ese plazo.",
        "no-date": (
            "El {made}, {who} se comprometió a {what}, pero no dio ninguna fecha. "
            "Pedimos una fecha, de manera pública."
        ),
        "partly-kept": (
            "El {made}, {who} se comprometió a {what}{by_due}. Hasta ahora solo se ha cumplido en parte."
        ),
        "broken": "El {made}, {who} se comprometió a {what}{by_due}. Esa promesa no se cumplió.",
        "deflected": "El {asked} preguntamos sobre {topic}, y {who} no respondió a la pregunta.",
        "declined": "El {asked} preguntamos sobre {topic}, y {who} se negó a responder.",
        "request": (
            "El {filed} presentamos una solicitud de acceso a documentos públicos conforme a {law}; "
            "hoy lleva {late} de retraso respecto del plazo que fija la ley."
        ),
        "said": " Solo dijo: «{said}»",
        "again": " Volvemos a preguntar.",
        "by_due": " a más tardar el {due}",
        "day": "{n} día",
        "days": "{n} días",
        "someone": "un funcionario",
        "hint": (
            "<!-- Según el registro al {as_of}: lo que sigue pendiente de reuniones anteriores. "
            "Revise cada oración y quédese con las más fuertes; el cálculo de tiempo las cuenta. -->"
        ),
    },
}
STILL_OWED = ("open", "partly-kept", "broken")
DODGED = ("deflected", "declined")


def lower_first(text: str) -> str:
    """ "Provide the policy" → "provide the policy", but "ICE" and "287(g)" stay as typed."""
    text = text.strip().rstrip(".")
    if len(text) > 1 and text[0].isupper() and not text[1].isupper():
        return text[0].lower() + text[1:]
    return text


def follow_up_paragraphs(
    meeting: Meeting,
    meetings: list[Meeting],
    answers: list[Answer],
    bank: Bank,
    as_of: date,
    requests: Sequence[RequestRow] = (),
) -> list[str]:
    """Paragraphs for the draft, one per item, from meetings before this one.

    Promises still owed come first, most overdue first; then public records
    requests past the deadline their law sets; then questions whose latest
    answer (at an earlier meeting) was a deflection or a refusal. Empty when
    the record holds nothing to follow up.
    """
    lang = template_language(meeting.language)
    words = _WORDS[lang]
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
    paragraphs += [
        _dodged_sentence(a, dates[a.meeting], bank, lang) for a in latest.values() if a.status in DODGED
    ]
    if not paragraphs:
        return []
    return [words["hint"].format(as_of=format_day(as_of, lang)), *paragraphs]


def _promise_sentence(p: Promise, made: date, as_of: date, lang: str) -> str:
    words = _WORDS[lang]
    status = status_on(p, as_of)
    if is_overdue(p, as_of):
        key = "overdue"
    elif status == "open" and p.due is None:
        key = "no-date"
    else:
        key = status
    days = (as_of - p.due).days if p.due else 0
    return words[key].format(
        made=format_day(made, lang),
        who=p.official.strip() or words["someone"],
        what=lower_first(p.what),
        by_due=words["by_due"].format(due=format_day(p.due, lang)) if p.due else "",
        days=words["day" if days == 1 else "days"].format(n=days),
    )


def _request_sentence(row: RequestRow, lang: str) -> str:
    from .letters import days_text, law_ref

    c = row.clock
    return _WORDS[lang]["request"].format(
        filed=format_day(c.filed or c.as_of, lang),
        law=law_ref(row.law, lang),
        late=days_text(c.days_overdue, c.unit, lang),
    )


def _dodged_sentence(answer: Answer, asked: date, bank: Bank, lang: str) -> str:
    words = _WORDS[lang]
    question = bank.questions.get(answer.question)
    topic = bank.topic_label(question.topic, lang) if question else answer.question
    text = words[answer.status].format(
        asked=format_day(asked, lang),
        topic=lower_first(topic),
        who=answer.official.strip() or words["someone"],
    )
    said = " ".join(answer.said.split())
    if said:
        text += words["said"].format(said=said)
    return text + words["again"]
