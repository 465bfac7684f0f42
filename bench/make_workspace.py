"""Write a realistic large workspace: a statewide coalition after years of work.

    python bench/make_workspace.py --meetings 500 --answers 10000 --promises 2000 DIR

Everything goes through the project's own store (``Workspace.save_*`` inside
``bulk_writes``), so the files are byte for byte what the app and the command
line write. Text is English and Spanish, short and long (some quotes run to
several paragraphs), and promise due dates are spread around today, so
``promise list --overdue`` has real work to do. The same seed gives the same
workspace for the same day.
"""

from __future__ import annotations

import argparse
import random
import sys
import time
from datetime import date, timedelta
from pathlib import Path

from toolkit import tracker, yamlio
from toolkit.atomic import write_bytes
from toolkit.bank import load
from toolkit.model import (
    ANSWER_STATUSES,
    FORMAT,
    PROMISE_STATUSES,
    AgendaEntry,
    Answer,
    Meeting,
    Official,
    Settings,
    Testimony,
)
from toolkit.store import Workspace

COUNTIES = (
    "Alder", "Birch Hollow", "Cedar", "Dunmore", "Elk River", "Fairview", "Granite", "Harlan",
    "Iron Gate", "Juniper", "Kestrel", "Lone Pine", "Marigold", "North Fork", "Oakridge",
    "Palo Verde", "Quarry", "Rio Seco", "Silver Lake", "Tamarack", "Upland", "Valle Verde",
    "Willow Bend", "Yucca Flats", "Zephyr",
)  # fmt: skip
BODIES = ("County Board of Commissioners", "City Council", "Sheriff's Office Community Forum",
          "County Jail Oversight Committee", "School Board")  # fmt: skip
OFFICIALS = (
    "Sheriff Dana Whitfield", "Chair Luis Ortega", "County Attorney Priya Raman",
    "Chief Anthony Brooks", "Commissioner Rosa Delgado", "Jail Administrator Kim Nguyen",
    "Councilmember Tomás Herrera", "Undersheriff Paul Becker", "District Attorney Grace Obi",
    "Mayor Elena Marín",
)  # fmt: skip
EN = (
    "We follow all applicable federal and state laws.",
    "I'll have to get back to you on that.",
    "The jail does receive detainer requests, and each one is reviewed by our legal staff.",
    "We do not ask about immigration status during traffic stops.",
    "There is no written agreement that I am aware of, but I will check with the undersheriff.",
    "The grant conditions were reviewed by the county attorney before the board accepted the award.",
    "Our data goes into the state system; what the federal government does with it is up to them.",
    "That question is better directed to the district attorney's office.",
    "We have a 287(g) agreement, the jail model only, and it is up for renewal in the spring.",
    "I can't discuss pending litigation in public comment.",
)
ES = (
    "Cumplimos con todas las leyes federales y estatales aplicables.",
    "Tendré que consultarlo y responderle por escrito.",
    "La cárcel sí recibe solicitudes de detención, y cada una la revisa nuestro equipo legal.",
    "No preguntamos por el estatus migratorio durante las paradas de tránsito.",
    "No existe ningún acuerdo por escrito del que yo tenga conocimiento, pero lo voy a verificar.",
    "Las condiciones de la subvención fueron revisadas por la fiscalía del condado.",
    "Esa pregunta le corresponde a la oficina del fiscal de distrito.",
    "Tenemos un acuerdo 287(g), solo el modelo de la cárcel, y se renueva en la primavera.",
)
WHAT = (
    "Send a copy of the signed 287(g) agreement to the board",
    "Provide the written data-sharing policy",
    "Post the Byrne JAG award conditions on the county website",
    "Release monthly detainer counts for the past year",
    "Entregar por escrito la política sobre órdenes administrativas de ICE",
    "Publish the steering-committee minutes",
    "Answer the records request about communications with ICE",
    "Presentar el informe de la cárcel sobre avisos de liberación",
    "Schedule a public hearing before renewing the MOA",
)
TOPICS = ("287g", "data-sharing", "warrants", "detainers", "grants", "prosecutors", "reports", "sanctuary")
ASPECTS = ("budget", "training", "complaints", "contracts", "audits", "staffing", "transport",
           "interpreters", "visits", "releases", "records", "oversight")  # fmt: skip


def _text(rng: random.Random, pool: tuple[str, ...], low: int, high: int) -> str:
    return " ".join(rng.choice(pool) for _ in range(rng.randint(low, high)))


def said(rng: random.Random) -> str:
    """Mostly a sentence or two; sometimes a long quote of several paragraphs."""
    pool = EN if rng.random() < 0.65 else ES
    roll = rng.random()
    if roll < 0.7:
        return _text(rng, pool, 1, 2)
    if roll < 0.95:
        return _text(rng, pool, 3, 8)
    return "\n\n".join(_text(rng, pool, 4, 9) for _ in range(rng.randint(2, 5)))


def bank_questions(count: int) -> list[dict[str, object]]:
    """The coalition's own questions, so each meeting can have many answers."""
    questions = []
    for n in range(count):
        topic = TOPICS[n % len(TOPICS)]
        aspect = ASPECTS[n // len(TOPICS) % len(ASPECTS)]
        questions.append(
            {
                "id": f"{topic}-{aspect}-{n + 1}",
                "topic": topic,
                "en": {"text": f"What are {{agency}}'s {aspect} practices on {topic.replace('-', ' ')}?"},
                "es": {"text": f"¿Cuáles son las prácticas de {{agency}} sobre {aspect} en {topic}?"},
            }
        )
    return questions


def write_bank(ws: Workspace, count: int) -> None:
    data = {
        "format": FORMAT,
        "id": "coalition",
        "title": {"en": "Statewide coalition questions", "es": "Preguntas de la coalición estatal"},
        "questions": bank_questions(count),
    }
    write_bytes(ws.bank_dir / "coalition.yaml", yamlio.dumps(data).encode("utf-8"))


def make_meetings(ws: Workspace, rng: random.Random, dates: list[date], per: int) -> list[Meeting]:
    """One meeting per date, each agenda ``per`` questions long."""
    qids = list(load(ws.bank_dir).questions)
    meetings = []
    for on in dates:
        county = rng.choice(COUNTIES)
        body = f"{county} {rng.choice(BODIES)}"
        meeting = Meeting(
            id=ws.new_meeting_id(on, body),
            body=body,
            date=on,
            time=rng.choice(("09:00", "18:00", "18:30", "19:00")),
            location=f"{county} County Courthouse, Room {rng.randint(100, 400)}",
            agenda_item="Public comment",
            minutes=rng.choice((2, 3)),
            signup="Sign up with the clerk before the meeting.",
            language=rng.choice(("en", "en", "es")),
            agenda=[
                AgendaEntry(question=q, speaker=rng.choice(("Maria Lopez", "James Carter", "Ana Ruiz")))
                for q in rng.sample(qids, per)
            ],
            notes=said(rng) if rng.random() < 0.2 else "",
        )
        ws.save_meeting(meeting)
        meetings.append(meeting)
    return meetings


def make_answers(
    ws: Workspace, rng: random.Random, meetings: list[Meeting], count: int, promises: int, today: date
) -> None:
    """Answers only for meetings already held; promises made at them, some since kept or broken."""
    slots = [(m, e.question) for m in meetings if m.date <= today for e in m.agenda][:count]
    with_promises = rng.choices(range(len(slots)), k=promises)
    per_answer: dict[int, int] = {}
    for i in with_promises:
        per_answer[i] = per_answer.get(i, 0) + 1
    for i, (meeting, qid) in enumerate(slots):
        answer = Answer(meeting=meeting.id, question=qid)
        tracker.log_answer(
            answer,
            rng.choice(ANSWER_STATUSES),
            rng.choice(OFFICIALS),
            said(rng),
            f"Meeting video, https://example.org/{meeting.id} at 1:{rng.randint(10, 59)}:00",
            notes=said(rng) if rng.random() < 0.1 else None,
        )
        for _ in range(per_answer.get(i, 0)):
            made = meeting.date
            promise = tracker.add_promise(
                answer, rng.choice(WHAT), made + timedelta(days=rng.randint(7, 240)), answer.official, made
            )
            for step in range(rng.choice((0, 0, 1, 1, 2, 3))):
                tracker.set_status(
                    promise,
                    rng.choice(PROMISE_STATUSES),
                    made + timedelta(days=10 * (step + 1)),
                    rng.choice(("", "letter received", "no reply yet", "se entregó una copia parcial")),
                )
        ws.save_answer(answer)


def make_testimony(ws: Workspace, rng: random.Random, meetings: list[Meeting]) -> None:
    for meeting in meetings[::5]:
        speaker = meeting.agenda[0].speaker
        body = "\n\n".join(said(rng) for _ in range(3))
        ws.save_testimony(
            Testimony(meeting=meeting.id, speaker=speaker, text=f"Good evening, {meeting.body}.\n\n{body}\n")
        )


def build(root: Path, meetings: int, answers: int, promises: int, today: date, seed: int = 6) -> Workspace:
    rng = random.Random(seed)
    ws = Workspace(root)
    ws.create(
        Settings(
            group="Statewide Immigrant Rights Coalition",
            agency="the County Sheriff's Office",
            jurisdiction="the state",
            state="Columbia",
            website="https://example.org/coalition",
            officials=[Official(name=name) for name in OFFICIALS],
            languages=["en", "es"],
        )
    )
    dates = [today + timedelta(days=rng.randint(-3 * 365, 60)) for _ in range(meetings)]
    held = sum(on <= today for on in dates)
    per = max(1, -(-answers // max(held, 1)))
    with ws.bulk_writes():
        write_bank(ws, per)
        made = make_meetings(ws, rng, dates, per)
        make_answers(ws, rng, made, answers, promises, today)
        make_testimony(ws, rng, made)
    return ws


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--meetings", type=int, default=500)
    parser.add_argument("--answers", type=int, default=10000)
    parser.add_argument("--promises", type=int, default=2000)
    parser.add_argument("--today", type=date.fromisoformat, default=date.today(), help="YYYY-MM-DD")
    parser.add_argument("--seed", type=int, default=6)
    parser.add_argument("dir", type=Path, metavar="DIR", help="a folder that holds no workspace yet")
    args = parser.parse_args(argv)
    start = time.perf_counter()
    build(args.dir, args.meetings, args.answers, args.promises, args.today, args.seed)
    print(
        f"wrote {args.meetings} meetings, {args.answers} answers, {args.promises} promises "
        f"to {args.dir} in {time.perf_counter() - start:.1f} s",
        file=sys.stderr,
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
