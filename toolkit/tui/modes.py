"""The seven modes of the app, one per step of the job, in the order the job goes.

Plain data (no Textual) so the app, the mode bar, the command palette and the
help screen all name and order the modes the same way.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Mode:
    name: str
    title: str
    key: str
    module: str
    screen: str
    purpose: str


MODES = (
    Mode("questions", "Questions", "1", "questions", "QuestionsScreen", "choose and tailor the questions"),
    Mode("meeting", "Meeting", "2", "meeting", "MeetingScreen", "plan meetings, agendas and speakers"),
    Mode("testimony", "Testimony", "3", "testimony", "TestimonyScreen", "draft and time each speaker's text"),
    Mode("answers", "Answers", "4", "answers", "AnswersScreen", "log what officials said, and promises"),
    Mode("promises", "Promises", "5", "promises", "PromisesScreen", "follow every promise until it is kept"),
    Mode(
        "print", "Print", "6", "print_mode", "PrintScreen", "write handouts, copies, the report and calendar"
    ),
    Mode("requests", "Requests", "7", "requests", "RequestsScreen", "follow public records requests"),
)
BY_NAME = {m.name: m for m in MODES}
START = "meeting"
"""The mode the app opens in: the list of meetings is where every job starts."""
