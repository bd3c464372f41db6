"""What changed since the previous month's review: statuses, revised forecasts, actions.

The Review log keeps each reviewed month's figures as they stood when it was reviewed, so a metric's
previous status and the forecasts since revised come from there; a month the log does not hold is
judged from the plan as it is now. Actions carry no history, so they are told by their dates: done
are the done actions due in the review month, new those that start in it, and newly overdue those
overdue at this review that were not at the previous one (due in the review month).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import date, datetime

from sheetplan.plan.model import Month, Plan
from sheetplan.plan.schema import ACTION_DONE
from sheetplan.review import rollup
from sheetplan.review.figures import compare
from sheetplan.review.log import LogRow
from sheetplan.review.model import SEVERITY, Changes, MetricReview, Revision, Status, StatusChange


def previous_statuses(
    plan: Plan, metrics: Sequence[MetricReview], month: Month, log: Iterable[LogRow]
) -> dict[str, Status]:
    """Each metric's status in the month before `month`: as the log recorded it, else as the plan now
    gives it; empty at the plan's first month."""
    before = month + -1
    if before < plan.settings.start:
        return {}
    logged = {row.metric_id: row.status for row in log if row.month == before}
    found: dict[str, Status] = {}
    for item in metrics:
        metric = item.metric
        if metric.id in logged:
            found[metric.id] = logged[metric.id]
        else:
            forecast = plan.forecasts.get(metric.id, {}).get(before)
            actual = plan.actuals.get(metric.id, {}).get(before)
            found[metric.id] = compare(forecast, actual, metric.direction, item.tolerance).status
    return found


def changes(plan: Plan, metrics: Sequence[MetricReview], month: Month, log: Iterable[LogRow]) -> Changes:
    """What changed since the previous month's review; `metrics` carry their previous status."""
    if month + -1 < plan.settings.start:
        return Changes()
    improved: list[StatusChange] = []
    worsened: list[StatusChange] = []
    for item in metrics:
        was, status = item.previous_status, item.month.status
        if was is None or "no_data" in (was, status) or was == status:
            continue
        found = improved if SEVERITY[status] < SEVERITY[was] else worsened
        found.append(StatusChange(item.metric, was, status))
    by_id = {item.metric.id: item.metric for item in metrics}
    revised = []
    for row in log:
        metric = by_id.get(row.metric_id)
        if metric is None or row.month >= month or row.forecast is None:
            continue
        now = plan.forecasts.get(metric.id, {}).get(row.month)
        if now != row.forecast:
            revised.append(Revision(metric, row.month, row.forecast, now))
    order = {metric_id: index for index, metric_id in enumerate(by_id)}
    return Changes(
        since=month + -1,
        improved=tuple(improved),
        worsened=tuple(worsened),
        revised=tuple(sorted(revised, key=lambda item: (item.month, order[item.metric.id]))),
        done=tuple(a for a in plan.actions if a.status == ACTION_DONE and _in(a.due, month)),
        new=tuple(action for action in plan.actions if _in(action.start, month)),
        newly_overdue=tuple(
            action for action in rollup.overdue_actions(plan.actions, month) if _in(action.due, month)
        ),
    )


def _in(day: date | None, month: Month) -> bool:
    """Whether a date cell (a date-time counts by its day) falls in `month`."""
    if day is None:
        return False
    return Month.of(day.date() if isinstance(day, datetime) else day) == month
