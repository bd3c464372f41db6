"""A worksheet's XML taken apart by its tags: its root, its rows, and, where need be, a row's cells.

Nothing is parsed: rows never nest, nor do cells, so both are found by searching for their tags. A row
whose every cell has a reference in the row gives its cells' columns at the speed of one search
(`Row.columns`); only a row that does not is taken apart cell by cell (`row_cells`), each cell placed
after the one before it where it has no reference, as calamine places it. The parts were checked for
DOCTYPEs by the guard.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from sheetplan.files.package import damaged
from sheetplan.plan.addresses import column_letter, column_number
from sheetplan.read.sparse import Position

_ROOT = re.compile(rb"<([\w.:-]+)[\s/>]")
_DATA = re.compile(rb"<((?:[\w.-]+:)?)sheetData(?=[\s/>])[^>]*?(/?)>")
_REF = re.compile(rb"""(\sr\s*=\s*)(["'])([A-Za-z]{1,3})([0-9]{1,7})\2""")
_ROW_NUMBER = re.compile(rb"""\sr\s*=\s*["']([0-9]{1,7})["']""")
_EXCEL_REF = re.compile(rb' r="([A-Za-z]{1,3})([0-9]{1,7})"')
"""A cell's reference as every writer but a few writes it: found at the speed of its literal start."""


@dataclass(frozen=True)
class Row:
    """A row of a worksheet: its number, its cells as they are, and, when every cell has a reference in
    this row, the columns its cells are in (None when one does not) and how many cells it has."""

    number: int
    inner: bytes
    columns: set[int] | None
    cells: int


def worksheet_head(xml: bytes, member: str, label: str) -> tuple[bytes, bytes, int]:
    """A worksheet's declaration and root start tag, its prefix, and where the content of its
    `<sheetData>` starts (-1 when it has none)."""
    root = _ROOT.search(xml)
    if root is None:
        raise damaged(label, member, "no element found")
    head = xml[: xml.find(b">", root.start()) + 1]
    head = head[:-2] + b">" if head.endswith(b"/>") else head
    data = _DATA.search(xml, root.end())
    if data is None:
        return head, root[1].rpartition(b":")[0] + b":" if b":" in root[1] else b"", -1
    return head, data[1], -1 if data[2] else data.end()


def sheet_xml(head: bytes, prefix: bytes, rows: bytes) -> bytes:
    """A worksheet of `rows` alone, under the root start tag (and declaration) `head`."""
    root = _ROOT.search(head)
    name = root[1] if root else b"worksheet"
    return b"%s<%ssheetData>%s</%ssheetData></%s>" % (head, prefix, rows, prefix, name)


def worksheet_rows(xml: bytes, member: str, label: str) -> tuple[bytes, bytes, list[Row]]:
    """A worksheet's head and prefix (as `worksheet_head` gives them) and its rows that hold cells."""
    head, prefix, at = worksheet_head(xml, member, label)
    rows: list[Row] = []
    if at < 0:
        return head, prefix, rows
    tag = re.compile(rb"<(/?)%s(row|sheetData)(?=[\s/>])([^>]*?)(/?)>" % re.escape(prefix))
    close = b"</%srow>" % prefix
    spaced, bare, empty = b"<%sc " % prefix, b"<%sc>" % prefix, b"<%sc/" % prefix
    number = 0
    while found := tag.search(xml, at):
        at = found.end()
        if found[2] == b"sheetData":
            return head, prefix, rows
        if found[1]:
            continue
        given = _ROW_NUMBER.search(found[3])
        number = int(given[1]) if given else number + 1
        if found[4]:
            continue
        end = xml.find(close, at)
        if end < 0:
            break
        inner = xml[at:end]
        at = end + len(close)
        cells = inner.count(spaced) + inner.count(bare) + inner.count(empty)
        rows.append(Row(number, inner, _columns(inner, number, cells), cells))
    raise damaged(label, member, "no element found")


def _columns(inner: bytes, number: int, cells: int) -> set[int] | None:
    """The columns of a row's cells, if each cell has a reference (written as Excel writes it) in the
    row `number`; None otherwise. Done by one search and set operations, not cell by cell."""
    refs = _EXCEL_REF.findall(inner)
    if len(refs) != cells:
        return None
    if not refs:
        return set()
    letters, rows = zip(*refs, strict=True)
    if set(rows) != {b"%d" % number}:
        return None
    return set(map(_column, set(letters)))


@cache
def _column(letters: bytes) -> int:
    return column_number(letters.upper().decode())


def row_cells(row: Row, prefix: bytes, member: str, label: str) -> list[tuple[Position, bytes]]:
    """The cells of a row that hold anything, each with its 1-based position: from its reference, or
    after the cell before it when it has none."""
    tag = re.compile(rb"<%sc(?=[\s/>])([^>]*?)(/?)>" % re.escape(prefix))
    close = b"</%sc>" % prefix
    found: list[tuple[Position, bytes]] = []
    at, place, column = 0, row.number, 0
    while cell := tag.search(row.inner, at):
        at = cell.end()
        ref = _REF.search(cell[1])
        place, column = (int(ref[4]), _column(ref[3])) if ref else (place, column + 1)
        if cell[2]:
            continue
        end = row.inner.find(close, at)
        if end < 0:
            raise damaged(label, member, "no element found")
        at = end + len(close)
        found.append(((place, column), row.inner[cell.start() : at]))
    return found


def worksheet_cells(xml: bytes, member: str, label: str) -> tuple[bytes, bytes, list[tuple[Position, bytes]]]:
    """A worksheet's head and prefix, and every cell with content, each with its 1-based position."""
    head, prefix, rows = worksheet_rows(xml, member, label)
    return head, prefix, [found for row in rows for found in row_cells(row, prefix, member, label)]


def with_ref(cell: bytes, row: int, column: int) -> bytes:
    """A cell element with its reference set to `row` and `column`."""
    tag_end = cell.find(b">")
    start = cell[:tag_end]
    ref = b"%s%d" % (column_letter(column).encode(), row)
    found = _REF.search(start)
    if found:
        start = start[: found.start(3)] + ref + start[found.end(4) :]
    else:
        name_end = re.search(rb"[\s/]|$", start[1:])
        at = 1 + (name_end.start() if name_end else len(start) - 1)
        start = start[:at] + b' r="' + ref + b'"' + start[at:]
    return start + cell[tag_end:]
