"""Where each data sheet's table sits in the plan workbook, and the highlights that show its problems.

A data sheet is one Excel table per schema sheet. Its conditional formats colour what `sheetplan check`
would report as people type: a required cell left empty in a row in use, a duplicate ID or name,
more planned posts than the maximum.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from xlsxwriter.utility import quote_sheetname, xl_col_to_name
from xlsxwriter.workbook import Workbook
from xlsxwriter.worksheet import Worksheet

from sheetplan.layout import sheet as layout
from sheetplan.plan.example import Content
from sheetplan.plan.model import Month
from sheetplan.plan.schema import LIST_SOURCES, SETTINGS, SETTINGS_ROWS, TEMPLATE_ROWS, Column, Lang, Sheet

HEADER_COLOUR = f"#{layout.HEADER_COLOUR}"
MISSING_FILL = "#FFC7CE"
"""Light red: a required cell left empty in a row that is in use."""
CLASH_FILL = "#FFD8A8"
"""Orange: a duplicate ID or name, or more planned posts than the maximum."""


@dataclass(frozen=True)
class SheetPlan:
    """Where a data sheet's table sits: its sheet, real name, columns and number of data rows."""

    sheet: Sheet
    name: str
    columns: tuple[Column | Month, ...]
    rows: int

    def letter(self, key: str) -> str:
        return str(xl_col_to_name(self.index(key)))

    def index(self, key: str) -> int:
        for number, column in enumerate(self.columns):
            if isinstance(column, Column) and column.key == key:
                return number
        raise KeyError(key)

    def column_range(self, key: str) -> str:
        """The absolute range of a column's data cells, such as `Owners!$A$2:$A$201`."""
        letter = self.letter(key)
        return f"{quote_sheetname(self.name)}!${letter}$2:${letter}${self.rows + 1}"


def sheet_plan(sheet: Sheet, lang: Lang, months: tuple[Month, ...], content: Content) -> SheetPlan:
    """The layout of one data sheet for a plan of these months and this content."""
    columns: tuple[Column | Month, ...] = (*sheet.columns, *(months if sheet.monthly else ()))
    if sheet is SETTINGS:
        rows = len(SETTINGS_ROWS)
    else:
        rows = max(TEMPLATE_ROWS, len(content.rows.get(sheet.key, [])))
    return SheetPlan(sheet, sheet.name(lang), columns, rows)


def define_list_names(workbook: Workbook, plans: dict[str, SheetPlan]) -> None:
    """The workbook-wide names that feed the Owner, Channel, Goal ID and Metric ID dropdowns."""
    for source in LIST_SOURCES:
        ok(workbook.define_name(source.defined_name, "=" + plans[source.sheet].column_range(source.column)))


def highlight(worksheet: Worksheet, plan: SheetPlan, missing: Any, clash: Any) -> None:
    """Conditional formats that show what a checker would report: missing and clashing cells."""
    last = xl_col_to_name(len(plan.columns) - 1)
    # The Metric column of Forecasts and Actuals always holds a formula: it does not put a row in use.
    in_use = f"COUNTA($A2,$C2:${last}2)>0" if plan.sheet.monthly else f"COUNTA($A2:${last}2)>0"
    for column in () if plan.sheet is SETTINGS else plan.sheet.required:
        letter = plan.letter(column.key)
        _format(worksheet, plan, letter, letter, f"=AND(LEN(TRIM({letter}2))=0,{in_use})", missing)
    unique = {source.column for source in LIST_SOURCES if source.sheet == plan.sheet.key}
    unique |= {column.key for column in plan.sheet.columns if column.type == "id"}
    for key in sorted(unique):
        letter = plan.letter(key)
        span = f"${letter}$2:${letter}${plan.rows + 1}"
        _format(
            worksheet,
            plan,
            letter,
            letter,
            f"=AND(LEN({letter}2)>0,COUNTIF({span},{letter}2)>1)",
            clash,
        )
    if plan.sheet.months_required:
        first = xl_col_to_name(len(plan.sheet.columns))
        _format(worksheet, plan, first, last, f"=AND(LEN(TRIM({first}2))=0,LEN(TRIM($A2))>0)", missing)
    if plan.sheet.key == "channels":
        planned, most = plan.letter("planned_per_week"), plan.letter("max_per_week")
        formula = f"=AND(ISNUMBER(${planned}2),ISNUMBER(${most}2),${planned}2>${most}2)"
        _format(worksheet, plan, planned, planned, formula, clash)


def _format(worksheet: Worksheet, plan: SheetPlan, first: str, last: str, formula: str, fmt: Any) -> None:
    cells = f"{first}2:{last}{plan.rows + 1}"
    ok(worksheet.conditional_format(cells, {"type": "formula", "criteria": formula, "format": fmt}))


def ok(result: int | None) -> None:
    """XlsxWriter reports bad arguments with a warning and a negative result; make that an error."""
    if result not in (0, None):
        raise RuntimeError(f"XlsxWriter rejected an argument (result {result})")
