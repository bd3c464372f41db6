"""The review's colour rules and charts as `batchUpdate` requests, over a tab's layout cells."""

from __future__ import annotations

from typing import Any

from sheetplan.gsheets.book import Request
from sheetplan.gsheets.cells import colour, grid_range
from sheetplan.layout.sheet import Chart, ColourRule, Range, SheetLayout, Style

_CHART_PIXELS_PER_CM = 96 / 2.54


def colour_rule(sheet_id: int, rule: ColourRule, style: Style, index: int) -> Request:
    """A conditional format: the rule's cells whose text is its text take its style's colours."""
    fmt: dict[str, Any] = {"textFormat": {"bold": style.bold}}
    if style.colour:
        fmt["textFormat"]["foregroundColor"] = colour(style.colour)
    if style.fill:
        fmt["backgroundColor"] = colour(style.fill)
    return {
        "addConditionalFormatRule": {
            "rule": {
                "ranges": [grid_range(sheet_id, rule.range)],
                "booleanRule": {
                    "condition": {"type": "TEXT_EQ", "values": [{"userEnteredValue": rule.text}]},
                    "format": fmt,
                },
            },
            "index": index,
        }
    }


def chart(sheet_id: int, spec: Chart, layout: SheetLayout) -> Request:
    """A native chart over the layout's cells.

    The API gives a series no name of its own: it takes it from the cell above the series' values.
    When those cells hold the series' names, they are included as a header row; a lone series whose
    name is not there goes without a legend, its chart's title saying what it shows.
    """
    values = {(cell.row, cell.column): cell.value for cell in layout.every_cell()}
    named = all(
        series.values.first_row > 1
        and values.get((series.values.first_row - 1, series.values.first_column)) == series.name
        for series in spec.series
    )
    header = 1 if named else 0

    def source(cells: Range) -> dict[str, Any]:
        widened = Range(cells.first_row - header, cells.first_column, cells.last_row, cells.last_column)
        return {"sourceRange": {"sources": [grid_range(sheet_id, widened)]}}

    bar = spec.kind == "bar"
    legend = "BOTTOM_LEGEND" if named or len(spec.series) > 1 else "NO_LEGEND"
    basic: dict[str, Any] = {
        "chartType": "BAR" if bar else "LINE",
        "legendPosition": legend,
        "headerCount": header,
        "domains": [{"domain": source(spec.categories)}],
        "series": [
            {
                "series": source(series.values),
                "targetAxis": "BOTTOM_AXIS" if bar else "LEFT_AXIS",
                "colorStyle": {"rgbColor": colour(series.colour)},
                **(
                    {
                        "styleOverrides": [
                            {"index": index, "colorStyle": {"rgbColor": colour(point)}}
                            for index, point in enumerate(series.point_colours)
                        ]
                    }
                    if series.point_colours
                    else {}
                ),
            }
            for series in spec.series
        ],
    }
    if not bar:
        basic["lineSmoothing"] = False
    row, column = spec.anchor
    return {
        "addChart": {
            "chart": {
                "spec": {"title": spec.title, "basicChart": basic},
                "position": {
                    "overlayPosition": {
                        "anchorCell": {"sheetId": sheet_id, "rowIndex": row - 1, "columnIndex": column - 1},
                        "widthPixels": round(spec.width_cm * _CHART_PIXELS_PER_CM),
                        "heightPixels": round(spec.height_cm * _CHART_PIXELS_PER_CM),
                    }
                },
            }
        }
    }
