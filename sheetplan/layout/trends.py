"""The review sheet's trends: each metric's forecast and actual month by month, and line charts of the
metrics off track or at risk.

A compact table: two rows a metric (its forecast, then its actual coloured by the month's status),
one column a month, the last `MONTHS` months up to the review month (`review --json` has them all).
Under it, a line chart of forecast and actual for each metric off track or at risk this month, the
worst first, up to `CHARTS`. Like `sections`, it adds its part at the builder's current row.
"""

from __future__ import annotations

import math

from sheetplan.layout import labels
from sheetplan.layout.builder import LayoutBuilder
from sheetplan.layout.sections import header, note, number_style, subheading
from sheetplan.layout.sheet import Chart, ChartSeries, Range
from sheetplan.plan.schema import REVIEW_LOG, Lang
from sheetplan.review.model import SEVERITY, MetricReview, Review

MONTHS = 12
"""The months the sheet shows: as many as fit beside a metric's name."""
CHARTS = 6
"""The most line charts drawn: beyond that the meeting reads the table."""
_CHART_CM = (16.5, 6.5)
_ROW_CM = 0.53


def trends(sheet: LayoutBuilder, review: Review, lang: Lang) -> None:
    sheet.row += 1
    subheading(sheet, labels.TRENDS(lang))
    if not review.metrics:
        note(sheet, labels.NONE(lang))
        return
    months = [point.month for point in review.metrics[0].trend][-MONTHS:]
    first_column = sheet.width - len(months) + 1
    log = REVIEW_LOG.column
    header(
        sheet,
        [
            (1, 1, log("metric_id").header(lang)),
            (2, first_column - 1, log("metric").header(lang)),
            *((first_column + n, first_column + n, str(month)) for n, month in enumerate(months)),
        ],
    )
    months_row = sheet.row - 1
    rows: dict[str, int] = {}
    for metric in review.metrics:
        points = metric.trend[-len(months) :] if months else ()
        rows[metric.metric.id] = sheet.row
        sheet.put(sheet.row, 1, metric.metric.id, "id")
        sheet.merge(
            sheet.row, 2, first_column - 1, f"{metric.metric.name}: {log('forecast').header(lang)}", "text"
        )
        sheet.put(sheet.row + 1, 1, "", "text")
        sheet.merge(sheet.row + 1, 2, first_column - 1, log("actual").header(lang), "text")
        for column, point in enumerate(points, start=first_column):
            sheet.put(sheet.row, column, point.forecast, number_style(point.forecast))
            whole = point.actual is None or float(point.actual).is_integer()
            style = f"trend_{point.status}" if whole else f"trend_{point.status}_decimal"
            sheet.put(sheet.row + 1, column, point.actual, style)
        sheet.row += 2
    note(sheet, labels.TREND_NOTE(lang))
    _charts(sheet, review, lang, rows, Range(months_row, first_column, months_row, sheet.width))


def _charts(sheet: LayoutBuilder, review: Review, lang: Lang, rows: dict[str, int], months: Range) -> None:
    """A line chart of forecast and actual for each metric off track or at risk, two to a band."""
    worrying = [metric for metric in review.metrics if metric.month.status in ("off_track", "at_risk")]
    worrying.sort(key=lambda metric: -SEVERITY[metric.month.status])
    if not worrying:
        return
    if len(worrying) > CHARTS:
        note(sheet, labels.TREND_CHARTS_FIRST(lang).format(count=CHARTS))
    log = REVIEW_LOG.column
    names = (log("forecast").header(lang), log("actual").header(lang))
    band = math.ceil(_CHART_CM[1] / _ROW_CM) + 1
    sheet.row += 1
    top = sheet.row
    for number, metric in enumerate(worrying[:CHARTS]):
        if number % 2 == 0:
            sheet.start_block()
            top = sheet.row
            sheet.row += band
            sheet.keep_block()
        anchor = (top, 1 if number % 2 == 0 else 8)
        sheet.chart(_chart(metric, months, rows[metric.metric.id], names, anchor))


def _chart(
    metric: MetricReview, months: Range, row: int, names: tuple[str, str], anchor: tuple[int, int]
) -> Chart:
    """The chart of a metric's two rows of the table: its forecast (row `row`) and its actual below."""
    forecast = Range(row, months.first_column, row, months.last_column)
    actual = Range(row + 1, months.first_column, row + 1, months.last_column)
    return Chart(
        "line",
        f"{metric.metric.id} {metric.metric.name}",
        months,
        (ChartSeries(names[0], forecast, "8EA9DB"), ChartSeries(names[1], actual, "C00000")),
        anchor,
        *_CHART_CM,
        "#,##0.##",
    )
