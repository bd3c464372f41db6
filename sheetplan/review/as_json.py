"""`sheetplan review --json`: the review as one JSON-ready object, keys in the documented order.

The documented keys (docs/json.md) come first, in their order. A few keys follow them, appended so
that a reader that knows only those keys sees them in the same places: `dropped` at the end of every
`actions` count (so total = done + open + dropped); `projection`, `baseline`, `previous_status` and
`trend` at the end of every metric; `budget` and `spent` at the end of every goal; `tasks` at the end
of every owner; and at the end of the review a `budget` object, the `decisions` to follow up and the
`changes` since the previous review, then, when the plan holds posts, its `content`.
"""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from sheetplan.plan.model import Action, Decision, Month
from sheetplan.plan.posts import Post
from sheetplan.review import decisions
from sheetplan.review.model import (
    BaselineReview,
    Changes,
    Content,
    Figures,
    GoalReview,
    MetricReview,
    OwnerReview,
    Review,
    Spending,
    StatusChange,
)
from sheetplan.review.rollup import is_overdue

JSON = dict[str, Any]


def review_json(review: Review) -> JSON:
    """The review as the `review --json` object, ready for `json.dumps`."""
    found = {
        "plan": review.plan_name,
        "month": str(review.month),
        "metrics": [_metric(metric) for metric in review.metrics],
        "goals": [_goal(goal) for goal in review.goals],
        "owners": [_owner(owner, review.month) for owner in review.owners],
        "actions_overdue": [_action(action) for action in review.actions_overdue],
        "actions_due_next_month": [_action(action) for action in review.actions_due_next_month],
        "assumptions": [
            {"assumption": item.text, "owner": _text(item.owner), "still_true": item.still_true}
            for item in review.assumptions
        ],
        "budget": _spending(review.spending),
        "decisions": [_decision(decision, review.month) for decision in review.decisions],
        "changes": _changes(review.changes),
    }
    if review.content is not None:
        found["content"] = _content(review.content)
    return found


def number(value: float | None) -> int | float | None:
    """A number as read: a whole float as an int (1200, not 1200.0); None stays None."""
    if value is None:
        return None
    if isinstance(value, float) and value.is_integer():
        return int(value)
    return value


def _metric(review: MetricReview) -> JSON:
    metric = review.metric
    return {
        "id": metric.id,
        "name": _text(metric.name),
        "goal": _text(metric.goal_id),
        "owner": _text(metric.owner),
        "unit": _text(metric.unit),
        "direction": metric.direction,
        "aggregation": metric.aggregation,
        "tolerance": number(review.tolerance),
        "month": _figures(review.month),
        "ytd": {
            **_figures(review.ytd),
            "missing_months": [str(month) for month in review.ytd.missing_months],
        },
        "projection": _projection(review.projection),
        "baseline": _baseline(review.baseline),
        "previous_status": review.previous_status,
        "trend": [
            {"month": str(point.month), "forecast": number(point.forecast), "actual": number(point.actual)}
            for point in review.trend
        ],
    }


def _figures(figures: Figures) -> JSON:
    return {
        "forecast": number(figures.forecast),
        "actual": number(figures.actual),
        "variance": number(figures.variance),
        "variance_pct": number(figures.variance_pct),
        "status": figures.status,
    }


def _projection(figures: Figures | None) -> JSON | None:
    if figures is None:
        return None
    return {
        "plan": number(figures.forecast),
        "projected": number(figures.actual),
        "variance": number(figures.variance),
        "variance_pct": number(figures.variance_pct),
        "status": figures.status,
    }


def _baseline(review: BaselineReview | None) -> JSON | None:
    if review is None:
        return None
    outlook = review.outlook
    return {
        "month": _figures(review.month),
        "ytd": {
            **_figures(review.ytd),
            "missing_months": [str(month) for month in review.ytd.missing_months],
        },
        "outlook": None
        if outlook is None
        else {
            "baseline": number(outlook.forecast),
            "outlook": number(outlook.actual),
            "variance": number(outlook.variance),
            "variance_pct": number(outlook.variance_pct),
            "status": outlook.status,
        },
    }


def _changes(changes: Changes) -> JSON:
    def statuses(found: tuple[StatusChange, ...]) -> list[JSON]:
        return [
            {"id": item.metric.id, "name": _text(item.metric.name), "was": item.was, "now": item.now}
            for item in found
        ]

    return {
        "since": str(changes.since) if changes.since else None,
        "improved": statuses(changes.improved),
        "worsened": statuses(changes.worsened),
        "forecasts_revised": [
            {
                "id": item.metric.id,
                "name": _text(item.metric.name),
                "month": str(item.month),
                "was": number(item.was),
                "now": number(item.now),
            }
            for item in changes.revised
        ],
        "actions_done": [_action(action) for action in changes.done],
        "actions_new": [_action(action) for action in changes.new],
        "actions_newly_overdue": [_action(action) for action in changes.newly_overdue],
    }


def _content(content: Content) -> JSON:
    def post(item: Post) -> JSON:
        return {
            "channel": _text(item.channel),
            "id": _text(item.post_id),
            "published": _iso(item.published),
            "type": _text(item.type),
            "text": _text(item.text),
        }

    return {
        "weeks": [
            {
                "channel": channel.channel,
                "planned": number(channel.planned),
                "max": number(channel.most),
                "weeks": [
                    {"week": week.monday.isoformat(), "posts": week.posts, "over_max": week.over}
                    for week in channel.weeks
                ],
            }
            for channel in content.cadence
        ],
        "top_posts": [
            {
                **post(item.post),
                "impressions": number(item.post.impressions),
                "engagements": number(item.post.engagement),
                "engagement_rate": item.rate,
            }
            for item in content.top
        ],
        "same_text": [
            {"text": item.text, "channels": list(item.channels), "posts": [post(each) for each in item.posts]}
            for item in content.same_text
        ],
    }


def _goal(review: GoalReview) -> JSON:
    return {
        "id": review.goal.id,
        "name": _text(review.goal.name),
        "status": review.status,
        "metrics": review.metrics._asdict(),
        "actions": review.actions._asdict(),
        **_spending(review.spending),
    }


def _owner(review: OwnerReview, month: Month) -> JSON:
    tasks = review.tasks
    return {
        "name": review.name,
        "actions": review.actions._asdict(),
        "metrics": review.metrics._asdict(),
        **_spending(review.spending),
        "tasks": {
            "actions": [
                {**_action(action), "overdue": is_overdue(action, month)} for action in tasks.actions
            ],
            "metrics": [
                {"id": item.metric.id, "name": _text(item.metric.name), "status": item.month.status}
                for item in tasks.metrics
            ],
            "decisions": [_decision(decision, month) for decision in tasks.decisions],
        },
    }


def _spending(spending: Spending) -> JSON:
    return {"budget": number(spending.budget), "spent": number(spending.spent)}


def _action(action: Action) -> JSON:
    return {
        "id": action.id,
        "name": _text(action.name),
        "owner": _text(action.owner),
        "due": _iso(action.due),
        "status": action.status,
    }


def _decision(decision: Decision, month: Month) -> JSON:
    return {
        "month": str(decision.month) if decision.month else None,
        "decision": _text(decision.text),
        "owner": _text(decision.owner),
        "due": _iso(decision.due),
        "status": decision.status,
        "metric": _text(decision.metric_id),
        "action": _text(decision.action_id),
        "notes": _text(decision.notes),
        "overdue": decisions.is_overdue(decision, month),
    }


def _iso(day: date | None) -> str | None:
    if day is None:
        return None
    return (day.date() if isinstance(day, datetime) else day).isoformat()


def _text(value: str) -> str | None:
    """Text as read, or None for a blank cell: absent values are null."""
    return value if value.strip() else None
