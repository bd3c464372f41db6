"""`sheetplan baseline` on a Google Sheet: the Baseline cells (`layout.baseline_copy`) set in one
batchUpdate, which Google applies all or nothing."""

from __future__ import annotations

from sheetplan.gsheets.book import GoogleSheet, batch_update
from sheetplan.gsheets.cells import entered_value
from sheetplan.layout.baseline_copy import baseline_cells, baseline_location, copied
from sheetplan.plan.model import Grid, Plan


def write_baseline(book: GoogleSheet, grid: Grid, plan: Plan, force: bool) -> str:
    """Copy the forecasts of `plan` (read from `book` as `grid`) to its Baseline tab; say so."""
    source = f"Google Sheet {book.key}"
    location = baseline_location(plan, source, force)
    tab = book.tab(lambda title: title == location.name)
    assert tab is not None
    requests = [
        {
            "updateCells": {
                "start": {"sheetId": tab.sheet_id, "rowIndex": row - 1, "columnIndex": column - 1},
                "rows": [
                    {"values": [{"userEnteredValue": entered_value(value)} if value is not None else {}]}
                ],
                "fields": "userEnteredValue",
            }
        }
        for (row, column), value in sorted(baseline_cells(plan, grid, location).items())
    ]
    batch_update(book, requests)
    return copied(plan, location, source)
