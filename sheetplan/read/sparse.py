"""Rows of a sheet whose cells lie far apart: a dense block from A1, and the few cells beyond it.

A sheet is read as rows of cells from A1. When its cells fill a rectangle, that is a list of lists.
When one cell lies far from the rest (a note typed at ZZ20000, a value at XFD1048576), the rectangle
from A1 to it would hold millions of blank cells; such a sheet is a `SheetRows` instead: the block of
rows and columns its cells fill, as lists, and the cells beyond it by position. It is a Sequence of
rows like any other, so the loaders read it unchanged: a row outside the block is an empty tuple, a row
with far cells a `SparseRow`. `numbered` walks the rows that hold anything, whichever the kind, which
is what the loaders do to find a table's data rows.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from itertools import islice
from typing import overload

from sheetplan.plan.model import CellValue

Position = tuple[int, int]
"""A cell's 1-based row and column."""
DENSE_SLACK = 65536
"""Blank cells a sheet's rectangle from A1 may hold beyond four for each of its cells, and still be read
as a list of lists."""


class SparseRow(Sequence[CellValue]):
    """A row of cells: its first cells as a list, then a few cells further on; '' between them."""

    __slots__ = ("dense", "far", "width")

    def __init__(self, dense: Sequence[CellValue], far: dict[int, CellValue]) -> None:
        self.dense = dense
        self.far = far
        """0-based column index to value, every index at least len(dense)."""
        self.width = max(len(dense), max(far, default=-1) + 1)

    def __len__(self) -> int:
        return self.width

    @overload
    def __getitem__(self, index: int) -> CellValue: ...
    @overload
    def __getitem__(self, index: slice) -> list[CellValue]: ...
    def __getitem__(self, index: int | slice) -> CellValue | list[CellValue]:
        if isinstance(index, slice):
            return [self[at] for at in range(*index.indices(self.width))]
        if index < 0:
            index += self.width
        if not 0 <= index < self.width:
            raise IndexError("row index out of range")
        return self.dense[index] if index < len(self.dense) else self.far.get(index, "")

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Sequence) and len(other) == self.width and list(self) == list(other)

    __hash__ = None  # type: ignore[assignment]

    def __repr__(self) -> str:
        return f"SparseRow({list(self.dense)!r}, {self.far!r})"


class SheetRows(Sequence[Sequence[CellValue]]):
    """A sheet's rows: `block` from row 1, and `far` cells, by 1-based position, outside the block."""

    __slots__ = ("block", "far", "height", "rows")

    def __init__(self, block: list[list[CellValue]], far: dict[Position, CellValue]) -> None:
        self.block = block
        by_row: dict[int, dict[int, CellValue]] = {}
        for (row, column), value in far.items():
            by_row.setdefault(row, {})[column - 1] = value
        self.rows: dict[int, SparseRow] = {
            row: SparseRow(block[row - 1] if row <= len(block) else (), cells)
            for row, cells in sorted(by_row.items())
        }
        """1-based row number to the row, for every row with a cell outside the block."""
        self.height = max(len(block), max(self.rows, default=0))

    def __len__(self) -> int:
        return self.height

    @overload
    def __getitem__(self, index: int) -> Sequence[CellValue]: ...
    @overload
    def __getitem__(self, index: slice) -> list[Sequence[CellValue]]: ...
    def __getitem__(self, index: int | slice) -> Sequence[CellValue] | list[Sequence[CellValue]]:
        if isinstance(index, slice):
            return [self[at] for at in range(*index.indices(self.height))]
        if index < 0:
            index += self.height
        if not 0 <= index < self.height:
            raise IndexError("sheet row index out of range")
        found = self.rows.get(index + 1)
        if found is not None:
            return found
        return self.block[index] if index < len(self.block) else ()

    def numbered(self, first: int = 1) -> Iterator[tuple[int, Sequence[CellValue]]]:
        """Each row from row `first` on that holds anything, with its 1-based number."""
        for number in range(first, len(self.block) + 1):
            yield number, self.rows.get(number) or self.block[number - 1]
        for number, row in self.rows.items():
            if number > len(self.block) and number >= first:
                yield number, row

    def set(self, row: int, column: int, value: CellValue) -> None:
        """Put `value` at a 1-based position, in the block where it lies inside it."""
        if row <= len(self.block) and row not in self.rows:
            cells = self.block[row - 1]
            if column <= len(cells):
                cells[column - 1] = value
                return
        existing = self.rows.get(row)
        cells_of = dict(existing.far) if existing is not None else {}
        cells_of[column - 1] = value
        self.rows[row] = SparseRow(self.block[row - 1] if row <= len(self.block) else (), cells_of)
        self.rows = dict(sorted(self.rows.items()))
        self.height = max(self.height, row)

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Sequence) or len(other) != self.height:
            return False
        return all(_same_row(mine, theirs) for mine, theirs in zip(self, other, strict=True))

    __hash__ = None  # type: ignore[assignment]

    def __repr__(self) -> str:
        far = {
            (row, column + 1): value
            for row, cells in self.rows.items()
            for column, value in cells.far.items()
        }
        return f"SheetRows({self.block!r}, {far!r})"


def numbered(
    rows: Sequence[Sequence[CellValue]], first: int = 1
) -> Iterator[tuple[int, Sequence[CellValue]]]:
    """The rows of a sheet from row `first` on, each with its 1-based number; a `SheetRows` gives only
    those that hold anything, where a list of rows gives every one."""
    if isinstance(rows, SheetRows):
        return rows.numbered(first)
    return enumerate(islice(rows, first - 1, None), start=first)


def _same_row(mine: Sequence[CellValue], theirs: Sequence[CellValue]) -> bool:
    return len(mine) == len(theirs) and list(mine) == list(theirs)
