"""The report's charts as rows of bars drawn with table cells, for e-mail.

Gmail and Outlook drop inline SVG, and show pictures from an unknown sender only once the reader asks:
a bar made of a coloured table cell shows in every mail client at once, with its number beside it.
Each bar's length is its value against the longest bar of its chart, as a whole percentage.
"""

from __future__ import annotations

from dataclasses import dataclass

from sheetplan.layout.achievement import CHART_METRICS
from sheetplan.review.model import MetricReview, Review, Status

BAR_COLOURS: dict[Status, str] = {
    "on_track": "2E7D32",
    "at_risk": "C98A00",
    "off_track": "C62828",
    "no_data": "9E9E9E",
}
"""A bar of each status: the status colours' text colours, strong enough to fill a bar."""


@dataclass(frozen=True)
class MonthBar:
    """A metric's forecast and actual in the review month, each as a share of the chart's widest bar."""

    name: str
    forecast: float | None
    actual: float | None
    forecast_width: int
    actual_width: int


@dataclass(frozen=True)
class YtdBar:
    """A metric's year-to-date variance %, as a share of the chart's widest bar, and its status."""

    name: str
    variance_pct: float | None
    width: int
    status: Status


def charted(review: Review) -> tuple[MetricReview, ...]:
    """The metrics the charts show: the first CHART_METRICS, as on the review sheet."""
    return review.metrics[:CHART_METRICS]


def month_bars(review: Review) -> list[MonthBar]:
    metrics = charted(review)
    widest = max(
        (abs(value) for item in metrics for value in (item.month.forecast, item.month.actual) if value),
        default=0,
    )
    return [
        MonthBar(
            f"{item.metric.id} {item.metric.name}",
            item.month.forecast,
            item.month.actual,
            _width(item.month.forecast, widest),
            _width(item.month.actual, widest),
        )
        for item in metrics
    ]


def ytd_bars(review: Review) -> list[YtdBar]:
    metrics = charted(review)
    widest = max((abs(item.ytd.variance_pct or 0) for item in metrics), default=0)
    return [
        YtdBar(
            f"{item.metric.id} {item.metric.name}",
            item.ytd.variance_pct,
            _width(item.ytd.variance_pct, widest),
            item.ytd.status,
        )
        for item in metrics
    ]


def _width(value: float | None, widest: float) -> int:
    if not value or not widest:
        return 0
    return max(1, round(100 * abs(value) / widest))
