"""A meeting's per-language text (place, agenda item, sign-up rule) as one reader sees it."""

from __future__ import annotations

from .model import Text, text_in


def wording(value: Text, lang: str, home: str) -> str:
    """``value`` in ``lang``, else in the meeting's language ``home``: a place reads the
    same in any language, and a sign-up rule in the meeting's language beats none."""
    return text_in(value, lang, home) or text_in(value, home, home)
