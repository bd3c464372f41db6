"""Cells as the Sheets API writes them: values, number formats, colours, styles and sizes.

Text always goes in as `stringValue`, the API's RAW: an action called `=HYPERLINK(...)` stays text
and never becomes a formula; only a workbook's formula cell (`FormulaValue`) goes in as a formula.
Dates go in as serial numbers (days since 1899-12-30) with a date format, as Google stores them.
"""

from __future__ import annotations

import re
from datetime import date, datetime, time
from typing import Any

from sheetplan.layout.sheet import Range, Style
from sheetplan.plan.model import SERIAL_EPOCH, CellValue, ErrorValue, FormulaValue
from sheetplan.plan.schema import DATE_FORMAT

_DATE_TIME_FORMAT = "yyyy-mm-dd hh:mm"
_LITERALS = re.compile(r'"[^"]*"|\[[^\]]*\]|\\.')
"""What a number format shows as it is: quoted text, `[Red]`-style colours and escaped characters."""

CellData = dict[str, Any]


def serial(value: date) -> int | float:
    """A date or date and time as a spreadsheet serial number."""
    moment = value if isinstance(value, datetime) else datetime(value.year, value.month, value.day)
    days = (moment.replace(tzinfo=None) - datetime.combine(SERIAL_EPOCH, time())).total_seconds() / 86400
    return int(days) if days.is_integer() else days


def entered_value(value: CellValue) -> dict[str, Any] | None:
    """A cell's value as a `userEnteredValue`; None for a blank cell."""
    if value is None or value == "":
        return None
    if isinstance(value, bool):
        return {"boolValue": value}
    if isinstance(value, int | float):
        return {"numberValue": int(value) if float(value).is_integer() else value}
    if isinstance(value, date):
        return {"numberValue": serial(value)}
    if isinstance(value, ErrorValue):
        return {"stringValue": value.code}
    if isinstance(value, FormulaValue):
        # A workbook's formula whose result was never saved: Google computes it.
        return {"formulaValue": value.formula}
    return {"stringValue": str(value)}


def date_format(value: CellValue, pattern: str | None) -> str | None:
    """The number format a date needs when its column has none: a date's or a date and time's."""
    if not isinstance(value, date):
        return pattern
    if pattern and _is_date_pattern(pattern):
        return pattern
    if isinstance(value, datetime) and value.time() != datetime.min.time():
        return _DATE_TIME_FORMAT
    return DATE_FORMAT


def _is_date_pattern(pattern: str) -> bool:
    """Whether a number format shows a date or time: only those use the letters y, d and h."""
    return bool(re.search(r"[ydh]", _LITERALS.sub("", pattern), re.IGNORECASE))


def number_format(pattern: str | None) -> dict[str, str] | None:
    """An Excel-style number format as a Sheets `numberFormat`; None for General."""
    if not pattern or pattern == "General":
        return None
    if pattern == "@":
        return {"type": "TEXT"}
    if _is_date_pattern(pattern):
        kind = "DATE_TIME" if re.search(r"h", _LITERALS.sub("", pattern), re.IGNORECASE) else "DATE"
        return {"type": kind, "pattern": pattern}
    kind = "PERCENT" if "%" in _LITERALS.sub("", pattern) else "NUMBER"
    return {"type": kind, "pattern": pattern}


def colour(hex_rgb: str) -> dict[str, float]:
    """`1F4E78` (or `#1F4E78`) as a Sheets Color."""
    digits = hex_rgb.lstrip("#")
    red, green, blue = (int(digits[i : i + 2], 16) / 255 for i in (0, 2, 4))
    return {"red": round(red, 4), "green": round(green, 4), "blue": round(blue, 4)}


_GREY_LINE = {"style": "SOLID", "colorStyle": {"rgbColor": colour("BFBFBF")}}
_UNDERLINE = {"style": "SOLID_MEDIUM", "colorStyle": {"rgbColor": colour("1F3864")}}
_ALIGN = {"left": "LEFT", "center": "CENTER", "right": "RIGHT"}
_VALIGN = {"top": "TOP", "center": "MIDDLE"}


BORDER = _GREY_LINE
"""The thin grey line of a layout Style's `border`."""
_DEFAULT_FONT = ("Arial", 10)
"""Google Sheets' own font and size, which a format need not repeat."""


def cell_format(style: Style) -> dict[str, Any]:
    """A layout Style as a `userEnteredFormat`, leaving out what is Google's default anyway."""
    text: dict[str, Any] = {}
    if style.font != _DEFAULT_FONT[0]:
        text["fontFamily"] = style.font
    if style.size != _DEFAULT_FONT[1]:
        text["fontSize"] = round(style.size)  # the API takes whole points only
    if style.bold:
        text["bold"] = True
    if style.italic:
        text["italic"] = True
    if style.colour:
        text["foregroundColor"] = colour(style.colour)
    found: dict[str, Any] = {"verticalAlignment": _VALIGN[style.valign]}
    if text:
        found["textFormat"] = text
    if style.fill:
        found["backgroundColor"] = colour(style.fill)
    if style.border:
        found["borders"] = {side: _GREY_LINE for side in ("top", "bottom", "left", "right")}
    elif style.underline:
        found["borders"] = {"bottom": _UNDERLINE}
    if style.align:
        found["horizontalAlignment"] = _ALIGN[style.align]
    if style.wrap:
        found["wrapStrategy"] = "WRAP"
    if style.indent:
        found["padding"] = {"left": 3 + 8 * style.indent}
    number = number_format(style.number_format)
    if number:
        found["numberFormat"] = number
    return found


def column_pixels(width: float) -> int:
    """A column width in characters (Excel's unit) as Sheets pixels."""
    return round(7 * width + 5)


def row_pixels(points: float) -> int:
    """A row height in points as Sheets pixels."""
    return round(points * 4 / 3)


def grid_range(sheet_id: int, cells: Range) -> dict[str, int]:
    """A 1-based layout Range as a 0-based, end-exclusive GridRange."""
    return {
        "sheetId": sheet_id,
        "startRowIndex": cells.first_row - 1,
        "endRowIndex": cells.last_row,
        "startColumnIndex": cells.first_column - 1,
        "endColumnIndex": cells.last_column,
    }
