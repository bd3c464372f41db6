"""Reads an .xlsx, .xlsm or .ods workbook into a Grid of plain values, with python-calamine.

calamine was chosen by measurement: it reads every cell of a 2,000-metric × 36-month plan with 10,000
actions in 0.30 s, where openpyxl (`read_only=True`) takes 3.9 s. What it returns, and what is done
about it:

- numbers: always `float` (`5.0` for 5). Left so: `load` makes whole numbers `int` where it reads a
  number, for every backend alike, which costs less than a pass over every cell here;
- dates: `date` for date-only cells, `datetime` when the format has a time; numbers in date columns
  that were not formatted as dates are serial numbers, which `load` reads as dates too;
- blank cells: `''`, as the Google Sheets API also gives them;
- error cells (`#N/A`, `#REF!`...): `''` from calamine, replaced here by `ErrorValue`;
- formulas with no saved result: `''` from calamine, replaced here by `FormulaValue`.

The last two come from a scan of the sheets' XML (`xmlscan`, `odsscan`), which also measures each
sheet before calamine builds it: a sheet with a cell far from the rest is read sparsely, into a
`SheetRows`, through a copy of the workbook with its far cells moved (`copied`). So is a workbook
calamine cannot read as it is but Excel or LibreOffice would open (`canonical` lists what). Only
worksheets are read: chart sheets, dialog sheets and Excel 4 macro sheets hold no cells of a plan.
"""

from __future__ import annotations

import zipfile
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, cast

import python_calamine

from sheetplan.files.guard import WorkbookKind
from sheetplan.plan.background import Background
from sheetplan.plan.collector import gc_paused
from sheetplan.plan.errors import SourceError
from sheetplan.plan.model import CellValue
from sheetplan.read import xmlscan
from sheetplan.read.sheetscan import Scans
from sheetplan.read.sparse import SheetRows
from sheetplan.read.unreadable import unreadable

if TYPE_CHECKING:
    from sheetplan.read import odsscan

Rows = list[list[CellValue]] | SheetRows
_WORKSHEET = python_calamine.SheetTypeEnum.WorkSheet


def read_workbook(
    path: Path, kind: WorkbookKind, wanted: Callable[[str], bool] | None = None, name: str | None = None
) -> dict[str, Rows]:
    """The worksheets of a workbook that `wanted` accepts (all by default), as rows of plain values.

    Rows start at row 1 and cells at column A, whatever the sheet's used range.
    """
    label = name or str(path)
    accept = wanted or (lambda __: True)
    try:
        with gc_paused():
            return _read_ods(path, accept, label) if kind == "ods" else _read_xlsx(path, accept, label)
    except BaseException as error:
        if isinstance(error, SourceError) or not _failed(error):
            raise
        raise unreadable(label, error) from None


def _read_xlsx(path: Path, wanted: Callable[[str], bool], label: str) -> dict[str, Rows]:
    # The scan inflates each sheet and measures it just ahead of calamine, which parses the sheets
    # without holding the GIL: on two cores the scan costs next to nothing.
    scans = Scans(path, wanted, label)
    scans.start()
    try:
        failure: BaseException | None = None
        try:
            grid, far = _read_sheets(path, scans)
        except BaseException as error:
            if not _failed(error):
                raise
            scans.join()
            if isinstance(error, SourceError) or scans.raised is not None:
                raise scans.raised or error from None
            # calamine cannot read the file as it is: the copy it can, or a part is damaged.
            grid, far, failure = {}, list(scans.parts), error
        book = scans.structure()
        if far:
            from sheetplan.read import copied  # the copy's modules cost a plain workbook 8 ms to load

            sparse = [name for name in far if not _scan(scans, name)[1].dense()]
            try:
                grid |= copied.read_xlsx_copy(
                    path, book, {name: scans.parts[name] for name in far}, sparse, wanted, label
                )
            except BaseException as error:
                if failure is None or isinstance(error, SourceError) or not _failed(error):
                    raise
                parts = [book.part, *scans.parts.values(), book.shared_strings or "", book.styles or ""]
                raise copied.damage(path, parts, label) or error from None
        for sheet_name, rows in grid.items():
            _patch(rows, _scan(scans, sheet_name)[0])
        return {name: grid[name] for name in scans.parts if name in grid}
    finally:
        scans.join()


def _scan(scans: Scans, name: str) -> tuple[xmlscan.Cells, xmlscan.Extent]:
    """The scan of a sheet; for a sheet calamine lists but the workbook part does not, nothing."""
    return scans.sheet(name) or ({}, xmlscan.Extent())


def _read_sheets(path: Path, scans: Scans) -> tuple[dict[str, Rows], list[str]]:
    """The dense wanted worksheets read by calamine (by two readers for a big workbook), and the names
    of the others, whose far cells call for the copy."""
    far: list[str] = []
    with python_calamine.CalamineWorkbook.from_path(str(path)) as workbook:
        scans.structure()
        names = {sheet.name for sheet in workbook.sheets_metadata if sheet.typ == _WORKSHEET}
        # calamine parses a sheet without holding the GIL, but one workbook object parses one
        # sheet at a time: a second one reads about half of a big workbook beside the first.
        others = [name for name in scans.second if name in names]
        second = Background(lambda: _dense(path, others, scans, far))
        if others:
            second.start()
        try:
            read = _dense(workbook, [name for name in scans.first if name in names], scans, far)
            if others:
                read |= second.result()
        finally:
            if others:
                second.join()
    return read, far


def _dense(
    workbook: python_calamine.CalamineWorkbook | Path, names: list[str], scans: Scans, far: list[str]
) -> dict[str, Rows]:
    """The sheets `names` that the scan finds dense, read by one workbook object (opened here when
    given as a path); the others are added to `far`."""
    if isinstance(workbook, Path):
        with python_calamine.CalamineWorkbook.from_path(str(workbook)) as opened:
            return _dense(opened, names, scans, far)
    read: dict[str, Rows] = {}
    for name in names:
        if not _scan(scans, name)[1].dense():
            far.append(name)
            continue
        # calamine's time-only cells (time, timedelta) stay as they are: load reads them as text.
        read[name] = cast(Rows, workbook.get_sheet_by_name(name).to_python(skip_empty_area=False))
    return read


def _read_ods(path: Path, wanted: Callable[[str], bool], label: str) -> dict[str, Rows]:
    """An .ods file's wanted tables. calamine reads every table when it opens the file, so the scan
    comes first; the error cells are parsed beside calamine, only when the scan saw one."""
    from sheetplan.read import copied, odsscan

    with zipfile.ZipFile(path) as archive:
        scan = odsscan.ods_scan(archive, label)
    errors = Background(lambda: _ods_errors(path, wanted) if scan.errors else {})
    errors.start()
    try:
        grid: dict[str, Rows]
        if scan.sparse:
            grid = copied.read_ods_copy(path, set(scan.sparse), wanted, label)
        else:
            try:
                grid = _read_ods_file(path, wanted)
            except BaseException as error:
                if not _failed(error):
                    raise
                grid = _read_ods_copy(path, wanted, label, error)
        for sheet_name, cells in errors.result().items():
            if sheet_name in grid:
                _patch(grid[sheet_name], cast(xmlscan.Cells, cells))
    finally:
        errors.join()
    return grid


def _read_ods_copy(
    path: Path, wanted: Callable[[str], bool], label: str, failure: BaseException
) -> dict[str, Rows]:
    """The copy of an .ods file that calamine could not read as it is: with its whitespace taken out,
    then, should that not do (blank runs too short to tell but too many), with every table rewritten."""
    from sheetplan.read import copied

    for tables in (set[str](), None):
        try:
            return copied.read_ods_copy(path, tables, wanted, label)
        except BaseException as error:
            if isinstance(error, SourceError) or not _failed(error):
                raise
            failure = error  # the last copy's, which names the sheet it could not read
    raise copied.damage(path, ["content.xml"], label) or failure from None


def _failed(error: BaseException) -> bool:
    """Whether `error` is a reader's failure to read: an Exception, or a panic of calamine's Rust core,
    which pyo3 raises as a BaseException so that `except Exception` does not catch it."""
    return isinstance(error, Exception) or type(error).__name__ == "PanicException"


def _read_ods_file(path: Path, wanted: Callable[[str], bool]) -> dict[str, Rows]:
    with python_calamine.CalamineWorkbook.from_path(str(path)) as workbook:
        names = [sheet.name for sheet in workbook.sheets_metadata if wanted(sheet.name)]
        return {
            name: cast(Rows, workbook.get_sheet_by_name(name).to_python(skip_empty_area=False))
            for name in names
        }


def _ods_errors(path: Path, wanted: Callable[[str], bool]) -> dict[str, odsscan.Cells]:
    from sheetplan.read import odsscan

    with zipfile.ZipFile(path) as archive:
        return odsscan.ods_error_cells(archive, wanted)


def _patch(rows: Rows, cells: xmlscan.Cells) -> None:
    if isinstance(rows, SheetRows):
        for (row, column), value in cells.items():
            rows.set(row, column, value)
        return
    for (row, column), value in cells.items():
        while len(rows) < row:
            rows.append([])
        cells_of_row = rows[row - 1]
        if len(cells_of_row) < column:
            cells_of_row.extend([""] * (column - len(cells_of_row)))
        cells_of_row[column - 1] = value
