"""Random Unicode through the handout, fuzzed: one page, or an error a person can act on.

Any text a group types (its name, its contact line, a tailored question, in any
script, with markup characters and control characters) either prints as a
one-page PDF or stops with a clear error: characters the font cannot draw,
named with their code points, or text too long to fit, with what to cut.
Never a crash, never two pages, never a partial file.
"""

from __future__ import annotations

import io
from datetime import date

import pypdf
import pytest
from fuzzing import fuzz
from hypothesis import event, example, given
from hypothesis import strategies as st

from toolkit.bank import Bank, load
from toolkit.errors import MeetingkitError
from toolkit.model import AgendaEntry, Meeting, Settings
from toolkit.printing.handout_pdf import handout_pdf
from toolkit.store import Workspace

FUZZ = fuzz(100)
CLEAR = ("(U+", "does not fit on one page")
"""A glyph error names each character by its code point (right-to-left ones too); a fit error says so."""
unicode_text = st.one_of(
    st.text(st.characters(blacklist_categories=("Cs",)), max_size=400),  # any script: mostly glyph errors
    st.lists(  # text the default fonts can draw, with markup and control characters: mostly pages
        st.sampled_from(
            [*"abcñáéü¿¡ .,;\n\t\x00\u200b<>&\"'", "{agency}", "<b>", "&amp;", "<br/>", "Ünïcödé ", "word "]
        ),
        max_size=300,
    ).map("".join),
)


@pytest.fixture
def planned(ws: Workspace) -> tuple[Settings, Meeting, Bank]:
    meeting = Meeting(
        id="2026-12-09-board", body="County Board", date=date(2026, 12, 9), time="18:30", location="Room 1"
    )
    meeting.agenda = [AgendaEntry(question="data-sharing"), AgendaEntry(question="287g-participation")]
    return ws.settings(), meeting, load(ws.bank_dir)


@FUZZ
@given(group=unicode_text, contact=unicode_text, question=unicode_text)
@example(group="<b>&amp;</font>", contact="\x00\x07\u200b", question="Văn phòng " * 40)
@example(group="مجلس", contact="", question="")
@example(group="", contact="", question="palabra " * 2000)
def test_any_text_prints_one_page_or_a_clear_error(planned, group: str, contact: str, question: str) -> None:  # type: ignore[no-untyped-def]
    settings_, meeting, bank = planned
    meeting.agenda[0] = meeting.agenda[0].evolve(text=question)
    try:
        handout = handout_pdf(settings_.evolve(group=group, contact=contact), meeting, bank, ("en",))
    except MeetingkitError as error:
        event("refused: " + ("glyph" if "(U+" in str(error) else "fit"))
        assert any(reason in str(error) for reason in CLEAR), str(error)
        assert "\n" not in str(error).strip()
        return
    event("printed")
    assert len(pypdf.PdfReader(io.BytesIO(handout.data)).pages) == 1
    assert handout.size >= 10
