"""Import one of ICE's 287(g) sheets, as ``ice import FILE --as-of DATE --replace``:
the file, its date when ICE's file name does not carry one, and whether it
replaces a different sheet already imported for that day."""

from __future__ import annotations

from datetime import date
from typing import NamedTuple

from textual.app import ComposeResult
from textual.widgets import Input

from ...ice import ICE_PAGE
from ..validators import Checked, parse_date
from ..widgets.marked_toggles import MarkedCheckbox
from .form import FormScreen, field


class SheetToImport(NamedTuple):
    path: str
    """As typed: a full path, or one inside the workspace."""
    as_of: date | None
    """None: the date in the file's name."""
    replace: bool


class IceImportForm(FormScreen[SheetToImport]):
    """Dismisses with the sheet to import; enter in a field imports, like ctrl+s."""

    TITLE_TEXT = "Import ICE's 287(g) sheet"

    def compose_fields(self) -> ComposeResult:
        yield from field(
            "The .xlsx file (its full path, or one inside the workspace)",
            Input(id="ice-path"),
            f"The participating or pending agencies sheet from {ICE_PAGE}, downloaded.",
        )
        yield from field(
            "Sheet dated (YYYY-MM-DD)",
            Input(id="ice-as-of", placeholder="YYYY-MM-DD", validators=[Checked(parse_date, optional=True)]),
            "Needed only when the file name has no date: ICE names its files like "
            "participatingAgencies07182025pm.xlsx (July 18, 2025).",
        )
        yield MarkedCheckbox(
            "Replace a different sheet already imported for that day", id="ice-replace", compact=True
        )

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.action_save()

    def submit(self) -> SheetToImport | None:
        path = self.query_one("#ice-path", Input).value.strip()
        if not path:
            self.notify("Give the sheet's file.", severity="error")
            return None
        typed = self.query_one("#ice-as-of", Input).value.strip()
        return SheetToImport(
            path, parse_date(typed) if typed else None, self.query_one("#ice-replace", MarkedCheckbox).value
        )
