"""`sheetplan baseline` on a workbook: the Baseline cells (`layout.baseline_copy`) set in place by `fill`,
so nothing else changes."""

from __future__ import annotations

from pathlib import Path

from sheetplan.layout.baseline_copy import baseline_cells, baseline_location, copied
from sheetplan.plan.model import Grid, Plan
from sheetplan.xlsx.fill import fill


def write_baseline(path: Path, grid: Grid, plan: Plan, force: bool) -> str:
    """Copy the forecasts of `plan` (read from the workbook at `path` as `grid`) to its Baseline; say so.

    The file is unchanged when the copy is refused (`baseline_location`).
    """
    location = baseline_location(plan, str(path), force)
    backup = fill(path, {location.name: baseline_cells(plan, grid, location)})
    return copied(plan, location, str(path), str(backup) if backup else "")
