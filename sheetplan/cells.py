"""Reads a table's cells as typed values, turning every unusable cell into a Problem at its address.

This is where a cell's own trouble is reported: an error such as `#N/A`, a formula with no saved
result, a value that is not what the column holds, a number typed as text. Whether a required cell
is blank, or a value is one the dropdown offers, is for `check` to say: it sees the whole plan.

Every cell of a plan goes through `CellReader.records` or `number_at`, so the usual cases (text in a
text column, a number in a number column) are taken inline, and only the rest goes through `values`.
Numbers come out as int when they are whole, whatever the backend gave (calamine gives floats).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from datetime import date, datetime
from functools import lru_cache
from typing import Any, Literal

from sheetplan import schema, values
from sheetplan.model import CellValue, ErrorValue, FormulaValue, Problem, Severity
from sheetplan.tables import Row, Table

Kind = Literal["text", "name", "choice", "date", "number", "percent"]
Field = tuple[str, str, Kind, schema.Choices | None]
"""A record's field: its name, the schema column key it is read from, what the column holds, its choices."""

_PARSERS: dict[Kind, tuple[Callable[[CellValue], Any], str]] = {
    "date": (values.to_date, "not_a_date"),
    "percent": (values.percent, "not_a_percent"),
}


@lru_cache(maxsize=4096)
def choice(choices: schema.Choices, typed: str) -> str | None:
    """The English value a dropdown label means (cached: a plan repeats a few labels many times)."""
    return choices.match(typed)


class CellReader:
    """Reads the cells of one table, adding a Problem to `problems` for each it cannot use."""

    def __init__(self, table: Table, problems: list[Problem]) -> None:
        self.table = table
        self.problems = problems

    def report(self, row: int, index: int, severity: Severity, code: str, message: str) -> None:
        self.problems.append(
            Problem(severity, self.table.name, self.table.address(row, index), code, message)
        )

    def usable(self, row: int, index: int, value: CellValue) -> CellValue:
        """The value, or None after reporting it when it is an error or a formula with no result."""
        if isinstance(value, FormulaValue):
            message = (
                f"{value.formula} has no saved result (the file was saved by a program that does not"
                " calculate); open it in a spreadsheet program and save it, or type the value"
            )
            self.report(row, index, "error", "formula_without_value", message)
            return None
        if isinstance(value, ErrorValue):
            self.report(
                row, index, "error", "error_value", f"shows the error {value.code}; put a value there"
            )
            return None
        return value

    def records(self, fields: Sequence[Field]) -> Iterator[tuple[int, dict[str, Any]]]:
        """Each data row's number and the values of its fields, keyed by field name.

        A cell that is blank or unusable gives '' for text and None for anything else.
        """
        columns = self.table.columns
        resolved = [(field, columns.get(key, -1), kind, choices) for field, key, kind, choices in fields]
        for number, cells in self.table.data():
            width = len(cells)
            found: dict[str, Any] = {}
            for field, index, kind, choices in resolved:
                value = cells[index] if 0 <= index < width else None
                if value is None or value == "":
                    found[field] = "" if kind == "text" or kind == "name" else None
                elif type(value) is str and (kind == "text" or kind == "name"):
                    found[field] = value.strip() if kind == "text" else " ".join(value.split())
                elif type(value) is str and kind == "choice" and choices is not None:
                    typed = " ".join(value.split())
                    found[field] = choice(choices, typed) or typed or None
                elif kind == "number" and type(value) is float:
                    found[field] = int(value) if value.is_integer() else value
                elif kind == "date" and type(value) is date:
                    found[field] = value
                else:
                    found[field] = self._slow(number, index, value, kind, choices)
            yield number, found

    def record(self, row: Row, fields: Sequence[Field]) -> dict[str, Any]:
        """The values of one row's fields (see `records`)."""
        resolved = [
            (field, self.table.columns.get(key, -1), kind, choices) for field, key, kind, choices in fields
        ]
        number, cells = row
        found: dict[str, Any] = {}
        for field, index, kind, choices in resolved:
            value = cells[index] if 0 <= index < len(cells) else None
            found[field] = self._slow(number, index, value, kind, choices)
        return found

    def text(self, row: Row, key: str) -> str:
        return str(self.record(row, ((key, key, "text", None),))[key])

    def name(self, row: Row, key: str) -> str:
        """An ID or a name: text with runs of spaces folded, as dropdowns compare."""
        return str(self.record(row, ((key, key, "name", None),))[key])

    def _slow(
        self, row: int, index: int, value: CellValue, kind: Kind, choices: schema.Choices | None
    ) -> Any:
        value = self.usable(row, index, value)
        if kind == "number":
            return self.number_at(row, index, value)
        if kind in ("text", "name", "choice"):
            typed = values.text(value) if kind == "text" else values.name(value)
            return (choice(choices, typed) or typed or None) if kind == "choice" and choices else typed
        if values.is_blank(value):
            return "" if kind in ("text", "name") else None
        if kind == "date" and isinstance(value, datetime):
            return value.date()
        parse, code = _PARSERS[kind]
        try:
            return parse(value)
        except values.BadValue as error:
            self.report(row, index, "error", code, str(error))
            return None

    def number_at(self, row: int, index: int, value: CellValue) -> int | float | None:
        """A number cell's value; a number typed as text is read, with a warning."""
        value = self.usable(row, index, value)
        if values.is_blank(value):
            return None
        try:
            amount, typed = values.number(value)
        except values.BadValue as error:
            self.report(row, index, "error", "not_a_number", str(error))
            return None
        if typed:
            message = (
                f"{values.shown(value)} is a number typed as text, read as {amount}; type it as a number"
            )
            self.report(row, index, "warning", "number_as_text", message)
        return amount
