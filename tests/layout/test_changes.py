"""What changed since last month: the first block after the review sheet's title."""

from __future__ import annotations

from datetime import date

from plan_builder import expected_plan, sample

from sheetplan.layout.review import review_layout
from sheetplan.plan.model import Month
from sheetplan.review.variance import build_review


def lines(month: Month) -> list[tuple[object, object]]:
    """Column A and C of the sheet's rows up to At a glance."""
    data = sample()
    data.rows["actions"][0] |= {"due": date(2025, 3, 10), "status": "done"}
    found = review_layout(build_review(expected_plan(data), month), "en")
    cells = {(cell.row, cell.column): cell.value for cell in found.cells}
    glance = next(row for (row, column), value in cells.items() if value == "At a glance")
    return [(cells[row, 1], cells.get((row, 3))) for row in range(3, glance) if (row, 1) in cells]


def test_it_comes_right_after_the_title_one_line_each() -> None:
    assert lines(Month(2025, 3)) == [
        ("What changed since February 2025", None),
        ("Better", "None."),
        ("Worse", "None."),
        ("Forecasts revised", "None."),
        ("Actions done", "A1 Post case studies (Maria)."),
        ("New actions", "None."),
        ("Newly overdue", "A2 Design post templates (Elena); A3 Write the March issue (Ivan)."),
    ]


def test_the_first_month_says_there_is_nothing_to_compare_with() -> None:
    assert lines(Month(2025, 1)) == [
        ("What changed since last month", None),
        ("", "The plan's first month: nothing to compare with yet."),
    ]
