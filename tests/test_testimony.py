"""Word count, speaking time, the draft template and the speaker planner."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from toolkit.bank import load
from toolkit.model import AgendaEntry, Meeting, Settings
from toolkit.testimony import draft, mmss, speaking_seconds, split_among, timing, word_count


def test_word_count_ignores_markup_and_hints():
    assert word_count("Good evening, Chair. I'm here — 287(g) matters!") == 7
    assert word_count("## My questions\n\n1. **Does** the jail hold people?") == 8
    assert word_count("<!-- a hint that is not spoken -->Thank you.") == 2
    assert word_count("") == 0


def test_speaking_time_at_130_wpm():
    assert speaking_seconds(260) == 120
    assert speaking_seconds(130, 150) == 52
    assert mmss(125) == "2:05" and mmss(0) == "0:00"


def test_timing_states_and_words_over():
    assert timing("word " * 100, 2).state == "under"
    assert timing("word " * 240, 2).state == "close"
    over = timing("word " * 280, 2)
    assert over.state == "over" and over.spare_words == -20
    assert "20 words over" in over.summary() and "limit 2:00" in over.summary()


@given(st.lists(st.integers(min_value=5, max_value=80), min_size=1, max_size=12), st.integers(1, 4))
def test_split_keeps_order_covers_all_and_balances(sizes: list[int], k: int):
    items = [(f"q{i}", s) for i, s in enumerate(sizes)]
    speakers = [f"s{j}" for j in range(k)]
    slots = split_among(items, speakers, minutes=2)
    assert [q for slot in slots for q in slot.questions] == [q for q, _ in items]
    assert [s.speaker for s in slots] == speakers
    worst = max(s.words - (70 if s.questions else 0) for s in slots)
    assert worst <= max(sizes) or k == 1 or worst <= sum(sizes) // k + max(sizes)
    assert worst >= max(sizes)


def test_split_fits_two_speakers_where_one_would_be_over():
    items = [("a", 90), ("b", 80), ("c", 85), ("d", 95)]
    assert split_among(items, ["Ana"], minutes=2)[0].over
    slots = split_among(items, ["Ana", "Ben"], minutes=2)
    assert [s.questions for s in slots] == [["a", "b"], ["c", "d"]]
    assert not any(s.over for s in slots)


@pytest.fixture
def meeting() -> Meeting:
    return Meeting(
        id="2027-01-12-city-council",
        body="City Council",
        date=date(2027, 1, 12),
        minutes=2,
        agenda=[
            AgendaEntry(question="data-sharing", speaker="Ana"),
            AgendaEntry(question="287g-participation", text="Will you end it?", speaker="Ben"),
        ],
    )


def test_draft_follows_the_effective_comment_structure(meeting: Meeting):
    settings = Settings(
        group="Eastside Neighbors", agency="the Harris County Sheriff's Office", jurisdiction="Harris County"
    )
    text = draft(meeting, settings, load(None), "Ben", "Northside")
    order = [
        "Chair and members of the City Council",
        "My name is Ben",
        "Northside",
        "Eastside Neighbors",
        "Harris County",
        "Will you end it?",
        "in writing by January 26, 2027",
        "Thank you.",
    ]
    positions = [text.index(part) for part in order]
    assert positions == sorted(positions)
    assert "data" not in text.split("My question is:")[1].lower()
    assert timing(text, 2).state == "under"


def test_spanish_draft(meeting: Meeting):
    meeting.language = "es"
    meeting.time = "18:30"
    meeting.agenda[1].text = ""
    meeting.agenda[1].speaker = "Ana"
    settings = Settings(agency="the Sheriff", names={"es": {"agency": "la Oficina del Sheriff"}})
    text = draft(meeting, settings, load(None), "Ana")
    assert text.startswith("Buenas noches a la Presidencia y a los miembros de City Council.")
    assert "26 de enero de 2027" in text and "la Oficina del Sheriff" in text
    assert "Mis preguntas son:" in text and "¿" in text
    assert "responda a estas preguntas esta noche, para que conste en acta" in text
    for english in ("[your", "My question", "Thank you", "tonight", "Say your concern"):
        assert english not in text


@pytest.mark.parametrize(
    "lang, hhmm, greeting, when",
    [
        ("en", "10:00", "Good morning, Chair and members", "on the record today"),
        ("en", "14:00", "Good afternoon, Chair and members", "on the record today"),
        ("en", "18:30", "Good evening, Chair and members", "on the record tonight"),
        ("es", "09:30", "Buenos días a la Presidencia", "esta pregunta hoy"),
        ("es", "13:00", "Buenas tardes a la Presidencia", "esta pregunta hoy"),
        ("es", "19:00", "Buenas noches a la Presidencia", "esta pregunta esta noche"),
        ("en", "", "Chair and members of the City Council:", "on the record today"),
    ],
)
def test_greeting_and_ask_follow_the_meetings_time_of_day(
    meeting: Meeting, lang: str, hhmm: str, greeting: str, when: str
):
    meeting.language, meeting.time = lang, hhmm
    text = draft(meeting, Settings(agency="the Sheriff"), load(None), "Ben")
    assert text.startswith(greeting) and when in text
    if hhmm and hhmm < "18:00":
        assert "tonight" not in text and "noche" not in text


def test_one_question_is_singular_several_are_plural(meeting: Meeting):
    settings = Settings(agency="the Sheriff")
    one = draft(meeting, settings, load(None), "Ben")
    assert "My question is:\n1. Will you end it?" in one and "answer this question on the record" in one
    assert "My questions are:" not in one and "these questions" not in one
    meeting.language = "es"
    assert "Mi pregunta es:" in draft(meeting, settings, load(None), "Ben")
    meeting.agenda[0].speaker = "Ben"
    both = draft(meeting, settings, load(None), "Ben")
    assert "Mis preguntas son:" in both and "responda a estas preguntas" in both
    meeting.language = "en"
    both = draft(meeting, settings, load(None), "Ben")
    assert "My questions are:" in both and "answer these questions on the record" in both


def test_the_concern_hint_offers_trust_and_equal_treatment_in_both_languages(meeting: Meeting):
    settings = Settings(agency="the Sheriff", jurisdiction="Harris County")
    english = draft(meeting, settings, load(None), "Ben")
    assert "stop calling 911 and stop coming forward as witnesses" in english
    assert "Every resident of Harris County, whatever their background" in english
    meeting.language = "es"
    spanish = draft(meeting, settings, load(None), "Ben")
    assert "dejan de llamar al 911 y de presentarse como testigos" in spanish
    assert "Todos los residentes de Harris County, sea cual sea su origen" in spanish
    assert word_count(english) == word_count(english.split("<!--")[0] + english.split("-->")[1]), (
        "the examples are a hint: not counted"
    )
