"""Text kept wrapped at 80 columns in the source, shown wrapped at the width
of the screen: with the source's line breaks kept, every line that no longer
fits breaks again one word short, and the text reads as a ragged staircase."""

from __future__ import annotations


def unwrap(text: str) -> str:
    """Join each paragraph's lines into one, keeping blank lines, "• " items and
    lines indented by more than an item's hanging two spaces (examples)."""
    lines: list[str] = []
    for line in text.strip("\n").split("\n"):
        continues = (
            lines
            and lines[-1].strip()
            and line.strip()
            and not line.lstrip().startswith("• ")
            and not line.startswith("   ")
            and not lines[-1].startswith("   ")
        )
        if continues:
            lines[-1] = f"{lines[-1].rstrip()} {line.strip()}"
        else:
            lines.append(line)
    return "\n".join(lines)
