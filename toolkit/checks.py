"""``check``: read every file of a workspace and say what is wrong, where.

Beyond parsing, records must agree with each other: an agenda names questions
that exist, answers belong to meetings that exist, and promise ids match the
file they live in (they are how a promise is found).
"""

from __future__ import annotations

import os
import stat
from dataclasses import dataclass
from pathlib import Path

from .bank import Bank, load
from .codec import unknown_keys
from .errors import FileProblem, MeetingkitError
from .model import Meeting, Record
from .store import Workspace
from .tracker import date_problems


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
    findings += _unknown(ws.relative(ws.settings_path), settings)
    findings += [
        Finding(
            ws.relative(p),
            "is a link to a folder elsewhere; meetingkit never writes through it: "
            "replace it with a real folder",
        )
        for p in ws.linked_folders()
    ]
    bank = load(ws.bank_dir)
    findings += [_finding(p) for p in bank.problems]
    for question in bank.questions.values():
        if question.bank_file.startswith(str(ws.root)):
            findings += _unknown(ws.relative(Path(question.bank_file)), question)
    meetings = ws.meetings()
    findings += [_finding(p) for p in meetings.problems]
    meeting_ids = set(ws.meeting_ids())
    for meeting in meetings.records:
        path = ws.relative(ws.meeting_path(meeting.id))
        findings += _unknown(path, meeting)
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
        testimonies = ws.testimonies(meeting.id)
        findings += [_finding(p) for p in testimonies.problems]
        for t in testimonies.records:
            findings += _unknown(ws.relative(ws.testimony_path(meeting.id, t.speaker)), t)
    for folder in ws.dirs(ws.root / "testimony"):
        if folder.name not in meeting_ids:
            findings.append(
                Finding(ws.relative(folder), f"testimony for a meeting that does not exist ({folder.name})")
            )
    findings += _check_answers(ws, bank, {m.id: m for m in meetings.records}, meeting_ids)
    findings += _check_requests(ws)
    findings += _check_languages([*settings.languages, *(m.language for m in meetings.records)])
    findings += [
        Finding(
            ws.relative(p),
            "temporary file left by an interrupted save; it is not a record and can be deleted",
            serious=False,
        )
        for p in ws.leftover_temp_files()
    ]
    findings += [
        Finding(
            ws.relative(p),
            f"can be read by others (mode {mode:o}); `meetingkit check --fix` makes it private",
            serious=False,
        )
        for p, mode in loose_permissions(ws)
    ]
    return findings


def _unknown(where: str, record: Record) -> list[Finding]:
    return [Finding(f"{where}, field `{field}`", message) for field, message in unknown_keys(record)]


def loose_permissions(ws: Workspace) -> list[tuple[Path, int]]:
    """Files and folders others can read (a git clone makes them 0644/0755)."""
    found = []
    for folder, dirs, names in os.walk(ws.root):
        dirs[:] = sorted(d for d in dirs if d != ".git")
        for name in [*dirs, *sorted(names)]:
            path = Path(folder, name)
            try:
                st = path.lstat()
            except OSError:
                continue
            if not stat.S_ISLNK(st.st_mode) and st.st_mode & 0o077:
                found.append((path, stat.S_IMODE(st.st_mode)))
    try:
        if ws.root.stat().st_mode & 0o077 and ws.exists():
            found.insert(0, (ws.root, stat.S_IMODE(ws.root.stat().st_mode)))
    except OSError:
        pass
    return found


def tighten_permissions(ws: Workspace) -> int:
    """Make every file 0600 and folder 0700 (never following links); the number changed."""
    changed = 0
    for path, _mode in loose_permissions(ws):
        os.chmod(path, 0o700 if path.is_dir() else 0o600)
        changed += 1
    return changed


def _check_answers(
    ws: Workspace, bank: Bank, meetings: dict[str, Meeting], meeting_ids: set[str]
) -> list[Finding]:
    findings: list[Finding] = []
    answers = ws.answers()
    findings += [_finding(p) for p in answers.problems]
    for answer in answers.records:
        path = ws.answer_file(answer.meeting, answer.question)
        findings += _unknown(path, answer)
        findings += [
            Finding(f"{path}, field `{field}`", message)
            for field, message in date_problems(answer, meetings.get(answer.meeting))
        ]
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


def _check_requests(ws: Workspace) -> list[Finding]:
    """Records requests and the workspace's own law files; a request needs its law to count its days."""
    from .laws import load_laws
    from .request_store import RequestStore

    table = load_laws(ws.root)
    requests = RequestStore(ws).all()
    findings = [_finding(p) for p in (*table.problems, *requests.problems)]
    for request in requests.records:
        if request.law not in table.laws:
            where = f"requests/{request.id}.yaml, field `law`"
            missing = f"no law {request.law!r} in the table: add laws/{request.law}.yaml"
            findings.append(Finding(where, missing))
        findings += _unknown(f"requests/{request.id}.yaml", request)
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
