"""docs/variance.md row by row: one comparison, tolerance, year to date, projection, review month."""

from __future__ import annotations

from datetime import date

import pytest

from sheetplan.plan.errors import UsageError
from sheetplan.plan.model import Metric, Month, Plan, Settings
from sheetplan.review.figures import compare, projection, year_to_date
from sheetplan.review.model import Figures
from sheetplan.review.variance import build_review, default_review_month, review_metric, tolerance_of

NAN = float("nan")


@pytest.mark.parametrize(
    ("direction", "forecast", "actual", "tolerance", "variance", "variance_pct", "status"),
    [
        # The documented example: 1010 against 1200 is 15.8 % short, within 2t
        ("up", 1200, 1010, 0.1, -190, -0.1583, "at_risk"),
        ("up", 3300, 3180, 0.1, -120, -0.0364, "on_track"),
        # favourable: up and A ≥ F, down and A ≤ F, however far
        ("up", 100, 130, 0.1, 30, 0.3, "on_track"),
        ("up", 100, 100, 0.1, 0, 0.0, "on_track"),
        ("down", 100, 70, 0.1, -30, -0.3, "on_track"),
        ("down", 100, 100, 0.1, 0, 0.0, "on_track"),
        # unfavourable: on_track within t, at_risk within 2t, off_track beyond; both ends inclusive
        ("up", 100, 90, 0.1, -10, -0.1, "on_track"),
        ("up", 100, 89.99, 0.1, -10.01, -0.1001, "at_risk"),
        ("up", 100, 80, 0.1, -20, -0.2, "at_risk"),
        ("up", 100, 79.99, 0.1, -20.01, -0.2001, "off_track"),
        ("down", 100, 110, 0.1, 10, 0.1, "on_track"),
        ("down", 100, 110.01, 0.1, 10.01, 0.1001, "at_risk"),
        ("down", 100, 120, 0.1, 20, 0.2, "at_risk"),
        ("down", 100, 120.01, 0.1, 20.01, 0.2001, "off_track"),
        # the boundaries where float arithmetic lands a hair outside t or 2t
        ("down", 0.7, 0.77, 0.1, 0.07, 0.1, "on_track"),
        ("down", 0.3, 0.33, 0.1, 0.03, 0.1, "on_track"),
        ("up", 1.3, 1.105, 0.15, -0.195, -0.15, "on_track"),
        ("up", 3, 2.4, 0.1, -0.6, -0.2, "at_risk"),
        ("up", 1.1, 0.88, 0.1, -0.22, -0.2, "at_risk"),
        # the tolerance in play is the one given
        ("up", 100, 85, 0.2, -15, -0.15, "on_track"),
        ("up", 100, 85, 0.05, -15, -0.15, "off_track"),
        ("up", 100, 99.99, 0, -0.01, -0.0001, "off_track"),
        # a negative forecast is measured against its size
        ("up", -100, -90, 0.1, 10, 0.1, "on_track"),
        ("up", -100, -115, 0.1, -15, -0.15, "at_risk"),
        # F = 0: no variance %, favourable is on_track, unfavourable is off_track
        ("up", 0, 5, 0.1, 5, None, "on_track"),
        ("up", 0, -5, 0.1, -5, None, "off_track"),
        ("down", 0, 5, 0.1, 5, None, "off_track"),
        ("down", 0, -5, 0.1, -5, None, "on_track"),
        ("up", 0, 0, 0.1, 0, None, "on_track"),
        ("down", 0, 0, 0.1, 0, None, "on_track"),
        # variance % rounds half away from zero to 4 places
        ("up", 3, 2.99985, 0.1, -0.00015, -0.0001, "on_track"),
        ("up", 200, 199.99, 0.1, -0.01, -0.0001, "on_track"),
        ("up", 200, 199.97, 0.1, -0.03, -0.0002, "on_track"),
        # no direction on the Metrics sheet: distance alone counts
        (None, 100, 105, 0.1, 5, 0.05, "on_track"),
        (None, 100, 85, 0.1, -15, -0.15, "at_risk"),
        (None, 100, 130, 0.1, 30, 0.3, "off_track"),
        (None, 0, 0, 0.1, 0, None, "on_track"),
        (None, 0, 5, 0.1, 5, None, "off_track"),
    ],
)
def test_compare(
    direction: str | None,
    forecast: float,
    actual: float,
    tolerance: float,
    variance: float,
    variance_pct: float | None,
    status: str,
) -> None:
    assert compare(forecast, actual, direction, tolerance) == Figures(
        forecast,
        actual,
        variance,
        variance_pct,
        status,  # type: ignore[arg-type]
    )


INF = float("inf")


@pytest.mark.parametrize(
    ("forecast", "actual", "shown"),
    [
        (None, 5, (None, 5.0)),
        (5, None, (5.0, None)),
        (None, None, (None, None)),
        (0, None, (0.0, None)),
        # a NaN or an infinity is no reading
        (NAN, 5, (None, 5.0)),
        (5, INF, (5.0, None)),
    ],
)
@pytest.mark.parametrize("direction", ["up", "down", None])
def test_compare_with_a_number_missing_is_no_data(
    forecast: float | None,
    actual: float | None,
    shown: tuple[float | None, float | None],
    direction: str | None,
) -> None:
    assert compare(forecast, actual, direction, 0.1) == Figures(*shown, None, None, "no_data")


def test_variance_has_no_float_noise() -> None:
    assert compare(0.1, 0.3, "up", 0.1).variance == 0.2
    assert compare(1200.0, 1010.0, "up", 0.1).variance == -190


def test_a_tiny_shortfall_rounds_to_zero_percent_not_minus_zero() -> None:
    share = compare(200, 199.99999, "up", 0.1).variance_pct
    assert share is not None
    assert str(share) == "0.0"


def _metric(tolerance: float | None = None, direction: str = "up", aggregation: str = "sum") -> Metric:
    return Metric("M1", "Visits", "G1", "Maria", direction, aggregation, unit="visits", tolerance=tolerance)


def _plan(
    metric: Metric,
    forecasts: dict[str, float],
    actuals: dict[str, float],
    tolerance: float | None = None,
    months: int = 6,
) -> Plan:
    return Plan(
        Settings("Plan", Month(2026, 1), months, tolerance=tolerance),
        metrics=(metric,),
        forecasts={metric.id: {Month.parse(k): v for k, v in forecasts.items()}},
        actuals={metric.id: {Month.parse(k): v for k, v in actuals.items()}},
    )


@pytest.mark.parametrize(
    ("metric_tolerance", "plan_tolerance", "applied", "status"),
    [
        (0.2, None, 0.2, "on_track"),  # the metric's own
        (0.05, 0.2, 0.05, "off_track"),  # the metric's own beats the plan's
        (None, 0.2, 0.2, "on_track"),  # else the plan's Settings
        (None, None, 0.1, "at_risk"),  # else ten percent
    ],
)
def test_tolerance_from_metric_then_settings_then_default(
    metric_tolerance: float | None, plan_tolerance: float | None, applied: float, status: str
) -> None:
    metric = _metric(tolerance=metric_tolerance)
    plan = _plan(metric, {"2026-02": 100}, {"2026-02": 85}, tolerance=plan_tolerance)
    assert tolerance_of(metric, plan.settings) == applied
    review = review_metric(plan, metric, Month(2026, 2))
    assert (review.tolerance, review.month.status) == (applied, status)


SPEC_F = {"2026-01": 1000, "2026-02": 1100, "2026-03": 1200, "2026-04": 1300}
SPEC_A = {"2026-01": 1050, "2026-02": 1120, "2026-03": 1010, "2026-04": 5000}


@pytest.mark.parametrize(
    ("aggregation", "forecasts", "actuals", "expected", "missing"),
    [
        # sum over Jan–Mar; April lies after the review month and does not count
        ("sum", SPEC_F, SPEC_A, (3300, 3180, -120, -0.0364, "on_track"), []),
        ("last", SPEC_F, SPEC_A, (1200, 1010, -190, -0.1583, "at_risk"), []),
        ("average", SPEC_F, SPEC_A, (1100, 1060, -40, -0.0364, "on_track"), []),
        # like with like: a month missing either number drops out of both sides and is listed
        (
            "sum",
            SPEC_F,
            {"2026-01": 1050, "2026-03": 1010},
            (2200, 2060, -140, -0.0636, "on_track"),
            ["2026-02"],
        ),
        (
            "sum",
            {"2026-01": 1000, "2026-03": 1200},
            SPEC_A,
            (2200, 2060, -140, -0.0636, "on_track"),
            ["2026-02"],
        ),
        (
            "average",
            SPEC_F,
            {"2026-01": 1050, "2026-03": 1010},
            (1100, 1030, -70, -0.0636, "on_track"),
            ["2026-02"],
        ),
        # last is the latest month with both numbers
        (
            "last",
            SPEC_F,
            {"2026-01": 1050, "2026-02": 1120},
            (1100, 1120, 20, 0.0182, "on_track"),
            ["2026-03"],
        ),
        # nothing to compare yet
        ("sum", SPEC_F, {}, (None, None, None, None, "no_data"), ["2026-01", "2026-02", "2026-03"]),
        ("last", {}, {}, (None, None, None, None, "no_data"), ["2026-01", "2026-02", "2026-03"]),
        # the status rule applies to the year-to-date figures, zero forecasts included
        (
            "sum",
            {"2026-01": 0, "2026-02": 0},
            {"2026-01": 1, "2026-02": 2},
            (0, 3, 3, None, "on_track"),
            ["2026-03"],
        ),
        (
            "average",
            {"2026-01": 10, "2026-02": 10, "2026-03": 10},
            {"2026-01": 10, "2026-02": 10, "2026-03": 11},
            (10, 31 / 3, 1 / 3, 0.0333, "on_track"),
            [],
        ),
        (
            "sum",
            SPEC_F,
            {"2026-01": 500, "2026-02": 600, "2026-03": 700},
            (3300, 1800, -1500, -0.4545, "off_track"),
            [],
        ),
    ],
)
def test_year_to_date(
    aggregation: str,
    forecasts: dict[str, float],
    actuals: dict[str, float],
    expected: tuple[float | None, float | None, float | None, float | None, str],
    missing: list[str],
) -> None:
    metric = _metric(aggregation=aggregation)
    ytd = review_metric(_plan(metric, forecasts, actuals), metric, Month(2026, 3)).ytd
    assert (ytd.forecast, ytd.actual, ytd.variance, ytd.variance_pct, ytd.status) == expected
    assert [str(month) for month in ytd.missing_months] == missing


def test_year_to_date_without_aggregation_is_no_data() -> None:
    months = [Month(2026, 1)]
    ytd = year_to_date({months[0]: 1}, {months[0]: 1}, months, "up", None, 0.1)
    assert (ytd.status, ytd.months, ytd.missing_months) == ("no_data", (Month(2026, 1),), ())


TWELVE = {str(Month(2026, 1) + offset): 1000 for offset in range(12)}


@pytest.mark.parametrize(
    ("aggregation", "forecasts", "actuals", "expected"),
    [
        # sum: 2700 in 3 months runs to 10800 over 12, against 12000 planned
        (
            "sum",
            TWELVE,
            {"2026-01": 800, "2026-02": 900, "2026-03": 1000},
            (12000, 10800, -1200, -0.1, "on_track"),
        ),
        # a month without an actual leaves the run rate over the months that have one
        ("sum", TWELVE, {"2026-01": 800, "2026-03": 1000}, (12000, 10800, -1200, -0.1, "on_track")),
        # forecasts left blank are not part of the plan's full year
        ("sum", {"2026-01": 1000, "2026-02": 1000}, {"2026-01": 500}, (2000, 6000, 4000, 2, "on_track")),
        # average: the year-to-date average against the average of all forecasts
        (
            "average",
            {**TWELVE, "2026-12": 2200},
            {"2026-01": 900, "2026-02": 1100},
            (1100, 1000, -100, -0.0909, "on_track"),
        ),
        # last: the latest actual against the forecast of the plan's last month that has one
        (
            "last",
            {**TWELVE, "2026-12": 5000},
            {"2026-01": 900, "2026-02": 3000},
            (5000, 3000, -2000, -0.4, "off_track"),
        ),
        ("last", {"2026-01": 100, "2026-06": 400}, {"2026-01": 300}, (400, 300, -100, -0.25, "off_track")),
    ],
)
def test_projection(
    aggregation: str,
    forecasts: dict[str, float],
    actuals: dict[str, float],
    expected: tuple[float, float, float, float, str],
) -> None:
    metric = _metric(aggregation=aggregation)
    plan = _plan(metric, forecasts, actuals, months=12)
    figures = review_metric(plan, metric, Month(2026, 3)).projection
    assert figures is not None
    assert (
        figures.forecast,
        figures.actual,
        figures.variance,
        figures.variance_pct,
        figures.status,
    ) == expected


@pytest.mark.parametrize("aggregation", ["sum", "last", "average", None])
def test_no_projection_without_data(aggregation: str | None) -> None:
    months = (Month(2026, 1), Month(2026, 2))
    ytd = year_to_date({months[0]: 5}, {}, months[:1], "up", aggregation, 0.1)
    assert projection({months[0]: 5}, {}, months, ytd, "up", aggregation, 0.1) is None


@pytest.mark.parametrize(
    ("today", "month"),
    [(date(2026, 3, 15), "2026-02"), (date(2026, 3, 1), "2026-02"), (date(2026, 1, 31), "2025-12")],
)
def test_default_review_month_is_the_last_full_month(today: date, month: str) -> None:
    assert str(default_review_month(today)) == month


@pytest.mark.parametrize("month", ["2025-12", "2027-01", "2027-05"])
def test_a_month_outside_the_plan_is_refused(month: str) -> None:
    plan = _plan(_metric(), {}, {}, months=12)
    with pytest.raises(UsageError) as raised:
        build_review(plan, Month.parse(month))
    assert str(raised.value) == f"--month {month} is outside the plan: choose a month from 2026-01 to 2026-12"
    assert raised.value.exit_code == 2


@pytest.mark.parametrize("month", ["2026-01", "2026-12"])
def test_the_plan_first_and_last_months_can_be_reviewed(month: str) -> None:
    plan = _plan(_metric(), {month: 1}, {month: 1}, months=12)
    assert build_review(plan, Month.parse(month)).metrics[0].month.status == "on_track"
