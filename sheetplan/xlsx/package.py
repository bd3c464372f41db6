"""A workbook's zip read part by part and written again with every untouched part's bytes copied as they are.

The standard library's `zipfile` can only write a member by compressing it again, which costs time on
a big plan and changes bytes the review has no business with. So the writer here copies each member
it was not asked to change straight from the old file: its compressed data, CRC and sizes as they
were, behind a local header and a central directory entry of its own. Only added and replaced parts
are compressed. A member's extra fields (timestamps and the like) are not copied: no workbook reader
needs them, and leaving them out keeps every header the plain 32-bit kind, which the file size limits
of `files.guard` make sufficient.
"""

from __future__ import annotations

import io
import struct
import zipfile
import zlib
from collections.abc import Iterable
from pathlib import Path
from typing import BinaryIO

from sheetplan.plan.errors import WriteError
from sheetplan.plan.i18n import _
from sheetplan.xlsx.deflate import Deflated, Deflating, deflate

_LOCAL = struct.Struct("<4s5H3L2H")
_CENTRAL = struct.Struct("<4s6H3L5H2L")
_END = struct.Struct("<4s4H2LH")
_UTF8 = 0x800
_LIMIT = 0xFFFFFFFF
_MADE_BY = 20
"""`version made by` and `version needed`: 2.0, deflate."""
_AHEAD = 2**20
"""A part put with more bytes than this is deflated at once, beside the work that follows."""
_NEW_TIME = (1980, 1, 1, 0, 0, 0)
"""The time stamp of added parts: none is needed, and a fixed one keeps the output reproducible."""


class Package:
    """The parts of a workbook zip: read on demand, and replaced, added or dropped before `write`.

    `label` names the file in messages.
    """

    def __init__(self, source: Path | bytes, label: str) -> None:
        self.label = label
        self._file: BinaryIO = io.BytesIO(source) if isinstance(source, bytes) else source.open("rb")
        try:
            self._archive = zipfile.ZipFile(self._file)
            self._members = {info.filename: info for info in self._archive.infolist() if not info.is_dir()}
        # `zipfile` says "version not supported" or stumbles on a nameless member as well as "bad zip".
        except (zipfile.BadZipFile, NotImplementedError, IndexError):
            self._file.close()
            raise WriteError(_("{label}: damaged zip file; not written").format(label=label)) from None
        self._order = list(self._members)
        self._changed: dict[str, bytes] = {}
        self._deflating: dict[str, Deflating] = {}

    def __enter__(self) -> Package:
        return self

    def __exit__(self, *_: object) -> None:
        self.close()

    def close(self) -> None:
        self._archive.close()
        self._file.close()

    def names(self) -> list[str]:
        """Every part's name, in the zip's order, with added parts last."""
        return list(self._order)

    def __contains__(self, name: object) -> bool:
        return name in self._changed or name in self._members

    def read(self, name: str) -> bytes:
        """A part's bytes, as changed or as in the file; KeyError if there is none, WriteError if damaged."""
        if name in self._changed:
            return self._changed[name]
        try:
            return self._archive.read(self._members[name])
        except (zipfile.BadZipFile, zlib.error, NotImplementedError, EOFError):
            raise WriteError(
                _("{label}: the part {name} is damaged; not written").format(label=self.label, name=name)
            ) from None

    def put(self, name: str, data: bytes) -> None:
        """Replace a part, or add it at the end. A big part starts being deflated at once, in a thread
        of its own: zlib lets go of the GIL, so on a second core it is done by the time `write` needs it."""
        deflating = None
        if len(data) >= _AHEAD:
            deflating = Deflating()
            deflating.add(data)
            deflating.end()
        self._set(name, data, deflating)

    def put_made(self, name: str, pieces: Iterable[bytes]) -> None:
        """Replace a part, or add it, given in pieces as it is made: each piece is deflated in a thread
        of its own while the next is made, so that a big sheet's compression takes next to none of the
        time of making it."""
        deflating = Deflating()
        made = []
        try:
            for piece in pieces:
                made.append(piece)
                deflating.add(piece)
        finally:
            deflating.end()
        self._set(name, b"".join(made), deflating)

    def _set(self, name: str, data: bytes, deflating: Deflating | None) -> None:
        if name not in self:
            self._order.append(name)
        self._changed[name] = data
        self._deflating.pop(name, None)
        if deflating is not None:
            self._deflating[name] = deflating

    def drop(self, name: str) -> None:
        if name in self:
            self._order.remove(name)
            self._changed.pop(name, None)
            self._deflating.pop(name, None)
            self._members.pop(name, None)

    def unchanged(self) -> list[str]:
        """The parts that `write` copies from the file as they are."""
        return [name for name in self._order if name not in self._changed]

    def write(self, stream: BinaryIO) -> None:
        """Write the package as a zip to `stream`; untouched parts are copied without inflating them."""
        entries: list[bytes] = []
        offset = 0
        for name in self._order:
            if name in self._changed:
                deflating = self._deflating.get(name)
                deflated = deflating.result() if deflating else None
                header, data, entry = _compressed(name, self._changed[name], offset, deflated)
                stream.write(header)
                stream.write(data)
                size = len(header) + len(data)
            else:
                header, entry = _headers(self._members[name], offset)
                stream.write(header)
                size = len(header) + _copy_data(self._file, self._members[name], stream)
            entries.append(entry)
            offset += size
            if offset > _LIMIT:
                raise WriteError(
                    _("{label}: the workbook would be larger than 4 GB; not written").format(label=self.label)
                )
        directory = b"".join(entries)
        if len(entries) > 0xFFFF:
            raise WriteError(
                _("{label}: the workbook would have more than 65,535 parts; not written").format(
                    label=self.label
                )
            )
        stream.write(directory)
        stream.write(_END.pack(b"PK\x05\x06", 0, 0, len(entries), len(entries), len(directory), offset, 0))


def copied_intact(old: Path, new: Path, names: Iterable[str]) -> list[str]:
    """The parts among `names` whose compressed data and CRC differ between two zips (none, normally)."""
    with zipfile.ZipFile(old) as before, zipfile.ZipFile(new) as after:
        was = {info.filename: info for info in before.infolist()}
        now = {info.filename: info for info in after.infolist()}
        return [
            name
            for name in names
            if name not in now
            or (was[name].CRC, was[name].compress_size, was[name].file_size)
            != (now[name].CRC, now[name].compress_size, now[name].file_size)
        ]


def _headers(info: zipfile.ZipInfo, offset: int) -> tuple[bytes, bytes]:
    """The local header and central directory entry for a member copied as it is."""
    name = info.filename.encode()
    flags = _UTF8 if not info.filename.isascii() else 0
    fields = (info.compress_type, *_dos_time(info.date_time), info.CRC, info.compress_size, info.file_size)
    local = _LOCAL.pack(b"PK\x03\x04", _MADE_BY, flags, *fields, len(name), 0) + name
    central = _CENTRAL.pack(
        b"PK\x01\x02", _MADE_BY, _MADE_BY, flags, *fields, len(name), 0, 0, 0, 0, info.external_attr, offset
    )
    return local, central + name


def _compressed(
    name: str, data: bytes, offset: int, deflated: Deflated | None = None
) -> tuple[bytes, bytes, bytes]:
    """The local header, compressed data and central directory entry of a new part (`deflated`
    already, when it was put as it was made)."""
    if deflated is None:
        deflated = deflate(data)
    info = zipfile.ZipInfo(name, _NEW_TIME)
    info.compress_type = zipfile.ZIP_DEFLATED
    info.CRC = deflated.crc
    info.compress_size = len(deflated.data)
    info.file_size = deflated.size
    info.external_attr = 0o600 << 16
    local, central = _headers(info, offset)
    return local, deflated.data, central


def _copy_data(source: BinaryIO, info: zipfile.ZipInfo, stream: BinaryIO) -> int:
    """Copy a member's compressed data from the old zip to `stream`; the number of bytes copied."""
    fixed = b""
    if info.header_offset >= 0:  # a directory that puts a member before the file's start makes it negative
        source.seek(info.header_offset)
        fixed = source.read(_LOCAL.size)
    if len(fixed) < _LOCAL.size or fixed[:4] != b"PK\x03\x04":
        raise WriteError(_("{filename}: damaged zip entry; not written").format(filename=info.filename))
    name_length, extra_length = struct.unpack("<2H", fixed[26:30])
    source.seek(info.header_offset + _LOCAL.size + name_length + extra_length)
    remaining = info.compress_size
    while remaining:
        chunk = source.read(min(remaining, 1 << 20))
        if not chunk:
            raise WriteError(_("{filename}: truncated zip entry; not written").format(filename=info.filename))
        stream.write(chunk)
        remaining -= len(chunk)
    return info.compress_size


def _dos_time(moment: tuple[int, int, int, int, int, int]) -> tuple[int, int]:
    year, month, day, hour, minute, second = moment
    return hour << 11 | minute << 5 | second // 2, max(year - 1980, 0) << 9 | month << 5 | day
