"""Errors a user can act on.

Every failure that reaches the command line or the app is one of these, so that
the front ends can print one clear line instead of a traceback.
"""

from __future__ import annotations

import unicodedata
from pathlib import Path


class MeetingkitError(Exception):
    """A problem the user can fix; ``str()`` is the whole message."""


class UsageError(MeetingkitError):
    """The command was called wrongly (exit status 2)."""


class NotFound(MeetingkitError):
    """A meeting, question, testimony or promise that does not exist."""


class WorkspaceMissing(MeetingkitError):
    """The folder holds no workspace yet."""

    def __init__(self, root: Path) -> None:
        super().__init__(
            f"no meetingkit workspace in {root} (missing meetingkit.yaml); "
            "run `meetingkit init` (or `meetingkit init --demo` for an example) first"
        )
        self.root = root


class FileProblem(MeetingkitError):
    """A file that cannot be read, parsed or validated.

    It names the file, and where known the line or the field, so a person can
    open the file and fix it; the file itself is never overwritten.
    """

    def __init__(
        self,
        path: Path | str,
        message: str,
        *,
        line: int | None = None,
        field: str | None = None,
    ) -> None:
        self.path = Path(path)
        self.message = message
        self.line = line
        self.field = field
        where = str(path)
        if line is not None:
            where += f", line {line}"
        if field:
            where += f", field `{field}`"
        super().__init__(f"{where}: {message}")


class ConflictError(MeetingkitError):
    """A save refused because the file changed on disk since it was read."""


class SaveError(MeetingkitError):
    """The operating system refused a write; the previous file is intact."""


def one_line(exc: Exception | str) -> str:
    """The message on one line: a newline or control character typed in an argument (or found in an
    imported sheet) is shown escaped. Spaces stay spaces (Unicode's space separators, which
    ``str.isprintable`` refuses), the narrow one in US times ("6:30\u202fPM") included."""
    return "".join(
        ch if ch.isprintable() or unicodedata.category(ch) == "Zs" else ch.encode("unicode_escape").decode()
        for ch in str(exc)
    )
