"""Text typed into a review sheet about to be replaced, carried into the plan's Decisions sheet.

`layout.carried` finds the typed cells; here the old sheet is read from the workbook and the
Decisions rows are set in its part (`cells.set_cells`), in the same package as the new review, so
that one safe save writes both or neither. A workbook with nowhere to keep the text is not written.
"""

from __future__ import annotations

from pathlib import Path

from sheetplan.layout.carried import Carried, carry
from sheetplan.layout.review import review_month
from sheetplan.layout.sheet import SheetLayout
from sheetplan.plan.addresses import quote_sheet
from sheetplan.plan.model import Grid, Plan
from sheetplan.read.workbook import read_workbook
from sheetplan.xlsx.book import read_book
from sheetplan.xlsx.cells import set_cells
from sheetplan.xlsx.package import Package


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
    # A Decisions sheet the plan read but this workbook (`--out`) lacks is no place to keep the text.
    here = {name: values for name, values in grid.items() if name in sheets}
    carried = carry(old, rows, layout, plan, here, str(path))
    if carried is not None:
        part = sheets[carried.decisions].part
        where = f"{path}: {quote_sheet(carried.decisions)}"
        package.put(part, set_cells(package.read(part), carried.changes, where).xml)
    return carried
