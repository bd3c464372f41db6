"""`sheetplan review` on a Google Sheet: the month's review tab and the Review log in one `batchUpdate`.

The review tab is the same backend-neutral layout the Excel writer draws (`layout.review`), with its
status colours and charts. A tab already holding that month's review, in either language, is deleted
and the new one takes its place in the same batch, so the spreadsheet never shows half a review. The
Review log keeps its other months' rows and gets this month's anew.

The review reads the plan first (`read_book`: the metadata and the values, two requests), and the
write is given what that read found: which tabs exist and the log's rows. So a review costs three
requests, and a dry run two.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from sheetplan.gsheets.book import GoogleSheet, Request, Tab, batch_update
from sheetplan.gsheets.cells import cell_format, column_pixels, entered_value, number_format
from sheetplan.gsheets.draw import add_layout, dimension_sizes
from sheetplan.layout.carried import carry
from sheetplan.layout.review import review_layout, review_month, review_position, sheet_name
from sheetplan.layout.sheet import HEADER, SheetLayout
from sheetplan.layout.written import Written
from sheetplan.plan.model import Grid, Month, Plan
from sheetplan.plan.schema import REVIEW_LOG, Lang, sheet_by_name
from sheetplan.review.decisions import with_decisions
from sheetplan.review.log import LogRow, merged_log, parse_log
from sheetplan.review.model import Review

_LOG_SPARE_ROWS = 100
"""Room below the log for the next reviews' rows before the tab grows again."""


def write_review(book: GoogleSheet, grid: Grid, review: Review, plan: Plan) -> Written:
    """Write `review` into the Google Sheet `book`, as `read_book` read it into `grid`: its month's tab
    and the Review log, in one request."""
    lang = plan.lang
    log_title = next((title for title in grid if REVIEW_LOG.is_named(title)), None)
    existing = parse_log(grid[log_title]) if log_title is not None else []
    rows = merged_log(existing, review)
    settings = plan.settings
    layout = review_layout(review, lang, settings.review_day, settings.review_time, settings.time_zone)
    old = next((title for title in grid if review_month(title) == review.month), None)
    carried = carry(old, grid[old], layout, plan, grid, f"gsheet:{book.key}") if old else None
    requests: list[Request] = []
    if carried is not None:
        # The sheet shows the decisions it kept, among those of the month.
        review = with_decisions(review, (*plan.decisions, *carried.added))
        layout = review_layout(review, lang, settings.review_day, settings.review_time, settings.time_zone)
        tab = book.tab(lambda title: title == carried.decisions)
        assert tab is not None
        requests += [
            {
                "updateCells": {
                    "start": {"sheetId": tab.sheet_id, "rowIndex": row - 1, "columnIndex": column - 1},
                    "rows": [{"values": [{"userEnteredValue": entered_value(value)}]}],
                    "fields": "userEnteredValue",
                }
            }
            for (row, column), value in sorted(carried.changes.items())
        ]
    batch_update(book, [*_review_requests(book, review, layout, lang, rows), *requests])
    kept = carried.kept() if carried else None
    return Written(f"Google Sheet {book.key}", sheet_name(review, lang), carried=kept)


def _review_requests(
    book: GoogleSheet, review: Review, layout: SheetLayout, lang: Lang, log: Sequence[LogRow]
) -> list[Request]:
    """The requests that put the review tab `layout` in place of the month's old one and rewrite the
    Review log."""
    ids = book.free_ids()
    old = [tab for tab in book.tabs if review_month(tab.title) == review.month]
    requests: list[Request] = [{"deleteSheet": {"sheetId": tab.sheet_id}} for tab in old]
    index = min(tab.index for tab in old) if old else _position(book, review.month)
    requests += add_layout(layout, next(ids), index)
    log_tab = book.tab(lambda title: REVIEW_LOG.is_named(title))
    requests += _log_requests(log_tab, next(ids), log, lang)
    return requests


def _log_requests(tab: Tab | None, new_id: int, log: Sequence[LogRow], lang: Lang) -> list[Request]:
    """Requests that fill the Review log tab (added when `tab` is None) with `log`, replacing its rows."""
    columns = REVIEW_LOG.columns
    rows = max(tab.rows if tab else 0, len(log) + 1 + _LOG_SPARE_ROWS)
    width = max(tab.columns if tab else 0, len(columns))
    grid = {"rowCount": rows, "columnCount": width, "frozenRowCount": 1}
    sheet_id = tab.sheet_id if tab else new_id
    requests: list[Request] = []
    if tab is None:
        title = REVIEW_LOG.name(lang)
        requests.append(
            {"addSheet": {"properties": {"sheetId": sheet_id, "title": title, "gridProperties": grid}}}
        )
    else:
        fields = ",".join(f"gridProperties.{name}" for name in grid)
        properties = {"sheetId": sheet_id, "gridProperties": grid}
        requests.append({"updateSheetProperties": {"properties": properties, "fields": fields}})
    header = cell_format(HEADER)
    data: list[dict[str, Any]] = [
        {
            "values": [
                {"userEnteredValue": {"stringValue": column.header(lang)}, "userEnteredFormat": header}
                for column in columns
            ]
        }
    ]
    for row in log:
        entered = (entered_value(value) for value in row.cells(lang))
        data.append({"values": [{"userEnteredValue": value} if value else {} for value in entered]})
    whole = {"sheetId": sheet_id, "startRowIndex": 0, "endRowIndex": rows, "startColumnIndex": 0}
    requests.append(
        {
            "updateCells": {
                "range": {**whole, "endColumnIndex": width},
                "rows": data,
                "fields": "userEnteredValue,userEnteredFormat",
            }
        }
    )
    for number, column in enumerate(columns):
        fmt = number_format(column.number_format)
        if fmt is not None:
            span = {**whole, "startRowIndex": 1, "startColumnIndex": number, "endColumnIndex": number + 1}
            requests.append(
                {
                    "repeatCell": {
                        "range": span,
                        "cell": {"userEnteredFormat": {"numberFormat": fmt}},
                        "fields": "userEnteredFormat.numberFormat",
                    }
                }
            )
    widths = {number: column_pixels(column.width) for number, column in enumerate(columns, start=1)}
    requests += dimension_sizes(sheet_id, "COLUMNS", widths)
    last = {**whole, "endRowIndex": len(log) + 1, "endColumnIndex": len(columns)}
    requests.append({"setBasicFilter": {"filter": {"range": last}}})
    return requests


def _position(book: GoogleSheet, month: Month) -> int:
    """Where a new review tab goes: among the other reviews in month order, else after the plan's tabs."""
    among_reviews = review_position(((tab.title, tab.index) for tab in book.tabs), month)
    if among_reviews is not None:
        return among_reviews
    plan_tabs = [tab.index for tab in book.tabs if sheet_by_name(tab.title) not in (None, REVIEW_LOG)]
    return max(plan_tabs) + 1 if plan_tabs else len(book.tabs)
