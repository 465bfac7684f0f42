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


def largest_fitting(fits: Callable[[float], bool], lo: float, hi: float, step: float = STEP) -> float | None:
    """The largest size in ``[lo, hi]`` (on the ``step`` grid from ``lo``) that fits.

    ``None`` when even ``lo`` does not fit. ``hi`` is tried first, since a
    short page fits at the largest size at once.
    """
    if fits(hi):
        return hi
    if not fits(lo):
        return None
    good, bad = 0, ceil((hi - lo) / step - 1e-9)
    while bad - good > 1:
        mid = (good + bad) // 2
        if fits(lo + mid * step):
            good = mid
        else:
            bad = mid
    return lo + good * step


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
