"""`spreadsheets.batchUpdate`: the requests the fake understands, applied all or nothing."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from . import masks
from .a1 import Box, format_range
from .errors import ApiError, RequestError, invalid, unknown_field
from .jsondata import copy_json
from .model import Sheet, Spreadsheet, compact_properties

Reply = dict[str, Any]
Handler = Callable[[Spreadsheet, dict[str, Any]], Reply]


def batch_update(book: Spreadsheet, body: dict[str, Any]) -> dict[str, Any]:
    """Apply every request or none: the first invalid one rolls the whole batch back with a 400."""
    requests = body.get("requests")
    if not requests:
        raise invalid("Must specify at least one request.")
    if not isinstance(requests, list):
        raise invalid("Invalid JSON payload received. 'requests' must be a list.")
    snapshot = book.snapshot()
    replies = []
    try:
        for i, request in enumerate(requests):
            if not isinstance(request, dict) or len(request) != 1:
                raise invalid(f"Invalid requests[{i}]: exactly one kind of request must be set.")
            ((kind, args),) = request.items()
            handler = HANDLERS.get(kind)
            if handler is None:
                raise unknown_field(kind, f"requests[{i}]")
            try:
                replies.append(handler(book, args if isinstance(args, dict) else {}))
            except RequestError as err:
                raise invalid(f"Invalid requests[{i}].{kind}: {err}") from None
    except ApiError:
        book.restore(snapshot)
        raise
    book.touch()
    return {"spreadsheetId": book.id, "replies": replies}


# Helpers ---------------------------------------------------------------------------------------------


def grid_box(book: Spreadsheet, grid_range: dict[str, Any]) -> tuple[Sheet, Box]:
    """The tab and cells of a GridRange; a missing sheetId is 0 and missing bounds are unbounded."""
    sheet = book.sheet_by_id(int(grid_range.get("sheetId", 0)))
    box = Box(
        int(grid_range.get("startRowIndex", 0)),
        int(grid_range.get("startColumnIndex", 0)),
        int(grid_range.get("endRowIndex", sheet.rows)),
        int(grid_range.get("endColumnIndex", sheet.cols)),
    )
    if min(box.row0, box.col0) < 0 or box.row0 > box.row1 or box.col0 > box.col1:
        raise RequestError("Invalid GridRange: start index after end index or below zero.")
    if box.row1 > sheet.rows or box.col1 > sheet.cols:
        raise RequestError(
            f"Range ({format_range(sheet.title, box)}) exceeds grid limits. "
            f"Max rows: {sheet.rows}, max columns: {sheet.cols}"
        )
    return sheet, box


def _explicit(sheet: Sheet, box: Box) -> dict[str, int]:
    return {"sheetId": sheet.sheet_id, **box.grid_range()}


def _mask(args: dict[str, Any]) -> masks.Mask | None:
    fields = args.get("fields")
    if not fields:
        raise RequestError("At least one field must be updated, but none was given ('fields' is empty).")
    try:
        return masks.parse_mask(str(fields))
    except ValueError as err:
        raise RequestError(str(err)) from None


def _with_styles(cell_data: dict[str, Any]) -> dict[str, Any]:
    # The API answers colours twice, as `backgroundColor` and `backgroundColorStyle.rgbColor` (see the
    # test_format cassette), so the fake stores both.
    # `masks.apply` copies what it takes, so only the dicts changed here are copied.
    fmt = cell_data.get("userEnteredFormat")
    if not isinstance(fmt, dict):
        return cell_data
    fmt = dict(fmt)
    if "backgroundColor" in fmt:
        fmt.setdefault("backgroundColorStyle", {"rgbColor": fmt["backgroundColor"]})
    text = fmt.get("textFormat")
    if isinstance(text, dict) and "foregroundColor" in text:
        text = dict(text)
        text.setdefault("foregroundColorStyle", {"rgbColor": text["foregroundColor"]})
        fmt["textFormat"] = text
    return {**cell_data, "userEnteredFormat": fmt}


def _style_mask(mask: masks.Mask | None) -> masks.Mask | None:
    """Extend a mask so that the `...Style` twin of every masked colour is updated with it."""
    if mask is None:
        return None
    out: masks.Mask = {}
    for key, sub in mask.items():
        out[key] = _style_mask(sub)
        if key in ("backgroundColor", "foregroundColor"):
            out[key + "Style"] = None
    return out


def _update_cell(sheet: Sheet, row: int, col: int, data: dict[str, Any], mask: masks.Mask | None) -> None:
    """Write CellData into a cell on the fields of `mask`, which `_style_mask` has extended."""
    cell = sheet.cell(row, col)
    before = cell.data.get("userEnteredValue")
    masks.apply(cell.data, _with_styles(data), mask)
    after = cell.data.get("userEnteredValue")
    if after != before or (after and "formulaValue" in after):
        cell.set_entered(after)
    sheet.prune(row, col)


# Requests ---------------------------------------------------------------------------------------------


def add_sheet(book: Spreadsheet, args: dict[str, Any]) -> Reply:
    sheet = book.add_sheet(args.get("properties", {}))
    return {"addSheet": {"properties": compact_properties(sheet.properties)}}


def delete_sheet(book: Spreadsheet, args: dict[str, Any]) -> Reply:
    sheet = book.sheet_by_id(int(args.get("sheetId", 0)))
    if len(book.sheets) == 1:
        raise RequestError("You can't remove all the sheets in a document.")
    book.sheets.remove(sheet)
    book.reindex()
    if all(s.properties.get("hidden") for s in book.sheets):
        raise RequestError("You can't remove all the visible sheets in a document.")
    return {}


def update_sheet_properties(book: Spreadsheet, args: dict[str, Any]) -> Reply:
    given = args.get("properties", {})
    sheet = book.sheet_by_id(int(given.get("sheetId", 0)))
    mask = _mask(args)
    old_index, old_rows, old_cols = sheet.properties["index"], sheet.rows, sheet.cols
    updated = copy_json(sheet.properties)
    masks.apply(updated, given, mask)
    updated["sheetId"] = sheet.sheet_id
    title = updated.get("title")
    if not title:
        raise RequestError("A sheet title cannot be empty.")
    other = book.sheet_by_title(title)
    if other is not None and other is not sheet:
        raise RequestError(f'A sheet with the name "{title}" already exists. Please enter another name.')
    grid = updated.setdefault("gridProperties", {})
    rows, cols = grid.get("rowCount", old_rows), grid.get("columnCount", old_cols)
    if rows < 1 or cols < 1:
        raise RequestError("A sheet needs at least one row and one column.")
    if grid.get("frozenRowCount", 0) >= rows or grid.get("frozenColumnCount", 0) >= cols:
        raise RequestError("You can't freeze all visible rows on the sheet.")
    sheet.properties = updated
    sheet.resize(rows, cols)
    if updated.get("hidden") and all(s.properties.get("hidden") for s in book.sheets):
        raise RequestError("You can't hide all the sheets in a document.")
    index = updated.get("index", old_index)
    if index != old_index:
        # The API counts a move's target index before the sheet leaves its old place.
        book.sheets.remove(sheet)
        book.sheets.insert(min(index - 1 if index > old_index else index, len(book.sheets)), sheet)
    book.reindex()
    return {}


def update_spreadsheet_properties(book: Spreadsheet, args: dict[str, Any]) -> Reply:
    current = {"title": book.title, "locale": book.locale, "timeZone": book.time_zone}
    masks.apply(current, args.get("properties", {}), _mask(args))
    if not current.get("title"):
        raise RequestError("A spreadsheet title cannot be empty.")
    book.title, book.locale = current["title"], current.get("locale", "en_US")
    book.time_zone = current.get("timeZone", "Etc/GMT")
    return {}


def update_cells(book: Spreadsheet, args: dict[str, Any]) -> Reply:
    mask = _style_mask(_mask(args))
    rows = args.get("rows", [])
    if "range" in args:
        sheet, box = grid_box(book, args["range"])
    elif "start" in args:
        start = args["start"]
        sheet = book.sheet_by_id(int(start.get("sheetId", 0)))
        row0, col0 = int(start.get("rowIndex", 0)), int(start.get("columnIndex", 0))
        width = max((len(row.get("values", [])) for row in rows), default=0)
        box = Box(row0, col0, row0 + len(rows), col0 + width)
        grid_box(book, _explicit(sheet, box))
    else:
        raise RequestError("Either 'start' or 'range' must be set.")
    if len(rows) > box.rows or any(len(row.get("values", [])) > box.cols for row in rows):
        raise RequestError("The rows given do not fit inside the range.")
    for r in range(box.rows):
        values = rows[r].get("values", []) if r < len(rows) else []
        # With a range, its cells that the rows do not reach are cleared on the masked fields;
        # with a start cell, only the cells given are written.
        for c in range(box.cols if "range" in args else len(values)):
            data = values[c] if c < len(values) else {}
            _update_cell(sheet, box.row0 + r, box.col0 + c, data, mask)
    return {}


def repeat_cell(book: Spreadsheet, args: dict[str, Any]) -> Reply:
    sheet, box = grid_box(book, args.get("range", {}))
    mask, data = _style_mask(_mask(args)), args.get("cell", {})
    for r, c in box.cells():
        _update_cell(sheet, r, c, data, mask)
    return {}


def update_borders(book: Spreadsheet, args: dict[str, Any]) -> Reply:
    sheet, box = grid_box(book, args.get("range", {}))
    for r, c in box.cells():
        sides = {
            "top": args.get("top") if r == box.row0 else args.get("innerHorizontal"),
            "bottom": args.get("bottom") if r == box.row1 - 1 else args.get("innerHorizontal"),
            "left": args.get("left") if c == box.col0 else args.get("innerVertical"),
            "right": args.get("right") if c == box.col1 - 1 else args.get("innerVertical"),
        }
        given = {side: copy_json(border) for side, border in sides.items() if border is not None}
        if given:
            fmt = sheet.cell(r, c).data.setdefault("userEnteredFormat", {})
            fmt.setdefault("borders", {}).update(given)
    return {}


def set_data_validation(book: Spreadsheet, args: dict[str, Any]) -> Reply:
    sheet, box = grid_box(book, args.get("range", {}))
    rule = args.get("rule")
    if rule is not None and "condition" not in rule:
        raise RequestError("A data validation rule needs a condition.")
    for r, c in box.cells():
        if rule is None:
            sheet.cell(r, c).data.pop("dataValidation", None)
            sheet.prune(r, c)
        else:
            sheet.cell(r, c).data["dataValidation"] = copy_json(rule)
    return {}


def update_dimension_properties(book: Spreadsheet, args: dict[str, Any]) -> Reply:
    sheet, dimension, start, end = _dimension_range(book, args.get("range", {}))
    mask = _mask(args)
    for index in range(start, end):
        props = sheet.dimensions[dimension].setdefault(index, {})
        masks.apply(props, args.get("properties", {}), mask)
    return {}


def append_dimension(book: Spreadsheet, args: dict[str, Any]) -> Reply:
    sheet = book.sheet_by_id(int(args.get("sheetId", 0)))
    length = int(args.get("length", 0))
    if length < 1:
        raise RequestError("length must be at least 1.")
    if args.get("dimension") == "COLUMNS":
        sheet.resize(sheet.rows, sheet.cols + length)
    elif args.get("dimension") == "ROWS":
        sheet.resize(sheet.rows + length, sheet.cols)
    else:
        raise RequestError("dimension must be ROWS or COLUMNS.")
    return {}


def insert_dimension(book: Spreadsheet, args: dict[str, Any]) -> Reply:
    given = args.get("range", {})
    dimension = given.get("dimension")
    sheet = book.sheet_by_id(int(given.get("sheetId", 0)))
    start, end = int(given.get("startIndex", 0)), int(given.get("endIndex", 0))
    size = sheet.rows if dimension == "ROWS" else sheet.cols
    if dimension not in ("ROWS", "COLUMNS") or not 0 <= start < end or start > size:
        raise RequestError("Invalid dimension range.")
    if args.get("inheritFromBefore") and start == 0:
        raise RequestError("Cannot inherit from before when inserting at index 0.")
    sheet.shift(dimension, start, end - start)
    if dimension == "ROWS":
        sheet.resize(sheet.rows + end - start, sheet.cols)
    else:
        sheet.resize(sheet.rows, sheet.cols + end - start)
    return {}


def auto_resize_dimensions(book: Spreadsheet, args: dict[str, Any]) -> Reply:
    # Column widths depend on fonts the fake does not have: check the range and change nothing.
    _dimension_range(book, args.get("dimensions", {}))
    return {}


def _dimension_range(book: Spreadsheet, given: dict[str, Any]) -> tuple[Sheet, str, int, int]:
    sheet = book.sheet_by_id(int(given.get("sheetId", 0)))
    dimension = given.get("dimension")
    if dimension not in ("ROWS", "COLUMNS"):
        raise RequestError("dimension must be ROWS or COLUMNS.")
    size = sheet.rows if dimension == "ROWS" else sheet.cols
    start, end = int(given.get("startIndex", 0)), int(given.get("endIndex", size))
    if not 0 <= start <= end <= size:
        raise RequestError(f"Invalid dimension range: {start}..{end}, the sheet has {size}.")
    return sheet, dimension, start, end


def merge_cells(book: Spreadsheet, args: dict[str, Any]) -> Reply:
    sheet, box = grid_box(book, args.get("range", {}))
    kind = args.get("mergeType", "MERGE_ALL")
    if kind == "MERGE_ALL":
        parts = [box]
    elif kind == "MERGE_ROWS":
        parts = [Box(r, box.col0, r + 1, box.col1) for r in range(box.row0, box.row1)]
    elif kind == "MERGE_COLUMNS":
        parts = [Box(box.row0, c, box.row1, c + 1) for c in range(box.col0, box.col1)]
    else:
        raise RequestError(f"Unknown mergeType {kind}.")
    sheet.merge(parts)
    return {}


def unmerge_cells(book: Spreadsheet, args: dict[str, Any]) -> Reply:
    sheet, box = grid_box(book, args.get("range", {}))
    sheet.unmerge(box)
    return {}


def add_conditional_format_rule(book: Spreadsheet, args: dict[str, Any]) -> Reply:
    rule = copy_json(args.get("rule", {}))
    ranges = rule.get("ranges") or []
    if not ranges:
        raise RequestError("A conditional format rule needs at least one range.")
    if ("booleanRule" in rule) == ("gradientRule" in rule):
        raise RequestError("A conditional format rule needs exactly one of booleanRule or gradientRule.")
    sheets = {grid_box(book, grid_range)[0].sheet_id for grid_range in ranges}
    if len(sheets) > 1:
        raise RequestError("All ranges of a conditional format rule must be on the same sheet.")
    sheet = book.sheet_by_id(sheets.pop())
    index = int(args.get("index", 0))
    if not 0 <= index <= len(sheet.conditional_formats):
        raise RequestError(f"Invalid index {index} for the conditional format rules of the sheet.")
    sheet.conditional_formats.insert(index, rule)
    return {}


def delete_conditional_format_rule(book: Spreadsheet, args: dict[str, Any]) -> Reply:
    sheet = book.sheet_by_id(int(args.get("sheetId", 0)))
    index = int(args.get("index", 0))
    if not 0 <= index < len(sheet.conditional_formats):
        raise RequestError(f"No conditional format on sheet {sheet.sheet_id} at index {index}")
    return {"deleteConditionalFormatRule": {"rule": sheet.conditional_formats.pop(index)}}


def add_chart(book: Spreadsheet, args: dict[str, Any]) -> Reply:
    chart = copy_json(args.get("chart", {}))
    if "spec" not in chart:
        raise RequestError("A chart needs a spec.")
    position = chart.get("position", {})
    anchor = position.get("overlayPosition", {}).get("anchorCell")
    if anchor is not None:
        sheet = book.sheet_by_id(int(anchor.get("sheetId", 0)))
    elif "sheetId" in position:
        sheet = book.sheet_by_id(int(position["sheetId"]))
    else:
        raise RequestError("The fake places charts over a sheet only: give an overlayPosition or a sheetId.")
    chart.setdefault("chartId", book.new_id())
    sheet.charts.append(chart)
    return {"addChart": {"chart": copy_json(chart)}}


def set_basic_filter(book: Spreadsheet, args: dict[str, Any]) -> Reply:
    basic_filter = copy_json(args.get("filter", {}))
    sheet, box = grid_box(book, basic_filter.get("range", {}))
    basic_filter["range"] = _explicit(sheet, box)
    sheet.basic_filter = basic_filter
    return {}


def clear_basic_filter(book: Spreadsheet, args: dict[str, Any]) -> Reply:
    book.sheet_by_id(int(args.get("sheetId", 0))).basic_filter = None
    return {}


HANDLERS: dict[str, Handler] = {
    "addSheet": add_sheet,
    "deleteSheet": delete_sheet,
    "updateSheetProperties": update_sheet_properties,
    "updateSpreadsheetProperties": update_spreadsheet_properties,
    "updateCells": update_cells,
    "repeatCell": repeat_cell,
    "updateBorders": update_borders,
    "setDataValidation": set_data_validation,
    "updateDimensionProperties": update_dimension_properties,
    "appendDimension": append_dimension,
    "insertDimension": insert_dimension,
    "autoResizeDimensions": auto_resize_dimensions,
    "mergeCells": merge_cells,
    "unmergeCells": unmerge_cells,
    "addConditionalFormatRule": add_conditional_format_rule,
    "deleteConditionalFormatRule": delete_conditional_format_rule,
    "addChart": add_chart,
    "setBasicFilter": set_basic_filter,
    "clearBasicFilter": clear_basic_filter,
}
