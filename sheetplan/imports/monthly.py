"""Each metric's number per calendar month, from the exports its Sources rows name.

A Sources row takes, from every export of its kind, the rows its Filter keeps, and turns them into one
number per calendar month of their days: `sum`, `last` (the month's latest day), `average` or `max`
over the days (over the posts, for a kind that lists posts), a column's values or `A + B` of
columns; `A / B` is the ratio of the month's sums, whatever the How; `posts` counts the posts. A
metric fed by several Sources rows gets their sum.

Exports of one kind that overlap do not count a day twice (`rows`). A month is complete when the
exports used cover every day of it and it is over; otherwise it is partial.
"""

from __future__ import annotations

import statistics
from collections import defaultdict
from collections.abc import Mapping, Sequence
from datetime import date, datetime
from typing import NamedTuple

from sheetplan.exports.cells import cell_error
from sheetplan.exports.kinds import kind_named
from sheetplan.exports.model import Export, Row, Value
from sheetplan.imports.rows import covered_days, month_days, taken
from sheetplan.plan import schema
from sheetplan.plan.defaults import PERCENT_FRACTION
from sheetplan.plan.errors import SourceError
from sheetplan.plan.i18n import _, language
from sheetplan.plan.model import Month, Plan, Source
from sheetplan.plan.sources import ValueSpec, parse_filter, parse_value

_PREFERRED_VARIANTS = ("Totals", "Chart data", "Dates", None, "Table data")
"""Of a kind's tables that all have a Sources row's columns, the one taken: per day before per video."""
_DECIMALS = 6
MONTHLY_CSV = "Monthly CSV"


class Computed(NamedTuple):
    """A metric's number for a month, worked out from the exports."""

    value: float
    exports: tuple[Export, ...]
    """The exports it came from, in the order given."""
    complete: bool
    """Whether those exports cover the whole month, and the month is over."""


Key = tuple[str, Month]
"""A metric's ID and a month."""


def monthly_values(plan: Plan, exports: Sequence[Export], today: date) -> dict[Key, Computed]:
    """The number the exports give each metric in each plan month that has one."""
    by_kind: dict[str, list[Export]] = defaultdict(list)
    months = set(plan.settings.plan_months)
    for export in _distinct(exports):
        _refuse_outside(export, plan)
        by_kind[export.kind.name].append(export)
    parts: dict[Key, list[Computed]] = defaultdict(list)
    for source in plan.sources:
        kind = kind_named(source.export)
        spec = parse_value(source.value)
        if kind is None or spec is None or not source.metric_id or kind.name not in by_kind:
            continue
        if kind.name == MONTHLY_CSV:
            continue  # its rows name their metric; a Sources row for it is only a note
        chosen = _tables(by_kind[kind.name], spec, source)
        for month, computed in _by_month(source, spec, chosen, plan, today).items():
            if month in months:
                parts[source.metric_id, month].append(computed)
    for monthly in by_kind.get(MONTHLY_CSV, ()):
        for key, computed in _monthly_csv(monthly, plan, today).items():
            if key[1] in months:
                parts[key].append(computed)
    return {key: _added(found) for key, found in parts.items()}


def _refuse_outside(export: Export, plan: Plan) -> None:
    """SourceError for an export with dates, none of them in the plan's months: another year's file."""
    months = plan.settings.plan_months
    dated = [row for row in export.rows if row.day is not None or row.month is not None]
    if not dated or not months:
        return
    planned = set(months)
    if any(_month(row) in planned for row in dated):
        return
    first = dated[0]
    spelled = export.column(export.day_column) if export.day_column else None
    column = spelled or ("Month" if first.month else "Date")
    shown = first.month or (first.day.date() if isinstance(first.day, datetime) else first.day)
    problem = _(
        "{value} is outside the plan ({first} to {last}), as are all its rows; is it an export of"
        " another year?"
    ).format(value=shown, first=months[0], last=months[-1])
    raise cell_error(export.name, first.number, column, problem)


def _month(row: Row) -> Month | None:
    return row.month or (Month.of(row.day) if row.day else None)


def _distinct(exports: Sequence[Export]) -> list[Export]:
    """The exports, each table once: a file given twice counts once."""
    seen: set[tuple[str, str | None, str | None, str]] = set()
    kept = []
    for export in exports:
        key = (export.sha256, export.variant, export.series, export.kind.name)
        if key not in seen:
            seen.add(key)
            kept.append(export)
    return kept


def _tables(exports: list[Export], spec: ValueSpec, source: Source) -> list[Export]:
    """The exports of the Sources row's kind that have its columns, of one variant; SourceError when
    none has them."""
    having = [export for export in exports if all(export.column(name) for name in _named(spec, source))]
    if spec.operation == "posts":
        having = [export for export in having if export.posts or export.rows]
    if not having:
        export = exports[0]
        missing = next(name for name in _named(spec, source) if not export.column(name))
        raise SourceError(
            _(
                '{name}: has no column "{column}", which the {sheet} row {row} takes;'
                " its columns are: {columns}"
            ).format(
                name=export.name,
                column=missing,
                sheet=schema.SOURCES.name(language()),
                row=source.row,
                columns=", ".join(export.columns),
            )
        )
    variants = {export.variant for export in having}
    variant = next((name for name in _PREFERRED_VARIANTS if name in variants), sorted(variants, key=str)[0])
    return [export for export in having if export.variant == variant]


def _named(spec: ValueSpec, source: Source) -> list[str]:
    found = parse_filter(source.filter) if source.filter else None
    return [*spec.columns, *([found.column] if found else [])]


def _by_month(
    source: Source, spec: ValueSpec, exports: list[Export], plan: Plan, today: date
) -> dict[Month, Computed]:
    wanted = parse_filter(source.filter) if source.filter else None
    how = source.how or _aggregation(plan, source.metric_id)
    # By (year, month) while the rows go by: a Month's hash is Python's, an int pair's is not.
    items: dict[tuple[int, int], list[tuple[date, float, float]]] = defaultdict(list)
    used: dict[tuple[int, int], list[Export]] = defaultdict(list)
    counting = spec.operation == "posts"
    spelled = {id(export): _spelled(spec, export) for export in exports}
    for export, day, values in taken(exports, counting, wanted):
        numerator, denominator = _amount(spelled[id(export)], values)
        if numerator is None:
            continue
        key = (day.year, day.month)
        items[key].append((day, numerator, denominator))
        if export not in used[key]:
            used[key].append(export)
    covered = covered_days(exports, today)
    scale = 100.0 if spec.operation == "ratio" and _in_points(plan, source.metric_id) else 1.0
    per_post = counting or any(export.kind.posts and export.posts for export in exports)
    months = {key: Month(*key) for key in items}
    return {
        months[key]: Computed(
            _combined(found, spec, how, per_post, scale),
            tuple(used[key]),
            all(day in covered for day in month_days(months[key])),
        )
        for key, found in items.items()
    }


def _spelled(spec: ValueSpec, export: Export) -> ValueSpec:
    """The Value's columns as the export spells them (a Sources row may name them in any case)."""
    return ValueSpec(tuple(export.column(name) or name for name in spec.columns), spec.operation)


def _amount(spec: ValueSpec, values: Mapping[str, Value]) -> tuple[float | None, float]:
    """A row's number (a ratio's numerator), and a ratio's denominator (1 otherwise)."""
    if spec.operation == "posts":
        return 1.0, 1.0
    if spec.operation == "column":
        return _number(values.get(spec.columns[0])), 1.0
    numbers = [_number(values.get(name)) for name in spec.columns]
    if spec.operation == "ratio":
        return (numbers[0] or 0.0, numbers[1] or 0.0) if any(n is not None for n in numbers) else (None, 0.0)
    if all(number is None for number in numbers):
        return None, 1.0
    return sum(number or 0.0 for number in numbers), 1.0


def _number(value: Value) -> float | None:
    return float(value) if isinstance(value, int | float) and not isinstance(value, bool) else None


def _combined(
    items: list[tuple[date, float, float]], spec: ValueSpec, how: str, per_post: bool, scale: float
) -> float:
    """The month's number from its rows' amounts; `scale` multiplies a ratio (100 for points)."""
    if spec.operation == "ratio":
        denominator = sum(item[2] for item in items)
        return round(sum(item[1] for item in items) * scale / denominator, _DECIMALS) if denominator else 0.0
    if spec.operation == "posts" or how == "sum":
        return round(sum(item[1] for item in items), _DECIMALS)
    if per_post:
        values = [item[1] for item in sorted(items, key=lambda item: item[0])]
    else:
        days: dict[date, float] = defaultdict(float)
        for day, amount, __ in items:
            days[day] += amount
        values = [days[day] for day in sorted(days)]
    if how == "last":
        return round(values[-1], _DECIMALS)
    if how == "max":
        return round(max(values), _DECIMALS)
    return round(statistics.fmean(values), _DECIMALS)


def takes_forecasts(plan: Plan) -> bool:
    """Whether the numbers need the plan's forecasts: a Sources row takes a ratio (`_in_points`)."""
    return any((spec := parse_value(source.value)) and spec.operation == "ratio" for source in plan.sources)


def _in_points(plan: Plan, metric_id: str) -> bool:
    """Whether the metric's forecasts are percentage points (3.5 for 3.5 %), so that a ratio is given
    as points too: their middle value is above what a fraction for a percentage would be."""
    forecasts = list(plan.forecasts.get(metric_id, {}).values())
    return bool(forecasts) and statistics.median(forecasts) > PERCENT_FRACTION


def _aggregation(plan: Plan, metric_id: str) -> str:
    metric = next((metric for metric in plan.metrics if metric.id == metric_id), None)
    return (metric.aggregation if metric else None) or "sum"


def _monthly_csv(export: Export, plan: Plan, today: date) -> dict[Key, Computed]:
    """A Monthly CSV's actuals, by the metric its rows name; SourceError for a metric not in the plan."""
    metrics = {metric.id.casefold(): metric.id for metric in plan.metrics if metric.id}
    found: dict[Key, Computed] = {}
    column = export.column("Actual") or "Actual"
    for row in export.rows:
        value = _number(row.values.get(column))
        if row.month is None or row.metric_id is None or value is None:
            continue
        metric_id = metrics.get(row.metric_id.casefold())
        if metric_id is None:
            lang = language()
            problem = _("{metric} is not a {column} on the {sheet} sheet").format(
                metric=row.metric_id,
                column=schema.METRICS.column("metric_id").header(lang),
                sheet=schema.METRICS.name(lang),
            )
            raise cell_error(export.name, row.number, "Metric ID", problem)
        found[metric_id, row.month] = Computed(value, (export,), row.month.last_day < today)
    return found


def _added(parts: list[Computed]) -> Computed:
    exports: list[Export] = []
    for part in parts:
        exports.extend(export for export in part.exports if export not in exports)
    value = round(sum(part.value for part in parts), _DECIMALS)
    return Computed(value, tuple(exports), all(part.complete for part in parts))
