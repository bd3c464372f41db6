"""`review --json`: the documented object, key for key and in order, for a small plan built by hand."""

from __future__ import annotations

import json
from collections.abc import Mapping
from datetime import date
from typing import Any

import pytest

from sheetplan.plan.model import Action, Assumption, Decision, Goal, Metric, Month, Owner, Plan, Settings
from sheetplan.review.as_json import number, review_json
from sheetplan.review.variance import build_review

Q1 = ("2026-01", "2026-02", "2026-03")


def _series(values: Mapping[str, float]) -> dict[Month, float]:
    return {Month.parse(month): value for month, value in values.items()}


PLAN = Plan(
    Settings("Acme social media plan", Month(2026, 1), 12, currency="EUR"),
    goals=(
        Goal("G1", "More visits from social", "Few visits", "Visits bring sales", "Maria"),
        Goal("G2", "A newsletter", "No list", "We own the list", "Maria"),
    ),
    owners=(Owner("Maria", "Marketing lead"), Owner("Ivan")),
    actions=(
        Action(
            "A1", "G1", "Open the accounts", "Maria", date(2026, 1, 31), "done", budget=1000.0, spent=800.0
        ),
        Action(
            "A2",
            "G1",
            "Run the spring campaign",
            "Ivan",
            date(2026, 3, 15),
            "in progress",
            budget=500,
            spent=520,
        ),
        Action("A3", "G1", "Film three videos", "Maria", date(2026, 4, 10), "not started"),
        Action("A4", "G2", "Buy a mailing tool", "Maria", date(2026, 2, 1), "dropped", budget=100),
    ),
    metrics=(
        Metric("M1", "Website visits from social", "G1", "Maria", "up", "sum", unit="visits"),
        Metric("M2", "Cost per click", "G1", "Ivan", "down", "average", tolerance=0.15),
        Metric("M3", "Subscribers", "G2", "", "up", "last", unit="people"),
    ),
    forecasts={
        "M1": _series(
            {"2026-01": 1000, "2026-02": 1100, "2026-03": 1200}
            | {str(Month(2026, 4) + n): 1300 for n in range(9)}
        ),
        "M2": _series({"2026-01": 2.0, "2026-02": 2.0, "2026-03": 2.6}),
        "M3": _series({"2026-03": 50.0}),
    },
    actuals={
        "M1": _series({"2026-01": 1050.0, "2026-02": 1120.0, "2026-03": 1010.0}),
        "M2": _series({"2026-01": 1.8, "2026-03": 2.7}),
    },
    # The forecast as first agreed: a slower start, a faster rest of the year than the current one.
    baseline={
        "M1": _series(
            {"2026-01": 1000, "2026-02": 1000, "2026-03": 1000}
            | {str(Month(2026, 4) + n): 1600 for n in range(9)}
        )
    },
    assumptions=(Assumption("Videos get shared", "Maria", "unsure"), Assumption("Ads pay off")),
    decisions=(
        Decision(Month(2026, 1), "Drop the flyer", "Ivan", None, "dropped"),
        Decision(
            Month(2026, 2), "Two videos a week until visits recover", "Maria", date(2026, 3, 31), "open", "M1"
        ),
        Decision(
            Month(2026, 3), "Ask for a quote", "Ivan", date(2026, 4, 30), "open", action_id="A2", notes="Two"
        ),
    ),
)

TWO_VIDEOS = {
    "month": "2026-02",
    "decision": "Two videos a week until visits recover",
    "owner": "Maria",
    "due": "2026-03-31",
    "status": "open",
    "metric": "M1",
    "action": None,
    "notes": None,
    "overdue": True,
}
"""The open decision that the review follows up, and its owner goes through."""

EXPECTED: dict[str, Any] = {
    "plan": "Acme social media plan",
    "month": "2026-03",
    "metrics": [
        {
            "id": "M1",
            "name": "Website visits from social",
            "goal": "G1",
            "owner": "Maria",
            "unit": "visits",
            "direction": "up",
            "aggregation": "sum",
            "tolerance": 0.1,
            "month": {
                "forecast": 1200,
                "actual": 1010,
                "variance": -190,
                "variance_pct": -0.1583,
                "status": "at_risk",
            },
            "ytd": {
                "forecast": 3300,
                "actual": 3180,
                "variance": -120,
                "variance_pct": -0.0364,
                "status": "on_track",
                "missing_months": [],
            },
            # 3180 in 3 months runs to 12720 in 12, against 3300 + 9 × 1300 planned
            "projection": {
                "plan": 15000,
                "projected": 12720,
                "variance": -2280,
                "variance_pct": -0.152,
                "status": "at_risk",
            },
            # Ahead of the baseline so far; 3180 to date and 9 × 1300 still forecast fall short of
            # the 3000 + 9 × 1600 agreed.
            "baseline": {
                "month": {
                    "forecast": 1000,
                    "actual": 1010,
                    "variance": 10,
                    "variance_pct": 0.01,
                    "status": "on_track",
                },
                "ytd": {
                    "forecast": 3000,
                    "actual": 3180,
                    "variance": 180,
                    "variance_pct": 0.06,
                    "status": "on_track",
                    "missing_months": [],
                },
                "outlook": {
                    "baseline": 17400,
                    "outlook": 14880,
                    "variance": -2520,
                    "variance_pct": -0.1448,
                    "status": "at_risk",
                },
            },
            "previous_status": "on_track",
            "trend": [
                {"month": "2026-01", "forecast": 1000, "actual": 1050},
                {"month": "2026-02", "forecast": 1100, "actual": 1120},
                {"month": "2026-03", "forecast": 1200, "actual": 1010},
            ],
        },
        {
            "id": "M2",
            "name": "Cost per click",
            "goal": "G1",
            "owner": "Ivan",
            "unit": None,
            "direction": "down",
            "aggregation": "average",
            "tolerance": 0.15,
            "month": {
                "forecast": 2.6,
                "actual": 2.7,
                "variance": 0.1,
                "variance_pct": 0.0385,
                "status": "on_track",
            },
            "ytd": {
                "forecast": 2.3,
                "actual": 2.25,
                "variance": -0.05,
                "variance_pct": -0.0217,
                "status": "on_track",
                "missing_months": ["2026-02"],
            },
            "projection": {
                "plan": 2.2,
                "projected": 2.25,
                "variance": 0.05,
                "variance_pct": 0.0227,
                "status": "on_track",
            },
            "baseline": None,
            "previous_status": "no_data",
            "trend": [
                {"month": "2026-01", "forecast": 2, "actual": 1.8},
                {"month": "2026-02", "forecast": 2, "actual": None},
                {"month": "2026-03", "forecast": 2.6, "actual": 2.7},
            ],
        },
        {
            "id": "M3",
            "name": "Subscribers",
            "goal": "G2",
            "owner": None,
            "unit": "people",
            "direction": "up",
            "aggregation": "last",
            "tolerance": 0.1,
            "month": {
                "forecast": 50,
                "actual": None,
                "variance": None,
                "variance_pct": None,
                "status": "no_data",
            },
            "ytd": {
                "forecast": None,
                "actual": None,
                "variance": None,
                "variance_pct": None,
                "status": "no_data",
                "missing_months": list(Q1),
            },
            "projection": None,
            "baseline": None,
            "previous_status": "no_data",
            "trend": [
                {"month": "2026-01", "forecast": None, "actual": None},
                {"month": "2026-02", "forecast": None, "actual": None},
                {"month": "2026-03", "forecast": 50, "actual": None},
            ],
        },
    ],
    "goals": [
        {
            "id": "G1",
            "name": "More visits from social",
            "status": "at_risk",
            "metrics": {"on_track": 1, "at_risk": 1, "off_track": 0, "no_data": 0},
            "actions": {"total": 3, "done": 1, "open": 2, "overdue": 1, "dropped": 0},
            "budget": 1500,
            "spent": 1320,
        },
        {
            "id": "G2",
            "name": "A newsletter",
            "status": "no_data",
            "metrics": {"on_track": 0, "at_risk": 0, "off_track": 0, "no_data": 1},
            "actions": {"total": 1, "done": 0, "open": 0, "overdue": 0, "dropped": 1},
            "budget": 100,
            "spent": 0,
        },
    ],
    "owners": [
        {
            "name": "Maria",
            "actions": {"total": 3, "done": 1, "open": 1, "overdue": 0, "dropped": 1},
            "metrics": {"on_track": 0, "at_risk": 1, "off_track": 0, "no_data": 0},
            "budget": 1100,
            "spent": 800,
            "tasks": {
                "actions": [
                    {
                        "id": "A3",
                        "name": "Film three videos",
                        "owner": "Maria",
                        "due": "2026-04-10",
                        "status": "not started",
                        "overdue": False,
                    }
                ],
                "metrics": [{"id": "M1", "name": "Website visits from social", "status": "at_risk"}],
                "decisions": [TWO_VIDEOS],
            },
        },
        {
            "name": "Ivan",
            "actions": {"total": 1, "done": 0, "open": 1, "overdue": 1, "dropped": 0},
            "metrics": {"on_track": 1, "at_risk": 0, "off_track": 0, "no_data": 0},
            "budget": 500,
            "spent": 520,
            "tasks": {
                "actions": [
                    {
                        "id": "A2",
                        "name": "Run the spring campaign",
                        "owner": "Ivan",
                        "due": "2026-03-15",
                        "status": "in progress",
                        "overdue": True,
                    }
                ],
                "metrics": [{"id": "M2", "name": "Cost per click", "status": "on_track"}],
                "decisions": [
                    {
                        "month": "2026-03",
                        "decision": "Ask for a quote",
                        "owner": "Ivan",
                        "due": "2026-04-30",
                        "status": "open",
                        "metric": None,
                        "action": "A2",
                        "notes": "Two",
                        "overdue": False,
                    }
                ],
            },
        },
    ],
    "actions_overdue": [
        {
            "id": "A2",
            "name": "Run the spring campaign",
            "owner": "Ivan",
            "due": "2026-03-15",
            "status": "in progress",
        }
    ],
    "actions_due_next_month": [
        {
            "id": "A3",
            "name": "Film three videos",
            "owner": "Maria",
            "due": "2026-04-10",
            "status": "not started",
        }
    ],
    "assumptions": [
        {"assumption": "Videos get shared", "owner": "Maria", "still_true": "unsure"},
        {"assumption": "Ads pay off", "owner": None, "still_true": None},
    ],
    "budget": {"budget": 1600, "spent": 1320},
    "decisions": [TWO_VIDEOS],
    "changes": {
        "since": "2026-02",
        "improved": [],
        "worsened": [{"id": "M1", "name": "Website visits from social", "was": "on_track", "now": "at_risk"}],
        "forecasts_revised": [],
        "actions_done": [],
        "actions_new": [],
        "actions_newly_overdue": [
            {
                "id": "A2",
                "name": "Run the spring campaign",
                "owner": "Ivan",
                "due": "2026-03-15",
                "status": "in progress",
            }
        ],
    },
}

DOCUMENTED_ORDER = {
    "review": [
        "plan",
        "month",
        "metrics",
        "goals",
        "owners",
        "actions_overdue",
        "actions_due_next_month",
        "assumptions",
    ],
    "metric": [
        "id",
        "name",
        "goal",
        "owner",
        "unit",
        "direction",
        "aggregation",
        "tolerance",
        "month",
        "ytd",
    ],
    "figures": ["forecast", "actual", "variance", "variance_pct", "status"],
    "goal": ["id", "name", "status", "metrics", "actions"],
    "statuses": ["on_track", "at_risk", "off_track", "no_data"],
    "actions": ["total", "done", "open", "overdue"],
    "owner": ["name", "actions", "metrics", "budget", "spent", "tasks"],
    "action": ["id", "name", "owner", "due", "status"],
    "assumption": ["assumption", "owner", "still_true"],
}


@pytest.fixture(scope="module")
def obj() -> dict[str, Any]:
    return review_json(build_review(PLAN, Month(2026, 3)))


def test_review_json_is_the_expected_object(obj: dict[str, Any]) -> None:
    assert obj == EXPECTED


def _starts_with(keys: list[str], spec: str) -> bool:
    """The documented keys first, in their order; anything added comes after them."""
    return keys[: len(DOCUMENTED_ORDER[spec])] == DOCUMENTED_ORDER[spec]


def test_keys_come_in_spec_order(obj: dict[str, Any]) -> None:
    assert _starts_with(list(obj), "review")
    for metric in obj["metrics"]:
        assert _starts_with(list(metric), "metric")
        assert list(metric["month"]) == DOCUMENTED_ORDER["figures"]
        assert list(metric["ytd"]) == [*DOCUMENTED_ORDER["figures"], "missing_months"]
    for goal in obj["goals"]:
        assert _starts_with(list(goal), "goal")
        assert list(goal["metrics"]) == DOCUMENTED_ORDER["statuses"]
        assert _starts_with(list(goal["actions"]), "actions")
    for owner in obj["owners"]:
        assert list(owner) == DOCUMENTED_ORDER["owner"]
        assert list(owner["metrics"]) == DOCUMENTED_ORDER["statuses"]
        assert _starts_with(list(owner["actions"]), "actions")
    for action in [*obj["actions_overdue"], *obj["actions_due_next_month"]]:
        assert list(action) == DOCUMENTED_ORDER["action"]
    for assumption in obj["assumptions"]:
        assert list(assumption) == DOCUMENTED_ORDER["assumption"]
    # the exact order of everything, added keys included, as the expected object spells it
    assert json.dumps(obj) == json.dumps(EXPECTED)


def test_json_round_trip_keeps_numbers_as_read(obj: dict[str, Any]) -> None:
    text = json.dumps(obj, ensure_ascii=False)
    assert json.loads(text) == obj
    assert '"month": {"forecast": 1200, "actual": 1010, "variance": -190, "variance_pct": -0.1583' in text
    assert ".0," not in text and ".0}" not in text


@pytest.mark.parametrize(
    ("value", "shown"),
    [
        (1200.0, "1200"),
        (1200, "1200"),
        (-190.0, "-190"),
        (0.0, "0"),
        (2.25, "2.25"),
        (0.1, "0.1"),
        (None, "null"),
    ],
)
def test_number_prints_as_read(value: float | None, shown: str) -> None:
    assert json.dumps(number(value)) == shown
