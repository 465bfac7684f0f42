"""Checking, before anything is drawn, that every character can be printed.

A character the font lacks would come out as an empty box or nothing at all,
on paper, in front of the officials. Right-to-left scripts are refused
outright: ReportLab lays every line out left to right, so Arabic or Hebrew
would print reversed and unjoined, which is worse than not printing.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Callable, Iterable

from ..errors import MeetingkitError
from .markup import clean

_RTL = {"R", "AL"}


def describe(chars: Iterable[str]) -> str:
    """``“ư” (U+01B0), “ơ” (U+01A1)``: the code shows what an invisible character is."""
    return ", ".join(f"“{c}” (U+{ord(c):04X})" for c in chars)


def _where(places: list[str]) -> str:
    named = [p for p in dict.fromkeys(places) if p]
    if not named:
        return ""
    shown = ", ".join(named[:3]) + (f" and {len(named) - 3} more places" if len(named) > 3 else "")
    return f" in {shown}"


def characters(texts: Iterable[tuple[str, str]]) -> dict[str, list[str]]:
    """Each distinct printable character, with the places it appears, in order."""
    found: dict[str, list[str]] = {}
    for where, text in texts:
        for ch in clean(text):
            if not ch.isspace():
                found.setdefault(ch, []).append(where)
    return found


def refuse_right_to_left(found: dict[str, list[str]]) -> None:
    rtl = [c for c in found if unicodedata.bidirectional(c) in _RTL]
    if rtl:
        scripts = sorted({unicodedata.name(c, "UNKNOWN").split()[0].title() for c in rtl})
        places = [w for c in rtl for w in found[c]]
        raise MeetingkitError(
            f"right-to-left text ({', '.join(scripts)}) cannot be printed correctly: the PDF "
            f"library lays every line out left to right, so it would come out reversed. "
            f"Found {describe(rtl[:8])}{_where(places)}; print that text another way"
        )


def missing(found: dict[str, list[str]], has: Callable[[str], bool]) -> list[str]:
    return [c for c in found if not has(c)]


def missing_error(found: dict[str, list[str]], chars: list[str], lead: str, hint: str) -> MeetingkitError:
    """The error that names what cannot be drawn, where it is, and what to do.

    ``lead`` says whose fault it is: "the font X.ttf cannot draw".
    """
    places = [w for c in chars for w in found[c]]
    more = f" and {len(chars) - 12} more" if len(chars) > 12 else ""
    return MeetingkitError(f"{lead} {describe(chars[:12])}{more}{_where(places)}; {hint}")
