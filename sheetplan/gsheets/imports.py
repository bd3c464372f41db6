"""`sheetplan import` on a Google Sheet: the Actuals and Posts cells, and the Import log, in one
`batchUpdate`.

The import reads the plan first (`read_book`, two requests) and the write is given what that read
found. Changed cells go in as runs of neighbouring cells in a row, so 10,000 posts make a few
thousand small ranges in one request rather than a request each; a tab too small for the rows
added grows in the same batch. The Import log tab is replaced whole, in its old place.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any

from sheetplan.gsheets.book import GoogleSheet, Request, batch_update
from sheetplan.gsheets.cells import entered_value
from sheetplan.gsheets.draw import add_layout
from sheetplan.layout.sheet import SheetLayout
from sheetplan.plan.errors import WriteError
from sheetplan.plan.i18n import _
from sheetplan.plan.model import CellValue
from sheetplan.plan.schema import IMPORT_LOG, POSTS, sheet_by_name

_MOST_TEXT = 50_000
"""The most characters a Google Sheets cell holds."""


def write_import(
    book: GoogleSheet,
    changes: Mapping[str, Mapping[tuple[int, int], CellValue]],
    log: SheetLayout,
    posts: SheetLayout | None = None,
) -> None:
    """Set `changes` (by tab title, then 1-based row and column) in `book`, put in the Import log
    `log` and, for a spreadsheet without a Posts tab, `posts`: one request."""
    batch_update(book, import_requests(book, changes, log, posts))


def import_requests(
    book: GoogleSheet,
    changes: Mapping[str, Mapping[tuple[int, int], CellValue]],
    log: SheetLayout,
    posts: SheetLayout | None = None,
) -> list[Request]:
    """The requests of `write_import`."""
    requests: list[Request] = []
    for title, cells in changes.items():
        tab = book.tab(title.__eq__)
        if tab is None:
            raise WriteError(
                _("Google Sheet {key}: has no tab {title!r}; nothing was written").format(
                    key=book.key, title=title
                )
            )
        last_row = max((row for row, _ in cells), default=0)
        last_column = max((column for _, column in cells), default=0)
        if last_row > tab.rows or last_column > tab.columns:
            grid = {"rowCount": max(last_row, tab.rows), "columnCount": max(last_column, tab.columns)}
            fields = "gridProperties.rowCount,gridProperties.columnCount"
            properties = {"sheetId": tab.sheet_id, "gridProperties": grid}
            requests.append({"updateSheetProperties": {"properties": properties, "fields": fields}})
        requests += _cell_runs(tab.sheet_id, cells)
    ids = book.free_ids()
    titles = [tab.title for tab in book.tabs]
    after_plan = 1 + max(
        (tab.index for tab in book.tabs if sheet_by_name(tab.title) not in (None, IMPORT_LOG)), default=-1
    )
    if posts is not None and not any(POSTS.is_named(title) for title in titles):
        requests += add_layout(posts, next(ids), after_plan)
        after_plan += 1
    old = book.tab(IMPORT_LOG.is_named)
    if old is not None:
        requests.append({"deleteSheet": {"sheetId": old.sheet_id}})
    requests += add_layout(log, next(ids), old.index if old is not None else after_plan)
    return requests


def _cell_runs(sheet_id: int, cells: Mapping[tuple[int, int], CellValue]) -> Iterator[Request]:
    """One `updateCells` per run of neighbouring cells in a row."""
    for row, first, values in _runs(cells):
        yield {
            "updateCells": {
                "range": {
                    "sheetId": sheet_id,
                    "startRowIndex": row - 1,
                    "endRowIndex": row,
                    "startColumnIndex": first - 1,
                    "endColumnIndex": first - 1 + len(values),
                },
                "rows": [{"values": [_entered(value) for value in values]}],
                "fields": "userEnteredValue",
            }
        }


def _entered(value: CellValue) -> dict[str, Any]:
    entered = entered_value(value[:_MOST_TEXT] if isinstance(value, str) else value)
    return {"userEnteredValue": entered} if entered is not None else {}


def _runs(cells: Mapping[tuple[int, int], CellValue]) -> Iterator[tuple[int, int, list[CellValue]]]:
    run: list[CellValue] = []
    start = (0, 0)
    for row, column in sorted(cells):
        if run and (row, column) == (start[0], start[1] + len(run)):
            run.append(cells[row, column])
            continue
        if run:
            yield start[0], start[1], run
        start, run = (row, column), [cells[row, column]]
    if run:
        yield start[0], start[1], run
