"""The workbook `pull` writes: the template's sheets, filled with a Google Sheet's data, and its log.

It is the workbook `template.build_workbook` builds for a new plan, with two additions: cells written
as they were typed, over and beside each table, and the Review log.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from xlsxwriter.workbook import Workbook
from xlsxwriter.worksheet import Worksheet

from sheetplan import __version__
from sheetplan.plan import schema
from sheetplan.plan.example import Content
from sheetplan.plan.model import CellValue, ErrorValue, Grid, Month
from sheetplan.read import values
from sheetplan.review.log import parse_log
from sheetplan.template.sheets import SheetPlan, SheetWriter
from sheetplan.template.workbook import build_workbook

Cell = tuple[int, int, CellValue]
"""A cell written after the template's table: 0-based row and column, and its value."""


@dataclass
class Pulled:
    """What goes into the copy: the template's content, and cells the template cannot take as values."""

    content: Content
    cells: dict[str, list[Cell]] = field(default_factory=dict)
    """Schema sheet key to the cells written as typed, over and beside the table."""


def build_copy(months: tuple[Month, ...], lang: schema.Lang, pulled: Pulled, grid: Grid, file: str) -> bytes:
    """The bytes of the copy: the template's workbook with the pulled content, then the Review log."""

    def typed_cells(plan: SheetPlan, worksheet: Worksheet, writer: SheetWriter) -> None:
        for row, column, value in pulled.cells.get(plan.sheet.key, []):
            number = plan.columns[column] if column < len(plan.columns) else None
            fmt = writer.cell_format(number) if number is not None else None
            _write(worksheet, row, column, value, fmt if row else writer.header)

    def review_log(workbook: Workbook, writer: SheetWriter) -> None:
        log = next((title for title in grid if schema.REVIEW_LOG.is_named(title)), None)
        if log is not None:
            _write_log(workbook, writer, grid[log], lang)

    return build_workbook(
        months,
        lang,
        pulled.content,
        file,
        comments=f"Pulled from Google Sheets by sheetplan {__version__}.",
        after_sheet=typed_cells,
        finish=review_log,
    )


def _write_log(
    workbook: Workbook, writer: SheetWriter, rows: Sequence[Sequence[CellValue]], lang: schema.Lang
) -> None:
    worksheet = workbook.add_worksheet(schema.REVIEW_LOG.name(lang))
    formats = {
        column.key: workbook.add_format({"num_format": column.number_format})
        if column.number_format
        else None
        for column in schema.REVIEW_LOG.columns
    }
    for number, column in enumerate(schema.REVIEW_LOG.columns):
        worksheet.write_string(0, number, column.header(lang), writer.header)
        worksheet.set_column(number, number, column.width)
    log = parse_log(rows)
    for index, row in enumerate(log, start=1):
        for number, (column, value) in enumerate(
            zip(schema.REVIEW_LOG.columns, row.cells(lang), strict=True)
        ):
            _write(worksheet, index, number, value, formats[column.key])
    worksheet.freeze_panes(1, 0)
    worksheet.autofilter(0, 0, len(log), len(schema.REVIEW_LOG.columns) - 1)


def _write(worksheet: Worksheet, row: int, column: int, value: CellValue, fmt: Any) -> None:
    """One cell as it was typed: text stays text, whatever it looks like."""
    if value is None or value == "":
        return
    if isinstance(value, bool):
        worksheet.write_boolean(row, column, value, fmt)
    elif isinstance(value, int | float):
        worksheet.write_number(row, column, value, fmt)
    elif isinstance(value, ErrorValue):
        worksheet.write_string(row, column, value.code, fmt)
    else:
        worksheet.write_string(row, column, values.text(value) if not isinstance(value, str) else value, fmt)
