"""Reading a plan from its source and checking it: what `check` reports and `review` starts from.

Light on purpose: `sheetplan check` imports this and no spreadsheet writer.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path

from sheetplan.check.report import ordered
from sheetplan.check.rules import check_plan
from sheetplan.plan.model import Grid, Plan, Problem
from sheetplan.read.load import load
from sheetplan.read.source import read_source


@dataclass(frozen=True)
class PlanRead:
    """A plan as read from its source, with every problem `sheetplan check` would report."""

    source: str
    grid: Grid
    plan: Plan
    problems: tuple[Problem, ...]

    @property
    def errors(self) -> tuple[Problem, ...]:
        return tuple(problem for problem in self.problems if problem.severity == "error")

    @property
    def warnings(self) -> tuple[Problem, ...]:
        return tuple(problem for problem in self.problems if problem.severity == "warning")


def read_plan(source: str, today: date, credentials: Path | None = None) -> PlanRead:
    """Read and check the plan at `source`; SourceError when it cannot be read at all."""
    grid = read_source(source, credentials)
    plan, problems = load(grid, source)
    found = ordered([*problems, *check_plan(plan, today=today, loaded=problems)])
    return PlanRead(source, grid, plan, tuple(found))
