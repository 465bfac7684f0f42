"""A records-request letter on paper, in the written testimony's look.

What prints is the letter file as the group edited it (``requests/<id>.md``
and its follow-up and appeal siblings): its ``# `` line is the title,
numbered lines hang as a list, ``<!-- hints -->`` are left out.
"""

from __future__ import annotations

from pathlib import Path

from ..errors import MeetingkitError
from ..letters import words
from ..model import Request, Settings
from .blocks import para
from .pdfmeta import Meta
from .testimony_pdf import SPEAKER, WRITTEN, Line, paged_pdf, paragraphs


def letter_pdf(
    text: str,
    request: Request,
    settings: Settings,
    *,
    paper: str = "letter",
    font: Path | None = None,
    large_print: bool = False,
) -> bytes:
    chunks = paragraphs(text.replace("§ ", "§\u00a0"))  # "§ 552.301" never split at a line end
    if not chunks:
        raise MeetingkitError(f"the letter for {request.id} is empty; write it first")
    lang = request.language
    title = chunks[0][2:].strip() if chunks[0].startswith("# ") else words(lang)["title"]
    body = chunks[1:] if chunks[0].startswith("# ") else chunks
    header: list[Line] = [(para(title), "title")]
    from ..locale import words as catalog

    page = catalog(lang).pgettext("testimony copy footer", "Page {n} of {total}")
    meta = Meta(
        title=f"{title}: {request.agency}",
        author=settings.group or settings.contact,
        subject=f"{title} ({request.id})",
        lang=lang,
    )
    return paged_pdf(
        header,
        ("the letter", body),
        [],
        lambda n, total: f"{title} · {page.format(n=n, total=total)}",
        meta,
        look=SPEAKER if large_print else WRITTEN,
        written=True,
        paper=paper,
        font=font,
    )
