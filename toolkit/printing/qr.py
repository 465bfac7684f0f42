"""A QR code as a ReportLab flowable, drawn as vector squares (no image).

Error correction level M (15% of the symbol may be lost), never a Micro QR
that many phone cameras ignore, and at least one inch wide: a cheap
photocopy blurs edges, and a code too small or too fragile is worse than the
printed address next to it. The symbol comes from ReportLab's own encoder,
already half loaded with ReportLab, rather than segno, whose import would add
a sixth to the time a handout takes.
"""

from __future__ import annotations

from functools import lru_cache

from reportlab.graphics.barcode import qrencoder
from reportlab.lib.units import inch
from reportlab.platypus import Flowable

from ..errors import MeetingkitError

QUIET = 4
"""White modules around the symbol, as the QR standard requires."""
MIN_SIZE = inch
MIN_MODULE = 1.5
"""Points per module (about half a millimetre): a long address makes a
denser symbol, which grows past one inch rather than shrink its modules
below what a photocopy keeps."""
MAX_BYTES = 300
"""Longer addresses make symbols too dense for paper; a short link serves better."""


class QRCode(Flowable):
    """The symbol with its quiet zone all round, or with ``in_corner`` on its
    left only: in the top right corner of a page the margins are the white
    above and to the right (wider than any quiet zone), and the page leaves
    ``quiet_zone`` below it."""

    def __init__(self, data: str, in_corner: bool = False) -> None:
        super().__init__()
        self.matrix = symbol_rows(data)
        count = len(self.matrix)
        self.module = module_size(data)
        self.below = 0 if in_corner else QUIET
        self.width = (count + (1 if in_corner else 2) * QUIET) * self.module
        self.height = (count + (0 if in_corner else 2) * QUIET) * self.module

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        return self.width, self.height

    def draw(self) -> None:
        canvas, m, count = self.canv, self.module, len(self.matrix)
        path = canvas.beginPath()
        for r, row in enumerate(self.matrix):
            y = (count - 1 - r + self.below) * m
            for start, length in dark_runs(row):
                path.rect((start + QUIET) * m, y, length * m, m)
        canvas.setFillColorRGB(0, 0, 0)
        canvas.drawPath(path, stroke=0, fill=1)


def module_size(data: str) -> float:
    """Points per module of the symbol for ``data``."""
    return max(MIN_SIZE / len(symbol_rows(data)), MIN_MODULE)


def quiet_zone(data: str) -> float:
    """The white, in points, the symbol for ``data`` needs on every side."""
    return QUIET * module_size(data)


@lru_cache(maxsize=8)
def symbol_rows(data: str) -> tuple[bytes, ...]:
    """The symbol's rows, dark = 1; cached because the size search lays the page out several times."""
    if len(data.encode("utf-8")) > MAX_BYTES:
        raise MeetingkitError(
            f"the website address is too long for a QR code on paper ({len(data)} characters); "
            "set a shorter `website` in meetingkit.yaml"
        )
    code = qrencoder.QRCode(None, qrencoder.QRErrorCorrectLevel.M)
    code.addData(qrencoder.QR8bitByte(data))
    code.make()
    count = code.getModuleCount()
    return tuple(bytes(int(code.isDark(row, col)) for col in range(count)) for row in range(count))


def dark_runs(row: bytes) -> list[tuple[int, int]]:
    """(start, length) of each run of dark modules: one rectangle per run."""
    runs: list[tuple[int, int]] = []
    start = None
    for i, dark in enumerate([*row, 0]):
        if dark and start is None:
            start = i
        elif not dark and start is not None:
            runs.append((start, i - start))
            start = None
    return runs
