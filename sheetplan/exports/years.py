"""Gives the years back to dates an export printed without them (`August 18`).

Meta's follower history and TikTok's overview print days as a month and a day. Their rows form a
series in the file's order, usually a day apart, across a year's end at most (TikTok downloads cover
365 days or fewer). Each date takes the most recent year that keeps the series in order and puts no
day after today:

- consecutive rows are taken to lie less than `NEAR` days apart, forwards or backwards (a series may
  run newest first, and exports list a few rows out of order), so that December 31 followed by
  January 1 crosses into the next year while August 20 followed by August 19 steps back a day;
- the latest day of the series is put in the most recent year that is not after today, and that
  holds the series' February 29 if it has one;
- every other day is counted back from it.

When two consecutive rows lie `NEAR` days or more apart both ways round the year, which year the
later belongs to cannot be told: `Ambiguous` says which row.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from datetime import date, timedelta

from sheetplan.exports.dates import MonthDay

NEAR = 150
"""Consecutive rows of a series lie fewer days apart than this (about five months)."""
_YEAR = 366


class Ambiguous(ValueError):
    """The year of the series' `index`th date cannot be told from the one before it."""

    def __init__(self, index: int) -> None:
        super().__init__(index)
        self.index = index


def with_years(days: Sequence[MonthDay], today: date) -> list[date]:
    """The dates of a series of month-days, in the same order."""
    if not days:
        return []
    offsets = [0]
    for index in range(1, len(days)):
        forward = (_day_of_year(days[index]) - _day_of_year(days[index - 1])) % _YEAR
        if forward < NEAR:
            step = forward
        elif _YEAR - forward < NEAR:
            step = forward - _YEAR
        else:
            raise Ambiguous(index)
        offsets.append(offsets[-1] + step)
    latest = max(range(len(days)), key=lambda index: (offsets[index], index))
    # Steps are counted in a leap year's days: a day too many for each February 28 of other years.
    slack = 2 + (offsets[latest] - min(offsets)) // 365
    for anchor in _on_or_before(days[latest], today):
        estimates = [anchor - timedelta(days=offsets[latest] - offset) for offset in offsets]
        found = [_nearest(day, estimate) for day, estimate in zip(days, estimates, strict=True)]
        # A February 29 lands in a leap year only: a year that has none puts it far from its place.
        if all(abs((day - estimate).days) <= slack for day, estimate in zip(found, estimates, strict=True)):
            return found
    raise Ambiguous(latest)  # pragma: no cover - some year in eight fits any series


_BEFORE = (0, 31, 60, 91, 121, 152, 182, 213, 244, 274, 305, 335)
"""The days of a leap year before each month."""


def _day_of_year(day: MonthDay) -> int:
    """The day's place in a leap year, so that February 29 has one."""
    return _BEFORE[day.month - 1] + day.day


def _on_or_before(day: MonthDay, today: date) -> Iterator[date]:
    """The day in each year, the most recent first, from the last that is not after today."""
    for year in range(today.year, today.year - 9, -1):
        try:
            found = date(year, day.month, day.day)
        except ValueError:
            continue
        if found <= today:
            yield found


def _nearest(day: MonthDay, estimate: date) -> date:
    """The date of `day` nearest the estimate (off by a day or two where leap days were counted)."""
    try:
        found = date(estimate.year, day.month, day.day)
        gap = (found - estimate).days
        if abs(gap) <= 183:
            return found
        return found.replace(year=found.year - 1 if gap > 0 else found.year + 1)
    except ValueError:  # February 29, in a year without one
        candidates = []
        for year in range(estimate.year - 4, estimate.year + 5):
            try:
                candidates.append(date(year, day.month, day.day))
            except ValueError:
                continue
        return min(candidates, key=lambda found: abs((found - estimate).days))
