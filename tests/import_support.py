"""A small plan with Sources rows, built in code, and exports read from files written for a test."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from pathlib import Path

from sheetplan.exports.model import Export
from sheetplan.exports.read import read_export
from sheetplan.plan.model import Metric, Month, Plan, Settings, SheetLocation, Source

TODAY = date(2026, 11, 20)
START = Month(2026, 7)


def metric(metric_id: str, aggregation: str = "sum") -> Metric:
    return Metric(metric_id, f"Metric {metric_id}", "G1", "Maria", "up", aggregation)


def plan(
    sources: Sequence[Source],
    metrics: Sequence[Metric] = (),
    forecasts: dict[str, dict[Month, float]] | None = None,
    actuals_rows: dict[str, int] | None = None,
) -> Plan:
    """A plan of six months from July 2026 whose Actuals sheet lists `actuals_rows` (metric to row)."""
    ids = {source.metric_id for source in sources}
    known = list(metrics) + [metric(metric_id) for metric_id in sorted(ids - {m.id for m in metrics})]
    months = [START + offset for offset in range(6)]
    columns = {"metric_id": 1, "metric": 2, **{str(month): 3 + index for index, month in enumerate(months)}}
    rows = actuals_rows if actuals_rows is not None else {m.id: 2 + n for n, m in enumerate(known)}
    return Plan(
        Settings("Plan", START, 6),
        metrics=tuple(known),
        forecasts=forecasts or {},
        sources=tuple(sources),
        locations={"actuals": SheetLocation("Actuals", columns, 1, rows)},
    )


def exports(*paths: Path, today: date = TODAY) -> list[Export]:
    return [export for path in paths for export in read_export(path, today, name=path.name)]
