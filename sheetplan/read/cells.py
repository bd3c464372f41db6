"""Reads a table's cells as typed values, turning every unusable cell into a Problem at its address.

This is where a cell's own trouble is reported: an error such as `#N/A`, a formula with no saved
result, a value that is not what the column holds, a number typed as text. Whether a required cell
is blank, or a value is one the dropdown offers, is for `check` to say: it sees the whole plan.

Every cell of a plan goes through `CellReader.column` or `number_at`, so the usual cases (text in a
text column, a number in a number column) are taken inline, and only the rest goes through `values`.
Numbers come out as int when they are whole, whatever the backend gave (calamine gives floats).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date, datetime, time
from functools import lru_cache
from typing import Any, Literal

from sheetplan.plan import schema
from sheetplan.plan.i18n import _
from sheetplan.plan.model import CellValue, ErrorValue, FormulaValue, Problem, Severity
from sheetplan.read import values
from sheetplan.read.tables import Row, Table

Kind = Literal["text", "name", "choice", "date", "month", "number", "percent"]

_PARSERS: dict[Kind, tuple[Callable[[CellValue], Any], str]] = {
    "date": (values.to_date, "not_a_date"),
    "percent": (values.percent, "not_a_percent"),
    "month": (values.to_month, "not_a_month"),
}


@lru_cache(maxsize=4096)
def choice(choices: schema.Choices, typed: str) -> str | None:
    """The English value a typed dropdown label means; what was typed when it means none (check
    reports it); None when blank. Cached: a plan repeats a few labels many times."""
    folded = " ".join(typed.split())
    return choices.match(folded) or folded or None


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
            message = _(
                "{formula} has no saved result (the file was saved by a program that does not"
                " calculate); open it in a spreadsheet program and save it, or type the value"
            ).format(formula=value.formula)
            self.report(row, index, "error", "formula_without_value", message)
            return None
        if isinstance(value, ErrorValue):
            message = _("shows the error {code}; put a value there").format(code=value.code)
            self.report(row, index, "error", "error_value", message)
            return None
        return value

    def column(
        self, rows: Sequence[Row], key: str, kind: Kind, choices: schema.Choices | None = None
    ) -> list[Any]:
        """One column's values over `rows`, read as `kind`: '' for blank text, None for other blanks.

        One comprehension per kind, with the usual case inline: this runs over every cell of a plan.
        """
        index = self.table.columns.get(key)
        if index is None:
            return ["" if kind in ("text", "name") else None] * len(rows)
        cells = [(number, row[index] if index < len(row) else None) for number, row in rows]
        slow = self._slow
        if kind == "text":
            return [v.strip() if type(v) is str else slow(n, index, v, kind, None) for n, v in cells]
        if kind == "name":
            return [
                " ".join(v.split()) if type(v) is str else slow(n, index, v, kind, None) for n, v in cells
            ]
        if kind == "choice" and choices is not None:
            # A column repeats a few labels: look each up once.
            labels = {v: choice(choices, v) for v in {v for __, v in cells if type(v) is str}}
            return [labels[v] if type(v) is str else slow(n, index, v, kind, choices) for n, v in cells]
        if kind == "number":
            return [
                (int(v) if v.is_integer() else v) if type(v) is float else slow(n, index, v, kind, None)
                for n, v in cells
            ]
        if kind == "date":
            first, last = values.FIRST_DAY, values.LAST_DAY
            # A date and time (a post's) is its day: compared whole, as the range's first and last moments.
            start, end = datetime.combine(first, time.min), datetime.combine(last, time.max)
            return [
                v
                if type(v) is date and first <= v <= last
                else v.date()
                if type(v) is datetime and start <= v <= end
                else slow(n, index, v, kind, None)
                for n, v in cells
            ]
        return [slow(n, index, v, kind, choices) for n, v in cells]

    def text(self, row: Row, key: str) -> str:
        return str(self.column([row], key, "text")[0])

    def _slow(
        self, row: int, index: int, value: CellValue, kind: Kind, choices: schema.Choices | None
    ) -> Any:
        value = self.usable(row, index, value)
        if kind == "number":
            return self.number_at(row, index, value)
        if kind in ("text", "name", "choice"):
            typed = values.text(value) if kind == "text" else values.name(value)
            return choice(choices, typed) if kind == "choice" and choices else typed
        if values.is_blank(value):
            return None
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
            amount, typed = values.number(value, signs=True)
        except values.BadValue as error:
            self.report(row, index, "error", "not_a_number", str(error))
            return None
        if typed:
            message = _("{value} is a number typed as text, read as {number}; type it as a number").format(
                value=values.shown(value), number=values.plain(amount)
            )
            self.report(row, index, "warning", "number_as_text", message)
        return amount
