"""`sheetplan baseline` as cells: the Forecasts sheet's numbers copied to the Baseline sheet's rows.

The Baseline sheet keeps its own headers and layout; its rows below the headers are written afresh, one
per metric in the order of Forecasts (its Metric ID, name and a number for each month it has a column
for), and whatever they held before is cleared. Pure: `xlsx.baseline` and `gsheets.baseline` set the
cells in a workbook or a Google Sheet.
"""

from __future__ import annotations

from typing import Any

from sheetplan.plan.addresses import column_letter, quote_sheet
from sheetplan.plan.errors import SourceError, UsageError
from sheetplan.plan.model import Grid, Plan, SheetLocation
from sheetplan.read.monthly import month_list


def baseline_location(plan: Plan, source: str, force: bool) -> SheetLocation:
    """Where the Baseline sheet is. SourceError without one; UsageError when it holds numbers and
    `force` is not given."""
    location = plan.locations.get("baseline")
    if location is None:
        raise SourceError(
            f"{source}: has no Baseline sheet; copy the Forecasts sheet, name the copy Baseline, and run"
            " sheetplan baseline again"
        )
    for metric_id, series in plan.baseline.items():
        if series and not force:
            where = f"{quote_sheet(location.name)}!{column_letter(location.columns[str(min(series))])}"
            raise UsageError(
                f"{source}: {where}{location.rows.get(metric_id, 0)} and others already hold the baseline;"
                " use --force to replace it with the current forecasts"
            )
    return location


def baseline_cells(plan: Plan, grid: Grid, location: SheetLocation) -> dict[tuple[int, int], Any]:
    """The Baseline cells to set, by (row, column): every row below the headers cleared, then one row
    per metric of Forecasts, in its order."""
    forecasts = plan.locations.get("forecasts")
    names = {metric.id: metric.name for metric in plan.metrics}
    columns = location.columns
    cells: dict[tuple[int, int], Any] = {}
    for number, row in enumerate(grid.get(location.name, ()), start=1):
        if number > location.header_row:
            for column in columns.values():
                if column <= len(row) and row[column - 1] not in (None, ""):
                    cells[number, column] = None
    for number, metric_id in enumerate(_order(plan, forecasts), start=location.header_row + 1):
        values: dict[str, Any] = {"metric_id": metric_id, "metric": names.get(metric_id)}
        values |= {str(month): amount for month, amount in plan.forecasts[metric_id].items()}
        for key, value in values.items():
            if key in columns:
                cells[number, columns[key]] = value
    return cells


def copied(plan: Plan, location: SheetLocation, where: str, backup: str = "") -> str:
    """What `sheetplan baseline` says it did, copying to `where` (the file or Google Sheet), the old
    file kept as `backup`, if any."""
    months = [month for month in plan.settings.plan_months if str(month) in location.columns]
    missing = [month for month in plan.settings.plan_months if str(month) not in location.columns]
    span = f"{months[0]} to {months[-1]}" if months else "no months"
    count = len(plan.forecasts)
    said = f"Copied the forecasts of {count} metrics, {span}, to the {location.name} sheet of {where}"
    said += f" (the previous version is in {backup})." if backup else "."
    if missing:
        said += f"\n{location.name} has no column for {month_list(missing)}: add them, as on Forecasts."
    return said


def _order(plan: Plan, forecasts: SheetLocation | None) -> list[str]:
    return sorted(plan.forecasts, key=lambda metric: forecasts.rows.get(metric, 0) if forecasts else 0)
