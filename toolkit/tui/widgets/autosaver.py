"""Keep an editor's text in the autosave folder while someone types: the first
change after a save starts a short timer, and when it fires the current text
is written by a worker thread, so typing never waits for the disk."""

from __future__ import annotations

from collections.abc import Callable
from functools import partial

from textual.dom import DOMNode
from textual.timer import Timer

from ...actions.autosave import Autosave
from ...errors import MeetingkitError


class Autosaver:
    def __init__(
        self,
        node: DOMNode,
        store: Autosave,
        key: tuple[str, ...],
        fields: Callable[[], dict[str, str]],
        base_revision: Callable[[], str | None],
    ) -> None:
        self.node = node
        self.store = store
        self.key = key
        self.fields = fields
        self.base_revision = base_revision
        self._timer: Timer | None = None

    def touch(self) -> None:
        """Something changed: write it within the interval (not on every key)."""
        if self._timer is None:
            interval = getattr(self.node.app, "autosave_interval", 2.0)
            self._timer = self.node.set_timer(interval, self.flush)

    def flush(self) -> None:
        self._timer = None
        self.hold(self.fields())

    def hold(self, fields: dict[str, str]) -> None:
        """Keep ``fields`` as the draft (written by a worker): what is being saved stays
        here until the save lands, and can be restored if it is refused."""
        if self._timer is not None:
            self._timer.stop()
            self._timer = None
        write = partial(self._write, fields, self.base_revision(), self.store.stamp())
        self.node.run_worker(write, thread=True, group="autosave", exit_on_error=False)

    def _write(self, fields: dict[str, str], base_revision: str | None, stamp: int) -> None:
        try:
            self.store.write(self.key, fields, base_revision, stamp)
        except MeetingkitError as error:
            app = self.node.app
            app.call_from_thread(app.notify, f"Autosave failed: {error}", severity="warning", markup=False)

    def offer(self, current: dict[str, str], restore: Callable[[dict[str, str], str | None], None]) -> None:
        """If an autosaved draft differs from what is saved, ask whether to restore it."""
        from ..screens.choice import Choice, Pick

        draft = self.store.read(*self.key)
        if draft is None:
            return
        if {k: v for k, v in draft.fields.items() if k in current} == current:
            self.store.clear(*self.key)
            return

        def answer(choice: str | None) -> None:
            if choice == "restore":
                restore(draft.fields, draft.base_revision)
            elif choice == "discard":
                self.clear()

        self.node.app.push_screen(
            Choice(
                "Restore the autosaved draft?",
                f"A draft autosaved at {draft.saved_at:%Y-%m-%d %H:%M} differs from what is saved: "
                "typed before a reload, or left when the app stopped without saving. Restore it "
                "to keep typing where you were (nothing is saved until you save).",
                [
                    Pick("r", "Restore the draft", "restore", "primary"),
                    Pick("d", "Discard the draft", "discard", "error"),
                ],
            ),
            answer,
        )

    def clear(self) -> None:
        """The real file now holds the text (or the user dropped it)."""
        if self._timer is not None:
            self._timer.stop()
            self._timer = None
        self.store.clear(*self.key)
