"""Unpacking a part of a zip while counting what it unpacks to, so that no header size is taken on trust.

A zip's directory says how big each part is unpacked, and the guard refuses a workbook whose parts
add up to more than it will unpack. What keeps that promise is counting while inflating: `chunks`
lets a part inflate past the size its header gives, and refuses it the moment it does.
(Python's zipfile would silently stop at the stated size and calamine's zip reader fails with "File
is larger than its declared uncompressed size", so a part that lies is refused either way; here it
is refused in words, before any parser has seen it.)
"""

from __future__ import annotations

import copy
import queue
import threading
import zipfile
from collections.abc import Iterator

from sheetplan.plan.errors import SourceError
from sheetplan.plan.formats import number
from sheetplan.plan.i18n import _, language

CHUNK = 2**20
"""How many bytes of a part are inflated at a time."""


def chunks(archive: zipfile.ZipFile, member: str, label: str, size: int = CHUNK) -> Iterator[bytes]:
    """The bytes of `member`, inflated `size` at a time; SourceError if it unpacks to more than stated."""
    info = archive.getinfo(member)
    # Allowed more than one read beyond the stated size, zipfile never stops short of the end of the
    # data (where it checks the CRC of all it read) before the count below has seen the overrun.
    probe = copy.copy(info)
    probe.file_size = info.file_size + size + 1
    count = 0
    with archive.open(probe) as part:
        while chunk := part.read(size):
            count += len(chunk)
            if count > info.file_size:
                raise SourceError(
                    _(
                        "{label}: {part} unpacks to more than the {size} bytes its zip header says;"
                        " refusing to unpack it (zip bomb?)"
                    ).format(label=label, part=member, size=number(info.file_size, language()))
                )
            yield chunk


def read(archive: zipfile.ZipFile, member: str, label: str) -> bytes:
    """The whole of `member`, inflated and counted as `chunks` does."""
    return b"".join(chunks(archive, member, label))


def ahead(archive: zipfile.ZipFile, member: str, label: str, size: int = CHUNK) -> Iterator[bytes]:
    """The chunks of `member` as `chunks` gives them, inflated by a thread of their own a few chunks
    ahead of the caller: zlib lets go of the GIL, so on two cores inflating costs the caller nothing."""
    ready: queue.Queue[bytes | BaseException | None] = queue.Queue(maxsize=4)
    stop = threading.Event()

    def hand(item: bytes | BaseException | None) -> bool:
        while not stop.is_set():
            try:
                ready.put(item, timeout=0.05)
                return True
            except queue.Full:
                continue
        return False

    def inflate() -> None:
        try:
            for chunk in chunks(archive, member, label, size):
                if not hand(chunk):
                    return
            hand(None)
        except BaseException as error:  # handed to the caller, which raises it
            hand(error)

    thread = threading.Thread(target=inflate, daemon=True)
    thread.start()
    try:
        while (item := ready.get()) is not None:
            if isinstance(item, BaseException):
                raise item
            yield item
    finally:
        stop.set()
        thread.join()
