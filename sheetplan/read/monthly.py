"""Reads Forecasts and Actuals: one row per metric, one column per month, numbers in the cells."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import cast

from sheetplan.plan.i18n import _, language
from sheetplan.plan.model import CellValue, Month, Problem, Series, Settings, Severity
from sheetplan.plan.tuples import picker
from sheetplan.plan.words import listing
from sheetplan.read import values
from sheetplan.read.cells import CellReader
from sheetplan.read.tables import Table

_NUMBERS = frozenset({int, float})
"""The types of cells that are numbers as they are (not bool, which is an int to Python)."""


def month_list(months: Sequence[Month], most: int = 4) -> str:
    """Months as a message lists them: `2026-01, 2026-02 and 2026-04`, or `... and 9 more`."""
    return listing([str(month) for month in months], language(), limit=most)


def read_monthly(
    table: Table, settings: Settings, months_known: bool, problems: list[Problem]
) -> tuple[dict[str, Series], dict[str, int]]:
    """Each Metric ID's numbers by month, and the row each Metric ID is on.

    Only the plan's months are read. Month columns outside the plan that hold numbers, plan months
    with no column, rows with numbers but no Metric ID, and a Metric ID on two rows are reported.
    """
    cells = CellReader(table, problems)
    plan_months = settings.plan_months
    inside = set(plan_months)
    columns = [(month, index) for month, index in sorted(table.months.items()) if month in inside]
    months = [month for month, __ in columns]
    indexes = [index for __, index in columns]
    outside = {index: month for month, index in table.months.items() if month not in inside}
    used_outside: set[int] = set()
    series: dict[str, Series] = {}
    rows: dict[str, int] = {}
    id_index = table.columns["metric_id"]
    table_rows = list(table.data(ignore=("metric",)))
    # The month cells of a row that reaches the last of them, taken at once.
    take, reach = picker(indexes), max(indexes, default=-1)
    for (number, row_cells), metric_id in zip(
        table_rows, cells.column(table_rows, "metric_id", "name"), strict=True
    ):
        width = len(row_cells)
        found: Sequence[CellValue] = (
            take(row_cells) if width > reach else [row_cells[i] if i < width else None for i in indexes]
        )
        if outside:
            used_outside.update(
                index for index in outside if index < width and not values.is_blank(row_cells[index])
            )
        if not metric_id:
            if any(not values.is_blank(value) for value in found):
                header = table.sheet.column("metric_id").header(language())
                message = _("this row has numbers but no {column}").format(column=header)
                cells.report(number, id_index, "error", "no_metric_id", message)
            continue
        if metric_id in rows:
            message = _("{metric} is also on row {row}; this row is ignored").format(
                metric=metric_id, row=rows[metric_id]
            )
            cells.report(number, id_index, "error", "duplicate_row", message)
            continue
        rows[metric_id] = number
        numbers: dict[Month, float]
        try:
            # A row of numbers only, as calamine reads them (floats), is the usual case: convert it
            # in one go. float.is_integer refuses anything else (a blank, text, an int, a bool).
            floats = cast(Sequence[float], found)
            numbers = dict(zip(months, [int(v) if float.is_integer(v) else v for v in floats], strict=True))
        except TypeError:
            # Most cells are numbers or blank: take those in one comprehension.
            numbers = {
                month: (int(value) if value.is_integer() else value)
                if type(value) is float
                else cast(int, value)
                for month, value in zip(months, found, strict=True)
                if type(value) in _NUMBERS
            }
        if len(numbers) + found.count("") + found.count(None) < len(found):
            for month, index, value in zip(months, indexes, found, strict=True):
                if type(value) not in _NUMBERS and not values.is_blank(value):
                    amount = cells.number_at(number, index, value)
                    if amount is not None:
                        numbers[month] = amount
            numbers = {month: numbers[month] for month in months if month in numbers}
        series[metric_id] = numbers
    if months_known:
        _report_columns(table, plan_months, months, outside, used_outside, problems)
    return series, rows


def _report_columns(
    table: Table,
    plan_months: Sequence[Month],
    present: Sequence[Month],
    outside: Mapping[int, Month],
    used_outside: set[int],
    problems: list[Problem],
) -> None:
    columns = set(present)
    missing = [month for month in plan_months if month not in columns]
    # The Baseline holds the months that Forecasts had when it was copied; later ones are not missing.
    if missing and not table.sheet.optional:
        severity: Severity = "error" if table.sheet.months_required else "warning"
        if len(missing) == 1:
            message = _("no column for {month}; add one headed {month}").format(month=missing[0])
        else:
            message = _("no columns for {months}; add one headed YYYY-MM for each plan month").format(
                months=month_list(missing)
            )
        problems.append(
            Problem(
                severity, table.name, table.row_address(table.header_row), "missing_month_column", message
            )
        )
    first, last = plan_months[0], plan_months[-1]
    for index in sorted(used_outside):
        month = outside[index]
        message = _("{month} is outside the plan ({first} to {last}); its numbers are ignored").format(
            month=month, first=first, last=last
        )
        address = table.address(table.header_row, index)
        problems.append(Problem("warning", table.name, address, "month_outside_plan", message))
