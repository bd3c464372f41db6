"""The Review log: one row per metric and month, kept across reviews.

Each review replaces its own month's rows and keeps the other months', so the log builds up a history
of plan against actual that people can chart or filter. Rows are sorted by month, then by the order of
the Metrics sheet (metrics no longer on it keep their place after the others).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

from sheetplan.plan.model import CellValue, Month
from sheetplan.plan.schema import REVIEW_LOG, STATUS, Lang, column_by_header
from sheetplan.read.values import BadValue, to_month
from sheetplan.review.model import Review, Status


@dataclass(frozen=True)
class LogRow:
    """One metric's figures for one month."""

    month: Month
    metric_id: str
    metric: str
    forecast: float | None
    actual: float | None
    variance: float | None
    variance_pct: float | None
    status: Status

    def cells(self, lang: Lang) -> list[CellValue]:
        """The row as the log sheet shows it: month as YYYY-MM text, status as its label."""
        return [
            str(self.month),
            self.metric_id,
            self.metric,
            self.forecast,
            self.actual,
            self.variance,
            self.variance_pct,
            STATUS.label(self.status, lang),
        ]


def review_rows(review: Review) -> list[LogRow]:
    """The log rows of one review: its month's figures for every metric."""
    return [
        LogRow(
            review.month,
            item.metric.id,
            item.metric.name,
            item.month.forecast,
            item.month.actual,
            item.month.variance,
            item.month.variance_pct,
            item.month.status,
        )
        for item in review.metrics
    ]


def merged_log(existing: Iterable[LogRow], review: Review) -> list[LogRow]:
    """The log after `review`: its month's rows replaced, other months kept, sorted by month then metric."""
    order = {item.metric.id: index for index, item in enumerate(review.metrics)}
    kept = [row for row in existing if row.month != review.month]
    rows = [*kept, *review_rows(review)]
    # sorted() is stable: metrics no longer in the plan keep their old order after the others.
    return sorted(rows, key=lambda row: (row.month, order.get(row.metric_id, len(order))))


def parse_log(rows: Sequence[Sequence[CellValue]]) -> list[LogRow]:
    """The rows of an existing log sheet, matched by header in either language; rows that do not read
    as a month and a metric ID (a note someone typed, a blank row) are left out."""
    if not rows:
        return []
    positions: dict[str, int] = {}
    for index, header in enumerate(rows[0]):
        column = column_by_header(REVIEW_LOG, str(header)) if header is not None else None
        if column is not None:
            positions.setdefault(column.key, index)
    if "month" not in positions or "metric_id" not in positions:
        return []
    found = []
    for cells in rows[1:]:
        values = {key: cells[index] if index < len(cells) else None for key, index in positions.items()}
        row = _row(values)
        if row is not None:
            found.append(row)
    return found


def log_of(sheets: Mapping[str, Sequence[Sequence[CellValue]]]) -> list[LogRow]:
    """The rows of the Review log among `sheets`, whichever language names it; none without one."""
    found = next((rows for name, rows in sheets.items() if REVIEW_LOG.is_named(name)), None)
    return parse_log(found) if found else []


def _row(values: dict[str, CellValue]) -> LogRow | None:
    month = _month(values.get("month"))
    metric_id = values.get("metric_id")
    if month is None or metric_id in (None, ""):
        return None
    status = STATUS.match(str(values.get("status") or "")) or "no_data"
    return LogRow(
        month,
        str(metric_id),
        str(values.get("metric") or ""),
        _number(values.get("forecast")),
        _number(values.get("actual")),
        _number(values.get("variance")),
        _number(values.get("variance_pct")),
        status,  # type: ignore[arg-type]
    )


def _month(value: CellValue) -> Month | None:
    # A spreadsheet program may have turned the YYYY-MM text into a date, or Google Sheets into its
    # serial number.
    try:
        return to_month(value)
    except BadValue:
        return None


def _number(value: CellValue) -> float | None:
    if isinstance(value, bool) or not isinstance(value, int | float):
        return None
    return value
