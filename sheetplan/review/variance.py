"""Plan against actual: one metric in one month, year to date, and the year-end projection.

Everything here is a pure function of the plan. The arithmetic is decimal: each number is taken as the
shortest decimal that reads back as the same float (what a spreadsheet shows), so 1010 − 1200 is −190,
0.77 − 0.7 is 0.07, and a variance of exactly 10 % meets a 10 % tolerance instead of missing it by float
noise. Statuses are judged on the exact variance %, not the rounded one.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from datetime import date
from decimal import ROUND_HALF_UP, Decimal, localcontext

from sheetplan.plan.errors import UsageError
from sheetplan.plan.model import Metric, Month, Plan, Series, Settings
from sheetplan.plan.schema import DEFAULT_TOLERANCE
from sheetplan.review import decisions, rollup
from sheetplan.review.model import (
    Figures,
    MetricReview,
    Review,
    Status,
    YearToDate,
)

_PCT_PLACES = Decimal("0.0001")


def build_review(plan: Plan, month: Month, as_of: date | None = None) -> Review:
    """The review of `plan` for `month`, as read on `as_of`; UsageError for a month outside the plan."""
    check_review_month(plan, month)
    # The months are the same for every metric: made once, not once a metric.
    plan_months = plan.settings.plan_months
    ytd_months = plan_months[: month - plan.settings.start + 1]
    metrics = tuple(_review_metric(plan, metric, month, ytd_months, plan_months) for metric in plan.metrics)
    return Review(
        plan_name=plan.settings.plan_name,
        month=month,
        start=plan.settings.start,
        currency=plan.settings.currency,
        metrics=metrics,
        goals=rollup.goal_reviews(plan, metrics, month),
        owners=rollup.owner_reviews(plan, metrics, month),
        actions_overdue=rollup.overdue_actions(plan.actions, month),
        actions_due_next_month=rollup.actions_due_next_month(plan.actions, month),
        assumptions=plan.assumptions,
        actions_spending=rollup.actions_spending(plan.actions),
        spending=rollup.spending(plan.actions),
        as_of=as_of,
        decisions=decisions.to_follow_up(plan.decisions, month),
        decisions_taken=decisions.taken(plan.decisions, month),
    )


def default_review_month(today: date) -> Month:
    """The month `--month` defaults to: the last full calendar month before `today`."""
    return Month.of(today) + -1


def check_review_month(plan: Plan, month: Month) -> None:
    """Refuse a review month outside the plan, naming the months that would do."""
    months = plan.settings.plan_months
    if month not in months:
        raise UsageError(
            f"--month {month} is outside the plan: choose a month from {months[0]} to {months[-1]}"
        )


def check_month_begun(month: Month, today: date) -> None:
    """Refuse a review month that has not begun by `today`: it would be a review of no data at all."""
    current = Month.of(today)
    if month > current:
        raise UsageError(
            f"--month {month} has not begun yet (today is {today.isoformat()}); "
            f"choose {current + -1}, the last full month, or an earlier one"
        )


def month_not_over(month: Month, today: date) -> str | None:
    """A warning for a review of the month `today` is in, whose actuals are not all in yet; else None."""
    if month != Month.of(today):
        return None
    return f"{month} is not over yet: its actual results may be incomplete until {month + 1} begins"


def tolerance_of(metric: Metric, settings: Settings) -> float:
    """The tolerance a metric is judged by: its own, else the plan's, else ten percent."""
    if metric.tolerance is not None:
        return metric.tolerance
    if settings.tolerance is not None:
        return settings.tolerance
    return DEFAULT_TOLERANCE


def review_metric(plan: Plan, metric: Metric, month: Month) -> MetricReview:
    """One metric's month, year to date (plan start to `month`) and year-end projection."""
    ytd_months = tuple(plan.settings.start + offset for offset in range(month - plan.settings.start + 1))
    return _review_metric(plan, metric, month, ytd_months, plan.settings.plan_months)


def _review_metric(
    plan: Plan, metric: Metric, month: Month, ytd_months: tuple[Month, ...], plan_months: tuple[Month, ...]
) -> MetricReview:
    forecasts = plan.forecasts.get(metric.id, {})
    actuals = plan.actuals.get(metric.id, {})
    tolerance = tolerance_of(metric, plan.settings)
    ytd = year_to_date(forecasts, actuals, ytd_months, metric.direction, metric.aggregation, tolerance)
    return MetricReview(
        metric=metric,
        tolerance=tolerance,
        month=compare(forecasts.get(month), actuals.get(month), metric.direction, tolerance),
        ytd=ytd,
        projection=projection(
            forecasts,
            actuals,
            plan_months,
            ytd,
            metric.direction,
            metric.aggregation,
            tolerance,
        ),
    )


def compare(forecast: float | None, actual: float | None, direction: str | None, tolerance: float) -> Figures:
    """Forecast against actual (docs/variance.md); a blank (None) or non-finite number is missing.

    With no direction (the Metrics sheet left it blank) neither side of the forecast is favourable, so
    only the distance from the forecast counts.
    """
    return _compare(_decimal(forecast), _decimal(actual), direction, tolerance)


def year_to_date(
    forecasts: Series,
    actuals: Series,
    months: Sequence[Month],
    direction: str | None,
    aggregation: str | None,
    tolerance: float,
) -> YearToDate:
    """The year-to-date comparison over `months`, like with like: only months with both numbers count.

    An unknown aggregation (blank on the Metrics sheet) gives no_data, since the months cannot be added up.
    """
    forecast, actual, both = _paired(forecasts, actuals, months)
    present = set(both)
    missing = tuple(month for month in months if month not in present)
    if not both or aggregation not in _AGGREGATIONS:
        return YearToDate(None, None, None, None, "no_data", months=both, missing_months=missing)
    figures = _compare(
        _aggregate(forecast, aggregation), _aggregate(actual, aggregation), direction, tolerance
    )
    return YearToDate(
        figures.forecast,
        figures.actual,
        figures.variance,
        figures.variance_pct,
        figures.status,
        months=both,
        missing_months=missing,
    )


def projection(
    forecasts: Series,
    actuals: Series,
    plan_months: Sequence[Month],
    ytd: YearToDate,
    direction: str | None,
    aggregation: str | None,
    tolerance: float,
) -> Figures | None:
    """Where the plan's full year ends if the year-to-date run rate holds, against the plan's full year.

    `forecast` is the plan's full-year figure, aggregated over every forecast the plan holds: the sum of
    all forecasts, their average, or the forecast of the last month that has one. `actual` is the
    projection: for `sum` the year-to-date actual per month with data times the number of plan months;
    for `average` the year-to-date average; for `last` the latest actual. None without any month that
    has both numbers, or without an aggregation.
    """
    if not ytd.months or aggregation not in _AGGREGATIONS:
        return None
    actual = [number for number in map(_decimal, (actuals.get(m) for m in ytd.months)) if number is not None]
    planned = [
        number for number in map(_decimal, (forecasts.get(m) for m in plan_months)) if number is not None
    ]
    projected = _aggregate(actual, aggregation)
    if aggregation == "sum":
        projected = projected * len(plan_months) / len(ytd.months)
    return _compare(_aggregate(planned, aggregation), projected, direction, tolerance)


_AGGREGATIONS = ("sum", "last", "average")


def _paired(
    forecasts: Series, actuals: Series, months: Sequence[Month]
) -> tuple[list[Decimal], list[Decimal], tuple[Month, ...]]:
    """The forecasts and actuals of the months among `months` that have both, and those months."""
    forecast: list[Decimal] = []
    actual: list[Decimal] = []
    both: list[Month] = []
    for month in months:
        f, a = _decimal(forecasts.get(month)), _decimal(actuals.get(month))
        if f is not None and a is not None:
            forecast.append(f)
            actual.append(a)
            both.append(month)
    return forecast, actual, tuple(both)


def _aggregate(values: Sequence[Decimal], aggregation: str) -> Decimal:
    if aggregation == "last":
        return values[-1]
    total = sum(values, Decimal(0))
    return total / len(values) if aggregation == "average" else total


def _compare(
    forecast: Decimal | None, actual: Decimal | None, direction: str | None, tolerance: float
) -> Figures:
    if forecast is None or actual is None:
        return Figures(_float(forecast), _float(actual), None, None, "no_data")
    variance = actual - forecast
    share = variance / abs(forecast) if forecast else None
    return Figures(
        float(forecast),
        float(actual),
        float(variance),
        None if share is None else _round_pct(share),
        _status(forecast, actual, share, direction, _decimal_of(tolerance)),
    )


def _status(
    forecast: Decimal, actual: Decimal, share: Decimal | None, direction: str | None, tolerance: Decimal
) -> Status:
    favourable = actual == forecast or (
        (direction == "up" and actual > forecast) or (direction == "down" and actual < forecast)
    )
    if favourable:
        return "on_track"
    if share is None:  # forecast 0 and the actual went the wrong way: no percentage can excuse it
        return "off_track"
    if abs(share) <= tolerance:
        return "on_track"
    if abs(share) <= 2 * tolerance:
        return "at_risk"
    return "off_track"


def _round_pct(share: Decimal) -> float:
    with localcontext() as context:
        # quantize fails when the result needs more digits than the context has; a huge share does
        context.prec = max(context.prec, share.adjusted() + 8)
        # + 0.0 turns a share rounded to -0.0000 into 0.0, which shows as 0.0 % and not -0.0 %
        return float(share.quantize(_PCT_PLACES, rounding=ROUND_HALF_UP)) + 0.0


def _decimal(value: float | None) -> Decimal | None:
    """A cell's number as the decimal it shows; None for a blank, or a NaN or infinity (not a reading)."""
    if value is None or not math.isfinite(value):
        return None
    return _decimal_of(value)


def _decimal_of(value: float) -> Decimal:
    # repr is the shortest text that reads back as the same float: 0.1, not 0.1000000000000000055511...
    return Decimal(value) if isinstance(value, int) else Decimal(repr(value))


def _float(value: Decimal | None) -> float | None:
    return None if value is None else float(value)
