"""The review sheet against the baseline: each metric beside its variance against the current forecast."""

from __future__ import annotations

from dataclasses import replace

from plan_builder import expected_plan, sample

from sheetplan.layout.review import review_layout
from sheetplan.layout.sheet import SheetLayout
from sheetplan.plan.model import Month
from sheetplan.review.variance import build_review

MARCH = Month(2025, 3)


def layout(with_baseline: bool) -> SheetLayout:
    data = sample()
    plan = expected_plan(data)
    if with_baseline:
        agreed = {"M1": {month: 1000.0 for month in plan.settings.plan_months}}
        plan = replace(plan, baseline=agreed)
    return review_layout(build_review(plan, MARCH), "en")


def row_of(found: SheetLayout, value: object) -> int:
    return min(cell.row for cell in found.cells if cell.value == value)


def test_each_metric_with_a_baseline_row_is_compared_with_it() -> None:
    found = layout(with_baseline=True)
    cells = {(cell.row, cell.column): cell.value for cell in found.cells}
    title = row_of(found, "Against the baseline: the forecasts as first agreed")
    assert [cells[title + 1, column] for column in (1, 4, 9, 11)] == [
        "",
        "This month against the baseline",
        "Year to date",
        "Year end: outlook against the baseline",
    ]
    assert [cells[title + 2, column] for column in range(1, 15)] == [
        "Metric ID",
        "Metric",
        "Variance % against forecast",
        "Baseline",
        "Actual",
        "Variance",
        "Variance %",
        "Status",
        "Variance %",
        "Status",
        "Baseline",
        "Outlook",
        "Variance %",
        "Status",
    ]
    # March: 1190 visits against 1200 forecast and 1000 agreed; 950 + 1070 + 1190 to date and
    # 1300 + 1400 + 1500 still forecast, against 6 × 1000.
    assert [cells[title + 3, column] for column in range(1, 15)] == [
        "M1",
        "Website visits from social",
        -0.0083,
        1000,
        1190,
        190,
        0.19,
        "on track",
        0.07,
        "on track",
        6000,
        7410,
        0.235,
        "on track",
    ]
    assert cells.get((title + 4, 1)) not in ("M2", "M3"), "only metrics with a baseline row are listed"


def test_without_a_baseline_the_sheet_says_how_to_keep_one() -> None:
    found = layout(with_baseline=False)
    title = row_of(found, "Against the baseline: the forecasts as first agreed")
    cells = {(cell.row, cell.column): cell.value for cell in found.cells}
    assert str(cells[title + 1, 1]).startswith("No baseline yet: once the forecasts are agreed, run")
