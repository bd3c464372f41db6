"""What the rules of `check` look up: the plan, today's month, and the IDs and names the plan defines."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from functools import cached_property

from sheetplan.check import suggest
from sheetplan.plan import schema
from sheetplan.plan.model import Month, Plan, Problem, Severity


@dataclass(frozen=True)
class Context:
    """What several rules look up: the plan, today's month, and the IDs and names it defines."""

    plan: Plan
    this_month: Month
    goal_ids: frozenset[str]
    metric_ids: frozenset[str]
    owners: Mapping[str, str]
    """Each owner's name, folded as `schema.normalise` folds it, to the name as first listed."""
    channels: frozenset[str]

    @classmethod
    def of(cls, plan: Plan, today: date) -> Context:
        return cls(
            plan=plan,
            this_month=Month.of(today),
            goal_ids=frozenset(goal.id for goal in plan.goals if goal.id),
            metric_ids=frozenset(metric.id for metric in plan.metrics if metric.id),
            owners={
                schema.normalise(owner.name): owner.name for owner in reversed(plan.owners) if owner.name
            },
            channels=frozenset(channel.name for channel in plan.channels if channel.name),
        )

    @cached_property
    def folded_goal_ids(self) -> dict[str, str]:
        """The Goal IDs folded, to look up one typed in another case (worked out when first asked)."""
        return suggest.folded(goal.id for goal in self.plan.goals)

    @cached_property
    def folded_metric_ids(self) -> dict[str, str]:
        return suggest.folded(metric.id for metric in self.plan.metrics)

    @cached_property
    def folded_channels(self) -> dict[str, str]:
        return suggest.folded(channel.name for channel in self.plan.channels)

    def problem(
        self, severity: Severity, sheet: str, row: int, column: str | None, code: str, message: str
    ) -> Problem:
        address = self.plan.cell(sheet, row, column)
        return Problem(severity, self.plan.sheet_name(sheet), address, code, message)

    def header(self, sheet: str, column: str) -> str:
        return schema.sheet_by_key(sheet).column(column).header(self.plan.lang)
