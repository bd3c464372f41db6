"""Which days an export is about: the range its file states, or else the span of its rows' days.

Files state their range in three ways:

- GA4 in its `#` preamble: `# Start date: 20260701`, `# End date: 20260928` (in any language);
- Meta Business Suite in the file's name: `Sep-01-2025_Sep-30-2025_<page id>.csv`;
- YouTube Studio in the download's name: `Content 2025-09-01_2025-09-30 <channel>.zip`.

The name states a range but never the kind: a file is recognised by what it holds. A table whose rows
have no days of their own (Search Console's Queries, YouTube's Table data, whose days are the
videos' publish dates) takes the span of a dated table of the same kind read with it, if there is one.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from datetime import date, datetime

from sheetplan.exports.dates import MONTHS
from sheetplan.plan.model import Month

_META = re.compile(r"([A-Z][a-z]{2})-(\d{1,2})-(\d{4})_([A-Z][a-z]{2})-(\d{1,2})-(\d{4})")
_ISO = re.compile(r"(\d{4}-\d{2}-\d{2})_(\d{4}-\d{2}-\d{2})")
NAMED_BY_META = frozenset({"Meta posts", "Instagram posts", "Meta page", "Meta followers"})


def stated_by_name(file_name: str, kind: str) -> tuple[date, date] | None:
    """The range a Meta or YouTube download's name states; None for other names and kinds."""
    pattern = _META if kind in NAMED_BY_META else _ISO if kind == "YouTube" else None
    found = pattern.search(file_name) if pattern else None
    if found is None:
        return None
    try:
        if pattern is _META:
            start = date(int(found[3]), MONTHS[found[1].casefold()], int(found[2]))
            end = date(int(found[6]), MONTHS[found[4].casefold()], int(found[5]))
        else:
            start, end = date.fromisoformat(found[1]), date.fromisoformat(found[2])
    except (ValueError, KeyError):
        return None
    return (start, end) if start <= end else None


def span(days: Iterable[date | None]) -> tuple[date, date] | None:
    """The first and last of the days given, None among them passed over; None for no day at all."""
    known = [day.date() if isinstance(day, datetime) else day for day in days if day is not None]
    return (min(known), max(known)) if known else None


def of_months(months: Iterable[Month | None]) -> tuple[date, date] | None:
    """From the first day of the earliest month to the last day of the latest."""
    known = [month for month in months if month is not None]
    return (min(known).first_day, max(known).last_day) if known else None
