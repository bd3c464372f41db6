"""Turns a Grid (any workbook's plain values) into a Plan, and every cell it cannot use into a Problem.

`load` never raises for a value: an unusable cell is a Problem with its address, and the record gets
None or '' there. It raises SourceError only when the workbook is not a plan at all: a required sheet
or a required column is missing. Whether the plan is complete and consistent is `check`'s job.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Collection, Mapping, Sequence
from typing import TypeVar

from sheetplan.plan import schema
from sheetplan.plan.collector import gc_paused
from sheetplan.plan.errors import SourceError
from sheetplan.plan.i18n import _, language
from sheetplan.plan.model import (
    Action,
    Assumption,
    Channel,
    Decision,
    Goal,
    Grid,
    Metric,
    Owner,
    Plan,
    Problem,
    Series,
    SheetLocation,
    Source,
)
from sheetplan.plan.posts import Post
from sheetplan.read.cells import CellReader, Kind
from sheetplan.read.monthly import read_monthly
from sheetplan.read.settings import read_settings
from sheetplan.read.tables import REQUIRED_SHEETS, Table, find_sheets, find_table

T = TypeVar("T")
Owned = TypeVar("Owned", Goal, Action, Metric, Assumption, Decision)
"""A record with an owner."""


_ALWAYS = ("settings", "actuals")
"""The sheets every plan is read with: its months and its actual results."""


def load(grid: Grid, source: str, sheets: Collection[str] | None = None) -> tuple[Plan, list[Problem]]:
    """The plan a workbook holds, and the problems of its cells; `source` names it in messages.

    `sheets`: the keys of the sheets `grid` was read for, when not all of them (`read_file`); the
    plan has no records (or forecasts) of the others, and only those of them a plan cannot do without
    are required, with Settings and Actuals, which are always."""
    required = REQUIRED_SHEETS if sheets is None else [*_ALWAYS, *(k for k in REQUIRED_SHEETS if k in sheets)]
    with gc_paused():
        return _load(grid, source, required)


def _load(grid: Grid, source: str, required: Collection[str]) -> tuple[Plan, list[Problem]]:
    names, lang, problems = find_sheets(grid, source, required)
    tables = {
        key: _find_table(grid, sheet, names[key], lang, source, problems)
        for sheet in schema.INPUT_SHEETS
        if (key := sheet.key) in names
    }
    # Unusable Settings leave the months of the monthly sheets' headers to go by.
    headers = tables["forecasts"] if "forecasts" in tables else tables["actuals"]
    settings, months_known = read_settings(tables["settings"], lang, problems, headers.months)
    locations: dict[str, SheetLocation] = {key: table.location() for key, table in tables.items()}
    forecasts: dict[str, Series] = {}
    if "forecasts" in tables:
        forecasts, forecast_rows = read_monthly(tables["forecasts"], settings, months_known, problems)
        locations["forecasts"] = tables["forecasts"].location(forecast_rows)
    actuals, actual_rows = read_monthly(tables["actuals"], settings, months_known, problems)
    locations["actuals"] = tables["actuals"].location(actual_rows)
    baseline: dict[str, Series] = {}
    if "baseline" in tables:
        baseline, baseline_rows = read_monthly(tables["baseline"], settings, months_known, problems)
        locations["baseline"] = tables["baseline"].location(baseline_rows)
    owners = _records(tables.get("owners"), problems, Owner, _OWNER)
    listed = {schema.normalise(owner.name): owner.name for owner in reversed(owners) if owner.name}

    def owned(key: str, record: type[Owned], fields: Sequence[Field]) -> tuple[Owned, ...]:
        records = _records(tables.get(key), problems, record, fields)
        return _as_listed(records, tables.get(key), listed, problems)

    plan = Plan(
        settings=settings,
        goals=owned("goals", Goal, _GOAL),
        owners=owners,
        channels=_records(tables.get("channels"), problems, Channel, _CHANNEL),
        actions=owned("actions", Action, _ACTION),
        metrics=owned("metrics", Metric, _METRIC),
        forecasts=forecasts,
        actuals=actuals,
        baseline=baseline,
        assumptions=owned("assumptions", Assumption, _ASSUMPTION),
        sources=_records(tables.get("sources"), problems, Source, _SOURCE),
        decisions=owned("decisions", Decision, _DECISION),
        posts=_records(tables.get("posts"), problems, Post, _POST),
        lang=lang,
        locations=locations,
    )
    return plan, problems


def _find_table(
    grid: Grid, sheet: schema.Sheet, name: str, lang: schema.Lang, source: str, problems: list[Problem]
) -> Table:
    """Where a sheet's headers are; a sheet with no required columns (Posts) that has no header row
    yet is found all the same, as a blank sheet with its headers to come on row 1."""
    try:
        return find_table(grid, sheet, name, lang, source, problems)
    except SourceError:
        if sheet.required:
            raise
        return Table(sheet, name, grid[name], 1, {})


Field = tuple[str, Kind]
"""How a record's field is read: the schema column key, and what the column holds."""


def _records(
    table: Table | None, problems: list[Problem], record: Callable[..., T], fields: Sequence[Field]
) -> tuple[T, ...]:
    """The records of a table, read a column at a time; `fields` are in the order of the record's."""
    if table is None:
        return ()
    cells = CellReader(table, problems)
    rows = list(table.data())
    columns = [cells.column(rows, key, kind, table.sheet.column(key).choices) for key, kind in fields]
    numbers = [number for number, __ in rows]
    # The row number is the record's last field, after those read.
    return tuple(record(*values) for values in zip(*columns, numbers, strict=True))


def _as_listed(
    records: tuple[Owned, ...], table: Table | None, listed: Mapping[str, str], problems: list[Problem]
) -> tuple[Owned, ...]:
    """The records with each owner spelt as on the Owners sheet (`listed`: folded name to name) when
    the two differ only in case or spaces, each such cell reported as `owner_spelling`.

    So `ana koleva` and `Ana Koleva` are one person in the review, its summary and its agenda.
    """
    if table is None or not listed:
        return records
    spelt: dict[str, str | None] = {}  # a plan names a few people many times
    renamed = list(records)
    for index, record in enumerate(records):
        owner = record.owner
        if owner not in spelt:
            found = listed.get(schema.normalise(owner)) if owner else None
            spelt[owner] = found if found is not None and found != owner else None
        name = spelt[owner]
        if name is not None:
            message = _('"{owner}" is spelt "{name}" on the {sheet} sheet; use the dropdown').format(
                owner=owner, name=name, sheet=schema.OWNERS.name(language())
            )
            address = table.address(record.row, table.columns["owner"])
            problems.append(Problem("warning", table.name, address, "owner_spelling", message))
            renamed[index] = dataclasses.replace(record, owner=name)
    return tuple(renamed)


def _fields(record: type, spec: dict[str, Field]) -> tuple[Field, ...]:
    """A record's fields in the order its dataclass (or named tuple) declares them, `row` (last) left out."""
    names = list(getattr(record, "_fields", None) or (field.name for field in dataclasses.fields(record)))
    if names[-1] != "row" or set(names[:-1]) != set(spec):
        raise TypeError(f"the fields read for {record.__name__} are not its fields: {sorted(spec)}")
    return tuple(spec[name] for name in names[:-1])


_GOAL = _fields(
    Goal,
    {
        "id": ("goal_id", "name"),
        "name": ("goal", "text"),
        "problem": ("problem", "text"),
        "why": ("why", "text"),
        "owner": ("owner", "name"),
        "target_date": ("target_date", "date"),
        "status": ("status", "choice"),
    },
)
_OWNER = _fields(
    Owner,
    {
        "name": ("owner", "name"),
        "role": ("role", "text"),
        "email": ("email", "text"),
    },
)
_CHANNEL = _fields(
    Channel,
    {
        "name": ("channel", "name"),
        "handle": ("handle", "text"),
        "planned_per_week": ("planned_per_week", "number"),
        "max_per_week": ("max_per_week", "number"),
        "notes": ("notes", "text"),
    },
)
_ACTION = _fields(
    Action,
    {
        "id": ("action_id", "name"),
        "goal_id": ("goal_id", "name"),
        "name": ("action", "text"),
        "owner": ("owner", "name"),
        "due": ("due", "date"),
        "status": ("status", "choice"),
        "channel": ("channel", "name"),
        "start": ("start", "date"),
        "budget": ("budget", "number"),
        "spent": ("spent", "number"),
        "expected": ("expected", "text"),
        "notes": ("notes", "text"),
    },
)
_METRIC = _fields(
    Metric,
    {
        "id": ("metric_id", "name"),
        "name": ("metric", "text"),
        "goal_id": ("goal_id", "name"),
        "owner": ("owner", "name"),
        "direction": ("direction", "choice"),
        "aggregation": ("aggregation", "choice"),
        "unit": ("unit", "text"),
        "tolerance": ("tolerance", "percent"),
        "source": ("source", "text"),
    },
)
_ASSUMPTION = _fields(
    Assumption,
    {
        "text": ("assumption", "text"),
        "owner": ("owner", "name"),
        "still_true": ("still_true", "choice"),
        "note": ("note", "text"),
    },
)
_SOURCE = _fields(
    Source,
    {
        "metric_id": ("metric_id", "name"),
        "export": ("export", "name"),
        "value": ("value", "name"),
        "filter": ("filter", "text"),
        "how": ("how", "choice"),
    },
)
_DECISION = _fields(
    Decision,
    {
        "month": ("month", "month"),
        "text": ("decision", "text"),
        "owner": ("owner", "name"),
        "due": ("due", "date"),
        "status": ("status", "choice"),
        "metric_id": ("metric_id", "name"),
        "action_id": ("action_id", "name"),
        "notes": ("notes", "text"),
    },
)
_POST = _fields(
    Post,
    {
        "channel": ("channel", "name"),
        "post_id": ("post_id", "name"),
        "published": ("published", "date"),
        "type": ("type", "name"),
        "text": ("text", "text"),
        "impressions": ("impressions", "number"),
        "engagements": ("engagements", "number"),
        "reactions": ("reactions", "number"),
        "comments": ("comments", "number"),
        "shares": ("shares", "number"),
        "clicks": ("clicks", "number"),
    },
)
