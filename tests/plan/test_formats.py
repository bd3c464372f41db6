"""Numbers, money, percentages, months and dates as each language writes them."""

from __future__ import annotations

from datetime import date

import pytest

from sheetplan.plan.formats import long_date, money, month_year, number, percent

NBSP = "\xa0"
NARROW = "\u202f"
"""The no-break spaces Babel's locale data writes: between thousands, and before `г.` (year)."""


@pytest.mark.parametrize(
    ("written", "en", "bg"),
    [
        (lambda lang: number(2090, lang, 2), "2,090.00", f"2{NBSP}090,00"),
        (lambda lang: number(1234.5, lang), "1,234.5", f"1{NBSP}234,5"),
        (lambda lang: number(7, lang, 0), "7", "7"),
        (lambda lang: money(2090, "EUR", lang), "€2,090.00", f"2{NBSP}090,00{NBSP}€"),
        (lambda lang: money(5, "", lang), "5.00", "5,00"),
        (lambda lang: percent(-0.292, lang), "-29.2%", "-29,2%"),
        (lambda lang: percent(0.06, lang, signed=True), "+6.0%", "+6,0%"),
        (lambda lang: month_year(date(2026, 11, 5), lang), "November 2026", "ноември 2026"),
        (
            lambda lang: long_date(date(2026, 12, 17), lang),
            "Thursday 17 December 2026",
            f"четвъртък, 17 декември 2026{NARROW}г.",
        ),
    ],
    ids=["number", "decimals", "whole", "money", "no-currency", "percent", "signed", "month", "date"],
)
def test_each_language_writes_its_own_way(written, en: str, bg: str) -> None:  # type: ignore[no-untyped-def]
    assert (written("en"), written("bg")) == (en, bg)


def test_halves_round_away_from_zero_as_spreadsheets_round_them() -> None:
    assert (percent(-0.4545, "en"), percent(0.0125, "bg"), number(2.5, "en", 0)) == ("-45.5%", "1,3%", "3")
