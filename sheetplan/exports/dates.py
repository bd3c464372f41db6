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
from datetime import date, datetime, time
from operator import itemgetter
from typing import NamedTuple, cast

from sheetplan.plan.i18n import _
from sheetplan.plan.model import CellValue
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
_WORDY = _FORMS[4:]
"""The forms a date starting with a letter may have (`Sat, Aug 22, 2026`, `August 18`)."""
_SLASHES = re.compile(r"\s*(\d{1,2})/(\d{1,2})/\d{4}")
_NAMED = re.compile(r"(?:[A-Za-z]{3,9},?\s+)?([A-Za-z]{3,9})\.?\s+(\d{1,2})(?:,?\s+(\d{4}))?")
"""The month-name form of `_FORMS` without ordinals, times or zones, as X and TikTok write dates."""


def when(cell: object, day_first: bool = False) -> When | None:
    """The date (or datetime, or month and day) a cell holds; None for a blank; BadValue else.

    `day_first` reads `01/09/2025` as the first of September, for a column whose dates say so.
    """
    if type(cell) is str:
        typed = cell.strip()
        quick = _quick(typed, day_first)
        if quick is not None:
            return quick
    elif isinstance(cell, date):
        return cell
    elif cell is None:
        return None
    else:
        raise _not_a_date(cell)  # type: ignore[arg-type]
    if not typed or typed in {"-", "--"}:
        return None
    for form in _WORDY if typed[0].isalpha() else _FORMS:
        found = form.fullmatch(typed)
        if found:
            try:
                return _made(found, day_first)
            except KeyError:  # a word that is no month's name
                continue
            except ValueError:
                raise BadValue(
                    _("{value} is not a real date; use a date such as 2026-03-31").format(value=shown(typed))
                ) from None
    raise _not_a_date(typed)


def _not_a_date(value: CellValue) -> BadValue:
    return BadValue(_("{value} is not a date; use a date such as 2026-03-31").format(value=shown(value)))


def _quick(typed: str, day_first: bool) -> When | None:
    """The forms most exports use, read the quick way: ISO (`2025-09-20`, `2025-09-20T00:00:00`),
    GA4's `20250920` and Meta's `09/01/2025 21:13` without a regular expression, and X's
    `Sat, Aug 22, 2026` and TikTok's `August 18` by a shorter one than the general form's. None for
    any other form, and for a date that does not exist, which the regular expressions then explain."""
    try:
        if typed[4:5] == "-" and len(typed) in (10, 19):
            return date.fromisoformat(typed) if len(typed) == 10 else datetime.fromisoformat(typed)
        if len(typed) == 16 and typed[2] == "/" == typed[5] and typed[10] == " " and typed[13] == ":":
            month, day = (typed[3:5], typed[:2]) if day_first else (typed[:2], typed[3:5])
            return datetime(int(typed[6:10]), int(month), int(day), int(typed[11:13]), int(typed[14:]))
        if len(typed) == 8 and typed.isdigit():
            return date(int(typed[:4]), int(typed[4:6]), int(typed[6:]))
        if typed[:1].isalpha() and (named := _NAMED.fullmatch(typed)):
            number = MONTHS.get(named[1].casefold())
            if number is None:
                return None
            if named[3] is None:
                date(2000, number, int(named[2]))  # raises ValueError for a day no year has
                return MonthDay(number, int(named[2]))
            return date(int(named[3]), number, int(named[2]))
    except ValueError:
        pass
    return None


def at_once(cells: Sequence[object]) -> list[When] | None:
    """A column's cells read at once, when all have one of the quick forms (see `_quick`), as the date
    columns of the biggest exports do, the order of day and month told from the column; None
    otherwise, for the cells to be read one by one."""
    if not cells or not all(type(cell) is str for cell in cells):
        return None
    texts = cast(Sequence[str], cells)
    lengths = set(map(len, texts))
    try:
        if lengths == {10} and all(text[4] == "-" == text[7] for text in set(texts)):
            return list(map(date.fromisoformat, texts))
        if lengths == {19} and all(text[4] == "-" == text[7] for text in set(texts)):
            return list(map(datetime.fromisoformat, texts))
        if lengths == {16} and set(map(itemgetter(10), texts)) == {" "}:
            return _slashed_times(texts)
    except ValueError:
        pass
    return None


def _slashed_times(texts: Sequence[str]) -> list[When] | None:
    """`09/01/2025 21:13` (Meta's posts): posts share days and minutes, so each day and each time of
    day is read once, and the rows put together from them in C. ValueError for a date that is none."""
    heads = list(map(itemgetter(slice(0, 10)), texts))
    tails = list(map(itemgetter(slice(11, None)), texts))
    day_parts, minute_parts = set(heads), set(tails)
    if not all(part[2] == "/" == part[5] for part in day_parts) or not all(
        part[2] == ":" for part in minute_parts
    ):
        return None
    month, day = (slice(3, 5), slice(0, 2)) if day_first(list(day_parts)) else (slice(0, 2), slice(3, 5))
    days = {part: date(int(part[6:]), int(part[month]), int(part[day])) for part in day_parts}
    minutes = {part: time(int(part[:2]), int(part[3:])) for part in minute_parts}
    return list(map(datetime.combine, map(days.__getitem__, heads), map(minutes.__getitem__, tails)))


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
    firsts = False
    # A column of posts' times holds a few hundred days: each is looked at once.
    heads = {cell.lstrip()[:10] for cell in cells if isinstance(cell, str)}
    for head in heads:
        if "/" in head[:3] and (found := _SLASHES.match(head)):
            if int(found[2]) > 12:
                return False
            firsts = firsts or int(found[1]) > 12
    return firsts
