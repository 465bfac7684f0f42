"""The terminal app: the whole job, before, at and after the meeting, keyboard-first.

The first frame is a loading screen; the workspace is read in a worker thread
and arrives as a message, so a slow disk never freezes the terminal. Each step
of the job is a Textual mode with its own screen (imported when first needed).
Every binding has an id, so ``keymap:`` in the workspace settings can move any
key that clashes with a terminal or tmux. Errors users can act on
(MeetingkitError) become notifications, never tracebacks.
"""

from __future__ import annotations

import gc
import importlib
import os
import threading
from collections.abc import Callable, Iterator
from contextlib import suppress
from datetime import date
from pathlib import Path, PurePath
from typing import ClassVar

from textual import work
from textual.app import App, ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Center, Vertical
from textual.content import Content
from textual.message import Message
from textual.screen import Screen
from textual.widgets import Footer, Header, LoadingIndicator, Static

from ..actions.session import Fresh, Session
from ..errors import ConflictError, MeetingkitError, WorkspaceMissing
from ..model import Settings
from .commands import ActionsProvider
from .keys import read_escape_digit_as_alt
from .modes import BY_NAME, START, Mode
from .modes import MODES as STEPS
from .print_tasks import PrintDone, PrintFailed
from .saving import Saver
from .screens.base import ModeScreen
from .screens.choice import Choice, Pick

EXIT_AFTER_ENV = "MEETINGKIT_EXIT_AFTER"
"""``first-frame`` or ``ready``: quit as soon as that is on screen (for bench/).
With ``first-frame`` the workspace is never read: reading starts after it."""


def _mode_screen(mode: Mode) -> Callable[[], Screen]:
    def make() -> Screen:
        module = importlib.import_module(f"{__package__}.screens.{mode.module}")
        return getattr(module, mode.screen)()

    return make


class WorkspaceLoaded(Message):
    def __init__(self, session: Session) -> None:
        super().__init__()
        self.session = session


class WorkspaceFailed(Message):
    def __init__(self, error: MeetingkitError) -> None:
        super().__init__()
        self.error = error


def keep_for_good(generation: int) -> None:
    """Take what lives as long as the app out of the cyclic collector's way.

    Every full collection rescans whatever is tracked: after a coalition's
    workspace is read, 0.1-0.2 s in which the screen cannot change, at moments
    Python chooses (a filter key, a scroll) and again at exit (quitting took
    0.7 s instead of 0.3). Records hold no cycles, so freezing them loses
    nothing: each is still freed when nothing refers to it. Garbage is
    collected first (up to ``generation``), so none of it is kept for good.
    """
    gc.collect(generation)
    gc.freeze()


class MeetingkitApp(App[int]):
    TITLE = "meetingkit"
    CSS_PATH: ClassVar[list[str | PurePath]] = ["app.tcss", *(f"screens/{m.module}.tcss" for m in STEPS)]
    """One stylesheet per mode, beside its module, all read once at start-up:
    a screen's own CSS_PATH would make Textual re-parse styles on mode switches."""
    MODES: ClassVar[dict[str, str | Callable[[], Screen]]] = {m.name: _mode_screen(m) for m in STEPS}
    COMMANDS = App.COMMANDS | {ActionsProvider}
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("f1,question_mark", "help", "Help", id="app.help"),
        Binding("ctrl+q", "quit", "Quit", id="app.quit", priority=True),
        *(Binding(m.key, f"mode('{m.name}')", m.title, id=f"mode.{m.name}", show=False) for m in STEPS),
        *(
            Binding(
                f"alt+{m.key}", f"mode('{m.name}')", m.title, id=f"mode.{m.name}", show=False, priority=True
            )
            for m in STEPS
        ),
        Binding("ctrl+g", "choose_meeting", "Meeting", id="app.meeting"),
        Binding("f3", "settings", "Settings", id="app.settings", show=False),
        Binding("f4", "problems", "Problems", id="app.problems", show=False),
        Binding("f5", "reload", "Reload from disk", id="app.reload", show=False),
        Binding("r", "retry", "Try again", id="app.retry"),
    ]
    """alt+digit too, before any text field sees it (it carries the digit as its
    character, which a field would type): escape and a digit typed quickly reach
    the app as alt+digit (see keys.read_escape_digit_as_alt), and "escape, then
    the mode's number" is how a text field is left for a mode."""
    NEEDS_SESSION = frozenset({"mode", "choose_meeting", "settings", "problems", "reload"})

    def __init__(
        self, root: Path, as_of: date | None = None, exit_after: str | None = None, own_process: bool = False
    ) -> None:
        read_escape_digit_as_alt(m.key for m in STEPS)
        super().__init__()
        self.root = Path(root)
        self.today = as_of or date.today()
        self.exit_after = exit_after
        self.own_process = own_process
        """The app is the whole process (``run``), not one of many in a test run:
        what it reads may then stay out of the garbage collector's way for good."""
        self.session: Session | None = None
        self.failed: MeetingkitError | None = None
        self.ready = False
        """True once the workspace is open and its first mode is on screen."""
        self.user_keymap: dict[str, str] = {}
        self._asking_to_quit = False
        self._settings_next = False
        self.saver = Saver(self)

    # --- start-up ------------------------------------------------------------

    def compose(self) -> ComposeResult:
        yield Header(icon="≡")
        with Center(id="loading-box"), Vertical():
            yield LoadingIndicator()
            yield Static(f"Opening the workspace in {self.root} …", id="loading-text", markup=False)
        yield Footer()

    def on_mount(self) -> None:
        if self.exit_after == "first-frame":
            self.call_after_refresh(self.exit, 0)
            return
        # Start reading once the first frame is out (callbacks after a refresh
        # run when the screen is painted), so the reading thread does not
        # compete with drawing it.
        self.call_after_refresh(self.load_workspace)

    def load_workspace(self) -> None:
        """Read the workspace in a daemon thread, which quitting does not wait for.

        A Textual thread worker runs in asyncio's default executor, which is
        joined on exit: quitting during a cold read of a large workspace
        waited seconds for it. Reading changes nothing but the derived cache
        (replaced atomically, rebuilt when missing), so it can be dropped.
        """
        threading.Thread(target=self._open_in_thread, name="meetingkit-load", daemon=True).start()

    def _open_in_thread(self) -> None:
        try:
            from .keys import known_binding_ids

            session = Session.open(self.root, self.today)
            known_binding_ids()  # imports every screen, here rather than on the first key press
            if self.own_process:
                keep_for_good(2)  # the records, while the loading screen shows
        except MeetingkitError as error:
            self._from_thread(WorkspaceFailed(error))
        except Exception as error:  # the thread's edge: said on screen, never as a traceback
            self._from_thread(WorkspaceFailed(MeetingkitError(f"cannot read {self.root}: {error}")))
        else:
            self._from_thread(WorkspaceLoaded(session))

    def _from_thread(self, message: Message) -> None:
        """Post from a thread; an app that closed meanwhile has nobody to tell."""
        with suppress(RuntimeError):  # its event loop is already closed
            self.post_message(message)

    async def on_workspace_loaded(self, message: WorkspaceLoaded) -> None:
        self.session = message.session
        self.failed = None
        self.apply_keymap(self.session.settings)
        self.show_meeting()
        await self.switch_mode(START)
        if self.own_process:
            self.call_after_refresh(keep_for_good, 1)  # the first mode's screen; older garbage is gone
        self.ready = True
        if self.session.problems:
            count = len(self.session.problems)
            self.notify(
                f"{count} file{'s' if count != 1 else ''} could not be read and "
                f"{'are' if count != 1 else 'is'} left out. Press F4 to see which and why.",
                title="Some files have problems",
                severity="warning",
                timeout=10,
            )
        if self._settings_next:
            self._settings_next = False
            self.action_settings()
        if self.exit_after == "ready":
            self.call_after_refresh(self.exit, 0)

    def on_workspace_failed(self, message: WorkspaceFailed) -> None:
        if isinstance(message.error, WorkspaceMissing):
            from .screens.welcome import WelcomeScreen

            self.push_screen(WelcomeScreen(self.root), self.create_workspace)
            return
        self.failed = message.error
        self.query_one("#loading-text", Static).update(
            f"The workspace cannot be opened:\n\n{message.error}\n\n"
            "Fix that file in any editor, then press r to try again (ctrl+q quits)."
        )
        self.query_one(LoadingIndicator).display = False
        self.refresh_bindings()

    def action_retry(self) -> None:
        self.failed = None
        self.query_one(LoadingIndicator).display = True
        self.query_one("#loading-text", Static).update(f"Opening the workspace in {self.root} …")
        self.refresh_bindings()
        self.load_workspace()

    def create_workspace(self, kind: str | None) -> None:
        self._settings_next = kind == "empty"
        self.query_one("#loading-text", Static).update(f"Creating the workspace in {self.root} …")
        self.make_workspace(kind or "empty")

    @work(thread=True, exclusive=True, group="load", exit_on_error=False)
    def make_workspace(self, kind: str) -> None:
        from ..actions.workspace import create_workspace

        try:
            create_workspace(self.root, None, example=kind == "demo", today=self.today)
        except MeetingkitError as error:
            self.post_message(WorkspaceFailed(error))
            return
        self._open_in_thread()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action in self.NEEDS_SESSION:
            return self.session is not None
        if action == "retry":
            return self.session is None and self.failed is not None
        return True

    # --- keys ----------------------------------------------------------------

    def apply_keymap(self, settings: Settings) -> None:
        """Use the workspace's ``keymap:``; an id nobody binds is reported, not ignored."""
        from .keys import known_binding_ids

        unknown = sorted(set(settings.keymap) - known_binding_ids())
        self.user_keymap = {k: v for k, v in settings.keymap.items() if k not in unknown}
        self.set_keymap(self.user_keymap)
        if unknown:
            self.notify(
                f"keymap in meetingkit.yaml names no binding: {', '.join(unknown)}. "
                "The help screen (F1) lists every id.",
                title="Keymap",
                severity="warning",
                timeout=10,
                markup=False,
            )

    def mode_keys(self) -> dict[str, str]:
        """The key shown on each mode's tab, after the keymap."""
        keys = {}
        for mode in STEPS:
            chosen = self.user_keymap.get(f"mode.{mode.name}", mode.key).split(",")[0].strip()
            keys[mode.name] = self.get_key_display(Binding(chosen, ""))
        return keys

    # --- actions everywhere ----------------------------------------------------

    async def action_mode(self, name: str) -> None:
        if self.session is not None and name in BY_NAME:
            await self.switch_mode(name)
            screen = self.screen
            if isinstance(screen, ModeScreen):
                screen.arrive()

    async def run_in_mode(self, name: str, action: str) -> None:
        """Go to a mode and run one of its actions (the command palette's way in)."""
        await self.action_mode(name)
        await self.screen.run_action(action)

    def action_help(self) -> None:
        from .screens.help import HelpScreen, help_text

        screen = self.screen
        if isinstance(screen, ModeScreen):
            mode = BY_NAME[screen.MODE]
            text = help_text(mode.title, mode.purpose, screen.HELP, screen)
        else:
            text = help_text("meetingkit", "the whole job", GENERAL_HELP, screen)
        self.push_screen(HelpScreen(text))

    def action_choose_meeting(self) -> None:
        from .screens.meeting_picker import MeetingPicker

        if self.session is None:
            return
        if not self.session.meetings:
            self.notify("No meetings yet: plan one in Meeting mode (press n there).", severity="warning")
            return
        self.push_screen(MeetingPicker(self.session), self.open_meeting)

    def open_meeting(self, meeting_id: str | None) -> None:
        if meeting_id and self.session is not None:
            self.session.select(meeting_id)
            self.show_meeting()

    def show_meeting(self) -> None:
        """Name the meeting being worked on in the header, and redraw for it."""
        session = self.session
        if session is None:
            return
        current = session.current
        self.sub_title = session.label(current) if current else "no meeting yet"
        screen = self.screen
        if isinstance(screen, ModeScreen):
            screen.sync()

    def format_title(self, title: str, sub_title: str) -> Content:
        """ "meetingkit  ·  the meeting you work on", the meeting in plain text."""
        if not sub_title:
            return Content.styled(title, "bold")
        return Content.assemble((title, "bold"), "  ·  ", sub_title)

    def action_settings(self) -> None:
        from .screens.settings_form import SettingsForm

        if self.session is not None:
            self.push_screen(SettingsForm(self.session), lambda _: self.show_meeting())

    def action_problems(self) -> None:
        from .screens.problems import ProblemsScreen

        if self.session is not None:
            self.push_screen(ProblemsScreen(self.session))

    def action_reload(self) -> None:
        """Read the workspace again, for changes made by another editor or organizer."""
        if self.session is None:
            return
        pending = self.unsaved() or (["the saves still being written"] if self.saver.busy else [])
        if pending:
            self.notify(
                "Save or discard these first: " + "; ".join(pending),
                title="Not reloaded",
                severity="warning",
                markup=False,
            )
            return
        self.read_again(self.session)

    @work(thread=True, exclusive=True, group="reload", exit_on_error=False)
    def read_again(self, session: Session) -> None:
        """Read every file in a worker; the app keeps what it holds until the reading is done."""
        try:
            fresh = session.read_fresh()
        except MeetingkitError as error:
            self.call_from_thread(self.report, error)
            return
        self.call_from_thread(self.took_fresh, session, fresh)

    def took_fresh(self, session: Session, fresh: Fresh) -> None:
        session.take(fresh)
        self.show_meeting()
        self.notify("Read the workspace again from disk.")

    def on_print_done(self, message: PrintDone) -> None:
        self.notify(f"{message.summary}\nWrote {message.path}", title="Printed", timeout=12, markup=False)

    def on_print_failed(self, message: PrintFailed) -> None:
        self.report(message.error, title="Not printed")

    # --- errors ----------------------------------------------------------------

    def shorten(self, text: str) -> str:
        """Paths inside the workspace are shown relative to it."""
        return text.replace(str(self.root) + os.sep, "")

    def report(self, error: MeetingkitError, title: str = "Not done") -> None:
        self.notify(self.shorten(str(error)), title=title, severity="error", timeout=12, markup=False)

    def offer_reload(self, error: ConflictError, reload: Callable[[], None]) -> None:
        """A save refused because the file changed on disk: say so, offer to reload."""
        self.push_screen(
            Choice(
                "Changed on disk: nothing was written",
                f"{self.shorten(str(error))}\n\nSomeone (another organizer, an editor, "
                "git) changed this file since you opened it. Reload to see their version; "
                "yours is then lost, so copy anything you need first. Or keep yours on screen "
                "and decide later.",
                [
                    Pick("r", "Reload from disk", "reload", "warning"),
                    Pick("k", "Keep mine on screen", "keep", "primary"),
                ],
            ),
            lambda choice: reload() if choice == "reload" else None,
        )

    # --- quitting --------------------------------------------------------------

    def editors(self) -> Iterator[Screen]:
        """Every open screen that may hold edits: the modes and the forms on them."""
        for mode in STEPS:
            try:
                stack = self.get_screen_stack(mode.name)
            except KeyError:
                continue
            yield from (screen for screen in stack if hasattr(screen, "unsaved"))

    def unsaved(self) -> list[str]:
        on_screen = [item for screen in self.editors() for item in screen.unsaved()]  # type: ignore[attr-defined]
        return [*on_screen, *(f"{what} (refused: not saved)" for what in self.saver.failed)]

    def save_all(self) -> bool:
        """Queue every unsaved edit (and try again what was refused); False if a form cannot
        be saved as it is."""
        self.saver.retry_failed()
        return all([screen.save_all() for screen in self.editors()])  # type: ignore[attr-defined]

    async def action_quit(self) -> None:
        """Quit once every save has landed; ask first about edits that are not saved."""
        if self.saver.busy:
            self.notify("Finishing the saves first…", timeout=3)
            self.saver.when_idle(lambda: self.call_later(self.action_quit))
            return
        pending = self.unsaved()
        if not pending:
            self.exit(0)
            return
        if self._asking_to_quit:
            return
        self._asking_to_quit = True

        def quit_if_saved() -> None:
            if not self.unsaved():
                self.exit(0)

        def answer(choice: str | None) -> None:
            self._asking_to_quit = False
            if choice == "quit":
                self.exit(0)
            elif choice == "save" and self.save_all():
                self.saver.when_idle(quit_if_saved)

        listing = "\n".join(f"• {item}" for item in pending)
        self.push_screen(
            Choice(
                "Quit with unsaved changes?",
                f"Not saved yet:\n{listing}\n\nTyped drafts also stay in the autosave folder "
                "and are offered again next time.",
                [
                    Pick("s", "Save and quit", "save", "primary"),
                    Pick("d", "Quit without saving", "quit", "error"),
                    Pick("c", "Keep working", "stay"),
                ],
            ),
            answer,
        )


GENERAL_HELP = """\
meetingkit opens a workspace (a folder of plain YAML and Markdown files) and
lets you do the whole job in one place. The number keys switch between the
steps: 1 Questions, 2 Meeting, 3 Testimony, 4 Answers, 5 Promises, 6 Print,
7 Requests (in a text field, press escape first: there the numbers are typed).
"""


def run(root: Path) -> int:
    """Open the app on the workspace at ``root``; returns the exit status."""
    app = MeetingkitApp(root, exit_after=os.environ.get(EXIT_AFTER_ENV) or None, own_process=True)
    app.run()
    return app.return_code or 0
