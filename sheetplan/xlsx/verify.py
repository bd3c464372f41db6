"""Reading a freshly saved workbook back and proving it holds what it should, before it replaces the old one.

Every sheet other than the review sheets and the log must read back, through sheetplan's own reader,
exactly as the old file did: the same value in every cell, and the same formula in every formula cell
(openpyxl keeps formulas but not their saved results, so those are compared as formulas). The review
sheet must be there and the Review log must read back as the rows written.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

from sheetplan.plan.errors import WriteError
from sheetplan.plan.model import ErrorValue, FormulaValue, column_letter, quote_sheet
from sheetplan.plan.schema import REVIEW_LOG
from sheetplan.read.workbook import read_workbook
from sheetplan.review.log import LogRow, parse_log

Formulas = Mapping[str, Mapping[tuple[int, int], str]]


def verify_saved(
    saved: Path,
    target: Path,
    before: Mapping[str, Sequence[Sequence[Any]]],
    formulas: Formulas,
    sheet: str,
    log: list[LogRow],
) -> None:
    """Raise WriteError, naming the first cell that differs, unless `saved` holds what it should.

    `target` is the file `saved` is meant to replace, for the message; `before` the old file's values,
    `formulas` its formula cells, `sheet` the review sheet's name and `log` the Review log's rows.
    """
    wanted = set(before) | {sheet}
    after = read_workbook(saved, "xlsx", wanted=lambda name: name in wanted or REVIEW_LOG.is_named(name))
    for name, rows in before.items():
        if name not in after:
            _fail(target, f"the sheet {name!r} is missing")
        difference = _first_difference(rows, after[name], formulas.get(name, {}))
        if difference is not None:
            (row, column), was, now = difference
            where = f"{quote_sheet(name)}!{column_letter(column)}{row}"
            _fail(target, f"{where} would read {_shown(now)} instead of {_shown(was)}")
    if sheet not in after:
        _fail(target, f"the sheet {sheet!r} is missing")
    written = next((rows for name, rows in after.items() if REVIEW_LOG.is_named(name)), [])
    if parse_log(written) != log:
        _fail(target, "the Review log does not read back as written")


def _first_difference(
    before: Sequence[Sequence[Any]], after: Sequence[Sequence[Any]], formulas: Mapping[tuple[int, int], str]
) -> tuple[tuple[int, int], Any, Any] | None:
    """The first cell (row, column) whose value differs, with its old and new value; None when none does.

    A formula cell must hold the same formula afterwards, whatever its saved result was; a blank cell
    may be read as `None` or `''`.
    """
    formula_rows = {row for row, _ in formulas}
    for number in range(1, max(len(before), len(after)) + 1):
        old = before[number - 1] if number <= len(before) else ()
        new = after[number - 1] if number <= len(after) else ()
        if number not in formula_rows and list(old) == list(new):
            continue
        for column in range(1, max(len(old), len(new)) + 1):
            was = old[column - 1] if column <= len(old) else None
            now = new[column - 1] if column <= len(new) else None
            formula = formulas.get((number, column))
            if formula is not None:
                if now != FormulaValue(formula):
                    return (number, column), FormulaValue(formula), now
            elif not _same(was, now):
                return (number, column), was, now
    return None


def _same(was: Any, now: Any) -> bool:
    if was in (None, "") and now in (None, ""):
        return True
    return type(was) is type(now) and was == now


def _shown(value: Any) -> str:
    """A cell's value as the user would recognise it: 950 (not 950.0), "text", a formula, blank."""
    if value is None or value == "":
        return "blank"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, FormulaValue):
        return value.formula
    if isinstance(value, ErrorValue):
        return value.code
    if isinstance(value, str):
        return f'"{value}"'
    return str(value)


def _fail(target: Path, detail: str) -> None:
    raise WriteError(f"{target}: not written, because after saving {detail}; the file is unchanged")
