"""Which rows of a kind's exports count, each once, and which days the exports cover.

Exports of one kind that overlap (September's file and a quarter's) do not count a day twice: each
day's rows (told apart by their text columns, such as GA4's source), or each post, are taken from
the export whose coverage ends last. A Filter keeps the rows whose column holds its value, ignoring
case and runs of spaces.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from datetime import date, datetime, timedelta

from sheetplan.exports.model import Export, Row, Value
from sheetplan.plan.model import Month
from sheetplan.plan.sources import FilterSpec


def taken(
    exports: list[Export], counting: bool, wanted: FilterSpec | None
) -> Iterable[tuple[Export, date, Mapping[str, Value]]]:
    """Each row (or post, when counting) once, from the export whose coverage ends last."""
    claimed: set[object] = set()
    latest_first = sorted(exports, key=lambda export: export.coverage[1] if export.coverage else date.min)
    overlapping = len(exports) > 1
    for export in reversed(latest_first):
        records: Iterable[tuple[object, date | None, Mapping[str, Value]]]
        if counting and export.posts:
            records = ((post.post_id, post.published, {}) for post in export.posts)
        elif overlapping:
            dimensions = _dimensions(export)
            records = ((_row_key(row, dimensions), row.day, row.values) for row in export.rows)
        else:
            records = ((None, row.day, row.values) for row in export.rows)
        claiming: set[object] = set()
        for key, day, values in records:
            if day is None or (overlapping and key in claimed) or not _kept(export, values, wanted):
                continue
            if overlapping:
                claiming.add(key)
            yield export, day.date() if isinstance(day, datetime) else day, values
        claimed |= claiming


def _dimensions(export: Export) -> tuple[str, ...]:
    """The columns of text in an export's first row: what tells a day's rows apart (GA4's source)."""
    first = export.rows[0].values if export.rows else {}
    return tuple(column for column in export.columns if isinstance(first.get(column), str))


def _row_key(row: Row, dimensions: tuple[str, ...]) -> object:
    """Which rows of two exports are the same: a row's day and its text columns."""
    values = row.values
    return (row.day, *(values.get(column) for column in dimensions))


def _kept(export: Export, values: Mapping[str, Value], wanted: FilterSpec | None) -> bool:
    if wanted is None:
        return True
    column = export.column(wanted.column)
    found = values.get(column) if column else None
    return _same_text(found, wanted.value)


def _same_text(value: Value, wanted: str) -> bool:
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return value is not None and " ".join(str(value).casefold().split()) == wanted.casefold()


def covered_days(exports: Iterable[Export], today: date) -> set[date]:
    """The days the exports cover that are over."""
    days: set[date] = set()
    for export in exports:
        if export.coverage:
            first, last = export.coverage
            last = min(last, today - timedelta(days=1))
            days.update(first + timedelta(days=offset) for offset in range((last - first).days + 1))
    return days


def month_days(month: Month) -> Iterable[date]:
    return (month.first_day + timedelta(days=offset) for offset in range(month.last_day.day))
