"""What changed since the previous review: statuses and forecasts from the Review log, actions by dates."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from plan_builder import expected_plan, sample

from sheetplan.plan.model import Month
from sheetplan.review.log import review_rows
from sheetplan.review.variance import build_review

FEBRUARY, MARCH = Month(2025, 2), Month(2025, 3)


def test_the_first_month_has_nothing_to_compare_with() -> None:
    review = build_review(expected_plan(sample()), Month(2025, 1))
    assert review.changes.since is None
    assert {item.previous_status for item in review.metrics} == {None}


def test_statuses_and_forecasts_come_from_the_log_as_the_last_review_saw_them() -> None:
    plan = expected_plan(sample())
    # February's review, as it was written: then M2's forecast was 30 and M2 off track, and M3's on track.
    was = {"M2": {"forecast": 30.0, "status": "off_track"}, "M3": {"status": "on_track"}}
    logged = [replace(row, **was.get(row.metric_id, {})) for row in review_rows(build_review(plan, FEBRUARY))]
    review = build_review(plan, MARCH, log=logged)
    assert [item.previous_status for item in review.metrics] == ["on_track", "off_track", "on_track"]
    changes = review.changes
    assert changes.since == FEBRUARY
    assert [(item.metric.id, item.was, item.now) for item in changes.improved] == [
        ("M2", "off_track", "at_risk")
    ]
    assert [(item.metric.id, item.was, item.now) for item in changes.worsened] == [
        ("M3", "on_track", "at_risk")
    ]
    assert [(item.metric.id, item.month, item.was, item.now) for item in changes.revised] == [
        ("M2", FEBRUARY, 30.0, 25.5)
    ]


def test_without_the_log_the_previous_month_is_judged_from_the_plan() -> None:
    review = build_review(expected_plan(sample()), MARCH)
    assert [item.previous_status for item in review.metrics] == ["on_track", "at_risk", "at_risk"]
    assert review.changes.revised == ()


def test_actions_done_new_and_newly_overdue_are_told_by_their_dates() -> None:
    data = sample()
    data.rows["actions"][0] |= {"due": date(2025, 3, 10), "status": "done"}
    data.rows["actions"][3] |= {"start": date(2025, 3, 3)}
    review = build_review(expected_plan(data), MARCH)
    changes = review.changes
    assert [action.id for action in changes.done] == ["A1"]
    assert [action.id for action in changes.new] == ["A4"]
    # A2 (due 15 March) and A3 (due 31 March) were not overdue at February's review.
    assert [action.id for action in changes.newly_overdue] == ["A2", "A3"]
