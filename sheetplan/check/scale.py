"""The rule for numbers typed at a hundredth or a hundred times their scale, as percentages are.

A cell formatted as % holds `2.6%` as 0.026, so an actual typed there against forecasts typed as
`3.3` reads as −99 % and off track; a `2.6` typed among cells formatted as % reads as 260 %. The
workbook's cell formats are not read (the Grid holds values only), so the rule rests on the values:
a number is suspect when it is 25 to 400 times smaller or larger than what it is compared with, and
the smaller of the two is a fraction (not a whole number, at most 1.5, that is 150 %) as a cell
formatted as % would hold. A forecast is compared with the metric's other forecasts (at least three,
their middle value); an actual with the same month's forecast, else the middle of the metric's
forecasts, else of its actuals. Counts such as 1 lead against 50 forecast are whole numbers and never
suspect.

A metric whose numbers all lie within 25 times of each other, or none of which is a fraction (most
metrics), is passed over at the cost of one min and one max.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Iterator
from decimal import Decimal
from typing import Literal

from sheetplan.check.context import Context
from sheetplan.plan.defaults import PERCENT_FRACTION
from sheetplan.plan.i18n import _
from sheetplan.plan.model import Month, Problem, Series
from sheetplan.read import values

_APART = (25, 400)
"""How many times apart two numbers must be to be "about a hundred times" apart."""
_FEWEST = 3
"""How many numbers a row needs for its middle value to say what is usual in it."""

Scale = Literal["hundredth", "hundredfold"]


def percent_scale(context: Context) -> Iterator[Problem]:
    """Forecasts and actuals about a hundredth, or a hundred times, of the metric's other numbers."""
    plan = context.plan
    for metric in plan.metrics:
        if not metric.id:
            continue
        forecasts = plan.forecasts.get(metric.id, {})
        actuals = plan.actuals.get(metric.id, {})
        if _far_apart([*forecasts.values(), *actuals.values()]):
            yield from _metric(context, metric.id, forecasts, actuals)


def _far_apart(numbers: list[float]) -> bool:
    """Whether some two numbers might be a hundred times apart, with the smaller a fraction."""
    magnitudes = [abs(number) for number in numbers if number]
    if not magnitudes:
        return False
    smallest = min(magnitudes)
    return not smallest > PERCENT_FRACTION and not max(magnitudes) < _APART[0] * smallest


def _metric(context: Context, metric_id: str, forecasts: Series, actuals: Series) -> Iterator[Problem]:
    forecast = _usable(forecasts)
    actual = _usable(actuals)
    odd: set[Month] = set()
    if len(forecast) >= _FEWEST:
        usual = _middle(forecast.values())
        for month, number in forecast.items():
            scale = _scale(number, usual)
            if scale:
                odd.add(month)
                against = f"{metric_id}'s other forecasts (about {values.text(usual)})"
                yield _problem(context, "forecasts", metric_id, month, number, usual, scale, against)
    sound = [number for month, number in forecast.items() if month not in odd]
    usual_forecast = _middle(sound) if sound else None
    usual_actual = _middle(actual.values()) if len(actual) >= _FEWEST else None
    for month, number in actual.items():
        same_month = forecast.get(month)
        if same_month is not None and month not in odd:
            reference = same_month
            against = f"{metric_id}'s forecast {values.text(same_month)} for {month}"
        elif usual_forecast is not None:
            reference = usual_forecast
            against = f"{metric_id}'s forecasts (about {values.text(usual_forecast)})"
        elif usual_actual is not None:
            reference = usual_actual
            against = f"{metric_id}'s other actuals (about {values.text(usual_actual)})"
        else:
            continue
        scale = _scale(number, reference)
        if scale:
            yield _problem(context, "actuals", metric_id, month, number, reference, scale, against)


def _usable(series: Series) -> dict[Month, float]:
    """The numbers that can be compared: finite and not 0 (0 is 0 at any scale)."""
    return {month: number for month, number in series.items() if number and math.isfinite(number)}


def _middle(numbers: Iterable[float]) -> float:
    """The middle number (the upper one of an even count): a number of the row, not an average."""
    ordered = sorted(numbers)
    return ordered[len(ordered) // 2]


def _scale(number: float, reference: float) -> Scale | None:
    """Whether `number` is about a hundredth or a hundred times `reference`, the smaller a fraction."""
    if (number > 0) != (reference > 0):
        return None
    ratio = reference / number
    if _APART[0] <= ratio <= _APART[1] and _is_fraction(number):
        return "hundredth"
    if _APART[0] <= 1 / ratio <= _APART[1] and _is_fraction(reference):
        return "hundredfold"
    return None


def _is_fraction(number: float) -> bool:
    return abs(number) <= PERCENT_FRACTION and not float(number).is_integer()


def _problem(
    context: Context,
    sheet: str,
    metric_id: str,
    month: Month,
    number: float,
    reference: float,
    scale: Scale,
    against: str,
) -> Problem:
    shown = values.text(number)
    if scale == "hundredth":
        percent = _shifted(number, 100)
        message = _(
            "{shown} is about a hundredth of {against}: if it is {percent}% typed into a "
            "cell formatted as %, which holds it as {shown}, type {percent} as the others "
            "are typed"
        ).format(shown=shown, against=against, percent=percent)
    else:
        message = _(
            "{shown} is about a hundred times {against}, as a cell formatted as % holds a "
            "percentage ({text} for {points}%): if it is {shown}%, type it as {shown}% "
            "(read as {fraction})"
        ).format(
            shown=shown,
            against=against,
            text=values.text(reference),
            points=_shifted(reference, 100),
            fraction=_shifted(number, Decimal("0.01")),
        )
    location = context.plan.locations.get(sheet)
    row = location.rows.get(metric_id, 0) if location else 0
    return context.problem("warning", sheet, row, str(month), "percent_scale", message)


def _shifted(number: float, factor: int | Decimal) -> str:
    """`number` times `factor` as the shortest decimal: 0.026 × 100 is 2.6, not 2.6000000000000001."""
    return format((Decimal(repr(number)) * factor).normalize(), "f")
