"""Draws a backend-neutral `SheetLayout` as `batchUpdate` requests that add it as a new tab.

The same layout that `xlsx.sheet_xml` writes as worksheet XML: the values in one `updateCells`, the styles
a rectangle of alike cells at a time, then merges, sizes, colour rules and charts. Google keeps no
print settings in the API, so the layout's page breaks, footer and orientation are left out.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import replace
from typing import Any, TypeVar

from sheetplan.gsheets.book import Request
from sheetplan.gsheets.cells import (
    BORDER,
    cell_format,
    column_pixels,
    date_format,
    entered_value,
    grid_range,
    number_format,
    row_pixels,
)
from sheetplan.gsheets.charts import chart, colour_rule
from sheetplan.layout.sheet import Cell, ColourRule, Range, SheetLayout, Style

_SPARE_ROWS = 20
"""Empty rows below the layout, so that people can add notes in the meeting."""


def add_layout(layout: SheetLayout, sheet_id: int, index: int | None = None) -> list[Request]:
    """Requests that add `layout` as a new tab with the given sheetId, at `index` (the end by default)."""
    cells = tuple(layout.every_cell())
    last_row = max((cell.row for cell in cells), default=1)
    last_column = max([*(cell.column for cell in cells), *layout.widths, 1])
    properties: dict[str, Any] = {
        "sheetId": sheet_id,
        "title": layout.name,
        "gridProperties": {
            "rowCount": last_row + _SPARE_ROWS,
            "columnCount": last_column,
            "hideGridlines": True,
        },
    }
    if index is not None:
        properties["index"] = index
    requests: list[Request] = [{"addSheet": {"properties": properties}}]
    requests += update_cells(sheet_id, cells, layout.styles, layout.rules)
    requests += [
        {"mergeCells": {"range": grid_range(sheet_id, merged), "mergeType": "MERGE_ALL"}}
        for merged in layout.merges
    ]
    requests += dimension_sizes(sheet_id, "COLUMNS", {n: column_pixels(w) for n, w in layout.widths.items()})
    requests += dimension_sizes(sheet_id, "ROWS", {n: row_pixels(h) for n, h in layout.heights.items()})
    requests += [
        colour_rule(sheet_id, rule, layout.styles[rule.style], n) for n, rule in enumerate(layout.rules)
    ]
    requests += [chart(sheet_id, spec, layout) for spec in layout.charts]
    return requests


def update_cells(
    sheet_id: int, cells: tuple[Cell, ...], styles: Mapping[str, Style], rules: Sequence[ColourRule] = ()
) -> list[Request]:
    """Requests that write every cell's value and style.

    Values go in one `updateCells`; styles go in one `repeatCell` per rectangle of cells that look
    the same. A table's column is one rectangle, so a review of thousands of metrics sends a few
    hundred styles, not one for every cell, and the request stays a few megabytes.
    """
    by_row: dict[int, dict[int, Cell]] = {}
    for item in cells:
        by_row.setdefault(item.row, {})[item.column] = item
    rows: list[dict[str, Any]] = []
    for number in range(1, max(by_row, default=0) + 1):
        found = by_row.get(number, {})
        values: list[dict[str, Any]] = []
        for column in range(1, max(found, default=0) + 1):
            entered = entered_value(found[column].value) if column in found else None
            values.append({"userEnteredValue": entered} if entered else {})
        rows.append({"values": values})
    requests: list[Request] = [
        {
            "updateCells": {
                "start": {"sheetId": sheet_id, "rowIndex": 0, "columnIndex": 0},
                "rows": rows,
                "fields": "userEnteredValue",
            }
        }
    ]
    formats: dict[Look, dict[str, Any]] = {}
    looks, bordered = _looks(cells, styles, rules)
    for look, area in rectangles(looks):
        if look not in formats:
            style, pattern = look
            formats[look] = cell_format(style)
            if pattern != style.number_format:
                formats[look]["numberFormat"] = number_format(pattern)
        requests.append(
            {
                "repeatCell": {
                    "range": grid_range(sheet_id, area),
                    "cell": {"userEnteredFormat": formats[look]},
                    "fields": "userEnteredFormat",
                }
            }
        )
    # Borders go on after the formats, a table at a time rather than with every look.
    sides = ("top", "bottom", "left", "right", "innerHorizontal", "innerVertical")
    requests += [
        {"updateBorders": {"range": grid_range(sheet_id, area), **dict.fromkeys(sides, BORDER)}}
        for _, area in rectangles(bordered)
    ]
    return requests


Look = tuple[Style, str]
"""How a cell looks, but for its border: its style, and its number format (a date's, for a date in a
cell styled otherwise)."""
T = TypeVar("T")


def _looks(
    cells: Iterable[Cell], styles: Mapping[str, Style], rules: Sequence[ColourRule]
) -> tuple[dict[int, dict[int, Look]], dict[int, dict[int, bool]]]:
    """Each cell's look, row by row, and the cells that have a border.

    A cell whose colours a colour rule gives (a status) is left without colours of its own: the rule
    colours it, and a column of statuses stays one rectangle instead of one for every change.
    """
    ruled: dict[tuple[int, int], list[ColourRule]] = {}
    for rule in rules:
        for row in range(rule.range.first_row, rule.range.last_row + 1):
            for column in range(rule.range.first_column, rule.range.last_column + 1):
                ruled.setdefault((row, column), []).append(rule)
    looks: dict[int, dict[int, Look]] = {}
    bordered: dict[int, dict[int, bool]] = {}
    for cell in cells:
        style = styles[cell.style]
        rules_here = ruled.get((cell.row, cell.column), ())
        if any(rule.text == cell.value and rule.style == cell.style for rule in rules_here):
            style = replace(style, fill=None, colour=None)
        if style.border:
            bordered.setdefault(cell.row, {})[cell.column] = True
            style = replace(style, border=False)
        pattern = date_format(cell.value, style.number_format) or ""
        looks.setdefault(cell.row, {})[cell.column] = (style, pattern)
    return looks, bordered


def rectangles(looks: Mapping[int, Mapping[int, T]]) -> list[tuple[T, Range]]:
    """Rectangles of cells that look the same: runs along each row, joined down the rows they repeat in."""
    done: list[tuple[T, Range]] = []
    # (first column, last column, look) to the first row of a rectangle that is still growing.
    open_areas: dict[tuple[int, int, T], int] = {}
    for row in range(1, max(looks, default=0) + 2):
        runs = set(_runs(looks.get(row, {})))
        for run in list(open_areas):
            if run not in runs:
                first, last, look = run
                done.append((look, Range(open_areas.pop(run), first, row - 1, last)))
        for run in runs:
            open_areas.setdefault(run, row)
    return done


def _runs(row: Mapping[int, T]) -> Iterator[tuple[int, int, T]]:
    """Runs of neighbouring cells of the same look along a row: first column, last column and look."""
    columns = sorted(row)
    start = 0
    for index, column in enumerate(columns):
        following = columns[index + 1] if index + 1 < len(columns) else None
        if following is None or following != column + 1 or row[following] != row[column]:
            yield columns[start], column, row[column]
            start = index + 1


def dimension_sizes(sheet_id: int, dimension: str, sizes: Mapping[int, int]) -> list[Request]:
    """Requests that size 1-based rows or columns in pixels, one per run of equal sizes."""
    return [
        {
            "updateDimensionProperties": {
                "range": {
                    "sheetId": sheet_id,
                    "dimension": dimension,
                    "startIndex": first - 1,
                    "endIndex": last,
                },
                "properties": {"pixelSize": size},
                "fields": "pixelSize",
            }
        }
        for first, last, size in _runs(sizes)
    ]
