"""Draft a public records request from a meeting: the same choices as
``meetingkit request draft`` (the meeting, the questions whose records to ask
for, the law, the letter's language, the agency, the letter's date and the
records' dates), each field checked by the model's own declaration of it.

Saving runs in a worker (the store's lock may wait); the form stays open,
with nothing written, when the request cannot be drafted, and says why.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from functools import partial
from typing import TYPE_CHECKING

from rich.segment import Segment
from textual import work
from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.strip import Strip
from textual.widgets import Input, Select, SelectionList, Static
from textual.widgets.option_list import OptionDoesNotExist

from ... import codec
from ...actions.requests import Drafted
from ...errors import MeetingkitError, one_line
from ...model import LANGUAGES, Request
from ..validators import Checked
from .form import FormScreen, field

if TYPE_CHECKING:
    from ...actions.requests import DraftChoices, MeetingChoice
    from ...actions.session import Session

DATES = (
    ("rd-on", "drafted", "The letter's date"),
    ("rd-from", "records_from", "Records from"),
    ("rd-to", "records_to", "Records to"),
)
"""(field id, the Request field that checks it, its name in messages)."""


def parse(name: str, text: str) -> date:
    """A date typed in the form, checked by the request's own declaration of ``name``."""
    value: date = codec.field(Request, name, text)
    return value


class TickList(SelectionList[str]):
    """A list to tick, whose mark says ticked or not (X or blank), not its colour only."""

    def render_line(self, y: int) -> Strip:
        strip = super().render_line(y)
        try:
            option = self.get_option_at_index(self.scroll_offset.y + y)
        except OptionDoesNotExist:
            return strip
        segments = list(strip)
        if option.value in self.selected or len(segments) < 2:
            return strip
        segments[1] = Segment(" " * len(segments[1].text), segments[1].style)
        return Strip(segments, strip.cell_length)


@dataclass(frozen=True)
class Wanted:
    """What the form asks ``actions.requests.draft_request`` for (None: the command line's default)."""

    meeting: str
    questions: list[str]
    on: date
    law_id: str
    lang: str
    agency: str | None
    records_from: date | None
    records_to: date | None


class RequestForm(FormScreen[Drafted]):
    """Saves the request and its letter, then dismisses with what was drafted."""

    TITLE_TEXT = "New records request"

    def __init__(self, session: Session, choices: DraftChoices, meeting_id: str | None) -> None:
        super().__init__()
        self.session = session
        self.choices = choices
        ids = [c.meeting.id for c in choices.meetings]
        self.meeting_id = meeting_id if meeting_id in ids else (ids[0] if ids else None)
        self.saving = False

    def choice(self) -> MeetingChoice | None:
        return next((c for c in self.choices.meetings if c.meeting.id == self.meeting_id), None)

    def compose_fields(self) -> ComposeResult:
        chosen = self.choice()
        yield from field(
            "From the meeting",
            Select(
                [(one_line(self.session.label(c.meeting)), c.meeting.id) for c in self.choices.meetings],
                value=self.meeting_id if self.meeting_id else Select.NULL,
                allow_blank=self.meeting_id is None,
                id="rd-meeting",
            ),
            "" if chosen else "No meeting yet: plan one in Meeting mode (2) first.",
        )
        yield from field(
            "Questions whose records to ask for (space ticks one)",
            TickList(id="rd-questions"),
            "Ticked: the questions officials deflected, declined or answered in part.",
        )
        state = self.choices.state_law
        yield from field(
            "Law",
            Select(
                [(one_line(f"{law.id} · {law.name}"), law.id) for law in self.choices.laws],
                value=state if state else Select.NULL,
                allow_blank=state is None,
                id="rd-law",
            ),
            "The law of the settings' state." if state else one_line(self.choices.no_state_law),
        )
        yield from field(
            "The letter's language",
            Select(
                [(lang, lang) for lang in LANGUAGES], value=self.language(), allow_blank=False, id="rd-lang"
            ),
        )
        yield from field("Agency", Input(id="rd-agency"), "Empty: the agency in the settings.")
        today = self.session.today
        yield from field(
            "The letter's date (YYYY-MM-DD)",
            Input(today.isoformat(), id="rd-on", validators=[Checked(partial(parse, "drafted"))]),
        )
        yield from field(
            "Records created or received from (YYYY-MM-DD)",
            Input(id="rd-from", validators=[Checked(partial(parse, "records_from"), optional=True)]),
            "Empty: January 1 of the year before the letter's date.",
        )
        yield from field(
            "… to (YYYY-MM-DD)",
            Input(id="rd-to", validators=[Checked(partial(parse, "records_to"), optional=True)]),
            "Empty: the letter's date.",
        )
        yield Static("", id="rd-saving")

    def language(self) -> str:
        chosen = self.choice()
        lang = chosen.meeting.language if chosen else "en"
        return lang if lang in LANGUAGES else "en"

    def on_mount(self) -> None:
        self.show_questions()
        self.show_agency()
        super().on_mount()
        # Focus starts on the first field: keep its label in view (the list filled in above scrolls it).
        self.call_after_refresh(self.query_one(VerticalScroll).scroll_home, animate=False)

    def show_questions(self) -> None:
        """The chosen meeting's questions, the dodged ones ticked."""
        box = self.query_one("#rd-questions", TickList)
        box.clear_options()
        chosen = self.choice()
        if chosen is None:
            return
        box.add_options(
            [(one_line(f"{qid}: {text}")[:200], qid, qid in chosen.dodged) for qid, text in chosen.questions]
        )

    def show_agency(self) -> None:
        lang = str(self.query_one("#rd-lang", Select).value)
        default = self.choices.agency.get(lang, "")
        self.query_one("#rd-agency", Input).placeholder = (
            one_line(default) if default else "the agency's full name"
        )

    def on_select_changed(self, event: Select.Changed) -> None:
        if event.select.id == "rd-meeting" and event.value != Select.NULL:
            self.meeting_id = str(event.value)
            self.show_questions()
            self.query_one("#rd-lang", Select).value = self.language()
        elif event.select.id == "rd-lang":
            self.show_agency()

    def action_save(self) -> None:
        """As every form saves, but naming the fields to fix."""
        bad = [name for wid, _, name in DATES if not self.valid(wid)]
        if bad:
            self.notify(f"Fix {' and '.join(bad)} first (shown in red).", severity="error", markup=False)
            return
        self.submit()

    def valid(self, wid: str) -> bool:
        box = self.query_one(f"#{wid}", Input)
        result = box.validate(box.value)
        return result is None or result.is_valid

    def submit(self) -> None:
        """Start saving in a worker; the form closes once the request is drafted."""
        wanted = self.wanted()
        if wanted is None or self.saving:
            return
        self.saving = True
        self.query_one("#rd-saving", Static).update("Saving…")
        self.save(wanted)

    def wanted(self) -> Wanted | None:
        if self.meeting_id is None:
            self.notify("Plan a meeting first: a request comes from a meeting's questions.", severity="error")
            return None
        questions = list(self.query_one("#rd-questions", TickList).selected)
        if not questions:
            self.notify("Tick at least one question whose records to ask for.", severity="error")
            return None
        law = self.query_one("#rd-law", Select).value
        if law == Select.NULL:
            self.notify("Choose the law to ask under.", severity="error")
            return None
        dates = {name: self.query_one(f"#{wid}", Input).value.strip() for wid, name, _ in DATES}
        agency = self.query_one("#rd-agency", Input).value.strip()
        return Wanted(
            meeting=self.meeting_id,
            questions=[str(q) for q in questions],
            on=parse("drafted", dates["drafted"]),
            law_id=str(law),
            lang=str(self.query_one("#rd-lang", Select).value),
            agency=codec.field(Request, "agency", agency) if agency else None,
            records_from=parse("records_from", dates["records_from"]) if dates["records_from"] else None,
            records_to=parse("records_to", dates["records_to"]) if dates["records_to"] else None,
        )

    @work(thread=True, group="request-draft", exit_on_error=False)
    def save(self, wanted: Wanted) -> None:
        try:
            drafted = self.session.draft_request(
                wanted.meeting,
                wanted.questions,
                on=wanted.on,
                lang=wanted.lang,
                agency=wanted.agency,
                law_id=wanted.law_id,
                records_from=wanted.records_from,
                records_to=wanted.records_to,
            )
        except MeetingkitError as error:
            self.app.call_from_thread(self.refused, error)
            return
        self.app.call_from_thread(self.dismiss, drafted)

    def refused(self, error: MeetingkitError) -> None:
        self.saving = False
        self.query_one("#rd-saving", Static).update("")
        self.mk.report(error, "Not drafted")
