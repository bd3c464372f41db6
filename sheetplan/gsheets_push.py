"""`sheetplan push PATH SHEET`: a local plan workbook into a Google Sheet, in two requests.

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

from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sheetplan import schema
from sheetplan.errors import UsageError
from sheetplan.gsheets import GoogleSheet, Request, Tab, batch_update, open_sheet, quote_title
from sheetplan.gsheets_cells import cell_format, column_pixels, date_format, entered_value, number_format
from sheetplan.gsheets_client import parse_sheet_source
from sheetplan.gsheets_guide import guide_layout
from sheetplan.gsheets_layout import add_layout, dimension_sizes
from sheetplan.guard import guard_file
from sheetplan.layout import Style
from sheetplan.load import load
from sheetplan.model import CellValue, Grid, Plan, SheetLocation, column_letter
from sheetplan.readers import read_workbook
from sheetplan.template_sheets import HEADER_COLOUR

HEADER = Style(bold=True, colour="FFFFFF", fill=HEADER_COLOUR.lstrip("#"), wrap=True, font="Arial")
MONTH_WIDTH = 10
NEW_TAB_COLUMNS = 26
"""Columns a new tab gets at least, as Google gives a new sheet."""
PROSE_WIDTH = 24
"""Text columns at least this wide wrap their text, as in the template."""


@dataclass(frozen=True)
class DataTab:
    """A data sheet of the local workbook: its schema sheet, its rows and where its columns are."""

    sheet: schema.Sheet
    rows: Sequence[Sequence[CellValue]]
    location: SheetLocation

    @property
    def title(self) -> str:
        return self.location.name


def google_key(target: str) -> str:
    """The key of a SHEET argument; UsageError when it is no Google Sheet."""
    key = parse_sheet_source(target)
    if key is None:
        raise UsageError(f"{target}: not a Google Sheet; give its URL or gsheet:KEY")
    return key


def push(path: Path, target: str, credentials: Path | None = None) -> str:
    """Push the plan workbook at `path` into the Google Sheet `target`; say what changed."""
    key = google_key(target)
    kind = guard_file(path, str(path))
    grid = read_workbook(
        path, kind, wanted=lambda name: schema.sheet_by_name(name) is not None, name=str(path)
    )
    plan, _ = load(grid, str(path))
    tabs = data_tabs(grid, plan)
    book = open_sheet(key, credentials)
    requests, added, updated = push_requests(book, plan, tabs)
    batch_update(book, requests)
    parts = [f"{len(updated)} tabs updated"] + ([f"{len(added)} added ({', '.join(added)})"] if added else [])
    return f"Pushed {path} to Google Sheet {key}: {', '.join(parts)}."


def data_tabs(grid: Grid, plan: Plan) -> list[DataTab]:
    """The data sheets to push, in template order: the plan's, and its Review log if it has one."""
    tabs = [
        DataTab(sheet, grid[plan.locations[sheet.key].name], plan.locations[sheet.key])
        for sheet in schema.INPUT_SHEETS
        if sheet.key in plan.locations
    ]
    log = next((name for name in grid if schema.sheet_by_name(name) is schema.REVIEW_LOG), None)
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
    book: GoogleSheet, plan: Plan, tabs: Sequence[DataTab]
) -> tuple[list[Request], list[str], list[str]]:
    """The requests of one push, and the titles of the tabs it adds and of those it updates."""
    order = [tab.title for tab in sorted(book.tabs, key=lambda tab: tab.index)]
    ids = iter(book.free_ids())
    requests: list[Request] = []
    added: list[str] = []
    updated: list[str] = []
    last = -1
    guide = book.tab(lambda title: schema.normalise(title) in map(schema.normalise, schema.GUIDE.name.all()))
    layout = guide_layout(plan.lang, plan.settings.plan_months, f"gsheet:{book.key}")
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
            requests += tab_requests(tab, None, next(ids), last, sources, plan.lang)
            added.append(tab.title)
        else:
            last = order.index(existing.title)
            order[last] = tab.title
            requests += tab_requests(tab, existing, existing.sheet_id, None, sources, plan.lang)
            updated.append(tab.title)
    return requests, added, updated


def _existing(book: GoogleSheet, tab: DataTab) -> Tab | None:
    """The spreadsheet's tab for the same sheet: the same title first, else its name in either language."""
    return book.tab(lambda title: title == tab.title) or book.tab(
        lambda title: schema.sheet_by_name(title) is tab.sheet
    )


def tab_requests(
    tab: DataTab,
    existing: Tab | None,
    sheet_id: int,
    index: int | None,
    sources: dict[str, DataTab],
    lang: schema.Lang,
) -> list[Request]:
    """Requests that make one tab hold `tab`'s rows, formatted from the schema."""
    header_row = tab.location.header_row
    table_end = header_row + max(schema.TEMPLATE_ROWS, len(tab.rows) - header_row)
    width = max([*map(len, tab.rows), *tab.location.columns.values(), 1])
    rows = max(table_end + 1, existing.rows if existing else 0)
    columns = max(width, existing.columns if existing else NEW_TAB_COLUMNS)
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
                "fields": "userEnteredValue,userEnteredFormat,dataValidation,note",
            }
        }
    )
    header = {**whole, "startRowIndex": header_row - 1, "endRowIndex": header_row, "endColumnIndex": width}
    requests.append(_repeat(header, cell_format(HEADER)))
    body = {**whole, "startRowIndex": header_row}
    widths: dict[int, int] = {}
    for key, number in tab.location.columns.items():
        column = _column(tab.sheet, key)
        widths[number] = column_pixels(column.width if column else MONTH_WIDTH)
        fmt = _column_format(column)
        span = {**body, "startColumnIndex": number - 1, "endColumnIndex": number}
        if fmt:
            requests.append(_repeat(span, fmt))
        rule = _dropdown(column, sources, lang) if column and tab.sheet is not schema.REVIEW_LOG else None
        if rule:
            requests.append({"setDataValidation": {"range": span, "rule": rule}})
    requests += _odd_dates(tab, sheet_id)
    requests += dimension_sizes(sheet_id, "COLUMNS", widths)
    return requests


def _values(tab: DataTab, table_end: int, sources: dict[str, DataTab]) -> Iterator[dict[str, Any]]:
    """The tab's rows as RowData: values only (formats follow by column), month headers as YYYY-MM text."""
    months = {number: key for key, number in tab.location.columns.items() if _column(tab.sheet, key) is None}
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
            formula = _metric_name(tab, number, sources)
            values += [{}] * (lookup - len(values))
            values[lookup - 1] = {"userEnteredValue": {"formulaValue": formula}} if formula else {}
        yield {"values": values}


def _metric_name(tab: DataTab, row: int, sources: dict[str, DataTab]) -> str | None:
    """The template's lookup of a metric's name from its ID on the Metrics tab, for Forecasts and Actuals."""
    metrics = sources.get("metrics")
    if metrics is None or "metric" not in metrics.location.columns:
        return None
    key = f"${column_letter(tab.location.columns['metric_id'])}{row}"
    names = _column_range(metrics, "metric")
    ids = _column_range(metrics, "metric_id")
    return f'=IF({key}="","",IFERROR(INDEX({names},MATCH({key},{ids},0))&"",""))'


def _column_range(tab: DataTab, key: str) -> str:
    """A column's data cells to the end of the tab, `Owners!$A$2:$A`, for dropdowns and lookups."""
    letter = column_letter(tab.location.columns[key])
    # Always quoted: Google reads a quoted title of any letters, and the plan's may be Cyrillic.
    return f"{quote_title(tab.title)}!${letter}${tab.location.header_row + 1}:${letter}"


def _column(sheet: schema.Sheet, key: str) -> schema.Column | None:
    return next((column for column in sheet.columns if column.key == key), None)


def _column_format(column: schema.Column | None) -> dict[str, Any] | None:
    """The format of a column's data cells: its number format, text kept as text, long text wrapped."""
    if column is None:
        return None
    pattern = column.number_format or ("@" if column.type in ("id", "text", "email") else None)
    fmt: dict[str, Any] = {"verticalAlignment": "TOP"}
    found = number_format(pattern)
    if found:
        fmt["numberFormat"] = found
    if column.type == "text" and column.width >= PROSE_WIDTH:
        fmt["wrapStrategy"] = "WRAP"
    return fmt


def _dropdown(column: schema.Column, sources: dict[str, DataTab], lang: schema.Lang) -> dict[str, Any] | None:
    """The column's dropdown: its choices in the workbook's language, or the source tab's column."""
    hint = {"inputMessage": column.hint(lang)} if column.hint else {}
    if column.choices is not None:
        values = [{"userEnteredValue": label} for label in column.choices.labels(lang)]
        return {
            "condition": {"type": "ONE_OF_LIST", "values": values},
            "strict": True,
            "showCustomUi": True,
            **hint,
        }
    source = column.source
    if (
        source is None
        or source.sheet not in sources
        or source.column not in sources[source.sheet].location.columns
    ):
        return None
    where = "=" + _column_range(sources[source.sheet], source.column)
    condition = {"type": "ONE_OF_RANGE", "values": [{"userEnteredValue": where}]}
    return {"condition": condition, "strict": True, "showCustomUi": True, **hint}


def _odd_dates(tab: DataTab, sheet_id: int) -> list[Request]:
    """Date cells in columns without a date format (a Start month that a program made a date) keep one."""
    formats = {number: _column(tab.sheet, key) for key, number in tab.location.columns.items()}
    requests: list[Request] = []
    for row, cells in enumerate(tab.rows):
        for index, value in enumerate(cells, start=1):
            column = formats.get(index)
            current = column.number_format if column else None
            pattern = date_format(value, current)
            if pattern != current and row + 1 != tab.location.header_row:
                fmt = {"numberFormat": number_format(pattern), "verticalAlignment": "TOP"}
                requests.append(
                    {
                        "updateCells": {
                            "start": {"sheetId": sheet_id, "rowIndex": row, "columnIndex": index - 1},
                            "rows": [{"values": [{"userEnteredFormat": fmt}]}],
                            "fields": "userEnteredFormat",
                        }
                    }
                )
    return requests


def _repeat(grid_range: dict[str, int], fmt: dict[str, Any]) -> Request:
    return {
        "repeatCell": {"range": grid_range, "cell": {"userEnteredFormat": fmt}, "fields": "userEnteredFormat"}
    }
