"""Which decisions a review follows up: open ones of earlier months and those due, soonest due first."""

from __future__ import annotations

from datetime import date

import pytest

from sheetplan.plan.model import Decision, Month
from sheetplan.review.decisions import is_overdue, taken, to_follow_up

MARCH = Month(2025, 3)
EARLIER = Decision(Month(2025, 1), "Earlier, undated", "Maria", None, "open")
EARLIER_DONE = Decision(Month(2025, 1), "Earlier, done", "Maria", date(2025, 2, 1), "done")
LATER_DUE = Decision(Month(2025, 2), "Due in May", "Ivan", date(2025, 5, 1), "open")
THIS_MONTH_DUE = Decision(MARCH, "Due this month", "Elena", date(2025, 3, 31), "open")
THIS_MONTH_LATER = Decision(MARCH, "Taken now, due later", "Elena", date(2025, 4, 30), "open")
NEXT_MONTH = Decision(Month(2025, 4), "A later review's", "Ivan", date(2025, 3, 10), "open")
ALL = (EARLIER, EARLIER_DONE, LATER_DUE, THIS_MONTH_DUE, THIS_MONTH_LATER, NEXT_MONTH)


def test_follow_up_holds_open_earlier_ones_and_those_due_soonest_first() -> None:
    assert to_follow_up(ALL, MARCH) == (NEXT_MONTH, THIS_MONTH_DUE, LATER_DUE, EARLIER)


def test_a_decision_stays_to_follow_up_month_after_month_until_it_is_settled() -> None:
    assert [to_follow_up(ALL, month) for month in (Month(2025, 4), Month(2025, 5))] == [
        (NEXT_MONTH, THIS_MONTH_DUE, THIS_MONTH_LATER, LATER_DUE, EARLIER),
        (NEXT_MONTH, THIS_MONTH_DUE, THIS_MONTH_LATER, LATER_DUE, EARLIER),
    ]


def test_taken_are_the_months_own() -> None:
    assert taken(ALL, MARCH) == (THIS_MONTH_DUE, THIS_MONTH_LATER)


@pytest.mark.parametrize(
    ("decision", "overdue"),
    [(THIS_MONTH_DUE, True), (LATER_DUE, False), (EARLIER, False), (EARLIER_DONE, False)],
)
def test_overdue_when_open_and_due_by_the_months_end(decision: Decision, overdue: bool) -> None:
    assert is_overdue(decision, MARCH) is overdue
