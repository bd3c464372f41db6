"""The workbook `pull` writes: the template's sheets, filled with a Google Sheet's data, and its log.

It is the workbook `build_workbook` builds for a new plan, with two additions: cells written as they
were typed, over and beside each table, and the Review log. Nothing typed is lost: a value the
template would refuse (a status that is not in the list, text in a number column) goes into its cell
as typed, for `sheetplan check` to point at, and columns the team added go to the right of each table.
Review tabs are not copied, since `sheetplan review PATH` writes them again from the data.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import Any, cast

from xlsxwriter.workbook import Workbook
from xlsxwriter.worksheet import Worksheet

from sheetplan import __version__
from sheetplan.plan import schema
from sheetplan.plan.example import Content, Row, Value
from sheetplan.plan.i18n import N_
from sheetplan.plan.model import CellValue, ErrorValue, Grid, Month, Plan
from sheetplan.read import values
from sheetplan.review.log import parse_log
from sheetplan.template.sheets import SheetWriter
from sheetplan.template.tables import SheetPlan, sheet_plan
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


def pulled_content(grid: Grid, plan: Plan) -> Pulled:
    """The plan's rows as the template writes them, and the cells to write as typed."""
    pulled = Pulled(Content(description=N_("pulled plan")))
    lang = plan.lang
    months = plan.settings.plan_months
    for sheet in schema.INPUT_SHEETS:
        location = plan.locations.get(sheet.key)
        if location is None:
            continue
        layout = sheet_plan(sheet, lang, months, Content())
        rows = grid[location.name]
        cells = pulled.cells.setdefault(sheet.key, [])
        # Where each of the sheet's columns goes in the template's table; months outside the plan and
        # the team's own columns go to the right of it.
        targets = {
            number: (key, target)
            for key, number in location.columns.items()
            if (target := _target(sheet, layout, key)) is not None
        }
        extra = _extra_columns(rows, location.header_row, set(targets))
        for offset, number in enumerate(extra):
            cells.append((0, len(layout.columns) + offset, rows[location.header_row - 1][number - 1]))
        if sheet is schema.SETTINGS:
            _settings(pulled, rows, location.columns, location.header_row, layout)
            continue
        found: list[Row] = []
        for cells_of_row in _data_rows(rows, location.header_row, location.columns.values()):
            index = len(found) + 1
            row: Row = {}
            for number, (key, target) in targets.items():
                value = cells_of_row[number - 1] if number <= len(cells_of_row) else None
                converted = _value(value, sheet.get(key))
                if converted is _AS_TYPED:
                    cells.append((index, target, value))
                else:
                    row[key] = cast(Value, converted)
            for offset, number in enumerate(extra):
                if number <= len(cells_of_row):
                    cells.append((index, len(layout.columns) + offset, cells_of_row[number - 1]))
            found.append(row)
        pulled.content.rows[sheet.key] = found
    return pulled


_AS_TYPED = object()
"""A value the template would not take: it is written into its cell as it was typed."""


def _value(value: CellValue, column: schema.Column | None) -> Value | object:
    """A cell as the template's Content holds it, or `_AS_TYPED`."""
    if values.is_blank(value):
        return None
    if isinstance(value, ErrorValue | bool):
        return _AS_TYPED
    kind = column.type if column else "number"
    if kind == "date":
        try:
            return values.to_date(value)
        except values.BadValue:
            return _AS_TYPED
    if column is not None and column.choices is not None:
        matched = column.choices.match(values.text(value))
        return matched if matched is not None else _AS_TYPED
    if kind in ("number", "money", "percent"):
        return float(value) if isinstance(value, int | float) else _AS_TYPED
    if isinstance(value, date):
        return value
    if isinstance(value, int | float):
        return float(value)
    return str(value)


def _settings(
    pulled: Pulled,
    rows: Sequence[Sequence[CellValue]],
    columns: Mapping[str, int],
    header: int,
    layout: SheetPlan,
) -> None:
    found: dict[str, Value] = {}
    for cells in rows[header:]:
        label = cells[columns["setting"] - 1] if columns["setting"] <= len(cells) else None
        setting = schema.setting_by_label(values.text(label)) if label is not None else None
        if setting is None or setting.key in found or setting.key in ("start_month", "months"):
            continue
        value = cells[columns["value"] - 1] if columns["value"] <= len(cells) else None
        if values.is_blank(value):
            found[setting.key] = None if setting.kind == "percent" else ""
        elif setting.kind == "percent" and not (
            isinstance(value, int | float) and not isinstance(value, bool)
        ):
            row = schema.SETTINGS_ROWS.index(setting) + 1
            pulled.cells.setdefault("settings", []).append((row, layout.index("value"), value))
            found[setting.key] = None
        else:
            found[setting.key] = float(value) if isinstance(value, int | float) else values.text(value)
    pulled.content.settings.update(found)


def _data_rows(
    rows: Sequence[Sequence[CellValue]], header: int, columns: Iterable[int]
) -> list[Sequence[CellValue]]:
    """The rows below the header that hold anything in the plan's columns."""
    wanted = sorted(columns)
    return [
        cells
        for cells in rows[header:]
        if any(number <= len(cells) and not values.is_blank(cells[number - 1]) for number in wanted)
    ]


def _extra_columns(rows: Sequence[Sequence[CellValue]], header: int, known: set[int]) -> list[int]:
    """The 1-based columns with a header that the template's table has no place for."""
    if len(rows) < header:
        return []
    return [
        number
        for number, cell in enumerate(rows[header - 1], start=1)
        if number not in known and not values.is_blank(cell)
    ]


def _target(sheet: schema.Sheet, layout: SheetPlan, key: str) -> int | None:
    """The 0-based column of the template's table that holds a schema column or month; None for none."""
    if sheet.get(key) is not None:
        return layout.index(key)
    try:
        month = Month.parse(key)
    except ValueError:
        return None
    return layout.columns.index(month) if month in layout.columns else None
