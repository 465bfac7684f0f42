"""The speaker planner: split the agenda among N speakers so each one's
questions fit their minutes at the workspace's speaking rate, show who is
over, and let the organizer move questions between speakers by hand."""

from __future__ import annotations

from copy import deepcopy
from typing import ClassVar

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal
from textual.widgets import Button, DataTable, Input, Static

from ...actions.session import Session
from ...bank import entry_text, placeholder_values
from ...model import Meeting
from ...testimony import FRAME_WORDS, Slot, split_among, word_budget, word_count
from ..markup import literal
from .form import FormScreen, field


def agenda_words(session: Session, meeting: Meeting) -> list[tuple[str, int]]:
    """Each agenda question's spoken words, in the meeting's language as tailored."""
    values = placeholder_values(session.settings, meeting, meeting.language)
    out = []
    for entry in meeting.agenda:
        question = session.bank.questions.get(entry.question)
        if question is None:
            out.append((entry.question, 0))
            continue
        lang = meeting.language if meeting.language in question.texts else next(iter(question.texts))
        out.append(
            (entry.question, word_count(entry_text(question, lang, values, entry, meeting.language).text))
        )
    return out


def slots_for(
    assignment: dict[str, str], words: list[tuple[str, int]], speakers: list[str], budget: int
) -> list[Slot]:
    """Each speaker's load for a hand-made assignment, counted like split_among does."""
    slots = []
    for speaker in speakers:
        mine = [(qid, w) for qid, w in words if assignment.get(qid) == speaker]
        total = sum(w for _, w in mine) + (FRAME_WORDS if mine else 0)
        slots.append(Slot(speaker, [qid for qid, _ in mine], total, budget))
    return slots


def parse_speakers(text: str) -> list[str]:
    """Names separated by commas, or just a number of speakers."""
    text = text.strip()
    if text.isdigit():
        return [f"Speaker {n}" for n in range(1, min(int(text), 20) + 1)]
    names: list[str] = []
    for name in (part.strip() for part in text.split(",")):
        if name and name not in names:
            names.append(name)
    return names


class PlannerScreen(FormScreen[Meeting]):
    """Dismisses with a copy of the meeting whose agenda has the speakers assigned.

    Opens in the speakers field: who speaks is the first thing to say."""

    TITLE_TEXT = "Speaker planner"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("left_square_bracket", "shift(-1)", "To earlier speaker", id="planner.earlier"),
        Binding("right_square_bracket", "shift(1)", "To later speaker", id="planner.later"),
        Binding("ctrl+r", "split", "Split evenly", id="planner.split"),
    ]

    def __init__(self, session: Session, meeting: Meeting) -> None:
        super().__init__()
        self.meeting = meeting
        self.words = agenda_words(session, meeting)
        self.wpm = session.settings.wpm
        self.budget = word_budget(meeting.minutes, self.wpm)
        self.speakers = meeting.speakers() or ["Speaker 1", "Speaker 2"]
        assigned = {e.question: e.speaker for e in meeting.agenda if e.speaker in self.speakers}
        self.assignment = assigned if len(assigned) == len(meeting.agenda) else self.split()

    def split(self) -> dict[str, str]:
        if not self.words:
            return {}
        slots = split_among(self.words, self.speakers, self.meeting.minutes, self.wpm)
        return {qid: slot.speaker for slot in slots for qid in slot.questions}

    def compose_fields(self) -> ComposeResult:
        yield Static(
            f"Each speaker has {self.meeting.minutes:g} min, about {self.budget} words at {self.wpm} "
            f"words a minute, of which ~{FRAME_WORDS} go to greeting, name, the ask and thanks.",
            classes="hint",
        )
        yield from field(
            "Speakers: names separated by commas, or how many (enter splits again)",
            Input(", ".join(self.speakers), id="pl-speakers"),
            compact=False,  # among a table and buttons, a one-line field would pass for text
        )
        yield DataTable(id="pl-table", cursor_type="row", zebra_stripes=True)
        with Horizontal(classes="dialog-buttons"):
            yield Button("◀ Earlier ([)", id="pl-earlier", compact=True, tooltip="To the earlier speaker")
            yield Button("Later (]) ▶", id="pl-later", compact=True, tooltip="To the later speaker")
            yield Button("Split evenly (ctrl+r)", id="pl-split", compact=True)
        yield Static("", id="pl-summary")

    def on_mount(self) -> None:
        table = self.query_one(DataTable)
        table.add_columns("#", "Question", "Words", "Speaker")
        self.draw()
        super().on_mount()
        self.query_one("#pl-speakers", Input).focus()

    def snapshot(self) -> dict[str, object]:
        return {"assignment": dict(self.assignment), "speakers": list(self.speakers)}

    def draw(self) -> None:
        table = self.query_one(DataTable)
        row = table.cursor_row
        table.clear()
        for n, (qid, words) in enumerate(self.words, 1):
            table.add_row(str(n), qid, str(words), Text(self.assignment.get(qid, "—")), key=qid)
        if self.words:
            table.move_cursor(row=min(row, len(self.words) - 1))
        lines = []
        for slot in slots_for(self.assignment, self.words, self.speakers, self.budget):
            spare = slot.limit_words - slot.words
            color, mark = ("$error", "✗") if slot.over else ("$success", "✓")
            verdict = f"{-spare} words over" if slot.over else f"{spare} to spare"
            lines.append(
                f"[{color}]{mark}[/] [b]{literal(slot.speaker)}[/b]: {len(slot.questions)} question(s), "
                f"~{slot.words} of {slot.limit_words} words — [{color}]{verdict}[/]"
            )
        self.query_one("#pl-summary", Static).update("\n".join(lines))

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.action_split()

    def action_split(self) -> None:
        speakers = parse_speakers(self.query_one("#pl-speakers", Input).value)
        if not speakers:
            self.notify("Name at least one speaker, or give a number.", severity="error")
            return
        self.speakers = speakers
        self.assignment = self.split()
        self.draw()

    def action_shift(self, step: int) -> None:
        table = self.query_one(DataTable)
        if not self.words:
            return
        qid = self.words[table.cursor_row][0]
        current = self.assignment.get(qid)
        index = self.speakers.index(current) if current in self.speakers else 0
        self.assignment[qid] = self.speakers[max(0, min(len(self.speakers) - 1, index + step))]
        self.draw()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        actions = {
            "pl-earlier": lambda: self.action_shift(-1),
            "pl-later": lambda: self.action_shift(1),
            "pl-split": self.action_split,
        }
        if event.button.id in actions:
            event.stop()
            actions[event.button.id]()
            return
        super().on_button_pressed(event)

    def submit(self) -> Meeting | None:
        meeting = deepcopy(self.meeting)
        for entry in meeting.agenda:
            entry.speaker = self.assignment.get(entry.question, entry.speaker)
        return meeting
