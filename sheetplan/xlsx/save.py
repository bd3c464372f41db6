"""Saving an openpyxl workbook with the cells of its plain sheets formatted straight into XML.

openpyxl builds an XML element for every cell and serialises it through a general-purpose writer:
about 27 µs a cell, most of the time `review` spent on a big plan. The cells of a sheet are a
regular piece of XML, so here they are formatted into the same bytes openpyxl writes
(`<c r="B7" s="3" t="n"><v>950</v></c>`), at 3 to 5 µs a cell. Everything around the cells (the
sheet's columns, merges, colour rules, dropdowns, page set-up, charts, and every other part of the
workbook) is still written by openpyxl itself.

Only plain cells are written here: numbers, text, dates, blanks and formulas (such as the lookups in
a plan's Forecasts), without rich text, array formulas, comments or hyperlinks. A sheet holding any
other cell goes through openpyxl's own writer whole.
"""

from __future__ import annotations

import datetime
import re
from io import BytesIO
from typing import IO, Any
from zipfile import ZIP_DEFLATED, ZipFile

from openpyxl import LXML
from openpyxl.cell.cell import Cell, MergedCell
from openpyxl.drawing.spreadsheet_drawing import SpreadsheetDrawing
from openpyxl.utils import get_column_letter
from openpyxl.utils.datetime import to_excel
from openpyxl.workbook.workbook import Workbook
from openpyxl.worksheet._writer import WorksheetWriter
from openpyxl.worksheet.dimensions import SheetDimension
from openpyxl.worksheet.worksheet import Worksheet
from openpyxl.writer.excel import ExcelWriter

_EMPTY_SHEET_DATA = re.compile(rb"<sheetData\s*/>|<sheetData></sheetData>")
_BLANK_TYPES = {"n": "n", "s": "inlineStr"}
"""The `t` attribute openpyxl gives a styled blank cell, by the cell's data type."""


def save_workbook(workbook: Workbook, target: IO[bytes]) -> None:
    """Write `workbook` to `target` as `Workbook.save` would, with plain sheets' cells written fast."""
    archive = ZipFile(target, "w", ZIP_DEFLATED, allowZip64=True)
    now = datetime.datetime.now(tz=datetime.UTC).replace(tzinfo=None)
    workbook.properties.modified = now
    _Writer(workbook, archive).save()


def sheet_data(worksheet: Worksheet) -> tuple[bytes, str] | None:
    """The `<sheetData>` element of a worksheet as openpyxl writes it, and the sheet's dimension
    (`A1:N200`); None when a cell is not plain."""
    try:
        parts = _rows(worksheet)
    except _NotPlain:
        return None
    return f"<sheetData>{''.join(parts)}</sheetData>".encode(), _dimension(worksheet)


class _NotPlain(Exception):
    """A cell that only openpyxl's own writer handles."""


class _Writer(ExcelWriter):  # type: ignore[misc]
    def write_worksheet(self, ws: Worksheet) -> None:
        plain = not (self.workbook.write_only or self.workbook.iso_dates)
        found = sheet_data(ws) if plain else None
        if found is None:
            super().write_worksheet(ws)
            return
        cells, dimension = found
        # What ExcelWriter.write_worksheet does, with the cells spliced into the sheet openpyxl writes.
        ws._drawing = SpreadsheetDrawing()
        ws._drawing.charts = ws._charts
        ws._drawing.images = ws._images
        writer = _SheetWithoutCells(ws, dimension)
        writer.write()
        head, tail = _EMPTY_SHEET_DATA.split(writer.read(), maxsplit=1)
        ws._rels = writer._rels
        self._archive.writestr(ws.path[1:], b"".join((head, cells, tail)))
        self.manifest.append(ws)


class _SheetWithoutCells(WorksheetWriter):  # type: ignore[misc]
    """openpyxl's sheet writer, leaving `<sheetData>` empty for the cells written beside it."""

    def __init__(self, ws: Worksheet, dimension: str) -> None:
        super().__init__(ws, out=BytesIO())
        self.dimension = dimension

    def write_dimensions(self) -> None:
        # openpyxl would walk every cell again to find what `_dimension` already found.
        self.xf.send(SheetDimension(self.dimension).to_tree())

    def write_rows(self) -> None:
        xf = self.xf.send(True)
        with xf.element("sheetData"):
            pass
        self.xf.send(None)


def _dimension(worksheet: Worksheet) -> str:
    """The sheet's used range as `Worksheet.calculate_dimension` gives it, from its cells' positions."""
    if not worksheet._cells:
        return "A1:A1"
    rows = [row for row, _ in worksheet._cells]
    columns = {column for _, column in worksheet._cells}
    first = f"{get_column_letter(min(columns))}{min(rows)}"
    return f"{first}:{get_column_letter(max(columns))}{max(rows)}"


def _rows(worksheet: Worksheet) -> list[str]:
    """The XML of the sheet's rows and cells, in openpyxl's order and exact form; raises _NotPlain.

    This runs once per cell of the workbook, so it is written for speed: one pass, looking each
    style and column letter up once.
    """
    cells = sorted(worksheet._cells.items())
    dimensions = worksheet.row_dimensions
    # Rows with a height or style but no cells are written too, as openpyxl does.
    bare = sorted(dimensions.keys() - {row for row, _ in worksheet._cells})
    workbook = worksheet.parent
    epoch = workbook.epoch
    styled = _Styles(workbook)
    last_column = max((column for _, column in worksheet._cells), default=0)
    letters = ["", *(get_column_letter(column) for column in range(1, last_column + 1))]
    out: list[str] = []
    current = 0
    for (row, column), cell in cells:
        if row != current:
            if current:
                out.append("</row>")
            while bare and bare[0] < row:
                out.append(_row_start(bare.pop(0), dimensions) + "</row>")
            current = row
            out.append(_row_start(row, dimensions))
        if type(cell) is Cell:
            if cell._comment is not None or cell._hyperlink is not None:
                raise _NotPlain
        elif type(cell) is not MergedCell:
            raise _NotPlain
        style = cell._style
        s = "" if style is None else styled.get(style.tobytes())
        if s is None:
            s = styled.add(style)
        value = cell._value
        kind = type(value)
        data_type = cell.data_type
        if value is None:
            if not s:
                continue
            if data_type not in _BLANK_TYPES:
                raise _NotPlain
            out.append(f'<c r="{letters[column]}{row}"{s} t="{_BLANK_TYPES[data_type]}" />')
        elif kind is str and data_type == "s":
            if not value:
                out.append(f'<c r="{letters[column]}{row}"{s} t="inlineStr" />')
                continue
            # openpyxl keeps the spaces of text that begins or ends with them; with lxml, also of
            # text that is nothing but spaces.
            stripped = value.strip()
            space = ' xml:space="preserve"' if stripped != value and (stripped or LXML) else ""
            if "&" in value or "<" in value or ">" in value:
                value = value.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
            out.append(f'<c r="{letters[column]}{row}"{s} t="inlineStr"><is><t{space}>{value}</t></is></c>')
        elif (kind is float or kind is int) and data_type == "n":
            out.append(f'<c r="{letters[column]}{row}"{s} t="n">{_number(value)}</c>')
        elif data_type == "d" and (kind is datetime.date or (kind is datetime.datetime and not value.tzinfo)):
            out.append(f'<c r="{letters[column]}{row}"{s} t="n">{_number(to_excel(value, epoch))}</c>')
        elif data_type == "f" and kind is str and len(value) > 1:
            # A formula as typed, without its result: openpyxl keeps none.
            formula = value[1:]
            if "&" in formula or "<" in formula or ">" in formula:
                formula = formula.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
            out.append(f'<c r="{letters[column]}{row}"{s}><f>{formula}</f><v /></c>')
        else:
            raise _NotPlain
    if current:
        out.append("</row>")
    out.extend(_row_start(row, dimensions) + "</row>" for row in bare)
    return out


class _Styles(dict[bytes, str]):
    """A cell style's `s` attribute (` s="3"`, or nothing for the default style), by the style's bytes."""

    def __init__(self, workbook: Workbook) -> None:
        super().__init__()
        self.workbook = workbook

    def add(self, style: Any) -> str:
        found = f' s="{self.workbook._cell_styles.add(style)}"' if any(style) else ""
        self[style.tobytes()] = found
        return found


def _row_start(row: int, dimensions: Any) -> str:
    attributes = {"r": f"{row}"}
    dimension = dimensions.get(row)
    if dimension is not None:
        attributes.update(dimension)
    return "<row" + "".join(f' {key}="{_escape_attribute(value)}"' for key, value in attributes.items()) + ">"


def _number(value: float) -> str:
    """A number's `<v>` as openpyxl writes it: 16 significant digits; empty for NaN or infinity."""
    if value - value == 0:
        return f"<v>{value:.16g}</v>"
    return "<v />"


def _escape_attribute(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace('"', "&quot;")
