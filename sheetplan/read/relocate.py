"""Reading a sheet whose cells lie far apart: its far cells moved next to the others for calamine, and put
back where they were once read.

calamine builds a sheet as the rectangle from A1 to its last cell, so a note typed at XFD1048576 would
cost seventeen billion cells. A sheet whose scan says so (`xmlscan.Extent`, `odsscan`) is rewritten
for calamine instead: its cells are listed with their positions, the block from A1 that they fill
densely is kept where it is (`near_block`), and every cell beyond it is moved into rows under the
block, as many to a row as the block is wide. calamine reads that rewritten sheet, which holds as many
cells as the sheet has and decodes each as it would have where it was (shared strings, number formats,
dates); `Layout.rows` then puts each moved value back at its own position, in a `SheetRows`. The
rewriting is done here for .xlsx worksheets (`relocate_xlsx`) and in `odsrelocate` for .ods tables.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from sheetplan.files.package import damaged
from sheetplan.plan.model import CellValue, column_letter, column_number
from sheetplan.read.sparse import DENSE_SLACK, Position, SheetRows

MOVED_WIDTH = 256
"""How many moved cells go in a row when no block is kept (every cell of the sheet is far)."""
_COLUMN_SLACK = 64
_ROW_SLACK = 1024
_TAG = re.compile(rb"<(/?)((?:[\w.-]+:)?)(row|c|sheetData)(?=[\s/>])([^>]*?)(/?)>")
_REF = re.compile(rb"""(\sr\s*=\s*)(["'])([A-Za-z]{1,3})([0-9]{1,7})\2""")
_ROW_NUMBER = re.compile(rb"""\sr\s*=\s*["']([0-9]{1,7})["']""")


@dataclass(frozen=True)
class Layout:
    """Where a rewritten sheet put things: its block of `rows` × `columns` from A1 as it was, then the
    cells of `moved`, in that order, `width` to a row in the rows under the block."""

    rows: int
    columns: int
    moved: tuple[Position, ...]

    @property
    def width(self) -> int:
        return self.columns or MOVED_WIDTH

    def place(self, position: int) -> Position:
        """Where the moved cell `position` (0-based, in `moved`) was put: 1-based row and column."""
        down, across = divmod(position, self.width)
        return self.rows + 1 + down, across + 1

    def sheet_rows(self, read: Sequence[list[CellValue]]) -> SheetRows:
        """The sheet as it was, from the rows calamine read of the rewritten sheet."""
        block = [list(row[: self.columns]) for row in read[: self.rows]]
        far: dict[Position, CellValue] = {}
        for index, position in enumerate(self.moved):
            row, column = self.place(index)
            cells = read[row - 1] if row <= len(read) else ()
            value = cells[column - 1] if column <= len(cells) else ""
            if value != "":
                far[position] = value
        return SheetRows(block, far)


def near_block(positions: Sequence[Position]) -> tuple[int, int]:
    """The rows and columns of the block from A1 that `positions` fill densely enough to keep.

    The block's columns are the first columns up to the last one that leaves at most about half of
    them empty (plus 64), and its rows likewise (plus 1,024) among the cells in those columns. When even
    that block would be mostly blank (cells on a diagonal), no block is kept and every cell moves.
    """
    columns = _dense_prefix(sorted({column for _, column in positions}), _COLUMN_SLACK)
    rows = _dense_prefix(sorted({row for row, column in positions if column <= columns}), _ROW_SLACK)
    if rows * columns > 4 * len(positions) + DENSE_SLACK:
        return 0, 0
    return rows, columns


def _dense_prefix(values: Sequence[int], slack: int) -> int:
    """The largest of the sorted `values` that is at most twice its rank plus `slack`; 0 when none is."""
    return max((value for rank, value in enumerate(values, start=1) if value <= 2 * rank + slack), default=0)


def relocate_xlsx(xml: bytes, member: str, label: str) -> tuple[bytes, Layout]:
    """A worksheet's XML (UTF-8) reduced to its cells, the far ones moved under the block; the layout.

    Only `<sheetData>` is kept: calamine needs no other part of a worksheet to read its values.
    """
    head, prefix, cells = worksheet_cells(xml, member, label)
    rows, columns = near_block([position for position, _ in cells])
    kept: dict[int, list[bytes]] = {}
    moved: list[tuple[Position, bytes]] = []
    for (row, column), cell in cells:
        if row <= rows and column <= columns:
            kept.setdefault(row, []).append(_with_ref(cell, row, column))
        else:
            moved.append(((row, column), cell))
    layout = Layout(rows, columns, tuple(position for position, _ in moved))
    for index, (_, cell) in enumerate(moved):
        row, column = layout.place(index)
        kept.setdefault(row, []).append(_with_ref(cell, row, column))
    rows_xml = [
        b'<%srow r="%d">%s</%srow>' % (prefix, row, b"".join(found), prefix)
        for row, found in sorted(kept.items())
    ]
    return sheet_xml(head, prefix, b"".join(rows_xml)), layout


def sheet_xml(head: bytes, prefix: bytes, rows: bytes) -> bytes:
    """A worksheet of `rows` alone, under the root start tag (and declaration) `head`."""
    root = _ROOT.search(head)
    name = root[1] if root else b"worksheet"
    return b"%s<%ssheetData>%s</%ssheetData></%s>" % (head, prefix, rows, prefix, name)


_ROOT = re.compile(rb"<([\w.:-]+)[\s/>]")


def worksheet_head(xml: bytes, member: str, label: str) -> tuple[bytes, bytes, int]:
    """A worksheet's declaration and root start tag, its prefix, and where the content of its
    `<sheetData>` starts (-1 when it has none)."""
    root = _ROOT.search(xml)
    if root is None:
        raise damaged(label, member, "no element found")
    head = xml[: xml.find(b">", root.start()) + 1]
    head = head[:-2] + b">" if head.endswith(b"/>") else head
    data = next(
        (tag for tag in _TAG.finditer(xml, root.end()) if tag[3] == b"sheetData" and not tag[1]), None
    )
    if data is None:
        return head, root[1].rpartition(b":")[0] + b":" if b":" in root[1] else b"", -1
    return head, data[2], -1 if data[5] else data.end()


def worksheet_cells(xml: bytes, member: str, label: str) -> tuple[bytes, bytes, list[tuple[Position, bytes]]]:
    """A worksheet's declaration and root start tag, its prefix, and every cell with content, each with
    its 1-based position (from its reference, or after the cell before it when it has none)."""
    head, prefix, at = worksheet_head(xml, member, label)
    found: list[tuple[Position, bytes]] = []
    row, column = 0, 0
    while at >= 0:
        tag = _TAG.search(xml, at)
        if tag is None:
            raise damaged(label, member, "no element found")
        closing, kind, attributes, empty = tag[1], tag[3], tag[4], tag[5]
        at = tag.end()
        if kind == b"sheetData":
            break
        if kind == b"row" and not closing:
            number = _ROW_NUMBER.search(attributes)
            row, column = (int(number[1]) if number else row + 1), 0
        elif kind == b"c" and not closing:
            ref = _REF.search(attributes)
            row, column = (int(ref[4]), column_number(ref[3].upper().decode())) if ref else (row, column + 1)
            if not empty:
                end = xml.find(b"</%sc>" % tag[2], at)
                if end < 0:
                    raise damaged(label, member, "no element found")
                at = end + len(tag[2]) + 4
                found.append(((row, column), xml[tag.start() : at]))
    return head, prefix, found


def _with_ref(cell: bytes, row: int, column: int) -> bytes:
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
