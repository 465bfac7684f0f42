"""The small pure pieces of printing: the size search, the overflow advice,
escaping, short "why it matters" texts, the glyph check and QR runs."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from toolkit.errors import MeetingkitError, UsageError
from toolkit.model import Settings
from toolkit.printing import fit, glyphs
from toolkit.printing.fonts import bold_sibling, choose, font_file, helvetica_has
from toolkit.printing.handout import Sections, brief, first_words, parse_langs
from toolkit.printing.handout_pdf import Handout, shorter_versions
from toolkit.printing.markup import clean, escape_text
from toolkit.printing.qr import dark_runs
from toolkit.printing.testimony_pdf import list_lines, paragraphs


@given(
    threshold=st.floats(min_value=9, max_value=25, allow_nan=False),
    lo=st.sampled_from([10.0, 18.0]),
    guess=st.none() | st.floats(min_value=0, max_value=40),
)
def test_largest_fitting_finds_the_last_grid_size_under_the_threshold(threshold, lo, guess):
    hi = lo + 6
    tried: list[float] = []

    def fits(size: float) -> bool:
        tried.append(size)
        return size <= threshold

    found = fit.largest_fitting(fits, lo, hi, guess=guess)
    grid = [lo + i * fit.STEP for i in range(int((hi - lo) / fit.STEP) + 1)]
    fitting = [s for s in grid if s <= threshold]
    assert found == (max(fitting) if fitting else None)
    assert len(tried) <= (7 if guess is None else 12), "bisection, not a scan"


@pytest.mark.parametrize("guess, calls", [(12.5, 3), (12.75, 3), (12.25, 5), (10.0, 9), (20.0, 7)])
def test_a_good_guess_settles_the_size_in_three_layouts(guess, calls):
    tried: list[float] = []

    def fits(size: float) -> bool:
        tried.append(size)
        return size <= 12.6

    assert fit.largest_fitting(fits, 10, 14, guess=guess) == 12.5
    assert len(tried) <= calls


def test_largest_fitting_tries_the_ceiling_first():
    tried: list[float] = []
    assert fit.largest_fitting(lambda s: tried.append(s) is None, 10, 14) == 14
    assert tried == [14]


def test_overflow_message_says_how_much_and_what_to_cut():
    message = fit.overflow_message(120, 720, 12, 10, ["ask fewer questions", "drop it"])
    assert "10 pt" in message
    assert "about 10 lines (17% of a page) too long" in message
    assert message.endswith("To make room: ask fewer questions; drop it")


@pytest.mark.parametrize(
    "typed",
    ["<b>bold</b>", "Tom & Jerry", "<font size=100>big</font>", '<img src="/etc/passwd"/>', "&amp; &lt;"],
)
def test_escaped_text_has_no_markup_left(typed):
    escaped = escape_text(typed)
    assert "<" not in escaped and ">" not in escaped
    assert escaped.replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&") == typed


def test_clean_composes_accents_and_drops_control_characters():
    decomposed = "Nguye\u0302\u0303n\tThi\u0323\x07"
    assert clean(decomposed) == "Nguyễn Thị "
    assert clean("6:30\u202fPM") == "6:30\u00a0PM"


def test_brief_keeps_whole_sentences_and_skips_abbreviations():
    text = "The U.S. Department of Homeland Security runs ICE. It has offices in every state. More."
    assert brief(text, at_least=10) == "The U.S. Department of Homeland Security runs ICE."
    assert (
        brief(text, at_least=60)
        == "The U.S. Department of Homeland Security runs ICE. It has offices in every state."
    )
    assert brief("¿Qué hace? ¿Por qué?", at_least=0) == "¿Qué hace?"
    assert brief("One sentence only", at_least=500) == "One sentence only"


def test_parse_langs():
    settings = Settings(languages=["en", "es"])
    assert parse_langs(None, settings) == ("en", "es")
    assert parse_langs("es", settings) == ("es",)
    assert parse_langs(" en , es ", settings) == ("en", "es")
    with pytest.raises(UsageError, match="one language or two"):
        parse_langs("en,es,en,fr", settings)
    with pytest.raises(UsageError, match="not 'fr'"):
        parse_langs("fr", settings)


def test_helvetica_covers_western_european_text_only():
    assert all(helvetica_has(c) for c in "àéîõüçñ¿¡«»“”‘’€–—…·")
    assert not any(helvetica_has(c) for c in "ăđơưệ")


def test_choose_picks_helvetica_when_it_can():
    assert choose([("question 1", "¿Coopera la Oficina del Sheriff con ICE?")]).regular == "Helvetica"


def test_choose_names_characters_no_font_has():
    with pytest.raises(MeetingkitError) as error:
        choose([("question 4 (data-sharing)", "ICE 移民")])
    message = str(error.value)
    assert message.startswith("no font on this computer can draw “移” (U+79FB), “民” (U+6C11)")
    assert "in question 4 (data-sharing)" in message and "--font" in message


def test_right_to_left_scripts_are_refused_before_any_font_is_tried():
    for text, script in (("שלום", "Hebrew"), ("سلام", "Arabic")):
        with pytest.raises(MeetingkitError, match=f"right-to-left text \\({script}\\)"):
            choose([("the title", text)], Path("/nonexistent.ttf"))


def test_missing_places_are_listed_once_and_capped():
    found = glyphs.characters([(f"question {n}", "ư") for n in range(1, 6)])
    error = glyphs.missing_error(found, ["ư"], "the font X cannot draw", "try another")
    assert "in question 1, question 2, question 3 and 2 more places" in str(error)


def test_a_missing_font_file_is_an_error(tmp_path):
    with pytest.raises(MeetingkitError, match="does not exist"):
        choose([("title", "x")], tmp_path / "nope.ttf")
    bad = tmp_path / "bad.ttf"
    bad.write_bytes(b"not a font")
    with pytest.raises(MeetingkitError, match="cannot use the font"):
        choose([("title", "x")], bad)


def test_bold_sibling_and_font_file(tmp_path):
    for regular, bold in (("NotoSans-Regular", "NotoSans-Bold"), ("Vera", "VeraBd"), ("Free", "Free-Bold")):
        (tmp_path / f"{regular}.ttf").write_bytes(b"")
        (tmp_path / f"{bold}.ttf").write_bytes(b"")
        assert bold_sibling(tmp_path / f"{regular}.ttf") == tmp_path / f"{bold}.ttf"
    (tmp_path / "Lonely.ttf").write_bytes(b"")
    assert bold_sibling(tmp_path / "Lonely.ttf") is None
    assert font_file("x.ttf", "fonts/y.ttf", tmp_path) == Path("x.ttf")
    assert font_file(None, "fonts/y.ttf", tmp_path) == (tmp_path / "fonts" / "y.ttf").resolve()
    assert font_file(None, "", tmp_path) is None


def test_dark_runs():
    assert dark_runs(bytes([1, 1, 0, 1, 0, 0, 1])) == [(0, 2), (3, 1), (6, 1)]
    assert dark_runs(bytes([0, 0])) == []


def test_testimony_paragraphs_leave_out_hints_and_keep_lists():
    text = (
        "Hello.\n\n<!-- a hint\nover lines -->\n\nMy questions are:\n1. First?\n2) Second?\n- a bullet\n\n\n"
    )
    assert paragraphs(text) == ["Hello.", "My questions are:\n1. First?\n2) Second?\n- a bullet"]
    assert list_lines(paragraphs(text)[1]) == [
        ("", "My questions are:"),
        ("1.", "First?"),
        ("2)", "Second?"),
        ("•", "a bullet"),
    ]


def test_parts_are_left_out_in_the_documented_order():
    def order(asked: Sections) -> list[tuple[str, ...]]:
        return [left_out for left_out, _ in shorter_versions(asked)]

    assert order(Sections()) == [
        (),
        ("way_details",),
        ("way_details", "why_in_full"),
        ("way_details", "why_in_full", "why"),
        ("way_details", "why_in_full", "why", "ways"),
    ]
    assert list(shorter_versions(Sections()))[-1][1] == Sections(
        why=False, why_in_full=False, ways=False, way_details=False
    )
    assert order(Sections(ways=False)) == [(), ("why_in_full",), ("why_in_full", "why")], (
        "no ways: no details"
    )
    assert order(Sections(why=False)) == [(), ("way_details",), ("way_details", "ways")], (
        "no why: none to shorten"
    )
    assert order(Sections(why=False, ways=False)) == [()]


def test_notes_say_what_was_left_out_and_how_to_get_it_back():
    handout = Handout(
        b"", 10.5, ("“Why it matters” under each question",), ("ask fewer questions", "use --sides 2")
    )
    assert handout.notes() == [
        "left out “Why it matters” under each question to fit one page at 10.5 pt",
        "to make room for what was left out: ask fewer questions; or use --sides 2",
    ]
    assert Handout(b"", 12).notes() == []
    two_sided = Handout(b"", 18, ("“What you can do”",), (), sides=2)
    assert two_sided.notes() == [
        "left out “What you can do” to fit each side at 18 pt",
        "to make room for what was left out: shorten the questions' wording",
    ]


def test_first_words_of_a_way_end_at_its_first_clause():
    way = "Attend meetings and testify during public comment, so the answer is on the record. Bring a friend."
    assert first_words(way) == "Attend meetings and testify during public comment."
    assert first_words("Submit media inquiries. Share your questions, too.") == "Submit media inquiries."
    assert first_words("Revise el presupuesto local — y los MOU.") == "Revise el presupuesto local."
