"""Reading a sheet's plain rows by 1-based cell, as the Actuals and Posts changes need."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from sheetplan.plan.model import CellValue

Entry = str | int | float | date | None
"""A value an import writes into a cell: text, a number, a date (or date and time), or nothing."""


def cell_at(rows: Sequence[Sequence[CellValue]], row: int, column: int) -> CellValue:
    """The value at 1-based (`row`, `column`); None beyond the rows read."""
    if row > len(rows) or column > len(rows[row - 1]):
        return None
    return rows[row - 1][column - 1]


def next_row(rows: Sequence[Sequence[CellValue]], header_row: int = 1) -> int:
    """The first row after the last below `header_row` that holds anything."""
    for number in range(len(rows), header_row, -1):
        if any(value not in (None, "") for value in rows[number - 1]):
            return number + 1
    return header_row + 1
