"""Every file the workspace could not read or that disagrees with the rest,
with the store's own message: which file, which line or field, what was
expected. The rest of the app keeps working; fix the file and check again."""

from __future__ import annotations

import os
from typing import ClassVar

from textual import work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Footer, OptionList, Static
from textual.worker import get_current_worker

from ...actions.session import Session
from ...checks import Finding


class ProblemsScreen(ModalScreen[None]):
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "dismiss", "Close", id="problems.close"),
        Binding("r", "recheck", "Check again", id="problems.recheck"),
    ]

    def __init__(self, session: Session) -> None:
        super().__init__(classes="dialog")
        self.session = session

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog-box wide"):
            yield Static("Problems in the workspace", classes="dialog-title")
            yield Static("Checking every file…", id="problems-summary")
            yield OptionList(id="problems-list")
        yield Footer()

    def on_mount(self) -> None:
        self.action_recheck()

    def action_recheck(self) -> None:
        self.query_one("#problems-summary", Static).update("Checking every file…")
        self.run_check()

    @work(thread=True, exclusive=True, exit_on_error=False)
    def run_check(self) -> None:
        findings = self.session.check_files()
        if not get_current_worker().is_cancelled:
            self.app.call_from_thread(self.show, findings)

    def show(self, findings: list[Finding]) -> None:
        listing = self.query_one(OptionList)
        listing.clear_options()
        prefix = str(self.session.root) + os.sep
        listing.add_options(
            Content.assemble((f.where.replace(prefix, ""), "bold"), "\n", f.message) for f in findings
        )
        summary = (
            f"{len(findings)} problem{'s' if len(findings) != 1 else ''}. Fix the file in any editor "
            "(the app never overwrites a file it cannot read), then press r to check again."
            if findings
            else "Every file reads well. Nothing to fix."
        )
        self.query_one("#problems-summary", Static).update(summary)
