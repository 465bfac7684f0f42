"""``meetingkit meeting new|list|show|ask``: plan a meeting and its agenda."""

from __future__ import annotations

import argparse
from typing import Any

from ..bank import entry_text, placeholder_values
from ..errors import UsageError
from ..model import AgendaEntry, Meeting, Settings, Text, text_in, with_text
from . import context


def register(sub: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    p = sub.add_parser("meeting", parents=[common], help="plan meetings and their agendas")
    msub = p.add_subparsers(dest="action", metavar="ACTION", required=True, parser_class=type(p))
    new = msub.add_parser("new", parents=[common], help="plan a meeting; prints its id")
    new.add_argument("--body", required=True, help='the council or board, e.g. "City Council"')
    new.add_argument("--date", required=True, type=context.iso_date, help="YYYY-MM-DD")
    new.add_argument("--time", type=context.field_type(Meeting, "time"), help="HH:MM, 24-hour")
    new.add_argument("--location", default="", help="where it meets")
    new.add_argument(
        "--minutes",
        type=context.field_type(Meeting, "minutes"),
        default=3,
        help="minutes per speaker (default 3)",
    )
    new.add_argument("--agenda-item", default="", help="the agenda item you comment on")
    new.add_argument("--signup", default="", help="how to sign up to speak")
    new.add_argument(
        "--language",
        default="en",
        type=context.field_type(Meeting, "language"),
        help="language of the testimony (en, es)",
    )
    context.add_json(new)
    new.set_defaults(handler=run_new)
    ls = msub.add_parser("list", parents=[common], help="list meetings, soonest first")
    context.add_json(ls)
    ls.set_defaults(handler=run_list)
    show = msub.add_parser("show", parents=[common], help="a meeting and its agenda")
    show.add_argument("meeting_id", metavar="MEETING_ID")
    context.add_json(show)
    show.set_defaults(handler=run_show)
    ask = msub.add_parser("ask", parents=[common], help="add a question to the agenda (or retailor it)")
    ask.add_argument("meeting_id", metavar="MEETING_ID")
    ask.add_argument("question_id", metavar="QUESTION_ID")
    ask.add_argument("--text", help='your own wording of the question ("" goes back to the bank\'s)')
    add_lang(ask, "--text")
    ask.add_argument("--speaker", help="who asks it")
    ask.set_defaults(handler=run_ask)
    unask = msub.add_parser("unask", parents=[common], help="take a question off the agenda")
    unask.add_argument("meeting_id", metavar="MEETING_ID")
    unask.add_argument("question_id", metavar="QUESTION_ID")
    unask.set_defaults(handler=run_unask)
    rm = msub.add_parser(
        "delete", parents=[common], help="delete a meeting with its answers, promises and testimony"
    )
    rm.add_argument("meeting_id", metavar="MEETING_ID")
    rm.add_argument("--yes", action="store_true", help="needed when answers or testimony would go too")
    rm.set_defaults(handler=run_delete)
    edit = msub.add_parser("set", parents=[common], help="change a meeting's details")
    edit.add_argument("meeting_id", metavar="MEETING_ID")
    edit.add_argument("--body", help="the council or board")
    edit.add_argument("--date", type=context.iso_date, help="YYYY-MM-DD (the id stays the same)")
    edit.add_argument("--time", type=context.field_type(Meeting, "time"), help="HH:MM, 24-hour")
    edit.add_argument("--location")
    edit.add_argument("--minutes", type=context.field_type(Meeting, "minutes"), help="minutes per speaker")
    edit.add_argument("--agenda-item")
    edit.add_argument("--signup", help="how to sign up to speak")
    add_lang(edit, "--location, --agenda-item and --signup")
    edit.add_argument(
        "--language", type=context.field_type(Meeting, "language"), help="language of the testimony (en, es)"
    )
    edit.set_defaults(handler=run_set)
    plan = msub.add_parser(
        "plan", parents=[common], help="split the agenda among speakers so each fits their time"
    )
    plan.add_argument("meeting_id", metavar="MEETING_ID")
    plan.add_argument(
        "--speaker",
        action="append",
        required=True,
        dest="speakers",
        help="a speaker's name (repeat, in speaking order)",
    )
    plan.add_argument("--apply", action="store_true", help="write the assignment into the agenda")
    context.add_json(plan)
    plan.set_defaults(handler=run_plan)


def add_lang(parser: argparse.ArgumentParser, what: str) -> None:
    parser.add_argument(
        "--lang",
        type=context.field_type(Meeting, "language"),
        help=f"the language {what} is written in (default: the meeting's language); "
        "each language keeps its own wording",
    )


PER_LANGUAGE = ("location", "agenda_item", "signup")
"""The meeting's texts that carry one wording per language."""


def run_new(args: argparse.Namespace) -> int:
    ws = context.open_workspace(args)
    body = args.body.strip()
    if not body:
        raise UsageError("--body must name the council or board")
    meeting = Meeting(
        id=ws.new_meeting_id(args.date, body),  # add_meeting moves on if another save takes it
        body=body,
        date=args.date,
        time=args.time or "",
        location=args.location,
        agenda_item=args.agenda_item,
        minutes=args.minutes,
        signup=args.signup,
        language=args.language,
    )
    meeting = ws.add_meeting(meeting)
    if args.json:
        context.print_json({"id": meeting.id, "path": str(ws.meeting_path(meeting.id))})
    else:
        print(meeting.id)
    return 0


def summary(m: Meeting) -> dict[str, Any]:
    return {
        "id": m.id,
        "body": m.body,
        "date": m.date.isoformat(),
        "time": m.time,
        "location": m.location,
        "minutes": m.minutes,
        "questions": len(m.agenda),
        "speakers": m.speakers(),
    }


def run_list(args: argparse.Namespace) -> int:
    ws = context.open_workspace(args)
    loaded = ws.meetings()
    for problem in loaded.problems:
        context.warn(f"skipped {problem}")
    if args.json:
        context.print_json([summary(m) for m in loaded.records])
        return 1 if loaded.problems else 0
    if not loaded.records:
        print("no meetings yet: meetingkit meeting new --body BODY --date YYYY-MM-DD")
    from ..errors import one_line

    for m in loaded.records:
        when = f"{m.date.isoformat()} {m.time}".strip()
        print(f"{m.id}  {when}  {one_line(m.body)}  ({len(m.agenda)} questions, {m.minutes:g} min each)")
    return 1 if loaded.problems else 0


def _languages(settings: Settings, meeting: Meeting) -> list[str]:
    """The meeting's language first, then the others its handouts print in."""
    return list(dict.fromkeys([meeting.language, *settings.languages]))


def _wordings(meeting: Meeting, value: Text, langs: list[str]) -> list[tuple[str, str]]:
    return [(lang, text) for lang in langs if (text := text_in(value, lang, meeting.language))]


def run_show(args: argparse.Namespace) -> int:
    ws = context.open_workspace(args)
    meeting = ws.meeting(args.meeting_id)
    bank = context.bank_of(ws)
    settings = ws.settings()
    langs = _languages(settings, meeting)
    agenda: list[dict[str, Any]] = []
    for n, entry in enumerate(meeting.agenda, 1):
        question = bank.questions.get(entry.question)
        texts = {}
        for lang in langs:
            if question is None:
                texts[lang] = f"(unknown question {entry.question!r}: not in any bank)"
            elif lang in question.texts or text_in(entry.text, lang, meeting.language):
                values = placeholder_values(settings, meeting, lang)
                texts[lang] = entry_text(question, lang, values, entry, meeting.language).text
        agenda.append(
            {
                "n": n,
                "question": entry.question,
                "speaker": entry.speaker,
                "text": texts.get(meeting.language, ""),
                "texts": texts,
                "tailored": bool(entry.text),
                "tailored_in": [lang for lang, _ in _wordings(meeting, entry.text, langs)],
            }
        )
    if args.json:
        data = summary(meeting) | {
            "agenda_item": meeting.agenda_item,
            "signup": meeting.signup,
            "language": meeting.language,
            "agenda": agenda,
        }
        context.print_json(data)
        return 0
    print(f"{meeting.body} — {meeting.date.isoformat()} {meeting.time}".rstrip())
    for label, name in (("Where", "location"), ("Agenda item", "agenda_item"), ("Sign-up", "signup")):
        wordings = _wordings(meeting, getattr(meeting, name), langs)
        for lang, text in wordings:
            tag = f" ({lang})" if len(wordings) > 1 or lang != meeting.language else ""
            print(f"{label}{tag}: {text}")
    print(f"Time per speaker: {meeting.minutes:g} min")
    print(f"\nAgenda ({len(agenda)} questions):" if agenda else "\nAgenda: empty (meetingkit meeting ask)")
    for item in agenda:
        who = f"  [{item['speaker']}]" if item["speaker"] else ""
        print(f"{item['n']}. {item['question']}{who}")
        for lang, text in item["texts"].items():
            mark = " (tailored)" if lang in item["tailored_in"] else ""
            print(f"   {text}" if len(langs) == 1 else f"   {lang}{mark}: {text}")
    return 0


def run_ask(args: argparse.Namespace) -> int:
    if args.lang and args.text is None:
        raise UsageError("--lang says which language --text is in; give --text too")
    ws = context.open_workspace(args)
    meeting = ws.meeting(args.meeting_id)
    question = context.bank_of(ws).get(args.question_id)
    entry = next((e for e in meeting.agenda if e.question == question.id), None)
    if entry is None:
        entry = AgendaEntry(question=question.id)
        meeting.agenda.append(entry)
    if args.text is not None:
        entry.text = with_text(entry.text, args.lang or meeting.language, meeting.language, args.text.strip())
    if args.speaker is not None:
        entry.speaker = args.speaker.strip()
    ws.save_meeting(meeting)
    position = meeting.agenda.index(entry) + 1
    print(
        f"{meeting.id}: question {position} is {question.id}"
        + (f" (asked by {entry.speaker})" if entry.speaker else "")
    )
    return 0


def run_unask(args: argparse.Namespace) -> int:
    ws = context.open_workspace(args)
    meeting = ws.meeting(args.meeting_id)
    kept = [e for e in meeting.agenda if e.question != args.question_id]
    if len(kept) == len(meeting.agenda):
        on = ", ".join(e.question for e in meeting.agenda) or "nothing"
        raise UsageError(f"{args.question_id!r} is not on the agenda of {meeting.id} (it has: {on})")
    meeting.agenda = kept
    ws.save_meeting(meeting)
    print(f"{meeting.id}: removed {args.question_id}; {len(kept)} questions left")
    return 0


def run_delete(args: argparse.Namespace) -> int:
    from ..actions.delete import plan_meeting_removal, remove_meeting

    ws = context.open_workspace(args)
    removal = plan_meeting_removal(ws, args.meeting_id)
    if removal.logged and not args.yes:
        raise UsageError(
            f"this would delete {removal.summary()}; nothing was deleted. Add --yes to delete them all"
        )
    remove_meeting(ws, removal)
    print(f"deleted {removal.summary()}")
    return 0


def run_set(args: argparse.Namespace) -> int:
    ws = context.open_workspace(args)
    meeting = ws.meeting(args.meeting_id)
    fields = ("body", "date", "time", "location", "minutes", "agenda_item", "signup", "language")
    changed = [name for name in fields if getattr(args, name) is not None]
    if not changed:
        raise UsageError("name at least one field to change, e.g. --time 18:30")
    if args.lang and not set(changed) & set(PER_LANGUAGE):
        raise UsageError("--lang says which language --location, --agenda-item or --signup is in; give one")
    for name in sorted(changed, key=lambda name: name in PER_LANGUAGE):
        value = getattr(args, name)
        if name in PER_LANGUAGE:
            home = meeting.language
            value = with_text(getattr(meeting, name), args.lang or home, home, value.strip())
        setattr(meeting, name, value.strip() if isinstance(value, str) else value)
    ws.save_meeting(meeting)
    print(f"{meeting.id}: changed {', '.join(changed)}")
    return 0


def run_plan(args: argparse.Namespace) -> int:
    from ..testimony import split_among, word_count

    ws = context.open_workspace(args)
    meeting = ws.meeting(args.meeting_id)
    if not meeting.agenda:
        raise UsageError(f"{meeting.id} has no questions yet: add some with `meetingkit meeting ask`")
    settings = ws.settings()
    bank = context.bank_of(ws)
    values = placeholder_values(settings, meeting, meeting.language)
    sizes = [
        (
            e.question,
            word_count(entry_text(bank.get(e.question), meeting.language, values, e, meeting.language).text),
        )
        for e in meeting.agenda
    ]
    speakers = [s.strip() for s in args.speakers if s.strip()]
    if not speakers:
        raise UsageError("--speaker needs a name")
    slots = split_among(sizes, speakers, meeting.minutes, settings.wpm)
    if args.apply:
        owner = {q: slot.speaker for slot in slots for q in slot.questions}
        for entry in meeting.agenda:
            entry.speaker = owner[entry.question]
        ws.save_meeting(meeting)
    if args.json:
        context.print_json(
            [
                {
                    "speaker": s.speaker,
                    "questions": s.questions,
                    "words": s.words,
                    "limit_words": s.limit_words,
                    "over": s.over,
                }
                for s in slots
            ]
        )
    else:
        for s in slots:
            verdict = f"OVER by {s.words - s.limit_words} words" if s.over else "fits"
            print(
                f"{s.speaker}: {', '.join(s.questions) or '(no questions)'} — about {s.words} of "
                f"{s.limit_words} words: {verdict}"
            )
        if any(s.over for s in slots):
            print("someone is over: add a speaker, drop a question, or tailor shorter wording")
        if args.apply:
            print(f"saved the assignment in {ws.relative(ws.meeting_path(meeting.id))}")
    return 1 if any(s.over for s in slots) else 0
