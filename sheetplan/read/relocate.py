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

from collections.abc import Sequence
from dataclasses import dataclass

from sheetplan.plan.model import CellValue
from sheetplan.read.sheetxml import row_cells, sheet_xml, with_ref, worksheet_rows
from sheetplan.read.sparse import DENSE_SLACK, Position, SheetRows

MOVED_WIDTH = 256
"""How many moved cells go in a row when no block is kept (every cell of the sheet is far)."""
_COLUMN_SLACK = 64
_ROW_SLACK = 1024


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

    def sheet_rows(self, read: list[list[CellValue]]) -> SheetRows:
        """The sheet as it was, from the rows calamine read of the rewritten sheet."""
        block = [row if len(row) <= self.columns else row[: self.columns] for row in read[: self.rows]]
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
    first: dict[int, int] = {}
    for row, column in positions:
        first[row] = min(first.get(row, column), column)
    return near_block_of({column for _, column in positions}, first, len(positions))


def near_block_of(columns: set[int], first: dict[int, int], cells: int) -> tuple[int, int]:
    """`near_block` from the columns the cells are in, each row's first column, and how many cells."""
    width = _dense_prefix(sorted(columns), _COLUMN_SLACK)
    height = _dense_prefix(sorted(row for row, column in first.items() if column <= width), _ROW_SLACK)
    if height * width > 4 * cells + DENSE_SLACK:
        return 0, 0
    return height, width


def _dense_prefix(values: Sequence[int], slack: int) -> int:
    """The largest of the sorted `values` that is at most twice its rank plus `slack`; 0 when none is."""
    return max((value for rank, value in enumerate(values, start=1) if value <= 2 * rank + slack), default=0)


def relocate_xlsx(xml: bytes, member: str, label: str) -> tuple[bytes, Layout]:
    """A worksheet's XML (UTF-8) reduced to its cells, the far ones moved under the block; the layout.

    Only `<sheetData>` is kept: calamine needs no other part of a worksheet to read its values. The rows
    of the block are copied as they are; only a row with a far cell (or with cells the row's own
    search cannot place) is taken apart into its cells.
    """
    head, prefix, rows = worksheet_rows(xml, member, label)
    apart = {
        index: row_cells(row, prefix, member, label) for index, row in enumerate(rows) if row.columns is None
    }
    columns = {column for row in rows if row.columns for column in row.columns}
    columns |= {column for cells in apart.values() for (_, column), _ in cells}
    first = {row.number: min(row.columns) for row in rows if row.columns}
    for cells in apart.values():
        for (number, column), _ in cells:
            first[number] = min(first.get(number, column), column)
    count = sum(row.cells for row in rows if row.columns is not None) + sum(map(len, apart.values()))
    block_rows, block_columns = near_block_of(columns, first, count)
    kept: dict[int, list[bytes]] = {}
    moved: list[tuple[Position, bytes]] = []
    for index, row in enumerate(rows):
        if (
            row.columns is not None
            and row.number <= block_rows
            and max(row.columns, default=0) <= block_columns
        ):
            kept.setdefault(row.number, []).append(row.inner)
            continue
        for (number, column), cell in apart.get(index) or row_cells(row, prefix, member, label):
            if number <= block_rows and column <= block_columns:
                kept.setdefault(number, []).append(with_ref(cell, number, column))
            else:
                moved.append(((number, column), cell))
    layout = Layout(block_rows, block_columns, tuple(position for position, _ in moved))
    for index, (_, cell) in enumerate(moved):
        number, column = layout.place(index)
        kept.setdefault(number, []).append(with_ref(cell, number, column))
    body = b"".join(
        b'<%srow r="%d">%s</%srow>' % (prefix, number, b"".join(found), prefix)
        for number, found in sorted(kept.items())
    )
    return sheet_xml(head, prefix, body), layout
