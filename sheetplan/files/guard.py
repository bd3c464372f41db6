"""Checks a file before any parser touches it: is it there, is it a workbook, is it safe to unpack.

Every refusal is a `SourceError` whose message is one line naming the file (and the part of the zip,
where that is the trouble). Nothing here writes anything.

What is bounded is what unpacking costs, not how well a part compresses: honest workbooks compress a
big uniform sheet 100:1 and more. A workbook may have at most 10,000 parts (counted from the end of
the zip before its directory is read) and unpack to at most 500 MB in all. The sizes come from the
zip's headers, which are not taken on trust: every reader inflates a part through
`sheetplan.files.inflate` (or calamine's zip reader, which does the same), which refuses a part the
moment it unpacks to more than its header says. A 5,000-metric × 60-month plan unpacks to 35 MB as
.xlsx and to 101 MB as LibreOffice .ods.
"""

from __future__ import annotations

import re
import zipfile
from pathlib import Path
from typing import Literal

from sheetplan.files import inflate
from sheetplan.files.package import main_part
from sheetplan.plan.errors import SourceError
from sheetplan.plan.formats import number
from sheetplan.plan.i18n import _, language

WorkbookKind = Literal["xlsx", "ods"]

_SUFFIXES: dict[str, WorkbookKind] = {".xlsx": "xlsx", ".xlsm": "xlsx", ".ods": "ods"}
_MAX_UNPACKED = 500 * 2**20
"""Refuse a workbook that unpacks to more than this many bytes in all."""
_MAX_PARTS = 10_000
"""Refuse a zip of more parts than this: a workbook of a thousand sheets, each with a drawing, charts and
comments, has about 12,000 fewer."""
_END_OF_DIRECTORY = b"PK\x05\x06"
_ZIP64_LOCATOR = b"PK\x06\x07"
_ZIP64_END = b"PK\x06\x06"

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
        raise SourceError(_("{label}: no such file").format(label=label))
    if path.is_dir():
        raise SourceError(_("{label}: is a folder, not a workbook").format(label=label))
    try:
        with path.open("rb") as file:
            head = file.read(8)
    except OSError as error:
        raise SourceError(
            _("{label}: cannot be read ({error})").format(label=label, error=error.strerror or error)
        ) from None
    suffix = path.suffix.lower()
    if head == _OLE2_MAGIC:
        raise SourceError(
            _("{label}: encrypted or old .xls workbook; save it as .xlsx without a password").format(
                label=label
            )
        )
    if suffix not in _SUFFIXES:
        if path.suffix:
            unsupported = _('{label}: unsupported file type ("{suffix}"); use .xlsx, .xlsm or .ods')
        else:
            unsupported = _("{label}: unsupported file type (no suffix); use .xlsx, .xlsm or .ods")
        raise SourceError(unsupported.format(label=label, suffix=path.suffix))
    if not head:
        raise SourceError(_("{label}: empty file, not a workbook").format(label=label))
    if not head.startswith(b"PK"):
        raise SourceError(_("{label}: not a workbook (not a zip file)").format(label=label))
    try:
        _check_parts(path, label)
        with zipfile.ZipFile(path) as archive:
            _check_sizes(archive, label)
            _check_xml(archive, label)
            kind = _kind(archive, label)
    except zipfile.BadZipFile:
        raise SourceError(
            _("{label}: damaged or truncated zip file, not a readable workbook").format(label=label)
        ) from None
    except (OSError, EOFError, zipfile.LargeZipFile, NotImplementedError, RuntimeError) as error:
        raise SourceError(_("{label}: damaged workbook ({error})").format(label=label, error=error)) from None
    expected = _SUFFIXES[suffix]
    if kind != expected:
        raise SourceError(
            _("{label}: holds an .{kind} workbook; rename it to end in .{kind}").format(
                label=label, kind=kind
            )
        )
    return kind


def _kind(archive: zipfile.ZipFile, label: str) -> WorkbookKind:
    """What the package holds: the workbook `_rels/.rels` names (usually xl/workbook.xml), or an .ods."""
    names = set(archive.namelist())
    if "content.xml" in names and "mimetype" in names and archive.read("mimetype").strip() == ODS_MIMETYPE:
        return "ods"
    # Excel's own layout is taken as it is; any other is found through the package's relationships.
    usual = "xl/workbook.xml" in names and b"xl/workbook.xml" in _package_rels(archive, names)
    workbook = "xl/workbook.xml" if usual else main_part(archive, label)
    if workbook is not None and not workbook.lower().endswith(".bin"):
        return "xlsx"
    if workbook is not None or "xl/workbook.bin" in names:
        raise SourceError(_("{label}: binary .xlsb workbook; save it as .xlsx").format(label=label))
    raise SourceError(
        _("{label}: a zip file but not a workbook (no xl/workbook.xml or content.xml)").format(label=label)
    )


def _package_rels(archive: zipfile.ZipFile, names: set[str]) -> bytes:
    return archive.read("_rels/.rels") if "_rels/.rels" in names else b"xl/workbook.xml"


def _check_parts(path: Path, label: str) -> None:
    """Refuse a zip of more than `_MAX_PARTS` parts, counted before its directory is read."""
    parts = _count_parts(path)
    if parts is not None and parts > _MAX_PARTS:
        lang = language()
        raise SourceError(
            _("{label}: has {parts} parts, more than {most}; refusing to unpack it (zip bomb?)").format(
                label=label, parts=number(parts, lang), most=number(_MAX_PARTS, lang)
            )
        )


def _count_parts(path: Path) -> int | None:
    """How many parts the zip's end-of-directory record says it has; None when there is no such record
    (zipfile then says the file is damaged)."""
    with path.open("rb") as file:
        size = file.seek(0, 2)
        start = max(0, size - 22 - 0xFFFF)
        file.seek(start)
        tail = file.read()
        at = tail.rfind(_END_OF_DIRECTORY)
        if at < 0 or len(tail) - at < 22:
            return None
        parts = int.from_bytes(tail[at + 10 : at + 12], "little")
        locator = tail[at - 20 : at] if at >= 20 else b""
        if parts == 0xFFFF and locator.startswith(_ZIP64_LOCATOR):
            file.seek(int.from_bytes(locator[8:16], "little"))
            record = file.read(40)
            if record.startswith(_ZIP64_END) and len(record) == 40:
                parts = int.from_bytes(record[32:40], "little")
        return parts


def _check_sizes(archive: zipfile.ZipFile, label: str) -> None:
    members = archive.infolist()
    total = sum(member.file_size for member in members)
    if total > _MAX_UNPACKED:
        lang = language()
        raise SourceError(
            _("{label}: unpacks to {size} MB, more than {most} MB; refusing to unpack it (zip bomb?)").format(
                label=label, size=number(total / 2**20, lang, 0), most=number(_MAX_UNPACKED // 2**20, lang)
            )
        )
    for member in members:
        if member.flag_bits & 0x1:
            raise SourceError(
                _("{label}: {part} is encrypted; save the workbook without a password").format(
                    label=label, part=member.filename
                )
            )


def _check_xml(archive: zipfile.ZipFile, label: str) -> None:
    """Refuse any XML part with a DOCTYPE: workbooks never have one, and entity bombs need one.

    Every XML parser that reads the file (calamine, and the scan in `xmlscan`) is thereby safe from
    entity expansion and external entities, without parsing each part twice.
    """
    for member in archive.infolist():
        if not member.filename.endswith((".xml", ".rels", ".vml")) or member.file_size == 0:
            continue
        head = next(inflate.chunks(archive, member.filename, label, _XML_HEAD), b"")
        if _has_doctype(head, complete=member.file_size <= _XML_HEAD):
            raise SourceError(
                _(
                    "{label}: {part} declares a DOCTYPE, which workbooks never do;"
                    " refusing to read it (XML bomb?)"
                ).format(label=label, part=member.filename)
            )


def _has_doctype(head: bytes, complete: bool) -> bool:
    """Whether an XML part's start declares a DOCTYPE; a prologue too long to judge counts as one.

    A part in UTF-16 (with or without a byte order mark) is judged by its text.
    """
    if head.startswith(b"\xef\xbb\xbf"):
        head = head[3:]
    elif head.startswith((b"\xff\xfe", b"\xfe\xff", b"<\x00", b"\x00<")):
        encoding = (
            "utf-16" if head[:2] in (b"\xff\xfe", b"\xfe\xff") else "utf-16-le" if head[0] else "utf-16-be"
        )
        head = head[: len(head) // 2 * 2].decode(encoding, "replace").lstrip("\ufeff").encode("utf-8")
    position = 0
    while found := _PROLOGUE.match(head, position):
        position = found.end()
    rest = head[position:].lstrip()
    if rest.startswith(b"<!"):
        return True
    return not rest and not complete
