"""The testimony on paper, read back from the PDF: the speaker copy a person
reads at the podium and the written copy handed to the clerk."""

from __future__ import annotations

import io

import pdfplumber
import pypdf

from toolkit import model

LONG_PARAGRAPHS = 14


def meeting_id(demo_ws) -> str:
    return demo_ws.meetings().records[0].id


def read(path) -> tuple[list[str], list[float], pypdf.PdfReader]:
    """Each page's text (whitespace made single spaces), every character's size, the reader."""
    data = path.read_bytes()
    with pdfplumber.open(io.BytesIO(data)) as doc:
        texts = [" ".join((page.extract_text() or "").split()) for page in doc.pages]
        sizes = [c["size"] for page in doc.pages for c in page.chars if c["text"].strip()]
    return texts, sizes, pypdf.PdfReader(io.BytesIO(data))


def print_copy(cli, demo_ws, meeting: str, speaker: str, out, *flags: str):  # type: ignore[no-untyped-def]
    """``meetingkit testimony print`` as a user types it."""
    return cli(
        "testimony", "print", meeting, "--speaker", speaker, "-o", str(out), *flags, workspace=demo_ws.root
    )


def test_speaker_copy_is_large_with_the_time_at_the_top(cli, demo_ws, tmp_path):
    out = tmp_path / "maria.pdf"
    r = print_copy(cli, demo_ws, meeting_id(demo_ws), "Maria Lopez", out)
    assert r.code == 0, r.err
    assert r.out.strip() == str(out)
    texts, sizes, reader = read(out)
    assert round(min(sizes), 6) >= 16
    first = texts[0]
    assert first.startswith("Testimony of Maria Lopez")
    assert "Speaking time: about" in first and "at 130 a minute). Limit: 2:00." in first
    assert first.index("Limit: 2:00") < first.index("Good evening")
    assert "Hints like this" not in " ".join(texts), "hints are not printed"
    assert texts[-1].endswith(f"Maria Lopez · Page {len(texts)} of {len(texts)}")
    assert reader.metadata.author == "Maria Lopez"
    assert reader.trailer["/Root"]["/Lang"] == "en"


def test_large_print_speaker_copy(cli, demo_ws, tmp_path):
    out = tmp_path / "big.pdf"
    r = print_copy(cli, demo_ws, meeting_id(demo_ws), "James Carter", out, "--large-print")
    assert r.code == 0, r.err
    _, sizes, _ = read(out)
    assert min(sizes) >= 20


def long_testimony(demo_ws, words_each: int = 60) -> str:
    meeting = meeting_id(demo_ws)
    filler = " ".join(["record"] * words_each)
    text = "\n\n".join(f"P{n:02d}start {filler} P{n:02d}end" for n in range(1, LONG_PARAGRAPHS + 1))
    demo_ws.save_testimony(
        model.Testimony(meeting=meeting, speaker="Ana Ruiz", text=text, neighbourhood="Old Mill")
    )
    return meeting


def test_speaker_copy_keeps_paragraphs_whole_across_pages(cli, demo_ws, tmp_path):
    meeting = long_testimony(demo_ws)
    out = tmp_path / "ana.pdf"
    r = print_copy(cli, demo_ws, meeting, "Ana Ruiz", out)
    assert r.code == 0, r.err
    texts, _, _ = read(out)
    assert len(texts) >= 3
    for n in range(1, LONG_PARAGRAPHS + 1):
        start = next(i for i, t in enumerate(texts) if f"P{n:02d}start" in t)
        end = next(i for i, t in enumerate(texts) if f"P{n:02d}end" in t)
        assert start == end, f"paragraph {n} is split across pages {start + 1} and {end + 1}"
    for i, text in enumerate(texts, 1):
        assert f"Page {i} of {len(texts)}" in text
    first = texts[0]
    assert (
        "(868 words at 130 a minute)" in first and "608 words over the limit: cut before you speak." in first
    )


def test_written_copy_is_a_letter_for_the_record(cli, demo_ws, tmp_path):
    meeting = long_testimony(demo_ws, words_each=200)
    out = tmp_path / "letter.pdf"
    r = print_copy(cli, demo_ws, meeting, "Ana Ruiz", out, "--written")
    assert r.code == 0, r.err
    texts, sizes, reader = read(out)
    assert len(texts) >= 2
    first = texts[0]
    assert first.startswith("Written testimony for the record")
    assert "To: Alder County Board of Commissioners" in first
    assert "From: Ana Ruiz, Old Mill" in first
    assert "Re: Public comment (non-agenda items)" in first
    assert "Speaking time" not in first
    assert texts[-1].endswith(f"Ana Ruiz, written testimony · Page {len(texts)} of {len(texts)}")
    assert "Respectfully submitted, Ana Ruiz Old Mill" in texts[-1]
    assert min(sizes) >= 9
    assert reader.metadata.title.startswith("Written testimony for the record")


def test_written_copy_in_spanish(cli, demo_ws, tmp_path):
    meeting = demo_ws.meetings().records[0]
    meeting.language = "es"
    demo_ws.save_meeting(meeting)
    demo_ws.save_testimony(
        model.Testimony(
            meeting=meeting.id, speaker="Rosa Díaz", text="Buenas noches.\n\nGracias.", neighbourhood=""
        )
    )
    out = tmp_path / "carta.pdf"
    r = print_copy(cli, demo_ws, meeting.id, "Rosa Díaz", out, "--written")
    assert r.code == 0, r.err
    texts, _, reader = read(out)
    assert "Para: La Junta de Comisionados del Condado de Alder" in texts[0]
    assert "Atentamente, Rosa Díaz" in texts[0]
    assert "Página 1 de 1" in texts[0]
    assert reader.trailer["/Root"]["/Lang"] == "es"


def test_print_without_testimony_or_with_hostile_text(cli, demo_ws, tmp_path):
    meeting = meeting_id(demo_ws)
    out = tmp_path / "none.pdf"
    r = print_copy(cli, demo_ws, meeting, "Nobody", out)
    assert r.code == 1 and "no testimony by 'Nobody'" in r.err and "testimony draft" in r.err
    assert not out.exists()
    hostile = "<b>not bold</b> & <font size=100>small</font>"
    demo_ws.save_testimony(model.Testimony(meeting=meeting, speaker="Eve", text=hostile, neighbourhood=""))
    r = print_copy(cli, demo_ws, meeting, "Eve", out)
    assert r.code == 0, r.err
    texts, sizes, _ = read(out)
    assert hostile in texts[0]
    assert max(sizes) < 30
