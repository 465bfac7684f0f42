"""Spanish output read back as a reader gets it: the follow-up draft, `questions
show --lang es`, the speaker copy and the promises handout. None may carry
meetingkit's English words, and every time is on the 12-hour clock of es_US.

"English words" are taken from the catalog itself: every stretch of a message
between placeholders, in the contexts that print on that output, unless the
Spanish says the same (such as "Sheriff").
"""

from __future__ import annotations

import io
import re
from pathlib import Path

import pdfplumber
import pytest

from toolkit import model
from toolkit.locale import words
from toolkit.locale.compile import extract
from toolkit.store import Workspace

TWELVE_HOUR_ES = re.compile(r"\b6:30\s?p\.\s?m\.")
WEEKDAY_MID_LINE = re.compile(
    r" · (lunes|martes|miércoles|jueves|viernes|sábado|domingo), \d+ de [a-z]+ de 20\d\d, 6:30"
)
_PLACEHOLDER = re.compile(r"\{\w+\}|<!--|-->")


def english_in(text: str, *contexts: str) -> list[str]:
    """meetingkit's English stretches (from messages of ``contexts``) found in ``text``."""
    es = words("es")
    found = []
    for message in extract():
        if not message.id or not any(message.context.startswith(c) for c in contexts):
            continue
        for msgid, spanish in _pairs(message, es):
            for stretch in _PLACEHOLDER.split(msgid):
                stretch = stretch.strip(" .,:;“”")
                if len(stretch) >= 4 and stretch not in spanish and stretch in text:
                    found.append(stretch)
    return found


def _pairs(message, es) -> list[tuple[str, str]]:  # type: ignore[no-untyped-def]
    if isinstance(message.id, tuple):
        singular, plural = message.id
        return [
            (singular, es.npgettext(message.context, singular, plural, 1)),
            (plural, es.npgettext(message.context, singular, plural, 2)),
        ]
    return [(message.id, es.pgettext(message.context, message.id))]


def _pdf_text(path: Path) -> str:
    with pdfplumber.open(io.BytesIO(path.read_bytes())) as doc:
        return " ".join(" ".join((page.extract_text() or "").split()) for page in doc.pages)


def _in_spanish(ws: Workspace, meeting: model.Meeting) -> str:
    meeting.language = "es"
    ws.save_meeting(meeting)
    return meeting.id


@pytest.fixture
def upcoming(demo_ws: Workspace) -> str:
    return _in_spanish(demo_ws, demo_ws.meetings().records[-1])


def test_the_follow_up_draft_in_spanish_has_no_english_frame(cli, demo_ws: Workspace, upcoming: str):
    r = cli("testimony", "draft", upcoming, "--speaker", "Rosa Díaz", "--follow-up", workspace=demo_ws.root)
    assert r.code == 0, r.err
    text = Path(r.out.strip()).read_text(encoding="utf-8")
    assert english_in(text, "draft", "follow-up") == []
    assert "Buenas noches a la Presidencia" in text, "an 18:30 meeting"
    assert "se comprometió a lo siguiente: «Provide the written data-sharing policy»." in text, (
        "an English promise is quoted whole, never spliced into a Spanish infinitive"
    )
    assert "«We follow all applicable federal and state laws». Volvemos a preguntar." in text
    assert "traduzca o explique" in text
    assert "Mis preguntas son:" in text and "responda a estas preguntas esta noche" in text


def test_questions_show_in_spanish_has_spanish_labels_and_role_names(cli, demo_ws: Workspace):
    r = cli("questions", "show", "detainers-release-notification", "--lang", "es", workspace=demo_ws.root)
    assert r.code == 0, r.err
    assert english_in(r.out, "question guidance", "role", "questions show") == []
    for label in ("Por qué importa:", "Señales de alerta:", "Quién puede responder:"):
        assert label in r.out
    assert "  - Dirección de la cárcel\n" in r.out and "jail-administrator" not in r.out


def test_questions_show_in_english_names_roles_too(cli, demo_ws: Workspace):
    r = cli("questions", "show", "287g-participation", "--lang", "en", workspace=demo_ws.root)
    assert "Who can answer:\n  - Sheriff\n  - Police chief\n" in r.out and "police-chief" not in r.out


def test_speaker_copy_in_spanish(cli, demo_ws: Workspace, upcoming: str, tmp_path: Path):
    demo_ws.save_testimony(
        model.Testimony(
            meeting=upcoming, speaker="Rosa Díaz", text="Buenas noches.\n\n" + "Pedimos respuestas. " * 200
        )
    )
    out = tmp_path / "rosa.pdf"
    r = cli("testimony", "print", upcoming, "--speaker", "Rosa Díaz", "-o", str(out), workspace=demo_ws.root)
    assert r.code == 0, r.err
    text = _pdf_text(out)
    assert english_in(text, "testimony copy", "handout: date and time") == []
    assert text.startswith("Testimonio de Rosa Díaz")
    assert "La Junta de Comisionados del Condado de Alder · " in text
    assert WEEKDAY_MID_LINE.search(text), "weekday lower-case mid-line"
    assert TWELVE_HOUR_ES.search(text) and "18:30" not in text
    assert "Se pasa del límite por" in text and "palabras: acorte el texto antes de hablar." in text
    assert "Página 1 de" in text


def test_written_copy_in_spanish(cli, demo_ws: Workspace, upcoming: str, tmp_path: Path):
    meeting = demo_ws.meeting(upcoming)
    meeting.agenda_item = ""
    demo_ws.save_meeting(meeting)
    demo_ws.save_testimony(
        model.Testimony(meeting=upcoming, speaker="Rosa Díaz", text="Buenas noches.\n\nGracias.")
    )
    out = tmp_path / "carta.pdf"
    args = ("testimony", "print", upcoming, "--speaker", "Rosa Díaz", "-o", str(out), "--written")
    assert cli(*args, workspace=demo_ws.root).code == 0
    text = _pdf_text(out)
    assert english_in(text, "testimony copy", "letter") == []
    assert "Testimonio por escrito para que conste en acta" in text
    assert re.search(r"Fecha: [a-zé]+, \d+ de [a-z]+ de 20\d\d", text) and "Atentamente," in text
    assert "Asunto: Comentarios del público" in text


def test_promises_handout_in_spanish(cli, demo_ws: Workspace, upcoming: str, tmp_path: Path):
    out = tmp_path / "promesas.pdf"
    r = cli("handout", upcoming, "--promises", "--lang", "es", "-o", str(out), workspace=demo_ws.root)
    assert r.code == 0, r.err
    text = _pdf_text(out)
    assert english_in(text, "promises handout", "handout: date and time") == []
    assert WEEKDAY_MID_LINE.search(text), "weekday lower-case mid-line"
    assert TWELVE_HOUR_ES.search(text) and "18:30" not in text
    assert "Prometida por Chair Luis Ortega" in text
    assert "VENCIDA hace" in text and "Pendiente: vence en" in text


def test_english_handouts_use_the_us_clock_and_dates(cli, demo_ws: Workspace, tmp_path: Path):
    upcoming = demo_ws.meetings().records[-1].id
    out = tmp_path / "promises.pdf"
    assert cli("handout", upcoming, "--promises", "-o", str(out), workspace=demo_ws.root).code == 0
    assert re.search(r" · [A-Z][a-z]+day, [A-Z][a-z]+ \d+, 20\d\d, 6:30\s?PM", _pdf_text(out))
