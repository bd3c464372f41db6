"""Reads a recognised table's columns: each as its shape says (text, numbers, or numbers where
they are and text else), and its date column into days, with their years given back.

A CSV's columns are all text, and exports repeat the same small numbers, days and blanks many times
over: each distinct text of a column is read once, and whole columns of plain counts, of blanks,
of text and of the commonest date forms are read in one pass each. A workbook's cells, already
typed, are read one by one.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from typing import cast

from sheetplan.exports import dates, years
from sheetplan.exports.cells import (
    BLANKS,
    Cell,
    Reader,
    cell_error,
    cell_text,
    reader,
    unescaped,
    whole_numbers,
)
from sheetplan.exports.model import Value, folded
from sheetplan.exports.shapes import Shape
from sheetplan.plan.i18n import _
from sheetplan.read.values import BadValue, shown


def readers_of(shape: Shape, names: list[str], comma: bool) -> list[tuple[Reader, bool]]:
    """Each column's reader, and whether its numbers are counts, written as they are."""
    numbers = {folded(column) for column in shape.kind.columns} | set(shape.numbers)
    if shape.post:
        numbers |= {column for columns in shape.post.figures.values() for column in columns}
    result = []
    for column in names:
        percent = "(%)" in column
        if column == shape.day or column in shape.texts:
            result.append((reader("text"), False))
        elif column in numbers:
            result.append((reader("number", comma, percent), not percent))
        else:
            result.append((reader(shape.rest, comma, percent), shape.rest != "text" and not percent))
    return result


def read_column(
    column: Sequence[Cell], read: Reader, counts: bool, distinct: bool, comma: bool = False
) -> tuple[list[Value], tuple[int, BadValue] | None]:
    """A column's cells read, and the first that cannot be, with its index and why.

    With `distinct`, the column is a CSV's, all text, and each distinct text is read once; `counts`
    says its numbers are read as they are written, so plain whole numbers are read all at once.
    """
    if not distinct:
        if counts and all(type(cell) is float or cell is None for cell in column):
            # A workbook's column of numbers, as calamine reads them: floats, whole ones made ints.
            floats = cast(Sequence[float | None], column)
            return [
                cell if cell is None else int(cell) if cell.is_integer() else cell for cell in floats
            ], None
        values = []
        for index, cell in enumerate(column):
            try:
                values.append(read(cell))
            except BadValue as error:
                return [], (index, error)
        return values, None
    if not any(column):
        return [None] * len(column), None  # a column of empty texts, as many of Meta's are
    if read is cell_text:
        return _texts(cast(Sequence[str], column)), None
    if counts and (numbers := whole_numbers(cast(Sequence[str], column), comma)) is not None:
        return numbers, None  # type: ignore[return-value]
    texts = cast(set[str], set(column))
    known: dict[str, Value] = {}
    failed: dict[str, BadValue] = {}
    for cell in texts:
        try:
            known[cell] = read(cell)
        except BadValue as error:
            failed[cell] = error
    if failed:
        index = min(column.index(cell) for cell in failed)
        return [], (index, failed[cast(str, column[index])])
    return list(map(known.__getitem__, cast(Sequence[str], column))), None


def _texts(column: Sequence[str]) -> list[Value]:
    """A CSV's text column read: trimmed, and only its blanks and cells with entities read further."""
    trimmed: list[str] = list(map(str.strip, column))
    read: list[Value] = trimmed  # type: ignore[assignment]
    if "&" in "".join(trimmed):
        marked = [index for index, text in enumerate(trimmed) if "&" in text]
        for index, text in zip(marked, unescaped([trimmed[index] for index in marked]), strict=True):
            trimmed[index] = text
    if not BLANKS.isdisjoint(trimmed):
        for index, text in enumerate(trimmed):
            if text in BLANKS:
                read[index] = None
    return read


def read_days(
    lines: Sequence[int],
    column: Sequence[Cell] | None,
    header: tuple[str, ...],
    at: int | None,
    name: str,
    today: date,
    kind: str,
) -> list[date | None]:
    """Each row's date or time, the years given back to dates printed without them."""
    if column is None or at is None:
        return [None] * len(lines)
    quick = dates.at_once(column)
    if quick is not None:
        return quick  # type: ignore[return-value]  # the quick forms all have years: no MonthDay
    found = _one_by_one(lines, column, header, at, name)
    if kind == "Daily CSV" and None in found:
        line = lines[found.index(None)]
        raise cell_error(name, line, header[at], _("no date"))
    month_days = [(index, when) for index, when in enumerate(found) if isinstance(when, dates.MonthDay)]
    if month_days:
        try:
            given = years.with_years([day for __, day in month_days], today)
        except years.Ambiguous as error:
            index = month_days[error.index][0]
            before = month_days[error.index - 1][0]
            problem = _(
                "{value} lies {days} days or more either way from {above} above it, so its year cannot be"
                " told; download the export with years or for fewer days"
            ).format(value=shown(column[index]), days=years.NEAR, above=shown(column[before]))
            raise cell_error(name, lines[index], header[at], problem) from None
        for (index, __), day in zip(month_days, given, strict=True):
            found[index] = day
    return found  # type: ignore[return-value]


def _one_by_one(
    lines: Sequence[int], column: Sequence[Cell], header: tuple[str, ...], at: int, name: str
) -> list[dates.When | None]:
    """A date column read a distinct cell at a time, the order of day and month told from the column."""
    distinct = set(column)
    first = dates.day_first(list(distinct))
    known: dict[Cell, dates.When | None] = {}
    failed: dict[Cell, BadValue] = {}
    for cell in distinct:
        try:
            known[cell] = dates.when(cell, first)
        except BadValue as error:
            failed[cell] = error
    if failed:
        index = min(column.index(cell) for cell in failed)
        raise cell_error(name, lines[index], header[at], failed[column[index]])
    return list(map(known.__getitem__, column))
