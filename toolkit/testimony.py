"""Testimony: the draft template, word count, speaking time, and splitting an
agenda's questions among speakers so each fits their slot.

Public comment is timed, usually two or three minutes, and time cannot be
pooled; at the default 130 words a minute two minutes is about 260 words.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta
from math import ceil

from .bank import Bank, entry_text, placeholder_values
from .locale import lookup, mark, words
from .locale.dates import format_day, part_of_day
from .model import DEFAULT_WPM, AgendaEntry, Meeting, Settings

_WORD = re.compile(r"[^\W_]+(?:['’.-][^\W_]+|\([^\W_]+\))*")
"""A spoken word: "I'm", "well-known", "287(g)" each count once."""
_COMMENT = re.compile(r"<!--.*?-->", re.DOTALL)
CLOSE_SHARE = 0.9
"""Past this share of the limit the estimate turns from "under" to "close"."""


def spoken_text(text: str) -> str:
    """The words a speaker reads: ``<!-- hints -->`` in a draft are not spoken."""
    return _COMMENT.sub("", text)


def word_count(text: str) -> int:
    """Words as a listener hears them; Markdown marks and hints do not count."""
    return len(_WORD.findall(spoken_text(text)))


def speaking_seconds(words: int, wpm: int = DEFAULT_WPM) -> int:
    return ceil(words * 60 / wpm) if words else 0


def mmss(seconds: float) -> str:
    seconds = round(seconds)
    return f"{seconds // 60}:{seconds % 60:02d}"


def word_budget(minutes: float, wpm: int = DEFAULT_WPM) -> int:
    return int(minutes * wpm)


@dataclass(frozen=True)
class Timing:
    """A text's spoken length against one speaker's limit."""

    words: int
    seconds: int
    limit_seconds: int
    limit_words: int
    wpm: int

    @property
    def spare_words(self) -> int:
        """Words left before the limit; negative when over."""
        return self.limit_words - self.words

    @property
    def state(self) -> str:
        if self.words > self.limit_words:
            return "over"
        if self.words >= CLOSE_SHARE * self.limit_words:
            return "close"
        return "under"

    def summary(self) -> str:
        spare = self.spare_words
        verdict = f"{-spare} words over" if spare < 0 else f"{spare} words to spare"
        return (
            f"{self.words} words, about {mmss(self.seconds)} at {self.wpm} wpm; "
            f"limit {mmss(self.limit_seconds)} (~{self.limit_words} words): {verdict}"
        )


def timing(text: str, minutes: float, wpm: int = DEFAULT_WPM) -> Timing:
    words = word_count(text)
    return Timing(words, speaking_seconds(words, wpm), round(minutes * 60), word_budget(minutes, wpm), wpm)


# --- the draft ----------------------------------------------------------------

REPLY_DAYS = 14

_GREETINGS = {
    "morning": mark("draft greeting", "Good morning, Chair and members of the {body}."),
    "afternoon": mark("draft greeting", "Good afternoon, Chair and members of the {body}."),
    "evening": mark("draft greeting", "Good evening, Chair and members of the {body}."),
    "": mark("draft greeting, meeting time not set", "Chair and members of the {body}:"),
}
"""The greeting by the meeting's time of day: never "good evening" at 10 a.m."""


def reply_by(meeting: Meeting) -> date:
    """The date a written answer is asked for: two weeks after the meeting."""
    return meeting.date + timedelta(days=REPLY_DAYS)


def speaker_entries(meeting: Meeting, speaker: str) -> list[AgendaEntry]:
    """The agenda entries this speaker reads; unassigned ones go to everyone."""
    mine = [e for e in meeting.agenda if e.speaker == speaker]
    return mine or [e for e in meeting.agenda if not e.speaker]


def _ask(lang: str, n: int, evening: bool) -> str:
    """The ask, for one question or several, "tonight" only at an evening meeting."""
    w = words(lang)
    if evening:
        return w.npgettext(
            "draft ask, evening meeting",
            "I ask that {agency} answer this question on the record tonight, "
            "or respond in writing by {reply_by}.",
            "I ask that {agency} answer these questions on the record tonight, "
            "or respond in writing by {reply_by}.",
            n,
        )
    return w.npgettext(
        "draft ask, daytime meeting",
        "I ask that {agency} answer this question on the record today, or respond in writing by {reply_by}.",
        "I ask that {agency} answer these questions on the record today, "
        "or respond in writing by {reply_by}.",
        n,
    )


def draft(
    meeting: Meeting,
    settings: Settings,
    bank: Bank,
    speaker: str,
    neighbourhood: str = "",
    extra: list[str] | None = None,
) -> str:
    """A first draft in the effective-comment order: address the body, name and
    neighbourhood, the concern, the questions, the ask, thanks.

    ``extra`` paragraphs (the record of earlier meetings) go before the questions.
    """
    lang = meeting.language
    w = words(lang)
    values = placeholder_values(settings, meeting, lang)
    fill = {
        "body": values.get("body", "{body}"),
        "agency": values.get("agency", "{agency}"),
        "jurisdiction": values.get("jurisdiction", "{jurisdiction}"),
        "speaker": speaker,
        "neighbourhood": neighbourhood or w.pgettext("draft placeholder", "[your neighbourhood]"),
        "reply_by": format_day(reply_by(meeting), lang),
    }
    intro = w.pgettext("draft", "My name is {speaker}, and I live in {neighbourhood}.").format(**fill)
    if settings.group:
        intro += " " + w.pgettext("draft", "I am here with {group}.").format(group=settings.group)
    when = part_of_day(meeting.time)
    parts = [
        lookup(lang, _GREETINGS[when]).format(**fill),
        intro,
        w.pgettext(
            "draft concern",
            "Residents of {jurisdiction} deserve to know, on the public record, how {agency} "
            "cooperates with federal immigration enforcement.",
        ).format(**fill),
        w.pgettext(
            "draft hint",
            "<!-- Say your concern in one sentence, in your own words. For example: "
            "“Public safety depends on trust: when local police act as immigration agents, "
            "neighbours of every background stop calling 911 and stop coming forward as "
            "witnesses.” Or: “Every resident of {jurisdiction}, whatever their background, "
            "should be able to count on equal treatment from {agency}.” "
            "Hints like this are not counted or printed. -->",
        ).format(**fill),
    ]
    parts += extra or []
    lines: list[str] = []
    for entry in speaker_entries(meeting, speaker):
        question = bank.questions.get(entry.question)
        if question is not None:
            text = entry_text(question, lang, values, entry, meeting.language).text
            lines.append(f"{len(lines) + 1}. {text}")
    if lines:
        heading = w.npgettext("draft", "My question is:", "My questions are:", len(lines))
        parts.append("\n".join([heading, *lines]))
    parts.append(_ask(lang, max(len(lines), 1), when == "evening").format(**fill))
    parts.append(w.pgettext("draft", "Thank you."))
    return "\n\n".join(parts) + "\n"


# --- speaker planning ---------------------------------------------------------


@dataclass(frozen=True)
class Slot:
    speaker: str
    questions: list[str]
    words: int
    limit_words: int

    @property
    def over(self) -> bool:
        return self.words > self.limit_words


FRAME_WORDS = 70
"""Words a speaker spends on greeting, name, concern, ask and thanks."""


def split_among(
    question_words: list[tuple[str, int]], speakers: list[str], minutes: float, wpm: int = DEFAULT_WPM
) -> list[Slot]:
    """Split questions, kept in agenda order, into one run per speaker so that
    the longest speaker's words are as few as possible.

    Order is kept because speakers go to the podium one after the other and
    the questions build on each other. Each speaker also needs words for the
    greeting, the ask and thanks (``FRAME_WORDS``).
    """
    if not speakers:
        raise ValueError("at least one speaker is needed")
    n, k = len(question_words), len(speakers)
    sizes = [w for _, w in question_words]
    prefix = [0]
    for size in sizes:
        prefix.append(prefix[-1] + size)
    inf = float("inf")
    # best[j][i]: the smallest possible maximum load placing the first i questions on j speakers
    best = [[inf] * (n + 1) for _ in range(k + 1)]
    cut = [[0] * (n + 1) for _ in range(k + 1)]
    best[0][0] = 0
    for j in range(1, k + 1):
        for i in range(n + 1):
            for m in range(i + 1):
                load = max(best[j - 1][m], prefix[i] - prefix[m])
                if load < best[j][i]:
                    best[j][i], cut[j][i] = load, m
    bounds, i = [], n
    for j in range(k, 0, -1):
        bounds.append((cut[j][i], i))
        i = cut[j][i]
    bounds.reverse()
    budget = word_budget(minutes, wpm)
    return [
        Slot(
            speaker=speakers[j],
            questions=[qid for qid, _ in question_words[a:b]],
            words=(prefix[b] - prefix[a]) + (FRAME_WORDS if b > a else 0),
            limit_words=budget,
        )
        for j, (a, b) in enumerate(bounds)
    ]
