"""The example workspace ``meetingkit init --demo`` builds for a newcomer.

A fictional county and sheriff's office: one commission meeting three weeks
ago with four questions split between two speakers, both testimony drafts,
answers of different kinds and three promises (kept, open, overdue), plus an
upcoming meeting to prepare. Dates are relative to ``today`` so the example
always shows one promise overdue.
"""

from __future__ import annotations

from datetime import date, timedelta

from . import testimony, tracker
from .bank import Bank
from .model import AgendaEntry, Meeting, Official, Settings, Testimony
from .store import Workspace


def settings() -> Settings:
    """The example's settings, a fresh copy each time (callers may change it)."""
    return Settings(
        group="Alder County Immigrant Rights Network",
        contact="info@example.org · (555) 010-0199",
        website="https://example.org/alder-rights",
        jurisdiction="Alder County",
        agency="the Alder County Sheriff's Office",
        state="Columbia",
        body="Alder County Board of Commissioners",
        officials=[
            Official(name="Dana Whitfield", title="Sheriff", role="sheriff"),
            Official(name="Luis Ortega", title="Chair, Board of Commissioners", role="county-commission"),
            Official(name="Priya Raman", title="County Attorney", role="county-attorney"),
        ],
        languages=["en", "es"],
        names={
            "es": {
                "agency": "la Oficina del Sheriff del Condado de Alder",
                "body": "la Junta de Comisionados del Condado de Alder",
            }
        },
    )


SPEAKERS = ("Maria Lopez", "James Carter")
SIGNUP = "Sign up with the clerk before 6:00 pm, in person or at the kiosk by the door."


def build(ws: Workspace, bank: Bank, today: date) -> list[str]:
    """Write the example into an initialised workspace; returns the meeting ids."""
    settings = ws.settings()
    held = today - timedelta(days=21)
    past = Meeting(
        id=ws.new_meeting_id(held, settings.body),
        body=settings.body,
        date=held,
        time="18:30",
        location="Alder County Courthouse, Room 101, 200 Main Street",
        agenda_item="Public comment (non-agenda items)",
        minutes=2,
        signup=SIGNUP,
        agenda=[
            AgendaEntry(question="287g-participation", speaker=SPEAKERS[0]),
            AgendaEntry(question="detainers-release-notification", speaker=SPEAKERS[0]),
            AgendaEntry(question="data-sharing", speaker=SPEAKERS[1]),
            AgendaEntry(question="federal-grant-conditions", speaker=SPEAKERS[1]),
        ],
        notes=(
            "Private: Commissioner Ortega's aide said off the record that the MOA renewal "
            "is on the spring agenda."
        ),
    )
    ws.save_meeting(past)
    upcoming_day = today + timedelta(days=12)
    upcoming = Meeting(
        id=ws.new_meeting_id(upcoming_day, settings.body),
        body=settings.body,
        date=upcoming_day,
        time="18:30",
        location=past.location,
        agenda_item="Public comment (non-agenda items)",
        minutes=2,
        signup=SIGNUP,
        agenda=[AgendaEntry(question="administrative-warrants"), AgendaEntry(question="sanctuary-policy")],
    )
    ws.save_meeting(upcoming)
    for speaker, hood in zip(SPEAKERS, ("Riverside", "Old Mill"), strict=True):
        text = testimony.draft(past, settings, bank, speaker, hood)
        ws.save_testimony(Testimony(meeting=past.id, speaker=speaker, text=text, neighbourhood=hood))
    _log_answers(ws, past, today)
    return [past.id, upcoming.id]


def _log_answers(ws: Workspace, meeting: Meeting, today: date) -> None:
    held = meeting.date
    source = f"Meeting video, https://example.org/alder-board/{held.isoformat()}"

    def answered(a):
        tracker.log_answer(
            a,
            "partial",
            "Sheriff Dana Whitfield",
            "We have a 287(g) agreement, the jail model only. I'll have to get back to you on the rest.",
            f"{source} at 1:12:40",
        )
        p = tracker.add_promise(
            a,
            "Send a copy of the signed 287(g) agreement to the board",
            held + timedelta(days=7),
            "Sheriff Dana Whitfield",
            held,
        )
        tracker.set_status(
            p,
            "kept",
            held + timedelta(days=5),
            "PDF of the MOA emailed to the clerk",
            "287g-moa-2025.pdf (board packet)",
        )

    def deflected(a):
        tracker.log_answer(
            a,
            "deflected",
            "Sheriff Dana Whitfield",
            "We follow all applicable federal and state laws.",
            f"{source} at 1:14:05",
            notes="Private: two deputies in the back row laughed during this answer.",
        )

    def data_sharing(a):
        tracker.log_answer(
            a,
            "partial",
            "Chair Luis Ortega",
            "The board has not seen a data-sharing agreement. We will ask the Sheriff's Office "
            "for the written policy.",
            f"{source} at 1:20:15",
        )
        tracker.add_promise(
            a, "Provide the written data-sharing policy", held + timedelta(days=14), "Chair Luis Ortega", held
        )

    def grants(a):
        tracker.log_answer(
            a,
            "declined",
            "County Attorney Priya Raman",
            "I can't discuss grant terms in public comment; submit a records request.",
            f"{source} at 1:22:50",
        )
        tracker.add_promise(
            a,
            "Post the Byrne JAG award conditions on the county website",
            today + timedelta(days=30),
            "County Attorney Priya Raman",
            held,
        )

    for qid, change in (
        ("287g-participation", answered),
        ("detainers-release-notification", deflected),
        ("data-sharing", data_sharing),
        ("federal-grant-conditions", grants),
    ):
        ws.update_answer(meeting.id, qid, change)
