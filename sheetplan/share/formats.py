"""Numbers, money, percentages and dates as the report and the e-mail print them, in the plan's language.

English groups thousands with commas and writes a decimal point (`1,234.50`); Bulgarian groups them
with a no-break space and writes a decimal comma (`1 234,50`), as Babel's locale data has it
(`sheetplan.plan.formats`); these are what a figure, a variance, an amount or a share looks like.
"""

from __future__ import annotations

from datetime import date, datetime

from sheetplan.plan import formats
from sheetplan.plan.schema import Lang


def number(value: float | None, lang: Lang) -> str:
    """A figure: whole numbers without decimals, others with two; blank when absent."""
    if value is None:
        return ""
    return _grouped(value, 0 if float(value).is_integer() else 2, lang)


def signed(value: float | None, lang: Lang) -> str:
    """A variance, with its sign: `+120`, `-190`, `0`."""
    if value is None:
        return ""
    text = number(value, lang)
    return f"+{text}" if value > 0 else text


def money(value: float | None, lang: Lang) -> str:
    """An amount of money, with two decimals."""
    return "" if value is None else _grouped(value, 2, lang)


def percent(value: float | None, lang: Lang) -> str:
    """A variance % (a fraction) with its sign and one decimal: `+3.6%`, `-15.8%`."""
    if value is None:
        return ""
    text = _grouped(value * 100, 1, lang)
    return f"+{text}%" if value > 0 else f"{text}%"


def share(value: float | None, lang: Lang) -> str:
    """A share of a whole (a fraction) as a whole percentage: `88%`."""
    return "" if value is None else f"{_grouped(value * 100, 0, lang)}%"


def day(value: date | None) -> str:
    """A date as the review sheet shows it: `2026-03-15`."""
    if value is None:
        return ""
    return (value.date() if isinstance(value, datetime) else value).isoformat()


def _grouped(value: float, decimals: int, lang: Lang) -> str:
    text = formats.number(value, lang, decimals)
    return text[1:] if text.startswith("-") and not text.strip("-0.,") else text
