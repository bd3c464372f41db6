"""The plan's dropdowns, put back from the schema every time sheetplan saves a plan with openpyxl.

A workbook that went through Excel or LibreOffice may hold its dropdowns in a form openpyxl reads
badly (a list turned into a direct range, a defined name pointing at a moved column). Each save
therefore re-creates them as `sheetplan init` made them: workbook-wide names such as `OwnerList` for
the lists fed by other sheets, and a list validation on every dropdown column of every input sheet.
The user's own validations on other columns are kept.
"""

from __future__ import annotations

from typing import Any

from openpyxl.utils import get_column_letter
from openpyxl.workbook.defined_name import DefinedName
from openpyxl.workbook.workbook import Workbook
from openpyxl.worksheet.cell_range import CellRange, MultiCellRange
from openpyxl.worksheet.datavalidation import DataValidation

from sheetplan.plan.model import Plan, SheetLocation, quote_sheet
from sheetplan.plan.presets import load_preset
from sheetplan.plan.schema import LIST_SOURCES, TEMPLATE_ROWS, Column, dropdown_columns


def apply_dropdowns(workbook: Workbook, plan: Plan) -> None:
    """Re-create the plan's list names and dropdowns, in the plan's language, over whatever is there."""
    text: dict[str, Any] = load_preset("guide")[plan.lang]
    # openpyxl finds a sheet's last row by looking at every cell: once per sheet is enough.
    last_rows = {name: workbook[name].max_row for name in workbook.sheetnames}
    for source in LIST_SOURCES:
        location = plan.locations.get(source.sheet)
        if location is None or source.column not in location.columns:
            continue
        for worksheet in workbook.worksheets:
            if source.defined_name in worksheet.defined_names:
                del worksheet.defined_names[source.defined_name]
        cells = _column_range(last_rows, location, source.column, absolute=True)
        reference = f"{quote_sheet(location.name)}!{cells}"
        workbook.defined_names[source.defined_name] = DefinedName(source.defined_name, attr_text=reference)
    for sheet, column in dropdown_columns():
        location = plan.locations.get(sheet.key)
        if location is None or column.key not in location.columns or location.name not in workbook:
            continue
        worksheet = workbook[location.name]
        cells = CellRange(_column_range(last_rows, location, column.key))
        _clear(worksheet.data_validations.dataValidation, cells)
        worksheet.add_data_validation(_validation(column, plan, text, cells))


def _column_range(
    last_rows: dict[str, int], location: SheetLocation, key: str, absolute: bool = False
) -> str:
    """The data cells of a column: below the header, as far as the template's rows or the sheet's last row."""
    letter = get_column_letter(location.columns[key])
    first = location.header_row + 1
    last = max(location.header_row + TEMPLATE_ROWS, last_rows.get(location.name, 0))
    return f"${letter}${first}:${letter}${last}" if absolute else f"{letter}{first}:{letter}{last}"


def _validation(column: Column, plan: Plan, text: dict[str, Any], cells: CellRange) -> DataValidation:
    if column.choices is not None:
        labels = ",".join(column.choices.labels(plan.lang))
        formula = f'"{labels}"'
    else:
        assert column.source is not None
        formula = column.source.defined_name
    hint = column.hint(plan.lang) if column.hint else None
    validation = DataValidation(
        type="list",
        formula1=formula,
        allow_blank=True,
        showErrorMessage=True,
        errorTitle=text["not_in_list_title"],
        error=" ".join(filter(None, [text["not_in_list"], hint])),
        showInputMessage=bool(hint),
        promptTitle=column.header(plan.lang)[:32] if hint else None,
        prompt=hint,
    )
    validation.add(cells.coord)
    return validation


def _clear(validations: list[DataValidation], cells: CellRange) -> None:
    """Take `cells` out of every validation, splitting ranges around them; drop validations left empty."""
    for validation in list(validations):
        kept = MultiCellRange()
        for existing in validation.sqref.ranges:
            for piece in _without(existing, cells):
                kept.add(piece)
        if kept.ranges:
            validation.sqref = kept
        else:
            validations.remove(validation)


def _without(existing: CellRange, cells: CellRange) -> list[CellRange]:
    """What is left of `existing` once `cells` (a piece of one column) is cut out: up to four ranges."""
    if existing.isdisjoint(cells):
        return [existing]
    pieces = []
    column = cells.min_col
    if existing.min_col < column:
        pieces.append(
            CellRange(
                min_col=existing.min_col,
                max_col=column - 1,
                min_row=existing.min_row,
                max_row=existing.max_row,
            )
        )
    if existing.max_col > column:
        pieces.append(
            CellRange(
                min_col=column + 1,
                max_col=existing.max_col,
                min_row=existing.min_row,
                max_row=existing.max_row,
            )
        )
    if existing.min_row < cells.min_row:
        pieces.append(
            CellRange(min_col=column, max_col=column, min_row=existing.min_row, max_row=cells.min_row - 1)
        )
    if existing.max_row > cells.max_row:
        pieces.append(
            CellRange(min_col=column, max_col=column, min_row=cells.max_row + 1, max_row=existing.max_row)
        )
    return pieces
