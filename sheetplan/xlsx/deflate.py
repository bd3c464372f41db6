"""Deflating the parts sheetplan writes into a workbook's zip, beside the work that makes them.

zlib lets go of the GIL while it compresses, so a part deflated in a thread of its own costs next to
no time on a machine's second core: a big sheet is compressed piece by piece while the rest is made.
Every part is deflated at zlib's default level, 6, as XlsxWriter and openpyxl do through `zipfile`.
"""

from __future__ import annotations

import queue
import threading
import zlib
from typing import NamedTuple


class Deflated(NamedTuple):
    """A part's bytes deflated (raw, as a zip stores them), with their CRC-32 and their size."""

    data: bytes
    crc: int
    size: int


def deflate(data: bytes) -> Deflated:
    """A part's bytes deflated here and now: a small part, not worth a thread."""
    packer = zlib.compressobj(6, zlib.DEFLATED, -15)
    return Deflated(packer.compress(data) + packer.flush(), zlib.crc32(data), len(data))


class Deflating(threading.Thread):
    """Deflates a part's pieces in a thread of its own, as they are added."""

    def __init__(self) -> None:
        super().__init__(daemon=True)
        self._pieces: queue.SimpleQueue[bytes | None] = queue.SimpleQueue()
        self._packer = zlib.compressobj(6, zlib.DEFLATED, -15)
        self._packed: list[bytes] = []
        self._crc = self._size = 0
        self._raised: BaseException | None = None
        self.start()

    def add(self, piece: bytes) -> None:
        self._pieces.put(piece)

    def end(self) -> None:
        """Say that every piece has been added."""
        self._pieces.put(None)

    def run(self) -> None:
        try:
            while (piece := self._pieces.get()) is not None:
                self._packed.append(self._packer.compress(piece))
                self._crc = zlib.crc32(piece, self._crc)
                self._size += len(piece)
            self._packed.append(self._packer.flush())
        except BaseException as error:  # handed to the caller by result()
            self._raised = error

    def result(self) -> Deflated:
        """The pieces deflated, once all are (after `end`); raises what deflating them raised."""
        self.join()
        if self._raised is not None:
            raise self._raised
        return Deflated(b"".join(self._packed), self._crc, self._size)
