"""The monthly review meeting as the Settings give it: its day, its time and its time zone.

Each parser takes what a cell says, as text, and returns the value, or raises ValueError with a
message that quotes the text and says what to write instead. `check` uses them to warn of a setting
it cannot read, and `sheetplan calendar` to put the meetings in a calendar, so the two agree.
"""

from __future__ import annotations

import difflib
import re
import zoneinfo
from dataclasses import dataclass
from datetime import date, time, timedelta

from sheetplan.plan.i18n import _, language
from sheetplan.plan.model import Month

DEFAULT_TIME = time(10, 0)
"""When the review meeting starts when Settings give no Review time."""

LAST = -1
"""The last week, or the last day, of a month."""

_ORDINALS = {"first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "last": LAST} | {
    stem + ending: number
    for stem, number in (("първ", 1), ("втор", 2), ("трет", 3), ("четвърт", 4), ("пет", 5))
    for ending in ("и", "ия", "ият", "а", "ата")
}
_ORDINALS |= dict.fromkeys(("последен", "последния", "последният", "последна", "последната"), LAST)
_WEEKDAYS = {
    name: number
    for number, names in enumerate(
        (
            ("monday", "mon", "понеделник", "понеделника", "пн"),
            ("tuesday", "tue", "tues", "вторник", "вторника", "вт"),
            ("wednesday", "wed", "сряда", "срядата", "ср"),
            ("thursday", "thu", "thur", "thurs", "четвъртък", "четвъртъка", "чт"),
            ("friday", "fri", "петък", "петъка", "пт"),
            ("saturday", "sat", "събота", "съботата", "сб"),
            ("sunday", "sun", "неделя", "неделята", "нд"),
        )
    )
    for name in names
}
_DAY = frozenset({"day", "ден", "деня", "денят"})
_FILLERS = frozenset(
    {"the", "of", "on", "a", "each", "every", "month", "st", "nd", "rd", "th"}
    | {"всеки", "всяка", "всяко", "от", "на", "в", "месеца", "месец", "число", "ти", "ви", "ри", "ми", "о"}
)
"""Words that say nothing of the day: `the 15th of the month`, `всеки трети четвъртък от месеца`."""
_WORDS = re.compile(r"\d+(?:\.0+)?|[^\W\d_]+")

_TIME = re.compile(r"(\d{1,2})(?:[:.h](\d{2}))?(?::(\d{2}))?\s*(am|pm|a\.m\.|p\.m\.|ч\.?|h)?")
_FRACTION = re.compile(r"0?\.\d+|0")
"""A time as spreadsheets store it, a fraction of a day: 0.4166… is 10:00 (a Google Sheet's time cell)."""


@dataclass(frozen=True)
class ReviewDay:
    """A day that every month has: its `week`th `weekday` (0 is Monday; `week` 1 to 4, or LAST), or, when
    `weekday` is None, its day `week` (1 to 28, or LAST for its last day)."""

    week: int
    weekday: int | None = None

    def in_month(self, month: Month) -> date:
        """The day in `month`: `third Thursday` of 2026-03 is 2026-03-19."""
        if self.weekday is None:
            return month.last_day if self.week == LAST else date(month.year, month.month, self.week)
        if self.week == LAST:
            last = month.last_day
            return last - timedelta(days=(last.weekday() - self.weekday) % 7)
        first = month.first_day
        return first + timedelta(days=(self.weekday - first.weekday()) % 7 + 7 * (self.week - 1))


def parse_review_day(typed: str) -> ReviewDay:
    """The day of `third Thursday`, `last Friday`, `first Monday`, `15`, `last day`, or their Bulgarian
    forms (`третия четвъртък`, `последния петък`, `15-о число`, `последния ден`), in any case."""
    words = [word for word in _WORDS.findall(typed.casefold()) if word not in _FILLERS]
    if len(words) == 1 and words[0][0].isdigit():
        return _month_day(typed, int(float(words[0])))
    if len(words) == 2 and words[0] in _DAY and words[1][0].isdigit():
        return _month_day(typed, int(float(words[1])))
    if len(words) == 2:
        first, second = words
        week = int(float(first)) if first[0].isdigit() else _ORDINALS.get(first)
        if week == LAST and second in _DAY:
            return ReviewDay(LAST)
        if week is not None and second in _WEEKDAYS:
            if not (1 <= week <= 4 or week == LAST):
                raise ValueError(
                    _("{typed} is not in every month; use first to fourth, or last").format(
                        typed=quoted(typed)
                    )
                )
            return ReviewDay(week, _WEEKDAYS[second])
    raise _not_a_review_day(typed)


def _not_a_review_day(typed: str) -> ValueError:
    return ValueError(
        _("{typed} is not a review day; use e.g. third Thursday, last Friday or 15").format(
            typed=quoted(typed)
        )
    )


def _month_day(typed: str, day: int) -> ReviewDay:
    if 29 <= day <= 31:
        raise ValueError(
            _("{typed} is not a day every month has; use 1 to 28, or last day").format(typed=quoted(typed))
        )
    if not 1 <= day <= 28:
        raise _not_a_review_day(typed)
    return ReviewDay(day)


def parse_review_time(typed: str) -> time:
    """The time of `10:00`, `9:30`, `14.30`, `10:00:00`, `2pm` or `10 ч.`, to the minute; also a
    fraction of a day, which is how a spreadsheet holds a time cell."""
    text = typed.strip().casefold()
    if _FRACTION.fullmatch(text):
        minutes = round(float(text) * 24 * 60)
        return time(*divmod(minutes, 60)) if minutes < 24 * 60 else time(23, 59)
    found = _TIME.fullmatch(text)
    if found:
        hour, minute, second = int(found[1]), int(found[2] or 0), int(found[3] or 0)
        suffix = (found[4] or "").replace(".", "")
        if suffix in ("am", "pm") and 1 <= hour <= 12:
            hour = hour % 12 + (12 if suffix == "pm" else 0)
        elif suffix in ("am", "pm"):
            hour = 99
        if hour < 24 and minute < 60 and second < 60:
            return time(hour, minute)
    raise ValueError(_("{typed} is not a time of day; use e.g. 10:00 or 14:30").format(typed=quoted(typed)))


def parse_time_zone(typed: str) -> zoneinfo.ZoneInfo:
    """The time zone of an IANA name such as `Europe/Sofia`, in any case."""
    name = typed.strip()
    if re.fullmatch(r"[A-Za-z][\w+-]*(?:/[\w+-]+)*", name):
        try:
            return zoneinfo.ZoneInfo(name)
        except (zoneinfo.ZoneInfoNotFoundError, ValueError, OSError):
            pass
    known = {zone.casefold(): zone for zone in sorted(zoneinfo.available_timezones())}
    found = known.get(name.casefold())
    if found:
        return zoneinfo.ZoneInfo(found)
    close = difflib.get_close_matches(name.casefold(), known, n=1, cutoff=0.75)
    if close:
        message = _("{typed} is not a time zone; did you mean {zone}?")
    else:
        message = _("{typed} is not a time zone; use a name such as Europe/Sofia or America/New_York")
    raise ValueError(message.format(typed=quoted(typed), zone=known[close[0]] if close else ""))


def quoted(typed: str, most: int = 60) -> str:
    """Text as a message quotes it: on one line, cut short when it is long, in the language's quotes."""
    folded = " ".join(typed.split())
    short = folded if len(folded) <= most else folded[: most - 1] + "…"
    return f"„{short}“" if language() == "bg" else f'"{short}"'
