"""The bar charts: achievement against forecast per metric, better always to the right, bars by status."""

from __future__ import annotations

from dataclasses import replace

from plan_builder import expected_plan, sample

from sheetplan.layout.achievement import BAR_COLOURS, CHART_METRICS
from sheetplan.layout.review import review_layout
from sheetplan.layout.sheet import SheetLayout
from sheetplan.plan.model import Metric, Month
from sheetplan.review.figures import achievement
from sheetplan.review.model import Figures
from sheetplan.review.variance import build_review

MARCH = Month(2025, 3)


def layout() -> SheetLayout:
    return review_layout(build_review(expected_plan(sample()), MARCH), "en")


def test_better_than_planned_is_positive_whichever_the_direction() -> None:
    ahead = Figures(100, 110, 10, 0.1, "on_track")
    behind = Figures(100, 90, -10, -0.1, "on_track")
    assert [achievement(ahead, "up"), achievement(behind, "up")] == [0.1, -0.1]
    # For a cost, 110 against 100 is worse than planned.
    assert [achievement(ahead, "down"), achievement(behind, "down")] == [-0.1, 0.1]
    assert achievement(Figures(0, 5, 5, None, "off_track"), "up") is None


def test_the_table_and_the_charts_show_each_metric_against_its_forecast() -> None:
    found = layout()
    cells = {(cell.row, cell.column): cell.value for cell in found.cells}
    title = next(cell.row for cell in found.cells if cell.value == "Against forecast, better to the right")
    first = title + 2
    rows = [[cells[row, column] for column in range(1, 7)] for row in range(first, first + 3)]
    # M1 visits 1190 of 1200; M2 open rate 24 of 25.5; M3 cost per visit 0.45 against 0.40 is 12.5 % worse.
    assert rows == [
        ["M1", "Website visits from social", -0.0083, "on track", -0.0273, "on track"],
        ["M2", "Newsletter open rate", -0.0588, "at risk", -0.0588, "at risk"],
        ["M3", "Cost per visit", -0.125, "at risk", -0.125, "at risk"],
    ]
    month, ytd = found.charts[:2]
    assert (month.kind, ytd.kind, month.number_format) == ("bar", "bar", "0%")
    assert month.title == "Against forecast, 2025-03 (better →)"
    assert month.categories.a1 == ytd.categories.a1 == f"B{first}:B{first + 2}"
    assert [series.values.a1 for series in (*month.series, *ytd.series)] == [
        f"C{first}:C{first + 2}",
        f"E{first}:E{first + 2}",
    ]
    assert month.series[0].point_colours == (
        BAR_COLOURS["on_track"],
        BAR_COLOURS["at_risk"],
        BAR_COLOURS["at_risk"],
    )
    assert (month.anchor[1], ytd.anchor[1]) == (1, 8)
    charted = range(month.anchor[0], month.anchor[0] + int(month.height_cm / 0.53) + 1)
    assert not set(charted[1:]) & set(found.page_breaks), "a page break would cut a chart in two"
    assert all(cell.row not in charted for cell in found.cells)


def test_the_charts_show_the_first_metrics_of_a_long_plan() -> None:
    review = build_review(expected_plan(sample()), MARCH)
    metric = review.metrics[0]
    many = tuple(
        metric._replace(metric=Metric(f"M{n}", f"Metric {n}", "G1", "Maria", "up", "sum")) for n in range(30)
    )
    found = review_layout(replace(review, metrics=many), "en")
    first = min(cell.row for cell in found.cells if cell.value == "M0" and cell.column == 1 and cell.row > 40)
    assert found.charts[0].categories.a1 == f"B{first}:B{first + CHART_METRICS - 1}"
    assert f"The charts show the first {CHART_METRICS} metrics." in {cell.value for cell in found.cells}
