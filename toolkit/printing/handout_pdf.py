"""The handout as a PDF: blocks, a font that can draw them, one fitted page
(or one per side), leaving out optional parts when the whole does not fit.

A handout that stops with "too long" fails its reader at the worst moment, so
when everything does not fit even at the smallest size, parts are left out in
the order of ``LADDER`` (the least needed first) and the page prints; the
result says what was left out and how to get it back. Only questions that
cannot fit on their own stop the print.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, replace
from pathlib import Path

from ..bank import Bank
from ..errors import UsageError
from ..model import Meeting, Settings
from .blocks import Block, where_texts
from .fonts import choose
from .handout import EVERYTHING, NOTHING_KNOWN, Sections, handout_blocks, handout_cuts, handout_meta
from .page import Layout, PageSpec, fitted_page, largest_size, render, too_long
from .pdfmeta import Meta

FLOOR, CEILING = 10.0, 14.0
LARGE_FLOOR, LARGE_CEILING = 18.0, 24.0
"""Body sizes in points: never below the floor; above the ceiling the page
would look shouted rather than easy to read."""
LADDER = (
    ("way_details", "the details of “What you can do” (each way is cut to its first words)"),
    ("why_in_full", "all but the first sentence of each “Why it matters”"),
    ("why", "“Why it matters” under each question"),
    ("ways", "“What you can do”"),
)
"""What is left out, in this order, until the questions fit: (part of
``Sections``, what the user is told)."""


@dataclass(frozen=True)
class Handout:
    data: bytes
    size: float
    """The body size in points."""
    left_out: tuple[str, ...] = ()
    """What was left out to fit, in the user's words; empty when nothing was."""
    remedies: tuple[str, ...] = ()
    """How to get what was left out back onto the page."""
    sides: int = 1

    def notes(self) -> list[str]:
        """What to tell the user (the command line's ``note:`` lines, the
        app's Print mode): each part left out, then how to get it back."""
        if not self.left_out:
            return []
        back = "; or ".join(self.remedies) or "shorten the questions' wording"
        page = "one page" if self.sides == 1 else "each side"
        return [
            *(f"left out {what} to fit {page} at {self.size:g} pt" for what in self.left_out),
            f"to make room for what was left out: {back}",
        ]


def handout_pdf(
    settings: Settings,
    meeting: Meeting,
    bank: Bank,
    langs: Sequence[str],
    *,
    paper: str = "letter",
    large_print: bool = False,
    font: Path | None = None,
    sections: Sections = EVERYTHING,
    sides: int = 1,
    known: Mapping[str, Mapping[str, str]] = NOTHING_KNOWN,
) -> Handout:
    """The handout: one page, or with ``sides=2`` one page per language
    (a two-sided sheet), both at the same size with the same parts left out.
    ``known`` lines (see ``handout_blocks``) go and come with "why it matters"."""
    if sides == 2 and len(langs) != 2:
        raise UsageError("--sides 2 prints one language on each side: give two, such as --lang en,es")
    pages: list[tuple[str, ...]] = [(lang,) for lang in langs] if sides == 2 else [tuple(langs)]
    meta = handout_meta(settings, meeting, bank, langs)
    full = [handout_blocks(settings, meeting, bank, page, sections, known) for page in pages]
    spec = page_spec(
        [b for blocks in full for b in blocks], meta, paper=paper, large_print=large_print, font=font
    )
    cuts = handout_cuts(meeting, langs, large_print, sides)
    for left_out, shorter in shorter_versions(sections):
        sides_blocks = (
            [handout_blocks(settings, meeting, bank, page, shorter, known) for page in pages]
            if left_out
            else full
        )
        layouts = [Layout(blocks, spec) for blocks in sides_blocks]
        sizes = [largest_size(layout) for layout in layouts]
        if None in sizes:
            continue
        size = min(s for s in sizes if s is not None)
        remedies = cuts
        if (
            "why" in left_out
            and shorter.ways
            and _whys_fit_without_ways(settings, meeting, bank, pages, spec, sections, known)
        ):
            remedies = [*cuts, "leave out “What you can do” with --no-ways to keep “Why it matters”"]
        told = tuple(what for part, what in LADDER if part in left_out)
        return Handout(render(layouts, size), size, told, tuple(remedies), sides)
    raise too_long(max(layouts, key=lambda layout: layout.overflow(spec.floor)), cuts)


def shorter_versions(asked: Sections) -> Iterator[tuple[tuple[str, ...], Sections]]:
    """The sections asked for, then with each part of ``LADDER`` they still
    have left out in turn, with the parts left out so far."""
    yield (), asked
    current: Sections = asked
    left_out: tuple[str, ...] = ()
    for part, _ in LADDER:
        needs = {"way_details": current.ways, "why_in_full": current.why}.get(part, True)
        if getattr(current, part) and needs:
            current, left_out = replace(current, **{part: False}), (*left_out, part)
            yield left_out, current


def _whys_fit_without_ways(
    settings: Settings,
    meeting: Meeting,
    bank: Bank,
    pages: list[tuple[str, ...]],
    spec: PageSpec,
    asked: Sections,
    known: Mapping[str, Mapping[str, str]],
) -> bool:
    """Whether the handout without "what you can do" keeps every "why it matters"."""
    without = replace(asked, ways=False)
    return all(
        Layout(handout_blocks(settings, meeting, bank, page, without, known), spec).overflow(spec.floor) <= 0
        for page in pages
    )


def page_spec(
    blocks: Sequence[Block], meta: Meta, *, paper: str, large_print: bool, font: Path | None
) -> PageSpec:
    """Every one-page sheet's floor and ceiling, and a font that draws all of ``blocks``."""
    floor, ceiling = (LARGE_FLOOR, LARGE_CEILING) if large_print else (FLOOR, CEILING)
    return PageSpec(
        paper=paper, floor=floor, ceiling=ceiling, fonts=choose(where_texts(blocks), font), meta=meta
    )


def one_page(
    blocks: Sequence[Block],
    meta: Meta,
    cuts: Sequence[str],
    *,
    paper: str,
    large_print: bool,
    font: Path | None,
) -> tuple[bytes, float]:
    """Any other one-page sheet (the promises handout): the same floors, the
    same glyph check, the same fitter, and an error when it does not fit."""
    spec = page_spec(blocks, meta, paper=paper, large_print=large_print, font=font)
    return fitted_page(blocks, spec, cuts)
