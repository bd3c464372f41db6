"""The workbook `pull` writes: the template's sheets, filled with a Google Sheet's data, and its log.

It is built the way `template.build_workbook` builds a new plan, from the same public pieces (the
Guide, `SheetWriter`, the named lists), with two additions: cells written as they were typed, over and
beside each table, and the Review log.
"""

from __future__ import annotations

import io
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from xlsxwriter.workbook import Workbook
from xlsxwriter.worksheet import Worksheet

from sheetplan import __version__, schema, values
from sheetplan.example import Content
from sheetplan.gsheets_review import existing_log
from sheetplan.guide import write_guide
from sheetplan.model import CellValue, ErrorValue, Grid, Month
from sheetplan.presets import load_preset
from sheetplan.template_sheets import SheetWriter, define_list_names, sheet_plan

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
    buffer = io.BytesIO()
    options = {
        "in_memory": True,
        "strings_to_formulas": False,
        "strings_to_urls": False,
        "strings_to_numbers": False,
    }
    workbook = Workbook(buffer, options)
    text: dict[str, Any] = load_preset("guide")[lang]
    content = pulled.content
    settings: dict[str, Any] = {
        **{setting.key: setting.default(lang) for setting in schema.SETTINGS_ROWS if setting.default},
        **{key: value for key, value in content.settings.items() if value is not None},
        "start_month": str(months[0]),
        "months": len(months),
    }
    workbook.set_properties(
        {
            "title": str(settings["plan_name"]),
            "comments": f"Pulled from Google Sheets by sheetplan {__version__}.",
        }
    )
    plans = {sheet.key: sheet_plan(sheet, lang, months, content) for sheet in schema.SHEETS[1:]}
    write_guide(workbook, lang, text, months, file)
    writer = SheetWriter(workbook, lang, text)
    for key, plan in plans.items():
        if plan.sheet is schema.SETTINGS:
            worksheet = writer.write_settings(plan, settings)
        else:
            worksheet = writer.write(plan, content.rows.get(key, []), plans)
        for row, column, value in pulled.cells.get(key, []):
            number = plan.columns[column] if column < len(plan.columns) else None
            fmt = writer.cell_format(number) if number is not None else None
            _write(worksheet, row, column, value, fmt if row else writer.header)
    define_list_names(workbook, plans)
    log = next((title for title in grid if schema.sheet_by_name(title) is schema.REVIEW_LOG), None)
    if log is not None:
        _write_log(workbook, writer, grid[log], lang)
    workbook.close()
    return buffer.getvalue()


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
    log = existing_log(rows)
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
