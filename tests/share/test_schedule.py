"""What goes in a plan's calendar, picked from plans built in code."""

from __future__ import annotations

from datetime import date, time

import pytest

from sheetplan.plan.errors import SourceError, UsageError
from sheetplan.plan.meeting import ReviewDay
from sheetplan.plan.model import Action, Month, Owner, Plan, Settings
from sheetplan.share.schedule import chosen_owner, is_open, review_meetings


def plan(review_day: str = "last Friday", **settings: str) -> Plan:
    return Plan(
        Settings("Plan", Month(2026, 1), 3, review_day=review_day, **settings),
        owners=(Owner("Ana Koleva"), Owner("Boris")),
        actions=(Action("A1", "G1", "Call", "Petya", date(2026, 1, 9), "not started"),),
    )


def test_the_meetings_are_those_of_the_plans_months_not_past() -> None:
    meetings = review_meetings(plan(review_time="9:30"), "plan.xlsx", date(2026, 1, 31))
    assert (meetings.day, meetings.at, meetings.zone) == (ReviewDay(-1, 4), time(9, 30), None)
    assert meetings.dates == (date(2026, 2, 27), date(2026, 3, 27))


def test_a_plan_built_in_code_names_the_settings_sheet_for_a_setting_it_cannot_read() -> None:
    with pytest.raises(SourceError) as raised:
        review_meetings(plan(time_zone="Mars"), "plan.xlsx", date(2026, 1, 1))
    message = '"Mars" is not a time zone; use a name such as Europe/Sofia or America/New_York'
    assert str(raised.value) == f"plan.xlsx: Settings: {message}"


@pytest.mark.parametrize(
    ("typed", "expected"), [("ana koleva", "Ana Koleva"), ("BORIS", "Boris"), ("Petya", "Petya")]
)
def test_an_owner_is_any_person_the_plan_names_in_any_case(typed: str, expected: str) -> None:
    assert chosen_owner(plan(), "plan.xlsx", typed) == expected


def test_a_plan_with_no_owners_says_so() -> None:
    with pytest.raises(UsageError) as raised:
        chosen_owner(Plan(Settings("Plan", Month(2026, 1), 3)), "plan.xlsx", "Ana")
    assert (
        str(raised.value) == 'plan.xlsx: --owner "Ana" is not on the Owners sheet; the plan names no owners'
    )


@pytest.mark.parametrize(
    ("status", "due", "owner", "expected"),
    [
        ("not started", date(2026, 1, 9), None, True),
        (None, date(2026, 1, 9), None, True),
        ("blocked", date(2026, 1, 9), "petya", True),
        ("in progress", date(2026, 1, 9), "Boris", False),
        ("done", date(2026, 1, 9), None, False),
        ("dropped", date(2026, 1, 9), None, False),
        ("in progress", None, None, False),
    ],
)
def test_an_action_is_in_the_calendar_while_open_with_a_due_date(
    status: str | None, due: date | None, owner: str | None, expected: bool
) -> None:
    assert is_open(Action("A1", "G1", "Call", "Petya", due, status), owner) is expected
