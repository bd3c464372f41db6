"""Google Sheets as a plan source: the plan's tabs in two requests, whatever the plan's size.

Reading costs one metadata call (the tabs and their sizes) and one `values:batchGet` for every tab
the schema knows, with UNFORMATTED_VALUE and SERIAL_NUMBER dates, so `load` reads a Google Sheet
exactly as it reads a workbook: numbers are numbers and dates are serial numbers, which `load` turns
into dates where a date belongs. Writing (`push`, `review`) adds one `batchUpdate`.

Formula cells: Google computes every formula, so the value of a formula cell is always known and a
Google Sheet never gives a `FormulaValue`. A formula that fails shows its error code (`#N/A`,
`#DIV/0!`...), which the values API returns as that text; such text becomes an `ErrorValue`, so that
`check` reports it with its cell as it does for a workbook. The price is that text typed as `#N/A` is
taken for the error too: telling the two apart would take a second read (of the formulas), which the
request budget does not allow.

Imported only when a command is given a Google Sheet, so `sheetplan --help` never loads gspread.
"""

from __future__ import annotations

import itertools
from collections.abc import Callable, Collection, Iterator, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sheetplan.gsheets.client import account_of, connect, translate_errors
from sheetplan.layout.review import review_month
from sheetplan.plan import schema
from sheetplan.plan.model import CellValue, ErrorValue, Grid

if TYPE_CHECKING:
    import gspread

Request = dict[str, Any]
"""One request of a `spreadsheets.batchUpdate`."""

_READ_OPTIONS = {"valueRenderOption": "UNFORMATTED_VALUE", "dateTimeRenderOption": "SERIAL_NUMBER"}
_METADATA_FIELDS = "properties.title,sheets.properties"
"""Only what sheetplan uses: a big spreadsheet's merges, rules and charts stay on Google's side."""
_ERROR_CODES = frozenset(
    {"#N/A", "#DIV/0!", "#VALUE!", "#REF!", "#NAME?", "#NUM!", "#NULL!", "#ERROR!", "#SPILL!", "#CALC!"}
)
"""What the values API returns for a formula that fails."""


@dataclass(frozen=True)
class Tab:
    """One tab of a spreadsheet, as the metadata call lists it."""

    sheet_id: int
    title: str
    index: int
    rows: int
    columns: int


@dataclass(frozen=True)
class GoogleSheet:
    """An open spreadsheet: the client to reach it, whom to share it with, and its tabs."""

    key: str
    client: gspread.Client
    account: str | None
    """The service account's e-mail address; None on the emulator."""
    title: str
    tabs: tuple[Tab, ...]

    def tab(self, wanted: Callable[[str], bool]) -> Tab | None:
        """The first tab whose title `wanted` accepts."""
        return next((tab for tab in self.tabs if wanted(tab.title)), None)

    def free_ids(self) -> Iterator[int]:
        """Sheet IDs no tab has, for tabs added in a batch that also writes them."""
        return itertools.count(max((tab.sheet_id for tab in self.tabs), default=0) + 1)


def open_sheet(key: str, credentials: Path | None = None) -> GoogleSheet:
    """Connect and fetch the spreadsheet's tabs: one request."""
    client = connect(credentials)
    account = account_of(client)
    with translate_errors(key, account):
        metadata = client.http_client.fetch_sheet_metadata(
            key, params={"includeGridData": "false", "fields": _METADATA_FIELDS}
        )
    tabs = tuple(_tab(sheet["properties"]) for sheet in metadata.get("sheets", []))
    return GoogleSheet(key, client, account, str(metadata.get("properties", {}).get("title", "")), tabs)


def _read_tabs(book: GoogleSheet, titles: Sequence[str]) -> dict[str, list[list[CellValue]]]:
    """The values of the named tabs, in one request (none when there is nothing to read)."""
    if not titles:
        return {}
    with translate_errors(book.key, book.account):
        answer = book.client.http_client.values_batch_get(
            book.key, [quote_title(title) for title in titles], params=dict(_READ_OPTIONS)
        )
    ranges = answer.get("valueRanges", [])
    return {title: _rows(found.get("values", [])) for title, found in zip(titles, ranges, strict=True)}


def _plan_titles(book: GoogleSheet, sheets: Collection[str] | None) -> list[str]:
    """The tabs `load` reads, those the schema knows by name in either language, and the review tabs,
    so that a review can keep what people typed into the one it replaces (`layout.carried`); with
    `sheets`, only the tabs of the schema sheets whose keys those are."""
    if sheets is not None:
        return [tab.title for tab in book.tabs if schema.is_read(tab.title, sheets)]
    return [
        tab.title
        for tab in book.tabs
        if schema.sheet_by_name(tab.title) is not None or review_month(tab.title) is not None
    ]


def read_book(
    key: str, credentials: Path | None = None, sheets: Collection[str] | None = None
) -> tuple[GoogleSheet, Grid]:
    """A Google Sheet and its plan's tabs (of `sheets` only, when given: see `_plan_titles`) as a
    Grid: two requests, whatever the plan's size."""
    book = open_sheet(key, credentials)
    return book, _read_tabs(book, _plan_titles(book, sheets))


def batch_update(book: GoogleSheet, requests: Sequence[Request]) -> Mapping[str, Any]:
    """Apply `requests` in one `batchUpdate`, which Google applies all or nothing."""
    with translate_errors(book.key, book.account):
        answer: Mapping[str, Any] = book.client.http_client.batch_update(
            book.key, {"requests": list(requests)}
        )
    return answer


def quote_title(title: str) -> str:
    """A tab's title as a range naming the whole tab, quoted so that any title works."""
    return "'" + title.replace("'", "''") + "'"


def _tab(properties: Mapping[str, Any]) -> Tab:
    grid = properties.get("gridProperties", {})
    return Tab(
        int(properties.get("sheetId", 0)),
        str(properties.get("title", "")),
        int(properties.get("index", 0)),
        int(grid.get("rowCount", 0)),
        int(grid.get("columnCount", 0)),
    )


def _rows(values: Sequence[Sequence[Any]]) -> list[list[CellValue]]:
    return [[_value(value) for value in row] for row in values]


def _value(value: Any) -> CellValue:
    if isinstance(value, str) and value in _ERROR_CODES:
        return ErrorValue(value)
    if isinstance(value, bool | int | float | str):
        return value
    return str(value)
