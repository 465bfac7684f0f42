"""The workspace settings, all of them: who you are and whom you ask (which
fill the ``{agency}``-style placeholders in every question and the handout's
footer), the names a bilingual handout prints for each language, the
officials, and the rest ``meetingkit settings show`` lists.

Each field is one dotted key of ``meetingkit settings set`` and is checked by
the same function (the model's declaration), so the message beside a wrong
field is the command line's. The officials are edited here and written with
the rest when the form is saved, in a worker: the store's lock can wait.
"""

from __future__ import annotations

from typing import Any, ClassVar

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.widget import Widget
from textual.widgets import Button, Checkbox, Input, Label, OptionList, Static
from textual.widgets.option_list import Option

from ... import codec
from ...actions.session import Session
from ...actions.settings import edited
from ...errors import ConflictError, MeetingkitError, UsageError
from ...model import PLACEHOLDERS, Official, Settings
from ...settings_keys import checked, value_of
from ..markup import literal
from ..validators import Checked
from ..widgets.marked_toggles import MarkedCheckbox
from .base import steady_cursors
from .choice import Choice, Pick
from .form import FormScreen, field
from .official_form import OfficialForm

WORKSPACE = (
    ("group", "Your group's name (printed on handouts)", "e.g. the name on your flyers"),
    ("agency", "The agency you ask about: fills {agency}", "e.g. the county sheriff's office"),
    ("jurisdiction", "Town or county: fills {jurisdiction}", "e.g. the county's or the town's name"),
    ("state", "State: fills {state}", "e.g. the state's full name"),
    ("body", "The council or board you speak to: fills {body}", "e.g. the county board or city council"),
    ("website", "Website, printed as a QR code", "https://…"),
    ("contact", "Contact line on handouts", "e.g. an email address or a phone number"),
    ("languages", "Languages for handouts, comma-separated (en, es or both)", "en, es"),
    ("wpm", "Speaking rate, words per minute (most people: 120-150)", "130"),
)
"""Placeholders say what goes in a field, never a value that could pass for one:
an example county's name in a real workspace reads as if it were already set."""

REST = (
    (
        "font",
        "Font file for printing, .ttf (empty: the one meetingkit ships)",
        "e.g. a .ttf file's path",
    ),
    (
        "closures",
        "Days the agencies are closed besides the state's holidays",
        "YYYY-MM-DD, comma-separated: records requests' clocks skip them",
    ),
)

PLACES = {
    "agency": "The agency",
    "jurisdiction": "Town or county",
    "state": "State",
    "body": "The council or board",
}


def field_id(key: str) -> str:
    """``names.es.agency`` → ``set-names-es-agency``."""
    return "set-" + key.replace(".", "-")


def official_line(official: Official) -> str:
    about = ", ".join(part for part in (official.title, official.role) if part)
    return official.name + (f" — {about}" if about else "")


class OfficialList(OptionList):
    """The officials, one a line: enter changes the one highlighted."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("a", "screen.add_official", "Add official", id="settings.official_add"),
        Binding("delete", "screen.remove_official", "Remove official", id="settings.official_remove"),
    ]


class SettingsForm(FormScreen[Settings]):
    TITLE_TEXT = "Workspace settings"
    CSS_PATH = "settings_form.tcss"

    def __init__(self, session: Session) -> None:
        super().__init__()
        self.session = session
        self.officials = list(session.settings.officials)
        self.keys: dict[str, str] = {}
        """Field id → the dotted key it sets."""
        self.saving = False
        self.quitting = False
        """Saved from the quit question: ask to quit again once written."""

    # --- the fields ------------------------------------------------------------

    def keyed(self, key: str, label: str, placeholder: str = "") -> ComposeResult:
        """A field for one dotted key, checked as ``settings set`` checks it."""
        wid = field_id(key)
        self.keys[wid] = key
        yield from field(
            label,
            Input(
                value_of(self.session.settings, key),
                placeholder=placeholder,
                id=wid,
                validators=[Checked(lambda text: checked(self.session.settings, key, text))],
            ),
        )

    def compose_fields(self) -> ComposeResult:
        s = self.session.settings
        self.keys = {}
        yield Static(
            "Who you are and whom you ask. These fill the {agency}-style blanks in every "
            "question and the handout's footer. Fill in what you know; F3 opens this again.",
            classes="hint",
            markup=False,
        )
        yield Static("The workspace", classes="form-section")
        for key, label, example in WORKSPACE:
            yield from self.keyed(key, label, example)
        yield Static("Names in each language", classes="form-section")
        yield Static(
            "What a handout prints for a reader of each language. Empty: the name above, as typed.",
            classes="hint",
            markup=False,
        )
        with Vertical(id="set-names"):
            for lang in dict.fromkeys([*s.languages, *s.names]):
                yield self.names_group(lang, shown=lang in s.languages)
        yield Static("Officials: whom you ask, who answers, who promised", classes="form-section")
        yield OfficialList(id="set-officials", markup=False, compact=True)
        with Horizontal(classes="official-buttons"):
            yield Button("Add (a)", id="official-add", compact=True)
            yield Button("Change (enter)", id="official-edit", compact=True)
            yield Button("Remove (delete)", id="official-remove", compact=True)
        yield Static("The rest", classes="form-section")
        for key, label, example in REST:
            yield from self.keyed(key, label, example)
        yield MarkedCheckbox("Cite ICE's 287(g) list for the agency", s.ice, id="set-ice", compact=True)
        yield Static("on the handout, in Questions, the report and follow-ups", classes="hint")
        yield Static(
            "Keys are moved under keymap: in meetingkit.yaml (F1 lists the ids).",
            classes="hint",
            markup=False,
        )

    def names_group(self, lang: str, shown: bool) -> Widget:
        widgets: list[Widget] = [Label(f"In {lang}", classes="names-lang")]
        for place in PLACEHOLDERS:
            widgets += self.keyed(
                f"names.{lang}.{place}",
                f"{PLACES[place]} in {lang}: fills {{{place}}}",
                "empty: the name above",
            )
        group = Vertical(*widgets, id=f"names-{lang}", classes="names-group")
        group.display = shown
        return group

    def on_mount(self) -> None:
        self.show_officials()
        # The first field takes the focus before the box has its height, which
        # scrolled the hint and the first label out of view.
        self.call_after_refresh(self.query_one(".form-box").scroll_home, animate=False)

    @on(Input.Changed, "#set-languages")
    def follow_languages(self, event: Input.Changed) -> None:
        """Show the names of exactly the languages typed (once they are valid)."""
        try:
            langs = checked(self.session.settings, "languages", event.value).languages
        except codec.Invalid:
            return
        box = self.query_one("#set-names", Vertical)
        for lang in langs:
            if not box.query(f"#names-{lang}"):
                box.mount(self.names_group(lang, shown=True))
                self.call_after_refresh(steady_cursors, self)
        for group in box.query(".names-group"):
            group.display = (group.id or "").removeprefix("names-") in langs

    # --- officials ---------------------------------------------------------------

    def show_officials(self, highlight: int | None = None) -> None:
        listing = self.query_one(OfficialList)
        if self.officials:
            listing.set_options(official_line(o) for o in self.officials)
            listing.highlighted = min(highlight or 0, len(self.officials) - 1)
        else:
            listing.set_options([Option("none yet: press a to add one", disabled=True)])

    def highlighted_official(self) -> Official | None:
        index = self.query_one(OfficialList).highlighted
        return self.officials[index] if self.officials and index is not None else None

    def roles(self) -> list[str]:
        return [role for question in self.session.bank.questions.values() for role in question.ask]

    def open_official(self, official: Official | None) -> None:
        index = self.officials.index(official) if official is not None else len(self.officials)

        def done(officials: list[Official] | None) -> None:
            if officials is not None:
                self.officials = officials
                self.show_officials(index)

        self.app.push_screen(OfficialForm(self.officials, official, self.roles()), done)

    def action_add_official(self) -> None:
        self.open_official(None)

    def action_edit_official(self) -> None:
        official = self.highlighted_official()
        if official is not None:
            self.open_official(official)

    def action_remove_official(self) -> None:
        official = self.highlighted_official()
        if official is None:
            return

        def answer(choice: str | None) -> None:
            if choice == "yes":
                self.officials = [o for o in self.officials if o is not official]
                self.show_officials()

        self.app.push_screen(
            Choice(
                literal(f"Remove {official.name}?"),
                f"{official_line(official)}\n\nThey leave the list of officials when you save "
                "the settings. Answers and promises that name them keep the name.",
                [Pick("y", "Remove", "yes", "error"), Pick("n", "Keep", "no", "primary")],
            ),
            answer,
        )

    @on(OptionList.OptionSelected, "#set-officials")
    def official_chosen(self) -> None:
        self.action_edit_official()

    @on(Button.Pressed, "#official-add")
    def add_pressed(self) -> None:
        self.action_add_official()

    @on(Button.Pressed, "#official-edit")
    def edit_pressed(self) -> None:
        self.action_edit_official()

    @on(Button.Pressed, "#official-remove")
    def remove_pressed(self) -> None:
        self.action_remove_official()

    # --- saving ------------------------------------------------------------------

    def snapshot(self) -> dict[str, Any]:
        return {**super().snapshot(), "officials": tuple(self.officials)}

    def submit(self) -> Settings | None:
        """Check every field and start the save; the worker closes the form once written."""
        if self.saving:
            return None
        values = {key: self.query_one(f"#{wid}", Input).value for wid, key in self.keys.items()}
        values["ice"] = "true" if self.query_one("#set-ice", Checkbox).value else "false"
        try:
            updated = edited(self.session.settings, values, self.officials)
        except codec.Invalid as error:
            self.show_error(field_id(str(error.path[0])), error.message)
            return None
        except UsageError as error:
            self.notify(str(error), title="Not saved", severity="error", markup=False)
            return None
        self.saving = True
        self.write(updated)
        return None

    def show_error(self, wid: str, message: str) -> None:
        note = self.query_one(f"#{wid}-error", Static)
        note.set_class(False, "hint")
        note.update(message)
        note.display = True
        self.query_one(f"#{wid}").focus()

    def save_all(self) -> bool:
        """From the quit question: save in the worker, which asks to quit again once
        written (so the app quits then, unless something else is still unsaved)."""
        self.action_save()
        self.quitting = self.saving
        return False

    @work(thread=True, group="settings-save", exit_on_error=False)
    def write(self, settings: Settings) -> None:
        try:
            saved = self.session.save_settings(settings)
        except MeetingkitError as error:
            self.app.call_from_thread(self.refused, error)
            return
        self.app.call_from_thread(self.saved, saved)

    def saved(self, settings: Settings) -> None:
        self.session.take_settings(settings)
        self.notify("Settings saved.")
        self.dismiss(settings)
        if self.quitting:
            self.mk.call_later(self.mk.action_quit)

    def refused(self, error: MeetingkitError) -> None:
        self.saving = self.quitting = False
        if isinstance(error, ConflictError):
            self.mk.offer_reload(error, self.reload)
        else:
            self.mk.report(error, title="Not saved")

    def reload(self) -> None:
        self.read_again()

    @work(thread=True, group="settings-read", exit_on_error=False)
    def read_again(self) -> None:
        """Take the settings as on disk (after a conflict): the form shows them instead."""
        try:
            fresh = self.session.read_settings()
        except MeetingkitError as error:
            self.app.call_from_thread(self.mk.report, error, "Not read")
            return
        self.app.call_from_thread(self.refill, fresh)

    def refill(self, fresh: Settings) -> None:
        self.session.take_settings(fresh)
        self.officials = list(fresh.officials)
        self.call_next(self.redraw)

    async def redraw(self) -> None:
        await self.recompose()
        steady_cursors(self)
        self.show_officials()
        self._initial = self.snapshot()
        self.query(Input).first().focus()
