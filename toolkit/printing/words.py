"""The words meetingkit itself prints on paper, in each language it speaks.

User text (questions, places, names) comes from the workspace; these are the
headings and labels around it.
"""

from __future__ import annotations

from datetime import date, time

from ..errors import UsageError

HANDOUT = {
    "en": {
        "title": "Questions for {agency}",
        "questions": "Our questions",
        "why": "Why it matters:",
        "ways": "What you can do",
        "when": "{date}, {time}",
        "minutes": "{n} minutes per speaker",
        "minute": "1 minute per speaker",
        "speak": "To speak:",
        "subject": "Questions for public comment at the {body}, {date}",
    },
    "es": {
        "title": "Preguntas para {agency}",
        "questions": "Nuestras preguntas",
        "why": "Por qué importa:",
        "ways": "Qué puede hacer",
        "when": "{date}, {time}",
        "minutes": "{n} minutos por persona",
        "minute": "1 minuto por persona",
        "speak": "Para hablar:",
        "subject": "Preguntas para los comentarios del público ante {body}, {date}",
    },
}

TESTIMONY = {
    "en": {
        "speaker_title": "Testimony of {speaker}",
        "timing": "Speaking time: about {est} ({words} words at {wpm} a minute). Limit: {limit}.",
        "over": "{n} words over the limit: cut before you speak.",
        "page": "Page {n} of {total}",
        "written_title": "Written testimony for the record",
        "to": "To:",
        "from": "From:",
        "date": "Date:",
        "re": "Re:",
        "re_default": "Public comment",
        "closing": "Respectfully submitted,",
        "written_footer": "{speaker}, written testimony",
        "subject": "Public comment at the {body}, {date}",
    },
    "es": {
        "speaker_title": "Testimonio de {speaker}",
        "timing": "Tiempo para hablar: unos {est} ({words} palabras a {wpm} por minuto). Límite: {limit}.",
        "over": "{n} palabras más del límite: recorte antes de hablar.",
        "page": "Página {n} de {total}",
        "written_title": "Testimonio por escrito para el registro",
        "to": "Para:",
        "from": "De:",
        "date": "Fecha:",
        "re": "Asunto:",
        "re_default": "Comentarios del público",
        "closing": "Atentamente,",
        "written_footer": "{speaker}, testimonio por escrito",
        "subject": "Comentario del público ante {body}, {date}",
    },
}


def words_in(table: dict[str, dict[str, str]], lang: str, what: str) -> dict[str, str]:
    """``table[lang]``, or an error naming the languages ``what`` can be printed in."""
    try:
        return table[lang]
    except KeyError:
        raise UsageError(
            f"{what} can be printed in {', '.join(table)}, not {lang!r}: "
            "the words meetingkit adds are written in those languages only"
        ) from None


def handout_words(lang: str) -> dict[str, str]:
    return words_in(HANDOUT, lang, "handouts")


def testimony_words(lang: str) -> dict[str, str]:
    """The meeting's language when meetingkit speaks it, else English."""
    return TESTIMONY.get(lang, TESTIMONY["en"])


def upper_first(text: str) -> str:
    """Capitalise a name that starts a line: "la Junta…" becomes "La Junta…"."""
    return text[:1].upper() + text[1:]


def format_long_date(day: date, lang: str) -> str:
    """A date written out in full: "Wednesday, December 9, 2026", "Miércoles, 9 de diciembre de 2026"."""
    from babel.dates import format_date

    return upper_first(format_date(day, format="full", locale=lang))


def format_clock(hhmm: str, lang: str) -> str:
    """A time as people write it in ``lang``: "18:30" is "6:30 PM" in English."""
    from babel.dates import format_time

    hour, minute = (int(part) for part in hhmm.split(":"))
    return format_time(time(hour, minute), format="short", locale=lang)
