"""The Guide sheet: the five fundamentals, how to fill in each sheet and the monthly routine.

The prose comes from `templates/guide.toml`; the list of sheets and columns comes from the schema, so
the Guide always describes the workbook it is part of. sheetplan never reads the Guide back.
"""

from __future__ import annotations

import math
import shlex
from typing import Any

from xlsxwriter.utility import quote_sheetname
from xlsxwriter.workbook import Workbook
from xlsxwriter.worksheet import Worksheet

from sheetplan import __version__
from sheetplan.plan.model import Month
from sheetplan.plan.schema import GUIDE, INPUT_SHEETS, Lang
from sheetplan.template.tables import CLASH_FILL, HEADER_COLOUR, MISSING_FILL

_WIDTHS = (2, 26, 14, 72)
"""Columns A to D: a margin, names, required or optional, and the text."""
_LINE_HEIGHT = 15.0


class _Page:
    """A cursor over the Guide sheet that writes one row at a time."""

    def __init__(self, workbook: Workbook, worksheet: Worksheet) -> None:
        self.worksheet = worksheet
        self.row = 0
        styles: dict[str, dict[str, Any]] = {
            "title": {"bold": True, "font_size": 20, "font_color": HEADER_COLOUR, "text_wrap": False},
            "heading": {
                "bold": True,
                "font_size": 14,
                "font_color": HEADER_COLOUR,
                "bottom": 2,
                "bottom_color": HEADER_COLOUR,
            },
            "text": {},
            "bold": {"bold": True},
            "sheet": {"bold": True, "bg_color": "#DDEBF7", "font_color": HEADER_COLOUR, "underline": 1},
            "sheet_text": {"bg_color": "#DDEBF7"},
            "required": {"bold": True, "font_color": "#9C0006"},
            "optional": {"font_color": "#595959"},
            "missing": {"bg_color": MISSING_FILL},
            "clash": {"bg_color": CLASH_FILL},
            "footer": {"italic": True, "font_color": "#7F7F7F", "font_size": 9},
        }
        self.fmt = {
            name: workbook.add_format({"valign": "top", "text_wrap": True, **props})
            for name, props in styles.items()
        }
        self.code = workbook.add_format({"bold": True, "font_name": "Courier New"})

    def skip(self) -> None:
        self.row += 1

    def line(self, text: str, style: str, first: int = 1, *, height: float | None = None) -> None:
        """Text across columns `first` to D, with the row made tall enough for it."""
        self.cell(first, 3, text, style)
        self.fit(text, sum(_WIDTHS[first:]), height)
        self.row += 1

    def cell(self, first: int, last: int, text: str, style: str) -> None:
        if first < last:
            self.worksheet.merge_range(self.row, first, self.row, last, "", self.fmt[style])
        self.worksheet.write_string(self.row, first, text, self.fmt[style])

    def fit(self, text: str, width: float, height: float | None = None) -> None:
        # Spreadsheet programs do not grow merged rows to fit wrapped text, so estimate the lines.
        lines = sum(max(1, math.ceil(len(part) * 1.1 / width)) for part in text.split("\n"))
        self.worksheet.set_row(self.row, height or _LINE_HEIGHT * lines + 2)

    def commands(self, first: int, text: str) -> None:
        """Text in which commands stand between double spaces; they are shown in a code font."""
        self.worksheet.merge_range(self.row, first, self.row, 3, "", self.fmt["text"])
        parts = text.split("  ")
        if len(parts) == 1:
            self.worksheet.write_string(self.row, first, text, self.fmt["text"])
        else:
            segments: list[Any] = []
            for number, part in enumerate(parts):
                if number % 2:
                    segments += [self.code, part]
                elif part:
                    segments.append((" " if number else "") + part + (" " if number < len(parts) - 1 else ""))
            self.worksheet.write_rich_string(self.row, first, *segments, self.fmt["text"])
        self.fit(text, sum(_WIDTHS[first:]))
        self.row += 1


def write_guide(
    workbook: Workbook, lang: Lang, text: dict[str, Any], months: tuple[Month, ...], file: str
) -> Worksheet:
    """The Guide sheet, first in the workbook, in `lang`."""
    worksheet = workbook.add_worksheet(GUIDE.name(lang))
    worksheet.hide_gridlines(2)
    worksheet.set_tab_color(HEADER_COLOUR)
    for number, width in enumerate(_WIDTHS):
        worksheet.set_column(number, number, width)
    worksheet.set_portrait()
    worksheet.set_paper(9)
    worksheet.fit_to_pages(1, 0)
    worksheet.set_margins(left=0.5, right=0.5, top=0.6, bottom=0.6)
    page = _Page(workbook, worksheet)
    page.line(text["title"], "title", height=30)
    page.line(text["intro"], "text")
    page.skip()

    page.line(text["fundamentals_title"], "heading", height=24)
    for number, (name, explanation) in enumerate(text["fundamentals"], start=1):
        page.cell(1, 1, f"{number}. {name}", "bold")
        page.line(explanation, "text", first=2)
    page.skip()

    page.line(text["sheets_title"], "heading", height=24)
    page.line(text["sheets_intro"], "text")
    for sheet in INPUT_SHEETS:
        page.skip()
        name = sheet.name(lang)
        worksheet.write_url(page.row, 1, f"internal:{quote_sheetname(name)}!A1", page.fmt["sheet"], name)
        page.line(text["sheets"][sheet.key], "sheet_text", first=2)
        for column in sheet.columns:
            page.cell(1, 1, column.header(lang), "text")
            _need(page, text, column.required)
            described = text["columns"].get(f"{sheet.key}.{column.key}")
            page.line(described or (column.hint(lang) if column.hint else ""), "text", first=3)
        if sheet.monthly:
            page.cell(1, 1, f"{months[0]} … {months[-1]}", "text")
            _need(page, text, sheet.months_required)
            page.line(text["month_columns"], "text", first=3)
    page.skip()

    page.line(text["colours_title"], "heading", height=24)
    for style in ("missing", "clash"):
        page.cell(1, 1, "", style)
        page.line(text[f"{'missing' if style == 'missing' else 'duplicate'}_colour"], "text", first=2)
    page.skip()

    page.line(text["routine_title"], "heading", height=24)
    for number, step in enumerate(text["routine"], start=1):
        page.cell(1, 1, f"{number}.", "bold")
        page.commands(2, step.format(file=shlex.quote(file)))
    page.skip()
    page.line(text["footer"].format(version=__version__, first=months[0], last=months[-1]), "footer")
    worksheet.activate()
    return worksheet


def _need(page: _Page, text: dict[str, Any], required: bool) -> None:
    """The cell that says whether a column must be filled in."""
    need = "required" if required else "optional"
    page.cell(2, 2, text[need], need)
