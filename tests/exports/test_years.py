"""Years given back to dates printed without them: the most recent that keeps the series in order."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from hypothesis import assume, given
from hypothesis import strategies as st

from sheetplan.exports.dates import MonthDay
from sheetplan.exports.years import Ambiguous, with_years

TODAY = date(2026, 3, 10)


def _days(start: date, count: int, step: int = 1) -> list[date]:
    return [start + timedelta(days=index * step) for index in range(count)]


def _month_days(days: list[date]) -> list[MonthDay]:
    return [MonthDay(day.month, day.day) for day in days]


@pytest.mark.parametrize(
    "days",
    [
        pytest.param(_days(date(2026, 2, 1), 30), id="this year"),
        pytest.param(_days(date(2025, 12, 20), 30), id="across new year"),
        pytest.param(_days(date(2025, 3, 11), 365), id="a whole year up to today"),
        pytest.param(_days(date(2025, 8, 1), 30), id="last year: August is after today this year"),
        pytest.param(_days(date(2026, 3, 10), 1), id="today"),
        pytest.param(_days(date(2026, 1, 5), 10)[::-1], id="newest first"),
        pytest.param(_days(date(2025, 12, 30), 6)[::-1], id="newest first across new year"),
        pytest.param(_days(date(2025, 1, 1), 12, step=30), id="monthly steps"),
        pytest.param(_days(date(2024, 2, 27), 4), id="a leap day: 2024"),
        pytest.param(_days(date(2021, 3, 11), 5 * 365), id="five years up to today"),
        pytest.param([date(2025, 8, 18), date(2025, 8, 20), date(2025, 8, 19)], id="rows out of order"),
    ],
)
def test_each_series_gets_its_years(days: list[date]) -> None:
    assert with_years(_month_days(days), TODAY) == days


def test_a_leap_day_takes_the_last_leap_year() -> None:
    assert with_years([MonthDay(2, 29)], TODAY) == [date(2024, 2, 29)]


def test_days_half_a_year_apart_are_ambiguous() -> None:
    with pytest.raises(Ambiguous) as raised:
        with_years([MonthDay(1, 1), MonthDay(1, 2), MonthDay(7, 2)], TODAY)
    assert raised.value.index == 2


def test_no_days() -> None:
    assert with_years([], TODAY) == []


def _next_year(day: date) -> date:
    """The next date after `day` with its month and day."""
    for year in range(day.year + 1, day.year + 9):
        try:
            return date(year, day.month, day.day)
        except ValueError:
            continue
    raise AssertionError(day)


@given(
    st.dates(min_value=date(2001, 1, 1), max_value=date(2030, 12, 31)),
    st.integers(min_value=1, max_value=400),
    st.integers(min_value=1, max_value=5),
    st.integers(min_value=0, max_value=364),
    st.booleans(),
)
def test_any_series_up_to_today_gets_back_its_years(
    last: date, count: int, step: int, after: int, newest_first: bool
) -> None:
    days = [last - timedelta(days=index * step) for index in reversed(range(count))]
    today = last + timedelta(days=after)
    assume(today < _next_year(last))  # else the series would as well lie in a later year
    ordered = days[::-1] if newest_first else days
    assert with_years(_month_days(ordered), today) == ordered
