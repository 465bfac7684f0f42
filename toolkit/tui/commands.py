"""The command palette (ctrl+p) reaches every action: each mode's keys, the
app's own, every meeting and every question, found by typing a few letters.

Commands are derived from the bindings themselves, so a new key is in the
palette the day it is added, under the description the footer shows.
Questions read as they will be asked (placeholders filled), and match only
when every word typed is in them: matched letter by letter, as the palette
matches commands, "settings" found "Does … have a written policy on sharing
information with ICE, s…"
"""

from __future__ import annotations

import importlib
from collections.abc import Callable, Iterator
from functools import partial
from typing import TYPE_CHECKING, Any

from textual.binding import Binding
from textual.command import DiscoveryHit, Hit, Hits, Provider

from ..bank import placeholder_values, tailor
from .modes import MODES

if TYPE_CHECKING:
    from .app import MeetingkitApp

Command = tuple[str, Callable[[], Any], str]


class ActionsProvider(Provider):
    @property
    def mk(self) -> MeetingkitApp:
        return self.app  # type: ignore[return-value]

    def commands(self) -> Iterator[Command]:
        app = self.mk
        session = app.session
        if session is None:
            return
        for mode in MODES:
            yield f"Go to {mode.title}", partial(app.action_mode, mode.name), mode.purpose.capitalize()
            module = importlib.import_module(f"{__package__}.screens.{mode.module}")
            for binding in getattr(module, mode.screen).BINDINGS:
                if isinstance(binding, Binding) and binding.description:
                    yield (
                        f"{mode.title}: {binding.description}",
                        partial(app.run_in_mode, mode.name, binding.action),
                        binding.tooltip,
                    )
        for binding in app.BINDINGS:
            if (
                isinstance(binding, Binding)
                and binding.id
                and binding.id.startswith("app.")
                and binding.description
            ):
                yield binding.description, partial(app.run_action, binding.action), binding.tooltip
        for meeting in session.meetings_upcoming_first():
            yield (
                f"Work on meeting: {session.label(meeting)}",
                partial(app.open_meeting, meeting.id),
                meeting.id,
            )
        for question in session.bank.questions.values():
            lang, wording = next(iter(question.texts.items()))
            text = tailor(wording.text, placeholder_values(session.settings, session.current, lang)).text
            yield (
                f"Question: {text[:70]}",
                partial(app.run_in_mode, "questions", f"show_question('{question.id}')"),
                question.id,
            )

    async def discover(self) -> Hits:
        for name, callback, help_text in self.commands():
            if not name.startswith("Question: "):
                yield DiscoveryHit(name, callback, help=help_text or None)

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        words = query.casefold().split()
        for name, callback, help_text in self.commands():
            score = matcher.match(name)
            if name.startswith("Question: "):
                found = all(word in f"{name} {help_text}".casefold() for word in words)
                score = max(score, 0.1) if found else 0
            if score > 0:
                yield Hit(score, matcher.highlight(name), callback, help=help_text or None)
