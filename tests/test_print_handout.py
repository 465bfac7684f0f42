"""The one-page handout, read back from the PDF as a reader would see it:
one page, the right words, nothing too small, columns level, hostile text
printed as typed, a QR code a phone can scan, the same bytes every time."""

from __future__ import annotations

import io
import re
from datetime import date
from pathlib import Path

import pdfplumber
import pypdf
import pypdfium2
import pytest
import reportlab
import yaml
import zxingcpp

from toolkit.bank import load
from toolkit.errors import MeetingkitError
from toolkit.model import AgendaEntry, Meeting
from toolkit.printing.fonts import FontSet
from toolkit.printing.handout import Sections
from toolkit.printing.handout_pdf import handout_pdf
from toolkit.store import Workspace

VERA = Path(reportlab.__file__).parent / "fonts" / "Vera.ttf"
"""Bitstream Vera, shipped with ReportLab: Western European letters only."""
SYSTEM_DEJAVU = Path("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf")
VIETNAMESE = "Văn phòng Cảnh sát trưởng có chia sẻ dữ liệu với ICE không?"
HOSTILE = ("<b>", "&", "<font size=100>", '<img src="/etc/passwd"/>')
ALL_QUESTIONS = (
    "287g-participation",
    "data-sharing",
    "administrative-warrants",
    "detainers-release-notification",
    "federal-grant-conditions",
    "prosecutor-collaboration",
    "named-in-reports",
    "sanctuary-policy",
)


def plan(ws: Workspace, questions=("administrative-warrants", "sanctuary-policy"), **changes) -> Meeting:
    meeting = Meeting(
        id=ws.new_meeting_id(date(2026, 12, 9), "Example County Commissioners Court"),
        body="Example County Commissioners Court",
        date=date(2026, 12, 9),
        time="18:30",
        location="Example County Courthouse, Room 101",
        agenda_item="Public comment",
        minutes=2,
        signup="Sign up with the clerk before 6:00 pm.",
        agenda=[AgendaEntry(question=q) for q in questions],
        notes="PRIVATE-NOTE: the aide's phone number",
    )
    for key, value in changes.items():
        setattr(meeting, key, value)
    ws.save_meeting(meeting)
    return meeting


def build(ws: Workspace, meeting: Meeting, langs=("en",), **options) -> bytes:
    return handout_pdf(ws.settings(), meeting, load(ws.bank_dir), langs, **options).data


def words_of(pdf: bytes) -> str:
    """All text on the page, whitespace (and line ends) made single spaces."""
    with pdfplumber.open(io.BytesIO(pdf)) as doc:
        return " ".join(" ".join(page.extract_text() or "" for page in doc.pages).split())


def column_words(pdf: bytes) -> tuple[str, str]:
    """The text of the left and the right half of the page, each read on its own."""
    with pdfplumber.open(io.BytesIO(pdf)) as doc:
        page = doc.pages[0]
        halves = (
            page.crop((0, 0, page.width / 2, page.height)),
            page.crop((page.width / 2, 0, page.width, page.height)),
        )
        left, right = (" ".join((half.extract_text() or "").split()) for half in halves)
    return left, right


def char_sizes(pdf: bytes) -> list[float]:
    with pdfplumber.open(io.BytesIO(pdf)) as doc:
        return [round(c["size"], 2) for page in doc.pages for c in page.chars if c["text"].strip()]


def pages(pdf: bytes) -> list[pypdf.PageObject]:
    return list(pypdf.PdfReader(io.BytesIO(pdf)).pages)


def with_spanish_names(ws: Workspace) -> None:
    settings = ws.settings()
    settings.names = {
        "es": {
            "agency": "la Oficina del Sheriff del Condado de Example",
            "body": "la Corte de Comisionados del Condado de Example",
        }
    }
    ws.save_settings(settings)


def test_one_page_with_tailored_questions_and_the_meeting(ws):
    meeting = plan(ws)
    meeting.agenda[1].text = "Will {agency} publish its policy on ICE detainers before March 1?"
    ws.save_meeting(meeting)
    pdf = build(ws, meeting)
    assert len(pages(pdf)) == 1
    text = words_of(pdf)
    for expected in (
        "Test Rights Coalition",
        "Questions for the Example County Sheriff's Office",
        "Example County Commissioners Court",
        "Wednesday, December 9, 2026, 6:30 PM",
        "Example County Courthouse, Room 101",
        "Public comment · 2 minutes per speaker",
        "To speak: Sign up with the clerk before 6:00 pm.",
        "1. Does the Example County Sheriff's Office have a written policy on ICE administrative warrants",
        "2. Will the Example County Sheriff's Office publish its policy on ICE detainers before March 1?",
        "Why it matters: An ICE administrative warrant looks official",
        "What you can do",
        "Partner with local immigration advocacy groups.",
        "https://example.org/coalition",
    ):
        assert expected in text
    assert "PRIVATE-NOTE" not in text
    assert "{agency}" not in text


def test_the_largest_size_that_fits_and_never_below_the_floor(ws):
    few = build(ws, plan(ws))
    many = build(ws, plan(ws, ALL_QUESTIONS), sections=Sections(why=False))
    assert len(pages(many)) == 1
    assert min(char_sizes(many)) >= 10
    assert min(char_sizes(few)) > min(char_sizes(many)), "fewer questions should print larger"
    assert max(char_sizes(few)) < 30


def test_the_size_found_is_the_largest_that_fits(ws):
    from toolkit.printing.blocks import where_texts
    from toolkit.printing.fonts import choose
    from toolkit.printing.handout import handout_blocks, handout_meta
    from toolkit.printing.page import Layout, PageSpec

    settings, bank = ws.settings(), load(ws.bank_dir)
    meeting = plan(ws, ALL_QUESTIONS[:5])
    blocks = handout_blocks(settings, meeting, bank, ("en",))
    spec = PageSpec(
        "letter", 10, 14, choose(where_texts(blocks)), handout_meta(settings, meeting, bank, ("en",))
    )
    size = handout_pdf(settings, meeting, bank, ("en",)).size
    layout = Layout(blocks, spec)
    assert 10 <= size < 14
    assert layout.overflow(size) <= 0 < layout.overflow(size + 0.25)


def test_large_print_never_goes_below_18_points(ws):
    pdf = build(ws, plan(ws, ("data-sharing",)), large_print=True, sections=Sections(ways=False))
    assert len(pages(pdf)) == 1
    assert min(char_sizes(pdf)) >= 18


@pytest.mark.parametrize("paper, box", [("letter", (612, 792)), ("a4", (595.28, 841.89))])
def test_letter_and_a4(ws, paper, box):
    (page,) = pages(build(ws, plan(ws), paper=paper))
    assert (float(page.mediabox.width), float(page.mediabox.height)) == pytest.approx(box, abs=0.01)


def test_bilingual_puts_each_question_level_with_its_translation(ws):
    with_spanish_names(ws)
    meeting = plan(ws, ALL_QUESTIONS[:3])
    pdf = build(ws, meeting, ("en", "es"), sections=Sections(why=False))
    text = words_of(pdf)
    assert "Questions for the Example County Sheriff's Office" in text
    assert "Preguntas para la Oficina del Sheriff del Condado de Example" in text
    english, spanish = column_words(pdf)
    assert "Wednesday, December 9, 2026, 6:30 PM" in english
    assert re.search(r"Miércoles, 9 de diciembre de 2026, 6:30\s?p\.\s?m\.", spanish), "12-hour clock, es_US"
    assert (
        "2. Does the Example County Sheriff's Office have a written policy on sharing information" in english
    )
    assert "2. ¿Tiene la Oficina del Sheriff del Condado de Example una política escrita" in spanish
    assert "What you can do" in english and "Qué puede hacer" in spanish
    with pdfplumber.open(io.BytesIO(pdf)) as doc:
        page = doc.pages[0]
        words = page.extract_words()
        middle = page.width / 2
    for n in (1, 2, 3):
        markers = [w for w in words if w["text"] == f"{n}."]
        left = [w for w in markers if w["x0"] < middle]
        right = [w for w in markers if w["x0"] > middle]
        assert len(left) == len(right) == 1, f"question {n} should appear once in each column"
        assert left[0]["top"] == pytest.approx(right[0]["top"], abs=0.5)


def test_a_question_missing_a_language_is_named(ws):
    bank = {
        "format": 1,
        "id": "local",
        "questions": [
            {"id": "jail-contract", "topic": "detainers", "en": {"text": "Does {agency} rent beds?"}}
        ],
    }
    (ws.bank_dir / "local.yaml").write_text(yaml.safe_dump(bank))
    with pytest.raises(MeetingkitError, match=r"jail-contract.*'es'"):
        build(ws, plan(ws, ("jail-contract",)), ("en", "es"))


def test_hostile_text_prints_literally(ws):
    settings = ws.settings()
    settings.group = "<b>Bold</b> & Co"
    ws.save_settings(settings)
    meeting = plan(
        ws,
        location="<font size=100>Room 9</font>",
        signup='<img src="/etc/passwd"/> at the door',
        agenda=[AgendaEntry(question="data-sharing", text="Does &amp; <b>{agency}</b> share data?")],
    )
    pdf = build(ws, meeting)
    text = words_of(pdf)
    assert "<b>Bold</b> & Co" in text
    assert "<font size=100>Room 9</font>" in text
    assert '<img src="/etc/passwd"/> at the door' in text
    assert "Does &amp; <b>the Example County Sheriff's Office</b> share data?" in text
    assert max(char_sizes(pdf)) < 30, "no text grew to 100 pt"
    (page,) = pages(pdf)
    xobjects = page["/Resources"].get("/XObject", {})
    assert not xobjects, "no image was embedded"


def long_bank(ws: Workspace, count: int = 40) -> tuple[str, ...]:
    sentence = (
        "Does {agency} keep a written record of every request it receives from ICE, and will it publish it? "
    )
    questions = [
        {"id": f"long-{n}", "topic": "data-sharing", "en": {"text": sentence * 3, "why": sentence}}
        for n in range(1, count + 1)
    ]
    (ws.bank_dir / "long.yaml").write_text(
        yaml.safe_dump({"format": 1, "id": "long", "questions": questions})
    )
    return tuple(q["id"] for q in questions)


def test_forty_long_questions_give_a_clear_error(ws):
    meeting = plan(ws, long_bank(ws))
    with pytest.raises(MeetingkitError) as error:
        build(ws, meeting)
    message = str(error.value)
    assert "does not fit on one page even at the smallest size, 10 pt" in message
    assert "lines" in message and "% of a page" in message
    assert "ask fewer questions (the agenda of" in message
    assert "--sides 2" not in message, "one language: there is no second side to offer"


def test_forty_long_questions_write_no_file(cli, ws, tmp_path):
    meeting = plan(ws, long_bank(ws))
    out = tmp_path / "handout.pdf"
    r = cli("handout", meeting.id, "-o", str(out), "--lang", "en", workspace=ws.root)
    assert r.code == 1
    assert r.err.startswith("error: this does not fit on one page")
    assert "Traceback" not in r.err
    assert not out.exists()


def test_vietnamese_needs_a_font_that_has_its_letters(cli, ws, tmp_path):
    meeting = plan(ws, ("data-sharing",), agenda=[AgendaEntry(question="data-sharing", text=VIETNAMESE)])
    out = tmp_path / "vi.pdf"
    r = cli("handout", meeting.id, "-o", str(out), "--lang", "en", "--font", str(VERA), workspace=ws.root)
    assert r.code == 1
    assert "cannot draw" in r.err and "“ă” (U+0103)" in r.err
    assert "question 1 (data-sharing)" in r.err and "--font" in r.err
    assert not out.exists()


def test_the_workspace_font_setting_is_used(cli, ws, tmp_path):
    (ws.root / "fonts").mkdir()
    (ws.root / "fonts" / "Vera.ttf").write_bytes(VERA.read_bytes())
    settings = ws.settings()
    settings.font = "fonts/Vera.ttf"
    ws.save_settings(settings)
    meeting = plan(ws, ("data-sharing",), agenda=[AgendaEntry(question="data-sharing", text=VIETNAMESE)])
    r = cli("handout", meeting.id, "-o", str(tmp_path / "vi.pdf"), "--lang", "en", workspace=ws.root)
    assert r.code == 1 and "fonts/Vera.ttf cannot draw" in r.err
    english = plan(ws, ("data-sharing",))
    r = cli("handout", english.id, "-o", str(tmp_path / "en.pdf"), "--lang", "en", workspace=ws.root)
    assert r.code == 0, r.err
    with pdfplumber.open(tmp_path / "en.pdf") as doc:
        assert {c["fontname"].split("+")[-1] for c in doc.pages[0].chars} == {"BitstreamVeraSans-Roman"}


def raw_text(pdf: bytes) -> str:
    with pdfplumber.open(io.BytesIO(pdf)) as doc:
        return "".join(c["text"] for page in doc.pages for c in page.chars)


def test_vietnamese_prints_with_dejavu_and_no_missing_glyph(ws):
    meeting = plan(ws, ("data-sharing",), agenda=[AgendaEntry(question="data-sharing", text=VIETNAMESE)])
    pdf = build(ws, meeting)
    assert VIETNAMESE in words_of(pdf)
    assert "\x00" not in raw_text(pdf), "a character was drawn as the empty .notdef glyph"
    with pdfplumber.open(io.BytesIO(pdf)) as doc:
        fonts = {c["fontname"].split("+")[-1] for c in doc.pages[0].chars}
    assert fonts <= {"DejaVuSans", "DejaVuSans-Bold"}, fonts


def test_the_missing_glyph_check_would_catch_a_box(ws):
    """Without the guard, Vera would draw "ă" as .notdef, which reads back as NUL."""
    from toolkit.printing.blocks import Block, Role, para
    from toolkit.printing.fonts import _register
    from toolkit.printing.page import Layout, PageSpec, render
    from toolkit.printing.pdfmeta import Meta

    vera = _register(VERA)
    fonts = FontSet(vera.name, vera.name, "Vera")
    spec = PageSpec("letter", 10, 10, fonts, Meta("t", "a", "s", "vi"))
    pdf = render([Layout([Block(Role.TEXT, ((para(VIETNAMESE),),))], spec)], 10)
    assert "\x00" in raw_text(pdf)


@pytest.mark.skipif(not SYSTEM_DEJAVU.is_file(), reason="DejaVu Sans is not installed (fonts-dejavu-core)")
def test_a_system_font_given_with_font(ws):
    meeting = plan(ws, ("data-sharing",), agenda=[AgendaEntry(question="data-sharing", text=VIETNAMESE)])
    pdf = build(ws, meeting, font=SYSTEM_DEJAVU)
    assert VIETNAMESE in words_of(pdf)
    assert "\x00" not in raw_text(pdf)


def test_right_to_left_text_is_refused(ws):
    meeting = plan(
        ws, ("data-sharing",), agenda=[AgendaEntry(question="data-sharing", text="هل تشارك البيانات؟")]
    )
    with pytest.raises(MeetingkitError, match="right-to-left text \\(Arabic\\)"):
        build(ws, meeting)


def scan(pdf: bytes) -> list[zxingcpp.Barcode]:
    image = pypdfium2.PdfDocument(pdf)[0].render(scale=3).to_pil()
    return zxingcpp.read_barcodes(image)


@pytest.mark.parametrize(
    "website",
    [
        "https://example.org/coalition",
        "https://example.org/alder-rights/handouts/2026-12-09?lang=en&ref=print#questions-for-the-sheriff",
    ],
)
def test_the_qr_code_scans_to_the_website_and_is_an_inch_wide(ws, website):
    settings = ws.settings()
    settings.website = website
    ws.save_settings(settings)
    pdf = build(ws, plan(ws))
    (code,) = scan(pdf)
    assert code.format == zxingcpp.BarcodeFormat.QRCode
    assert code.text == website
    assert code.ec_level == "M"
    with pdfplumber.open(io.BytesIO(pdf)) as doc:
        modules = [r for r in doc.pages[0].rects if r["fill"] and r["width"] < 72]
    width = max(r["x1"] for r in modules) - min(r["x0"] for r in modules)
    assert width >= 72 - 3, f"the symbol is {width:.0f} pt wide"


def test_an_address_too_long_for_a_qr_code_is_refused(ws):
    settings = ws.settings()
    settings.website = "https://example.org/" + "x" * 400
    ws.save_settings(settings)
    with pytest.raises(MeetingkitError, match="too long for a QR code"):
        build(ws, plan(ws))


def test_no_website_no_qr_code(ws):
    settings = ws.settings()
    settings.website = ""
    ws.save_settings(settings)
    pdf = build(ws, plan(ws))
    assert scan(pdf) == []
    assert "Questions for the Example County Sheriff's Office" in words_of(pdf)


def test_metadata_and_reproducible_bytes(ws):
    meeting = plan(ws)
    first, second = build(ws, meeting), build(ws, meeting)
    assert first == second
    reader = pypdf.PdfReader(io.BytesIO(first))
    info = reader.metadata
    assert info.title == "Questions for the Example County Sheriff's Office (Wednesday, December 9, 2026)"
    assert info.author == "Test Rights Coalition"
    assert "Example County Commissioners Court" in info.subject
    assert info["/CreationDate"].startswith("D:20251127")
    assert reader.trailer["/Root"]["/Lang"] == "en"


def test_cli_end_to_end_bilingual_a4(cli, ws, tmp_path):
    with_spanish_names(ws)
    meeting = plan(ws)
    out = tmp_path / "handout.pdf"
    args = ("handout", meeting.id, "-o", str(out), "--lang", "en,es", "--paper", "a4")
    r = cli(*args, workspace=ws.root)
    assert r.code == 0, r.err
    assert r.out.strip() == str(out)
    pdf = out.read_bytes()
    assert len(pages(pdf)) == 1
    assert pypdf.PdfReader(io.BytesIO(pdf)).trailer["/Root"]["/Lang"] == "en"
    text = words_of(pdf)
    assert "What you can do" in text and "Qué puede hacer" in text
    again = cli(*args, workspace=ws.root)
    assert again.code == 0 and out.read_bytes() == pdf, "the same command gives the same bytes"


def test_cli_usage_errors(cli, ws, tmp_path):
    meeting = plan(ws)
    r = cli("handout", meeting.id, "-o", str(tmp_path / "x.pdf"), "--lang", "fr", workspace=ws.root)
    assert r.code == 2 and "en, es" in r.err
    empty = plan(ws, ())
    r = cli("handout", empty.id, "-o", str(tmp_path / "x.pdf"), workspace=ws.root)
    assert r.code == 1 and "no questions yet" in r.err
    r = cli("handout", meeting.id, "-o", str(tmp_path), workspace=ws.root)
    assert r.code == 2 and "is a folder" in r.err


def test_demo_handout_defaults_to_the_workspace_languages(demo_ws):
    settings, bank = demo_ws.settings(), load(demo_ws.bank_dir)
    upcoming = demo_ws.meetings().records[1]
    from toolkit.printing.handout import parse_langs

    langs = parse_langs(None, settings)
    assert langs == ("en", "es")
    handout = handout_pdf(settings, upcoming, bank, langs)
    assert len(pages(handout.data)) == 1 and handout.size >= 10
    assert "La Junta de Comisionados del Condado de Alder" in column_words(handout.data)[1]


def held_meeting(demo_ws: Workspace) -> Meeting:
    """The demo's meeting that already took place: four questions, each with its "why it matters"."""
    meeting = min(demo_ws.meetings().records, key=lambda m: m.date)
    assert len(meeting.agenda) == 4
    return meeting


@pytest.mark.parametrize("paper", ["letter", "a4"])
def test_the_demo_held_meeting_fits_one_page_in_both_languages_with_every_why(demo_ws, paper):
    settings, bank = demo_ws.settings(), load(demo_ws.bank_dir)
    handout = handout_pdf(settings, held_meeting(demo_ws), bank, ("en", "es"), paper=paper)
    assert len(pages(handout.data)) == 1
    assert min(char_sizes(handout.data)) >= 10
    english, spanish = column_words(handout.data)
    assert english.count("Why it matters:") == 4
    assert spanish.count("Por qué importa:") == 4
    assert "Under section 287(g), added to the Immigration and Nationality Act in 1996" in english
    assert "La sección 287(g), que se añadió a la Ley de Inmigración y Nacionalidad en 1996" in spanish
    assert "“Why it matters” under each question" not in handout.left_out, "shortened perhaps, never dropped"
    for n in (1, 2, 3, 4):
        assert f"{n}. " in english and f"{n}. " in spanish


def test_what_both_languages_share_is_printed_once(ws):
    with_spanish_names(ws)
    pdf = build(ws, plan(ws), ("en", "es"))
    text = words_of(pdf)
    assert text.count("Example County Courthouse, Room 101") == 1
    assert "To speak / Para hablar: Sign up with the clerk before 6:00 pm." in text
    assert text.count("https://example.org/coalition") == 1
    english, spanish = column_words(pdf)
    assert "2 minutes per speaker" in english and "2 minutos por persona" in spanish


def test_six_questions_in_two_languages_print_one_page_and_say_what_was_left_out(cli, ws, tmp_path):
    with_spanish_names(ws)
    meeting = plan(ws, ALL_QUESTIONS[:6])
    out = tmp_path / "six.pdf"
    r = cli("handout", meeting.id, "-o", str(out), "--lang", "en,es", workspace=ws.root)
    assert r.code == 0, r.err
    pdf = out.read_bytes()
    assert len(pages(pdf)) == 1
    assert min(char_sizes(pdf)) >= 10
    notes = [line for line in r.err.splitlines() if line.startswith("note: ")]
    assert notes and len(notes) == len(r.err.splitlines()), r.err
    assert "note: left out “Why it matters” under each question" in r.err
    assert "Why it matters" not in words_of(pdf) and "Por qué importa" not in words_of(pdf)
    assert "note: to make room for what was left out: ask fewer questions (the agenda of" in r.err
    assert "--sides 2" in r.err
    text = words_of(pdf)
    for n in range(1, 7):
        assert f"{n}. " in text


def test_nothing_left_out_means_no_note(cli, ws, tmp_path):
    meeting = plan(ws)
    r = cli(
        "handout", meeting.id, "-o", str(tmp_path / "h.pdf"), "--lang", "en", "--no-ways", workspace=ws.root
    )
    assert r.code == 0 and r.err == ""
    assert "What you can do" not in words_of((tmp_path / "h.pdf").read_bytes())


def test_large_print_with_two_questions_prints_one_page_at_18_points(ws):
    meeting = plan(ws, ("data-sharing", "detainers-release-notification"))
    handout = handout_pdf(ws.settings(), meeting, load(ws.bank_dir), ("en",), large_print=True)
    assert len(pages(handout.data)) == 1
    assert min(char_sizes(handout.data)) >= 18
    text = words_of(handout.data)
    assert "1. Does the Example County Sheriff's Office have a written policy on sharing" in text
    assert "2. When ICE sends a detainer request" in text
    assert [n.split(" to fit")[0] for n in handout.notes()[:-1]] == [
        f"left out {w}" for w in handout.left_out
    ]


def test_two_sides_one_language_on_each(cli, ws, tmp_path):
    with_spanish_names(ws)
    meeting = plan(ws, ALL_QUESTIONS[:4])
    out = tmp_path / "two-sided.pdf"
    r = cli("handout", meeting.id, "-o", str(out), "--lang", "en,es", "--sides", "2", workspace=ws.root)
    assert r.code == 0, r.err
    with pdfplumber.open(out) as doc:
        english, spanish = (" ".join((page.extract_text() or "").split()) for page in doc.pages)
        sizes = [sorted(round(c["size"], 2) for c in page.chars) for page in doc.pages]
    assert "Questions for the Example County Sheriff's Office" in english and "What you can do" in english
    assert "Preguntas para" not in english and "Qué puede hacer" not in english
    assert "Preguntas para la Oficina del Sheriff del Condado de Example" in spanish
    assert "Qué puede hacer" in spanish
    assert "Questions for" not in spanish and "What you can do" not in spanish
    assert "4. When ICE sends a detainer request, Form I-247A" in english
    assert "4. Cuando ICE envía una solicitud de retención migratoria" in spanish
    assert sizes[0][0] == sizes[1][0] >= 10, "both sides at the same size"


def test_two_sides_need_two_languages(cli, ws, tmp_path):
    r = cli(
        "handout",
        plan(ws).id,
        "-o",
        str(tmp_path / "x.pdf"),
        "--lang",
        "en",
        "--sides",
        "2",
        workspace=ws.root,
    )
    assert r.code == 2 and "--sides 2" in r.err and "--lang en,es" in r.err
