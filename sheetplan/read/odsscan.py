"""Reads an .ods file's content before calamine does: whether a cell shows an error, which tables have a
cell far from the rest, and the error cells themselves.

calamine reads every table of an .ods when it opens the file, each as the rectangle from its first to
its last cell with every blank row and column in between. LibreOffice stores a run of blank cells or
rows as one element with a repeat count, so one cell typed far out costs a few bytes in the file and
millions of cells in memory. The scan finds such runs: at least 256 blank columns, or 4,096 blank
rows, that something follows in their row or table. A table with one is read sparsely
(`sheetplan.read.relocate`). The runs LibreOffice writes at the end of each row and table, for
formatted columns and rows, are followed by nothing and cost nothing.

The scan searches bytes and parses nothing; the error cells are found by a parse (defusedxml) that
runs only when the scan saw an error value. content.xml is inflated through `sheetplan.files.inflate`,
which refuses it if it unpacks to more than its zip header says.
"""

from __future__ import annotations

import re
import zipfile
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import IO

from sheetplan.files import inflate
from sheetplan.plan.model import ErrorValue

Cells = dict[tuple[int, int], ErrorValue]

WIDE_RUN = 256
"""Blank columns in one run that make a table sparse when a cell follows them in the row."""
TALL_RUN = 4096
"""Blank rows in one run that make a table sparse when a row with a value follows them."""
_LOOK = 8192
"""Bytes after a run that are looked at to tell what follows it."""
_MAX_REPEAT = 1024
_ERROR = b'value-type="error"'
_REPEAT = b'-repeated="'
_TABLE = b"<table:table "
_NAME = b'table:name="'
_CELLS = (b"table:table-cell", b"table:covered-table-cell")
_ROW_END = b"</table:table-row>"
_RUN = re.compile(rb'-repeated="(?!\d{1,2}")(?!\d+"/></table:table-row>)')
"""A repeat of a hundred or more that does not end its row at once: the few runs worth a look."""
_CELL_STARTS = (b"<table:table-cell", b"<table:covered-table-cell")
_GROUPS = (b"<table:table-row-group", b"<table:table-rows", b"<table:table-header-rows")
_TAG_END = re.compile(rb"[\s/>]")
_ODS_TABLE = "{urn:oasis:names:tc:opendocument:xmlns:table:1.0}"
_ODS_CALC = "{urn:org:documentfoundation:names:experimental:calc:xmlns:calcext:1.0}"


@dataclass(frozen=True)
class OdsScan:
    """What the scan of content.xml found: any error value, and the names of the sparse tables."""

    errors: bool
    sparse: frozenset[str]


def ods_scan(archive: zipfile.ZipFile, label: str) -> OdsScan:
    """Scan content.xml for error values and for runs of blank cells that something follows."""
    errors, sparse, name = False, set[str](), ""
    tail, start = b"", 0
    for chunk in inflate.ahead(archive, "content.xml", label):
        buffer = tail + chunk
        stop = max(start, len(buffer) - _LOOK)
        name = _examine(buffer, start, stop, name, sparse)
        errors = errors or _ERROR in buffer
        keep = max(0, stop - _LOOK)
        tail, start = buffer[keep:], stop - keep
    _examine(tail, start, len(tail), name, sparse)
    return OdsScan(errors or _ERROR in tail, frozenset(sparse))


def _examine(buffer: bytes, start: int, stop: int, name: str, sparse: set[str]) -> str:
    """Look at the table starts and the runs that begin in `buffer[start:stop]`; the table now open."""
    tables = [(at, True) for at in _starts(buffer, _TABLE, start, stop)]
    runs = [(found.start(), False) for found in _RUN.finditer(buffer, start, stop)]
    for at, is_table in sorted(tables + runs):
        if is_table:
            name = _name_at(buffer, at)
        elif name not in sparse and _far_run(buffer, at):
            sparse.add(name)
    return name


def _starts(buffer: bytes, needle: bytes, start: int, stop: int) -> Iterator[int]:
    at = buffer.find(needle, start, stop)
    while at >= 0:
        yield at
        at = buffer.find(needle, at + 1, stop)


def _name_at(buffer: bytes, table: int) -> str:
    at = buffer.find(_NAME, table, table + 4096)
    end = buffer.find(b'"', at + len(_NAME)) if at >= 0 else -1
    return buffer[at + len(_NAME) : end].decode("utf-8", "replace") if end >= 0 else ""


def _far_run(buffer: bytes, at: int) -> bool:
    """Whether the repeat at `at` is a long run of blank cells or rows with a value after it."""
    digits = buffer[at + len(_REPEAT) : buffer.find(b'"', at + len(_REPEAT), at + 32)]
    count = int(digits) if digits.isdigit() else 0
    element = buffer.rfind(b"<", 0, at)
    tag = _TAG_END.split(buffer[element + 1 : element + 1 + max(map(len, _CELLS)) + 1], 1)[0]
    if tag in _CELLS and buffer[at - 7 : at] == b"columns" and count >= WIDE_RUN:
        after = _after_blank_cell(buffer, element)
        return after < 0 or _content_follows(buffer, after, row=False)
    if tag == b"table:table-row" and buffer[at - 4 : at] == b"rows" and count >= TALL_RUN:
        after = _after_blank_row(buffer, element)
        return after < 0 or _content_follows(buffer, after, row=True)
    return False


def _skip_space(buffer: bytes, at: int) -> int:
    while at < len(buffer) and buffer[at] in b" \t\r\n":
        at += 1
    return at


def _after_blank_cell(buffer: bytes, element: int) -> int:
    """Where a blank cell that starts at `element` ends; -1 if it holds a value or its end is not here."""
    tag_end = buffer.find(b">", element)
    if tag_end < 0 or b"value-type" in buffer[element:tag_end]:
        return -1
    if buffer[tag_end - 1 : tag_end] == b"/":
        return tag_end + 1
    close = buffer.find(b"</table:", tag_end)
    if close < 0 or b"value-type" in buffer[tag_end:close]:
        return -1
    end = buffer.find(b">", close)
    return end + 1 if end >= 0 else -1


def _after_blank_row(buffer: bytes, element: int) -> int:
    """Where a row with no value that starts at `element` ends; -1 if it holds one or is not all here."""
    end = buffer.find(_ROW_END, element)
    if end < 0 or b"value-type" in buffer[element:end]:
        return -1
    return end + len(_ROW_END)


def _content_follows(buffer: bytes, at: int, row: bool) -> bool:
    """Whether, after blank cells (or rows) from `at`, a cell with a value (or a row with one) comes
    before the row (or the table's rows) ends; True when that cannot be told from the bytes at hand."""
    while (at := _skip_space(buffer, at)) < len(buffer):
        if row and buffer.startswith(_GROUPS, at):
            return True
        if not buffer.startswith(b"<table:table-row" if row else _CELL_STARTS, at):
            return at + 64 > len(buffer) and not buffer.startswith(b"</", at)
        after = _after_blank_row(buffer, at) if row else _after_blank_cell(buffer, at)
        if after < 0:
            return True
        at = after
    return True


def ods_error_cells(archive: zipfile.ZipFile, wanted: Callable[[str], bool]) -> dict[str, Cells]:
    """The error cells of the wanted sheets of an .ods file (parsed; run only when `ods_scan` saw one)."""
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
