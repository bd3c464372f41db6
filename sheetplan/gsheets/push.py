"""`sheetplan push PATH SHEET`: the requests that put a local plan workbook into a Google Sheet.

One metadata call finds the tabs; one `batchUpdate` adds the template's tabs that are missing,
replaces the values of those that exist (clearing stale rows), and sets frozen header rows, bold
headers, widths, number formats and dropdowns, all from the schema, in the workbook's language.
Google applies a batch all or nothing, so a failed push changes nothing. Tabs the user added are
left alone, and so are review tabs: `review` writes those.

Values go in as they are in the workbook: text as text (RAW, so `=HYPERLINK(...)` stays text),
numbers as numbers, dates as serial numbers with a date format. The Metric column of Forecasts and
Actuals is the template's lookup formula, as in the workbook `init` writes. The Guide is the
template's, its commands naming the Google Sheet.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping, Sequence
from typing import Any

from sheetplan.gsheets.book import GoogleSheet, Request, Tab
from sheetplan.gsheets.cells import cell_format, column_pixels, entered_value
from sheetplan.gsheets.columns import (
    DataTab,
    column_format,
    dropdown,
    metric_name,
    odd_dates,
    repeat_format,
)
from sheetplan.gsheets.draw import add_layout, dimension_sizes
from sheetplan.layout.sheet import HEADER, SheetLayout
from sheetplan.plan import schema
from sheetplan.plan.model import Grid, Plan, SheetLocation

_MONTH_WIDTH = 10
_NEW_TAB_COLUMNS = 26
"""Columns a new tab gets at least, as Google gives a new sheet."""


def data_tabs(grid: Grid, plan: Plan) -> list[DataTab]:
    """The data sheets to push, in template order: the plan's, and its Review log if it has one."""
    tabs = [
        DataTab(sheet, grid[plan.locations[sheet.key].name], plan.locations[sheet.key])
        for sheet in schema.INPUT_SHEETS
        if sheet.key in plan.locations
    ]
    log = next((name for name in grid if schema.REVIEW_LOG.is_named(name)), None)
    if log is not None and grid[log]:
        header = grid[log][0]
        columns = {
            column.key: index
            for index, cell in enumerate(header, start=1)
            if isinstance(cell, str) and (column := schema.column_by_header(schema.REVIEW_LOG, cell))
        }
        tabs.append(DataTab(schema.REVIEW_LOG, grid[log], SheetLocation(log, columns)))
    return tabs


def push_requests(
    book: GoogleSheet, plan: Plan, tabs: Sequence[DataTab], layout: SheetLayout
) -> tuple[list[Request], list[str], list[str]]:
    """The requests of one push, and the titles of the tabs it adds and of those it updates.

    `layout` is the Guide tab, which replaces the spreadsheet's Guide or goes first.
    """
    order = [tab.title for tab in sorted(book.tabs, key=lambda tab: tab.index)]
    ids = book.free_ids()
    requests: list[Request] = []
    added: list[str] = []
    updated: list[str] = []
    guide = book.tab(schema.GUIDE.is_named)
    if guide is not None:
        last = order.index(guide.title)
        requests.append({"deleteSheet": {"sheetId": guide.sheet_id}})
        updated.append(layout.name)
        order[last] = layout.name
    else:
        last = 0
        order.insert(0, layout.name)
        added.append(layout.name)
    requests += add_layout(layout, next(ids), last)
    sources = {tab.sheet.key: tab for tab in tabs}
    for tab in tabs:
        existing = _existing(book, tab)
        if existing is None:
            last += 1
            order.insert(last, tab.title)
            requests += _tab_requests(tab, None, next(ids), last, sources, plan.lang)
            added.append(tab.title)
        else:
            last = order.index(existing.title)
            order[last] = tab.title
            requests += _tab_requests(tab, existing, existing.sheet_id, None, sources, plan.lang)
            updated.append(tab.title)
    return requests, added, updated


def _existing(book: GoogleSheet, tab: DataTab) -> Tab | None:
    """The spreadsheet's tab for the same sheet: the same title first, else its name in either language."""
    return book.tab(lambda title: title == tab.title) or book.tab(
        lambda title: schema.sheet_by_name(title) is tab.sheet
    )


def _tab_requests(
    tab: DataTab,
    existing: Tab | None,
    sheet_id: int,
    index: int | None,
    sources: Mapping[str, DataTab],
    lang: schema.Lang,
) -> list[Request]:
    """Requests that make one tab hold `tab`'s rows, formatted from the schema."""
    header_row = tab.location.header_row
    table_end = header_row + max(schema.TEMPLATE_ROWS, len(tab.rows) - header_row)
    width = max([*map(len, tab.rows), *tab.location.columns.values(), 1])
    rows = max(table_end + 1, existing.rows if existing else 0)
    columns = max(width, existing.columns if existing else _NEW_TAB_COLUMNS)
    grid: dict[str, Any] = {"rowCount": rows, "columnCount": columns, "frozenRowCount": header_row}
    grid["frozenColumnCount"] = 2 if tab.sheet.monthly and width > 2 else 0
    properties: dict[str, Any] = {"sheetId": sheet_id, "title": tab.title, "gridProperties": grid}
    if existing is None:
        requests: list[Request] = [{"addSheet": {"properties": {**properties, "index": index}}}]
    else:
        fields = "title," + ",".join(f"gridProperties.{name}" for name in grid)
        requests = [{"updateSheetProperties": {"properties": properties, "fields": fields}}]
    whole = {"sheetId": sheet_id, "startRowIndex": 0, "endRowIndex": rows, "startColumnIndex": 0}
    # Over a tab that exists, the values go over its whole grid, which clears what they do not reach:
    # rows the plan no longer has, and old formats and dropdowns. A new tab has nothing to clear.
    where = {"range": {**whole, "endColumnIndex": columns}} if existing else {"start": {"sheetId": sheet_id}}
    requests.append(
        {
            "updateCells": {
                **where,
                "rows": list(_values(tab, table_end, sources)),
                "fields": "userEnteredValue,userEnteredFormat,dataValidation",
            }
        }
    )
    header = {**whole, "startRowIndex": header_row - 1, "endRowIndex": header_row, "endColumnIndex": width}
    requests.append(repeat_format(header, cell_format(HEADER)))
    body = {**whole, "startRowIndex": header_row}
    widths: dict[int, int] = {}
    for key, number in tab.location.columns.items():
        column = tab.sheet.get(key)
        widths[number] = column_pixels(column.width if column else _MONTH_WIDTH)
        fmt = column_format(column)
        span = {**body, "startColumnIndex": number - 1, "endColumnIndex": number}
        if fmt:
            requests.append(repeat_format(span, fmt))
        rule = dropdown(column, sources, lang) if column and tab.sheet is not schema.REVIEW_LOG else None
        if rule:
            requests.append({"setDataValidation": {"range": span, "rule": rule}})
    requests += odd_dates(tab, sheet_id)
    requests += dimension_sizes(sheet_id, "COLUMNS", widths)
    return requests


def _values(tab: DataTab, table_end: int, sources: Mapping[str, DataTab]) -> Iterator[dict[str, Any]]:
    """The tab's rows as RowData: values only (formats follow by column), month headers as YYYY-MM text."""
    months = {number: key for key, number in tab.location.columns.items() if tab.sheet.get(key) is None}
    lookup = tab.location.columns.get("metric") if tab.sheet.monthly else None
    for number in range(1, max(len(tab.rows), table_end if lookup else 0) + 1):
        cells = tab.rows[number - 1] if number <= len(tab.rows) else ()
        values: list[dict[str, Any]] = []
        for index, value in enumerate(cells, start=1):
            if number == tab.location.header_row and index in months:
                value = months[index]
            entered = entered_value(value)
            values.append({"userEnteredValue": entered} if entered else {})
        if lookup and number > tab.location.header_row:
            formula = metric_name(tab, number, sources)
            values += [{}] * (lookup - len(values))
            values[lookup - 1] = {"userEnteredValue": {"formulaValue": formula}} if formula else {}
        yield {"values": values}
