"""Each person's part of a review: their overdue actions, those due next month, their other open
ones, and the metrics they own. The report lists everyone's; an owner's e-mail starts with theirs.

Pure, and nothing is counted again: the actions come from the Review's lists, the counts from its
OwnerReview.
"""

from __future__ import annotations

from dataclasses import dataclass

from sheetplan.plan.model import Action
from sheetplan.plan.schema import DONE_STATUSES, normalise
from sheetplan.review.model import MetricReview, OwnerReview, Review


@dataclass(frozen=True)
class Tasks:
    """One person's tasks at the review: overdue first, then due next month, then the rest still open."""

    owner: OwnerReview
    overdue: tuple[Action, ...]
    due_next_month: tuple[Action, ...]
    other_open: tuple[Action, ...]
    metrics: tuple[MetricReview, ...]

    @property
    def empty(self) -> bool:
        return not (self.overdue or self.due_next_month or self.other_open or self.metrics)


def tasks_of(review: Review, owner: OwnerReview) -> Tasks:
    """`owner`'s tasks in `review`, their names matched in any case as the review matches them."""
    name = normalise(owner.name)
    overdue = tuple(action for action in review.actions_overdue if normalise(action.owner) == name)
    due_next = tuple(action for action in review.actions_due_next_month if normalise(action.owner) == name)
    listed = {id(action) for action in (*overdue, *due_next)}
    other = tuple(
        item.action
        for item in review.actions_spending
        if normalise(item.action.owner) == name
        and item.action.status not in DONE_STATUSES
        and id(item.action) not in listed
    )
    metrics = tuple(item for item in review.metrics if normalise(item.metric.owner) == name)
    return Tasks(owner, overdue, due_next, other, metrics)


def everyone(review: Review) -> list[Tasks]:
    """The tasks of each person in the owners' scorecard who has any, in its order."""
    return [tasks for owner in review.owners if not (tasks := tasks_of(review, owner)).empty]


def owner_by_email(review: Review, address: str) -> OwnerReview | None:
    """The person on the Owners sheet with this e-mail address, in any case; None for someone else."""
    wanted = normalise(address)
    return next(
        (owner for owner in review.owners if owner.owner and normalise(owner.owner.email) == wanted), None
    )
