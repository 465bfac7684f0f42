"""Choosing the largest body size at which a page fits (pure functions).

Sizes are searched on a quarter-point grid by bisection over the real
layout's height, which grows with the size: a handful of trial layouts
instead of ReportLab's ``KeepInFrame`` shrink, which scales the drawing
down with no floor and so can print text too small to read.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from math import ceil

STEP = 0.25


def largest_fitting(
    fits: Callable[[float], bool], lo: float, hi: float, step: float = STEP, guess: float | None = None
) -> float | None:
    """The largest size in ``[lo, hi]`` (on the ``step`` grid from ``lo``) that fits.

    ``None`` when even ``lo`` does not fit. ``fits`` must be monotone (true
    up to some size, false above). ``hi`` is tried first, since a short page
    fits at the largest size at once. A ``guess`` is tried next, then steps
    away from it that double until the answer is bracketed (two more layouts
    when the guess is right); the rest is bisection.
    """
    if fits(hi):
        return hi
    good, bad = -1, ceil((hi - lo) / step - 1e-9)

    def probe(index: int) -> bool:
        nonlocal good, bad
        fitted = fits(lo + index * step)
        good, bad = (index, bad) if fitted else (good, index)
        return fitted

    if guess is not None:
        index, span, direction = round((guess - lo) / step), 1, 0
        while bad - good > 1:
            index = min(max(index, good + 1), bad - 1)
            toward = 1 if probe(index) else -1
            if direction and toward != direction:
                break
            direction, index, span = toward, index + toward * span, span * 2
    while bad - good > 1:
        probe((good + bad) // 2)
    return None if good < 0 else lo + good * step


GROWTH = 1.9
"""How a page's height grows with its body size: as size ** GROWTH. Text
alone would grow with the square (taller lines, fewer words on each); the
QR code and rules do not grow. Across handouts of one to eight questions,
one or two languages, whole or with parts left out, 1.9 guesses best (2.4
layouts on average, the first at the ceiling included, against 2.6 for 1.6
and 2.8 for 2.2)."""


def estimate(size: float, height: float, room: float) -> float:
    """The size at which a page ``height`` tall at ``size`` would just fill ``room``."""
    return size * (room / height) ** (1 / GROWTH) if height > 0 else size


def overflow_message(
    over: float, page_height: float, leading: float, floor: float, cuts: Sequence[str]
) -> str:
    """How much too long a page is at the smallest allowed size, and what to cut."""
    lines = max(1, ceil(over / leading))
    share = max(1, round(100 * over / page_height))
    advice = "; ".join(cuts) if cuts else "shorten the text"
    return (
        f"this does not fit on one page even at the smallest size, {floor:g} pt: it is about "
        f"{lines} lines ({share}% of a page) too long. To make room: {advice}"
    )
