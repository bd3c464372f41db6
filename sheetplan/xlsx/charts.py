"""The review sheet's charts as a drawing part and chart parts (DrawingML), with their data cached.

The review draws two kinds of chart, horizontal bars and lines, each with a title, a legend at the
bottom and series of the sheet's own cells, so the parts are formatted here from a fixed layout of
elements in the schema's order (the one XlsxWriter writes, which Excel, LibreOffice and Google Sheets
all accept). XlsxWriter itself was measured for the job: its import alone takes 50 ms, a quarter of
the whole review of the example plan, for XML this module writes in a millisecond. Each series also
carries the values it shows (`strCache`, `numCache`), so that a program that does not recalculate
still draws the chart. A chart sits at its anchor cell with the size the layout gives it.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from sheetplan.layout.sheet import Chart, ChartSeries, Range, SheetLayout
from sheetplan.xlsx.opc import CHART, escape, quoteattr, relative, rels_name, rels_part

DRAWING_TYPE = "application/vnd.openxmlformats-officedocument.drawing+xml"
CHART_TYPE = "application/vnd.openxmlformats-officedocument.drawingml.chart+xml"
_HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
_C = 'xmlns:c="http://schemas.openxmlformats.org/drawingml/2006/chart"'
_A = 'xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main"'
_R = 'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"'
_XDR = 'xmlns:xdr="http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing"'
_EMU_PER_CM = 360000
_LINE_WIDTH = 28575
"""2.25 points, in EMU."""


@dataclass(frozen=True)
class Drawing:
    """A drawing part with its charts, ready to go into a package.

    `parts` maps each new part's name to its bytes; `types` each new part's name to its content type.
    """

    name: str
    parts: Mapping[str, bytes]
    types: Mapping[str, str]


def chart_drawing(layout: SheetLayout, drawing: str, chart_names: Sequence[str]) -> Drawing | None:
    """The drawing of `layout`'s charts at part name `drawing`, its charts at `chart_names` (one each).

    None when the layout has no charts.
    """
    if not layout.charts:
        return None
    values = {(cell.row, cell.column): cell.value for cell in layout.every_cell() if cell.value is not None}
    parts = {drawing: _drawing_xml(layout.charts)}
    for spec, name in zip(layout.charts, chart_names, strict=True):
        parts[name] = _chart_xml(layout.name, spec, values)
    links = [(f"rId{number}", CHART, relative(drawing, name)) for number, name in enumerate(chart_names, 1)]
    parts[rels_name(drawing)] = rels_part(links)
    return Drawing(drawing, parts, {drawing: DRAWING_TYPE} | dict.fromkeys(chart_names, CHART_TYPE))


def _drawing_xml(charts: Sequence[Chart]) -> bytes:
    anchors = []
    for number, spec in enumerate(charts, start=1):
        row, column = spec.anchor
        width, height = round(spec.width_cm * _EMU_PER_CM), round(spec.height_cm * _EMU_PER_CM)
        start = (
            f"<xdr:from><xdr:col>{column - 1}</xdr:col><xdr:colOff>0</xdr:colOff>"
            f"<xdr:row>{row - 1}</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:from>"
        )
        frame = (
            '<xdr:graphicFrame macro=""><xdr:nvGraphicFramePr>'
            f'<xdr:cNvPr id="{number + 1}" name="Chart {number}"/>'
            "<xdr:cNvGraphicFramePr/></xdr:nvGraphicFramePr>"
            '<xdr:xfrm><a:off x="0" y="0"/><a:ext cx="0" cy="0"/></xdr:xfrm>'
            '<a:graphic><a:graphicData uri="http://schemas.openxmlformats.org/drawingml/2006/chart">'
            f'<c:chart {_C} {_R} r:id="rId{number}"/></a:graphicData></a:graphic></xdr:graphicFrame>'
        )
        anchors.append(
            f'<xdr:oneCellAnchor>{start}<xdr:ext cx="{width}" cy="{height}"/>{frame}'
            "<xdr:clientData/></xdr:oneCellAnchor>"
        )
    return f"{_HEAD}<xdr:wsDr {_XDR} {_A}>{''.join(anchors)}</xdr:wsDr>".encode()


def _chart_xml(sheet: str, spec: Chart, values: Mapping[tuple[int, int], object]) -> bytes:
    bars = spec.kind == "bar"
    series = "".join(_series(sheet, spec, number, item, values) for number, item in enumerate(spec.series))
    axes = '<c:axId val="1"/><c:axId val="2"/>'
    if bars:
        plot = (
            '<c:barChart><c:barDir val="bar"/><c:grouping val="clustered"/><c:varyColors val="0"/>'
            f'{series}<c:gapWidth val="60"/><c:overlap val="-10"/>{axes}</c:barChart>'
        )
    else:
        plot = (
            '<c:lineChart><c:grouping val="standard"/><c:varyColors val="0"/>'
            f'{series}<c:marker val="1"/>{axes}</c:lineChart>'
        )
    # Horizontal bars list categories bottom up: the category axis runs top down to keep the table's
    # order, and the value axis then crosses it at its end, so that it stays along the bottom.
    categories = (
        '<c:catAx><c:axId val="1"/><c:scaling><c:orientation val="{order}"/></c:scaling><c:delete val="0"/>'
        '<c:axPos val="{position}"/><c:numFmt formatCode="General" sourceLinked="1"/>'
        '<c:tickLblPos val="low"/><c:crossAx val="2"/><c:crosses val="autoZero"/><c:auto val="1"/>'
        '<c:lblAlgn val="ctr"/><c:lblOffset val="100"/></c:catAx>'
    ).format(order="maxMin" if bars else "minMax", position="l" if bars else "b")
    numbers = (
        '<c:valAx><c:axId val="2"/><c:scaling><c:orientation val="minMax"/></c:scaling><c:delete val="0"/>'
        f'<c:axPos val="{"b" if bars else "l"}"/><c:majorGridlines/>'
        f'<c:numFmt formatCode={quoteattr(spec.number_format)} sourceLinked="0"/><c:tickLblPos val="nextTo"/>'
        f'<c:crossAx val="1"/><c:crosses val="{"max" if bars else "autoZero"}"/>'
        '<c:crossBetween val="between"/></c:valAx>'
    )
    title = (
        "<c:title><c:tx><c:rich><a:bodyPr/><a:lstStyle/><a:p><a:pPr><a:defRPr/></a:pPr>"
        f'<a:r><a:rPr lang="en-US"/><a:t>{escape(spec.title)}</a:t></a:r></a:p></c:rich></c:tx>'
        '<c:overlay val="0"/></c:title><c:autoTitleDeleted val="0"/>'
    )
    chart = (
        f"<c:chart>{title}<c:plotArea><c:layout/>{plot}{categories}{numbers}</c:plotArea>"
        '<c:legend><c:legendPos val="b"/><c:overlay val="0"/></c:legend>'
        '<c:plotVisOnly val="1"/><c:dispBlanksAs val="gap"/></c:chart>'
    )
    return f'{_HEAD}<c:chartSpace {_C} {_A} {_R}><c:lang val="en-US"/>{chart}</c:chartSpace>'.encode()


def _series(
    sheet: str, spec: Chart, number: int, series: ChartSeries, values: Mapping[tuple[int, int], object]
) -> str:
    colour = f'<a:solidFill><a:srgbClr val="{series.colour}"/></a:solidFill>'
    if spec.kind == "bar":
        look = f'<c:spPr>{colour}</c:spPr><c:invertIfNegative val="0"/>'
        # Each bar of its own colour (its status's) is a data point with its own fill.
        look += "".join(
            f'<c:dPt><c:idx val="{index}"/><c:invertIfNegative val="0"/><c:bubble3D val="0"/>'
            f'<c:spPr><a:solidFill><a:srgbClr val="{point}"/></a:solidFill></c:spPr></c:dPt>'
            for index, point in enumerate(series.point_colours)
        )
        end = ""
    else:
        look = f'<c:spPr><a:ln w="{_LINE_WIDTH}" cap="rnd">{colour}<a:round/></a:ln></c:spPr>'
        look += '<c:marker><c:symbol val="none"/></c:marker>'
        # LibreOffice draws a line series as a curve unless told otherwise.
        end = '<c:smooth val="0"/>'
    names = _cached(spec.categories, values, text=True)
    numbers = _cached(series.values, values, text=False)
    return (
        f'<c:ser><c:idx val="{number}"/><c:order val="{number}"/>'
        f"<c:tx><c:v>{escape(series.name)}</c:v></c:tx>"
        f"{look}<c:cat><c:strRef><c:f>{escape(spec.categories.on(sheet))}</c:f>"
        f"<c:strCache>{names}</c:strCache></c:strRef></c:cat>"
        f"<c:val><c:numRef><c:f>{escape(series.values.on(sheet))}</c:f>"
        f"<c:numCache><c:formatCode>General</c:formatCode>{numbers}</c:numCache></c:numRef></c:val>"
        f"{end}</c:ser>"
    )


def _cached(area: Range, values: Mapping[tuple[int, int], object], text: bool) -> str:
    """The points of a series' cache: each cell of `area` that holds a value (text, or a number)."""
    cells = [
        (row, column)
        for row in range(area.first_row, area.last_row + 1)
        for column in range(area.first_column, area.last_column + 1)
    ]
    points = [f'<c:ptCount val="{len(cells)}"/>']
    for index, cell in enumerate(cells):
        value = values.get(cell)
        if text and value is not None:
            points.append(f'<c:pt idx="{index}"><c:v>{escape(str(value))}</c:v></c:pt>')
        elif isinstance(value, int | float) and not isinstance(value, bool) and value - value == 0:
            points.append(f'<c:pt idx="{index}"><c:v>{value!r}</c:v></c:pt>')
    return "".join(points)
