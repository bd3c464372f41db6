"""Invariants of the variance rules that hold for any numbers, checked with hypothesis."""

from __future__ import annotations

from fractions import Fraction

from hypothesis import given
from hypothesis import strategies as st

from sheetplan.plan.model import Month
from sheetplan.review.figures import compare, projection, year_to_date
from sheetplan.review.model import SEVERITY

# Spreadsheet-sized readings: whole numbers, and decimals with a few places as people type them.
whole = st.integers(min_value=-(10**9), max_value=10**9)
decimal = st.decimals(min_value=-(10**6), max_value=10**6, places=3).map(float)
reading = st.one_of(whole, decimal)
maybe = st.one_of(st.none(), reading)
tolerance = st.sampled_from([0, 0.01, 0.05, 0.1, 0.125, 0.15, 0.2, 0.5, 1])
direction = st.sampled_from(["up", "down"])
aggregation = st.sampled_from(["sum", "last", "average"])
MONTHS = tuple(Month(2026, 1) + offset for offset in range(12))


@given(maybe, maybe, st.sampled_from(["up", "down", None]), tolerance)
def test_no_data_exactly_when_a_number_is_missing(
    forecast: float | None, actual: float | None, way: str | None, t: float
) -> None:
    figures = compare(forecast, actual, way, t)
    missing = forecast is None or actual is None
    assert (figures.status == "no_data") == missing
    assert (figures.variance is None) == missing


@given(reading, reading, direction, tolerance)
def test_variance_is_actual_minus_forecast(forecast: float, actual: float, way: str, t: float) -> None:
    figures = compare(forecast, actual, way, t)
    exact = Fraction(repr(actual)) - Fraction(repr(forecast))
    assert figures.variance == float(exact)
    if forecast == 0:
        assert figures.variance_pct is None
    else:
        assert figures.variance_pct is not None
        assert abs(Fraction(repr(figures.variance_pct)) - exact / abs(Fraction(repr(forecast)))) <= Fraction(
            1, 20000
        )


@given(reading, reading, tolerance)
def test_swapping_the_direction_leaves_one_side_favourable(forecast: float, actual: float, t: float) -> None:
    up, down = (compare(forecast, actual, way, t).status for way in ("up", "down"))
    by_distance = compare(forecast, actual, None, t).status
    if actual == forecast:
        assert up == down == "on_track"
    else:
        # the favourable side is on track; the other is judged on distance alone
        favourable, other = (up, down) if actual > forecast else (down, up)
        assert favourable == "on_track"
        assert other == by_distance


@given(reading, reading, st.sampled_from(["up", "down", None]), tolerance, tolerance)
def test_a_wider_tolerance_never_makes_a_status_worse(
    forecast: float, actual: float, way: str | None, t1: float, t2: float
) -> None:
    narrow, wide = sorted((t1, t2))
    assert (
        SEVERITY[compare(forecast, actual, way, wide).status]
        <= SEVERITY[compare(forecast, actual, way, narrow).status]
    )


@given(maybe, maybe, direction, aggregation, tolerance)
def test_year_to_date_of_one_month_is_that_month(
    forecast: float | None, actual: float | None, way: str, how: str, t: float
) -> None:
    month = MONTHS[0]
    forecasts = {} if forecast is None else {month: forecast}
    actuals = {} if actual is None else {month: actual}
    ytd = year_to_date(forecasts, actuals, [month], way, how, t)
    figures = compare(forecast, actual, way, t)
    if figures.status == "no_data":
        assert (ytd.status, ytd.missing_months, ytd.months) == ("no_data", (month,), ())
    else:
        assert (ytd.forecast, ytd.actual, ytd.variance, ytd.variance_pct, ytd.status) == (
            figures.forecast,
            figures.actual,
            figures.variance,
            figures.variance_pct,
            figures.status,
        )
        assert (ytd.missing_months, ytd.months) == ((), (month,))


@given(st.lists(st.tuples(maybe, maybe), min_size=1, max_size=12), direction, aggregation, tolerance)
def test_year_to_date_counts_every_month_once(
    pairs: list[tuple[float | None, float | None]], way: str, how: str, t: float
) -> None:
    months = MONTHS[: len(pairs)]
    forecasts = {m: f for m, (f, _) in zip(months, pairs, strict=True) if f is not None}
    actuals = {m: a for m, (_, a) in zip(months, pairs, strict=True) if a is not None}
    ytd = year_to_date(forecasts, actuals, months, way, how, t)
    assert sorted(ytd.months + ytd.missing_months) == list(months)
    assert ytd.months == tuple(m for m in months if m in forecasts and m in actuals)
    assert (ytd.status == "no_data") == (not ytd.months)


@given(st.lists(st.tuples(whole, whole), min_size=1, max_size=12), direction, aggregation, tolerance)
def test_projection_at_the_plan_last_month_is_the_year_to_date(
    pairs: list[tuple[int, int]], way: str, how: str, t: float
) -> None:
    # with every month in, the run rate has nothing left to project
    months = MONTHS[: len(pairs)]
    forecasts = {m: f for m, (f, _) in zip(months, pairs, strict=True)}
    actuals = {m: a for m, (_, a) in zip(months, pairs, strict=True)}
    ytd = year_to_date(forecasts, actuals, months, way, how, t)
    projected = projection(forecasts, actuals, months, ytd, way, how, t)
    assert projected is not None
    assert (projected.forecast, projected.actual) == (ytd.forecast, ytd.actual)
    if how == "sum":
        assert projected == compare(sum(forecasts.values()), sum(actuals.values()), way, t)
    if how == "last":
        assert projected == compare(pairs[-1][0], pairs[-1][1], way, t)


@given(st.lists(st.tuples(maybe, maybe), max_size=8), st.sampled_from(["up", "down", None]), tolerance)
def test_a_trends_statuses_are_the_comparisons(pairs: list, direction: str | None, limit: float) -> None:
    from sheetplan.review.figures import statuses

    assert statuses(pairs, direction, limit) == [compare(f, a, direction, limit).status for f, a in pairs]
