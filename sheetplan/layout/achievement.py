"""The review sheet's bar charts: each metric's achievement against its forecast, this month and year
to date, as a percentage that is positive when the metric did better than planned, whichever its
direction. Each bar takes its status's colour, and every bar is a percentage, so no chart mixes units.

The charts are drawn from a small table of those percentages for the first `CHART_METRICS` metrics.
Like `sections`, it adds its part at the builder's current row.
"""

from __future__ import annotations

import math

from sheetplan.layout import labels
from sheetplan.layout.builder import LayoutBuilder
from sheetplan.layout.sections import header, note, status_rules, subheading
from sheetplan.layout.sheet import Chart, ChartSeries, Range
from sheetplan.plan.schema import REVIEW_LOG, STATUS, Lang
from sheetplan.review.figures import achievement
from sheetplan.review.model import Review, Status

CHART_METRICS = 20
"""The charts show the first this many metrics: beyond that a bar chart is too dense to read."""
BAR_COLOURS: dict[Status, str] = {
    "on_track": "63BE7B",
    "at_risk": "FFC000",
    "off_track": "F8696B",
    "no_data": "BFBFBF",
}
"""The colour of a bar of each status: the status colours of the tables, strong enough to read as bars."""
_ROW_CM = 0.53
"""The height of a default row (15 points) in centimetres, to leave room under a chart."""
_WIDTH_CM = 16.5


def achievement_charts(sheet: LayoutBuilder, review: Review, lang: Lang) -> None:
    """The table of achievements and its two bar charts."""
    if not review.metrics:
        return
    shown = review.metrics[:CHART_METRICS]
    sheet.row += 1
    subheading(sheet, labels.ACHIEVEMENT(lang))
    log = REVIEW_LOG.column
    header(
        sheet,
        [
            (1, 1, log("metric_id").header(lang)),
            (2, 2, log("metric").header(lang)),
            (3, 3, labels.THIS_MONTH(lang)),
            (4, 4, log("status").header(lang)),
            (5, 5, labels.YEAR_TO_DATE(lang)),
            (6, 6, log("status").header(lang)),
        ],
    )
    first = sheet.row
    for metric in shown:
        direction = metric.metric.direction
        sheet.put(sheet.row, 1, metric.metric.id, "id")
        sheet.put(sheet.row, 2, metric.metric.name, "text")
        sheet.put(sheet.row, 3, achievement(metric.month, direction), "percent")
        sheet.put(sheet.row, 4, STATUS.label(metric.month.status, lang), "center")
        sheet.put(sheet.row, 5, achievement(metric.ytd, direction), "percent")
        sheet.put(sheet.row, 6, STATUS.label(metric.ytd.status, lang), "center")
        sheet.row += 1
    last = sheet.row - 1
    status_rules(sheet, Range(first, 4, last, 4))
    status_rules(sheet, Range(first, 6, last, 6))
    if len(review.metrics) > len(shown):
        note(sheet, labels.CHART_FIRST(lang).format(count=len(shown)))
    note(sheet, labels.ACHIEVEMENT_NOTE(lang))
    sheet.row += 1
    height = 4 + 0.7 * len(shown)
    names = Range(first, 2, last, 2)
    charts = (
        (labels.CHART_MONTH(lang).format(month=review.month), 3, [m.month.status for m in shown], 1),
        (labels.CHART_YTD(lang), 5, [m.ytd.status for m in shown], 8),
    )
    for title, column, statuses, anchor in charts:
        series = ChartSeries(
            title,
            Range(first, column, last, column),
            "8EA9DB",
            tuple(BAR_COLOURS[status] for status in statuses),
        )
        sheet.chart(Chart("bar", title, names, (series,), (sheet.row, anchor), _WIDTH_CM, height, "0%"))
    sheet.start_block()
    sheet.row += math.ceil(height / _ROW_CM) + 1
    sheet.keep_block()
