"""What every mode's screen shares: header, mode bar, footer, a plain-words
help text, and redrawing when the workspace changed while it was hidden."""

from __future__ import annotations

from typing import TYPE_CHECKING, ClassVar

from textual.app import ComposeResult
from textual.screen import Screen
from textual.widgets import Footer, Header, Input, TextArea

from ...errors import MeetingkitError
from ...model import Meeting
from ..saving import SaveJob
from ..widgets.mode_bar import ModeBar, ModeTabs

if TYPE_CHECKING:
    from ...actions.session import Session
    from ..app import MeetingkitApp


def steady_cursors(screen: Screen) -> None:
    """Screenshots and tests: a blinking cursor makes every picture differ."""
    if screen.app.is_headless:
        for field in screen.query("Input, TextArea"):
            field.cursor_blink = False  # type: ignore[attr-defined]


class ModeScreen(Screen[None]):
    MODE: ClassVar[str] = ""
    HELP: ClassVar[str] = ""
    """Textual markup for the help screen: what this mode is for, in plain words
    (wrapped in the source; the help screen joins the lines again)."""

    def __init__(self) -> None:
        super().__init__(id=f"mode-{self.MODE}")
        self._seen_version = -1

    @property
    def mk(self) -> MeetingkitApp:
        return self.app  # type: ignore[return-value]

    @property
    def session(self) -> Session:
        session = self.mk.session
        assert session is not None, "mode screens exist only once the workspace is open"
        return session

    def compose(self) -> ComposeResult:
        yield Header(icon="≡")
        yield ModeBar(self.MODE, self.mk.mode_keys(), len(self.session.problems))
        yield from self.compose_body()
        yield Footer()

    def compose_body(self) -> ComposeResult:
        yield from ()

    def on_screen_resume(self) -> None:
        steady_cursors(self)
        self.query_one(ModeTabs).active = f"tab-{self.MODE}"
        self.query_one(ModeBar).show_problems(len(self.session.problems))
        self.sync()

    def arrive(self) -> None:
        """Just switched to this mode: never with the focus in a text field, where
        the key pressed next (often another mode's number) would be typed."""
        if isinstance(self.focused, (Input, TextArea)):
            home = self.query(self.AUTO_FOCUS).first() if self.AUTO_FOCUS else None
            self.set_focus(home if home is not None and home.focusable else None)

    def sync(self) -> None:
        """Redraw from the session if it changed since this screen last drew."""
        if self.is_mounted and self._seen_version != self.session.version:
            self._seen_version = self.session.version
            self.refresh_view()

    def refresh_view(self) -> None:
        """Draw the session's current state (each mode fills this in)."""

    def unsaved(self) -> list[str]:
        """Edits that only live on screen: named for the quit question."""
        return []

    def save_all(self) -> bool:
        """Save every unsaved edit; False if one could not be saved."""
        return True

    def save_meeting(self, meeting: Meeting, saved: str = "") -> None:
        """Show a changed meeting at once and write it in the background; ``saved`` is said
        once it is on disk. On a conflict, offer to reload it."""
        self.session.put_meeting(meeting)
        self.sync()
        self.mk.saver.save(
            SaveJob(
                f"the meeting {meeting.id}",
                lambda: self.session.write_meeting(meeting),
                done=lambda _: self.notify(saved) if saved else None,
                reload=lambda: self.reload_meeting(meeting.id),
            )
        )

    def reload_meeting(self, meeting_id: str) -> None:
        try:
            self.session.reload_meeting(meeting_id)
        except MeetingkitError as error:
            self.mk.report(error)
        self.sync()
