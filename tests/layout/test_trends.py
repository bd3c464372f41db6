"""Trends on the review sheet: forecast and actual month by month, and line charts of the worrying metrics."""

from __future__ import annotations

from plan_builder import expected_plan, sample

from sheetplan.layout.review import review_layout
from sheetplan.layout.sheet import SheetLayout
from sheetplan.layout.trends import CHARTS
from sheetplan.plan.model import Month
from sheetplan.review.variance import build_review

MARCH = Month(2025, 3)


def layout() -> SheetLayout:
    return review_layout(build_review(expected_plan(sample()), MARCH), "en")


def test_the_table_holds_the_plans_forecast_and_actual_for_each_month() -> None:
    found = layout()
    cells = {(cell.row, cell.column): cell for cell in found.cells}
    title = next(cell.row for cell in found.cells if cell.value == "Month by month")
    assert [cells[title + 1, column].value for column in (1, 2, 12, 13, 14)] == [
        "Metric ID",
        "Metric",
        "2025-01",
        "2025-02",
        "2025-03",
    ]
    rows = [
        [cells[row, column].value for column in (1, 2, 12, 13, 14)] for row in range(title + 2, title + 8)
    ]
    assert rows == [
        ["M1", "Website visits from social: Forecast", 1000, 1100, 1200],
        ["", "Actual", 950, 1070, 1190],
        ["M2", "Newsletter open rate: Forecast", 25.5, 25.5, 25.5],
        ["", "Actual", 24, 24, 24],
        ["M3", "Cost per visit: Forecast", 0.4, 0.4, 0.4],
        ["", "Actual", 0.45, 0.45, 0.45],
    ]
    # Each actual in its status's colour: M1 on track; M2 and M3 at risk, M3's with decimals.
    assert [cells[title + 3, column].style for column in (12, 13, 14)] == ["trend_on_track"] * 3
    assert cells[title + 5, 14].style == "trend_at_risk"
    assert cells[title + 7, 14].style == "trend_at_risk_decimal"
    assert found.styles["trend_at_risk"].fill == "FFEB9C"


def test_the_metrics_at_risk_get_a_line_chart_of_their_rows() -> None:
    found = layout()
    lines = [chart for chart in found.charts if chart.kind == "line"]
    title = next(cell.row for cell in found.cells if cell.value == "Month by month")
    assert [chart.title for chart in lines] == ["M2 Newsletter open rate", "M3 Cost per visit"]
    m2 = lines[0]
    assert m2.categories.a1 == f"L{title + 1}:N{title + 1}"
    assert [(series.name, series.values.a1) for series in m2.series] == [
        ("Forecast", f"L{title + 4}:N{title + 4}"),
        ("Actual", f"L{title + 5}:N{title + 5}"),
    ]
    assert (lines[0].anchor[1], lines[1].anchor[1]) == (1, 8)
    assert lines[0].anchor[0] == lines[1].anchor[0]
    assert CHARTS == 6
