"""Plan workbooks from Python data, for tests: any language, any layout, written by XlsxWriter or openpyxl.

A plan is `PlanData`: settings and rows keyed by schema keys, dropdown values in English, forecasts and
actuals keyed by `YYYY-MM`. `plan_grid` lays it out as a Grid the way `sheetplan init` does (headers
on row 1, in `lang`); the helpers below bend that layout (headers further down, columns moved, blank
rows, extra columns) and `write_workbook` writes any Grid to a real file. `expected_plan` is the Plan
that `load` must read back from it, built straight from the data without parsing anything.
"""

from __future__ import annotations

import copy
import re
import zipfile
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path
from typing import Any

import openpyxl
import pytest
import xlsxwriter

from sheetplan import cli as cli_module
from sheetplan.cli import share as share_cli
from sheetplan.plan import schema
from sheetplan.plan.model import (
    Action,
    Assumption,
    Channel,
    Decision,
    ErrorValue,
    FormulaValue,
    Goal,
    Metric,
    Month,
    Owner,
    Plan,
    Settings,
)

START = Month(2025, 1)
MONTHS = 6
TODAY = date(2025, 4, 15)
"""A day in the sample plan's fourth month: actuals for its first three months are in the past."""


def pretend_today(monkeypatch: pytest.MonkeyPatch, day: date = TODAY) -> None:
    """Make the command line's `date.today()` return `day`, in every module of commands."""

    class Today(date):
        @classmethod
        def today(cls) -> Today:
            return cls(day.year, day.month, day.day)

    for module in (cli_module, share_cli):
        monkeypatch.setattr(module, "date", Today)


GridRows = list[list[Any]]
Grid = dict[str, GridRows]


@dataclass
class PlanData:
    """A plan as a team would type it: settings and rows by schema key, dropdown values in English."""

    settings: dict[str, Any]
    rows: dict[str, list[dict[str, Any]]] = field(default_factory=dict)

    @property
    def months(self) -> list[str]:
        start = Month.parse(str(self.settings["start_month"]))
        return [str(start + offset) for offset in range(int(self.settings["months"]))]

    def copy(self) -> PlanData:
        return copy.deepcopy(self)


def sample() -> PlanData:
    """A small, complete plan that checks clean on `TODAY`."""
    months = [str(START + offset) for offset in range(MONTHS)]
    return PlanData(
        settings={
            "plan_name": "Acme social media plan",
            "start_month": str(START),
            "months": MONTHS,
            "tolerance": 10,
            "currency": "EUR",
            "review_day": "third Thursday",
            "review_time": "10:00",
        },
        rows={
            "goals": [
                {
                    "goal_id": "G1",
                    "goal": "More website visits",
                    "problem": "Few visitors find us",
                    "why": "Visits turn into sales",
                    "owner": "Maria",
                    "target_date": date(2025, 6, 30),
                    "status": "active",
                },
                {
                    "goal_id": "G2",
                    "goal": "A newsletter people read",
                    "problem": "Nobody opens it",
                    "why": "Repeat customers",
                    "owner": "Ivan",
                    "status": "active",
                },
            ],
            "owners": [
                {"owner": "Maria", "role": "Marketing lead", "email": "maria@example.com"},
                {"owner": "Ivan", "role": "Content", "email": "ivan@example.com"},
                {"owner": "Elena", "role": "Design"},
            ],
            "channels": [
                {"channel": "LinkedIn", "handle": "@acme", "planned_per_week": 3, "max_per_week": 5},
                {
                    "channel": "Instagram",
                    "handle": "@acme.shop",
                    "planned_per_week": 4,
                    "max_per_week": 7,
                    "notes": "Photos only",
                },
            ],
            "actions": [
                {
                    "action_id": "A1",
                    "goal_id": "G1",
                    "action": "Post case studies",
                    "channel": "LinkedIn",
                    "owner": "Maria",
                    "start": date(2025, 1, 6),
                    "due": date(2025, 2, 28),
                    "status": "done",
                    "budget": 500,
                    "spent": 420.5,
                },
                {
                    "action_id": "A2",
                    "goal_id": "G1",
                    "action": "Design post templates",
                    "channel": "Instagram",
                    "owner": "Elena",
                    "due": date(2025, 3, 15),
                    "status": "in progress",
                    "budget": 300,
                },
                {
                    "action_id": "A3",
                    "goal_id": "G2",
                    "action": "Write the March issue",
                    "owner": "Ivan",
                    "due": date(2025, 3, 31),
                    "status": "not started",
                    "expected": "30% open rate",
                },
                {
                    "action_id": "A4",
                    "goal_id": "G1",
                    "action": "Answer every comment",
                    "channel": "LinkedIn",
                    "owner": "Maria",
                    "due": date(2025, 6, 30),
                    "status": "blocked",
                    "notes": "Waiting for a login",
                },
            ],
            "metrics": [
                {
                    "metric_id": "M1",
                    "metric": "Website visits from social",
                    "goal_id": "G1",
                    "owner": "Maria",
                    "unit": "visits",
                    "direction": "up",
                    "aggregation": "sum",
                    "source": "Analytics",
                },
                {
                    "metric_id": "M2",
                    "metric": "Newsletter open rate",
                    "goal_id": "G2",
                    "owner": "Ivan",
                    "unit": "%",
                    "direction": "up",
                    "aggregation": "average",
                    "tolerance": 5,
                },
                {
                    "metric_id": "M3",
                    "metric": "Cost per visit",
                    "goal_id": "G1",
                    "owner": "Elena",
                    "unit": "EUR",
                    "direction": "down",
                    "aggregation": "last",
                },
            ],
            "forecasts": [
                {
                    "metric_id": "M1",
                    "metric": "Website visits from social",
                    **{month: 1000 + 100 * index for index, month in enumerate(months)},
                },
                {"metric_id": "M2", "metric": "Newsletter open rate", **dict.fromkeys(months, 25.5)},
                {"metric_id": "M3", "metric": "Cost per visit", **dict.fromkeys(months, 0.4)},
            ],
            "actuals": [
                {"metric_id": "M1", **{month: 950 + 120 * index for index, month in enumerate(months[:3])}},
                {"metric_id": "M2", **dict.fromkeys(months[:3], 24)},
                {"metric_id": "M3", **dict.fromkeys(months[:3], 0.45)},
            ],
            "assumptions": [
                {"assumption": "People read LinkedIn at lunch", "owner": "Maria", "still_true": "unsure"},
            ],
        },
    )


def shown_value(sheet: schema.Sheet, key: str, value: Any, lang: schema.Lang) -> Any:
    """What a cell shows for a value: a dropdown's label in `lang`, anything else as it is."""
    column = next((column for column in sheet.columns if column.key == key), None)
    if column is not None and column.choices is not None and value in column.choices.values:
        return column.choices.label(value, lang)
    return value


def plan_grid(data: PlanData, lang: schema.Lang = "en") -> Grid:
    """The plan laid out as `sheetplan init` lays it out: one sheet per schema sheet, headers on row 1."""
    grid: Grid = {}
    for sheet in schema.INPUT_SHEETS:
        keys: list[str] = [column.key for column in sheet.columns]
        headers: list[Any] = [column.header(lang) for column in sheet.columns]
        if sheet.monthly:
            keys += data.months
            headers += data.months
        rows: GridRows = [headers]
        if sheet is schema.SETTINGS:
            for setting in schema.SETTINGS_ROWS:
                rows.append([setting.label(lang), data.settings.get(setting.key)])
        for record in data.rows.get(sheet.key, []):
            rows.append([shown_value(sheet, key, record.get(key), lang) for key in keys])
        grid[sheet.name(lang)] = rows
    return grid


def expected_plan(data: PlanData) -> Plan:
    """The Plan that `load` must read from `plan_grid(data)`, made from the data alone."""
    rows = data.rows
    tolerance = data.settings.get("tolerance")

    def get(record: dict[str, Any], key: str, default: Any = None) -> Any:
        return record.get(key, default)

    def percent(value: Any) -> float | None:
        return None if value is None else (value / 100 if value >= 1 else value)

    months = [Month.parse(month) for month in data.months]
    return Plan(
        settings=Settings(
            plan_name=data.settings["plan_name"],
            start=Month.parse(str(data.settings["start_month"])),
            months=int(data.settings["months"]),
            tolerance=percent(tolerance),
            currency=data.settings.get("currency", ""),
            review_day=data.settings.get("review_day", ""),
            review_time=data.settings.get("review_time", ""),
            time_zone=data.settings.get("time_zone", ""),
        ),
        goals=tuple(
            Goal(
                r["goal_id"],
                r["goal"],
                r["problem"],
                r["why"],
                r["owner"],
                get(r, "target_date"),
                get(r, "status"),
            )
            for r in rows.get("goals", [])
        ),
        owners=tuple(
            Owner(r["owner"], get(r, "role", ""), get(r, "email", "")) for r in rows.get("owners", [])
        ),
        channels=tuple(
            Channel(
                r["channel"],
                get(r, "handle", ""),
                get(r, "planned_per_week"),
                get(r, "max_per_week"),
                get(r, "notes", ""),
            )
            for r in rows.get("channels", [])
        ),
        actions=tuple(
            Action(
                r["action_id"],
                r["goal_id"],
                r["action"],
                r["owner"],
                get(r, "due"),
                get(r, "status"),
                get(r, "channel", ""),
                get(r, "start"),
                get(r, "budget"),
                get(r, "spent"),
                get(r, "expected", ""),
                get(r, "notes", ""),
            )
            for r in rows.get("actions", [])
        ),
        metrics=tuple(
            Metric(
                r["metric_id"],
                r["metric"],
                r["goal_id"],
                r["owner"],
                get(r, "direction"),
                get(r, "aggregation"),
                get(r, "unit", ""),
                percent(get(r, "tolerance")),
                get(r, "source", ""),
            )
            for r in rows.get("metrics", [])
        ),
        forecasts={
            r["metric_id"]: {m: r[str(m)] for m in months if r.get(str(m)) is not None}
            for r in rows.get("forecasts", [])
        },
        actuals={
            r["metric_id"]: {m: r[str(m)] for m in months if r.get(str(m)) is not None}
            for r in rows.get("actuals", [])
        },
        assumptions=tuple(
            Assumption(r["assumption"], get(r, "owner", ""), get(r, "still_true"), get(r, "note", ""))
            for r in rows.get("assumptions", [])
        ),
        decisions=tuple(
            Decision(
                Month.parse(r["month"]),
                r["decision"],
                r["owner"],
                get(r, "due"),
                r["status"],
                get(r, "metric_id", ""),
                get(r, "action_id", ""),
                get(r, "notes", ""),
            )
            for r in rows.get("decisions", [])
        ),
    )


# Layout helpers: each changes a Grid in place and returns it, so they chain in a test's arguments.

_ADDRESS = re.compile(r"([A-Z]+)(\d+)")


def cell_index(address: str) -> tuple[int, int]:
    """`E7` as 0-based (row, column): (6, 4)."""
    found = _ADDRESS.fullmatch(address)
    assert found, address
    column = 0
    for letter in found[1]:
        column = column * 26 + ord(letter) - 64
    return int(found[2]) - 1, column - 1


def set_cell(grid: Grid, sheet: str, address: str, value: Any) -> Grid:
    """Put `value` at `sheet!address`, growing the sheet as needed."""
    row, column = cell_index(address)
    rows = grid[sheet]
    while len(rows) <= row:
        rows.append([])
    cells = rows[row]
    cells.extend([None] * (column + 1 - len(cells)))
    cells[column] = value
    return grid


def headers_down(grid: Grid, sheet: str, rows: int, title: str = "Plan of the year") -> Grid:
    """Push a sheet down by `rows` rows, with a title on the first, as people do above a table."""
    grid[sheet][:0] = [[title]] + [[] for _ in range(rows - 1)]
    return grid


def reorder_columns(grid: Grid, sheet: str, order: Sequence[int]) -> Grid:
    """Move a sheet's columns: `order` lists the old 0-based columns in their new order."""
    grid[sheet] = [[row[index] if index < len(row) else None for index in order] for row in grid[sheet]]
    return grid


def add_column(grid: Grid, sheet: str, header: str, value: Any = "x", at: int = 0) -> Grid:
    """Insert a user's own column at `at`, with `value` in every data row."""
    for number, row in enumerate(grid[sheet]):
        row.insert(at, header if number == 0 else value)
    return grid


def blank_rows(grid: Grid, sheet: str, after: int, count: int = 2) -> Grid:
    """Insert `count` empty rows after the 1-based row `after`."""
    grid[sheet][after:after] = [[] for _ in range(count)]
    return grid


def write_workbook(
    path: Path,
    grid: Grid,
    engine: str = "xlsxwriter",
    extras: Callable[[xlsxwriter.Workbook], None] | None = None,
) -> Path:
    """Write a Grid to an .xlsx file with XlsxWriter or openpyxl; dates as date cells.

    `FormulaValue` becomes a formula (XlsxWriter saves 0 as its result, openpyxl saves none) and
    `ErrorValue` an error cell. `extras` adds to the XlsxWriter workbook before it is closed: images,
    charts, comments.
    """
    if engine == "openpyxl":
        return _write_openpyxl(path, grid)
    workbook = xlsxwriter.Workbook(str(path), {"strings_to_numbers": False, "strings_to_formulas": False})
    dates = workbook.add_format({"num_format": schema.DATE_FORMAT})
    for name, rows in grid.items():
        worksheet = workbook.add_worksheet(name)
        for row, cells in enumerate(rows):
            for column, value in enumerate(cells):
                if value is None:
                    continue
                if isinstance(value, FormulaValue):
                    worksheet.write_formula(row, column, value.formula)
                elif isinstance(value, ErrorValue):
                    worksheet.write_formula(row, column, "=NA()", None, value.code)
                elif isinstance(value, date | datetime):
                    worksheet.write_datetime(row, column, value, dates)
                elif isinstance(value, bool):
                    worksheet.write_boolean(row, column, value)
                elif isinstance(value, int | float):
                    worksheet.write_number(row, column, value)
                else:
                    worksheet.write_string(row, column, str(value))
    if extras:
        extras(workbook)
    workbook.close()
    return path


def _write_openpyxl(path: Path, grid: Grid) -> Path:
    workbook = openpyxl.Workbook()
    workbook.remove(workbook.active)
    for name, rows in grid.items():
        worksheet = workbook.create_sheet(name)
        for row, cells in enumerate(rows, start=1):
            for column, value in enumerate(cells, start=1):
                if value is None:
                    continue
                cell = worksheet.cell(row, column)
                if isinstance(value, FormulaValue):
                    cell.value = value.formula
                elif isinstance(value, ErrorValue):
                    cell.value = value.code
                    cell.data_type = "e"
                else:
                    cell.value = value
                    if isinstance(value, str):
                        cell.data_type = "s"
                    elif isinstance(value, date | datetime):
                        cell.number_format = "yyyy-mm-dd"
    workbook.save(path)
    return path


def fill_template(path: Path, data: PlanData, lang: schema.Lang) -> Path:
    """Type a plan into a workbook written by `sheetplan init`, with openpyxl, as a user would.

    Columns are found by their headers on row 1 and settings by their labels, so the template's
    layout can change without this changing.
    """
    workbook = openpyxl.load_workbook(path)
    for sheet in schema.INPUT_SHEETS:
        worksheet = workbook[sheet.name(lang)]
        if sheet is schema.SETTINGS:
            for row in worksheet.iter_rows(min_row=2):
                setting = schema.setting_by_label(str(row[0].value or ""))
                if setting is not None and setting.key in data.settings:
                    row[1].value = data.settings[setting.key]
            continue
        columns: dict[str, int] = {}
        for cell in worksheet[1]:
            found = schema.column_by_header(sheet, str(cell.value or ""))
            columns[found.key if found else str(cell.value)] = cell.column
        for number, record in enumerate(data.rows.get(sheet.key, []), start=2):
            for key, value in record.items():
                if key == "metric" and sheet.monthly:
                    continue  # a lookup formula in the template
                cell = worksheet.cell(number, columns[key])
                cell.value = shown_value(sheet, key, value, lang)
                if isinstance(value, str):
                    cell.data_type = "s"
    workbook.save(path)
    return path


def rewrite_zip(path: Path, changes: dict[str, Callable[[bytes], bytes]]) -> Path:
    """Change members of a workbook's zip in place (a missing member is added from empty content)."""
    with zipfile.ZipFile(path) as archive:
        members = {name: archive.read(name) for name in archive.namelist()}
    for name, change in changes.items():
        members[name] = change(members.get(name, b""))
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in members.items():
            archive.writestr(name, data)
    return path
