"""The Guide tab for Google Sheets: the template's own Guide, turned into a backend-neutral layout.

The Guide is written by `guide.write_guide` with XlsxWriter. Rather than describe it a second time,
it is written into a small workbook in memory and read back with openpyxl (a few hundredths of a
second): its text, fonts, fills, merges and sizes become a `SheetLayout` that `gsheets.draw`
draws. Its commands name the Google Sheet (`sheetplan review gsheet:KEY`), not a file.
"""

from __future__ import annotations

import io
from typing import Any, Literal

import openpyxl
from xlsxwriter.workbook import Workbook

from sheetplan.layout.sheet import Cell, Range, SheetLayout, Style
from sheetplan.plan.model import Month
from sheetplan.plan.presets import load_preset
from sheetplan.plan.schema import GUIDE, Lang
from sheetplan.template.guide import write_guide


def guide_layout(lang: Lang, months: tuple[Month, ...], source: str) -> SheetLayout:
    """The Guide of a plan of these months, in `lang`, whose commands name `source`."""
    buffer = io.BytesIO()
    workbook = Workbook(buffer, {"in_memory": True, "strings_to_formulas": False, "strings_to_urls": False})
    write_guide(workbook, lang, load_preset("guide")[lang], months, source)
    workbook.close()
    worksheet = openpyxl.load_workbook(io.BytesIO(buffer.getvalue()))[GUIDE.name(lang)]
    styles: dict[Style, str] = {}
    cells: list[Cell] = []
    for row in worksheet.iter_rows():
        for found in row:
            style = _style(found)
            if found.value is None and style.fill is None and not style.underline:
                continue
            name = styles.setdefault(style, f"s{len(styles)}")
            value = found.value if isinstance(found.value, str | int | float) else None
            cells.append(Cell(found.row, found.column, value, name))
    merges = tuple(
        Range(merged.min_row, merged.min_col, merged.max_row, merged.max_col)
        for merged in worksheet.merged_cells.ranges
    )
    widths = {
        openpyxl.utils.column_index_from_string(letter): float(dimension.width)
        for letter, dimension in worksheet.column_dimensions.items()
        if dimension.width
    }
    heights = {
        row: float(dimension.height)
        for row, dimension in worksheet.row_dimensions.items()
        if dimension.height
    }
    return SheetLayout(
        name=worksheet.title,
        cells=tuple(cells),
        styles={name: style for style, name in styles.items()},
        merges=merges,
        widths=widths,
        heights=heights,
        landscape=False,
    )


def _style(cell: Any) -> Style:
    font, fill, alignment = cell.font, cell.fill, cell.alignment
    valign: Literal["top", "center"] = "center" if alignment.vertical == "center" else "top"
    return Style(
        bold=bool(font.b),
        italic=bool(font.i),
        size=float(font.sz or 11),
        colour=_rgb(font.color),
        fill=_rgb(fill.fgColor) if fill.fill_type == "solid" else None,
        number_format="General",
        underline=bool(cell.border.bottom.style),
        valign=valign,
        wrap=bool(alignment.wrap_text),
        font="Courier New" if font.name == "Courier New" else "Arial",
    )


def _rgb(colour: Any) -> str | None:
    """An openpyxl colour's RGB hex; None for theme and indexed colours, which keep the default."""
    rgb = getattr(colour, "rgb", None)
    if isinstance(rgb, str) and len(rgb) == 8 and getattr(colour, "type", "rgb") == "rgb":
        return rgb[2:]
    return None
