"""Question banks: the shipped ones and a workspace's own, and tailoring a
question's wording to one agency.

A question id must be unique across all banks, so that an agenda entry always
means one question; a duplicate is an error naming both files.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from pathlib import Path

import msgspec

from . import yamlio
from .errors import FileProblem, NotFound
from .layout import Layout
from .locale import lookup, mark, words
from .model import PLACEHOLDERS, AgendaEntry, BankFile, Meeting, Question, Settings, Way, text_in
from .record_files import RecordFile

_PLACEHOLDER = re.compile(r"\{(" + "|".join(PLACEHOLDERS) + r")\}")
"""Only the known names are placeholders; any other ``{…}`` a person typed is text."""


class Bank(msgspec.Struct):
    """All questions a workspace can use, with topic labels and the ways to get answers."""

    questions: dict[str, Question] = msgspec.field(default_factory=dict)
    topics: dict[str, dict[str, str]] = msgspec.field(default_factory=dict)
    ways: list[Way] = msgspec.field(default_factory=list)
    titles: dict[str, dict[str, str]] = msgspec.field(default_factory=dict)
    problems: list[FileProblem] = msgspec.field(default_factory=list)

    def get(self, question_id: str) -> Question:
        try:
            return self.questions[question_id]
        except KeyError:
            raise NotFound(unknown_question(question_id, list(self.questions))) from None

    def topic_label(self, topic: str, lang: str = "en") -> str:
        labels = self.topics.get(topic, {})
        return labels.get(lang) or labels.get("en") or topic

    def languages(self) -> list[str]:
        langs: list[str] = []
        for q in self.questions.values():
            langs += [lang for lang in q.texts if lang not in langs]
        return langs


ROLE_NAMES = {
    "sheriff": mark("role", "Sheriff"),
    "police-chief": mark("role", "Police chief"),
    "jail-administrator": mark("role", "Jail administrator"),
    "county-commission": mark("role", "County commission"),
    "council": mark("role", "City or town council"),
    "mayor": mark("role", "Mayor"),
    "city-manager": mark("role", "City manager"),
    "district-attorney": mark("role", "District attorney"),
    "county-attorney": mark("role", "County attorney"),
    "state-legislator": mark("role", "State legislators"),
}
"""The roles a question's ``ask`` names, as a reader calls them."""


def role_name(role: str, lang: str) -> str:
    """ "police-chief" → "Police chief", "Jefatura de policía"; a role of a workspace's own bank as typed."""
    message = ROLE_NAMES.get(role)
    return lookup(lang, message) if message else role.replace("-", " ")


class Guidance(msgspec.Struct, frozen=True):
    """One part of a question's guidance: its heading and lines (prose is a single line)."""

    heading: str
    lines: list[str]
    is_list: bool


def guidance(question: Question, lang: str) -> list[Guidance]:
    """A question's guidance in ``lang``, untailored; empty parts left out."""
    text = question.text_in(lang) or next(iter(question.texts.values()))
    w = words(lang)
    parts = [
        Guidance(w.pgettext("question guidance", "Why it matters"), [text.why], False),
        Guidance(w.pgettext("question guidance", "Follow-up questions"), text.follow_ups, True),
        Guidance(
            w.pgettext("question guidance", "What a clear answer looks like"), [text.clear_answer], False
        ),
        Guidance(w.pgettext("question guidance", "Red flags"), text.red_flags, True),
        Guidance(
            w.pgettext("question guidance", "Records to request if they won't answer"), text.records, True
        ),
        Guidance(
            w.pgettext("question guidance", "Who can answer"),
            [role_name(r, lang) for r in question.ask],
            True,
        ),
        Guidance(
            w.pgettext("question guidance", "Sources"),
            [
                w.pgettext("question guidance", "{title} (checked {checked}): {url}").format(
                    title=s.title, checked=s.checked.isoformat(), url=s.url
                )
                for s in question.sources
            ],
            True,
        ),
    ]
    return [Guidance(g.heading, [x for x in g.lines if x], g.is_list) for g in parts if any(g.lines)]


def unknown_question(wanted: str, known: list[str]) -> str:
    import difflib

    close = difflib.get_close_matches(wanted, known, n=3, cutoff=0.4)
    if not close:
        close = [k for k in known if wanted.split("-")[0] in k][:3]
    hint = f"; closest: {', '.join(close)}" if close else ""
    return f"no question {wanted!r} in the question banks{hint} (`meetingkit questions list` shows all)"


def shipped_bank_files() -> list[Path]:
    """The banks that travel inside the package (``questions/`` in the source tree)."""
    from . import questions  # type: ignore[attr-defined]  # installed from questions/ (pyproject)

    folder = Path(questions.__file__).parent
    return sorted(p for p in folder.glob("*.yaml"))


BANK_FILE = RecordFile(BankFile)


def load(workspace_bank_dir: Path | None = None) -> Bank:
    """The shipped banks plus the workspace's own; unreadable files become problems."""
    files = shipped_bank_files()
    if workspace_bank_dir is not None:
        files += [Path(e.path) for e in Layout.entries(workspace_bank_dir, ".yaml")]
    bank = Bank()
    for path in files:
        try:
            _add_file(bank, path)
        except FileProblem as problem:
            bank.problems.append(problem)
    return bank


def _add_file(bank: Bank, path: Path) -> None:
    from .store import read_file

    found = read_file(path, BANK_FILE)
    for i, question in enumerate(found.questions):
        other = bank.questions.get(question.id)
        if other is not None:
            raise FileProblem(
                path,
                f"question id {question.id!r} is already used in {other.bank_file}; "
                "ids must be unique across banks: rename one of them",
                line=yamlio.line_of(path.read_bytes(), ("questions", i, "id")),
                field=f"questions[{i}].id",
            )
    for question in found.questions:
        question.__dict__["_file"] = str(path)
        bank.questions[question.id] = question
    bank.titles[path.stem] = found.title
    for topic, labels in found.topics.items():
        bank.topics.setdefault(topic, labels)
    known = {w.id for w in bank.ways}
    bank.ways += [w for w in found.ways if w.id not in known]


class Tailored(msgspec.Struct):
    """A question's wording with placeholders filled, and the ones left unfilled."""

    text: str
    missing: list[str] = msgspec.field(default_factory=list)


def placeholder_values(
    settings: Settings, meeting: Meeting | None = None, lang: str = "en"
) -> dict[str, str]:
    """Values for ``{agency}`` and friends: the settings, the meeting's body, and
    the names the settings give for this language (``la Oficina del Sheriff``)."""
    values: dict[str, str] = {
        "agency": settings.agency,
        "jurisdiction": settings.jurisdiction,
        "state": settings.state,
        "body": settings.body,
    }
    if meeting is not None and meeting.body:
        values["body"] = meeting.body
    values.update({str(k): v for k, v in settings.names.get(lang, {}).items()})
    return {k: v.strip() for k, v in values.items() if v and v.strip()}


def tailor(text: str, values: dict[str, str]) -> Tailored:
    """Fill ``{agency}``-style placeholders; one with no value stays visible.

    Leaving ``{agency}`` in the text (and reporting it) beats a silent blank
    that would make a speaker read out a broken sentence.
    """
    missing: list[str] = []

    def fill(match: re.Match[str]) -> str:
        name = match.group(1)
        if name in values:
            return values[name]
        if name not in missing:
            missing.append(name)
        return match.group(0)

    return Tailored(_PLACEHOLDER.sub(fill, text), missing)


def entry_text(
    question: Question,
    lang: str,
    values: dict[str, str],
    entry: AgendaEntry | None = None,
    meeting_language: str = "en",
) -> Tailored:
    """The text to print or read for one agenda entry in one language.

    A hand-tailored wording replaces the bank's text in the languages it
    is written in (a plain string: the meeting's language only).
    """
    tailored = text_in(entry.text, lang, meeting_language) if entry is not None else ""
    if tailored:
        return tailor(tailored, values)
    qtext = question.text_in(lang)
    if qtext is None:
        raise NotFound(
            f"question {question.id!r} has no {lang!r} text in {question.bank_file}; "
            f"it has: {', '.join(question.texts)}"
        )
    return tailor(qtext.text, values)


OWN_NAME_IN_EACH_LANGUAGE = ("agency", "body")
"""The names a page in another language than the workspace's first must have in that
language (``names.es.agency``): they hold words that translate ("Sheriff's Office",
"Board of Commissioners"). A jurisdiction or a state is a proper noun that reads the
same in every language ("Alder County", "Texas"), so it prints as typed."""


def language_gaps(meeting: Meeting, settings: Settings, langs: Sequence[str]) -> list[str]:
    """What a page printed in ``langs`` would say in the wrong language, each with
    the command that fixes it (empty: nothing).

    Side by side, a question tailored in some of the languages only would sit
    beside the bank's different question in the others: paper that asks two
    things. The title and the meeting box name the agency and the body in every
    language; one named only in the workspace's first language would print
    English inside a Spanish sentence.
    """
    gaps = []
    if len(langs) > 1:
        for n, entry in enumerate(meeting.agenda, 1):
            has = [lang for lang in langs if text_in(entry.text, lang, meeting.language)]
            lacks = [lang for lang in langs if lang not in has]
            if has and lacks:
                ask = f'meetingkit meeting ask {meeting.id} {entry.question} --text "…" --lang {lacks[0]}'
                gaps.append(
                    f"question {n} ({entry.question}) is tailored in {', '.join(has)} only, so the "
                    f"{lacks[0]} side would ask the bank's different question: add its {lacks[0]} "
                    f"wording with `{ask}`"
                )
    typed = placeholder_values(settings.evolve(names={}), meeting)
    for lang in (lang for lang in langs if lang != settings.languages[0]):
        own = [place for place, name in settings.names.get(lang, {}).items() if name.strip()]
        for place in (p for p in OWN_NAME_IN_EACH_LANGUAGE if p in typed and p not in own):
            gaps.append(
                f"the {place} has no {lang} name, so {typed[place]!r} would print inside {lang} text: "
                f'set it with `meetingkit settings set names.{lang}.{place} "…"`'
            )
    return gaps
