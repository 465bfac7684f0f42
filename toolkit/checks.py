"""``check``: read every file of a workspace and say what is wrong, where.

Beyond parsing, records must agree with each other: an agenda names questions
that exist, answers belong to meetings that exist, and promise ids match the
file they live in (they are how a promise is found).
"""

from __future__ import annotations

from dataclasses import dataclass

from .bank import Bank, load
from .errors import FileProblem, MeetingkitError
from .store import Workspace


@dataclass(frozen=True)
class Finding:
    where: str
    message: str
    serious: bool = True

    def __str__(self) -> str:
        return f"{self.where}: {self.message}"


def check(ws: Workspace) -> list[Finding]:
    """Every problem in the workspace; an empty list means all is well."""
    findings: list[Finding] = []
    try:
        settings = ws.settings()
    except MeetingkitError as exc:
        return [_finding(exc)]
    bank = load(ws.bank_dir)
    findings += [_finding(p) for p in bank.problems]
    meetings = ws.meetings()
    findings += [_finding(p) for p in meetings.problems]
    meeting_ids = set(ws.meeting_ids())
    for meeting in meetings.records:
        path = ws.relative(ws.meeting_path(meeting.id))
        seen: set[str] = set()
        for i, entry in enumerate(meeting.agenda):
            if entry.question not in bank.questions:
                findings.append(
                    Finding(
                        f"{path}, field `agenda[{i}].question`", f"no question {entry.question!r} in any bank"
                    )
                )
            if entry.question in seen:
                findings.append(
                    Finding(
                        f"{path}, field `agenda[{i}].question`", f"{entry.question!r} is on the agenda twice"
                    )
                )
            seen.add(entry.question)
        findings += [_finding(p) for p in ws.testimonies(meeting.id).problems]
    for folder in ws._dirs(ws.root / "testimony"):
        if folder.name not in meeting_ids:
            findings.append(
                Finding(ws.relative(folder), f"testimony for a meeting that does not exist ({folder.name})")
            )
    findings += _check_answers(ws, bank, meeting_ids)
    findings += _check_languages([*settings.languages, *(m.language for m in meetings.records)])
    findings += [
        Finding(
            ws.relative(p),
            "temporary file left by an interrupted save; it is not a record and can be deleted",
            serious=False,
        )
        for p in ws.leftover_temp_files()
    ]
    return findings


def _check_answers(ws: Workspace, bank: Bank, meeting_ids: set[str]) -> list[Finding]:
    findings: list[Finding] = []
    answers = ws.answers()
    findings += [_finding(p) for p in answers.problems]
    for answer in answers.records:
        path = ws.answer_file(answer.meeting, answer.question)
        if answer.meeting not in meeting_ids:
            findings.append(Finding(path, f"answer for a meeting that does not exist ({answer.meeting})"))
        if answer.question not in bank.questions:
            findings.append(Finding(path, f"answer to a question in no bank ({answer.question})"))
        prefix = f"{answer.meeting}--{answer.question}--"
        ids: set[str] = set()
        for i, promise in enumerate(answer.promises):
            where = f"{path}, field `promises[{i}].id`"
            if not promise.id.startswith(prefix) or not promise.id[len(prefix) :].isdigit():
                findings.append(
                    Finding(where, f"expected an id like {prefix}1 (it says where the promise lives)")
                )
            if promise.id in ids:
                findings.append(Finding(where, f"promise id {promise.id!r} is used twice in this file"))
            ids.add(promise.id)
    return findings


def _check_languages(langs: list[str]) -> list[Finding]:
    """Notes for the languages whose catalog lacks words: those print in English."""
    from .locale import DOMAIN, SOURCE, languages, missing

    findings = []
    for lang in dict.fromkeys(langs):
        if lang == SOURCE:
            continue
        lacking = missing(lang)
        if lang not in languages():
            message = (
                f"meetingkit has no catalog for {lang!r}: its own words print in English and handouts "
                f"refuse {lang!r} (a translator adds toolkit/locale/{lang}/LC_MESSAGES/{DOMAIN}.po)"
            )
        elif lacking:
            shown = "; ".join(repr(m) for m in lacking[:3]) + ("; …" if len(lacking) > 3 else "")
            message = f"{len(lacking)} of meetingkit's own strings print in English, untranslated: {shown}"
        else:
            continue
        findings.append(Finding(f"language {lang!r}", message, serious=False))
    return findings


def _finding(exc: MeetingkitError) -> Finding:
    if isinstance(exc, FileProblem):
        where = str(exc).removesuffix(f": {exc.message}")
        return Finding(where, exc.message)
    return Finding("workspace", str(exc))
