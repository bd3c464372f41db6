"""A metric against its baseline, the forecast as first agreed: the month, the year to date, and the
year-end outlook.

Forecasts may be revised at every review; the Baseline sheet (`sheetplan baseline`) keeps what was
agreed first. The month and the year to date are compared with the baseline as with the current
forecast. The outlook is where the year ends on what is known now: the actual of each month up to the
review month (its current forecast where the actual is missing) and the current forecast of each
month after it, aggregated as the metric says, against the baseline's full year aggregated the same
way.
"""

from __future__ import annotations

from collections.abc import Sequence

from sheetplan.plan.model import Metric, Month, Series
from sheetplan.review.figures import compare, compare_totals, year_to_date
from sheetplan.review.model import BaselineReview


def against_baseline(
    baseline: Series | None,
    forecasts: Series,
    actuals: Series,
    month: Month,
    ytd_months: Sequence[Month],
    plan_months: Sequence[Month],
    metric: Metric,
    tolerance: float,
) -> BaselineReview | None:
    """The metric's `baseline` row against its actuals and outlook; None without a row."""
    if baseline is None:
        return None
    direction, aggregation = metric.direction, metric.aggregation
    agreed = [baseline[each] for each in plan_months if each in baseline]
    return BaselineReview(
        compare(baseline.get(month), actuals.get(month), direction, tolerance),
        year_to_date(baseline, actuals, ytd_months, direction, aggregation, tolerance),
        compare_totals(
            agreed, outlook(forecasts, actuals, month, plan_months), direction, aggregation, tolerance
        ),
    )


def outlook(forecasts: Series, actuals: Series, month: Month, plan_months: Sequence[Month]) -> list[float]:
    """The numbers the outlook aggregates, in month order: actuals up to `month`, forecasts after it."""
    found = []
    for each in plan_months:
        actual = actuals.get(each) if each <= month else None
        number = actual if actual is not None else forecasts.get(each)
        if number is not None:
            found.append(number)
    return found
