"""Plan against actual for a month's review: each metric in the month, year to date, the year-end
projection and the baseline, and the roll-ups, gathered into a `Review`.

Everything here is a pure function of the plan; the arithmetic of a comparison is in `figures`.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from sheetplan.plan.errors import UsageError
from sheetplan.plan.i18n import _
from sheetplan.plan.model import Metric, Month, Plan, Settings
from sheetplan.plan.schema import DEFAULT_TOLERANCE
from sheetplan.review import changes, decisions, rollup
from sheetplan.review.baseline import against_baseline
from sheetplan.review.content import content
from sheetplan.review.figures import compare, projection, statuses, year_to_date
from sheetplan.review.log import LogRow
from sheetplan.review.model import MetricReview, Review, TrendPoint


def build_review(plan: Plan, month: Month, as_of: date | None = None, log: Sequence[LogRow] = ()) -> Review:
    """The review of `plan` for `month`, as read on `as_of`, with the workbook's Review log `log` to
    tell what changed since the previous review; UsageError for a month outside the plan."""
    check_review_month(plan, month)
    # The months are the same for every metric: made once, not once a metric.
    plan_months = plan.settings.plan_months
    ytd_months = plan_months[: month - plan.settings.start + 1]
    metrics = tuple(_review_metric(plan, metric, month, ytd_months, plan_months) for metric in plan.metrics)
    previous = changes.previous_statuses(plan, metrics, month, log)
    if previous:
        metrics = tuple(item._replace(previous_status=previous.get(item.metric.id)) for item in metrics)
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
        changes=changes.changes(plan, metrics, month, log),
        content=content(plan, month),
    )


def default_review_month(today: date) -> Month:
    """The month `--month` defaults to: the last full calendar month before `today`."""
    return Month.of(today) + -1


def check_review_month(plan: Plan, month: Month) -> None:
    """Refuse a review month outside the plan, naming the months that would do."""
    months = plan.settings.plan_months
    if month not in months:
        raise UsageError(
            _("--month {month} is outside the plan: choose a month from {first} to {last}").format(
                month=month, first=months[0], last=months[-1]
            )
        )


def check_month_begun(month: Month, today: date) -> None:
    """Refuse a review month that has not begun by `today`: it would be a review of no data at all."""
    current = Month.of(today)
    if month > current:
        raise UsageError(
            _(
                "--month {month} has not begun yet (today is {today}); choose {last}, the "
                "last full month, or an earlier one"
            ).format(month=month, today=today.isoformat(), last=current + -1)
        )


def month_not_over(month: Month, today: date) -> str | None:
    """A warning for a review of the month `today` is in, whose actuals are not all in yet; else None."""
    if month != Month.of(today):
        return None
    return _("{month} is not over yet: its actual results may be incomplete until {next} begins").format(
        month=month, next=month + 1
    )


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
    this_month = compare(forecasts.get(month), actuals.get(month), metric.direction, tolerance)
    pairs = [(forecasts.get(each), actuals.get(each)) for each in ytd_months]
    trend = tuple(
        TrendPoint(each, forecast, actual, status)
        for each, (forecast, actual), status in zip(
            ytd_months, pairs, statuses(pairs, metric.direction, tolerance), strict=True
        )
    )
    return MetricReview(
        metric=metric,
        tolerance=tolerance,
        month=this_month,
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
        baseline=against_baseline(
            plan.baseline.get(metric.id),
            forecasts,
            actuals,
            month,
            ytd_months,
            plan_months,
            metric,
            tolerance,
        ),
        trend=trend,
    )
