"""Numbers, money, percentages, months and dates as a language writes them, with Babel's locale data:
`2,090.00` and `2 090,00`, `November 2026` and `ноември 2026`.

Babel is imported on first use, so that a command that formats nothing does not pay for it. Halves
are rounded away from zero, as spreadsheets round them (Babel's own default rounds them to even:
-45.45 % would show as -45.4 % beside the sheet's -45.5 %).
"""

from __future__ import annotations

import decimal
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date

from sheetplan.plan.defaults import Lang

_LOCALES = {"en": "en_GB", "bg": "bg_BG"}
"""The locale of each language: British English writes dates day first, as the plan's users do."""


def number(value: float, lang: Lang, decimals: int | None = None) -> str:
    """`value` with the language's thousands separator and decimal mark; `decimals` fixed, else as
    many as it has (up to three)."""
    from babel.numbers import format_decimal

    pattern = "#,##0" + ("." + "0" * decimals if decimals else "" if decimals == 0 else ".###")
    with _halves_up():
        return str(format_decimal(value, format=pattern, locale=_LOCALES[lang]))


def money(value: float, currency: str, lang: Lang) -> str:
    """`value` in `currency` (an ISO code such as EUR), as the language writes it: `€2,090.00`,
    `2 090,00 €`; an amount with no currency has two decimals and no sign."""
    from babel.numbers import format_currency

    if not currency:
        return number(value, lang, 2)
    with _halves_up():
        return str(format_currency(value, currency, locale=_LOCALES[lang]))


def percent(fraction: float, lang: Lang, decimals: int = 1, signed: bool = False) -> str:
    """`fraction` as a percentage: `-29.2%`, `-29,2%`; with `signed`, a plus sign for a gain."""
    from babel.numbers import format_percent

    pattern = "#,##0" + ("." + "0" * decimals if decimals else "") + "%"
    with _halves_up():
        shown = str(format_percent(fraction, format=pattern, locale=_LOCALES[lang]))
    return f"+{shown}" if signed and fraction > 0 else shown


def month_year(day: date, lang: Lang) -> str:
    """The month and year of `day`: `November 2026`, `ноември 2026`."""
    from babel.dates import format_date

    return str(format_date(day, "LLLL y", locale=_LOCALES[lang]))


def long_date(day: date, lang: Lang) -> str:
    """A day with its weekday: `Thursday 17 December 2026`, `четвъртък, 17 декември 2026 г.`."""
    from babel.dates import format_date

    return str(format_date(day, "full" if lang == "bg" else "EEEE d MMMM y", locale=_LOCALES[lang]))


@contextmanager
def _halves_up() -> Iterator[None]:
    with decimal.localcontext() as context:
        context.rounding = decimal.ROUND_HALF_UP
        yield
