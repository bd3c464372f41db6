"""OpenDocument spreadsheets written by hand, the way LibreOffice stores them, for tests without LibreOffice.

`write_ods(path, grid)` writes each sheet of a Grid as a table: text, numbers, dates and booleans as
LibreOffice types them, runs of blank cells as one repeated cell, and the runs LibreOffice leaves at the
end of every row and table (blank cells up to column XFD, blank rows up to row 1,048,576). `far` adds
cells far from the rest, by 1-based position; `pretty` indents the XML as a pretty-printer would.
"""

from __future__ import annotations

import zipfile
from collections.abc import Mapping, Sequence
from datetime import date, datetime
from pathlib import Path
from typing import Any
from xml.sax.saxutils import escape, quoteattr

MIMETYPE = "application/vnd.oasis.opendocument.spreadsheet"
NAMESPACES = (
    'xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0"'
    ' xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0"'
    ' xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"'
    ' xmlns:calcext="urn:org:documentfoundation:names:experimental:calc:xmlns:calcext:1.0"'
)
MANIFEST = (
    '<?xml version="1.0" encoding="UTF-8"?><manifest:manifest'
    ' xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" manifest:version="1.2">'
    f'<manifest:file-entry manifest:full-path="/" manifest:media-type="{MIMETYPE}"/>'
    '<manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/>'
    "</manifest:manifest>"
)
COLUMNS, ROWS = 16_384, 1_048_576


def cell(value: Any) -> str:
    """One table cell holding `value`, typed as LibreOffice types it."""
    if value is None or value == "":
        return "<table:table-cell/>"
    if isinstance(value, bool):
        shown = "TRUE" if value else "FALSE"
        kind = f'office:value-type="boolean" office:boolean-value="{str(value).lower()}"'
        return (
            f'<table:table-cell {kind} calcext:value-type="boolean"><text:p>{shown}</text:p>'
            "</table:table-cell>"
        )
    if isinstance(value, int | float):
        return (
            f'<table:table-cell office:value-type="float" office:value="{value}" calcext:value-type="float">'
            f"<text:p>{value}</text:p></table:table-cell>"
        )
    if isinstance(value, datetime | date):
        return (
            f'<table:table-cell office:value-type="date" office:date-value="{value.isoformat()}"'
            f' calcext:value-type="date"><text:p>{value.isoformat()}</text:p></table:table-cell>'
        )
    return (
        '<table:table-cell office:value-type="string" calcext:value-type="string">'
        f"<text:p>{escape(str(value))}</text:p></table:table-cell>"
    )


def _row(values: Sequence[Any]) -> str:
    cells, blanks = [], 0
    for value in values:
        if value is None or value == "":
            blanks += 1
            continue
        if blanks:
            cells.append(f'<table:table-cell table:number-columns-repeated="{blanks}"/>')
            blanks = 0
        cells.append(cell(value))
    used = len(values) - blanks
    cells.append(f'<table:table-cell table:number-columns-repeated="{COLUMNS - used}"/>')
    return "<table:table-row>" + "".join(cells) + "</table:table-row>"


def table_xml(
    name: str, rows: Sequence[Sequence[Any]], far: Mapping[tuple[int, int], Any] | None = None
) -> str:
    """A table of `rows` from A1, then the `far` cells in rows of their own, ended as LibreOffice ends one."""
    body = [_row(row) for row in rows]
    done = len(rows)
    by_row: dict[int, dict[int, Any]] = {}
    for (row, column), value in (far or {}).items():
        by_row.setdefault(row, {})[column] = value
    for row, cells in sorted(by_row.items()):
        if row > done + 1:
            body.append(
                f'<table:table-row table:number-rows-repeated="{row - done - 1}">'
                f'<table:table-cell table:number-columns-repeated="{COLUMNS}"/></table:table-row>'
            )
        body.append(_row([cells.get(column, "") for column in range(1, max(cells) + 1)]))
        done = row
    if done < ROWS:
        body.append(
            f'<table:table-row table:number-rows-repeated="{ROWS - done}">'
            f'<table:table-cell table:number-columns-repeated="{COLUMNS}"/></table:table-row>'
        )
    columns = f'<table:table-column table:number-columns-repeated="{COLUMNS}"/>'
    return f"<table:table table:name={quoteattr(name)}>{columns}{''.join(body)}</table:table>"


def write_ods(
    path: Path,
    grid: Mapping[str, Sequence[Sequence[Any]]],
    far: Mapping[str, Mapping[tuple[int, int], Any]] | None = None,
    pretty: bool = False,
) -> Path:
    """An .ods file holding `grid`, with the `far` cells of each sheet (name to position to value)."""
    tables = "".join(table_xml(name, rows, (far or {}).get(name)) for name, rows in grid.items())
    content = (
        f'<?xml version="1.0" encoding="UTF-8"?><office:document-content {NAMESPACES} office:version="1.2">'
        f"<office:body><office:spreadsheet>{tables}</office:spreadsheet></office:body></office:document-content>"
    )
    if pretty:
        content = content.replace("><table:", ">\n    <table:").replace(
            "></table:table-", ">\n  </table:table-"
        )
        content = content.replace("<text:p>", "\n      <text:p>").replace("</text:p>", "</text:p>\n    ")
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr(zipfile.ZipInfo("mimetype"), MIMETYPE, zipfile.ZIP_STORED)
        archive.writestr("META-INF/manifest.xml", MANIFEST)
        archive.writestr("content.xml", content)
    return path
