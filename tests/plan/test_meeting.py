"""The review meeting's settings as people type them: the day, the time and the time zone."""

from __future__ import annotations

import calendar
from collections.abc import Callable
from datetime import date, time

import pytest
from hypothesis import given
from hypothesis import strategies as st

from sheetplan.plan.meeting import (
    LAST,
    ReviewDay,
    parse_review_day,
    parse_review_time,
    parse_time_zone,
)
from sheetplan.plan.model import Month

THURSDAY, FRIDAY, MONDAY, SUNDAY = 3, 4, 0, 6

REVIEW_DAYS = [
    ("third Thursday", ReviewDay(3, THURSDAY)),
    ("Third thursday", ReviewDay(3, THURSDAY)),
    ("the 3rd Thu of the month", ReviewDay(3, THURSDAY)),
    ("every third Thursday", ReviewDay(3, THURSDAY)),
    ("last Friday", ReviewDay(LAST, FRIDAY)),
    ("first Monday", ReviewDay(1, MONDAY)),
    ("second  sunday", ReviewDay(2, SUNDAY)),
    ("fourth Tue", ReviewDay(4, 1)),
    ("15", ReviewDay(15)),
    ("15.0", ReviewDay(15)),
    ("the 15th", ReviewDay(15)),
    ("day 1", ReviewDay(1)),
    ("28", ReviewDay(28)),
    ("last day", ReviewDay(LAST)),
    ("last day of the month", ReviewDay(LAST)),
    ("трети четвъртък", ReviewDay(3, THURSDAY)),
    ("третия четвъртък", ReviewDay(3, THURSDAY)),
    ("всеки трети четвъртък от месеца", ReviewDay(3, THURSDAY)),
    ("последен петък", ReviewDay(LAST, FRIDAY)),
    ("последния петък", ReviewDay(LAST, FRIDAY)),
    ("първия понеделник", ReviewDay(1, MONDAY)),
    ("втората сряда", ReviewDay(2, 2)),
    ("последната събота", ReviewDay(LAST, 5)),
    ("четвърти чт", ReviewDay(4, THURSDAY)),
    ("15-о число", ReviewDay(15)),
    ("15-ти", ReviewDay(15)),
    ("последния ден от месеца", ReviewDay(LAST)),
    ("Последен ден", ReviewDay(LAST)),
]


@pytest.mark.parametrize(("typed", "expected"), REVIEW_DAYS)
def test_a_review_day_is_read_in_either_language(typed: str, expected: ReviewDay) -> None:
    assert parse_review_day(typed) == expected


HINT = "use e.g. third Thursday, last Friday or 15"
BAD_REVIEW_DAYS = [
    ("every other Tuesday", f'"every other Tuesday" is not a review day; {HINT}'),
    ("Thursday", f'"Thursday" is not a review day; {HINT}'),
    ("third", f'"third" is not a review day; {HINT}'),
    ("0", f'"0" is not a review day; {HINT}'),
    ("2026-03-19", f'"2026-03-19" is not a review day; {HINT}'),
    ("third Thursday 10:00", f'"third Thursday 10:00" is not a review day; {HINT}'),
    ("31", '"31" is not a day every month has; use 1 to 28, or last day'),
    ("29th", '"29th" is not a day every month has; use 1 to 28, or last day'),
    ("fifth Monday", '"fifth Monday" is not in every month; use first to fourth, or last'),
    ("петия петък", '"петия петък" is not in every month; use first to fourth, or last'),
    ("", f'"" is not a review day; {HINT}'),
]


@pytest.mark.parametrize(("typed", "message"), BAD_REVIEW_DAYS)
def test_a_review_day_it_cannot_read_says_what_to_write(typed: str, message: str) -> None:
    with pytest.raises(ValueError) as raised:
        parse_review_day(typed)
    assert str(raised.value) == message


@pytest.mark.parametrize(
    ("typed", "month", "expected"),
    [
        ("third Thursday", Month(2026, 3), date(2026, 3, 19)),
        ("third Thursday", Month(2026, 10), date(2026, 10, 15)),
        ("first Monday", Month(2026, 6), date(2026, 6, 1)),
        ("last Friday", Month(2026, 2), date(2026, 2, 27)),
        ("last Friday", Month(2026, 7), date(2026, 7, 31)),
        ("last Sunday", Month(2026, 5), date(2026, 5, 31)),
        ("15", Month(2026, 2), date(2026, 2, 15)),
        ("last day", Month(2028, 2), date(2028, 2, 29)),
        ("last day", Month(2027, 2), date(2027, 2, 28)),
    ],
)
def test_the_review_day_of_a_month(typed: str, month: Month, expected: date) -> None:
    assert parse_review_day(typed).in_month(month) == expected


@given(
    st.sampled_from([1, 2, 3, 4, LAST]),
    st.integers(0, 6),
    st.builds(Month, st.integers(1950, 2200), st.integers(1, 12)),
)
def test_the_nth_weekday_is_that_weekday_in_that_week_of_the_month(
    week: int, weekday: int, month: Month
) -> None:
    day = ReviewDay(week, weekday).in_month(month)
    same_weekday = [
        date(month.year, month.month, number)
        for number in range(1, calendar.monthrange(month.year, month.month)[1] + 1)
        if date(month.year, month.month, number).weekday() == weekday
    ]
    assert day == same_weekday[week - 1 if week != LAST else -1]


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("10:00", time(10, 0)),
        (" 9:30 ", time(9, 30)),
        ("14.30", time(14, 30)),
        ("10:00:00", time(10, 0)),
        ("10", time(10, 0)),
        ("2pm", time(14, 0)),
        ("12 am", time(0, 0)),
        ("12pm", time(12, 0)),
        ("10:30 p.m.", time(22, 30)),
        ("10 ч.", time(10, 0)),
        ("10h30", time(10, 30)),
        ("0.4166666666666667", time(10, 0)),
        ("0.5", time(12, 0)),
    ],
)
def test_a_review_time_is_read_as_people_and_spreadsheets_write_it(typed: str, expected: time) -> None:
    assert parse_review_time(typed) == expected


@pytest.mark.parametrize("typed", ["25:00", "10:60", "13pm", "noon", "1.5", "10:00-11:00", ""])
def test_a_review_time_it_cannot_read_says_what_to_write(typed: str) -> None:
    with pytest.raises(ValueError) as raised:
        parse_review_time(typed)
    assert str(raised.value) == f'"{typed}" is not a time of day; use e.g. 10:00 or 14:30'


@pytest.mark.parametrize(
    ("typed", "key"),
    [
        ("Europe/Sofia", "Europe/Sofia"),
        (" europe/sofia ", "Europe/Sofia"),
        ("UTC", "UTC"),
        ("america/new_york", "America/New_York"),
    ],
)
def test_a_time_zone_is_an_iana_name_in_any_case(typed: str, key: str) -> None:
    assert parse_time_zone(typed).key == key


@pytest.mark.parametrize(
    ("typed", "message"),
    [
        ("Europe/Sofa", '"Europe/Sofa" is not a time zone; did you mean Europe/Sofia?'),
        (
            "Mars/Olympus",
            '"Mars/Olympus" is not a time zone; use a name such as Europe/Sofia or America/New_York',
        ),
        (
            "../../etc/passwd",
            '"../../etc/passwd" is not a time zone; use a name such as Europe/Sofia or America/New_York',
        ),
        (
            "Sofia time",
            '"Sofia time" is not a time zone; use a name such as Europe/Sofia or America/New_York',
        ),
    ],
)
def test_a_time_zone_it_cannot_read_offers_the_name_it_probably_means(typed: str, message: str) -> None:
    with pytest.raises(ValueError) as raised:
        parse_time_zone(typed)
    assert str(raised.value) == message


@pytest.mark.usefixtures("bulgarian")
@pytest.mark.parametrize(
    ("parse", "typed", "message"),
    [
        (parse_review_day, "всеки втори път",
         "„всеки втори път“ не е ден за преглед; въведете например третия четвъртък, последния петък или 15"),
        (parse_review_day, "31",
         "„31“ не е ден, който всеки месец има; въведете от 1 до 28 или последния ден"),
        (parse_review_time, "обяд", "„обяд“ не е час от деня; въведете например 10:00 или 14:30"),
        (parse_time_zone, "Europe/Sofa", "„Europe/Sofa“ не е часова зона; може би Europe/Sofia?"),
    ],
)  # fmt: skip
def test_a_setting_it_cannot_read_is_said_in_bulgarian(
    parse: Callable[[str], object], typed: str, message: str
) -> None:
    with pytest.raises(ValueError) as raised:
        parse(typed)
    assert str(raised.value) == message
