"""Dates and times as US readers write them, from Babel's CLDR data.

"Sunday, December 13, 2026, 6:30 PM" in English, "domingo, 13 de diciembre
de 2026, 6:30 p.m." in Spanish (``es_US``): 12-hour clock, month and weekday
lower-case in Spanish. Babel is imported here, inside each function, and only
when a date is formatted: looking up a word never pays for it.
"""

from __future__ import annotations

from datetime import date, time
from functools import cache

MORNING_ENDS = time(12)
EVENING_STARTS = time(18)


@cache
def babel_locale(lang: str) -> str:
    """The US variant of ``lang`` when Babel has one (``es_US``), else ``lang``, else English."""
    from babel import localedata

    for name in (f"{lang}_US", lang):
        if localedata.exists(name):
            return name
    return "en_US"


def format_day(day: date, lang: str) -> str:
    """ "December 13, 2026", "13 de diciembre de 2026": for dates inside a sentence."""
    from babel.dates import format_date

    return format_date(day, format="long", locale=babel_locale(lang))


def format_full_day(day: date, lang: str) -> str:
    """ "Sunday, December 13, 2026", "domingo, 13 de diciembre de 2026" (lower-case mid-line)."""
    from babel.dates import format_date

    return format_date(day, format="full", locale=babel_locale(lang))


def parse_clock(hhmm: str) -> time:
    hour, minute = (int(part) for part in hhmm.split(":"))
    return time(hour, minute)


def format_clock(hhmm: str, lang: str) -> str:
    """ "18:30" as people read it: "6:30 PM", "6:30 p.m."."""
    from babel.dates import format_time

    return format_time(parse_clock(hhmm), format="short", locale=babel_locale(lang))


def part_of_day(hhmm: str) -> str:
    """ "morning", "afternoon" or "evening" for a meeting's start; "" when no time is set."""
    if not hhmm:
        return ""
    start = parse_clock(hhmm)
    if start < MORNING_ENDS:
        return "morning"
    return "afternoon" if start < EVENING_STARTS else "evening"
