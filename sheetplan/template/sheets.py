"""Writes the plan workbook's data sheets: one Excel table per schema sheet, with dropdowns and highlights.

Every header, width, format and dropdown comes from the schema. Values from presets and users are
written with `write_string`, never `write`, so text that starts with `=` stays text.
"""

from __future__ import annotations

import math
from datetime import date, datetime
from typing import Any

from xlsxwriter.utility import xl_rowcol_to_cell
from xlsxwriter.workbook import Workbook
from xlsxwriter.worksheet import Worksheet

from sheetplan.exports.kinds import KINDS
from sheetplan.layout.formulas import metric_lookup
from sheetplan.plan.example import Row
from sheetplan.plan.model import Month
from sheetplan.plan.schema import (
    MAX_MONTHS,
    SETTINGS_ROWS,
    Column,
    Lang,
)
from sheetplan.template.tables import CLASH_FILL, HEADER_COLOUR, MISSING_FILL, SheetPlan, highlight, ok

_TABLE_STYLE = "Table Style Medium 2"
_CHAR_WIDTH = 1.15
"""Roughly how many width units an average character of running text takes."""
_LINE_HEIGHT = 15
MONTH_FORMAT = "[>=1000]#,##0;[<=-1000]-#,##0;General"
"""The numbers of Forecasts and Actuals: thousands separated (1,200), smaller ones as typed (0.45, 3.2)."""
LOOKUP_ROWS = 40
"""Rows of Forecasts and Actuals that look up the metric's name: more metrics than most plans have."""


class SheetWriter:
    """Writes the data sheets of one workbook in one language."""

    def __init__(self, workbook: Workbook, lang: Lang, text: dict[str, Any]) -> None:
        self.workbook = workbook
        self.lang = lang
        self.text = text
        self.header = workbook.add_format(
            {
                "bold": True,
                "font_color": "#FFFFFF",
                "bg_color": HEADER_COLOUR,
                "text_wrap": True,
                "valign": "top",
            }
        )
        self.missing = workbook.add_format({"bg_color": MISSING_FILL, "font_color": "#9C0006"})
        self.clash = workbook.add_format({"bg_color": CLASH_FILL})
        self.month_text = workbook.add_format({"num_format": "@", "valign": "top"})
        self.formats: dict[tuple[str, str | None, bool], Any] = {}

    def cell_format(self, column: Column | Month) -> Any:
        """The format of a column's cells: its number format, text kept as text, long text wrapped."""
        if isinstance(column, Month):
            key: tuple[str, str | None, bool] = ("month", MONTH_FORMAT, False)
        else:
            key = (column.type, column.cell_number_format, column.wraps)
        if key not in self.formats:
            properties: dict[str, Any] = {"valign": "top"}
            if key[1]:
                properties["num_format"] = key[1]
            if key[2]:
                properties["text_wrap"] = True
            self.formats[key] = self.workbook.add_format(properties)
        return self.formats[key]

    def write(self, plan: SheetPlan, rows: list[Row], plans: dict[str, SheetPlan]) -> Worksheet:
        """One data sheet: table, formats, rows, dropdowns and highlights."""
        worksheet = self.workbook.add_worksheet(plan.name)
        headers = [
            column.header(self.lang) if isinstance(column, Column) else str(column) for column in plan.columns
        ]
        for number, column in enumerate(plan.columns):
            width = column.width if isinstance(column, Column) else 10
            worksheet.set_column(number, number, width, self.cell_format(column))
        lines = max(
            math.ceil(len(header) * _CHAR_WIDTH / column.width)
            for column, header in zip(plan.columns, headers, strict=True)
            if isinstance(column, Column)
        )
        # A header wraps within its column; the row grows to show every line of the longest one.
        worksheet.set_row(0, max(18, _LINE_HEIGHT * lines + 2))
        ok(
            worksheet.add_table(
                0,
                0,
                plan.rows,
                len(plan.columns) - 1,
                {
                    "name": plan.sheet.key.capitalize(),
                    "style": _TABLE_STYLE,
                    "columns": [{"header": header, "header_format": self.header} for header in headers],
                },
            )
        )
        worksheet.freeze_panes(1, 2 if plan.sheet.monthly else 0)
        self._write_rows(worksheet, plan, rows)
        if plan.sheet.monthly:
            self._write_metric_names(worksheet, plan, rows, plans["metrics"])
        for number, column in enumerate(plan.columns):
            if isinstance(column, Column):
                self._validate(worksheet, plan, number, column)
        highlight(worksheet, plan, self.missing, self.clash)
        worksheet.set_landscape()
        worksheet.set_paper(9)
        worksheet.fit_to_pages(1, 0)
        worksheet.repeat_rows(0)
        return worksheet

    def write_settings(self, plan: SheetPlan, values: dict[str, Any]) -> Worksheet:
        """The Settings sheet: one row per setting of the schema, with its value or default."""
        worksheet = self.write(plan, [], {})
        value_column = plan.index("value")
        for index, setting in enumerate(SETTINGS_ROWS, start=1):
            worksheet.write_string(index, plan.index("setting"), setting.label(self.lang))
            value = values.get(setting.key)
            if setting.kind in ("months", "percent") and value is not None:
                worksheet.write_number(index, value_column, float(value))
            elif value is not None:
                worksheet.write_string(index, value_column, str(value), self.month_text)
            hint = self.text["settings"].get(setting.key)
            options: dict[str, Any] = {"validate": "any"}
            if setting.kind == "months":
                options = {"validate": "integer", "criteria": "between", "minimum": 1, "maximum": MAX_MONTHS}
            elif setting.kind == "percent":
                options = {"validate": "decimal", "criteria": "between", "minimum": 0, "maximum": 100}
            if hint:
                options |= {"input_title": setting.label(self.lang)[:32], "input_message": hint}
                options |= {"error_title": self.text["bad_value_title"], "error_message": hint}
                ok(worksheet.data_validation(index, value_column, index, value_column, options))
            if setting.required:
                cell = xl_rowcol_to_cell(index, value_column)
                formula = f"=LEN(TRIM({cell}))=0"
                ok(
                    worksheet.conditional_format(
                        cell, {"type": "formula", "criteria": formula, "format": self.missing}
                    )
                )
        return worksheet

    def _write_rows(self, worksheet: Worksheet, plan: SheetPlan, rows: list[Row]) -> None:
        """The rows' cells from row 2 down; what each column needs is worked out once for all rows."""
        columns: list[tuple[int, str, Any, dict[str, str], float]] = []
        for number, column in enumerate(plan.columns):
            if isinstance(column, Month):
                columns.append((number, str(column), self.cell_format(column), {}, 0))
            elif not (plan.sheet.monthly and column.key == "metric"):
                # A value outside the dropdown (a pulled sheet's typo) is kept as typed, for check to name.
                choices = column.choices
                labels = {v: choices.label(v, self.lang) for v in choices.values} if choices else {}
                wrap = column.width if column.wraps else 0
                columns.append((number, column.key, self.cell_format(column), labels, wrap))
        for index, row in enumerate(rows, start=1):
            lines = 1
            for number, key, fmt, labels, wrap in columns:
                value = row.get(key)
                if value is None:
                    continue
                if isinstance(value, str):
                    worksheet.write_string(index, number, labels.get(value, value), fmt)
                    if wrap:
                        lines = max(lines, math.ceil(len(value) * _CHAR_WIDTH / wrap))
                elif isinstance(value, date):
                    worksheet.write_datetime(index, number, datetime(value.year, value.month, value.day), fmt)
                else:
                    worksheet.write_number(index, number, value, fmt)
            if lines > 1:
                # Not every program grows a row to fit wrapped text on opening; LibreOffice does not.
                worksheet.set_row(index, _LINE_HEIGHT * lines)

    def _write_metric_names(
        self, worksheet: Worksheet, plan: SheetPlan, rows: list[Row], metrics: SheetPlan
    ) -> None:
        """The Metric column of Forecasts and Actuals: a lookup of the Metric ID, for reading only.

        Its cached value is the name itself, so programs that do not recalculate show it too; sheetplan
        never reads it back. Only the first rows get it: a formula makes a row count as used, and
        spreadsheet programs would print every one of the table's rows.
        """
        id_letter, name = plan.letter("metric_id"), plan.index("metric")
        names, ids = metrics.column_range("metric"), metrics.column_range("metric_id")
        for index in range(1, max(LOOKUP_ROWS, len(rows)) + 1):
            formula = metric_lookup(f"${id_letter}{index + 1}", names, ids)
            cached = rows[index - 1].get("metric") if index <= len(rows) else None
            worksheet.write_formula(index, name, formula, self.cell_format(plan.columns[name]), cached or "")

    def _validate(self, worksheet: Worksheet, plan: SheetPlan, number: int, column: Column) -> None:
        hint = column.hint(self.lang) if column.hint else None
        options: dict[str, Any]
        if column.choices is not None:
            options = {"validate": "list", "source": column.choices.labels(self.lang)}
        elif column.source is not None:
            options = {"validate": "list", "source": "=" + column.source.defined_name}
        elif column.export_kinds:
            # Kept as an inline list: the names are the same in every language and fit its 255 characters.
            options = {"validate": "list", "source": [kind.name for kind in KINDS]}
        elif column.type == "date":
            options = {"validate": "date", "criteria": ">=", "value": date(1900, 1, 1)}
        elif column.type in ("number", "money", "percent"):
            options = {"validate": "decimal", "criteria": ">=", "value": 0}
        else:
            return
        if column.dropdown:
            title, error = (
                self.text["not_in_list_title"],
                " ".join(filter(None, [self.text["not_in_list"], hint])),
            )
        else:
            title, error = self.text["bad_value_title"], hint or self.text["number_hint"]
        options |= {"error_title": title, "error_message": error}
        if hint:
            options |= {"input_title": column.header(self.lang)[:32], "input_message": hint}
        ok(worksheet.data_validation(1, number, plan.rows, number, options))
