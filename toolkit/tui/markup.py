"""User text inside Textual markup, shown exactly as typed.

``textual.markup.escape`` leaves alone brackets that do not look like tags to
it, such as ``[East]``, which the markup parser still reads as a style and
drops; a name like "Council [East]" would lose a word. Escaping every opening
bracket is always safe.
"""

from __future__ import annotations


def literal(text: str) -> str:
    return text.replace("[", "\\[")
