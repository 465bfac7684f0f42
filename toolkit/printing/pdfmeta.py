"""What a PDF says about itself, and byte-for-byte reproducible output.

With ``SOURCE_DATE_EPOCH`` set (the reproducible-builds convention) ReportLab
dates the file at that moment and its invariant mode drops everything else
that changes from run to run, so the same input gives the same bytes.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from typing import Any

CREATOR = "meetingkit"


@dataclass(frozen=True)
class Meta:
    title: str
    author: str
    subject: str
    lang: str
    """BCP 47 tag of the main language, e.g. ``en`` or ``es``."""


def reproducible() -> bool:
    return bool(os.environ.get("SOURCE_DATE_EPOCH", "").strip())


def doc_kwargs(meta: Meta) -> dict[str, Any]:
    """Keyword arguments for a ReportLab doc template."""
    return {
        "title": meta.title,
        "author": meta.author,
        "subject": meta.subject,
        "lang": meta.lang,
        "creator": CREATOR,
        "invariant": 1 if reproducible() else 0,
    }
