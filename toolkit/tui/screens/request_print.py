"""Print a records request's letter to PDF, with the choices of ``meetingkit
request print``: which letter, the paper, the type size, where to write it
(the workspace's print folder unless another path is typed)."""

from __future__ import annotations

from dataclasses import dataclass

from textual.app import ComposeResult
from textual.widgets import Input, Select

from ...actions.printjob import PAPERS
from ...actions.requests import LETTERS, letter_file_name
from .form import FormScreen, field
from .request_view import LETTER_TITLES

SIZES = (("Regular type (12 pt)", "regular"), ("Large print (16 pt)", "large"))


@dataclass(frozen=True)
class PrintWanted:
    which: str
    paper: str
    large_print: bool
    path: str
    """As typed: relative to the workspace, or a full path."""


class RequestPrint(FormScreen[PrintWanted]):
    """Dismisses with what to print; the mode prints it in a worker."""

    TITLE_TEXT = "Print a records request letter"

    def __init__(self, request_id: str, drafted: list[str], folder: str) -> None:
        """``drafted``: the letters on disk; ``folder``: the print folder as shown to a person."""
        super().__init__()
        self.request_id = request_id
        self.drafted = [which for which in LETTERS if which in drafted] or ["request"]
        self.folder = folder
        self.path_edited = False

    def default_path(self, which: str) -> str:
        return f"{self.folder}/{letter_file_name(self.request_id, which)}"

    def compose_fields(self) -> ComposeResult:
        latest = self.drafted[-1]
        yield from field(
            "Letter",
            Select(
                [(LETTER_TITLES[which], which) for which in self.drafted],
                value=latest,
                allow_blank=False,
                id="rp-letter",
            ),
            "Draft the follow-up (f) or the appeal (a) in Requests mode to print them.",
        )
        yield from field(
            "Paper", Select([(p, p) for p in PAPERS], value="letter", allow_blank=False, id="rp-paper")
        )
        yield from field("Type size", Select(SIZES, value="regular", allow_blank=False, id="rp-size"))
        yield from field(
            "Write to (a path inside the workspace, or a full path)",
            Input(self.default_path(latest), id="rp-path"),
        )

    def on_select_changed(self, event: Select.Changed) -> None:
        if event.select.id == "rp-letter" and not self.path_edited:
            path = self.query_one("#rp-path", Input)
            with self.prevent(Input.Changed):
                path.value = self.default_path(str(event.value))

    def on_input_changed(self, event: Input.Changed) -> None:
        if event.input.id == "rp-path":
            self.path_edited = True
        super().on_input_changed(event)

    def submit(self) -> PrintWanted | None:
        path = self.query_one("#rp-path", Input).value.strip()
        if not path:
            self.notify("Say where to write the PDF.", severity="error")
            return None
        return PrintWanted(
            which=str(self.query_one("#rp-letter", Select).value),
            paper=str(self.query_one("#rp-paper", Select).value),
            large_print=self.query_one("#rp-size", Select).value == "large",
            path=path,
        )
