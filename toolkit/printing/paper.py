"""The paper sizes meetingkit prints on, by name: the one list the command
line's ``--paper``, the app's Print mode and the page layout all read (plain
Python, so the front ends can offer the choice without loading ReportLab)."""

from __future__ import annotations

PAPERS = ("letter", "a4")
"""The first is the default."""
