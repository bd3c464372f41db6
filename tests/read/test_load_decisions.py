"""The Decisions sheet read into the plan: optional, in either language, its month typed either way."""

from __future__ import annotations

from datetime import date

import pytest
from plan_builder import TODAY, expected_plan, plan_grid, sample, set_cell

from sheetplan.check.rules import check_plan
from sheetplan.plan.model import Decision, Month
from sheetplan.plan.schema import Lang
from sheetplan.read.load import load

DECISIONS = [
    {
        "month": "2025-02",
        "decision": "Post case studies twice a week",
        "owner": "Maria",
        "due": date(2025, 3, 31),
        "status": "open",
        "metric_id": "M1",
        "action_id": "A1",
        "notes": "Agreed with sales",
    },
    {"month": "2025-03", "decision": "Drop the printed flyer", "owner": "Ivan", "status": "dropped"},
]


@pytest.mark.parametrize("lang", ["en", "bg"])
def test_decisions_are_read_with_their_rows(lang: Lang) -> None:
    data = sample()
    data.rows["decisions"] = DECISIONS
    plan, problems = load(plan_grid(data, lang), "plan.xlsx")
    assert problems == []
    assert plan == expected_plan(data)
    assert plan.decisions == (
        Decision(
            Month(2025, 2),
            "Post case studies twice a week",
            "Maria",
            date(2025, 3, 31),
            "open",
            "M1",
            "A1",
            "Agreed with sales",
        ),
        Decision(Month(2025, 3), "Drop the printed flyer", "Ivan", None, "dropped"),
    )
    assert [decision.row for decision in plan.decisions] == [2, 3]
    assert check_plan(plan, today=TODAY) == []


def test_a_month_typed_as_a_date_counts_as_its_month() -> None:
    data = sample()
    data.rows["decisions"] = DECISIONS[1:]
    grid = set_cell(plan_grid(data), "Decisions", "A2", date(2025, 3, 1))
    plan, problems = load(grid, "plan.xlsx")
    assert problems == []
    assert plan.decisions[0].month == Month(2025, 3)


def test_a_plan_without_a_decisions_sheet_reads_as_before() -> None:
    grid = plan_grid(sample())
    del grid["Decisions"]
    plan, problems = load(grid, "plan.xlsx")
    assert problems == []
    assert plan == expected_plan(sample())
    assert "decisions" not in plan.locations
