"""Reads one cell's value as what a column holds: text, a number, a date, a month or a percentage.

People type the same thing in several ways, and spreadsheet programs store it in several more; each
function here accepts the usual ones and raises `BadValue`, with a message that says what the cell
should hold, for anything else. They are pure and know nothing of sheets or addresses.
"""

from __future__ import annotations

import contextlib
import re
from datetime import date, datetime, timedelta
from decimal import Decimal

from sheetplan.plan.i18n import _, language
from sheetplan.plan.model import SERIAL_EPOCH, CellValue, ErrorValue, FormulaValue, Month
from sheetplan.read.dates import EitherOrder, date_parts, month_name, named_month


class BadValue(ValueError):
    """A cell's value cannot be read as what its column holds; the message says what it should be."""


_SERIAL_RANGE = (18264, 109574)
"""Serial numbers read as dates: 1950-01-01 to 2199-12-31. Any other number is not a date, so that a
day typed as `15` is not taken for 14 January 1900."""
FIRST_DAY = SERIAL_EPOCH + timedelta(days=_SERIAL_RANGE[0])
LAST_DAY = SERIAL_EPOCH + timedelta(days=_SERIAL_RANGE[1])
"""The dates a plan can mean, however they are typed. A date cell outside them is a number typed into
a cell formatted as a date: `15` there is stored as 15 January 1900."""

_SPACES = "\u00a0\u202f\u2009 "
_NUMBER_FORMS = (
    (re.compile(r"[+-]?(?:\d+(?:\.\d*)?|\.\d+)"), ""),  # 1234.5
    (re.compile(r"[+-]?\d{1,3}(?:,\d{3})+(?:\.\d+)?"), ","),  # 1,234.5 (and 1,234 is a thousand)
    (re.compile(rf"[+-]?\d{{1,3}}(?:[{_SPACES}]\d{{3}})+(?:[.,]\d+)?"), _SPACES),  # 1 234,5
    (re.compile(r"[+-]?\d+,\d+"), ""),  # 1234,5
    (re.compile(r"[+-]?\d{1,3}(?:\.\d{3})+,\d+"), "."),  # 1.234,5
)
_MONEY = re.compile(
    r"([+-]?)\s*(?:(?:[€$£]|EUR|USD|GBP|BGN)\s*(.+)|(.+?)\s*(?:[€$£]|EUR|USD|GBP|BGN|лв\.?))", re.IGNORECASE
)
"""An amount with a currency sign or code before or after it: `€500`, `500 €`, `-$20`, `300 лв.`."""


def _not_a_date(value: CellValue) -> BadValue:
    return BadValue(
        _("{value} is not a date; use a date such as 2026-03-31 or 31.03.2026").format(value=shown(value))
    )


def is_blank(value: CellValue) -> bool:
    """Whether a cell is empty: nothing, or text of spaces only."""
    return value is None or (isinstance(value, str) and not value.strip())


def shown(value: CellValue) -> str:
    """A cell's value as a message quotes it: on one line, and cut short when it is long."""
    if isinstance(value, FormulaValue):
        return _short(value.formula)
    if isinstance(value, ErrorValue):
        return _short(value.code)
    if not isinstance(value, str):
        return text(value)
    return f"„{_short(value)}“" if language() == "bg" else f'"{_short(value)}"'


def _short(typed: str, most: int = 60) -> str:
    folded = " ".join(typed.split())
    return folded if len(folded) <= most else folded[: most - 1] + "…"


def plain(amount: int | float) -> str:
    """A number as a message says what a cell was read as: exactly, with the language's decimal mark."""
    written = str(amount)
    return written.replace(".", ",") if language() == "bg" else written


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


def number(value: CellValue, *, signs: bool = False) -> tuple[int | float, bool]:
    """The number a cell holds, and whether it was typed as text (`1 234,5`, `1,234.5`).

    With `signs`, text may also carry a currency (`€500`, `500 €`) or end in `%` (`12%` is 0.12, as a
    spreadsheet stores it): what a number column accepts.
    """
    if isinstance(value, bool) or not isinstance(value, int | float | str):
        raise BadValue(_("{value} is not a number").format(value=shown(value)))
    if isinstance(value, float) and value.is_integer():
        return int(value), False
    if not isinstance(value, str):
        return value, False
    if signs:
        return parse_amount(value), True
    return parse_number(value), True


def parse_amount(typed: str) -> int | float:
    """A number typed as text, with a currency before or after it or a `%` after it."""
    cleaned = typed.strip()
    if cleaned.endswith("%"):
        try:
            share = Decimal(repr(parse_number(cleaned[:-1]))) / 100
        except BadValue:
            raise BadValue(_("{value} is not a number").format(value=shown(typed))) from None
        return int(share) if share == share.to_integral_value() else float(share)
    found = _MONEY.fullmatch(cleaned.replace("\u2212", "-"))
    if found:
        try:
            return parse_number(found[1] + (found[2] or found[3]))
        except BadValue:
            pass
    return parse_number(typed)


def parse_number(typed: str) -> int | float:
    """A number typed as text in the English or the Bulgarian way; integral numbers as int."""
    cleaned = typed.strip().replace("\u2212", "-")
    for pattern, separators in _NUMBER_FORMS:
        if pattern.fullmatch(cleaned):
            for separator in separators:
                cleaned = cleaned.replace(separator, "")
            result = float(cleaned.replace(",", "."))
            return int(result) if result.is_integer() else result
    raise BadValue(_("{value} is not a number").format(value=shown(typed)))


def to_date(value: CellValue) -> date:
    """A date from 1950 to 2199: a date cell, text (`2026-03-31`, `31.03.2026`, `31/12/2026`,
    `3 April 2026`) or a serial number; BadValue otherwise."""
    if isinstance(value, date):
        day = value.date() if isinstance(value, datetime) else value
        if day < FIRST_DAY:
            raise BadValue(
                _(
                    "{day} is before {year}, not a date of the plan (a number typed into a cell formatted"
                    " as a date reads as a day around 1900); use a date such as 2026-03-31 or 31.03.2026"
                ).format(day=day, year=FIRST_DAY.year)
            )
        if day > LAST_DAY:
            raise BadValue(
                _(
                    "{day} is after {year}, not a date of the plan; use a date such as 2026-03-31"
                    " or 31.03.2026"
                ).format(day=day, year=LAST_DAY.year)
            )
        return day
    if isinstance(value, int | float) and not isinstance(value, bool):
        if _SERIAL_RANGE[0] <= value <= _SERIAL_RANGE[1]:
            return SERIAL_EPOCH + timedelta(days=int(value))
        raise _not_a_date(value)
    if isinstance(value, str):
        typed = value.strip()
        try:
            parts = date_parts(typed)
        except EitherOrder as error:
            raise _either_order(typed, error) from None
        if parts:
            try:
                day = date(*parts)
            except ValueError:
                raise BadValue(
                    _("{value} is not a real date; use a date such as 2026-03-31 or 31.03.2026").format(
                        value=shown(typed)
                    )
                ) from None
            return to_date(day)
    raise _not_a_date(value)


def _either_order(typed: str, error: EitherOrder) -> BadValue:
    first, second, year = error.first, error.second, error.year
    lang = language()
    one = f"{first} {month_name(second, lang)} {year}"
    other = f"{second} {month_name(first, lang)} {year}"
    return BadValue(
        _(
            "{value} could be {one} or {other} (the order of day and month is not known);"
            " type it as {iso} or {one}"
        ).format(value=shown(typed), one=one, other=other, iso=f"{year}-{second:02d}-{first:02d}")
    )


def to_month(value: CellValue) -> Month:
    """A month: `YYYY-MM` text, or any date (cell, text or serial number) in it; BadValue otherwise."""
    if isinstance(value, str):
        with contextlib.suppress(ValueError):
            return Month.parse(value)
        named = named_month(value)
        if named is not None:
            return named
    try:
        return Month.of(to_date(value))
    except BadValue:
        raise BadValue(
            _("{value} is not a month; use YYYY-MM, such as 2026-03").format(value=shown(value))
        ) from None


def percent(value: CellValue) -> float:
    """A percentage as a fraction: 10, `10%` and 0.1 all mean 0.1 (1 or more are percentage points)."""
    typed = value.strip() if isinstance(value, str) else None
    try:
        if typed is not None and typed.endswith("%"):
            amount = parse_number(typed[:-1]) / 100
        else:
            amount, __ = number(value)
            amount = amount / 100 if amount >= 1 else amount
    except BadValue:
        raise BadValue(
            _("{value} is not a percentage; use 10 or 10% for ten percent").format(value=shown(value))
        ) from None
    if amount < 0:
        raise BadValue(_("{value} is below zero; use 10 or 10% for ten percent").format(value=shown(value)))
    return float(amount)


def whole_number(value: CellValue) -> int:
    """A whole number, typed as a number or as text."""
    try:
        amount, __ = number(value)
    except BadValue:
        raise BadValue(_("{value} is not a whole number").format(value=shown(value))) from None
    if amount != int(amount):
        raise BadValue(_("{value} is not a whole number").format(value=shown(value)))
    return int(amount)
