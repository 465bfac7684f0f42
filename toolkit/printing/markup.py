"""User text into ReportLab Paragraph markup, safely.

Paragraph text is a small XML language: ``<b>``, ``<font size=100>`` or
``<img src="/etc/passwd"/>`` typed by a user would be obeyed, not printed. So
every user string is cleaned and escaped here, and markup is added only
around escaped text.
"""

from __future__ import annotations

import html
import re
import unicodedata

_CONTROLS = re.compile(r"[\x00-\x1f\x7f-\x9f\u2028\u2029]+")
_SPACES = str.maketrans({"\u202f": "\u00a0", "\u2007": "\u00a0"})


def clean(text: str) -> str:
    """Composed characters (NFC), no control characters, no exotic spaces.

    NFC matters for Vietnamese and other accented scripts: ReportLab draws
    one glyph per character and cannot stack a combining accent, so
    ``e`` + U+0302 + U+0301 must become ``ế``. Babel writes "6:30 PM" with a
    narrow no-break space that Helvetica lacks; a plain no-break space keeps
    the words together and exists in every font.
    """
    text = unicodedata.normalize("NFC", text).translate(_SPACES)
    return _CONTROLS.sub(" ", text)


def escape_text(text: str) -> str:
    """Cleaned text with ``&``, ``<`` and ``>`` as entities: prints as typed.

    ``html.escape`` without quotes is ``xml.sax.saxutils.escape`` (the same
    three replacements) minus the 20 ms that importing ``urllib.request`` with
    the latter costs every print.
    """
    return html.escape(clean(text), quote=False)


def lines_markup(text: str) -> str:
    """Escaped text whose line breaks stay line breaks (a list in a paragraph)."""
    return "<br/>".join(escape_text(line) for line in text.strip().splitlines())
