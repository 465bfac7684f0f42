"""What every mode's screen shares: header, mode bar, footer, a plain-words
help text, and redrawing when the workspace changed while it was hidden."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, ClassVar

from textual.app import ComposeResult
from textual.screen import Screen
from textual.widgets import Footer, Header, Input, TextArea

from ...errors import MeetingkitError
from ...model import Answer, Meeting
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

    def save_meeting(self, meeting: Meeting) -> bool:
        """Save a changed copy of a meeting; on a conflict, offer to reload it."""
        if not self.mk.attempt(
            lambda: self.session.save_meeting(meeting), lambda: self.reload_meeting(meeting.id)
        ):
            return False
        self.sync()
        return True

    def save_answer(self, answer: Answer, base: Answer, reload: Callable[[], None]) -> bool:
        """Save ``answer``, edited from ``base``; what others saved to it meanwhile is
        merged in (and said so); on an overlap, offer ``reload``."""
        merged = False

        def write() -> None:
            nonlocal merged
            merged = self.session.save_answer(answer, base)

        if not self.mk.attempt(write, reload):
            return False
        if merged:
            self.notify(
                "This answer was also changed elsewhere (the command line, another organizer) "
                "since you opened it: their changes and yours are both saved.",
                title="Merged",
            )
        return True

    def reload_meeting(self, meeting_id: str) -> None:
        try:
            self.session.reload_meeting(meeting_id)
        except MeetingkitError as error:
            self.mk.report(error)
        self.sync()
