"""Dates and months typed as text, as people write them in English and in Bulgarian: `2026-03-31`,
`31.03.2026 г.`, `3 April 2026`, `3 ноем. 2026`; `November 2026`, `Nov 2026`, `ноември 2026`,
`ноем. 2026 г.`, with the month's name in any case, whole or cut short."""

from __future__ import annotations

import re

from sheetplan.plan.model import Month
from sheetplan.plan.schema import Lang

NAMES = (
    ("January", "януари"),
    ("February", "февруари"),
    ("March", "март"),
    ("April", "април"),
    ("May", "май"),
    ("June", "юни"),
    ("July", "юли"),
    ("August", "август"),
    ("September", "септември"),
    ("October", "октомври"),
    ("November", "ноември"),
    ("December", "декември"),
)
"""Each month's name in English and in Bulgarian."""
_ISO_DATE = re.compile(r"(\d{4})[-/](\d{1,2})[-/](\d{1,2})(?:[T ]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?)?")
_DOTTED_DATE = re.compile(r"(\d{1,2})\.\s?(\d{1,2})\.\s?(\d{4})(?:\s*г\.?)?")
_SLASHED_DATE = re.compile(r"(\d{1,2})([/-])(\d{1,2})\2(\d{4})")
_NAMED_DATES = (
    (re.compile(r"(\d{1,2})\.?\s+([^\W\d_]+)\.?,?\s+(\d{4})(?:\s*г\.?)?"), 1, 2),  # 3 April 2026
    (re.compile(r"([^\W\d_]+)\.?\s+(\d{1,2}),?\s+(\d{4})"), 2, 1),  # April 3, 2026
)
"""Dates with the month's name: each pattern, and the groups of its day and its month."""
_SHORTEST = 3
"""The fewest letters that name a month: its first three (`Nov`, `ное`) tell every month apart in
either language."""
_SHORTER = {"ян": 1}
"""The usual abbreviations shorter than that: `ян.` for януари."""
_NAMED_MONTH = re.compile(r"([^\W\d_]+)\.?,?\s*(\d{4})(?:\s*г\.?)?")


class EitherOrder(ValueError):
    """A date with slashes that reads both day first and month first, such as `03/04/2026`."""

    def __init__(self, first: int, second: int, year: int) -> None:
        super().__init__(f"{first}/{second}/{year}")
        self.first, self.second, self.year = first, second, year


def date_parts(typed: str) -> tuple[int, int, int] | None:
    """The year, month and day of a date typed as text; None when it is not one of the known forms;
    EitherOrder for a date with slashes that reads both ways."""
    if found := _ISO_DATE.fullmatch(typed):
        return int(found[1]), int(found[2]), int(found[3])
    if found := _DOTTED_DATE.fullmatch(typed):
        return int(found[3]), int(found[2]), int(found[1])
    if found := _SLASHED_DATE.fullmatch(typed):
        return _slashed(int(found[1]), int(found[3]), int(found[4]))
    for pattern, day, month in _NAMED_DATES:
        found = pattern.fullmatch(typed)
        number = month_number(found[month]) if found else None
        if found and number:
            return int(found[3]), number, int(found[day])
    return None


def _slashed(first: int, second: int, year: int) -> tuple[int, int, int]:
    """`31/12/2026` (day first) or `12/31/2026` (month first), whichever is possible; EitherOrder when
    both are, since the order of day and month is not known."""
    if first > 12 or first == second:
        return year, second, first
    if second > 12:
        return year, first, second
    raise EitherOrder(first, second, year)


def month_number(word: str) -> int | None:
    """The number of the month `word` names, 1 to 12: its whole name or the start of it (three letters
    or more, or `ян`; with a full stop or not), in either language and any case; None for any other."""
    folded = word.strip().removesuffix(".").casefold()
    if len(folded) < _SHORTEST:
        return _SHORTER.get(folded)
    for number, names in enumerate(NAMES, start=1):
        if any(name.casefold().startswith(folded) for name in names):
            return number
    return None


def named_month(typed: str) -> Month | None:
    """The month of text such as `November 2026` or `ноем. 2026 г.`; None when it is not one."""
    found = _NAMED_MONTH.fullmatch(typed.strip())
    number = month_number(found[1]) if found else None
    if found is None or number is None:
        return None
    year = int(found[2])
    return Month(year, number) if year >= 1 else None


def month_name(number: int, lang: Lang) -> str:
    """The name of month `number` in `lang`, as a date in a message writes it: `April`, `април`."""
    english, bulgarian = NAMES[number - 1]
    return bulgarian if lang == "bg" else english
