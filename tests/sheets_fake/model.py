"""Spreadsheets held in memory, with the value reads and writes of the `values` endpoints."""

from __future__ import annotations

import datetime as dt
import random
from dataclasses import dataclass, field
from typing import Any

from .a1 import Box, CellRange, column_letters, format_range, parse_cells, split_range
from .cells import Cell, Scalar, entered_value, format_value, render
from .errors import RequestError, invalid, invalid_value
from .jsondata import copy_json

DEFAULT_ROWS, DEFAULT_COLS = 1000, 26
# Properties that the API leaves out of its answers while they have their default value.
_OMITTED_DEFAULTS = {"hidden": False, "rightToLeft": False, "frozenRowCount": 0, "frozenColumnCount": 0}
Snapshot = tuple[str, str, str, list["Sheet"]]


@dataclass
class Sheet:
    """One tab: its SheetProperties as the API writes them, its cells and what sits on top of them."""

    properties: dict[str, Any]
    cells: dict[tuple[int, int], Cell] = field(default_factory=dict)
    # "ROWS" / "COLUMNS" -> index -> DimensionProperties (pixelSize, hiddenByUser...).
    dimensions: dict[str, dict[int, dict[str, Any]]] = field(
        default_factory=lambda: {"ROWS": {}, "COLUMNS": {}}
    )
    conditional_formats: list[dict[str, Any]] = field(default_factory=list)
    charts: list[dict[str, Any]] = field(default_factory=list)
    merges: list[dict[str, Any]] = field(default_factory=list)
    basic_filter: dict[str, Any] | None = None
    # The cells inside `merges`, to find an overlap without comparing a new merge with every one.
    merged_cells: set[tuple[int, int]] = field(default_factory=set, repr=False)

    @property
    def sheet_id(self) -> int:
        return int(self.properties["sheetId"])

    @property
    def title(self) -> str:
        return str(self.properties["title"])

    @property
    def rows(self) -> int:
        return int(self.properties["gridProperties"]["rowCount"])

    @property
    def cols(self) -> int:
        return int(self.properties["gridProperties"]["columnCount"])

    @property
    def column_widths(self) -> dict[int, int]:
        """Column index -> pixel width, for the columns whose width was set."""
        columns = self.dimensions["COLUMNS"]
        return {i: p["pixelSize"] for i, p in sorted(columns.items()) if "pixelSize" in p}

    def copy(self) -> Sheet:
        """A copy that shares nothing with this tab."""
        return Sheet(
            properties=copy_json(self.properties),
            cells={key: cell.copy() for key, cell in self.cells.items()},
            dimensions=copy_json(self.dimensions),
            conditional_formats=copy_json(self.conditional_formats),
            charts=copy_json(self.charts),
            merges=copy_json(self.merges),
            basic_filter=copy_json(self.basic_filter),
            merged_cells=set(self.merged_cells),
        )

    def merge(self, boxes: list[Box]) -> None:
        """Merge each box of cells; RequestError when one overlaps a merge that exists."""
        if any(cell in self.merged_cells for box in boxes for cell in box.cells()):
            raise RequestError("You can't merge cells that overlap with a merge that already exists.")
        for box in boxes:
            if box.rows * box.cols > 1:
                self.merges.append({"sheetId": self.sheet_id, **box.grid_range()})
                self.merged_cells.update(box.cells())

    def unmerge(self, box: Box) -> None:
        """Undo every merge that overlaps the box."""
        kept = [merge for merge in self.merges if not box.overlaps(Box.of(merge))]
        self.merges = kept
        self.merged_cells = {cell for merge in kept for cell in Box.of(merge).cells()}

    def whole(self) -> Box:
        return Box(0, 0, self.rows, self.cols)

    def cell(self, row: int, col: int) -> Cell:
        return self.cells.setdefault((row, col), Cell())

    def prune(self, row: int, col: int) -> None:
        cell = self.cells.get((row, col))
        if cell is not None and cell.is_blank():
            del self.cells[(row, col)]

    def resize(self, rows: int, cols: int) -> None:
        grid = self.properties["gridProperties"]
        grid["rowCount"], grid["columnCount"] = rows, cols
        self.cells = {(r, c): cell for (r, c), cell in self.cells.items() if r < rows and c < cols}

    def shift(self, dimension: str, start: int, count: int) -> None:
        """Move cells and dimension properties at or after `start` by `count` (insertDimension)."""
        axis = 0 if dimension == "ROWS" else 1

        def moved(key: tuple[int, int]) -> tuple[int, int]:
            if key[axis] < start:
                return key
            return (key[0] + count, key[1]) if axis == 0 else (key[0], key[1] + count)

        self.cells = {moved(key): cell for key, cell in self.cells.items()}
        props = self.dimensions[dimension]
        self.dimensions[dimension] = {i + count if i >= start else i: p for i, p in props.items()}

    def rendered(self, box: Box, major: str, value_render: str, date_render: str) -> list[list[Scalar]]:
        """The values of a box as `values.get` answers them: trailing empty cells and rows trimmed."""
        stored = [key for key in self.cells if _inside(key, box)]
        # Only the part of the box up to the last stored cell can hold anything to answer.
        row1 = max((r + 1 for r, _ in stored), default=box.row0)
        col1 = max((c + 1 for _, c in stored), default=box.col0)
        matrix: list[list[Scalar]] = []
        for r in range(box.row0, row1):
            row = []
            for c in range(box.col0, col1):
                cell = self.cells.get((r, c))
                row.append("" if cell is None else render(cell, value_render, date_render))
            matrix.append(row)
        if major == "COLUMNS":
            matrix = [list(column) for column in zip(*matrix, strict=True)]
        trimmed = [_trim(row) for row in matrix]
        while trimmed and not trimmed[-1]:
            trimmed.pop()
        return trimmed

    def grid_data(self, box: Box) -> dict[str, Any]:
        """A GridData object for `spreadsheets.get` with grid data."""
        rows = []
        for r in range(box.row0, box.row1):
            values = [_cell_data(self.cells.get((r, c))) for c in range(box.col0, box.col1)]
            rows.append({"values": _trim(values)} if _trim(values) else {})
        while rows and not rows[-1]:
            rows.pop()
        data: dict[str, Any] = {"rowData": rows}
        if box.row0:
            data["startRow"] = box.row0
        if box.col0:
            data["startColumn"] = box.col0
        data["rowMetadata"] = [self._dimension("ROWS", r, 21) for r in range(box.row0, box.row1)]
        data["columnMetadata"] = [self._dimension("COLUMNS", c, 100) for c in range(box.col0, box.col1)]
        return data

    def _dimension(self, dimension: str, index: int, default_size: int) -> dict[str, Any]:
        return {"pixelSize": default_size, **self.dimensions[dimension].get(index, {})}

    def metadata(self) -> dict[str, Any]:
        """The sheet as `spreadsheets.get` lists it."""
        out: dict[str, Any] = {"properties": compact_properties(self.properties)}
        if self.merges:
            out["merges"] = copy_json(self.merges)
        if self.conditional_formats:
            out["conditionalFormats"] = copy_json(self.conditional_formats)
        if self.basic_filter is not None:
            out["basicFilter"] = copy_json(self.basic_filter)
        if self.charts:
            out["charts"] = copy_json(self.charts)
        return out


@dataclass
class Spreadsheet:
    """A spreadsheet: its tabs in order, who may read or write it, and the Drive file facts."""

    id: str
    title: str
    sheets: list[Sheet] = field(default_factory=list)
    locale: str = "en_US"
    time_zone: str = "Etc/GMT"
    # "edit", "read" (403 on writes) or "none" (403 on everything: not shared with the caller).
    access: str = "edit"
    created: str = ""
    modified: str = ""

    def __post_init__(self) -> None:
        self.ids = random.Random(self.id)
        self.created = self.modified = _now()

    # Tabs ------------------------------------------------------------------------------------------

    def sheet_by_id(self, sheet_id: int) -> Sheet:
        for sheet in self.sheets:
            if sheet.sheet_id == sheet_id:
                return sheet
        raise RequestError(f"No grid with id: {sheet_id}")

    def sheet_by_title(self, title: str) -> Sheet | None:
        for sheet in self.sheets:
            if sheet.title == title:
                return sheet
        # Range titles match without regard to case, as in the Sheets UI.
        for sheet in self.sheets:
            if sheet.title.casefold() == title.casefold():
                return sheet
        return None

    def add_sheet(self, properties: dict[str, Any]) -> Sheet:
        props = copy_json(properties)
        title = props.get("title") or self._free_title()
        if self.sheet_by_title(title) is not None:
            raise RequestError(f'A sheet with the name "{title}" already exists. Please enter another name.')
        sheet_id = props.get("sheetId")
        if sheet_id is None:
            sheet_id = self.new_id()
        elif any(sheet.sheet_id == sheet_id for sheet in self.sheets):
            raise RequestError(f"Sheet with id {sheet_id} already exists.")
        grid = props.setdefault("gridProperties", {})
        grid.setdefault("rowCount", DEFAULT_ROWS)
        grid.setdefault("columnCount", DEFAULT_COLS)
        if grid["rowCount"] < 1 or grid["columnCount"] < 1:
            raise RequestError("A sheet needs at least one row and one column.")
        index = props.pop("index", len(self.sheets))
        if not 0 <= index <= len(self.sheets):
            raise RequestError(f"Invalid index {index}: the spreadsheet has {len(self.sheets)} sheets.")
        ordered = {"sheetId": sheet_id, "title": title, "index": index, "sheetType": "GRID"}
        sheet = Sheet({**ordered, **{k: v for k, v in props.items() if k not in ordered}})
        self.sheets.insert(index, sheet)
        self.reindex()
        return sheet

    def new_id(self) -> int:
        return self.ids.randrange(1, 2**31 - 1)

    def reindex(self) -> None:
        for index, sheet in enumerate(self.sheets):
            sheet.properties["index"] = index

    def _free_title(self) -> str:
        n = len(self.sheets) + 1
        while self.sheet_by_title(f"Sheet{n}") is not None:
            n += 1
        return f"Sheet{n}"

    def snapshot(self) -> Snapshot:
        """Everything a batch may change, to put back when one of its requests fails."""
        return self.title, self.locale, self.time_zone, [sheet.copy() for sheet in self.sheets]

    def restore(self, snapshot: Snapshot) -> None:
        self.title, self.locale, self.time_zone, self.sheets = snapshot

    def touch(self) -> None:
        self.modified = _now()

    # Ranges and values -------------------------------------------------------------------------------

    def resolve(self, text: str) -> tuple[Sheet, CellRange]:
        """The tab and cells an A1 range names; a bare range means the first tab."""
        try:
            title, cells = split_range(text)
            if title is None and cells is not None:
                sheet = self.sheet_by_title(cells)
                if sheet is not None:
                    return sheet, CellRange(sheet.whole(), anchor=False)
                sheet = self.sheets[0]
            else:
                found = self.sheet_by_title(title or "")
                if found is None:
                    raise ValueError(text)
                sheet = found
            if cells is None:
                return sheet, CellRange(sheet.whole(), anchor=False)
            return sheet, parse_cells(cells, sheet.rows, sheet.cols)
        except ValueError:
            raise invalid(f"Unable to parse range: {text}") from None

    def check_grid(self, text: str, sheet: Sheet, box: Box) -> None:
        if box.row1 > sheet.rows or box.col1 > sheet.cols:
            raise invalid(
                f"Range ({text}) exceeds grid limits. Max rows: {sheet.rows}, max columns: {sheet.cols}"
            )

    def read(self, text: str, major: str, value_render: str, date_render: str) -> dict[str, Any]:
        """A ValueRange, as `values.get` and each range of `values.batchGet` answer."""
        sheet, cells = self.resolve(text)
        self.check_grid(text, sheet, cells.box)
        answer: dict[str, Any] = {"range": format_range(sheet.title, cells.box), "majorDimension": major}
        values = sheet.rendered(cells.box, major, value_render, date_render)
        if values:
            answer["values"] = values
        return answer

    def write(
        self, text: str, values: Any, major: str, user_entered: bool, where: str
    ) -> tuple[dict[str, Any], set[tuple[int, int, int]]]:
        """Write a ValueRange; answer an UpdateValuesResponse and the (sheet, row, col) cells written."""
        sheet, cells = self.resolve(text)
        rows = _matrix(values, where)
        if major == "COLUMNS":
            width = max((len(column) for column in rows), default=0)
            rows = [[col[i] if i < len(col) else None for col in rows] for i in range(width)]
        height, width = len(rows), max((len(row) for row in rows), default=0)
        box = cells.box
        if not cells.anchor:
            if height > box.rows:
                raise invalid(
                    f"Requested writing within range [{text}], but tried writing to row [{box.row1 + 1}]"
                )
            if width > box.cols:
                raise invalid(
                    f"Requested writing within range [{text}], but tried writing to column "
                    f"[{column_letters(box.col1)}]"
                )
        written = Box(box.row0, box.col0, box.row0 + max(height, 1), box.col0 + max(width, 1))
        self.check_grid(text, sheet, box)
        self.check_grid(text, sheet, written)
        touched = set()
        for r, row in enumerate(rows):
            for c, value in enumerate(row):
                if value is None:  # null leaves the cell as it is
                    continue
                entered, number_format = entered_value(value, user_entered)
                cell = sheet.cell(box.row0 + r, box.col0 + c)
                cell.set_entered(entered)
                cell.set_number_format_if_unset(number_format)
                sheet.prune(box.row0 + r, box.col0 + c)
                touched.add((sheet.sheet_id, box.row0 + r, box.col0 + c))
        answer: dict[str, Any] = {
            "spreadsheetId": self.id,
            "updatedRange": format_range(sheet.title, written if touched else box),
        }
        answer.update(_counts(touched, prefix="updated"))
        return answer, touched

    def clear(self, text: str) -> str:
        """Clear the values (not the formats) of a range; answer the cleared range."""
        sheet, cells = self.resolve(text)
        self.check_grid(text, sheet, cells.box)
        for r, c in [key for key in sheet.cells if _inside(key, cells.box)]:
            sheet.cells[(r, c)].set_entered(None)
            sheet.prune(r, c)
        return format_range(sheet.title, cells.box)

    # spreadsheets.get ------------------------------------------------------------------------------

    def metadata(self, ranges: list[str], include_grid_data: bool) -> dict[str, Any]:
        """The Spreadsheet resource; with ranges or includeGridData=true, with grid data."""
        sheets: list[dict[str, Any]] = []
        if ranges:
            by_sheet: dict[int, dict[str, Any]] = {}
            for text in ranges:
                sheet, cells = self.resolve(text)
                self.check_grid(text, sheet, cells.box)
                entry = by_sheet.setdefault(sheet.sheet_id, {**sheet.metadata(), "data": []})
                entry["data"].append(sheet.grid_data(cells.box))
            sheets = list(by_sheet.values())
        else:
            for sheet in self.sheets:
                entry = sheet.metadata()
                if include_grid_data:
                    entry["data"] = [sheet.grid_data(sheet.whole())]
                sheets.append(entry)
        return {
            "spreadsheetId": self.id,
            "properties": {
                "title": self.title,
                "locale": self.locale,
                "autoRecalc": "ON_CHANGE",
                "timeZone": self.time_zone,
            },
            "sheets": sheets,
            "spreadsheetUrl": f"https://docs.google.com/spreadsheets/d/{self.id}/edit",
        }

    def drive_file(self) -> dict[str, Any]:
        """The Drive file facts gspread asks for (`creationTime`, `get_lastUpdateTime`)."""
        return {"id": self.id, "name": self.title, "createdTime": self.created, "modifiedTime": self.modified}


def compact_properties(properties: dict[str, Any]) -> dict[str, Any]:
    """SheetProperties as the API answers them: default flags and counts left out."""
    out: dict[str, Any] = {}
    for key, value in properties.items():
        if isinstance(value, dict):
            value = compact_properties(value)
            if not value:
                continue
        elif key in _OMITTED_DEFAULTS and value == _OMITTED_DEFAULTS[key]:
            continue
        out[key] = copy_json(value)
    return out


def _matrix(values: Any, where: str) -> list[list[Any]]:
    if values is None:
        return []
    if not isinstance(values, list):
        raise invalid_value(where, values)
    for i, row in enumerate(values):
        if not isinstance(row, list):
            raise invalid_value(f"{where}[{i}]", row)
        for j, item in enumerate(row):
            if isinstance(item, dict | list):
                raise invalid_value(f"{where}[{i}][{j}]", item, "google.protobuf.Value")
    return values


def _counts(touched: set[tuple[int, int, int]], prefix: str) -> dict[str, int]:
    # Zero counts are left out, like every zero number in the API's proto3 JSON.
    counts = {
        f"{prefix}Rows": len({(s, r) for s, r, _ in touched}),
        f"{prefix}Columns": len({(s, c) for s, _, c in touched}),
        f"{prefix}Cells": len(touched),
    }
    return {key: value for key, value in counts.items() if value}


def total_counts(touched: set[tuple[int, int, int]]) -> dict[str, int]:
    """The totals of a values.batchUpdate answer."""
    totals = _counts(touched, prefix="totalUpdated")
    if touched:
        totals["totalUpdatedSheets"] = len({s for s, _, _ in touched})
    return totals


def _trim(row: list[Any]) -> list[Any]:
    end = len(row)
    while end and row[end - 1] in ("", {}):
        end -= 1
    return row[:end]


def _inside(key: tuple[int, int], box: Box) -> bool:
    return box.row0 <= key[0] < box.row1 and box.col0 <= key[1] < box.col1


def _cell_data(cell: Cell | None) -> dict[str, Any]:
    if cell is None:
        return {}
    out = copy_json(cell.data)
    value = cell.value
    if value is not None:
        kinds = {bool: "boolValue", str: "stringValue"}
        kind = kinds.get(type(value), "numberValue")
        out["effectiveValue"] = {kind: value}
        out["formattedValue"] = format_value(value, cell.number_format)
    return out


def _now() -> str:
    return dt.datetime.now(dt.UTC).isoformat(timespec="milliseconds").replace("+00:00", "Z")
