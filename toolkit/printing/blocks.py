"""What goes on a fitted page, before any size or font is chosen.

A page is a list of blocks stacked top to bottom. A block has one cell per
column: one for a single language, two for a bilingual handout, where the
cells of a block share a row so that question 3 starts level with its
translation; text that reads the same in every language (a place, a sign-up
rule) is printed once, across the columns. Any document that must fit one page (the handout, the handout
with its promises) describes itself in blocks and lets ``page.fitted_page``
choose the size.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from enum import Enum


class Role(Enum):
    """How a block looks; every size is a multiple of the body size."""

    KICKER = "kicker"
    TITLE = "title"
    HEADING = "heading"
    TEXT = "text"
    ITEM = "item"


@dataclass(frozen=True)
class Run:
    """Plain text (never markup), bold or not."""

    text: str
    bold: bool = False


Para = tuple[Run, ...]
Cell = tuple[Para, ...]


def para(*parts: str | Run) -> Para:
    """A paragraph from strings and runs; empty pieces are left out."""
    runs = (p if isinstance(p, Run) else Run(p) for p in parts)
    return tuple(r for r in runs if r.text)


@dataclass(frozen=True)
class Block:
    role: Role
    cells: tuple[Cell, ...]
    marker: str = ""
    """Hung in the margin of an ITEM's first paragraph in each cell: "3." or "•"."""
    space_before: float = 0.0
    """Gap above the block, in body sizes, so spacing grows with the text."""
    boxed: bool = False
    ruled: bool = False
    """A hairline above the block, across its columns: rows read as rows."""
    shared: Cell = ()
    """Paragraphs under the cells, across every column: said once, not once per language."""
    kicker: str = ""
    """A line in bold at the body size above the cells (the group's name above the title)."""
    byline: str = ""
    """A line at the body size under the cells (how to reach the group, under the title)."""
    qr: str = ""
    """A web address to print as a QR code at the right of the block."""
    at_bottom: bool = False
    """Pushed down to the foot of the page (contact lines)."""
    where: str = ""
    """What the block is, in the user's words, for error messages ("question 2")."""

    def texts(self) -> list[str]:
        paragraphs = [p for cell in (*self.cells, self.shared) for p in cell]
        return [run.text for p in paragraphs for run in p] + [self.marker, self.kicker, self.byline]


def where_texts(blocks: Sequence[Block]) -> list[tuple[str, str]]:
    """(where, text) for every string on the page, for the glyph check."""
    return [(b.where, text) for b in blocks for text in b.texts() if text]
