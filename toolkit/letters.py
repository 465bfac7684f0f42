"""The letters a records request needs, as editable Markdown: the request to the
records custodian, a follow-up once it is past due, an appeal once denied.

Each cites the law by name and citation and states its deadline, in English
or Spanish (usted). Every word meetingkit adds lives in ``WORDS`` below; the
letter itself is a plain file the group edits before sending, and
``printing/request_letter.py`` prints whatever it then says.
"""

from __future__ import annotations

from datetime import date

from .errors import MeetingkitError
from .model import Law, Request, Settings
from .requests import APPEALABLE, Clock, days_wanted
from .testimony import format_day

WORDS: dict[str, dict[str, str]] = {
    "en": {
        "title": "Public records request",
        "followup_title": "Follow-up: public records request",
        "appeal_title": "Appeal: public records request",
        "hint": (
            "<!-- Edit this letter freely; `meetingkit request print {id}{which} -o letter.pdf` prints it. "
            "Text inside these marks is not printed. -->"
        ),
        "law": "the {name}",
        "to": "To: Custodian of Records, {agency}",
        "to_appeal": "To: {agency}, and the office that decides appeals under {law}",
        "from": "From: {sender}",
        "date": "Date: {date}",
        "re": "Re: Request under {law} ({citation})",
        "re_followup": "Re: Our request of {filed} under {law}{tracking}",
        "re_appeal": "Re: Appeal of the response to our request of {filed} under {law}{tracking}",
        "tracking": ", reference {tracking}",
        "nobody": "[your name]",
        "dear": "Dear Custodian of Records:",
        "dear_appeal": "To whom it may concern:",
        "ask": (
            "Under {law} ({citation}), I request copies of the following records held by {agency}, "
            "created or received from {start} to {end}:"
        ),
        "electronic": (
            "Please provide the records in electronic form (PDF, or the format in which they are kept), "
            "by email. If you withhold any record or part of one, please release the rest, say what was "
            "withheld, and cite the exemption you rely on for each part."
        ),
        "waiver": (
            "I ask that all fees be waived. The records are sought by {group}, a community group, to "
            "inform the public about how {agency} works with federal immigration enforcement; their "
            "release is in the public interest and not for any commercial use. If fees cannot be waived, "
            "please tell me the estimated cost before doing any work that would cost more than $25."
        ),
        "deadline": (
            "{Law} requires the agency to {what} within {days} ({section}). "
            "I look forward to your response by then."
        ),
        "deadline_plain": (
            "{Law} requires a response within {days} ({section}). I look forward to your response by then."
        ),
        "no_deadline": (
            "{Law} sets no fixed number of days; it requires a response {words} ({section}). "
            "I look forward to your response within {days} days."
        ),
        "contact": "Please send the records, and any question about this request, to {contact}.",
        "thanks": "Thank you for your help.",
        "closing": "Sincerely,",
        "followup_body": (
            "On {filed} I filed a request under {law} ({citation}) with {agency} for the records listed "
            "below.{tracking_sentence} The law required a response within {days}, that is by {due}. "
            "As of {as_of} the response is {late} late, and I have received neither the records nor a "
            "decision."
        ),
        "followup_no_deadline": (
            "On {filed} I filed a request under {law} ({citation}) with {agency} for the records listed "
            "below.{tracking_sentence} The law requires a response {words}. As of {as_of}, {elapsed} "
            "days later, I have not received the records."
        ),
        "tracking_sentence": " Its reference number is {tracking}.",
        "followup_ask": (
            "Please tell me by email when the records will be provided, and release now those that are "
            "ready. The request asked for:"
        ),
        "appeal_body": (
            "On {filed} I filed a request under {law} ({citation}) with {agency}.{tracking_sentence} "
            "On {decided} the agency {decision}. I appeal that response."
        ),
        "decision_denied": "denied the request",
        "decision_partial": "released only part of the records",
        "decision_no-records": "said it holds no records that answer the request",
        "appeal_route": "{Law} provides this route of appeal: {appeal}",
        "appeal_unknown": (
            "<!-- meetingkit's law table names no appeal route for this law: check the statute and "
            "address this letter to the right office before you send it. -->"
        ),
        "appeal_ask": (
            "The records are public under {law}. Please reconsider the response and release the records, "
            "or identify each record withheld and the specific exemption that applies to it. "
            "The request asked for:"
        ),
        "business": "{n} business days",
        "business_one": "1 business day",
        "calendar": "{n} calendar days",
        "calendar_one": "1 calendar day",
        "media_title": "Media inquiry: {agency} and cooperation with ICE",
        "media_intro": (
            "{group} asks reporters to look into how {agency} works with federal immigration "
            "enforcement. At the {body} meeting on {date}, residents asked:"
        ),
        "media_answers": "What officials said",
        "media_status_deflected": "did not answer the question",
        "media_status_declined": "declined to answer",
        "media_status_partial": "answered only in part",
        "media_quote": "Said: “{said}”",
        "media_source": "Source: {source}",
        "media_promises": "Promises past due",
        "media_promise": "On {made}, {official} promised to {what} by {due}: {days} past due.",
        "media_requests": "Public records requests past the law's deadline",
        "media_request": (
            "On {filed} we filed a public records request with {agency} under {law}; it is now "
            "{late} past the deadline the law sets."
        ),
        "media_none": "None as of {date}.",
        "media_contact": "Contact: {contact}",
        "media_as_of": "From the record kept by {group}, as of {date}.",
        "media_day": "1 day",
        "media_days": "{n} days",
        "someone": "an official",
    },
    "es": {
        "title": "Solicitud de acceso a documentos públicos",
        "followup_title": "Seguimiento: solicitud de acceso a documentos públicos",
        "appeal_title": "Apelación: solicitud de acceso a documentos públicos",
        "hint": (
            "<!-- Modifique esta carta como quiera; `meetingkit request print {id}{which} -o carta.pdf` "
            "la imprime. El texto entre estas marcas no se imprime. -->"
        ),
        "law": "la ley {name}",
        "to": "Para: Encargado de Registros Públicos, {agency}",
        "to_appeal": "Para: {agency}, y la oficina que resuelve las apelaciones conforme a {law}",
        "from": "De: {sender}",
        "date": "Fecha: {date}",
        "re": "Asunto: Solicitud conforme a {law} ({citation})",
        "re_followup": "Asunto: Nuestra solicitud del {filed} conforme a {law}{tracking}",
        "re_appeal": (
            "Asunto: Apelación de la respuesta a nuestra solicitud del {filed} conforme a {law}{tracking}"
        ),
        "tracking": ", referencia {tracking}",
        "nobody": "[su nombre]",
        "dear": "Estimado Encargado de Registros Públicos:",
        "dear_appeal": "A quien corresponda:",
        "ask": (
            "Conforme a {law} ({citation}), le presento esta solicitud de acceso a documentos públicos. "
            "Solicito copias de los siguientes documentos en poder de {agency}, creados o recibidos "
            "del {start} al {end}:"
        ),
        "electronic": (
            "Le ruego que me entregue los documentos en formato electrónico (PDF, o el formato en que se "
            "conservan), por correo electrónico. Si retiene algún documento o parte de él, le ruego que "
            "entregue el resto, indique qué se retuvo y cite la excepción en que se basa para cada parte."
        ),
        "waiver": (
            "Solicito la exención de todos los cargos. Los documentos los solicita {group}, un grupo "
            "comunitario, para informar al público sobre la cooperación de {agency} con las autoridades "
            "federales de inmigración; su divulgación es de interés público y no tiene fines comerciales. "
            "Si no es posible eximir los cargos, le ruego que me indique el costo estimado antes de "
            "realizar cualquier trabajo que cueste más de 25 dólares."
        ),
        "deadline_plain": (
            "{Law} exige una respuesta en un plazo de {days} ({section}). "
            "Quedo a la espera de su respuesta en ese plazo."
        ),
        "no_deadline": (
            "{Law} no fija un número de días; exige una respuesta sin demora (en sus palabras: {words}; "
            "{section}). Quedo a la espera de su respuesta en un plazo de {days} días."
        ),
        "contact": (
            "Le ruego que envíe los documentos, y cualquier pregunta sobre esta solicitud, a {contact}."
        ),
        "thanks": "Le agradezco su ayuda.",
        "closing": "Atentamente,",
        "followup_body": (
            "El {filed} presenté ante {agency} una solicitud conforme a {law} ({citation}) de los "
            "documentos que se indican abajo.{tracking_sentence} La ley exigía una respuesta en un plazo "
            "de {days}, es decir, a más tardar el {due}. Al {as_of} la respuesta lleva {late} de retraso, "
            "y no he recibido ni los documentos ni una decisión."
        ),
        "followup_no_deadline": (
            "El {filed} presenté ante {agency} una solicitud conforme a {law} ({citation}) de los "
            "documentos que se indican abajo.{tracking_sentence} La ley exige una respuesta sin demora "
            "(en sus palabras: {words}). Al {as_of}, {elapsed} días después, no he recibido los documentos."
        ),
        "tracking_sentence": " Su número de referencia es {tracking}.",
        "followup_ask": (
            "Le ruego que me indique por correo electrónico cuándo entregará los documentos, y que "
            "entregue ya los que estén listos. La solicitud pedía:"
        ),
        "appeal_body": (
            "El {filed} presenté ante {agency} una solicitud conforme a {law} ({citation})."
            "{tracking_sentence} El {decided} la agencia {decision}. Apelo esa respuesta."
        ),
        "decision_denied": "negó la solicitud",
        "decision_partial": "entregó solo una parte de los documentos",
        "decision_no-records": "dijo que no tiene documentos que respondan a la solicitud",
        "appeal_route": "{Law} establece esta vía de apelación: {appeal}",
        "appeal_unknown": (
            "<!-- La tabla de leyes de meetingkit no indica una vía de apelación para esta ley: revise la "
            "ley y dirija la carta a la oficina que corresponda antes de enviarla. -->"
        ),
        "appeal_ask": (
            "Los documentos son públicos conforme a {law}. Le ruego que reconsidere la respuesta y "
            "entregue los documentos, o que identifique cada documento retenido y la excepción concreta "
            "que se le aplica. La solicitud pedía:"
        ),
        "business": "{n} días hábiles",
        "business_one": "1 día hábil",
        "calendar": "{n} días naturales",
        "calendar_one": "1 día natural",
        "media_title": "Consulta de prensa: {agency} y la cooperación con ICE",
        "media_intro": (
            "{group} pide a los periodistas que investiguen la cooperación de {agency} con las "
            "autoridades federales de inmigración. En la reunión de {body} del {date}, "
            "los vecinos preguntaron:"
        ),
        "media_answers": "Lo que dijeron los funcionarios",
        "media_status_deflected": "no respondió a la pregunta",
        "media_status_declined": "se negó a responder",
        "media_status_partial": "respondió solo en parte",
        "media_quote": "Dijo: «{said}»",
        "media_source": "Fuente: {source}",
        "media_promises": "Compromisos vencidos",
        "media_promise": (
            "El {made}, {official} se comprometió a {what} a más tardar el {due}: {days} de retraso."
        ),
        "media_requests": "Solicitudes de acceso a documentos públicos fuera del plazo legal",
        "media_request": (
            "El {filed} presentamos ante {agency} una solicitud de acceso a documentos públicos conforme "
            "a {law}; hoy lleva {late} de retraso respecto del plazo que fija la ley."
        ),
        "media_none": "Ninguno al {date}.",
        "media_contact": "Contacto: {contact}",
        "media_as_of": "Según el registro de {group} al {date}.",
        "media_day": "1 día",
        "media_days": "{n} días",
        "someone": "un funcionario",
    },
}
"""Every word the letters and the media inquiry add, per language (the lead
moves these into the message catalogs)."""


def words(lang: str) -> dict[str, str]:
    try:
        return WORDS[lang]
    except KeyError:
        raise MeetingkitError(
            f"letters can be written in {', '.join(WORDS)}, not {lang!r}: use --lang en or --lang es"
        ) from None


def days_text(n: int, unit: str, lang: str) -> str:
    """ "10 business days", "1 día hábil"."""
    w = words(lang)
    return w[f"{unit}_one"] if n == 1 else w[unit].format(n=n)


def law_ref(law: Law, lang: str) -> str:
    """The law as a sentence names it: "the Texas Public Information Act"."""
    name = law.name.strip()
    if lang == "en" and name.lower().startswith("the "):
        return name[:1].lower() + name[1:]
    return words(lang)["law"].format(name=name)


def _fill(law: Law, request: Request, settings: Settings, lang: str) -> dict[str, str]:
    ref = law_ref(law, lang)
    return {
        "law": ref,
        "Law": ref[:1].upper() + ref[1:],
        "citation": law.citation,
        "agency": request.agency,
        "group": settings.group.strip() or words(lang)["nobody"],
        "id": request.id,
    }


def _header(title: str, lines: list[str], request: Request, which: str, lang: str) -> list[str]:
    hint = words(lang)["hint"].format(id=request.id, which=f" --letter {which}" if which != "request" else "")
    return [hint, f"# {title}", "\n".join(lines)]


def _sender(settings: Settings, lang: str) -> str:
    parts = [settings.group.strip() or words(lang)["nobody"], settings.contact.strip()]
    return ", ".join(p for p in parts if p)


def _records(request: Request) -> str:
    return "\n".join(f"{n}. {text}" for n, text in enumerate(request.records, 1))


def _signature(settings: Settings, lang: str) -> list[str]:
    w = words(lang)
    tail = [w["closing"], settings.group.strip() or w["nobody"]]
    if settings.contact.strip():
        tail.append(settings.contact.strip())
    return ["\n".join(tail)]


def _finish(parts: list[str]) -> str:
    return "\n\n".join(p for p in parts if p) + "\n"


def deadline_sentence(law: Law, fill: dict[str, str], lang: str) -> str:
    w, d = words(lang), law.deadline
    section = d.section or law.citation
    if d.unit == "none" or d.days is None:
        said = (d.words or "").strip() or "“promptly”"
        return w["no_deadline"].format(**fill, words=said, section=section, days=days_wanted(law))
    days = days_text(d.days, d.unit, lang)
    what = (d.what or "").strip().rstrip(".")
    if what and "deadline" in w:  # `what` is in English in the table: only the English letter restates it
        return w["deadline"].format(**fill, what=what[:1].lower() + what[1:], days=days, section=section)
    return w["deadline_plain"].format(**fill, days=days, section=section)


def request_letter(request: Request, law: Law, settings: Settings, today: date) -> str:
    """The request to the agency's records custodian."""
    lang = request.language
    w, fill = words(lang), _fill(law, request, settings, lang)
    start = format_day(request.records_from or today, lang)
    end = format_day(request.records_to or today, lang)
    lines = [
        w["to"].format(**fill),
        w["from"].format(sender=_sender(settings, lang)),
        w["date"].format(date=format_day(today, lang)),
        w["re"].format(**fill),
    ]
    parts = _header(w["title"], lines, request, "request", lang)
    parts += [
        w["dear"],
        w["ask"].format(**fill, start=start, end=end),
        _records(request),
        w["electronic"],
        w["waiver"].format(**fill),
        deadline_sentence(law, fill, lang),
        w["contact"].format(contact=settings.contact.strip()) if settings.contact.strip() else "",
        w["thanks"],
        *_signature(settings, lang),
    ]
    return _finish(parts)


def _tracking(request: Request, w: dict[str, str]) -> tuple[str, str]:
    t = request.tracking.strip()
    return (w["tracking"].format(tracking=t), w["tracking_sentence"].format(tracking=t)) if t else ("", "")


def followup_letter(c: Clock, settings: Settings) -> str:
    """A follow-up once the request is past its due date (or the suggested follow-up day)."""
    request, law = c.request, c.law
    if not c.past_follow_up or c.filed is None:
        raise MeetingkitError(_not_late(c))
    lang = request.language
    w, fill = words(lang), _fill(law, request, settings, lang)
    tracking, tracking_sentence = _tracking(request, w)
    filed, as_of = format_day(c.filed, lang), format_day(c.as_of, lang)
    lines = [
        w["to"].format(**fill),
        w["from"].format(sender=_sender(settings, lang)),
        w["date"].format(date=as_of),
        w["re_followup"].format(**fill, filed=filed, tracking=tracking),
    ]
    common = {**fill, "filed": filed, "as_of": as_of, "tracking_sentence": tracking_sentence}
    if c.due is None:
        body = w["followup_no_deadline"].format(
            **common,
            words=(law.deadline.words or "").strip() or "“promptly”",
            elapsed=(c.as_of - c.filed).days,
        )
    else:
        assert c.deadline_days is not None
        body = w["followup_body"].format(
            **common,
            days=days_text(c.deadline_days, c.unit, lang),
            due=format_day(c.due, lang),
            late=days_text(c.days_overdue, c.unit, lang),
        )
    parts = _header(w["followup_title"], lines, request, "followup", lang)
    parts += [w["dear"], body, w["followup_ask"], _records(request), w["thanks"], *_signature(settings, lang)]
    return _finish(parts)


def _not_late(c: Clock) -> str:
    r = c.request
    if c.status not in ("filed", "acknowledged", "partial"):
        return (
            f"request {r.id} is {c.status}: a follow-up is for a request the agency still owes an answer to"
        )
    if c.due is not None:
        return (
            f"request {r.id} is not past due: the law's deadline is {c.due.isoformat()} "
            f"({c.used} of {c.deadline_days} {c.unit} days used as of {c.as_of.isoformat()}); "
            "a follow-up is drafted once it is"
        )
    follow_up = c.follow_up.isoformat() if c.follow_up else "?"
    return (
        f"request {r.id} is under a law with no fixed deadline; the suggested follow-up day is "
        f"{follow_up}, after {c.as_of.isoformat()}: try again then, or with --as-of"
    )


def appeal_letter(c: Clock, settings: Settings) -> str:
    """An appeal citing the law's appeal route, once the request is denied (in whole or part)."""
    request, law = c.request, c.law
    if c.status not in APPEALABLE or c.filed is None:
        raise MeetingkitError(
            f"request {request.id} is {c.status}: an appeal is drafted once it is "
            f"{', '.join(APPEALABLE)} (`meetingkit request update {request.id} --status denied --on DATE`)"
        )
    lang = request.language
    w, fill = words(lang), _fill(law, request, settings, lang)
    tracking, tracking_sentence = _tracking(request, w)
    decided_on = next(ch.on for ch in reversed(request.changes) if ch.status == c.status)
    filed = format_day(c.filed, lang)
    lines = [
        w["to_appeal"].format(**fill),
        w["from"].format(sender=_sender(settings, lang)),
        w["date"].format(date=format_day(c.as_of, lang)),
        w["re_appeal"].format(**fill, filed=filed, tracking=tracking),
    ]
    body = w["appeal_body"].format(
        **fill,
        filed=filed,
        tracking_sentence=tracking_sentence,
        decided=format_day(decided_on, lang),
        decision=w[f"decision_{c.status}"],
    )
    route = w["appeal_route"].format(**fill, appeal=law.appeal.strip()) if law.appeal else w["appeal_unknown"]
    parts = _header(w["appeal_title"], lines, request, "appeal", lang)
    parts += [
        w["dear_appeal"],
        body,
        route,
        w["appeal_ask"].format(**fill),
        _records(request),
        w["thanks"],
        *_signature(settings, lang),
    ]
    return _finish(parts)
