"""Charts the way Excel 2013 and later save them, for the corpus: one in a drawing, one on a chart sheet.

`chart` puts on Forecasts a line chart of the first metric's forecast, with the automatic title Excel
gives a one-series chart (the series name) and the chart's style parts (`xl/charts/styleN.xml`,
`colorsN.xml`, related as chartStyle and chartColorStyle). `chart_sheet` adds a chart sheet after the
others, as Excel's Move Chart > New sheet leaves one: the first metric's forecast against its actuals.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any
from xml.sax.saxutils import escape

from excel_corpus.book import Book
from excel_corpus.cells import sheet_rows
from excel_corpus.drawings import add_anchor, creation_id, guid, new_drawing, two_cell
from excel_corpus.parts import CT, DRAWING_NS, HEAD, MC, MS_REL, REL, XDR

C_NS = "http://schemas.openxmlformats.org/drawingml/2006/chart"
CS_NS = "http://schemas.microsoft.com/office/drawing/2012/chartStyle"
MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
GREY = '<a:solidFill><a:schemeClr val="tx1"><a:lumMod val="65000"/><a:lumOff val="35000"/></a:schemeClr>'
GREY += "</a:solidFill>"
LINE = '<cs:spPr><a:ln w="9525" cap="flat" cmpd="sng" algn="ctr"><a:solidFill><a:schemeClr val="tx1">'
LINE += (
    '<a:lumMod val="15000"/><a:lumOff val="85000"/></a:schemeClr></a:solidFill><a:round/></a:ln></cs:spPr>'
)
TEXT_ENTRIES = {"axisTitle", "categoryAxis", "chartArea", "dataLabel", "dataTable", "legend", "seriesAxis"}
TEXT_ENTRIES |= {"title", "trendlineLabel", "valueAxis"}
STYLE_ENTRIES = (
    *("axisTitle", "categoryAxis", "chartArea", "dataLabel", "dataLabelCallout", "dataPoint", "dataPoint3D"),
    *("dataPointLine", "dataPointMarker", "dataPointMarkerLayout", "dataPointWireframe", "dataTable"),
    *("downBar", "dropLine", "errorBar", "floor", "gridlineMajor", "gridlineMinor", "hiLoLine", "leaderLine"),
    *("legend", "plotArea", "plotArea3D", "seriesAxis", "seriesLine", "title", "trendline", "trendlineLabel"),
    *("upBar", "valueAxis", "wall"),
)
"""The entries of a chart style (`cs:chartStyle`), in the order its schema gives them."""


def chart_style(style_id: int) -> str:
    entries = []
    for name in STYLE_ENTRIES:
        if name == "dataPointMarkerLayout":
            entries.append('<cs:dataPointMarkerLayout symbol="circle" size="5"/>')
            continue
        fill = '<cs:fillRef idx="0"/>'
        if name.startswith("dataPoint"):
            fill = '<cs:fillRef idx="1"><cs:styleClr val="auto"/></cs:fillRef>'
        body = f'<cs:lnRef idx="0"/>{fill}<cs:effectRef idx="0"/>'
        body += '<cs:fontRef idx="minor"><a:schemeClr val="tx1"/></cs:fontRef>'
        if name in {"gridlineMajor", "categoryAxis", "chartArea"}:
            body += LINE
        if name in TEXT_ENTRIES:
            body += f'<cs:defRPr sz="{1400 if name == "title" else 900}" kern="1200"/>'
        entries.append(f"<cs:{name}>{body}</cs:{name}>")
    root = f'<cs:chartStyle xmlns:cs="{CS_NS}" xmlns:a="{DRAWING_NS}" id="{style_id}">'
    return root + "".join(entries) + "</cs:chartStyle>"


def chart_colors() -> str:
    accents = "".join(f'<a:schemeClr val="accent{number}"/>' for number in range(1, 7))
    variations = ["", '<a:lumMod val="60000"/>', '<a:lumMod val="80000"/><a:lumOff val="20000"/>']
    variations += [
        '<a:lumMod val="80000"/>',
        '<a:lumMod val="60000"/><a:lumOff val="40000"/>',
        '<a:lumMod val="50000"/>',
    ]
    variations += ['<a:lumMod val="70000"/><a:lumOff val="30000"/>', '<a:lumMod val="70000"/>']
    variations += ['<a:lumMod val="50000"/><a:lumOff val="50000"/>']
    body = accents + "".join(
        f"<cs:variation>{change}</cs:variation>" if change else "<cs:variation/>" for change in variations
    )
    root = f'<cs:colorStyle xmlns:cs="{CS_NS}" xmlns:a="{DRAWING_NS}" meth="cycle" id="10">'
    return root + body + "</cs:colorStyle>"


def cache(kind: str, values: list[Any]) -> str:
    points = "".join(
        f'<c:pt idx="{index}"><c:v>{escape(str(value))}</c:v></c:pt>'
        for index, value in enumerate(values)
        if value != ""
    )
    code = "<c:formatCode>General</c:formatCode>" if kind == "num" else ""
    return f'<c:{kind}Cache>{code}<c:ptCount val="{len(values)}"/>{points}</c:{kind}Cache>'


def series(number: int, name: str, sheet: str, rows: list[list[Any]], line: bool) -> str:
    """A series of row 2 of a monthly sheet over its months; named after B2 for a line, else `name`."""
    color = f'<a:solidFill><a:schemeClr val="accent{number + 1}"/></a:solidFill>'
    if line:
        look = f'<c:spPr><a:ln w="28575" cap="rnd">{color}<a:round/></a:ln><a:effectLst/></c:spPr>'
        look += '<c:marker><c:symbol val="none"/></c:marker>'
        title = f"<c:strRef><c:f>{sheet}!$B$2</c:f>{cache('str', [rows[1][1]])}</c:strRef>"
    else:
        look = f'<c:spPr>{color}<a:ln><a:noFill/></a:ln><a:effectLst/></c:spPr><c:invertIfNegative val="0"/>'
        title = f"<c:v>{escape(name)}</c:v>"
    unique = '<c:extLst><c:ext uri="{C3380CC4-5D6E-409C-BE32-E72D297353CC}" xmlns:c16='
    unique += '"http://schemas.microsoft.com/office/drawing/2014/chart">'
    unique += f'<c16:uniqueId val="{guid(0x200 + number)}"/>'
    return (
        f'<c:ser><c:idx val="{number}"/><c:order val="{number}"/><c:tx>{title}</c:tx>{look}'
        f"<c:cat><c:strRef><c:f>{sheet}!$C$1:$N$1</c:f>{cache('str', rows[0][2:14])}</c:strRef></c:cat>"
        f"<c:val><c:numRef><c:f>{sheet}!$C$2:$N$2</c:f>{cache('num', rows[1][2:14])}</c:numRef></c:val>"
        + ('<c:smooth val="0"/>' if line else "")
        + f"{unique}</c:ext></c:extLst></c:ser>"
    )


def chart_space(plot: str, title: str, legend: bool) -> str:
    axes = (
        '<c:catAx><c:axId val="508145672"/><c:scaling><c:orientation val="minMax"/></c:scaling>'
        '<c:delete val="0"/>'
        '<c:axPos val="b"/><c:numFmt formatCode="General" sourceLinked="1"/><c:majorTickMark val="none"/>'
        '<c:minorTickMark val="none"/><c:tickLblPos val="nextTo"/><c:crossAx val="508147312"/>'
        '<c:crosses val="autoZero"/><c:auto val="1"/><c:lblAlgn val="ctr"/><c:lblOffset val="100"/>'
        '<c:noMultiLvlLbl val="0"/></c:catAx><c:valAx><c:axId val="508147312"/><c:scaling><c:orientation'
        ' val="minMax"/></c:scaling><c:delete val="0"/><c:axPos val="l"/><c:majorGridlines/><c:numFmt'
        ' formatCode="General" sourceLinked="1"/><c:majorTickMark val="none"/><c:minorTickMark val="none"/>'
        '<c:tickLblPos val="nextTo"/><c:crossAx val="508145672"/><c:crosses val="autoZero"/>'
        '<c:crossBetween val="between"/></c:valAx>'
    )
    key = '<c:legend><c:legendPos val="b"/><c:overlay val="0"/></c:legend>' if legend else ""
    return (
        f'{HEAD}<c:chartSpace xmlns:c="{C_NS}" xmlns:a="{DRAWING_NS}" xmlns:r="{REL[:-1]}"'
        ' xmlns:c16r2="http://schemas.microsoft.com/office/drawing/2015/06/chart"><c:date1904 val="0"/>'
        f'<c:lang val="en-US"/><c:roundedCorners val="0"/><mc:AlternateContent xmlns:mc="{MC}"><mc:Choice'
        ' Requires="c14" xmlns:c14="http://schemas.microsoft.com/office/drawing/2007/8/2/chart">'
        '<c14:style val="102"/></mc:Choice><mc:Fallback><c:style val="2"/></mc:Fallback>'
        f'</mc:AlternateContent><c:chart>{title}<c:autoTitleDeleted val="0"/><c:plotArea><c:layout/>'
        f"{plot}{axes}</c:plotArea>{key}"
        '<c:plotVisOnly val="1"/><c:dispBlanksAs val="gap"/></c:chart><c:txPr><a:bodyPr/><a:lstStyle/><a:p>'
        '<a:pPr><a:defRPr/></a:pPr><a:endParaRPr lang="en-US"/></a:p></c:txPr></c:chartSpace>'
    )


def add_chart(book: Book, drawing: str, xml: str, style_id: int) -> str:
    """Store a chart with its style parts, related from `drawing`; the relationship's Id."""
    part = book.free("xl/charts/chart{}.xml")
    number = part.removeprefix("xl/charts/chart").removesuffix(".xml")
    book.put(part, xml)
    book.content_type(part, CT + "drawingml.chart+xml")
    for name, content, kind in (
        (f"xl/charts/style{number}.xml", chart_style(style_id), "chartStyle"),
        (f"xl/charts/colors{number}.xml", chart_colors(), "chartColorStyle"),
    ):
        book.put(name, content)
        book.content_type(name, f"application/vnd.ms-office.{kind.lower()}+xml")
        book.relate(part, MS_REL + "2011/relationships/" + kind, name)
    return book.relate(drawing, REL + "chart", part)


def graphic_frame(number: int, name: str, rid: str, locks: str = "") -> str:
    return (
        f'<xdr:graphicFrame macro=""><xdr:nvGraphicFramePr><xdr:cNvPr id="{number + 1}" name="{name}">'
        f"{creation_id(0x300 + number)}</xdr:cNvPr><xdr:cNvGraphicFramePr>{locks}</xdr:cNvGraphicFramePr>"
        '</xdr:nvGraphicFramePr><xdr:xfrm><a:off x="0" y="0"/><a:ext cx="0" cy="0"/></xdr:xfrm><a:graphic>'
        f'<a:graphicData uri="{C_NS}"><c:chart xmlns:c="{C_NS}" xmlns:r="{REL[:-1]}" r:id="{rid}"/>'
        "</a:graphicData></a:graphic></xdr:graphicFrame>"
    )


def chart(path: Path) -> None:
    forecasts = sheet_rows(path, "Forecasts")
    title = (
        '<c:title><c:overlay val="0"/><c:spPr><a:noFill/><a:ln><a:noFill/></a:ln><a:effectLst/></c:spPr>'
        '<c:txPr><a:bodyPr rot="0" spcFirstLastPara="1" vertOverflow="ellipsis" vert="horz" wrap="square"'
        ' anchor="ctr" anchorCtr="1"/><a:lstStyle/><a:p><a:pPr><a:defRPr sz="1400" b="0" kern="1200">'
        f'{GREY}</a:defRPr></a:pPr><a:endParaRPr lang="en-US"/></a:p></c:txPr></c:title>'
    )
    line = series(0, "", "Forecasts", forecasts, True)
    plot = f'<c:lineChart><c:grouping val="standard"/><c:varyColors val="0"/>{line}<c:marker val="1"/>'
    plot += '<c:axId val="508145672"/><c:axId val="508147312"/></c:lineChart>'
    with Book.edit(path) as book:
        drawing = new_drawing(book, book.sheet("Forecasts"))
        rid = add_chart(book, drawing, chart_space(plot, title, legend=False), 227)
        add_anchor(book, drawing, two_cell((17, 1), (25, 16), graphic_frame(1, "Chart 1", rid)))


def chart_sheet(path: Path) -> None:
    forecasts, actuals = sheet_rows(path, "Forecasts"), sheet_rows(path, "Actuals")
    name = forecasts[1][1]
    bars = series(0, "Forecast", "Forecasts", forecasts, False) + series(
        1, "Actual", "Actuals", actuals, False
    )
    plot = f'<c:barChart><c:barDir val="col"/><c:grouping val="clustered"/><c:varyColors val="0"/>{bars}'
    plot += '<c:gapWidth val="219"/><c:overlap val="-27"/><c:axId val="508145672"/><c:axId val="508147312"/>'
    plot += "</c:barChart>"
    title = (
        '<c:title><c:tx><c:rich><a:bodyPr/><a:lstStyle/><a:p><a:pPr><a:defRPr sz="1400" b="0"/></a:pPr>'
        f'<a:r><a:rPr lang="en-US"/><a:t>{escape(name)}: forecast and actual</a:t></a:r></a:p></c:rich>'
        '</c:tx><c:overlay val="0"/></c:title>'
    )
    with Book.edit(path) as book:
        sheet = book.add_sheet(
            "Visits chart",
            f'{HEAD}<chartsheet xmlns="{MAIN}" xmlns:r="{REL[:-1]}"><sheetPr/><sheetViews><sheetView'
            ' zoomScale="120" workbookViewId="0" zoomToFit="1"/></sheetViews><pageMargins left="0.7"'
            ' right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/><drawing r:id="rId1"/>'
            "</chartsheet>",
            chart=True,
        )
        drawing = book.free("xl/drawings/drawing{}.xml")
        assert book.relate(sheet, REL + "drawing", drawing) == "rId1"
        book.put(drawing, f'{HEAD}<xdr:wsDr xmlns:xdr="{XDR}" xmlns:a="{DRAWING_NS}"></xdr:wsDr>')
        book.content_type(drawing, CT + "drawing+xml")
        rid = add_chart(book, drawing, chart_space(plot, title, legend=True), 201)
        frame = graphic_frame(1, "Chart 1", rid, '<a:graphicFrameLocks noGrp="1"/>')
        anchor = f'<xdr:absoluteAnchor><xdr:pos x="0" y="0"/><xdr:ext cx="9308042" cy="6078141"/>{frame}'
        add_anchor(book, drawing, anchor + "<xdr:clientData/></xdr:absoluteAnchor>")
