"""Open a text in the user's own editor ($VISUAL, $EDITOR) and read it back.

The text goes to a private temporary file in the autosave folder, never to
the record itself, so quitting the editor without saving changes nothing and
the app decides what to do with the result like any other edit.
"""

from __future__ import annotations

import os
import shlex
import shutil
import subprocess
from pathlib import Path

from ..atomic import write_bytes
from ..errors import MeetingkitError

FALLBACKS = ("nano", "vim", "vi")


def editor_command() -> list[str]:
    """The user's editor; the usual terminal editors when none is set."""
    for var in ("VISUAL", "EDITOR"):
        value = os.environ.get(var, "").strip()
        if value:
            return shlex.split(value)
    for name in FALLBACKS:
        if shutil.which(name):
            return [name]
    raise MeetingkitError("no text editor found: set $EDITOR (for example `export EDITOR=nano`)")


def edit_text(text: str, folder: Path, name: str) -> str:
    """Run the editor on ``text`` (blocking) and return what it saved."""
    command = editor_command()
    path = folder / f"{name}.md"
    write_bytes(path, text.encode("utf-8"))
    try:
        result = subprocess.run([*command, str(path)], check=False)
        if result.returncode != 0:
            raise MeetingkitError(
                f"{command[0]} ended with status {result.returncode}; the text was not changed"
            )
        return path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise MeetingkitError(f"cannot run the editor {command[0]!r}: check $EDITOR") from None
    finally:
        path.unlink(missing_ok=True)
