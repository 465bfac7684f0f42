"""The new-request form at 80x24 on the demo workspace (whose state the law
table lacks, so the law is to choose): the focused field and Save/Close in view."""

from __future__ import annotations

from test_tui_snapshots import snap_small
from test_tui_support import until

from toolkit.store import Workspace


async def new_request(pilot):  # type: ignore[no-untyped-def]
    await pilot.press("7")
    await pilot.press("n")
    await until(pilot, lambda: type(pilot.app.screen).__name__ == "RequestForm")


def test_new_request_form_80x24(demo_ws: Workspace, snap_compare) -> None:  # type: ignore[no-untyped-def]
    assert snap_small(snap_compare, demo_ws, new_request, shows="RequestForm")


def test_new_request_form_80x24_last_field(demo_ws: Workspace, snap_compare) -> None:  # type: ignore[no-untyped-def]
    assert snap_small(snap_compare, demo_ws, new_request, *["tab"] * 7, shows="RequestForm")
