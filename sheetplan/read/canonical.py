"""A copy of a workbook, made in memory, laid out the way calamine reads it: for the valid workbooks
calamine stops at as they are, and for sheets whose far cells must be moved first.

calamine reads what Excel and LibreOffice write, but stops at some workbooks that both programs open
without a word: a workbook part in UTF-16; Excel 4 macro sheets among the sheets; a sheet state of
"show"; parts kept elsewhere than Excel keeps them (calamine finds the workbook's folder through
`_rels/.rels`, but not its name, nor the shared strings and styles); a reference without a row, such
as a dimension of `A0:L9`, in a part of a worksheet that holds no values; and, in .ods files,
whitespace between a row's cells, as a pretty-printer leaves. The copy keeps only what holds values:

- .xlsx: `_rels/.rels`, the workbook and its relationships written afresh, listing the wanted
  worksheets alone (no chart, dialog or macro sheets, no states, the 1904 date system kept); the shared
  strings and styles as they are; each wanted worksheet reduced to its `<sheetData>`; all in UTF-8.
- .ods: content.xml without the whitespace between cells, and a manifest.

Its parts are stored, not compressed. The values are calamine's own, decoded as they would have been
from the file itself.
"""

from __future__ import annotations

import codecs
import io
import re
import zipfile
from collections.abc import Mapping

from sheetplan.files import inflate
from sheetplan.files.package import Book, damaged
from sheetplan.read.sheetxml import sheet_xml, worksheet_head

_MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
_PACKAGE_RELS = "http://schemas.openxmlformats.org/package/2006/relationships"
_HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
_DECLARED = re.compile(rb"""^<\?xml[^>]*?encoding\s*=\s*["']([\w.:-]+)["']""")
_ENCODING = re.compile(r"""(^<\?xml[^>]*?encoding\s*=\s*)(["'])[\w.:-]+\2""")
_ODS_WHITESPACE = re.compile(
    rb"(?<=>)\s+(?=<(?:table:(?:covered-)?table-cell|/table:(?:covered-)?table-cell>|/table:table-row>"
    rb"|text:[ph][\s>/]|/?office:annotation))"
)
"""Whitespace between a row's cells or inside a cell around its paragraphs: none of it is text."""


def xlsx_copy(archive: zipfile.ZipFile, book: Book, sheets: Mapping[str, bytes], label: str) -> bytes:
    """The workbook with `sheets` (name to worksheet XML in UTF-8) as its worksheets."""
    entries = "".join(
        f'<sheet name="{_attribute(name)}" sheetId="{number}" r:id="rId{number}"/>'
        for number, name in enumerate(sheets, start=1)
    )
    date1904 = '<workbookPr date1904="1"/>' if book.date1904 else ""
    workbook = (
        f'{_HEAD}<workbook xmlns="{_MAIN}" xmlns:r="{_REL}">{date1904}<sheets>{entries}</sheets></workbook>'
    )
    links = [
        (f"rId{number}", "worksheet", f"worksheets/sheet{number}.xml") for number in range(1, len(sheets) + 1)
    ]
    parts = {}
    for kind, source in (("sharedStrings", book.shared_strings), ("styles", book.styles)):
        if source is not None:
            parts[f"xl/{kind}.xml"] = utf8(inflate.read(archive, source, label), source, label)
            links.append((f"rId{kind}", kind, f"{kind}.xml"))
    rels = "".join(
        f'<Relationship Id="{rid}" Type="{_REL}/{kind}" Target="{target}"/>' for rid, kind, target in links
    )
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_STORED) as copy:
        copy.writestr(
            "_rels/.rels",
            f'{_HEAD}<Relationships xmlns="{_PACKAGE_RELS}"><Relationship Id="rId1"'
            f' Type="{_REL}/officeDocument" Target="xl/workbook.xml"/></Relationships>',
        )
        copy.writestr("xl/workbook.xml", workbook)
        copy.writestr(
            "xl/_rels/workbook.xml.rels",
            f'{_HEAD}<Relationships xmlns="{_PACKAGE_RELS}">{rels}</Relationships>',
        )
        for name, data in parts.items():
            copy.writestr(name, data)
        for number, xml in enumerate(sheets.values(), start=1):
            copy.writestr(f"xl/worksheets/sheet{number}.xml", xml)
    return buffer.getvalue()


def reduced(xml: bytes, member: str, label: str) -> bytes:
    """A worksheet (in UTF-8) reduced to its `<sheetData>`, the one part of it that holds values."""
    head, prefix, start = worksheet_head(xml, member, label)
    if start < 0:
        return sheet_xml(head, prefix, b"")
    end = xml.rfind(b"</%ssheetData>" % prefix)
    if end < start:
        raise damaged(label, member, "no element found")
    return sheet_xml(head, prefix, xml[start:end])


def utf8(xml: bytes, member: str, label: str) -> bytes:
    """An XML part in UTF-8, whichever encoding it came in (the declaration then says UTF-8)."""
    if xml.startswith(codecs.BOM_UTF8):
        return xml[3:]
    if xml.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        encoding = "utf-16"
    elif xml.startswith((b"<\x00", b"\x00<")):
        encoding = "utf-16-le" if xml[0] == 0x3C else "utf-16-be"
    else:
        declared = _DECLARED.match(xml)
        encoding = declared[1].decode("ascii").lower() if declared else "utf-8"
        if encoding.replace("_", "-") in ("utf-8", "utf8"):
            return xml
    try:
        text = xml.decode(encoding)
    except (LookupError, UnicodeDecodeError) as error:
        raise damaged(label, member, f"not well-formed (invalid token): {error}") from None
    return _ENCODING.sub(r"\1\2UTF-8\2", text.lstrip("\ufeff"), count=1).encode("utf-8")


def ods_copy(content: bytes) -> bytes:
    """An .ods file holding `content` as its content.xml, the whitespace between cells taken out."""
    manifest = (
        f'{_HEAD}<manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0"'
        ' manifest:version="1.2"><manifest:file-entry manifest:full-path="/"'
        ' manifest:media-type="application/vnd.oasis.opendocument.spreadsheet"/><manifest:file-entry'
        ' manifest:full-path="content.xml" manifest:media-type="text/xml"/></manifest:manifest>'
    )
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_STORED) as copy:
        copy.writestr("mimetype", "application/vnd.oasis.opendocument.spreadsheet")
        copy.writestr("META-INF/manifest.xml", manifest)
        copy.writestr("content.xml", _ODS_WHITESPACE.sub(b"", content))
    return buffer.getvalue()


def _attribute(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace('"', "&quot;")
