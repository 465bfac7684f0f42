"""What every print job shares: the page options both front ends offer, the
result a job hands back, and writing it to the file the user named.

The jobs themselves (``print_handout``, ``print_promises``, ``print_testimony``)
make the PDF and return a ``Printed``; neither writes nor prints anything, so
the command line and the app present the same result their own way, and the
app can say whether a page fits before any file is written.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from ..atomic import output_file, write_bytes
from ..printing.paper import PAPERS

__all__ = ["PAPERS", "PageOptions", "Printed", "font_path", "target", "write"]


@dataclass(frozen=True, kw_only=True)
class PageOptions:
    """The choices every printed page has (``--paper``, ``--large-print``, ``--font``)."""

    paper: str = PAPERS[0]
    large_print: bool = False
    font: str | None = None
    """A TrueType file for this print only; None: the workspace's ``font:`` setting."""


@dataclass(frozen=True, kw_only=True)
class Printed:
    data: bytes
    summary: str
    """One line: that it fits and at what size, or what it is."""
    size: float | None = None
    """The body type size in points (None for what is not type on paper: a report, a calendar)."""
    notes: tuple[str, ...] = ()
    """What the reader should know: parts left out to fit, and how to get them back."""
    suffix: str = ".pdf"

    def told(self) -> str:
        """The summary with its notes, as the app says it in one message."""
        return self.summary + "".join(f" Note: {note}." for note in self.notes)


def font_path(options: PageOptions, settings_font: str, root: Path) -> Path | None:
    """The font asked for this print, else the workspace's (relative to it), else None (automatic)."""
    from ..printing.fonts import font_file

    return font_file(options.font, settings_font, root)


def target(value: str | Path, root: Path, suffix: str = ".pdf", *, make_folder: bool = False) -> Path:
    """The file to write, refused before any work is done when it cannot be one
    (a folder, another suffix, a folder that is not there, a workspace record)."""
    return output_file(value, suffix, root, make_folder=make_folder)


def write(printed: Printed, path: Path) -> Path:
    """Write the result (0600, atomically) to a ``target``."""
    write_bytes(path, printed.data)
    return path
