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

The last two come from `xmlscan`, which streams the sheet XML for the few cells concerned.
"""

from __future__ import annotations

import gc
import threading
import zipfile
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Generic, TypeVar, cast

import python_calamine

from sheetplan.files.guard import WorkbookKind
from sheetplan.plan.errors import SourceError
from sheetplan.plan.model import CellValue
from sheetplan.read import xmlscan

Rows = list[list[CellValue]]
SPLIT_BYTES = 2**20
"""A workbook whose sheets hold more than this many bytes of XML in all is read by two readers at once."""
T = TypeVar("T")


def read_workbook(
    path: Path, kind: WorkbookKind, wanted: Callable[[str], bool] | None = None, name: str | None = None
) -> dict[str, Rows]:
    """The sheets of a workbook that `wanted` accepts (all by default), as rows of plain values.

    Rows start at row 1 and cells at column A, whatever the sheet's used range.
    """
    label = name or str(path)
    accept = wanted or (lambda _: True)
    # The scan inflates the sheets again while calamine parses them; both let go of the GIL, so on
    # two cores the scan costs next to nothing.
    special = _Background(lambda: _special_cells(path, kind, accept))
    special.start()
    try:
        with gc_paused():
            with python_calamine.CalamineWorkbook.from_path(str(path)) as workbook:
                names = [
                    sheet.name
                    for sheet in workbook.sheets_metadata
                    if sheet.typ == python_calamine.SheetTypeEnum.WorkSheet and accept(sheet.name)
                ]
                # calamine parses a sheet without holding the GIL, but one workbook object parses one
                # sheet at a time: a second one reads about half of a big workbook beside the first.
                others = _for_second_reader(path, kind, names)
                second = _Background(lambda: _read_sheets(path, others))
                if others:
                    second.start()
                try:
                    read = _read_sheets(workbook, [name for name in names if name not in others])
                    if others:
                        read |= second.result()
                finally:
                    if others:
                        second.join()
                grid = {name: read[name] for name in names}
            for sheet_name, cells in special.result().items():
                if sheet_name in grid:
                    _patch(grid[sheet_name], cells)
    # calamine's errors (and the panics of its Rust core) have no common base but Exception.
    except Exception as error:
        if isinstance(error, SourceError):
            raise
        detail = str(error).strip().splitlines()[0] if str(error).strip() else type(error).__name__
        raise SourceError(f"{label}: cannot be read as a workbook ({detail})") from None
    finally:
        special.join()
    return grid


def _read_sheets(workbook: python_calamine.CalamineWorkbook | Path, names: list[str]) -> dict[str, Rows]:
    """Some sheets of a workbook (opened here when given as a path), as rows of plain values."""
    if isinstance(workbook, Path):
        with python_calamine.CalamineWorkbook.from_path(str(workbook)) as opened:
            return _read_sheets(opened, names)
    # calamine's time-only cells (time, timedelta) stay as they are: load reads them as text.
    return cast(
        dict[str, Rows],
        {name: workbook.get_sheet_by_name(name).to_python(skip_empty_area=False) for name in names},
    )


def _for_second_reader(path: Path, kind: WorkbookKind, names: list[str]) -> list[str]:
    """The sheets a second reader takes: about half the bytes, biggest first; none of a small workbook.

    Opening the workbook twice costs a few milliseconds, so it is done for sheets of more than
    `SPLIT_BYTES` in all. An .ods file keeps every sheet in one part: it is read once.
    """
    if kind != "xlsx" or len(names) < 2:
        return []
    with zipfile.ZipFile(path) as archive:
        total = sum(
            info.file_size for info in archive.infolist() if info.filename.startswith("xl/worksheets/")
        )
        if total < SPLIT_BYTES:
            return []
        parts = xmlscan.xlsx_sheet_parts(archive)
        members = set(archive.namelist())
        sizes = {name: archive.getinfo(parts[name]).file_size for name in names if parts.get(name) in members}
    first, second = 0, 0
    taken = []
    for name in sorted(sizes, key=sizes.__getitem__, reverse=True):
        if second <= first:
            taken.append(name)
            second += sizes[name]
        else:
            first += sizes[name]
    return taken if first else []


@contextmanager
def gc_paused() -> Iterator[None]:
    """Pause the cycle collector while building many objects that form no cycles.

    Reading a plan makes hundreds of thousands of lists, dicts and records, and every full collection
    walks all of them again: a fifth of the time of `check`. Reference counting frees them all.
    """
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


class _Background(threading.Thread, Generic[T]):
    """Runs `work` beside the caller; `result` hands back what it returned, or raises what it raised."""

    def __init__(self, work: Callable[[], T]) -> None:
        super().__init__(daemon=True)
        self.work = work
        self.returned: T | None = None
        self.raised: BaseException | None = None

    def run(self) -> None:
        try:
            self.returned = self.work()
        except BaseException as error:  # handed to the caller by result()
            self.raised = error

    def result(self) -> T:
        self.join()
        if self.raised is not None:
            raise self.raised
        return cast(T, self.returned)


def _special_cells(path: Path, kind: WorkbookKind, wanted: Callable[[str], bool]) -> dict[str, xmlscan.Cells]:
    with zipfile.ZipFile(path) as archive:
        if kind == "ods":
            return xmlscan.ods_error_cells(archive, wanted)
        parts = xmlscan.xlsx_sheet_parts(archive)
        found = {
            name: xmlscan.xlsx_special_cells(archive, part) for name, part in parts.items() if wanted(name)
        }
    return {name: cells for name, cells in found.items() if cells}


def _patch(rows: Rows, cells: xmlscan.Cells) -> None:
    for (row, column), value in cells.items():
        while len(rows) < row:
            rows.append([])
        cells_of_row = rows[row - 1]
        if len(cells_of_row) < column:
            cells_of_row.extend([""] * (column - len(cells_of_row)))
        cells_of_row[column - 1] = value
