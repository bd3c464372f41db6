"""The roll-ups (docs/variance.md): goal status, overdue and upcoming actions, owners, budget and spent."""

from __future__ import annotations

from datetime import date, datetime

import pytest
from plan_builder import plan_grid, sample, set_cell

from sheetplan.plan.model import Action, Assumption, Goal, Metric, Month, Owner, Plan, Settings
from sheetplan.read.load import load
from sheetplan.review.model import ActionCounts, Spending, StatusCounts
from sheetplan.review.rollup import action_counts, is_due_next_month, is_overdue, spending, worst_status
from sheetplan.review.variance import build_review

MARCH = Month(2026, 3)


def _action(
    id: str = "A1",
    due: date | None = date(2026, 3, 15),
    status: str | None = "in progress",
    owner: str = "Maria",
    goal: str = "G1",
    budget: float | None = None,
    spent: float | None = None,
) -> Action:
    return Action(id, goal, f"Action {id}", owner, due, status, budget=budget, spent=spent)


@pytest.mark.parametrize(
    ("statuses", "worst"),
    [
        (["on_track", "at_risk", "off_track"], "off_track"),
        (["at_risk", "on_track"], "at_risk"),
        (["on_track", "on_track"], "on_track"),
        (["no_data", "on_track"], "on_track"),
        (["no_data", "at_risk", "no_data"], "at_risk"),
        (["no_data", "no_data"], "no_data"),
        ([], "no_data"),
    ],
)
def test_goal_status_is_the_worst_ignoring_no_data(statuses: list[str], worst: str) -> None:
    assert worst_status(statuses) == worst  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("month", "due", "status", "overdue", "due_next_month"),
    [
        (MARCH, date(2026, 3, 31), "in progress", True, False),  # on the month's last day
        (MARCH, datetime(2026, 3, 31, 18, 0), "in progress", True, False),
        (MARCH, date(2026, 4, 1), "in progress", False, True),  # the day after
        (MARCH, date(2026, 4, 30), "not started", False, True),
        (MARCH, date(2026, 5, 1), "not started", False, False),
        (MARCH, date(2026, 1, 10), "blocked", True, False),
        (MARCH, date(2026, 3, 31), None, True, False),  # a blank status is not closed
        (MARCH, date(2026, 3, 31), "done", False, False),
        (MARCH, date(2026, 3, 31), "dropped", False, False),
        (MARCH, date(2026, 4, 10), "done", False, False),
        (MARCH, None, "in progress", False, False),  # no due date: the check reports it instead
        # next month across the year's end
        (Month(2026, 12), date(2027, 1, 15), "in progress", False, True),
        (Month(2026, 12), date(2027, 2, 1), "in progress", False, False),
        (Month(2026, 12), date(2026, 12, 31), "in progress", True, False),
    ],
)
def test_overdue_and_due_next_month(
    month: Month, due: date | None, status: str | None, overdue: bool, due_next_month: bool
) -> None:
    action = _action(due=due, status=status)
    assert (is_overdue(action, month), is_due_next_month(action, month)) == (overdue, due_next_month)


def test_action_counts() -> None:
    actions = [
        _action("A1", status="done"),
        _action("A2", status="done", due=date(2026, 1, 1)),
        _action("A3", status="dropped", due=date(2026, 1, 1)),
        _action("A4", status="in progress", due=date(2026, 3, 31)),
        _action("A5", status="blocked", due=date(2026, 4, 1)),
        _action("A6", status=None, due=None),
    ]
    assert action_counts(actions, MARCH) == ActionCounts(total=6, done=2, open=3, overdue=1, dropped=1)
    assert action_counts([], MARCH) == ActionCounts(0, 0, 0, 0, 0)


@pytest.mark.parametrize(
    ("amounts", "expected"),
    [
        ([(1000, 800), (500, 520)], Spending(1500, 1320)),
        ([(0.1, 0.1), (0.2, 0.2)], Spending(0.3, 0.3)),  # no float noise
        ([(None, 100), (300, None)], Spending(300, 100)),  # blank counts as 0
        ([(None, None)], Spending(0, 0)),
        ([], Spending(0, 0)),
    ],
)
def test_spending_sums_budget_and_spent(
    amounts: list[tuple[float | None, float | None]], expected: Spending
) -> None:
    actions = [_action(f"A{n}", budget=budget, spent=spent) for n, (budget, spent) in enumerate(amounts)]
    assert spending(actions) == expected


def _plan() -> Plan:
    """Two goals; owners on the sheet (Elena has nothing), a goal owner and an action owner who are not."""
    return Plan(
        Settings("Plan", Month(2026, 1), 12),
        goals=(
            Goal("G1", "More visits", "", "", "Georgi"),
            Goal("G2", "More sales", "", "", "Maria"),
            Goal("G3", "Nothing yet", "", "", "Maria"),
        ),
        owners=(Owner("Maria"), Owner("Ivan"), Owner("Elena")),
        actions=(
            _action("A1", goal="G1", owner="Maria", status="done", budget=1000, spent=800),
            _action("A2", goal="G1", owner="maria ", due=date(2026, 3, 20), budget=500, spent=520),
            _action("A3", goal="G1", owner="Ivan", due=date(2026, 2, 10), status="blocked", spent=40),
            _action("A4", goal="G2", owner="Petar", due=date(2026, 4, 2), status="not started", budget=200),
            _action("A5", goal="G2", owner="Ivan", due=date(2026, 1, 5), status="dropped", budget=50),
        ),
        metrics=(
            Metric("M1", "Visits", "G1", "Maria", "up", "sum"),  # 85 of 100: at_risk
            Metric("M2", "Cost", "g1", "Ivan", "down", "sum"),  # 130 of 100: off_track
            Metric("M3", "Sales", "G2", "Maria", "up", "sum"),  # no actual: no_data
            Metric("M4", "Orders", "G2", "Maria", "up", "last"),  # 100 of 100: on_track
        ),
        forecasts={m: {MARCH: 100} for m in ("M1", "M2", "M3", "M4")},
        actuals={"M1": {MARCH: 85}, "M2": {MARCH: 130}, "M4": {MARCH: 100}},
        assumptions=(
            Assumption("People share videos", "Elena", "unsure"),
            Assumption("Ads pay", "Zoya", "no"),
        ),
    )


def test_goals_roll_up_their_metrics_actions_and_money() -> None:
    goals = build_review(_plan(), MARCH).goals
    assert [(g.goal.id, g.status, g.metrics, g.actions, g.spending) for g in goals] == [
        ("G1", "off_track", StatusCounts(0, 1, 1, 0), ActionCounts(3, 1, 2, 2, 0), Spending(1500, 1360)),
        ("G2", "on_track", StatusCounts(1, 0, 0, 1), ActionCounts(2, 0, 1, 0, 1), Spending(250, 0)),
        ("G3", "no_data", StatusCounts(0, 0, 0, 0), ActionCounts(0, 0, 0, 0, 0), Spending(0, 0)),
    ]


def test_owners_in_sheet_order_then_first_use() -> None:
    owners = build_review(_plan(), MARCH).owners
    assert [(o.name, o.owner is not None, o.actions, o.metrics, o.spending) for o in owners] == [
        ("Maria", True, ActionCounts(2, 1, 1, 1, 0), StatusCounts(1, 1, 0, 1), Spending(1500, 1320)),
        ("Ivan", True, ActionCounts(2, 0, 1, 1, 1), StatusCounts(0, 0, 1, 0), Spending(50, 40)),
        ("Elena", True, ActionCounts(0, 0, 0, 0, 0), StatusCounts(0, 0, 0, 0), Spending(0, 0)),
        ("Georgi", False, ActionCounts(0, 0, 0, 0, 0), StatusCounts(0, 0, 0, 0), Spending(0, 0)),
        ("Petar", False, ActionCounts(1, 0, 1, 0, 0), StatusCounts(0, 0, 0, 0), Spending(200, 0)),
        ("Zoya", False, ActionCounts(0, 0, 0, 0, 0), StatusCounts(0, 0, 0, 0), Spending(0, 0)),
    ]


def test_review_lists_overdue_and_upcoming_actions_and_totals() -> None:
    review = build_review(_plan(), MARCH)
    assert [action.id for action in review.actions_overdue] == ["A3", "A2"]  # longest overdue first
    assert [action.id for action in review.actions_due_next_month] == ["A4"]
    assert review.spending == Spending(1750, 1360)
    assert [(item.action.id, item.spending) for item in review.actions_spending] == [
        ("A1", Spending(1000, 800)),
        ("A2", Spending(500, 520)),
        ("A3", Spending(0, 40)),
        ("A4", Spending(200, 0)),
        ("A5", Spending(50, 0)),
    ]
    assert review.actions_spending[1].spending.over
    assert review.actions_spending[1].spending.remaining == -20
    assert [a.text for a in review.assumptions] == ["People share videos", "Ads pay"]


def test_overdue_ties_keep_sheet_order() -> None:
    plan = Plan(
        Settings("Plan", Month(2026, 1), 12),
        actions=tuple(_action(id, due=date(2026, 2, day)) for id, day in (("B", 9), ("C", 3), ("A", 9))),
    )
    assert [action.id for action in build_review(plan, MARCH).actions_overdue] == ["C", "B", "A"]


def test_an_owner_typed_in_another_case_is_one_person_everywhere_in_the_review() -> None:
    """`maria` on an action is Maria of the Owners sheet in the owners, the overdue list and the agenda."""
    grid = set_cell(plan_grid(sample()), "Actions", "E3", "  elena ")  # A2, overdue in March
    set_cell(grid, "Metrics", "D4", "ELENA")
    plan, problems = load(grid, "plan.xlsx")
    assert [(problem.cell, problem.code) for problem in problems] == [
        ("Actions!E3", "owner_spelling"),
        ("Metrics!D4", "owner_spelling"),
    ]
    review = build_review(plan, Month(2025, 3))
    assert [owner.name for owner in review.owners] == ["Maria", "Ivan", "Elena"]
    assert [(action.id, action.owner) for action in review.actions_overdue] == [
        ("A2", "Elena"),
        ("A3", "Ivan"),
    ]
    assert {metric.metric.owner for metric in review.metrics} == {"Maria", "Ivan", "Elena"}
