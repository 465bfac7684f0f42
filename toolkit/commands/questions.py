"""``meetingkit questions list|show``: browse the bank, tailored to your agency."""

from __future__ import annotations

import argparse
import sys

from ..bank import Bank, guidance, placeholder_values, tailor
from ..errors import UsageError
from ..locale import words
from ..model import Question
from . import context


def register(sub: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    p = sub.add_parser("questions", parents=[common], help="browse the question bank")
    qsub = p.add_subparsers(dest="action", metavar="ACTION", required=True, parser_class=type(p))
    ls = qsub.add_parser("list", parents=[common], help="list questions")
    ls.add_argument("--topic", help="only this topic: its key or its name as listed")
    ls.add_argument("--lang", help="language code (en, es, …); default: the workspace's first")
    context.add_json(ls)
    ls.set_defaults(handler=run_list)
    show = qsub.add_parser("show", parents=[common], help="one question with its guidance")
    show.add_argument("question_id", metavar="QUESTION_ID")
    show.add_argument("--lang", help="language code (en, es, …)")
    show.add_argument(
        "--no-ice", dest="ice", action="store_false", help="leave out what ICE's 287(g) list says"
    )
    show.set_defaults(handler=run_show)


def _ice_line(args: argparse.Namespace, lang: str) -> str | None:
    """ICE's own list on the 287(g) question, when the workspace's agency is on it
    (and the group has not turned it off with ``ice: false``)."""
    from datetime import date

    from ..errors import one_line
    from ..ice import ice_line
    from ..ice_store import cited_match

    ws = context.workspace(args)
    if not ws.exists():
        return None
    found = cited_match(ws.root, ws.settings())
    line = ice_line(found, date.today(), lang) if found else None
    return one_line(line) if line else None


def _setup(args: argparse.Namespace) -> tuple[Bank, dict[str, str], str]:
    """The bank and placeholder values; tailoring needs a workspace but browsing does not."""
    ws = context.workspace(args)
    if ws.exists():
        settings = ws.settings()
        bank = context.bank_of(ws)
        lang = args.lang or settings.languages[0]
        values = placeholder_values(settings, lang=lang)
    else:
        bank, values, lang = context.bank_of(None), {}, args.lang or "en"
    for problem in bank.problems:
        context.warn(str(problem))
    return bank, values, lang


def _as_json(q: Question, values: dict[str, str]) -> dict[str, object]:
    texts = {}
    for lang, t in q.texts.items():
        filled = tailor(t.text, values)
        texts[lang] = {
            "text": filled.text,
            "missing": filled.missing,
            "why": tailor(t.why, values).text,
            "follow_ups": [tailor(f, values).text for f in t.follow_ups],
            "clear_answer": tailor(t.clear_answer, values).text,
            "red_flags": t.red_flags,
            "records": t.records,
        }
    sources = [{"title": s.title, "url": s.url, "checked": s.checked.isoformat()} for s in q.sources]
    return {
        "id": q.id,
        "topic": q.topic,
        "ask": q.ask,
        "source": q.bank_file,
        "texts": texts,
        "sources": sources,
    }


def _topic_key(bank: Bank, given: str) -> str:
    """The topic's key, from the key or its name in any language as lists show it
    ("287(g) agreements"), in any case."""
    wanted = given.strip().casefold()
    for key, labels in bank.topics.items():
        if wanted in {key.casefold(), *(label.casefold() for label in labels.values())}:
            return key
    raise UsageError(f"no topic {given!r}; topics: {', '.join(sorted(bank.topics))}")


def run_list(args: argparse.Namespace) -> int:
    bank, values, lang = _setup(args)
    topic = _topic_key(bank, args.topic) if args.topic else None
    questions = [q for q in bank.questions.values() if topic is None or q.topic == topic]
    if args.json:
        context.print_json([_as_json(q, values) for q in questions])
        return 0
    for q in questions:
        qtext = q.text_in(lang) or next(iter(q.texts.values()))
        print(f"{q.id}  [{bank.topic_label(q.topic, lang)}]")
        print(f"    {tailor(qtext.text, values).text}")
    return 0


def run_show(args: argparse.Namespace) -> int:
    bank, values, lang = _setup(args)
    q = bank.get(args.question_id)
    t = q.text_in(lang)
    if t is None:
        raise UsageError(f"question {q.id!r} has no {lang!r} text; it has {', '.join(q.texts)}")
    filled = tailor(t.text, values)
    w = words(lang)
    out = sys.stdout
    out.write(f"{q.id}  [{bank.topic_label(q.topic, lang)}]  ({q.bank_file})\n\n{filled.text}\n")
    from ..ice import ICE_QUESTION

    ice = _ice_line(args, lang) if q.id == ICE_QUESTION and args.ice else None
    if ice:
        out.write(f"\n{ice}\n")
    if filled.missing:
        names = ", ".join("{" + m + "}" for m in filled.missing)
        note = w.pgettext("questions show", "(not filled: {names}; set them in meetingkit.yaml)")
        out.write("\n" + note.format(names=names) + "\n")
    for part in guidance(q, lang):
        out.write(f"\n{part.heading}:\n")
        out.writelines(f"  - {tailor(line, values).text}\n" for line in part.lines)
    return 0
