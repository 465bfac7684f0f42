"""Choosing the font a page is printed in, and registering it once.

Helvetica, one of the PDF standard fonts, needs no file and serves every
language its Windows-1252 encoding covers (English, Spanish, French,
Portuguese, Haitian Creole…). Other text needs a TrueType font: the one given
with ``--font`` (or ``font:`` in the workspace settings), else DejaVu Sans,
which ships inside meetingkit so every machine prints the same, else a common
font found on the system. Every character is checked against the chosen
font's character map before anything is drawn.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from ..errors import MeetingkitError
from . import glyphs

BUNDLED = Path(__file__).resolve().parent / "fonts"
SYSTEM_FONTS = (
    "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf",
    "/usr/share/fonts/TTF/DejaVuSans.ttf",
    "/usr/share/fonts/dejavu-sans-fonts/DejaVuSans.ttf",
    "/usr/share/fonts/truetype/noto/NotoSans-Regular.ttf",
    "/usr/share/fonts/truetype/freefont/FreeSans.ttf",
    "/Library/Fonts/Arial Unicode.ttf",
    "/System/Library/Fonts/Supplemental/Arial Unicode.ttf",
    "C:/Windows/Fonts/arialuni.ttf",
)
_BOLD_NAMES = ("{}-Bold", "{}Bd", "{}-Bd", "{}bd")
FONT_HINT = "a TrueType font that has them (DejaVu Sans or a Noto Sans font)"


@dataclass(frozen=True)
class FontSet:
    """The registered names a page uses; ``bold`` may be the regular face."""

    regular: str
    bold: str
    label: str


HELVETICA = FontSet("Helvetica", "Helvetica-Bold", "Helvetica")


def helvetica_has(ch: str) -> bool:
    try:
        ch.encode("cp1252")
    except UnicodeEncodeError:
        return False
    return True


@dataclass(frozen=True)
class _TrueType:
    name: str
    cmap: frozenset[int]


_loaded: dict[Path, _TrueType] = {}


def _register(path: Path) -> _TrueType:
    """Parse and register a TrueType file once per process, under a stable name
    made of the file name's letters (it goes into Paragraph markup)."""
    path = path.resolve()
    if path in _loaded:
        return _loaded[path]
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFError, TTFont

    taken = {t.name for t in _loaded.values()}
    stem = re.sub(r"[^A-Za-z0-9-]", "", path.stem) or "font"
    name, n = stem, 1
    while name in taken:
        n += 1
        name = f"{stem}-{n}"
    if not path.is_file():  # a pipe or device would block the read or never end
        raise MeetingkitError(f"cannot use the font {path}: it is not a file; give a TrueType (.ttf) font")
    try:
        font = TTFont(name, str(path))
    except (TTFError, OSError, ValueError) as exc:
        raise MeetingkitError(
            f"cannot use the font {path}: {exc}; give a TrueType (.ttf) font that allows embedding"
        ) from None
    pdfmetrics.registerFont(font)
    loaded = _TrueType(name, frozenset(font.face.charToGlyph))
    _loaded[path] = loaded
    return loaded


def bold_sibling(path: Path) -> Path | None:
    """``NotoSans-Regular.ttf`` → ``NotoSans-Bold.ttf``, ``Vera.ttf`` → ``VeraBd.ttf``."""
    stem = path.stem
    names = [stem.replace("Regular", "Bold")] if "Regular" in stem else []
    names += [pattern.format(stem) for pattern in _BOLD_NAMES]
    for name in names:
        candidate = path.with_name(name + path.suffix)
        if candidate.is_file():
            return candidate
    return None


def _fontset(path: Path, found: dict[str, list[str]]) -> tuple[FontSet, list[str]]:
    """The font at ``path`` with its bold face when the bold has every character too."""
    regular = _register(path)
    lacking = [c for c in found if ord(c) not in regular.cmap]
    bold_path = bold_sibling(path)
    bold = _register(bold_path) if bold_path else regular
    if any(ord(c) not in bold.cmap for c in found):
        bold = regular
    return FontSet(regular.name, bold.name, path.name), lacking


def auto_candidates() -> list[Path]:
    candidates = [BUNDLED / "DejaVuSans.ttf", *map(Path, SYSTEM_FONTS)]
    return [p for p in candidates if p.is_file()]


def choose(texts: list[tuple[str, str]], explicit: Path | None = None) -> FontSet:
    """The font for a page whose strings are ``texts`` ((where, text) pairs).

    Raises an error naming every character that cannot be drawn, and where
    it is, rather than print a box in its place.
    """
    found = glyphs.characters(texts)
    glyphs.refuse_right_to_left(found)
    if explicit is not None:
        if not explicit.is_file():
            raise MeetingkitError(f"the font file {explicit} does not exist")
        fontset, lacking = _fontset(explicit, found)
        if lacking:
            raise glyphs.missing_error(
                found, lacking, f"the font {explicit} cannot draw", f"choose with --font {FONT_HINT}"
            )
        return fontset
    lacking = glyphs.missing(found, helvetica_has)
    if not lacking:
        return HELVETICA
    for path in auto_candidates():
        try:
            fontset, still = _fontset(path, found)
        except MeetingkitError:
            continue  # an unreadable system font is not the user's problem
        if not still:
            return fontset
        lacking = min(lacking, still, key=len)
    raise glyphs.missing_error(
        found, lacking, "no font on this computer can draw", f"name one with --font FILE.ttf: {FONT_HINT}"
    )


def font_file(given: str | None, from_settings: str, workspace_root: Path) -> Path | None:
    """``--font`` as given, else the settings' ``font:`` (relative to the workspace)."""
    if given:
        return Path(given).expanduser()
    if from_settings.strip():
        return (workspace_root / Path(from_settings.strip()).expanduser()).resolve()
    return None
