"""The review's roll-ups: goals, owners, overdue and upcoming actions, and budget against spent.

Pure functions of the plan and the metrics' reviews. Goal IDs and owner names are matched the way the
readers match names (`schema.normalise`: any case, spaces folded), so `maria ` counts for `Maria`.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from datetime import date, datetime
from decimal import Decimal
from typing import TypeVar

from sheetplan.plan.model import Action, Month, Owner, Plan
from sheetplan.plan.schema import ACTION_DONE, ACTION_DROPPED, DECISION_OPEN, DONE_STATUSES, normalise
from sheetplan.review.model import (
    SEVERITY,
    ActionCounts,
    ActionSpending,
    GoalReview,
    MetricReview,
    OwnerReview,
    Spending,
    Status,
    StatusCounts,
    Tasks,
)

T = TypeVar("T")


def goal_reviews(plan: Plan, metrics: Sequence[MetricReview], month: Month) -> tuple[GoalReview, ...]:
    """Each goal's worst metric status, its metrics by status, its actions counted, and its money."""
    statuses_of = _grouped(metrics, lambda review: review.metric.goal_id)
    actions_of = _grouped(plan.actions, lambda action: action.goal_id)
    reviews = []
    for goal in plan.goals:
        key = normalise(goal.id)
        statuses = [review.month.status for review in statuses_of.get(key, [])]
        actions = actions_of.get(key, [])
        reviews.append(
            GoalReview(
                goal=goal,
                status=worst_status(statuses),
                metrics=status_counts(statuses),
                actions=action_counts(actions, month),
                spending=spending(actions),
            )
        )
    return tuple(reviews)


def owner_reviews(plan: Plan, metrics: Sequence[MetricReview], month: Month) -> tuple[OwnerReview, ...]:
    """Each person's actions, the metrics they own by month status, and their actions' money."""
    actions_of = _grouped(plan.actions, lambda action: action.owner)
    statuses_of = _grouped(metrics, lambda review: review.metric.owner)
    open_decisions = (decision for decision in plan.decisions if decision.status == DECISION_OPEN)
    decisions_of = _grouped(open_decisions, lambda decision: decision.owner)
    reviews = []
    for name, owner in _owner_names(plan):
        key = normalise(name)
        actions = actions_of.get(key, [])
        owned = statuses_of.get(key, [])
        statuses = [review.month.status for review in owned]
        # By due date: the overdue ones come first, and those without a date (check names them) last.
        to_do = [action for action in actions if action.status not in DONE_STATUSES]
        to_do.sort(key=lambda action: _day(action.due) or date.max)
        reviews.append(
            OwnerReview(
                name=name,
                owner=owner,
                actions=action_counts(actions, month),
                metrics=status_counts(statuses),
                spending=spending(actions),
                tasks=Tasks(tuple(to_do), tuple(owned), tuple(decisions_of.get(key, []))),
            )
        )
    return tuple(reviews)


def _grouped(items: Iterable[T], name: Callable[[T], str]) -> dict[str, list[T]]:
    """Items by their name as `normalise` folds it, each group in the order given.

    Folding each name once and grouping beats scanning every action for every goal or person: a plan
    of 10,000 actions and 50 goals would fold half a million names.
    """
    groups: dict[str, list[T]] = {}
    folded: dict[str, str] = {}
    for item in items:
        raw = name(item)
        key = folded.get(raw)
        if key is None:
            key = folded[raw] = normalise(raw)
        groups.setdefault(key, []).append(item)
    return groups


def _owner_names(plan: Plan) -> list[tuple[str, Owner | None]]:
    """Everyone on the Owners sheet, then any other name used as an owner, each once, first seen first."""
    names: dict[str, tuple[str, Owner | None]] = {}
    for owner in plan.owners:
        if owner.name.strip():
            names.setdefault(normalise(owner.name), (owner.name.strip(), owner))
    used = (
        *(goal.owner for goal in plan.goals),
        *(action.owner for action in plan.actions),
        *(metric.owner for metric in plan.metrics),
        *(assumption.owner for assumption in plan.assumptions),
    )
    for name in used:
        if name.strip():
            names.setdefault(normalise(name), (name.strip(), None))
    return list(names.values())


def worst_status(statuses: Iterable[Status]) -> Status:
    """The worst of some statuses (off_track > at_risk > on_track), ignoring no_data; no_data if all are."""
    return max(statuses, key=SEVERITY.__getitem__, default="no_data")


def status_counts(statuses: Iterable[Status]) -> StatusCounts:
    counted = Counter(statuses)
    return StatusCounts(
        on_track=counted["on_track"],
        at_risk=counted["at_risk"],
        off_track=counted["off_track"],
        no_data=counted["no_data"],
    )


def action_counts(actions: Sequence[Action], month: Month) -> ActionCounts:
    """Actions counted: all, done, open (neither done nor dropped), overdue in `month`, and dropped."""
    return ActionCounts(
        total=len(actions),
        done=sum(action.status == ACTION_DONE for action in actions),
        open=sum(action.status not in DONE_STATUSES for action in actions),
        overdue=sum(is_overdue(action, month) for action in actions),
        dropped=sum(action.status == ACTION_DROPPED for action in actions),
    )


def is_overdue(action: Action, month: Month) -> bool:
    """Whether an action is overdue at the review: due by the month's last day and neither done nor dropped.

    An action without a due date is never overdue (the check reports the blank cell instead).
    """
    due = _day(action.due)
    return due is not None and due <= month.last_day and action.status not in DONE_STATUSES


def is_due_next_month(action: Action, month: Month) -> bool:
    """Whether an action is due in the month after the review month and is neither done nor dropped."""
    due = _day(action.due)
    return due is not None and Month.of(due) == month + 1 and action.status not in DONE_STATUSES


def overdue_actions(actions: Iterable[Action], month: Month) -> tuple[Action, ...]:
    """The overdue actions, the longest overdue first; ties keep the Actions sheet's order."""
    return _by_due(action for action in actions if is_overdue(action, month))


def actions_due_next_month(actions: Iterable[Action], month: Month) -> tuple[Action, ...]:
    """The actions due in the month after `month`, soonest first; ties keep the Actions sheet's order."""
    return _by_due(action for action in actions if is_due_next_month(action, month))


def spending(actions: Iterable[Action]) -> Spending:
    """Budget and spent summed over actions, in decimal; blank cells count as 0, so no actions give 0."""
    actions = list(actions)
    return Spending(
        budget=_money([action.budget for action in actions]),
        spent=_money([action.spent for action in actions]),
    )


def actions_spending(actions: Iterable[Action]) -> tuple[ActionSpending, ...]:
    """Each action's budget against spent, blanks as 0, in the order given."""
    return tuple(ActionSpending(action, spending([action])) for action in actions)


def _money(amounts: Iterable[float | None]) -> float:
    # repr gives the amount as typed (0.1, not its binary expansion), so 0.1 + 0.2 sums to 0.3
    total = sum(
        (Decimal(repr(amount)) for amount in amounts if amount is not None and math.isfinite(amount)),
        Decimal(0),
    )
    return float(total)


def _by_due(actions: Iterable[Action]) -> tuple[Action, ...]:
    return tuple(sorted(actions, key=lambda action: _day(action.due) or date.min))


def _day(value: date | None) -> date | None:
    """A due date as a plain date: a date-time cell counts by its day."""
    return value.date() if isinstance(value, datetime) else value
