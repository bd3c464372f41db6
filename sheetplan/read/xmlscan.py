"""Finds the cells calamine cannot tell apart from blanks: error cells, and formulas with no saved result.

calamine returns `''` both for an empty cell, an error such as `#N/A` and a formula whose result was
never saved (openpyxl saves none). The few such cells are found here from the file's XML, so that the
plan can say which cell shows an error or needs recalculating instead of calling it blank.

The scan costs little because it does not parse: a worksheet is streamed in chunks and searched for
the two byte patterns that mark such cells (`<f` and `t="e"`), and only the cells around a hit are
looked at. Parts were checked for DOCTYPEs by `guard` first; the small parts parsed here (the workbook
and its relationships) go through defusedxml, and so does the .ods parse, which runs only when the
file has an error cell.
"""

from __future__ import annotations

import posixpath
import re
import zipfile
from collections.abc import Callable, Iterator
from typing import IO

from sheetplan.plan.model import CellValue, ErrorValue, FormulaValue, column_number

Cells = dict[tuple[int, int], CellValue]
"""Cells to put over what calamine read: (1-based row, 1-based column) to value."""

_CHUNK = 2**20
_MAX_REPEAT = 1024
_MAIN = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"
_RELS = "{http://schemas.openxmlformats.org/package/2006/relationships}"
_DOC_RELS = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}"
_START = re.compile(rb"<(?:\w+:)?c\s")
_REF = re.compile(rb"\sr\s*=\s*[\"']([A-Z]{1,3})([0-9]+)[\"']")
_TYPE = re.compile(rb"\st\s*=\s*[\"'](\w+)[\"']")
_VALUE = re.compile(rb"<(?:\w+:)?v\s*(/>|>([^<]*)<)")
_FORMULA = re.compile(rb"<(?:\w+:)?f\b([^>]*?)(?:/>|>([^<]*)<)")
_SHARED = re.compile(rb"\ssi\s*=\s*[\"'](\d+)[\"']")
_ENTITY = re.compile(r"&(#x[0-9a-fA-F]+|#[0-9]+|amp|lt|gt|quot|apos);")
_NAMED = {"amp": "&", "lt": "<", "gt": ">", "quot": '"', "apos": "'"}


def xlsx_sheet_parts(archive: zipfile.ZipFile) -> dict[str, str]:
    """Each worksheet's name to the zip member that holds it."""
    from defusedxml import ElementTree  # imported here, in the scan's thread, beside calamine's work

    workbook = ElementTree.fromstring(archive.read("xl/workbook.xml"))
    rels = ElementTree.fromstring(archive.read("xl/_rels/workbook.xml.rels"))
    targets = {rel.get("Id"): rel.get("Target", "") for rel in rels.iter(f"{_RELS}Relationship")}
    parts = {}
    for sheet in workbook.iter(f"{_MAIN}sheet"):
        target = targets.get(sheet.get(f"{_DOC_RELS}id"), "")
        if target:
            path = target.lstrip("/") if target.startswith("/") else posixpath.join("xl", target)
            parts[sheet.get("name", "")] = posixpath.normpath(path)
    return parts


def xlsx_special_cells(archive: zipfile.ZipFile, member: str) -> Cells:
    """The error cells, and the formula cells without a saved result, of one worksheet part."""
    found: Cells = {}
    shared: dict[bytes, str] = {}
    close = b""
    tail = b""
    with archive.open(member) as part:
        while chunk := part.read(_CHUNK):
            buffer = tail + chunk
            if not close:
                first = _START.search(buffer)
                if not first:
                    tail = buffer[-64:]
                    continue
                close = b"</" + buffer[first.start() + 1 : first.end() - 2] + b"c>"
            # Cells never nest, so everything up to the last closing cell tag is whole cells.
            cut = buffer.rfind(close) + len(close) if close in buffer else 0
            _read_hits(buffer, cut, close, found, shared)
            tail = buffer[cut:]
        _read_hits(tail, len(tail), close or b"</c>", found, shared)
    return found


def _read_hits(buffer: bytes, end: int, close: bytes, found: Cells, shared: dict[bytes, str]) -> None:
    """Look at each cell in `buffer[:end]` that holds a formula or has type `e`."""
    prefix = close[2:-2]
    # bytes.find is ten times faster than a regular expression here, and this runs over every byte.
    hits = []
    for needle in (b"<" + prefix + b"f>", b"<" + prefix + b"f ", b't="e"', b"t='e'"):
        position = buffer.find(needle, 0, end)
        while position >= 0:
            hits.append(position)
            position = buffer.find(needle, position + 1, end)
    for position in sorted(hits):
        _read_cell(buffer, position, close, found, shared)


def _read_cell(buffer: bytes, position: int, close: bytes, found: Cells, shared: dict[bytes, str]) -> None:
    start = _cell_start(buffer, position)
    if start < 0:
        return
    tag_end = buffer.find(b">", start)
    tag = buffer[start:tag_end]
    ref = _REF.search(tag)
    if not ref:
        return
    key = (int(ref[2]), column_number(ref[1].decode()))
    if key in found:
        return
    body_end = buffer.find(close, tag_end)
    body = b"" if tag.endswith(b"/") or body_end < 0 else buffer[tag_end + 1 : body_end]
    kind = _TYPE.search(tag)
    value = _VALUE.search(body)
    text = _unescape(value[2].decode("utf-8", "replace")) if value and value[2] is not None else None
    if kind and kind[1] == b"e":
        found[key] = ErrorValue(text or "#N/A")
        return
    formula = _FORMULA.search(body)
    if not formula:
        return
    source = _unescape((formula[2] or b"").decode("utf-8", "replace"))
    index = _SHARED.search(formula[1])
    if index and source:
        shared[index[1]] = source
    elif index:
        source = shared.get(index[1], "")
    # A formula whose result is an empty string has `<v></v>` with type str; no `<v>` means no result.
    saved = value is not None and (bool(text) or (kind is not None and kind[1] in (b"str", b"inlineStr")))
    if not saved:
        found[key] = FormulaValue(f"={source}")


def _unescape(text: str) -> str:
    """XML text with its five entities and character references replaced (html.unescape costs an import)."""
    return _ENTITY.sub(_entity, text)


def _entity(found: re.Match[str]) -> str:
    name = found[1]
    if name in _NAMED:
        return _NAMED[name]
    try:
        return chr(int(name[2:], 16) if name[1] == "x" else int(name[1:]))
    except (ValueError, OverflowError):
        return found[0]


def _cell_start(buffer: bytes, position: int) -> int:
    """Where the cell that holds `position` starts, or -1."""
    start = buffer.rfind(b"<", 0, position + 1)
    while start >= 0:
        if _START.match(buffer, start):
            return start
        start = buffer.rfind(b"<", 0, start)
        if position - start > 65536:
            return -1
    return -1


_ODS_TABLE = "{urn:oasis:names:tc:opendocument:xmlns:table:1.0}"
_ODS_CALC = "{urn:org:documentfoundation:names:experimental:calc:xmlns:calcext:1.0}"


def ods_error_cells(archive: zipfile.ZipFile, wanted: Callable[[str], bool]) -> dict[str, Cells]:
    """The error cells of the wanted sheets of an .ods file; cheap when it has none."""
    if not _contains(archive, "content.xml", b'value-type="error"'):
        return {}
    found: dict[str, Cells] = {}
    with archive.open("content.xml") as content:
        for name, key, code in _ods_errors(content):
            if wanted(name):
                found.setdefault(name, {})[key] = ErrorValue(code)
    return found


def _ods_errors(content: IO[bytes]) -> Iterator[tuple[str, tuple[int, int], str]]:
    from defusedxml import ElementTree

    name, row, rows, column = "", 0, 1, 0
    for event, element in ElementTree.iterparse(content, events=("start", "end")):
        tag = element.tag
        if event == "start":
            if tag == f"{_ODS_TABLE}table":
                name, row = element.get(f"{_ODS_TABLE}name", ""), 0
            elif tag == f"{_ODS_TABLE}table-row":
                rows, column = int(element.get(f"{_ODS_TABLE}number-rows-repeated", "1")), 0
            continue
        if tag == f"{_ODS_TABLE}table-row":
            row += rows
            element.clear()
        elif tag in (f"{_ODS_TABLE}table-cell", f"{_ODS_TABLE}covered-table-cell"):
            columns = int(element.get(f"{_ODS_TABLE}number-columns-repeated", "1"))
            if element.get(f"{_ODS_CALC}value-type") == "error":
                code = "".join(element.itertext()).strip() or "#N/A"
                # Repeats fill whole rows in a blank sheet; an error is never repeated that far.
                for down in range(min(rows, _MAX_REPEAT)):
                    for across in range(min(columns, _MAX_REPEAT)):
                        yield name, (row + down + 1, column + across + 1), code
            column += columns
            element.clear()


def _contains(archive: zipfile.ZipFile, member: str, needle: bytes) -> bool:
    tail = b""
    with archive.open(member) as part:
        while chunk := part.read(_CHUNK):
            if needle in tail + chunk[: len(needle)] or needle in chunk:
                return True
            tail = chunk[-len(needle) :]
    return False
