"""The next review meeting's date on the review sheet, from Review day, Review time and Time zone."""

from __future__ import annotations

import pytest

from sheetplan.layout.meeting import next_meeting
from sheetplan.plan.model import Month

NOVEMBER = Month(2026, 11)


@pytest.mark.parametrize(
    ("day", "time", "zone", "lang", "expected"),
    [
        ("third Thursday", "10:00", "", "en", "Thursday 17 December 2026, 10:00"),
        ("last Friday", "14:30", "Europe/Sofia", "en", "Friday 25 December 2026, 14:30 (Europe/Sofia)"),
        ("15", "", "", "en", "Tuesday 15 December 2026, 10:00"),
        ("третия четвъртък", "10:00", "", "bg", "четвъртък, 17 декември 2026 г., 10:00"),
        ("последния петък", "9:00", "", "bg", "петък, 25 декември 2026 г., 09:00"),
        ("15-о число", "2pm", "Europe/Sofia", "bg", "вторник, 15 декември 2026 г., 14:00 (Europe/Sofia)"),
        ("last day", "soon", "", "en", "Thursday 31 December 2026, 10:00"),
    ],
)
def test_the_meeting_on_a_months_review_is_in_the_month_after(
    day: str, time: str, zone: str, lang: str, expected: str
) -> None:
    assert next_meeting(day, time, zone, NOVEMBER, lang) == expected  # type: ignore[arg-type]


def test_a_review_day_that_cannot_be_read_gives_no_date() -> None:
    assert next_meeting("every other Tuesday", "10:00", "", NOVEMBER, "en") is None
