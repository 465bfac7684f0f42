"""Create or edit a meeting in a form that checks each field as you type by
the same rules the store reads files with. Private notes autosave."""

from __future__ import annotations

from copy import deepcopy
from datetime import timedelta

from textual.app import ComposeResult
from textual.widgets import Input, Select, TextArea

from ...actions.session import Session
from ...errors import MeetingkitError
from ...model import LANGUAGES, Meeting, Text, text_in, with_text
from ..saving import SaveJob
from ..validators import Checked, parse_date, parse_minutes, parse_time
from ..widgets.autosaver import Autosaver
from .form import FormScreen, field

TEXT_FIELDS = (
    ("location", "Place", "building, room and street address"),
    ("agenda_item", "Agenda item you comment on", "e.g. public comment"),
    ("signup", "How to sign up to speak", "e.g. with the clerk before the meeting starts"),
)


def new_meeting(session: Session) -> Meeting:
    """A blank meeting that starts from the last one's place and rules."""
    last = session.meetings[-1] if session.meetings else None
    return Meeting(
        id="",
        body=session.settings.body,
        date=session.today + timedelta(days=14),
        time=last.time if last else "",
        location=last.location if last else "",
        agenda_item=last.agenda_item if last else "",
        minutes=last.minutes if last else 3,
        signup=last.signup if last else "",
        language=session.settings.languages[0] if session.settings.languages else "en",
    )


class MeetingForm(FormScreen[Meeting]):
    """Saves the meeting itself and dismisses with it."""

    def __init__(self, session: Session, meeting: Meeting | None = None) -> None:
        super().__init__()
        self.session = session
        self.is_new = meeting is None
        self.saving = False
        self.meeting = deepcopy(meeting) if meeting is not None else new_meeting(session)
        self.TITLE_TEXT = "New meeting" if self.is_new else f"Edit meeting {self.meeting.id}"
        langs = [self.meeting.language, *session.settings.languages]
        self.languages = list(dict.fromkeys(langs))
        """The meeting's language first, then the workspace's: a place or sign-up rule per language."""
        self.autosaver = Autosaver(
            self,
            session.autosave,
            ("meeting", self.meeting.id or "new"),
            lambda: {"notes": self.query_one("#mf-notes", TextArea).text},
            lambda: self.meeting.revision,
        )

    def compose_fields(self) -> ComposeResult:
        m = self.meeting
        yield from field(
            "Council or board",
            Input(m.body, placeholder="e.g. the county board or city council", id="mf-body"),
        )
        yield from field(
            "Date (YYYY-MM-DD)", Input(m.date.isoformat(), id="mf-date", validators=[Checked(parse_date)])
        )
        yield from field(
            "Time (HH:MM, 24-hour; may stay empty)",
            Input(m.time, placeholder="18:30", id="mf-time", validators=[Checked(parse_time, optional=True)]),
        )
        for name, label, example in TEXT_FIELDS:
            for lang in self.languages:
                suffix = f" ({lang})" if len(self.languages) > 1 else ""
                value = text_in(getattr(m, name), lang, m.language)
                wid = f"mf-{name}" if lang == m.language else f"mf-{name}-{lang}"
                yield from field(label + suffix, Input(value, placeholder=example, id=wid))
        yield from field(
            "Minutes per speaker",
            Input(f"{m.minutes:g}", id="mf-minutes", validators=[Checked(parse_minutes)]),
            "Time cannot be pooled: each speaker gets this much.",
        )
        yield from field(
            "Language of the testimony",
            Select(
                [(lang, lang) for lang in LANGUAGES], value=m.language, allow_blank=False, id="mf-language"
            ),
        )
        yield from field(
            "Private notes (never printed unless asked for)",
            TextArea(m.notes, id="mf-notes", soft_wrap=True),
            "Autosaved while you type.",
        )

    def on_mount(self) -> None:
        super().on_mount()
        self.autosaver.offer({"notes": self.meeting.notes}, self.restore)

    def restore(self, fields: dict[str, str], base_revision: str | None) -> None:
        self.query_one("#mf-notes", TextArea).text = fields.get("notes", "")

    def on_text_area_changed(self, event: TextArea.Changed) -> None:
        if event.text_area.id == "mf-notes":
            self.autosaver.touch()

    def submit(self) -> Meeting | None:
        body = self.query_one("#mf-body", Input).value.strip()
        if not body:
            self.notify("Name the council or board.", severity="error")
            return None
        m = deepcopy(self.meeting)
        m.body = body
        m.date = parse_date(self.query_one("#mf-date", Input).value)
        m.time = parse_time(self.query_one("#mf-time", Input).value)
        home = self.meeting.language
        m.minutes = parse_minutes(self.query_one("#mf-minutes", Input).value)
        m.language = str(self.query_one("#mf-language", Select).value)
        for name, _, _ in TEXT_FIELDS:
            value: Text = ""
            for lang in self.languages:
                wid = f"#mf-{name}" if lang == home else f"#mf-{name}-{lang}"
                value = with_text(value, lang, m.language, self.query_one(wid, Input).value.strip())
            setattr(m, name, value)
        m.notes = self.query_one("#mf-notes", TextArea).text.strip()
        return m

    def keep(self, result: Meeting) -> None:
        """Write the meeting in a worker (a new one under the next free id for its day and
        body); the form closes once it is saved."""
        session = self.session
        if self.saving:
            self.notify("Still saving: wait a moment.")
            return
        self.saving = True

        def refused() -> None:
            self.saving = False

        def saved(meeting: Meeting) -> None:
            session.put_meeting(meeting)
            self.autosaver.clear()
            self.kept_as(meeting)

        write = session.add_meeting if self.is_new else session.write_meeting
        self.mk.saver.save(
            SaveJob(
                "the new meeting" if self.is_new else f"the meeting {result.id}",
                lambda: write(result),
                done=saved,
                reload=self._reload,
                failed=refused,
                listed=False,
            )
        )

    def _reload(self) -> None:
        try:
            self.session.reload_meeting(self.meeting.id)
        except MeetingkitError as error:
            self.mk.report(error)
        self.autosaver.clear()
        self.dismiss(None)
