"""The handout as a PDF: blocks, a font that can draw them, one fitted page."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from ..bank import Bank
from ..model import Meeting, Settings
from .blocks import Block, where_texts
from .fonts import choose
from .handout import EVERYTHING, Sections, handout_blocks, handout_cuts, handout_meta
from .page import PageSpec, fitted_page
from .pdfmeta import Meta

FLOOR, CEILING = 10.0, 14.0
LARGE_FLOOR, LARGE_CEILING = 18.0, 24.0
"""Body sizes in points: never below the floor; above the ceiling the page
would look shouted rather than easy to read."""


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
    extra: Sequence[Block] = (),
    extra_cuts: Sequence[str] = (),
) -> tuple[bytes, float]:
    """The one-page handout and its body size in points.

    ``extra`` blocks (promises, say) go after the questions; ``extra_cuts``
    tell the user how to leave them out when the page is too full.
    """
    blocks = handout_blocks(settings, meeting, bank, langs, sections, extra)
    cuts = [*handout_cuts(meeting, langs, sections, large_print), *extra_cuts]
    meta = handout_meta(settings, meeting, bank, langs)
    return one_page(blocks, meta, cuts, paper=paper, large_print=large_print, font=font)


def one_page(
    blocks: Sequence[Block],
    meta: Meta,
    cuts: Sequence[str],
    *,
    paper: str,
    large_print: bool,
    font: Path | None,
) -> tuple[bytes, float]:
    """Any one-page sheet (this handout, the promises handout): the same
    floors, the same glyph check, the same fitter."""
    floor, ceiling = (LARGE_FLOOR, LARGE_CEILING) if large_print else (FLOOR, CEILING)
    spec = PageSpec(
        paper=paper, floor=floor, ceiling=ceiling, fonts=choose(where_texts(blocks), font), meta=meta
    )
    return fitted_page(blocks, spec, cuts)
