"""The handout's labels in one language, and dates written out to start a line.

The labels themselves live in the catalogs (``toolkit.locale``); this gives
the handout layout the few it prints, by name. User text (questions, places,
names) comes from the workspace.
"""

from __future__ import annotations

from datetime import date

from ..locale import speaks, words
from ..locale.dates import format_clock, format_full_day

__all__ = ["format_clock", "format_long_date", "handout_words", "upper_first"]


def handout_words(lang: str) -> dict[str, str]:
    """The question handout's labels in ``lang``; an error for a language meetingkit does not speak."""
    speaks(lang, "handouts")
    w = words(lang)
    return {
        "title": w.pgettext("handout title", "Questions for {agency}"),
        "questions": w.pgettext("handout heading", "Our questions"),
        "why": w.pgettext("handout label", "Why it matters:"),
        "ways": w.pgettext("handout heading", "What you can do"),
        "when": w.pgettext("handout: date and time", "{date}, {time}"),
        "minutes": w.npgettext("handout", "{n} minute per speaker", "{n} minutes per speaker", 2),
        "minute": w.npgettext("handout", "{n} minute per speaker", "{n} minutes per speaker", 1).format(n=1),
        "speak": w.pgettext("handout label", "To speak:"),
        "subject": w.pgettext("handout metadata", "Questions for public comment at the {body}, {date}"),
    }


def upper_first(text: str) -> str:
    """Capitalise a name or date that starts a line: "la Junta…" becomes "La Junta…"."""
    return text[:1].upper() + text[1:]


def format_long_date(day: date, lang: str) -> str:
    """A date that starts a line: "Wednesday, December 9, 2026", "Miércoles, 9 de diciembre de 2026"."""
    return upper_first(format_full_day(day, lang))
