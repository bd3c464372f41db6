"""The review sheet's comparison with the baseline: each metric's month and year to date against the
forecasts as first agreed, beside its variance against the current forecast, and the year-end outlook
against the baseline's full year.

Like `sections`, it adds its table at the builder's current row.
"""

from __future__ import annotations

from sheetplan.layout import labels
from sheetplan.layout.builder import LayoutBuilder
from sheetplan.layout.sections import figures_at, header, note, number_style, status_rules, subheading
from sheetplan.layout.sheet import Range
from sheetplan.plan.schema import REVIEW_LOG, STATUS, Lang
from sheetplan.review.model import Review


def against_baseline(sheet: LayoutBuilder, review: Review, lang: Lang) -> None:
    sheet.row += 1
    subheading(sheet, labels.AGAINST_BASELINE(lang))
    compared = [metric for metric in review.metrics if metric.baseline is not None]
    if not compared:
        note(sheet, labels.NO_BASELINE(lang))
        return
    log = REVIEW_LOG.column
    variance_pct, status = log("variance_pct").header(lang), log("status").header(lang)
    header(
        sheet,
        [
            (1, 3, ""),
            (4, 8, labels.MONTH_AGAINST_BASELINE(lang)),
            (9, 10, labels.YEAR_TO_DATE(lang)),
            (11, 14, labels.YEAR_END(lang)),
        ],
    )
    heads = [
        log("metric_id").header(lang),
        log("metric").header(lang),
        labels.AGAINST_FORECAST(lang),
        labels.BASELINE(lang),
        log("actual").header(lang),
        log("variance").header(lang),
        variance_pct,
        status,
        variance_pct,
        status,
        labels.BASELINE(lang),
        labels.OUTLOOK(lang),
        variance_pct,
        status,
    ]
    header(sheet, [(number, number, text) for number, text in enumerate(heads, 1)])
    first = sheet.row
    for metric in compared:
        against = metric.baseline
        assert against is not None
        sheet.put(sheet.row, 1, metric.metric.id, "id")
        sheet.put(sheet.row, 2, metric.metric.name, "text")
        sheet.put(sheet.row, 3, metric.month.variance_pct, "percent")
        figures_at(sheet, 4, against.month, lang)
        sheet.put(sheet.row, 9, against.ytd.variance_pct, "percent")
        sheet.put(sheet.row, 10, STATUS.label(against.ytd.status, lang), "center")
        outlook = against.outlook
        if outlook is not None:
            sheet.put(sheet.row, 11, outlook.forecast, number_style(outlook.forecast))
            sheet.put(sheet.row, 12, outlook.actual, number_style(outlook.actual))
            sheet.put(sheet.row, 13, outlook.variance_pct, "percent")
            sheet.put(sheet.row, 14, STATUS.label(outlook.status, lang), "center")
        sheet.row += 1
    for column in (8, 10, 14):
        status_rules(sheet, Range(first, column, sheet.row - 1, column))
