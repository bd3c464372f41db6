"""A metric against its baseline: the month and year to date as against a forecast, the year-end outlook."""

from __future__ import annotations

import pytest

from sheetplan.plan.model import Metric, Month, Series
from sheetplan.review.baseline import against_baseline, outlook
from sheetplan.review.model import Figures

START = Month(2026, 1)
MONTHS = tuple(START + n for n in range(6))
MARCH = Month(2026, 3)


def series(*values: float | None) -> Series:
    return {month: value for month, value in zip(MONTHS, values, strict=False) if value is not None}


def metric(direction: str = "up", aggregation: str = "sum") -> Metric:
    return Metric("M1", "Visits", "G1", "Maria", direction, aggregation)


FORECASTS = series(100, 110, 120, 130, 140, 150)
ACTUALS = series(105, None, 90)
BASELINE = series(100, 100, 100, 160, 160, 160)


def review(aggregation: str = "sum", direction: str = "up", baseline: Series | None = BASELINE):
    return against_baseline(
        baseline, FORECASTS, ACTUALS, MARCH, MONTHS[:3], MONTHS, metric(direction, aggregation), 0.1
    )


def test_the_outlook_takes_actuals_to_date_a_forecast_where_one_is_missing_and_forecasts_after() -> None:
    assert outlook(FORECASTS, ACTUALS, MARCH, MONTHS) == [105, 110, 90, 130, 140, 150]


def test_the_month_and_the_year_to_date_are_compared_with_the_baseline() -> None:
    found = review()
    assert found is not None
    assert found.month == Figures(100, 90, -10, -0.1, "on_track")
    assert (found.ytd.forecast, found.ytd.actual, found.ytd.status) == (200, 195, "on_track")
    assert found.ytd.missing_months == (Month(2026, 2),)


@pytest.mark.parametrize(
    ("aggregation", "direction", "expected"),
    [
        # 105 + 110 + 90 + 130 + 140 + 150 = 725 against 780 agreed
        ("sum", "up", Figures(780, 725, -55, -0.0705, "on_track")),
        ("average", "up", Figures(130, 725 / 6, 725 / 6 - 130, -0.0705, "on_track")),
        # the year ends on June's current forecast, 150, against 160 agreed
        ("last", "up", Figures(160, 150, -10, -0.0625, "on_track")),
        ("sum", "down", Figures(780, 725, -55, -0.0705, "on_track")),
    ],
)
def test_the_outlook_is_against_the_baselines_full_year(
    aggregation: str, direction: str, expected: Figures
) -> None:
    found = review(aggregation, direction)
    assert found is not None and found.outlook is not None
    assert found.outlook.forecast == expected.forecast
    assert found.outlook.actual == pytest.approx(expected.actual)
    assert found.outlook.variance == pytest.approx(expected.variance)
    assert (found.outlook.variance_pct, found.outlook.status) == (expected.variance_pct, expected.status)


def test_a_metric_without_a_baseline_row_has_none() -> None:
    assert review(baseline=None) is None


def test_without_an_aggregation_there_is_no_outlook() -> None:
    found = review(aggregation="")
    assert found is not None and found.outlook is None
