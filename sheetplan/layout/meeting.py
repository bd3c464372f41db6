"""The next review meeting's real date, as the review sheet's title block shows it.

The review of a month is held in the month after it, on the Settings' Review day at the Review time
(`plan.meeting` reads both): `Thursday 17 December 2026, 10:00 (Europe/Sofia)`.
"""

from __future__ import annotations

from sheetplan.layout import labels
from sheetplan.plan import meeting
from sheetplan.plan.model import Month
from sheetplan.plan.schema import Lang, Text

_WEEKDAYS = (
    Text("Monday", "понеделник"),
    Text("Tuesday", "вторник"),
    Text("Wednesday", "сряда"),
    Text("Thursday", "четвъртък"),
    Text("Friday", "петък"),
    Text("Saturday", "събота"),
    Text("Sunday", "неделя"),
)


def next_meeting(review_day: str, review_time: str, time_zone: str, month: Month, lang: Lang) -> str | None:
    """When the meeting on the review of `month` is held; None when the Review day cannot be read
    (`check` names the cell). A Review time that cannot be read counts as the default, 10:00."""
    try:
        day = meeting.parse_review_day(review_day)
    except ValueError:
        return None
    try:
        at = meeting.parse_review_time(review_time) if review_time else meeting.DEFAULT_TIME
    except ValueError:
        at = meeting.DEFAULT_TIME
    held = day.in_month(month + 1)
    weekday = _WEEKDAYS[held.weekday()](lang)
    name = labels.month_name(Month.of(held), lang)
    text = labels.MEETING_DATE(lang).format(weekday=weekday, day=held.day, month=name, time=f"{at:%H:%M}")
    return f"{text} ({time_zone.strip()})" if time_zone.strip() else text
