"""One comparison of forecast against actual: a metric in a month, year to date, or a full year.

Pure functions of numbers. The arithmetic is decimal: each number is taken as the shortest decimal
that reads back as the same float (what a spreadsheet shows), so 1010 − 1200 is −190, 0.77 − 0.7 is
0.07, and a variance of exactly 10 % meets a 10 % tolerance instead of missing it by float noise.
Statuses are judged on the exact variance %, not the rounded one.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from decimal import ROUND_HALF_UP, Decimal, localcontext

from sheetplan.plan.model import Month, Series
from sheetplan.review.model import Figures, Status, YearToDate

_PCT_PLACES = Decimal("0.0001")


def compare(forecast: float | None, actual: float | None, direction: str | None, tolerance: float) -> Figures:
    """Forecast against actual (docs/variance.md); a blank (None) or non-finite number is missing.

    With no direction (the Metrics sheet left it blank) neither side of the forecast is favourable, so
    only the distance from the forecast counts.
    """
    return _compare(_decimal(forecast), _decimal(actual), direction, tolerance)


def year_to_date(
    forecasts: Series,
    actuals: Series,
    months: Sequence[Month],
    direction: str | None,
    aggregation: str | None,
    tolerance: float,
) -> YearToDate:
    """The year-to-date comparison over `months`, like with like: only months with both numbers count.

    An unknown aggregation (blank on the Metrics sheet) gives no_data, since the months cannot be added up.
    """
    forecast, actual, both = _paired(forecasts, actuals, months)
    present = set(both)
    missing = tuple(month for month in months if month not in present)
    if not both or aggregation not in _AGGREGATIONS:
        return YearToDate(None, None, None, None, "no_data", months=both, missing_months=missing)
    figures = _compare(
        _aggregate(forecast, aggregation), _aggregate(actual, aggregation), direction, tolerance
    )
    return YearToDate(
        figures.forecast,
        figures.actual,
        figures.variance,
        figures.variance_pct,
        figures.status,
        months=both,
        missing_months=missing,
    )


def projection(
    forecasts: Series,
    actuals: Series,
    plan_months: Sequence[Month],
    ytd: YearToDate,
    direction: str | None,
    aggregation: str | None,
    tolerance: float,
) -> Figures | None:
    """Where the plan's full year ends if the year-to-date run rate holds, against the plan's full year.

    `forecast` is the plan's full-year figure, aggregated over every forecast the plan holds: the sum of
    all forecasts, their average, or the forecast of the last month that has one. `actual` is the
    projection: for `sum` the year-to-date actual per month with data times the number of plan months;
    for `average` the year-to-date average; for `last` the latest actual. None without any month that
    has both numbers, or without an aggregation.
    """
    if not ytd.months or aggregation not in _AGGREGATIONS:
        return None
    actual = [number for number in map(_decimal, (actuals.get(m) for m in ytd.months)) if number is not None]
    planned = [
        number for number in map(_decimal, (forecasts.get(m) for m in plan_months)) if number is not None
    ]
    projected = _aggregate(actual, aggregation)
    if aggregation == "sum":
        projected = projected * len(plan_months) / len(ytd.months)
    return _compare(_aggregate(planned, aggregation), projected, direction, tolerance)


_AGGREGATIONS = ("sum", "last", "average")


def _paired(
    forecasts: Series, actuals: Series, months: Sequence[Month]
) -> tuple[list[Decimal], list[Decimal], tuple[Month, ...]]:
    """The forecasts and actuals of the months among `months` that have both, and those months."""
    forecast: list[Decimal] = []
    actual: list[Decimal] = []
    both: list[Month] = []
    for month in months:
        f, a = _decimal(forecasts.get(month)), _decimal(actuals.get(month))
        if f is not None and a is not None:
            forecast.append(f)
            actual.append(a)
            both.append(month)
    return forecast, actual, tuple(both)


def _aggregate(values: Sequence[Decimal], aggregation: str) -> Decimal:
    if aggregation == "last":
        return values[-1]
    total = sum(values, Decimal(0))
    return total / len(values) if aggregation == "average" else total


def statuses(
    pairs: Iterable[tuple[float | None, float | None]], direction: str | None, tolerance: float
) -> list[Status]:
    """The status of each (forecast, actual) pair, as `compare` would judge it, without its figures:
    a trend needs a status a month, and most months of a long plan are only coloured."""
    limit = _decimal_of(tolerance)
    found: list[Status] = []
    for forecast, actual in pairs:
        planned, done = _decimal(forecast), _decimal(actual)
        if planned is None or done is None:
            found.append("no_data")
        else:
            share = (done - planned) / abs(planned) if planned else None
            found.append(_status(planned, done, share, direction, limit))
    return found


def _compare(
    forecast: Decimal | None, actual: Decimal | None, direction: str | None, tolerance: float
) -> Figures:
    if forecast is None or actual is None:
        return Figures(_float(forecast), _float(actual), None, None, "no_data")
    variance = actual - forecast
    share = variance / abs(forecast) if forecast else None
    return Figures(
        float(forecast),
        float(actual),
        float(variance),
        None if share is None else _round_pct(share),
        _status(forecast, actual, share, direction, _decimal_of(tolerance)),
    )


def _status(
    forecast: Decimal, actual: Decimal, share: Decimal | None, direction: str | None, tolerance: Decimal
) -> Status:
    favourable = actual == forecast or (
        (direction == "up" and actual > forecast) or (direction == "down" and actual < forecast)
    )
    if favourable:
        return "on_track"
    if share is None:  # forecast 0 and the actual went the wrong way: no percentage can excuse it
        return "off_track"
    if abs(share) <= tolerance:
        return "on_track"
    if abs(share) <= 2 * tolerance:
        return "at_risk"
    return "off_track"


def _round_pct(share: Decimal) -> float:
    with localcontext() as context:
        # quantize fails when the result needs more digits than the context has; a huge share does
        context.prec = max(context.prec, share.adjusted() + 8)
        # + 0.0 turns a share rounded to -0.0000 into 0.0, which shows as 0.0 % and not -0.0 %
        return float(share.quantize(_PCT_PLACES, rounding=ROUND_HALF_UP)) + 0.0


def _decimal(value: float | None) -> Decimal | None:
    """A cell's number as the decimal it shows; None for a blank, or a NaN or infinity (not a reading).

    A review converts every month's numbers of every metric, so the usual cases come first, inline."""
    if type(value) is int:
        return Decimal(value)
    if value is None or value - value != 0:  # NaN and infinity minus themselves are not 0
        return None
    return Decimal(repr(value))


def _decimal_of(value: float) -> Decimal:
    # repr is the shortest text that reads back as the same float: 0.1, not 0.1000000000000000055511...
    return Decimal(value) if isinstance(value, int) else Decimal(repr(value))


def _float(value: Decimal | None) -> float | None:
    return None if value is None else float(value)


def compare_totals(
    forecasts: Sequence[float],
    actuals: Sequence[float],
    direction: str | None,
    aggregation: str | None,
    tolerance: float,
) -> Figures | None:
    """The numbers `forecasts` aggregated against `actuals` aggregated, as the metric's aggregation
    adds up months; None when either has no number, or without an aggregation."""
    if not forecasts or not actuals or aggregation not in _AGGREGATIONS:
        return None
    planned = [_decimal_of(number) for number in forecasts]
    found = [_decimal_of(number) for number in actuals]
    return _compare(_aggregate(planned, aggregation), _aggregate(found, aggregation), direction, tolerance)


def achievement(figures: Figures, direction: str | None) -> float | None:
    """The variance % of `figures` signed so that better than planned is positive: as it is for a metric
    that should go up (or has no direction), turned round for one that should go down."""
    if figures.variance_pct is None:
        return None
    return -figures.variance_pct + 0.0 if direction == "down" else figures.variance_pct
