"""Writing the review into an .xlsx workbook with openpyxl, and proving that nothing else changed.

The review goes into the plan itself when openpyxl can carry everything in it over. When it cannot
(the plan holds shapes, sparklines, Excel 2010 extensions and so on, see `xlsx.parts`; or it is an .ods
or .xlsm file; or formulas on the plan's sheets feed numbers sheetplan reads, whose saved results
openpyxl would drop), the plan is left alone and the review goes to `NAME.review-YYYY-MM.xlsx` beside
it: a workbook with the review sheet and the Review log. `--out PATH` writes such a workbook to PATH,
or, when PATH is an existing workbook, adds the review to it like to a plan.

Every save goes through `safe_save.replace_safely`: the new file is read back with sheetplan's own
reader and compared with the old one, value by value, before it replaces it.
"""

from __future__ import annotations

import warnings
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any, BinaryIO

import openpyxl
from openpyxl.workbook.workbook import Workbook
from openpyxl.worksheet.formula import ArrayFormula

from sheetplan.files.safe_save import refuse_if_open, replace_safely
from sheetplan.layout.review import review_layout, review_month, review_position
from sheetplan.layout.sheet import SheetLayout
from sheetplan.layout.written import Written
from sheetplan.plan.errors import SourceError, UsageError, WriteError
from sheetplan.plan.model import Grid, Month, Plan, column_letter, quote_sheet
from sheetplan.plan.schema import REVIEW_LOG
from sheetplan.plan.words import listing
from sheetplan.read.workbook import gc_paused, read_workbook
from sheetplan.review.log import LogRow, merged_log, parse_log
from sheetplan.review.model import Review
from sheetplan.xlsx.dropdowns import apply_dropdowns
from sheetplan.xlsx.parts import describe, parts_openpyxl_would_drop
from sheetplan.xlsx.render import render, write_log
from sheetplan.xlsx.save import save_workbook
from sheetplan.xlsx.verify import Formulas, verify_saved


def beside(path: Path, month: Month) -> Path:
    """The workbook a review goes to when it cannot go into the plan: `plan.review-2026-03.xlsx`."""
    return path.with_name(f"{path.stem}.review-{month}.xlsx")


def write_review(path: Path, grid: Grid, plan: Plan, review: Review, out: Path | None = None) -> Written:
    """Write the review sheet and the Review log for `review` into the plan at `path`, or to `out`.

    `grid` is the plan as read before (its values are what the saved file must still hold).
    """
    # openpyxl makes several objects for every cell of the plan, none of them garbage until the end;
    # the cycle collector would walk them all, again and again, for a third of the time of the write.
    with gc_paused():
        return _write_review(path, grid, plan, review, out)


def _write_review(path: Path, grid: Grid, plan: Plan, review: Review, out: Path | None) -> Written:
    if out is not None and not _same_file(out, path):
        return write_review_to(out, grid, plan, review)
    layout = review_layout(review, plan.lang, plan.settings.review_day)
    reason = _not_in_place(path)
    if reason is None:
        # Refused before the slow part; `replace_safely` checks again just before it writes.
        refuse_if_open(path)
        workbook = _open(path)
        formulas = _formulas(workbook)
        reason = _read_formulas(formulas, plan)
        if reason is None:
            backup = _update(path, workbook, formulas, grid, layout, review, plan)
            return Written(str(path), layout.name, backup)
    written = _write_elsewhere(beside(path, review.month), layout, review, plan, grid)
    return Written(written.where, written.sheet, written.backup, reason)


def write_review_to(out: Path, grid: Grid, plan: Plan, review: Review) -> Written:
    """Write the review to the workbook `out` (`--out`): a new one, or added to the workbook there."""
    if out.suffix.lower() != ".xlsx":
        raise UsageError(f"--out {out}: the review is written as .xlsx; give a name ending in .xlsx")
    with gc_paused():
        return _write_elsewhere(
            out, review_layout(review, plan.lang, plan.settings.review_day), review, plan, grid
        )


def _same_file(one: Path, other: Path) -> bool:
    return one.resolve() == other.resolve()


def _not_in_place(path: Path) -> str | None:
    """Why the review cannot go into the plan itself, in words for the user; None when it can."""
    suffix = path.suffix.lower()
    if suffix == ".ods":
        return "it is an OpenDocument spreadsheet (.ods), which sheetplan reads but does not write"
    if suffix == ".xlsm":
        return "it holds macros (.xlsm), which sheetplan does not write"
    losses = parts_openpyxl_would_drop(path)
    if losses:
        return f"it holds {describe(losses)}, which would be lost if sheetplan wrote into it"
    return None


def _open(path: Path) -> Workbook:
    try:
        # openpyxl warns about what it drops; `parts_openpyxl_would_drop` has ruled that out already.
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", UserWarning)
            # rich_text keeps partly bold or coloured text in a cell as it is.
            return openpyxl.load_workbook(path, rich_text=True)
    except Exception as error:  # openpyxl raises anything from KeyError to zipfile errors on a bad file
        raise SourceError(f"{path}: cannot be opened for writing ({type(error).__name__}: {error})") from None


def _formulas(workbook: Workbook) -> Formulas:
    """Every formula cell of every worksheet except review sheets and the log, before anything changes."""
    found: dict[str, dict[tuple[int, int], str]] = {}
    for worksheet in workbook.worksheets:
        if _ours(worksheet.title):
            continue
        cells: dict[tuple[int, int], str] = {}
        # The cell dictionary, because iter_rows() would create a cell at every empty position.
        for (row, column), cell in worksheet._cells.items():
            if cell.data_type == "f":
                value = cell.value
                cells[row, column] = value.text if isinstance(value, ArrayFormula) else str(value)
        found[worksheet.title] = cells
    return found


def _ours(name: str) -> bool:
    """Whether a sheet is one that reviews write (a review sheet or the Review log)."""
    return review_month(name) is not None or REVIEW_LOG.is_named(name)


def _read_formulas(formulas: Formulas, plan: Plan) -> str | None:
    """Why formulas on the plan's sheets stop an in-place write: openpyxl drops their saved results, so
    the plan would read as blank in those cells until a spreadsheet program recalculated it."""
    found = []
    for key, location in plan.locations.items():
        # The Metric column of Forecasts and Actuals is a lookup for people; sheetplan never reads it.
        read = {number for name, number in location.columns.items() if name != "metric" or key == "metrics"}
        cells = formulas.get(location.name, {})
        found += [
            f"{quote_sheet(location.name)}!{column_letter(column)}{row}"
            for (row, column) in sorted(cells)
            if column in read and row > location.header_row
        ]
    if not found:
        return None
    return f"formulas feed the plan ({listing(found, limit=1)}) and openpyxl would drop their saved results"


def _update(
    path: Path,
    workbook: Workbook,
    formulas: Formulas,
    grid: Grid,
    layout: SheetLayout,
    review: Review,
    plan: Plan,
) -> Path | None:
    """Add the review to the plan's own workbook, re-apply its dropdowns and save it safely."""
    before = {name: rows for name, rows in grid.items() if not _ours(name)}
    others = set(formulas) - set(before)
    if others:
        before |= read_workbook(path, "xlsx", wanted=others.__contains__, name=str(path))
    log = _put_review(workbook, layout, review, plan)
    apply_dropdowns(workbook, plan)
    return _save(path, workbook, before, formulas, layout.name, log)


def _write_elsewhere(path: Path, layout: SheetLayout, review: Review, plan: Plan, grid: Grid) -> Written:
    """Write the review to a workbook other than the plan: a new one, or add it to an existing one."""
    if path.exists():
        losses = parts_openpyxl_would_drop(path)
        if losses:
            raise WriteError(
                f"{path}: holds {describe(losses)}, which writing would lose; choose another --out"
            )
        refuse_if_open(path)
        workbook = _open(path)
        formulas = _formulas(workbook)
        before = read_workbook(path, "xlsx", wanted=formulas.__contains__, name=str(path))
        log = _put_review(workbook, layout, review, plan)
        return Written(str(path), layout.name, _save(path, workbook, before, formulas, layout.name, log))
    workbook = Workbook()
    # The new workbook carries on the plan's Review log, so its history is not lost.
    seed = next((rows for name, rows in grid.items() if REVIEW_LOG.is_named(name)), None)
    workbook.active.title = REVIEW_LOG.name(plan.lang)
    if seed:
        write_log(workbook.active, parse_log(seed), plan.lang)
    log = _put_review(workbook, layout, review, plan)
    _save(path, workbook, {}, {}, layout.name, log)
    return Written(str(path), layout.name)


def _save(
    path: Path,
    workbook: Workbook,
    before: Mapping[str, Sequence[Sequence[Any]]],
    formulas: Formulas,
    sheet: str,
    log: list[LogRow],
) -> Path | None:
    def write(stream: BinaryIO) -> None:
        save_workbook(workbook, stream)
        _discard(workbook)

    def verify(saved: Path) -> None:
        verify_saved(saved, path, before, formulas, sheet, log)

    return replace_safely(path, write, verify)


def _discard(workbook: Workbook) -> None:
    """Let go of a saved workbook's cells now, while nothing else needs them.

    Each cell and its sheet refer to each other, so otherwise only the cycle collector frees them,
    and walking the million objects of a big plan takes it over a second.
    """
    for worksheet in workbook.worksheets:
        worksheet._cells.clear()


def _put_review(workbook: Workbook, layout: SheetLayout, review: Review, plan: Plan) -> list[LogRow]:
    """Put the review sheet in, replacing the month's old one, and update the Review log; its rows."""
    old = [sheet for sheet in workbook.worksheets if review_month(sheet.title) == review.month]
    index = workbook.index(old[0]) if old else _position(workbook, review.month, plan)
    for sheet in old:
        workbook.remove(sheet)
    worksheet = workbook.create_sheet(layout.name, index)
    render(worksheet, layout)
    # Only the new sheet may be selected: several selected tabs make Excel edit them all at once.
    for sheet in workbook.worksheets:
        sheet.sheet_view.tabSelected = False
    worksheet.sheet_view.tabSelected = True
    workbook.active = workbook.index(worksheet)
    log_sheet = next((sheet for sheet in workbook.worksheets if REVIEW_LOG.is_named(sheet.title)), None)
    existing: list[LogRow] = []
    if log_sheet is None:
        log_sheet = workbook.create_sheet(REVIEW_LOG.name(plan.lang))
    else:
        existing = parse_log([list(row) for row in log_sheet.iter_rows(values_only=True)])
    rows = merged_log(existing, review)
    write_log(log_sheet, rows, plan.lang)
    return rows


def _position(workbook: Workbook, month: Month, plan: Plan) -> int:
    """Where a new review sheet goes: among the other reviews in month order, else after the plan's sheets."""
    sheets = ((sheet.title, workbook.index(sheet)) for sheet in workbook.worksheets)
    among_reviews = review_position(sheets, month)
    if among_reviews is not None:
        return among_reviews
    names = {location.name for location in plan.locations.values()}
    plan_sheets = [workbook.index(sheet) for sheet in workbook.worksheets if sheet.title in names]
    return max(plan_sheets) + 1 if plan_sheets else 0
