"""The numbers worked out from the exports against the Actuals cells: what an import writes, and why not.

An Actuals cell that is empty is `filled`; one that still holds what an earlier import wrote (the
Import log says so) is `updated` when the new number differs; one that holds the new number already
is `unchanged`; one a person typed with another number (or anything else) is a `conflict`, left as it
is unless `--overwrite`. A month the files cover only in part is `partial`, not written unless
`--partial`. A metric with no row on Actuals gets one, after the sheet's last.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from typing import Literal, NamedTuple

from sheetplan.imports.cells import Entry, cell_at, next_row
from sheetplan.imports.log import Imported
from sheetplan.imports.monthly import Computed, Key
from sheetplan.plan import schema
from sheetplan.plan.addresses import column_letter, quote_sheet
from sheetplan.plan.errors import SourceError
from sheetplan.plan.i18n import _, language
from sheetplan.plan.model import CellValue, Grid, Month, Plan

State = Literal["filled", "updated", "unchanged", "conflict", "partial"]
WRITTEN: frozenset[State] = frozenset({"filled", "updated"})
"""The states whose new number goes into the cell."""


class Change(NamedTuple):
    """One metric and month the exports give a number for, and what the import does with its cell."""

    metric_id: str
    month: Month
    old: CellValue
    """What the Actuals cell holds now; None when it is empty or the metric has no row yet."""
    new: float
    computed: Computed
    state: State
    row: int
    column: int
    cell: str
    """The cell's address, `Actuals!F7`."""

    @property
    def files(self) -> tuple[str, ...]:
        return tuple(export.name for export in self.computed.exports)


def import_changes(
    plan: Plan,
    grid: Grid,
    computed: Mapping[Key, Computed],
    log: Mapping[Key, Imported],
    month: Month | None = None,
    *,
    overwrite: bool = False,
    partial: bool = False,
) -> list[Change]:
    """What importing `computed` does to each Actuals cell, in the plan's order of metrics, then months."""
    location = plan.locations.get("actuals")
    if location is None:
        raise SourceError(
            _("the plan has no {sheet} sheet to import into").format(sheet=schema.ACTUALS.name(language()))
        )
    rows = grid.get(location.name, [])
    order = {metric.id: index for index, metric in enumerate(plan.metrics)}
    added = next_row(rows)
    new_rows: dict[str, int] = {}
    changes = []
    for key in sorted(computed, key=lambda key: (order.get(key[0], len(order)), key[1])):
        metric_id, when = key
        if month is not None and when != month:
            continue
        column = location.columns.get(str(when))
        if column is None:
            raise SourceError(
                _(
                    "{sheet}: has no column for {month}, which the exports give numbers for; add a column"
                    " headed {month} (sheetplan check lists the plan's months)"
                ).format(sheet=quote_sheet(location.name), month=when)
            )
        row = location.rows.get(metric_id) or new_rows.setdefault(metric_id, added + len(new_rows))
        old = cell_at(rows, row, column)
        found = computed[key]
        state = _state(old, found, log.get(key), overwrite=overwrite, partial=partial)
        where = f"{quote_sheet(location.name)}!{column_letter(column)}{row}"
        changes.append(Change(metric_id, when, old, found.value, found, state, row, column, where))
    return changes


def new_rows(plan: Plan, changes: Sequence[Change]) -> dict[tuple[int, int], Entry]:
    """The Metric ID and Metric cells of the rows added for metrics Actuals did not list."""
    location = plan.locations["actuals"]
    names = {metric.id: metric.name for metric in plan.metrics}
    cells: dict[tuple[int, int], Entry] = {}
    for change in changes:
        if change.state in WRITTEN and change.metric_id not in location.rows:
            cells[change.row, location.columns["metric_id"]] = change.metric_id
            if "metric" in location.columns:
                cells[change.row, location.columns["metric"]] = names.get(change.metric_id, "")
    return cells


def _state(
    old: CellValue, found: Computed, earlier: Imported | None, *, overwrite: bool, partial: bool
) -> State:
    if not found.complete and not partial:
        return "partial"
    if old is None or (isinstance(old, str) and not old.strip()):
        return "filled"
    if _same(old, found.value):
        return "unchanged"
    if overwrite or (earlier is not None and earlier.value is not None and _same(old, earlier.value)):
        return "updated"
    return "conflict"


def _same(old: CellValue, new: float) -> bool:
    return (
        isinstance(old, int | float)
        and not isinstance(old, bool)
        and math.isclose(float(old), new, rel_tol=1e-9, abs_tol=1e-9)
    )
