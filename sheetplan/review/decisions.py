"""Which decisions a month's review follows up: those still open from earlier reviews, and those due.

Pure functions of the plan's Decisions rows; `variance.build_review` puts their results in the Review.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import replace
from datetime import date

from sheetplan.plan.model import Decision, Month
from sheetplan.plan.schema import DECISION_OPEN
from sheetplan.review.model import Review


def to_follow_up(decisions: Iterable[Decision], month: Month) -> tuple[Decision, ...]:
    """The open decisions taken at an earlier month's review, or due by the end of `month`: the first
    thing the meeting reads. Those due soonest come first (undated ones last), then in sheet order."""
    found = [
        decision
        for decision in decisions
        if decision.status == DECISION_OPEN
        and (
            (decision.month is not None and decision.month < month)
            or (decision.due is not None and decision.due <= month.last_day)
        )
    ]
    return tuple(sorted(found, key=lambda decision: decision.due or date.max))


def taken(decisions: Iterable[Decision], month: Month) -> tuple[Decision, ...]:
    """The decisions of `month`'s own review, in sheet order: what a second review of the month shows."""
    return tuple(decision for decision in decisions if decision.month == month)


def is_overdue(decision: Decision, month: Month) -> bool:
    """Whether an open decision was due on or before the last day of `month`."""
    return decision.status == DECISION_OPEN and decision.due is not None and decision.due <= month.last_day


def with_decisions(review: Review, decisions: Sequence[Decision]) -> Review:
    """The review as it would be of a plan whose Decisions sheet holds `decisions`."""
    month = review.month
    return replace(review, decisions=to_follow_up(decisions, month), decisions_taken=taken(decisions, month))
