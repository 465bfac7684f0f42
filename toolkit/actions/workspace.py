"""Making a workspace: an empty one to fill in, or the example with its meetings.

One job for ``meetingkit init`` and the app's welcome screen.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

from ..errors import MeetingkitError
from ..model import Settings
from ..store import Workspace


def create_workspace(root: Path, settings: Settings | None, *, example: bool, today: date) -> list[str]:
    """Create the workspace at ``root`` (the example's settings unless ``settings`` is given);
    returns the example meetings' ids (none for an empty workspace)."""
    from .. import demo
    from ..bank import load

    ws = Workspace(root)
    if ws.exists():
        raise MeetingkitError(
            f"{ws.root} already holds a workspace; nothing was changed "
            "(use --workspace DIR to make another one)"
        )
    ws.create(settings or (demo.settings() if example else Settings()))
    return demo.build(ws, load(ws.bank_dir), today) if example else []
