"""Draft a media inquiry from a meeting's record, with the choices of
``meetingkit media``: the meeting, the languages, the day to count from, and
where to write the Markdown (the workspace's print folder unless another path
is typed)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from textual.app import ComposeResult
from textual.widgets import Input, Select

from ... import codec
from ...actions.media import media_file_name
from ...actions.session import Session
from ...errors import one_line
from ..validators import Checked, parse_date
from .form import FormScreen, field

LANGS = (("English", "en"), ("Spanish", "es"), ("English, then Spanish", "en,es"))


@dataclass(frozen=True)
class MediaWanted:
    meeting: str
    langs: str
    as_of: date
    path: str
    """As typed: relative to the workspace, or a full path."""


class MediaForm(FormScreen[MediaWanted]):
    """Dismisses with what to draft; the mode drafts it in a worker."""

    TITLE_TEXT = "Draft a media inquiry"

    def __init__(self, session: Session, folder: str) -> None:
        """``folder``: the print folder as shown to a person."""
        super().__init__()
        self.session = session
        self.folder = folder
        self.meetings = session.meetings_upcoming_first()
        current = session.current
        self.meeting_id = current.id if current else (self.meetings[0].id if self.meetings else None)
        self.path_edited = False

    def default_path(self) -> str:
        day = self.as_of() or self.session.today
        return f"{self.folder}/{media_file_name(self.meeting_id or 'meeting', day)}"

    def as_of(self) -> date | None:
        if not self.is_mounted:
            return None
        try:
            return parse_date(self.query_one("#mi-as-of", Input).value)
        except codec.Invalid:
            return None

    def compose_fields(self) -> ComposeResult:
        langs = {x for x in self.session.settings.languages if x in ("en", "es")}
        default = "en,es" if len(langs) == 2 else (langs.pop() if langs else "en")
        yield from field(
            "From the meeting",
            Select(
                [(one_line(self.session.label(m)), m.id) for m in self.meetings],
                value=self.meeting_id if self.meeting_id else Select.NULL,
                allow_blank=self.meeting_id is None,
                id="mi-meeting",
            ),
        )
        yield from field(
            "Language",
            Select(LANGS, value=default, allow_blank=False, id="mi-langs"),
        )
        yield from field(
            "Count promises and requests past due as of (YYYY-MM-DD)",
            Input(self.session.today.isoformat(), id="mi-as-of", validators=[Checked(parse_date)]),
        )
        yield from field(
            "Write to (a path inside the workspace, or a full path)",
            Input(self.default_path(), id="mi-path"),
            "Markdown to edit before you send it.",
        )

    def follow(self) -> None:
        """The file's name follows the meeting and the day until a path is typed."""
        if not self.path_edited:
            with self.prevent(Input.Changed):
                self.query_one("#mi-path", Input).value = self.default_path()

    def on_select_changed(self, event: Select.Changed) -> None:
        if event.select.id == "mi-meeting" and event.value != Select.NULL:
            self.meeting_id = str(event.value)
            self.follow()

    def on_input_changed(self, event: Input.Changed) -> None:
        if event.input.id == "mi-path":
            self.path_edited = True
        elif event.input.id == "mi-as-of":
            self.follow()
        super().on_input_changed(event)

    def submit(self) -> MediaWanted | None:
        path = self.query_one("#mi-path", Input).value.strip()
        if self.meeting_id is None:
            self.notify("Plan a meeting first: the inquiry tells its record.", severity="error")
            return None
        if not path:
            self.notify("Say where to write the draft.", severity="error")
            return None
        return MediaWanted(
            meeting=self.meeting_id,
            langs=str(self.query_one("#mi-langs", Select).value),
            as_of=parse_date(self.query_one("#mi-as-of", Input).value),
            path=path,
        )
