"""Deflating the parts sheetplan writes into a workbook's zip, beside the work that makes them.

zlib lets go of the GIL while it compresses, so a part deflated in a thread of its own costs next to
no time on a machine's second core: a big sheet is compressed piece by piece while the rest is made.
Every part is deflated at zlib's default level, 6, as XlsxWriter and openpyxl do through `zipfile`.
"""

from __future__ import annotations

import queue
import zlib
from typing import NamedTuple

from sheetplan.plan.background import Background


class Deflated(NamedTuple):
    """A part's bytes deflated (raw, as a zip stores them), with their CRC-32 and their size."""

    data: bytes
    crc: int
    size: int


def deflate(data: bytes) -> Deflated:
    """A part's bytes deflated here and now: a small part, not worth a thread."""
    packer = zlib.compressobj(6, zlib.DEFLATED, -15)
    return Deflated(packer.compress(data) + packer.flush(), zlib.crc32(data), len(data))


class Deflating:
    """Deflates a part's pieces in a thread of its own, as they are added."""

    def __init__(self) -> None:
        self._pieces: queue.SimpleQueue[bytes | None] = queue.SimpleQueue()
        self._deflating = Background(self._deflate)
        self._deflating.start()

    def add(self, piece: bytes) -> None:
        self._pieces.put(piece)

    def end(self) -> None:
        """Say that every piece has been added."""
        self._pieces.put(None)

    def result(self) -> Deflated:
        """The pieces deflated, once all are (after `end`); raises what deflating them raised."""
        return self._deflating.result()

    def _deflate(self) -> Deflated:
        packer = zlib.compressobj(6, zlib.DEFLATED, -15)
        packed: list[bytes] = []
        crc = size = 0
        while (piece := self._pieces.get()) is not None:
            packed.append(packer.compress(piece))
            crc = zlib.crc32(piece, crc)
            size += len(piece)
        packed.append(packer.flush())
        return Deflated(b"".join(packed), crc, size)
