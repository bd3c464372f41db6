"""Reads one cell's value as what a column holds: text, a number, a date, a month or a percentage.

People type the same thing in several ways, and spreadsheet programs store it in several more; each
function here accepts the usual ones and raises `BadValue`, with a message that says what the cell
should hold, for anything else. They are pure and know nothing of sheets or addresses.
"""

from __future__ import annotations

import contextlib
import re
from datetime import date, datetime, timedelta

from sheetplan.plan.model import SERIAL_EPOCH, CellValue, ErrorValue, FormulaValue, Month


class BadValue(ValueError):
    """A cell's value cannot be read as what its column holds; the message says what it should be."""


"""Day 0 of spreadsheet serial dates (Excel's 1900 system from March 1900 on, LibreOffice, Google)."""
_SERIAL_RANGE = (18264, 109574)
"""Serial numbers read as dates: 1950-01-01 to 2199-12-31. Any other number is not a date, so that a
day typed as `15` is not taken for 14 January 1900."""

_SPACES = "\u00a0\u202f\u2009 "
_NUMBER_FORMS = (
    (re.compile(r"[+-]?(?:\d+(?:\.\d*)?|\.\d+)"), ""),  # 1234.5
    (re.compile(r"[+-]?\d{1,3}(?:,\d{3})+(?:\.\d+)?"), ","),  # 1,234.5 (and 1,234 is a thousand)
    (re.compile(rf"[+-]?\d{{1,3}}(?:[{_SPACES}]\d{{3}})+(?:[.,]\d+)?"), _SPACES),  # 1 234,5
    (re.compile(r"[+-]?\d+,\d+"), ""),  # 1234,5
    (re.compile(r"[+-]?\d{1,3}(?:\.\d{3})+,\d+"), "."),  # 1.234,5
)
_ISO_DATE = re.compile(r"(\d{4})[-/](\d{1,2})[-/](\d{1,2})(?:[T ]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?)?")
_DOTTED_DATE = re.compile(r"(\d{1,2})\.\s?(\d{1,2})\.\s?(\d{4})(?:\s*г\.?)?")
_DATE_HINT = "use a date such as 2026-03-31 or 31.03.2026"


def is_blank(value: CellValue) -> bool:
    """Whether a cell is empty: nothing, or text of spaces only."""
    return value is None or (isinstance(value, str) and not value.strip())


def shown(value: CellValue) -> str:
    """A cell's value as a message quotes it: on one line, and cut short when it is long."""
    if isinstance(value, FormulaValue):
        return _short(value.formula)
    if isinstance(value, ErrorValue):
        return _short(value.code)
    return f'"{_short(value)}"' if isinstance(value, str) else text(value)


def _short(typed: str, most: int = 60) -> str:
    folded = " ".join(typed.split())
    return folded if len(folded) <= most else folded[: most - 1] + "…"


def text(value: CellValue) -> str:
    """Any cell as text: what a text column holds, trimmed."""
    if value is None:
        return ""
    if isinstance(value, str):
        return value.strip()
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    if isinstance(value, float):
        return str(int(value)) if value.is_integer() else repr(value)
    if isinstance(value, datetime):
        return value.date().isoformat() if value.time() == datetime.min.time() else value.isoformat(" ")
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, ErrorValue):
        return value.code
    if isinstance(value, FormulaValue):
        return value.formula
    return str(value)


def name(value: CellValue) -> str:
    """An ID or a person's or channel's name: text with runs of spaces folded, as dropdowns compare."""
    return " ".join(text(value).split())


def number(value: CellValue) -> tuple[int | float, bool]:
    """The number a cell holds, and whether it was typed as text (`1 234,5`, `1,234.5`)."""
    if isinstance(value, bool) or not isinstance(value, int | float | str):
        raise BadValue(f"{shown(value)} is not a number")
    if isinstance(value, float) and value.is_integer():
        return int(value), False
    if not isinstance(value, str):
        return value, False
    return parse_number(value), True


def parse_number(typed: str) -> int | float:
    """A number typed as text in the English or the Bulgarian way; integral numbers as int."""
    cleaned = typed.strip().replace("\u2212", "-")
    for pattern, separators in _NUMBER_FORMS:
        if pattern.fullmatch(cleaned):
            for separator in separators:
                cleaned = cleaned.replace(separator, "")
            result = float(cleaned.replace(",", "."))
            return int(result) if result.is_integer() else result
    raise BadValue(f"{shown(typed)} is not a number")


def to_date(value: CellValue) -> date:
    """A date cell, ISO text `2026-03-31`, text `31.03.2026`, or a serial number; BadValue otherwise."""
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    if isinstance(value, int | float) and not isinstance(value, bool):
        if _SERIAL_RANGE[0] <= value <= _SERIAL_RANGE[1]:
            return SERIAL_EPOCH + timedelta(days=int(value))
        raise BadValue(f"{shown(value)} is not a date; {_DATE_HINT}")
    if isinstance(value, str):
        typed = value.strip()
        found = _ISO_DATE.fullmatch(typed)
        parts = (found[1], found[2], found[3]) if found else None
        if not found and (found := _DOTTED_DATE.fullmatch(typed)):
            parts = (found[3], found[2], found[1])
        if parts:
            try:
                return date(int(parts[0]), int(parts[1]), int(parts[2]))
            except ValueError:
                raise BadValue(f"{shown(typed)} is not a real date; {_DATE_HINT}") from None
    raise BadValue(f"{shown(value)} is not a date; {_DATE_HINT}")


def to_month(value: CellValue) -> Month:
    """A month: `YYYY-MM` text, or any date (cell, text or serial number) in it; BadValue otherwise."""
    if isinstance(value, str):
        with contextlib.suppress(ValueError):
            return Month.parse(value)
    try:
        return Month.of(to_date(value))
    except BadValue:
        raise BadValue(f"{shown(value)} is not a month; use YYYY-MM, such as 2026-03") from None


def percent(value: CellValue) -> float:
    """A percentage as a fraction: 10, `10%` and 0.1 all mean 0.1 (1 or more are percentage points)."""
    typed = value.strip() if isinstance(value, str) else None
    try:
        if typed is not None and typed.endswith("%"):
            amount = parse_number(typed[:-1]) / 100
        else:
            amount, _ = number(value)
            amount = amount / 100 if amount >= 1 else amount
    except BadValue:
        raise BadValue(f"{shown(value)} is not a percentage; use 10 or 10% for ten percent") from None
    if amount < 0:
        raise BadValue(f"{shown(value)} is below zero; use 10 or 10% for ten percent")
    return float(amount)


def whole_number(value: CellValue) -> int:
    """A whole number, typed as a number or as text."""
    try:
        amount, _ = number(value)
    except BadValue:
        raise BadValue(f"{shown(value)} is not a whole number") from None
    if amount != int(amount):
        raise BadValue(f"{shown(value)} is not a whole number")
    return int(amount)
