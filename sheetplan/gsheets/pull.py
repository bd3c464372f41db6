"""`sheetplan pull SHEET PATH`: a Google Sheet into a local plan workbook, in two requests.

The copy has the layout `sheetplan init` writes (the template's sheets, tables, dropdowns and Guide),
filled with the sheet's data, and its Review log as values; review tabs are not copied, since
`sheetplan review PATH` writes them again from the data. Nothing typed is lost: a value the template
would refuse (a status that is not in the list, text in a number column) goes into its cell as typed,
for `sheetplan check` to point at, and columns the team added go to the right of each table.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from datetime import date
from pathlib import Path
from typing import cast

from sheetplan.files.safe_save import check_new_file, replace_safely
from sheetplan.gsheets.book import read_grid
from sheetplan.gsheets.columns import column_of
from sheetplan.gsheets.push import google_key
from sheetplan.plan import schema
from sheetplan.plan.errors import SourceError
from sheetplan.plan.example import Content, Row, Value
from sheetplan.plan.model import CellValue, ErrorValue, Grid, Month, Plan
from sheetplan.read import values
from sheetplan.read.load import load
from sheetplan.template.pulled import Pulled, build_copy
from sheetplan.template.sheets import SheetPlan, sheet_plan


def pull(source: str, path: Path, credentials: Path | None = None, force: bool = False) -> str:
    """Copy the Google Sheet `source` into the workbook at `path`; say what the copy holds."""
    key = google_key(source)
    check_new_file(path, force, "the copy")
    grid = read_grid(key, credentials)
    plan, _ = load(grid, source)
    months = plan.settings.plan_months
    if not months:
        raise SourceError(
            f"{source}: Settings has no usable Start month and Months; run sheetplan check {source}"
        )
    pulled = pulled_content(grid, plan)
    data = build_copy(months, plan.lang, pulled, grid, path.name)

    replace_safely(path, lambda stream: stream.write(data), backup=False)
    counts = ", ".join(
        f"{len(pulled.content.rows.get(key, []))} {key}" for key in ("goals", "actions", "metrics")
    )
    return f"Pulled Google Sheet {key} into {path}: {counts}, {len(months)} months from {months[0]}."


def pulled_content(grid: Grid, plan: Plan) -> Pulled:
    """The plan's rows as the template writes them, and the cells to write as typed."""
    pulled = Pulled(Content(description="pulled plan"))
    lang = plan.lang
    months = plan.settings.plan_months
    for sheet in schema.INPUT_SHEETS:
        location = plan.locations.get(sheet.key)
        if location is None:
            continue
        layout = sheet_plan(sheet, lang, months, Content())
        rows = grid[location.name]
        cells = pulled.cells.setdefault(sheet.key, [])
        # Where each of the sheet's columns goes in the template's table; months outside the plan and
        # the team's own columns go to the right of it.
        targets = {
            number: (key, target)
            for key, number in location.columns.items()
            if (target := _target(sheet, layout, key)) is not None
        }
        extra = _extra_columns(rows, location.header_row, set(targets))
        for offset, number in enumerate(extra):
            cells.append((0, len(layout.columns) + offset, rows[location.header_row - 1][number - 1]))
        if sheet is schema.SETTINGS:
            _settings(pulled, rows, location.columns, location.header_row, layout)
            continue
        found: list[Row] = []
        for cells_of_row in _data_rows(rows, location.header_row, location.columns.values()):
            index = len(found) + 1
            row: Row = {}
            for number, (key, target) in targets.items():
                value = cells_of_row[number - 1] if number <= len(cells_of_row) else None
                converted = _value(value, column_of(sheet, key))
                if converted is _AS_TYPED:
                    cells.append((index, target, value))
                else:
                    row[key] = cast(Value, converted)
            for offset, number in enumerate(extra):
                if number <= len(cells_of_row):
                    cells.append((index, len(layout.columns) + offset, cells_of_row[number - 1]))
            found.append(row)
        pulled.content.rows[sheet.key] = found
    return pulled


_AS_TYPED = object()
"""A value the template would not take: it is written into its cell as it was typed."""


def _value(value: CellValue, column: schema.Column | None) -> Value | object:
    """A cell as the template's Content holds it, or `_AS_TYPED`."""
    if values.is_blank(value):
        return None
    if isinstance(value, ErrorValue | bool):
        return _AS_TYPED
    kind = column.type if column else "number"
    if kind == "date":
        try:
            return values.to_date(value)
        except values.BadValue:
            return _AS_TYPED
    if column is not None and column.choices is not None:
        matched = column.choices.match(values.text(value))
        return matched if matched is not None else _AS_TYPED
    if kind in ("number", "money", "percent"):
        return float(value) if isinstance(value, int | float) else _AS_TYPED
    if isinstance(value, date):
        return value
    if isinstance(value, int | float):
        return float(value)
    return str(value)


def _settings(
    pulled: Pulled,
    rows: Sequence[Sequence[CellValue]],
    columns: Mapping[str, int],
    header: int,
    layout: SheetPlan,
) -> None:
    found: dict[str, Value] = {}
    for cells in rows[header:]:
        label = cells[columns["setting"] - 1] if columns["setting"] <= len(cells) else None
        setting = schema.setting_by_label(values.text(label)) if label is not None else None
        if setting is None or setting.key in found or setting.key in ("start_month", "months"):
            continue
        value = cells[columns["value"] - 1] if columns["value"] <= len(cells) else None
        if values.is_blank(value):
            found[setting.key] = None if setting.kind == "percent" else ""
        elif setting.kind == "percent" and not (
            isinstance(value, int | float) and not isinstance(value, bool)
        ):
            row = schema.SETTINGS_ROWS.index(setting) + 1
            pulled.cells.setdefault("settings", []).append((row, layout.index("value"), value))
            found[setting.key] = None
        else:
            found[setting.key] = float(value) if isinstance(value, int | float) else values.text(value)
    pulled.content.settings.update(found)


def _data_rows(
    rows: Sequence[Sequence[CellValue]], header: int, columns: Iterable[int]
) -> list[Sequence[CellValue]]:
    """The rows below the header that hold anything in the plan's columns."""
    wanted = sorted(columns)
    return [
        cells
        for cells in rows[header:]
        if any(number <= len(cells) and not values.is_blank(cells[number - 1]) for number in wanted)
    ]


def _extra_columns(rows: Sequence[Sequence[CellValue]], header: int, known: set[int]) -> list[int]:
    """The 1-based columns with a header that the template's table has no place for."""
    if len(rows) < header:
        return []
    return [
        number
        for number, cell in enumerate(rows[header - 1], start=1)
        if number not in known and not values.is_blank(cell)
    ]


def _target(sheet: schema.Sheet, layout: SheetPlan, key: str) -> int | None:
    """The 0-based column of the template's table that holds a schema column or month; None for none."""
    if column_of(sheet, key) is not None:
        return layout.index(key)
    try:
        month = Month.parse(key)
    except ValueError:
        return None
    return layout.columns.index(month) if month in layout.columns else None
