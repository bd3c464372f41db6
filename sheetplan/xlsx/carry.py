"""Text typed into a review sheet about to be replaced, carried into the plan's Decisions sheet.

`layout.carried` finds the typed cells; here the old sheet is read from the workbook and the
Decisions rows are set in its part (`cells.set_cells`), in the same package as the new review, so
that one safe save writes both or neither. A workbook with nowhere to keep the text is not written.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any, NamedTuple

from sheetplan.layout.carried import TypedRow, decision_cells, typed_decisions, typed_rows
from sheetplan.layout.review import review_month
from sheetplan.layout.sheet import SheetLayout
from sheetplan.plan.addresses import quote_sheet
from sheetplan.plan.errors import WriteError
from sheetplan.plan.i18n import _
from sheetplan.plan.model import Decision, Grid, Plan
from sheetplan.read.workbook import read_workbook
from sheetplan.xlsx.book import read_book
from sheetplan.xlsx.cells import set_cells
from sheetplan.xlsx.package import Package


class Carried(NamedTuple):
    """Typed text moved out of the old review sheet: where it was, and the Decisions cells now holding it."""

    sheet: str
    """The old review sheet's name."""
    typed: tuple[TypedRow, ...]
    decisions: str
    """The Decisions sheet's name."""
    added: tuple[Decision, ...]
    """The Decisions rows that now hold the text."""
    changes: dict[tuple[int, int], Any]


def carry_typed(package: Package, path: Path, grid: Grid, plan: Plan, layout: SheetLayout) -> Carried | None:
    """Move into the Decisions sheet what people typed into the review sheet `layout` replaces, in
    `package` (the workbook at `path`, whose plan `grid` holds); None when nothing was typed there.

    WriteError, naming the cells, when the workbook has no Decisions sheet of the plan to keep it in.
    """
    month = review_month(layout.name)
    sheets = {sheet.name: sheet for sheet in read_book(package).sheets if sheet.worksheet}
    old = next((name for name in sheets if review_month(name) == month), None)
    if old is None:
        return None
    rows = read_workbook(path, "xlsx", wanted=old.__eq__, name=str(path)).get(old, [])
    typed = typed_rows(rows, layout)
    if not typed:
        return None
    location = plan.locations.get("decisions")
    if location is None or location.name not in sheets or location.name not in grid:
        cells = ", ".join(address for row in typed for address in row.addresses())
        raise WriteError(
            _(
                "{path}: {old}!{cells} hold text that sheetplan did not write, and the plan has "
                "no Decisions sheet to keep it; add one (sheetplan init writes it) or move the "
                "text, then review again"
            ).format(path=path, old=quote_sheet(old), cells=cells)
        )
    used = [number for number, cells in enumerate(grid[location.name], 1) if any(_filled(c) for c in cells)]
    first = max([location.header_row, *used]) + 1
    assert month is not None
    owners = [owner.name for owner in plan.owners]
    added = typed_decisions(typed, old, month, owners, plan.lang, first)
    changes = decision_cells(added, location.columns)
    part = sheets[location.name].part
    where = f"{path}: {quote_sheet(location.name)}"
    package.put(part, set_cells(package.read(part), changes, where).xml)
    return Carried(old, typed, location.name, added, changes)


def _filled(value: Any) -> bool:
    return value is not None and not (isinstance(value, str) and not value.strip())
