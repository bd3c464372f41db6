"""Turns a Grid (any workbook's plain values) into a Plan, and every cell it cannot use into a Problem.

`load` never raises for a value: an unusable cell is a Problem with its address, and the record gets
None or '' there. It raises SourceError only when the workbook is not a plan at all: a required sheet
or a required column is missing. Whether the plan is complete and consistent is `check`'s job.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TypeVar

from sheetplan import schema
from sheetplan.cells import CellReader, Field
from sheetplan.model import (
    Action,
    Assumption,
    Channel,
    Goal,
    Grid,
    Metric,
    Owner,
    Plan,
    Problem,
    SheetLocation,
)
from sheetplan.monthly import read_monthly
from sheetplan.settings_sheet import read_settings
from sheetplan.tables import Table, find_sheets, find_table

T = TypeVar("T")


def load(grid: Grid, source: str) -> tuple[Plan, list[Problem]]:
    """The plan a workbook holds, and the problems of its cells; `source` names it in messages."""
    names, lang, problems = find_sheets(grid, source)
    tables = {
        key: find_table(grid, sheet, names[key], lang, source, problems)
        for sheet in schema.INPUT_SHEETS
        if (key := sheet.key) in names
    }
    settings, months_known = read_settings(tables["settings"], lang, problems, tables["forecasts"].months)
    forecasts, forecast_rows = read_monthly(tables["forecasts"], settings, months_known, problems)
    actuals, actual_rows = read_monthly(tables["actuals"], settings, months_known, problems)
    locations: dict[str, SheetLocation] = {key: table.location() for key, table in tables.items()}
    locations["forecasts"] = tables["forecasts"].location(forecast_rows)
    locations["actuals"] = tables["actuals"].location(actual_rows)
    plan = Plan(
        settings=settings,
        goals=_records(tables.get("goals"), problems, Goal, _GOAL),
        owners=_records(tables.get("owners"), problems, Owner, _OWNER),
        channels=_records(tables.get("channels"), problems, Channel, _CHANNEL),
        actions=_records(tables.get("actions"), problems, Action, _ACTION),
        metrics=_records(tables.get("metrics"), problems, Metric, _METRIC),
        forecasts=forecasts,
        actuals=actuals,
        assumptions=_records(tables.get("assumptions"), problems, Assumption, _ASSUMPTION),
        lang=lang,
        locations=locations,
    )
    return plan, problems


def _records(
    table: Table | None, problems: list[Problem], record: Callable[..., T], fields: Sequence[Field]
) -> tuple[T, ...]:
    if table is None:
        return ()
    cells = CellReader(table, problems)
    return tuple(record(**found, row=number) for number, found in cells.records(fields))


_GOAL: Sequence[Field] = (
    ("id", "goal_id", "name", None),
    ("name", "goal", "text", None),
    ("problem", "problem", "text", None),
    ("why", "why", "text", None),
    ("owner", "owner", "name", None),
    ("target_date", "target_date", "date", None),
    ("status", "status", "choice", schema.GOAL_STATUS),
)
_OWNER: Sequence[Field] = (
    ("name", "owner", "name", None),
    ("role", "role", "text", None),
    ("email", "email", "text", None),
)
_CHANNEL: Sequence[Field] = (
    ("name", "channel", "name", None),
    ("handle", "handle", "text", None),
    ("planned_per_week", "planned_per_week", "number", None),
    ("max_per_week", "max_per_week", "number", None),
    ("notes", "notes", "text", None),
)
_ACTION: Sequence[Field] = (
    ("id", "action_id", "name", None),
    ("goal_id", "goal_id", "name", None),
    ("name", "action", "text", None),
    ("owner", "owner", "name", None),
    ("due", "due", "date", None),
    ("status", "status", "choice", schema.ACTION_STATUS),
    ("channel", "channel", "name", None),
    ("start", "start", "date", None),
    ("budget", "budget", "number", None),
    ("spent", "spent", "number", None),
    ("expected", "expected", "text", None),
    ("notes", "notes", "text", None),
)
_METRIC: Sequence[Field] = (
    ("id", "metric_id", "name", None),
    ("name", "metric", "text", None),
    ("goal_id", "goal_id", "name", None),
    ("owner", "owner", "name", None),
    ("direction", "direction", "choice", schema.DIRECTION),
    ("aggregation", "aggregation", "choice", schema.AGGREGATION),
    ("unit", "unit", "text", None),
    ("tolerance", "tolerance", "percent", None),
    ("source", "source", "text", None),
)
_ASSUMPTION: Sequence[Field] = (
    ("text", "assumption", "text", None),
    ("owner", "owner", "name", None),
    ("still_true", "still_true", "choice", schema.STILL_TRUE),
    ("note", "note", "text", None),
)
