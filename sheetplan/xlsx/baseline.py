"""`sheetplan baseline` on a workbook: the Forecasts sheet's numbers copied to the Baseline sheet, in place.

The Baseline sheet keeps its own headers and layout; its rows below the headers are written afresh, one
per metric in the order of Forecasts (its Metric ID, name and a number for each month it has a column
for), and whatever they held before is cleared. The cells are set by `fill`, so nothing else changes.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from sheetplan.plan.addresses import column_letter, quote_sheet
from sheetplan.plan.errors import SourceError, UsageError
from sheetplan.plan.i18n import _
from sheetplan.plan.model import Grid, Plan, SheetLocation
from sheetplan.read.monthly import month_list
from sheetplan.xlsx.fill import fill


def write_baseline(path: Path, grid: Grid, plan: Plan, force: bool) -> str:
    """Copy the forecasts of `plan` (read from the workbook at `path` as `grid`) to its Baseline; say so.

    SourceError when the workbook has no Baseline sheet; UsageError when the Baseline holds numbers
    and `force` is not given. The file is unchanged when either is raised.
    """
    location = plan.locations.get("baseline")
    if location is None:
        raise SourceError(
            _(
                "{path}: has no Baseline sheet; copy the Forecasts sheet, name the copy "
                "Baseline, and run sheetplan baseline again"
            ).format(path=path)
        )
    if not force:
        _refuse_numbers(path, plan, location)
    cells, copied = baseline_cells(plan, grid, location)
    backup = fill(path, {location.name: cells})
    months = [month for month in plan.settings.plan_months if str(month) in location.columns]
    missing = [month for month in plan.settings.plan_months if str(month) not in location.columns]
    span = f"{months[0]} to {months[-1]}" if months else "no months"
    said = _("Copied the forecasts of {copied} metrics, {span}, to the {name} sheet of {path}").format(
        copied=copied, span=span, name=location.name, path=path
    )
    said += f" (the previous version is in {backup})." if backup else "."
    if missing:
        said += f"\n{location.name} has no column for {month_list(missing)}: add them, as on Forecasts."
    return said


def baseline_cells(plan: Plan, grid: Grid, location: SheetLocation) -> tuple[dict[tuple[int, int], Any], int]:
    """The Baseline cells to set, by (row, column), and how many metrics they hold: every row below
    the headers cleared, then one row per metric of Forecasts, in its order."""
    forecasts = plan.locations.get("forecasts")
    order = sorted(plan.forecasts, key=lambda metric: forecasts.rows.get(metric, 0) if forecasts else 0)
    names = {metric.id: metric.name for metric in plan.metrics}
    columns = location.columns
    cells: dict[tuple[int, int], Any] = {}
    for number, row in enumerate(grid.get(location.name, ()), start=1):
        if number > location.header_row:
            for column in columns.values():
                if column <= len(row) and row[column - 1] not in (None, ""):
                    cells[number, column] = None
    for number, metric_id in enumerate(order, start=location.header_row + 1):
        values: dict[str, Any] = {"metric_id": metric_id, "metric": names.get(metric_id)}
        values |= {str(month): amount for month, amount in plan.forecasts[metric_id].items()}
        for key, value in values.items():
            if key in columns:
                cells[number, columns[key]] = value
    return cells, len(order)


def _refuse_numbers(path: Path, plan: Plan, location: SheetLocation) -> None:
    for metric_id, series in plan.baseline.items():
        if series:
            month = min(series)
            where = f"{quote_sheet(location.name)}!{column_letter(location.columns[str(month)])}"
            raise UsageError(
                _(
                    "{path}: {where}{row} and others already hold the baseline; use --force to "
                    "replace it with the current forecasts"
                ).format(path=path, where=where, row=location.rows.get(metric_id, 0))
            )
