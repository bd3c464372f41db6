"""Reads the dates and times of exports, in every form the platforms write them.

- ISO: `2025-09-20`, `2025-09-20T00:00:00`, `2026-05-01 10:00:00 +0200`, `2017-04-04 00:00 +0000`
- GA4's compact `20260701`
- US slashes, month first: `09/01/2025 21:13` (Meta, LinkedIn); day first when a column says so
- dotted, day first: `31.03.2026`, `31.03.2026 г.`
- month names: `Sat, Aug 22, 2026` (X), `Jun 09, 2018 09:30 pm` (Mailchimp), `Sep 1, 2025`,
  `1 Sep 2025`, and without a year `August 18` or `18 August` (Meta followers, TikTok)
- workbook cells that are dates already

A time makes the result a datetime, as the export shows it; a time zone is read past and not applied,
so a day is the day the export printed. A date with no year is a `MonthDay`, which `years` settles
for the whole column.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from datetime import date, datetime
from typing import NamedTuple

from sheetplan.read.values import BadValue, shown


class MonthDay(NamedTuple):
    """A date printed without its year."""

    month: int
    day: int


When = date | MonthDay
"""A date (a datetime when a time was given), or a month and day waiting for their year."""

_MONTH_NAMES = (
    "january", "february", "march", "april", "may", "june",
    "july", "august", "september", "october", "november", "december",
)  # fmt: skip
MONTHS = {name: number for number, full in enumerate(_MONTH_NAMES, 1) for name in (full, full[:3])}
MONTHS["sept"] = 9
"""English month names and their three-letter abbreviations, in lower case, as exports write them."""
_MONTH = "(?P<name>[A-Za-z]{3,9})\\.?"
_TIME = (
    r"(?:,?\s+(?:at\s+)?(?P<H>\d{1,2}):(?P<M>\d{2})(?::(?P<S>\d{2})(?:\.\d+)?)?\s*(?P<ap>[AaPp]\.?[Mm]\.?)?)?"
)
_ZONE = r"(?:\s*(?:Z|UTC|GMT|[+-]\d{2}:?\d{2}))?"
_FORMS = (
    re.compile(rf"(?P<y>\d{{4}})-(?P<m>\d{{1,2}})-(?P<d>\d{{1,2}})(?:[T ](?P<H>\d{{1,2}}):(?P<M>\d{{2}})"
               rf"(?::(?P<S>\d{{2}})(?:\.\d+)?)?)?{_ZONE}"),
    re.compile(r"(?P<y>\d{4})(?P<m>\d{2})(?P<d>\d{2})"),
    re.compile(rf"(?P<a>\d{{1,2}})/(?P<b>\d{{1,2}})/(?P<y>\d{{4}}){_TIME}{_ZONE}"),
    re.compile(rf"(?P<d>\d{{1,2}})\.\s?(?P<m>\d{{1,2}})\.\s?(?P<y>\d{{4}})(?:\s*г\.?)?{_TIME}"),
    re.compile(rf"(?:[A-Za-z]{{3,9}},?\s+)?{_MONTH}\s+(?P<d>\d{{1,2}})(?:st|nd|rd|th)?(?:,?\s+(?P<y>\d{{4}}))?"
               rf"{_TIME}{_ZONE}"),
    re.compile(rf"(?:[A-Za-z]{{3,9}},?\s+)?(?P<d>\d{{1,2}})\.?\s+{_MONTH},?(?:\s+(?P<y>\d{{4}}))?{_TIME}{_ZONE}"),
)  # fmt: skip
_SLASHES = re.compile(r"\s*(\d{1,2})/(\d{1,2})/\d{4}")
HINT = "use a date such as 2026-03-31"


def when(cell: object, day_first: bool = False) -> When | None:
    """The date (or datetime, or month and day) a cell holds; None for a blank; BadValue else.

    `day_first` reads `01/09/2025` as the first of September, for a column whose dates say so.
    """
    if isinstance(cell, date):
        return cell
    if cell is None:
        return None
    if not isinstance(cell, str):
        raise BadValue(f"{shown(cell)} is not a date; {HINT}")  # type: ignore[arg-type]
    typed = cell.strip()
    if not typed or typed in {"-", "--"}:
        return None
    for form in _FORMS:
        found = form.fullmatch(typed)
        if found:
            try:
                return _made(found, day_first)
            except KeyError:  # a word that is no month's name
                continue
            except ValueError:
                raise BadValue(f"{shown(typed)} is not a real date; {HINT}") from None
    raise BadValue(f"{shown(typed)} is not a date; {HINT}")


def _made(found: re.Match[str], day_first: bool) -> When:
    parts = found.groupdict()
    if parts.get("a"):
        first, second = int(parts["a"]), int(parts["b"])
        month, day = (second, first) if day_first else (first, second)
    else:
        month = MONTHS[parts["name"].casefold()] if parts.get("name") else int(parts["m"])
        day = int(parts["d"])
    if not parts.get("y"):
        date(2000, month, day)  # raises ValueError for a day no year has
        return MonthDay(month, day)
    year = int(parts["y"])
    if parts.get("H") is None:
        return date(year, month, day)
    hour = int(parts["H"])
    meridiem = (parts.get("ap") or "").casefold()[:1]
    if meridiem and not 1 <= hour <= 12:
        raise ValueError(hour)
    if meridiem == "p" and hour < 12:
        hour += 12
    elif meridiem == "a" and hour == 12:
        hour = 0
    return datetime(year, month, day, hour, int(parts["M"]), int(parts.get("S") or 0))


def day_first(cells: Sequence[object]) -> bool:
    """Whether a column's slashed dates put the day first: some first part is above 12, and no
    second part is. Exports write the month first (`09/30/2025`) unless a locale turns them round."""
    firsts = seconds = False
    for cell in cells:
        if isinstance(cell, str) and (found := _SLASHES.match(cell)):
            firsts = firsts or int(found[1]) > 12
            seconds = seconds or int(found[2]) > 12
    return firsts and not seconds
