"""A pivot table the way Excel 365 saves it, for the corpus: the budget by status over the Actions rows.

`pivot` adds a "Pivot" sheet after the others: the pivot table, its cache definition and records
(every field's values as shared items, as Excel keeps those it can filter on), `<pivotCaches>` in
workbook.xml, and the cells the pivot shows, with the results Excel saved. Its cache carries the
x14 `pivotCacheId` a slicer or timeline refers to. A workbook that has a Pivot sheet is left as it is.
"""

from __future__ import annotations

import re
from datetime import date, timedelta
from pathlib import Path
from typing import Any
from xml.sax.saxutils import escape

from excel_corpus.book import Book
from excel_corpus.cells import number, shared_string, sheet_rows
from excel_corpus.parts import CT, HEAD, REL, X14

MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
ROWS, VALUES, DATES = "Status", "Budget", "Start"
"""The pivot's row field, data field, and the date field a timeline filters."""
TABLE = (
    ' applyNumberFormats="0" applyBorderFormats="0" applyFontFormats="0" applyPatternFormats="0"'
    ' applyAlignmentFormats="0" applyWidthHeightFormats="1" dataCaption="Values" updatedVersion="8"'
    ' minRefreshableVersion="3" useAutoFormatting="1" itemPrintTitles="1" createdVersion="8" indent="0"'
    ' outlineData="1" multipleFieldFilters="0"'
)
"""The attributes Excel 365 gives a new pivot table."""
TABLE_END = (
    '<pivotTableStyleInfo name="PivotStyleLight16" showRowHeaders="1" showColHeaders="1" showRowStripes="0"'
    ' showColStripes="0" showLastColumn="1"/><extLst><ext uri="{962EF5D1-5CA2-4c93-8EF4-DBF5C05439D2}"'
    f' xmlns:x14="{X14}"><x14:pivotTableDefinition hideValuesRow="1"'
    ' xmlns:xm="http://schemas.microsoft.com/office/excel/2006/main"/></ext></extLst>'
)


def item(value: Any) -> str:
    if value == "":
        return "<m/>"
    if isinstance(value, date):
        return f'<d v="{value:%Y-%m-%d}T00:00:00"/>'
    if isinstance(value, float | int):
        return f'<n v="{number(value)}"/>'
    return f'<s v="{escape(str(value))}"/>'


def cache_field(name: str, values: list[Any], sort: bool) -> tuple[str, list[int]]:
    """A `cacheField` with its values as shared items, and each record's index into them."""
    unique = list(dict.fromkeys(values))
    if sort:
        unique.sort(key=str)
    texts = [value for value in unique if isinstance(value, str) and value != ""]
    numbers = [value for value in unique if isinstance(value, float | int) and not isinstance(value, bool)]
    days = [value for value in unique if isinstance(value, date)]
    flags = []
    if not texts and "" not in unique:
        flags.append('containsSemiMixedTypes="0"')
    if days:
        flags += ([] if texts or numbers else ['containsNonDate="0"']) + ['containsDate="1"']
    if not texts:
        flags.append('containsString="0"')
    if "" in unique:
        flags.append('containsBlank="1"')
    if sum(bool(kind) for kind in (texts, numbers, days)) > 1:
        flags.append('containsMixedTypes="1"')
    if numbers:
        whole = all(float(value).is_integer() for value in numbers)
        flags += ['containsNumber="1"'] + (['containsInteger="1"'] if whole else [])
        flags += [f'minValue="{number(min(numbers))}"', f'maxValue="{number(max(numbers))}"']
    if days:
        flags += [
            f'minDate="{min(days):%Y-%m-%d}T00:00:00"',
            f'maxDate="{max(days) + timedelta(days=1):%Y-%m-%d}T00:00:00"',
        ]
    flags.append(f'count="{len(unique)}"')
    items = "".join(item(value) for value in unique)
    format_id = 14 if days else 0
    xml = f'<cacheField name="{escape(name)}" numFmtId="{format_id}"><sharedItems {" ".join(flags)}>{items}'
    return xml + "</sharedItems></cacheField>", [unique.index(value) for value in values]


def add_cache(book: Book, header: list[Any], records: list[list[Any]]) -> tuple[str, int]:
    """The pivot cache's definition and records, with `<pivotCaches>`; the definition and its cacheId."""
    fields, indexes = [], []
    for column, name in enumerate(header):
        xml, index = cache_field(name, [row[column] for row in records], sort=name == ROWS)
        fields.append(xml)
        indexes.append(index)
    taken = re.findall(r'cacheId="(\d+)"', book.text("xl/workbook.xml"))
    cache_id = 1 + max((int(found) for found in taken), default=0)
    definition = book.free("xl/pivotCache/pivotCacheDefinition{}.xml")
    records_part = definition.replace("Definition", "Records")
    rows = "".join(
        "<r>" + "".join(f'<x v="{index[row]}"/>' for index in indexes) + "</r>" for row in range(len(records))
    )
    book.put(
        records_part,
        f'{HEAD}<pivotCacheRecords xmlns="{MAIN}" xmlns:r="{REL[:-1]}" count="{len(records)}">{rows}'
        "</pivotCacheRecords>",
    )
    book.content_type(records_part, CT + "spreadsheetml.pivotCacheRecords+xml")
    source = f'<worksheetSource ref="A1:{chr(64 + len(header))}{len(records) + 1}" sheet="Actions"/>'
    book.put(
        definition,
        f'{HEAD}<pivotCacheDefinition xmlns="{MAIN}" xmlns:r="{REL[:-1]}" r:id="rId1"'
        ' refreshedBy="Maria Ivanova" refreshedDate="46357.4275" createdVersion="8" refreshedVersion="8"'
        ' minRefreshableVersion="3"'
        f' recordCount="{len(records)}"><cacheSource type="worksheet">{source}</cacheSource>'
        f'<cacheFields count="{len(fields)}">{"".join(fields)}</cacheFields><extLst>'
        f'<ext uri="{{725AE2AE-9491-48be-B2B4-4EB974FC3084}}" xmlns:x14="{X14}"><x14:pivotCacheDefinition'
        f' pivotCacheId="{cache_id}"/></ext></extLst></pivotCacheDefinition>',
    )
    book.content_type(definition, CT + "spreadsheetml.pivotCacheDefinition+xml")
    assert book.relate(definition, REL + "pivotCacheRecords", records_part) == "rId1"
    rid = book.relate("xl/workbook.xml", REL + "pivotCacheDefinition", definition)
    caches = f'<pivotCaches><pivotCache cacheId="{cache_id}" r:id="{rid}"/></pivotCaches>'
    book.insert("xl/workbook.xml", "pivotCaches", caches)
    return definition, cache_id


def pivot_field(name: str, statuses: list[str]) -> str:
    if name == ROWS:
        items = "".join(f'<item x="{index}"/>' for index in range(len(statuses)))
        return (
            f'<pivotField axis="axisRow" showAll="0"><items count="{len(statuses) + 1}">{items}'
            '<item t="default"/></items></pivotField>'
        )
    if name == VALUES:
        return '<pivotField dataField="1" showAll="0"/>'
    return '<pivotField numFmtId="14" showAll="0"/>' if name == DATES else '<pivotField showAll="0"/>'


def pivot(path: Path) -> None:
    rows = [row for row in sheet_rows(path, "Actions") if any(value != "" for value in row)]
    header, records = rows[0], rows[1:]
    statuses = sorted(dict.fromkeys(row[header.index(ROWS)] for row in records), key=str)
    last = 4 + len(statuses)
    items = "".join(f'<i><x v="{index}"/></i>' if index else "<i><x/></i>" for index in range(len(statuses)))
    fields = "".join(pivot_field(name, statuses) for name in header)
    with Book.edit(path) as book:
        if "Pivot" in book.sheet_names():
            return
        definition, cache_id = add_cache(book, header, records)
        table = book.free("xl/pivotTables/pivotTable{}.xml")
        book.put(
            table,
            f'{HEAD}<pivotTableDefinition xmlns="{MAIN}" name="PivotTable1" cacheId="{cache_id}"{TABLE}>'
            f'<location ref="A3:B{last}" firstHeaderRow="1" firstDataRow="1" firstDataCol="1"/>'
            f'<pivotFields count="{len(header)}">{fields}</pivotFields><rowFields count="1">'
            f'<field x="{header.index(ROWS)}"/></rowFields><rowItems count="{len(statuses) + 1}">{items}'
            '<i t="grand"><x/></i></rowItems><colItems count="1"><i/></colItems><dataFields count="1">'
            f'<dataField name="Sum of {VALUES}" fld="{header.index(VALUES)}" baseField="0" baseItem="0"/>'
            f"</dataFields>{TABLE_END}</pivotTableDefinition>",
        )
        book.content_type(table, CT + "spreadsheetml.pivotTable+xml")
        book.relate(table, REL + "pivotCacheDefinition", definition)

        def text(ref: str, value: str) -> str:
            return f'<c r="{ref}" t="s"><v>{shared_string(book, value)}</v></c>'

        budget, status = header.index(VALUES), header.index(ROWS)
        totals = [sum(float(r[budget] or 0) for r in records if r[status] == name) for name in statuses]
        cells = [f'<row r="3">{text("A3", "Row Labels")}{text("B3", f"Sum of {VALUES}")}</row>']
        for line, (name, total) in enumerate(
            [*zip(statuses, totals, strict=True), ("Grand Total", sum(totals))], start=4
        ):
            cells.append(
                f'<row r="{line}">{text(f"A{line}", name)}<c r="B{line}"><v>{number(total)}</v></c></row>'
            )
        sheet = book.add_sheet(
            "Pivot",
            f'{HEAD}<worksheet xmlns="{MAIN}" xmlns:r="{REL[:-1]}"><dimension ref="A3:B{last}"/><sheetViews>'
            '<sheetView workbookViewId="0"/></sheetViews><sheetFormatPr defaultRowHeight="15"/>'
            f'<sheetData>{"".join(cells)}</sheetData><pageMargins left="0.7" right="0.7" top="0.75"'
            ' bottom="0.75" header="0.3" footer="0.3"/></worksheet>',
        )
        book.relate(sheet, REL + "pivotTable", table)
