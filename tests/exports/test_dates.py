"""Reading the dates and times exports print, in every platform's form."""

from __future__ import annotations

from datetime import date, datetime

import pytest
from export_files import mailchimp_time, month_day, us_time, x_day
from hypothesis import given
from hypothesis import strategies as st

from sheetplan.exports.dates import MonthDay, at_once, day_first, when
from sheetplan.read.values import BadValue


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("2025-09-20", date(2025, 9, 20)),
        ("2025-09-20T00:00:00", datetime(2025, 9, 20)),
        ("2026-05-01 10:00:00 +0200", datetime(2026, 5, 1, 10)),
        ("2017-04-04 00:00 +0000", datetime(2017, 4, 4)),
        ("2025-09-20T08:15:30.123Z", datetime(2025, 9, 20, 8, 15, 30)),
        ("20260701", date(2026, 7, 1)),
        ("09/01/2025 21:13", datetime(2025, 9, 1, 21, 13)),
        ("09/30/2025", date(2025, 9, 30)),
        ("9/3/2025 9:05 PM", datetime(2025, 9, 3, 21, 5)),
        ("31.03.2026", date(2026, 3, 31)),
        ("31.03.2026 г.", date(2026, 3, 31)),
        ("Sat, Aug 22, 2026", date(2026, 8, 22)),
        ("Jun 09, 2018 09:30 pm", datetime(2018, 6, 9, 21, 30)),
        ("Jun 09, 2018 12:05 am", datetime(2018, 6, 9, 0, 5)),
        ("Sep 1, 2025", date(2025, 9, 1)),
        ("Sept 1, 2025", date(2025, 9, 1)),
        ("1 Sep 2025", date(2025, 9, 1)),
        ("August 18", MonthDay(8, 18)),
        ("18 August", MonthDay(8, 18)),
        ("February 29", MonthDay(2, 29)),
        ("", None),
        ("-", None),
        (None, None),
        (date(2025, 1, 2), date(2025, 1, 2)),
    ],
)
def test_dates_as_exports_print_them(typed: object, expected: object) -> None:
    found = when(typed)
    assert found == expected
    assert type(found) is type(expected)


def test_a_column_that_puts_the_day_first() -> None:
    assert day_first(["01/09/2025", "30/09/2025"])
    assert not day_first(["09/01/2025", "09/30/2025"])
    assert not day_first(["01/09/2025", "02/09/2025"])
    assert when("01/09/2025", day_first=True) == date(2025, 9, 1)


@pytest.mark.parametrize(
    ("typed", "message"),
    [
        ("yesterday", '"yesterday" is not a date; use a date such as 2026-03-31'),
        ("2025-02-30", '"2025-02-30" is not a real date; use a date such as 2026-03-31'),
        ("13/13/2025", '"13/13/2025" is not a real date; use a date such as 2026-03-31'),
        ("Foo 12, 2025", '"Foo 12, 2025" is not a date; use a date such as 2026-03-31'),
        ("February 30", '"February 30" is not a real date; use a date such as 2026-03-31'),
        ("13:00 pm 01/01/2025", '"13:00 pm 01/01/2025" is not a date; use a date such as 2026-03-31'),
        (45000.0, "45000 is not a date; use a date such as 2026-03-31"),
    ],
)
def test_what_is_not_a_date(typed: object, message: str) -> None:
    with pytest.raises(BadValue) as raised:
        when(typed)
    assert str(raised.value) == message


moments = st.datetimes(min_value=datetime(1990, 1, 1), max_value=datetime(2100, 12, 31)).map(
    lambda moment: moment.replace(second=0, microsecond=0)
)


@given(moments)
def test_every_platforms_form_reads_back(moment: datetime) -> None:
    assert when(us_time(moment)) == moment
    assert when(mailchimp_time(moment)) == moment
    assert when(moment.isoformat()) == moment
    assert when(f"{moment:%Y-%m-%d %H:%M:%S} +0200") == moment
    assert when(x_day(moment.date())) == moment.date()
    assert when(f"{moment:%Y%m%d}") == moment.date()
    assert when(f"{moment:%d.%m.%Y}") == moment.date()
    assert when(month_day(moment.date())) == MonthDay(moment.month, moment.day)


@given(st.lists(moments, min_size=1, max_size=30), st.sampled_from(["us", "iso", "iso day"]))
def test_a_column_read_at_once_reads_as_each_cell_alone(times: list[datetime], form: str) -> None:
    written = {
        "us": lambda moment: f"{moment:%m/%d/%Y %H:%M}",
        "iso": lambda moment: moment.isoformat(),
        "iso day": lambda moment: moment.date().isoformat(),
    }[form]
    cells = [written(moment) for moment in times]
    assert at_once(cells) == [when(cell) for cell in cells]


@pytest.mark.parametrize(
    "cells",
    [
        ["09/01/2025 21:13", "2025-09-01"],
        ["02/30/2025 10:00"],
        ["2025-02-30"],
        ["Sep 1, 2025"],
        ["09/01/2025T21:13"],
        [],
    ],
)
def test_columns_not_read_at_once(cells: list[object]) -> None:
    assert at_once(cells) is None


def test_a_column_read_at_once_puts_the_day_first_when_its_dates_say_so() -> None:
    assert at_once(["13/01/2025 10:00", "01/02/2025 11:30"]) == [
        datetime(2025, 1, 13, 10),
        datetime(2025, 2, 1, 11, 30),
    ]
