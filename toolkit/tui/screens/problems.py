"""Every file the workspace could not read or that disagrees with the rest,
with the store's own message: which file, which line or field, what was
expected. The rest of the app keeps working; fix the file and check again.
Files others can read (a git clone makes them so) are made private here too,
after asking: ``meetingkit check --fix``."""

from __future__ import annotations

import os
from typing import ClassVar

from textual import work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Button, Footer, OptionList, Static
from textual.worker import get_current_worker

from ...actions.session import Session
from ...checks import Finding
from ...errors import MeetingkitError
from .choice import Choice, Pick


class ProblemsScreen(ModalScreen[None]):
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "dismiss", "Close", id="problems.close"),
        Binding("r", "recheck", "Check again", id="problems.recheck"),
        Binding("f", "make_private", "Make files private", id="problems.fix"),
    ]

    def __init__(self, session: Session) -> None:
        super().__init__(classes="dialog")
        self.session = session

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog-box wide"):
            yield Static("Problems in the workspace", classes="dialog-title")
            yield Static("Checking every file…", id="problems-summary")
            yield OptionList(id="problems-list")
            with Horizontal(classes="dialog-buttons"):
                yield Button("Check again (r)", id="problems-recheck", compact=True)
                yield Button("Make files private (f)", id="problems-fix", compact=True)
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

    def on_button_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        if event.button.id == "problems-recheck":
            self.action_recheck()
        elif event.button.id == "problems-fix":
            self.action_make_private()

    # --- making files private (check --fix) -------------------------------------

    def action_make_private(self) -> None:
        self.count_loose()

    @work(thread=True, exclusive=True, group="private", exit_on_error=False)
    def count_loose(self) -> None:
        """Walk the workspace for files others can read, off the event loop."""
        try:
            count = self.session.count_loose_files()
        except (MeetingkitError, OSError) as error:
            self.app.call_from_thread(
                self.notify, str(error), title="Not done", severity="error", markup=False
            )
            return
        self.app.call_from_thread(self.confirm_private, count)

    def confirm_private(self, count: int) -> None:
        if count == 0:
            self.notify("Every file and folder is already private: only you can read them.")
            return
        self.app.push_screen(
            Choice(
                "Make the files private?",
                f"Others on this computer can read {count} of the workspace's files and folders (a git clone "
                "or a copy does that). This makes every file readable by you only (0600) and "
                "every folder yours only (0700). Nothing in the files changes.",
                [Pick("y", "Make them private", "yes", "primary"), Pick("n", "Leave them", "no")],
            ),
            self.chose_private,
        )

    def chose_private(self, choice: str | None) -> None:
        if choice == "yes":
            self.make_private()

    @work(thread=True, exclusive=True, group="private", exit_on_error=False)
    def make_private(self) -> None:
        try:
            changed = self.session.make_files_private()
        except OSError as error:
            self.app.call_from_thread(
                self.notify, str(error), title="Not done", severity="error", markup=False
            )
            return
        self.app.call_from_thread(self.made_private, changed)

    def made_private(self, changed: int) -> None:
        self.notify(f"Made {changed} file(s) and folder(s) private.", title="Private")
        self.action_recheck()
