"""Checks a file before any parser touches it: is it there, is it a workbook, is it safe to unpack.

Every refusal is a `SourceError` whose message is one line naming the file (and the part of the zip,
where that is the trouble). Nothing here writes anything.

The limits were chosen by measuring legitimate plans: a 5,000-metric × 60-month plan unpacks to 35 MB
as .xlsx (its most compressed part 19:1) and to 101 MB as LibreOffice .ods (`content.xml` 23:1), while a
zip bomb's parts are compressed hundreds or a thousand times.
"""

from __future__ import annotations

import re
import zipfile
from pathlib import Path
from typing import Literal

from sheetplan.plan.errors import SourceError

WorkbookKind = Literal["xlsx", "ods"]

_SUFFIXES: dict[str, WorkbookKind] = {".xlsx": "xlsx", ".xlsm": "xlsx", ".ods": "ods"}
_MAX_UNPACKED = 500 * 2**20
"""Refuse a workbook that unpacks to more than this many bytes in all."""
_MAX_RATIO = 100
"""Refuse a part of more than `_RATIO_FLOOR` bytes that is compressed more than this many times."""
_RATIO_FLOOR = 2**20

_OLE2_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
ODS_MIMETYPE = b"application/vnd.oasis.opendocument.spreadsheet"
_XML_HEAD = 64 * 1024
# What may come before an XML document's root element, other than a DOCTYPE.
_PROLOGUE = re.compile(rb"\s*(?:<\?.*?\?>|<!--.*?-->)", re.S)


def guard_file(path: Path, name: str | None = None) -> WorkbookKind:
    """The kind of workbook `path` holds, after making sure it is one and is safe to read.

    `name` is how messages call the file (the path as the user typed it, by default).
    """
    label = name or str(path)
    if not path.exists():
        raise SourceError(f"{label}: no such file")
    if path.is_dir():
        raise SourceError(f"{label}: is a folder, not a workbook")
    try:
        with path.open("rb") as file:
            head = file.read(8)
    except OSError as error:
        raise SourceError(f"{label}: cannot be read ({error.strerror or error})") from None
    suffix = path.suffix.lower()
    if head == _OLE2_MAGIC:
        raise SourceError(f"{label}: encrypted or old .xls workbook; save it as .xlsx without a password")
    if suffix not in _SUFFIXES:
        shown = f'"{path.suffix}"' if path.suffix else "no suffix"
        raise SourceError(f"{label}: unsupported file type ({shown}); use .xlsx, .xlsm or .ods")
    if not head:
        raise SourceError(f"{label}: empty file, not a workbook")
    if not head.startswith(b"PK"):
        raise SourceError(f"{label}: not a workbook (not a zip file)")
    try:
        with zipfile.ZipFile(path) as archive:
            kind = _kind(archive, label)
            _check_sizes(archive, label)
            _check_xml(archive, label)
    except zipfile.BadZipFile:
        raise SourceError(f"{label}: damaged or truncated zip file, not a readable workbook") from None
    except (OSError, EOFError, zipfile.LargeZipFile, NotImplementedError, RuntimeError) as error:
        raise SourceError(f"{label}: damaged workbook ({error})") from None
    expected = _SUFFIXES[suffix]
    if kind != expected:
        raise SourceError(f"{label}: holds an .{kind} workbook; rename it to end in .{kind}")
    return kind


def _kind(archive: zipfile.ZipFile, label: str) -> WorkbookKind:
    names = set(archive.namelist())
    if "xl/workbook.xml" in names:
        return "xlsx"
    if "content.xml" in names and "mimetype" in names and archive.read("mimetype").strip() == ODS_MIMETYPE:
        return "ods"
    if "xl/workbook.bin" in names:
        raise SourceError(f"{label}: binary .xlsb workbook; save it as .xlsx")
    raise SourceError(f"{label}: a zip file but not a workbook (no xl/workbook.xml or content.xml)")


def _check_sizes(archive: zipfile.ZipFile, label: str) -> None:
    members = archive.infolist()
    total = sum(member.file_size for member in members)
    if total > _MAX_UNPACKED:
        raise SourceError(
            f"{label}: unpacks to {total / 2**20:.0f} MB, more than {_MAX_UNPACKED // 2**20} MB;"
            " refusing to unpack it (zip bomb?)"
        )
    for member in members:
        if member.flag_bits & 0x1:
            raise SourceError(
                f"{label}: {member.filename} is encrypted; save the workbook without a password"
            )
        if member.file_size > _RATIO_FLOOR and member.file_size > _MAX_RATIO * member.compress_size:
            raise SourceError(
                f"{label}: {member.filename} is compressed more than {_MAX_RATIO}:1; refusing to unpack it"
                " (zip bomb?)"
            )


def _check_xml(archive: zipfile.ZipFile, label: str) -> None:
    """Refuse any XML part with a DOCTYPE: workbooks never have one, and entity bombs need one.

    Every XML parser that reads the file (calamine, and the scan in `xmlscan`) is thereby safe from
    entity expansion and external entities, without parsing each part twice.
    """
    for member in archive.infolist():
        if not member.filename.endswith((".xml", ".rels", ".vml")) or member.file_size == 0:
            continue
        with archive.open(member) as part:
            head = part.read(_XML_HEAD)
        if _has_doctype(head, complete=member.file_size <= _XML_HEAD):
            raise SourceError(
                f"{label}: {member.filename} declares a DOCTYPE, which workbooks never do;"
                " refusing to read it (XML bomb?)"
            )


def _has_doctype(head: bytes, complete: bool) -> bool:
    """Whether an XML part's start declares a DOCTYPE; a prologue too long to judge counts as one."""
    if head.startswith(b"\xef\xbb\xbf"):
        head = head[3:]
    position = 0
    while found := _PROLOGUE.match(head, position):
        position = found.end()
    rest = head[position:].lstrip()
    if rest.startswith(b"<!"):
        return True
    return not rest and not complete
