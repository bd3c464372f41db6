"""Content and cadence on the review sheet: weeks over a channel's maximum marked and named."""

from __future__ import annotations

from review.test_content import expected_with_posts

from sheetplan.layout.review import review_layout
from sheetplan.plan.model import Month
from sheetplan.review.variance import build_review


def test_the_week_over_the_maximum_is_marked_and_named() -> None:
    found = review_layout(build_review(expected_with_posts(), Month(2025, 3)), "en")
    cells = {(cell.row, cell.column): cell for cell in found.cells}
    title = next(cell.row for cell in found.cells if cell.value == "Posts per week against the plan")
    assert [cells[title + 1, column].value for column in (1, 3, 4, 5, 7)] == [
        "Channel",
        "Planned posts per week",
        "Max posts per week",
        "Week of 2025-02-24",
        "Week of 2025-03-10",
    ]
    assert [cells[title + 2, column].value for column in (1, 3, 4, 7)] == ["LinkedIn", 3, 5, 6]
    assert cells[title + 2, 7].style == "trend_off_track"
    assert cells[title + 4, 1].value == "Over the maximum: LinkedIn, week of 2025-03-10: 6."
    texts = {cell.value for cell in found.cells}
    assert {"Content and cadence", "The same text on several channels: intended?", "Tip number 10"} <= texts
