"""Reads the sheets of a workbook export into tables: legacy .xls with xlrd (LinkedIn's pages still
download as .xls), .xlsx with python-calamine after `sheetplan.files.guard` has checked the zip.

Cells come out as text, numbers, dates (a datetime when the cell has a time) and booleans; blank
cells as None. Each sheet is a table whose records are its non-blank rows, numbered as the sheet
numbers them.
"""

from __future__ import annotations

import io
from datetime import date, datetime, time
from pathlib import Path
from typing import Any

from sheetplan.exports.cells import Cell
from sheetplan.exports.tables import RawTable, Record
from sheetplan.files.guard import guard_file
from sheetplan.plan.errors import SourceError
from sheetplan.plan.i18n import _

_SUFFIXES = {".xlsx", ".xlsm", ".ods"}


def xlsx_tables(path: Path, name: str) -> list[RawTable]:
    """The sheets of an .xlsx (or .ods) export, once the guard has found it safe to open.

    The guard goes by the file's suffix too, so a workbook named otherwise is refused with the name
    it should have.
    """
    if path.suffix.lower() not in _SUFFIXES:
        raise SourceError(
            _("{label}: holds an .{kind} workbook; rename it to end in .{kind}").format(
                label=name, kind="xlsx"
            )
        )
    guard_file(path, name)
    import python_calamine

    tables = []
    # calamine's errors (and the panics of its Rust core) have no common base but Exception.
    try:
        with python_calamine.CalamineWorkbook.from_path(str(path)) as book:
            for sheet in book.sheets_metadata:
                if sheet.typ != python_calamine.SheetTypeEnum.WorkSheet:
                    continue
                rows = book.get_sheet_by_name(sheet.name).to_python(skip_empty_area=False)
                plain = _PLAIN
                cells = (
                    [
                        None if cell == "" else cell if type(cell) in plain else _calamine_cell(cell)
                        for cell in row
                    ]
                    for row in rows
                )
                tables.append(_table(sheet.name, cells))
    except Exception as error:
        raise SourceError(
            _("{label}: cannot be read as a workbook ({detail})").format(
                label=name, detail=_first_line(error)
            )
        ) from None
    return tables


def xls_tables(data: bytes, name: str) -> list[RawTable]:
    """The sheets of a legacy .xls export."""
    import xlrd  # type: ignore[import-untyped]

    tables = []
    try:
        book = xlrd.open_workbook(file_contents=data, on_demand=True, logfile=io.StringIO())
        for sheet_name in book.sheet_names():
            sheet = book.sheet_by_name(sheet_name)
            rows = (
                [_xls_cell(kind, value, book.datemode) for kind, value in zip(
                    sheet.row_types(index), sheet.row_values(index), strict=True
                )]
                for index in range(sheet.nrows)
            )  # fmt: skip
            tables.append(_table(sheet_name, rows))
            book.unload_sheet(sheet_name)
    except Exception as error:
        # xlrd raises its own errors, struct's, IndexError and others for damaged files.
        raise SourceError(
            _("{name}: a damaged or truncated .xls workbook ({detail})").format(
                name=name, detail=_first_line(error)
            )
        ) from None
    return tables


def _table(sheet: str, rows: Any) -> RawTable:
    records: list[Record] = [
        (number, cells)
        for number, cells in enumerate(rows, start=1)
        if any(cell is not None and cell != "" for cell in cells)
    ]
    return RawTable(records=records, sheet=sheet)


_PLAIN = frozenset({str, int, float, date, datetime})
"""The types of calamine's cells that are read as they are (a blank, `''`, apart)."""


def _calamine_cell(cell: object) -> Cell:
    if cell == "":
        return None
    if isinstance(cell, str | int | float | date):
        return cell
    return str(cell)  # a time of day or a duration: read as text


_XL_EMPTY, _XL_TEXT, _XL_NUMBER, _XL_DATE, _XL_BOOLEAN, _XL_ERROR, _XL_BLANK = range(7)


def _xls_cell(kind: int, value: Any, datemode: int) -> Cell:
    if kind in (_XL_EMPTY, _XL_BLANK, _XL_ERROR):
        return None
    if kind == _XL_DATE:
        import xlrd

        moment: datetime = xlrd.xldate.xldate_as_datetime(value, datemode)
        return moment.date() if moment.time() == time() else moment
    if kind == _XL_BOOLEAN:
        return bool(value)
    if kind == _XL_NUMBER:
        return int(value) if float(value).is_integer() else float(value)
    return str(value)


def _first_line(error: Exception) -> str:
    text = str(error).strip()
    return text.splitlines()[0] if text else type(error).__name__
