"""Helpers for the tests of `sheetplan init`: write a workbook, open it, read its rows by schema key."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

import openpyxl
from openpyxl.workbook.workbook import Workbook
from openpyxl.worksheet.datavalidation import DataValidation
from openpyxl.worksheet.worksheet import Worksheet

from sheetplan.plan.model import Month
from sheetplan.plan.schema import Lang, Sheet, column_by_header
from sheetplan.template.workbook import write_plan

START = Month(2026, 1)
TODAY = date(2026, 5, 14)
"""With this day, the example written from START has actual results for January to April 2026."""


def write(
    folder: Path,
    *,
    lang: Lang = "en",
    example: bool = False,
    months: int = 12,
    start: Month | None = START,
    today: date = TODAY,
    name: str = "plan.xlsx",
) -> Path:
    path = folder / name
    write_plan(path, start=start, months=months, lang=lang, example=example, today=today)
    return path


def load(path: Path, *, cached: bool = False, values: bool = False) -> Workbook:
    """The workbook as openpyxl reads it; `values` only for its values, which is faster."""
    return openpyxl.load_workbook(path, data_only=cached, read_only=values)


def headers(worksheet: Worksheet) -> list[str]:
    return [cell.value for cell in next(worksheet.iter_rows(min_row=1, max_row=1)) if cell.value is not None]


def records(workbook: Workbook, sheet: Sheet, lang: Lang) -> list[dict[str, Any]]:
    """The non-blank rows of a sheet as schema column key (or month header) to value."""
    worksheet = workbook[sheet.name(lang)]
    keys = []
    for header in headers(worksheet):
        column = column_by_header(sheet, header)
        keys.append(column.key if column else header)
    rows = []
    for values in worksheet.iter_rows(min_row=2, values_only=True):
        row = {key: value for key, value in zip(keys, values, strict=False) if value not in (None, "")}
        if set(row) - {"metric"}:
            rows.append(row)
    return rows


def validation_for(worksheet: Worksheet, cell: str) -> DataValidation:
    """The one data validation that covers a cell."""
    found = [dv for dv in worksheet.data_validations.dataValidation if cell in dv.sqref]
    assert len(found) == 1, f"{worksheet.title}!{cell} has {len(found)} validations"
    return found[0]


def label_value(sheet: Sheet, key: str, text: Any) -> Any:
    """The schema value a dropdown label means, for choice columns; other values as they are."""
    column = next((column for column in sheet.columns if column.key == key), None)
    if column is None or column.choices is None or not isinstance(text, str):
        return text
    return column.choices.match(text)
