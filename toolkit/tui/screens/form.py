"""What every form shares: labelled fields with their errors shown as you
type, ctrl+s to save, escape to close (asking first if something changed)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, ClassVar, Generic, TypeVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.screen import ModalScreen
from textual.widget import Widget
from textual.widgets import Button, Footer, Input, Label, Select, Static, TextArea

from .base import steady_cursors
from .choice import Choice, Pick

if TYPE_CHECKING:
    from ..app import MeetingkitApp

T = TypeVar("T")


def field(label: str, widget: Widget, hint: str = "", compact: bool = True) -> ComposeResult:
    """A label, the field (one line where it can be), and its error or hint below."""
    yield Label(label, classes="field-label")
    if isinstance(widget, (Input, Select)):
        widget.compact = compact
    yield widget
    note = Static(hint, classes="field-error hint" if hint else "field-error", id=f"{widget.id}-error")
    note.display = bool(hint)
    yield note


def value_of(widget: Widget) -> Any:
    if isinstance(widget, TextArea):
        return widget.text
    if isinstance(widget, (Input, Select)):
        return widget.value
    return getattr(widget, "value", None)


class FormScreen(ModalScreen[T], Generic[T]):
    """Subclasses yield fields in ``compose_fields`` and build the result in ``submit``."""

    TITLE_TEXT: str = ""
    AUTO_FOCUS = "Input, TextArea, Select, DataTable, RadioSet"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("ctrl+s", "save", "Save", id="form.save", priority=True),
        Binding("escape", "cancel", "Close", id="form.cancel"),
    ]

    def __init__(self) -> None:
        super().__init__(classes="dialog")
        self._initial: dict[str, Any] = {}
        self.kept = False

    @property
    def mk(self) -> MeetingkitApp:
        return self.app  # type: ignore[return-value]

    def compose(self) -> ComposeResult:
        with VerticalScroll(classes="form-box", can_focus=False):
            yield Static(self.TITLE_TEXT, classes="dialog-title")
            with Vertical(classes="form-fields"):
                yield from self.compose_fields()
            with Horizontal(classes="dialog-buttons"):
                yield Button("Save (ctrl+s)", id="form-save", variant="primary", compact=True)
                yield Button("Close (esc)", id="form-cancel", compact=True)
        yield Footer()

    def compose_fields(self) -> ComposeResult:
        yield from ()

    def on_mount(self) -> None:
        steady_cursors(self)
        self._initial = self.snapshot()

    def snapshot(self) -> dict[str, Any]:
        return {w.id: value_of(w) for w in self.query("Input, TextArea, Select, Checkbox, Switch") if w.id}

    def changed(self) -> bool:
        return self.snapshot() != self._initial

    def unsaved(self) -> list[str]:
        return [f"the form “{self.TITLE_TEXT}”"] if self.changed() and not self.kept else []

    def save_all(self) -> bool:
        result = self.submit()
        if result is None:
            return False
        self.keep(result)
        return True

    def keep(self, result: T) -> None:
        """Take the result and close. A form that writes its result to disk overrides
        this to write it in a worker and close once it is saved (the typed form stays
        open if the save is refused); it then calls ``kept_as``."""
        self.kept_as(result)

    def kept_as(self, result: T) -> None:
        self.kept = True
        self.dismiss(result)

    def on_input_changed(self, event: Input.Changed) -> None:
        if event.input.id is None or event.validation_result is None:
            return
        error = self.query_one(f"#{event.input.id}-error", Static)
        if not event.validation_result.is_valid:
            error.set_class(False, "hint")
            error.update("; ".join(event.validation_result.failure_descriptions))
            error.display = True
        elif not error.has_class("hint"):
            error.display = False

    def any_invalid(self) -> bool:
        """Validate every input now (also the ones never touched)."""
        results = [widget.validate(widget.value) for widget in self.query(Input)]
        return any(result is not None and not result.is_valid for result in results)

    def submit(self) -> T | None:
        """Check and save; return the result to close with, or None to stay open."""
        raise NotImplementedError

    def action_save(self) -> None:
        if self.any_invalid():
            self.notify("Some fields need fixing first (shown in red).", severity="error")
            return
        result = self.submit()
        if result is not None:
            self.keep(result)

    def action_cancel(self) -> None:
        if not self.changed():
            self.dismiss(None)
            return
        self.app.push_screen(
            Choice(
                "Close without saving?",
                "You changed this form. Closing now drops those changes.",
                [
                    Pick("k", "Keep editing", "keep", "primary"),
                    Pick("d", "Drop changes", "drop", "error"),
                ],
            ),
            self._dropped,
        )

    def _dropped(self, choice: str | None) -> None:
        if choice == "drop":
            self.dismiss(None)

    def on_button_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        if event.button.id == "form-save":
            self.action_save()
        elif event.button.id == "form-cancel":
            self.action_cancel()
