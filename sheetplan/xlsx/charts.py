"""The review sheet's charts as drawing and chart parts, written by XlsxWriter and lifted out of its zip.

Chart XML is large and particular; XlsxWriter writes charts that Excel, LibreOffice and Google Sheets
all accept, so the charts are drawn with it into a scratch workbook in memory holding only the cells
the charts read (which XlsxWriter then saves in the charts' caches, so that a program that does not
recalculate still shows them). The drawing and chart parts are then taken out of that workbook under
part names free in the user's package. Writing it costs a few milliseconds; the sheet's cells are
formatted by `xlsx.sheet_xml`, which is many times faster than XlsxWriter for a big review.
"""

from __future__ import annotations

import io
import zipfile
from collections.abc import Mapping
from dataclasses import dataclass

import xlsxwriter

from sheetplan.layout.sheet import Chart, Range, SheetLayout
from sheetplan.xlsx.opc import CHART, relationships, relative, rels_name, rels_part

DRAWING_TYPE = "application/vnd.openxmlformats-officedocument.drawing+xml"
CHART_TYPE = "application/vnd.openxmlformats-officedocument.drawingml.chart+xml"
_PIXELS_PER_CM = 96 / 2.54


@dataclass(frozen=True)
class Drawing:
    """A drawing part with its charts, ready to go into a package.

    `parts` maps each new part's name to its bytes; `types` each new part's name to its content type.
    """

    name: str
    parts: Mapping[str, bytes]
    types: Mapping[str, str]


def chart_drawing(layout: SheetLayout, drawing: str, chart_names: list[str]) -> Drawing | None:
    """The drawing of `layout`'s charts at part name `drawing`, its charts at `chart_names` (one each).

    None when the layout has no charts.
    """
    if not layout.charts:
        return None
    scratch = _scratch(layout)
    with zipfile.ZipFile(io.BytesIO(scratch)) as archive:
        old_drawing = "xl/drawings/drawing1.xml"
        links = relationships(archive.read(rels_name(old_drawing)), old_drawing)
        renamed = {f"xl/charts/chart{number}.xml": name for number, name in enumerate(chart_names, start=1)}
        parts = {drawing: archive.read(old_drawing)}
        entries = []
        for link in links:
            new = renamed[link.target]
            parts[new] = archive.read(link.target)
            entries.append((link.id, CHART, relative(drawing, new)))
    parts[rels_name(drawing)] = rels_part(entries)
    types = {drawing: DRAWING_TYPE} | dict.fromkeys(renamed.values(), CHART_TYPE)
    return Drawing(drawing, parts, types)


def _scratch(layout: SheetLayout) -> bytes:
    """A workbook holding `layout`'s charts and the cells they read, as bytes."""
    buffer = io.BytesIO()
    workbook = xlsxwriter.Workbook(buffer, {"in_memory": True})
    worksheet = workbook.add_worksheet(layout.name)
    values = {(cell.row, cell.column): cell.value for cell in layout.cells if cell.value is not None}
    wanted = {
        (row, column)
        for chart in layout.charts
        for area in (chart.categories, *(series.values for series in chart.series))
        for row in range(area.first_row, area.last_row + 1)
        for column in range(area.first_column, area.last_column + 1)
    }
    for row, column in sorted(wanted & values.keys()):
        value = values[row, column]
        if isinstance(value, str):
            worksheet.write_string(row - 1, column - 1, value)
        elif isinstance(value, int | float):
            worksheet.write_number(row - 1, column - 1, value)
    for spec in layout.charts:
        row, column = spec.anchor
        worksheet.insert_chart(row - 1, column - 1, _chart(workbook, layout.name, spec))
    workbook.close()
    return buffer.getvalue()


def _chart(workbook: xlsxwriter.Workbook, sheet: str, spec: Chart) -> xlsxwriter.chart.Chart:
    chart = workbook.add_chart({"type": spec.kind})
    for number, series in enumerate(spec.series):
        options: dict[str, object] = {
            "name": series.name,
            "categories": _cells(sheet, spec.categories),
            "values": _cells(sheet, series.values),
        }
        colour = f"#{series.colour}"
        if spec.kind == "bar":
            options["fill"] = {"color": colour}
            if number == 0:
                options |= {"gap": 60, "overlap": -10}
        else:
            options["line"] = {"color": colour, "width": 2.25}
        chart.add_series(options)
    chart.set_title({"name": spec.title})
    chart.set_size(
        {"width": round(spec.width_cm * _PIXELS_PER_CM), "height": round(spec.height_cm * _PIXELS_PER_CM)}
    )
    chart.set_legend({"position": "bottom"})
    if spec.kind == "bar":
        # In a bar chart XlsxWriter's y axis is the category axis. Horizontal bars list categories
        # bottom up; reversing the axis keeps the table's order, with the values along the bottom.
        chart.set_y_axis({"reverse": True, "label_position": "low", "crossing": "max"})
        chart.set_x_axis({"num_format": spec.number_format})
    else:
        chart.set_x_axis({"label_position": "low"})
        chart.set_y_axis({"num_format": spec.number_format})
    return chart


def _cells(sheet: str, area: Range) -> list[object]:
    return [sheet, area.first_row - 1, area.first_column - 1, area.last_row - 1, area.last_column - 1]
