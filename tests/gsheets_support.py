"""Helpers for the Google Sheets tests: run a command, big plans, and what the fake was asked."""

from __future__ import annotations

import re
from typing import Any

from click.testing import CliRunner, Result
from plan_builder import PlanData, plan_grid, sample
from sheets_fake import SheetsFake

from sheetplan.cli import cli


def run(*arguments: Any) -> Result:
    """Run `sheetplan` with these arguments, as a user would (stdout and stderr apart)."""
    return CliRunner().invoke(cli, [str(argument) for argument in arguments])


def calls(fake: SheetsFake) -> list[str]:
    """The requests the fake received: `GET metadata`, `GET /values:batchGet`, `POST :batchUpdate`..."""
    found = []
    for request in fake.requests:
        match = re.fullmatch(r"/v4/spreadsheets/[^/:]+(.*)", request.path)
        found.append(f"{request.method} {(match.group(1) if match else request.path) or 'metadata'}")
    return found


def big_plan(metrics: int) -> PlanData:
    """The sample plan with `metrics` metrics, each with a forecast for every month and some actuals."""
    data = sample()
    template = data.rows["metrics"][0]
    forecast = data.rows["forecasts"][0]
    actual = data.rows["actuals"][0]
    for key in ("metrics", "forecasts", "actuals"):
        data.rows[key] = []
    for number in range(1, metrics + 1):
        metric_id = f"M{number}"
        goal = f"G{number % 2 + 1}"
        data.rows["metrics"].append(
            {**template, "metric_id": metric_id, "metric": f"Metric {number}", "goal_id": goal}
        )
        data.rows["forecasts"].append({**forecast, "metric_id": metric_id})
        data.rows["actuals"].append({**actual, "metric_id": metric_id})
    return data


def create_plan(
    fake: SheetsFake,
    data: PlanData,
    lang: str = "en",
    title: str = "Plan",
    size: tuple[int, int] | None = None,
) -> str:
    """A spreadsheet holding the plan, typed into its tabs as a user would type it; its key.

    `size` gives every tab that many rows and columns instead of Google's 1,000 x 26: pushing over a
    tab clears its whole grid, which takes the fake a second for a plan's ten tabs.
    """
    grid = plan_grid(data, lang)
    key = fake.create(title, {name: [list(row) for row in rows] for name, rows in grid.items()})
    if size is not None:
        for sheet in fake.spreadsheet(key).sheets:
            sheet.resize(*size)
    return key
