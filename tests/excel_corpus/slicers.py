"""A slicer and a timeline the way Excel 365 saves them, for the corpus.

`slicer_timeline` adds a table slicer on the Status column of the Actions table, drawn on Actions, and
a timeline on the pivot's Start dates, drawn on Pivot: each with its cache (`xl/slicerCaches/`,
`xl/timelineCaches/`, related from the workbook and listed in its `<extLst>`), its part related from
the sheet and listed in the sheet's `<extLst>`, a graphic frame in `mc:AlternateContent` with the
fallback shape Excel writes, and the `#N/A` name Excel defines for the cache. A timeline can only
filter a pivot, so the pivot is added first when the workbook has none.
"""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

from excel_corpus.book import Book
from excel_corpus.cells import sheet_rows
from excel_corpus.drawings import add_anchor, creation_id, guid, new_drawing, two_cell
from excel_corpus.parts import HEAD, MC, X14, X15
from excel_corpus.pivots import DATES, MAIN, ROWS, pivot

XR10 = 'xmlns:xr10="http://schemas.microsoft.com/office/spreadsheetml/2016/revision10"'
ROOT = f'xmlns:mc="{MC}" mc:Ignorable="x xr10" xmlns:x="{MAIN}" {XR10}'
TIMELINE_CACHE_ROOT = f'xmlns:x15="{X15}" xmlns:mc="{MC}" mc:Ignorable="xr10" {XR10}'
OFFICE_2007 = "http://schemas.microsoft.com/office/2007/relationships/"
OFFICE_2011 = "http://schemas.microsoft.com/office/2011/relationships/"
SLICER = "http://schemas.microsoft.com/office/drawing/2010/slicer"
SLICER_2013 = "http://schemas.microsoft.com/office/drawing/2012/slicer"
TIMESLICER = "http://schemas.microsoft.com/office/drawing/2012/timeslicer"


def frame(number: int, element: str, requires: str, namespace: str, uri: str, words: str) -> str:
    """The drawing of a slicer or timeline: a graphic frame for the Excel that has them, else a note."""
    fallback = (
        '<xdr:sp macro="" textlink=""><xdr:nvSpPr><xdr:cNvPr id="0" name=""/><xdr:cNvSpPr>'
        '<a:spLocks noTextEdit="1"/></xdr:cNvSpPr></xdr:nvSpPr><xdr:spPr><a:xfrm><a:off x="0" y="0"/>'
        '<a:ext cx="1828800" cy="2524125"/></a:xfrm><a:prstGeom prst="rect"><a:avLst/></a:prstGeom>'
        '<a:solidFill><a:prstClr val="white"/></a:solidFill><a:ln w="1"><a:solidFill>'
        '<a:prstClr val="green"/></a:solidFill></a:ln></xdr:spPr><xdr:txBody>'
        '<a:bodyPr vertOverflow="clip" horzOverflow="clip"/><a:lstStyle/><a:p>'
        f'<a:r><a:rPr lang="en-US" sz="1100"/><a:t>{words}</a:t></a:r></a:p></xdr:txBody></xdr:sp>'
    )
    name = re.search(r'name="([^"]+)"', element).group(1)  # type: ignore[union-attr]
    return (
        f'<mc:AlternateContent xmlns:mc="{MC}"><mc:Choice xmlns:{requires}="{namespace}"'
        f' Requires="{requires}"><xdr:graphicFrame macro=""><xdr:nvGraphicFramePr>'
        f'<xdr:cNvPr id="{number + 1}" name="{name}">{creation_id(0x400 + number)}</xdr:cNvPr>'
        '<xdr:cNvGraphicFramePr/></xdr:nvGraphicFramePr><xdr:xfrm><a:off x="0" y="0"/><a:ext cx="0" cy="0"/>'
        f'</xdr:xfrm><a:graphic><a:graphicData uri="{uri}">{element}</a:graphicData></a:graphic>'
        f"</xdr:graphicFrame></mc:Choice><mc:Fallback>{fallback}</mc:Fallback></mc:AlternateContent>"
    )


def table_slicer(book: Book) -> None:
    actions = book.sheet("Actions")
    table = book.related(actions, "table")[0]
    table_id = re.search(r'<table [^>]*\bid="(\d+)"', book.text(table)).group(1)  # type: ignore[union-attr]
    column = re.findall(r'<tableColumn [^>]*name="([^"]+)"', book.text(table)).index(ROWS) + 1
    cache = book.free("xl/slicerCaches/slicerCache{}.xml")
    book.put(
        cache,
        f'{HEAD}<slicerCacheDefinition xmlns="{X14}" {ROOT} name="Slicer_{ROWS}" xr10:uid="{guid(0x500)}"'
        f' sourceName="{ROWS}"><extLst><x:ext uri="{{2F2917AC-EB37-4324-AD4E-5DD8C200BD13}}"'
        f' xmlns:x15="{X15}"><x15:tableSlicerCache tableId="{table_id}" column="{column}"/></x:ext></extLst>'
        "</slicerCacheDefinition>",
    )
    book.content_type(cache, "application/vnd.ms-excel.slicerCache+xml")
    rid = book.relate("xl/workbook.xml", OFFICE_2007 + "slicerCache", cache)
    body = f'<x15:slicerCaches xmlns:x14="{X14}"><x14:slicerCache r:id="{rid}"/></x15:slicerCaches>'
    book.add_ext("xl/workbook.xml", "{46BE6895-7355-4a93-B00E-2C351335B9C9}", body, "x15", X15)
    book.defined_name(f"Slicer_{ROWS}", "#N/A")
    slicers = book.free("xl/slicers/slicer{}.xml")
    book.put(
        slicers,
        f'{HEAD}<slicers xmlns="{X14}" {ROOT}><slicer name="{ROWS}" xr10:uid="{guid(0x501)}"'
        f' cache="Slicer_{ROWS}" caption="{ROWS}" rowHeight="241300"/></slicers>',
    )
    book.content_type(slicers, "application/vnd.ms-excel.slicer+xml")
    rid = book.relate(actions, OFFICE_2007 + "slicer", slicers)
    body = f'<x14:slicerList xmlns:x14="{X14}"><x14:slicer r:id="{rid}"/></x14:slicerList>'
    book.add_ext(actions, "{3A4CF648-6AED-40f4-86FF-DC5316D8AED3}", body, "x15", X15)
    element = f'<sle:slicer xmlns:sle="{SLICER}" name="{ROWS}"/>'
    words = "This shape represents a table slicer. Table slicers are not supported in this version of Excel."
    drawn = frame(1, element, "sle15", SLICER_2013, SLICER, words)
    add_anchor(book, new_drawing(book, actions), two_cell((13, 1), (16, 14), drawn, "absolute"))


def timeline(book: Book, first: date, last: date) -> None:
    sheet = book.sheet("Pivot")
    definition = book.related(book.related(sheet, "pivotTable")[0], "pivotCacheDefinition")[0]
    cache_id = re.search(r'pivotCacheId="(\d+)"', book.text(definition)).group(1)  # type: ignore[union-attr]
    cache = book.free("xl/timelineCaches/timelineCache{}.xml")
    book.put(
        cache,
        f'{HEAD}<timelineCacheDefinition xmlns="{X15}" {TIMELINE_CACHE_ROOT} name="NativeTimeline_{DATES}"'
        f' xr10:uid="{guid(0x502)}" sourceName="{DATES}">'
        f'<pivotTables><pivotTable tabId="{book.sheet_id("Pivot")}" name="PivotTable1"/></pivotTables><state'
        f' minimalRefreshVersion="6" lastRefreshVersion="6" pivotCacheId="{cache_id}" filterType="unknown">'
        f'<bounds startDate="{first.year}-01-01T00:00:00" endDate="{last.year + 1}-01-01T00:00:00"/></state>'
        "</timelineCacheDefinition>",
    )
    book.content_type(cache, "application/vnd.ms-excel.timelineCache+xml")
    rid = book.relate("xl/workbook.xml", OFFICE_2011 + "timelineCache", cache)
    body = f'<x15:timelineCacheRefs><x15:timelineCacheRef r:id="{rid}"/></x15:timelineCacheRefs>'
    book.add_ext("xl/workbook.xml", "{D0CA8CA8-9F24-4464-BF8E-62219DCF47F9}", body, "x15", X15)
    book.defined_name(f"NativeTimeline_{DATES}", "#N/A")
    timelines = book.free("xl/timelines/timeline{}.xml")
    book.put(
        timelines,
        f'{HEAD}<timelines xmlns="{X15}" {ROOT}><timeline name="{DATES}" xr10:uid="{guid(0x503)}"'
        f' cache="NativeTimeline_{DATES}" caption="{DATES}" level="2" selectionLevel="2"'
        f' scrollPosition="{first:%Y-%m-%d}T00:00:00"/></timelines>',
    )
    book.content_type(timelines, "application/vnd.ms-excel.timeline+xml")
    rid = book.relate(sheet, OFFICE_2011 + "timeline", timelines)
    body = f'<x15:timelineRefs><x15:timelineRef r:id="{rid}"/></x15:timelineRefs>'
    book.add_ext(sheet, "{7E03D99C-DC04-49d9-9315-930204A7B6E9}", body, "x15", X15)
    element = f'<tsle:timeslicer xmlns:tsle="{TIMESLICER}" name="{DATES}"/>'
    words = "Timeline: Works in Excel 2013 or higher. Do not move or resize."
    drawn = frame(2, element, "tsle", TIMESLICER, TIMESLICER, words)
    add_anchor(book, new_drawing(book, sheet), two_cell((3, 2), (8, 9), drawn, "oneCell"))


def slicer_timeline(path: Path) -> None:
    pivot(path)
    starts = [row[5] for row in sheet_rows(path, "Actions")[1:] if isinstance(row[5], date)]
    with Book.edit(path) as book:
        table_slicer(book)
        timeline(book, min(starts), max(starts))
