"""Rewriting the .ods tables whose cells lie far apart, as `relocate` does for .xlsx worksheets.

An .ods table gives no cell its position: a cell is where the cells and repeats before it in its row,
and the rows and repeats before that row, put it. So a table is rewritten from its cells with their
positions: the cells of its block at their own places, with a repeat for each run of blank cells or
rows between them, then the far cells in rows under the block. Blank cells, column definitions and
the groups rows sit in are left out: calamine reads only rows of cells.
"""

from __future__ import annotations

import re

from sheetplan.plan.errors import SourceError
from sheetplan.read.relocate import Layout, near_block
from sheetplan.read.sparse import Position
from sheetplan.read.xmlscan import unescape

MOST_CELLS = 10_000_000
"""A table whose repeated values would fill more cells than this is refused."""
_TABLE = b"<table:table "
_TABLE_END = b"</table:table>"
_TAG = re.compile(rb"<(/?)table:(table-row|table-cell|covered-table-cell|table(?=[\s/>]))\b([^>]*?)(/?)>")
_ROWS = re.compile(rb'table:number-rows-repeated="(\d+)"')
_COLUMNS = re.compile(rb'\s*table:number-columns-repeated="(\d+)"')
_NAME = re.compile(rb'table:name="([^"]*)"')
_BLANK_ROWS = b'<table:table-row table:number-rows-repeated="%d"><table:table-cell/></table:table-row>'
_BLANK_CELLS = b'<table:table-cell table:number-columns-repeated="%d"/>'


def relocate_ods(content: bytes, names: set[str] | None, label: str) -> tuple[bytes, dict[str, Layout]]:
    """content.xml with each table named in `names` (every table if None) rewritten; their layouts."""
    pieces, layouts, done = [], {}, 0
    start = content.find(_TABLE)
    while start >= 0:
        end = _table_end(content, start)
        name = _NAME.search(content, start, content.find(b">", start))
        title = unescape(name[1].decode("utf-8", "replace")) if name else ""
        if (names is None or title in names) and title not in layouts:
            table, layouts[title] = _relocate_table(content[start:end], title, label)
            pieces += [content[done:start], table]
            done = end
        start = content.find(_TABLE, end)
    return b"".join([*pieces, content[done:]]), layouts


def _table_end(content: bytes, start: int) -> int:
    """Where the table that starts at `start` ends, past any table nested in one of its cells."""
    depth, at = 0, start
    while True:
        opening = content.find(_TABLE, at)
        closing = content.find(_TABLE_END, at)
        if closing < 0:
            return len(content)
        if 0 <= opening < closing:
            depth, at = depth + 1, opening + len(_TABLE)
            continue
        depth, at = depth - 1, closing + len(_TABLE_END)
        if depth == 0:
            return at


def _relocate_table(table: bytes, name: str, label: str) -> tuple[bytes, Layout]:
    head = table[: table.find(b">") + 1]
    cells = _cells(table, name, label)
    rows, columns = near_block([position for position, _ in cells])
    kept: dict[int, dict[int, bytes]] = {}
    moved = []
    for (row, column), cell in cells:
        if row <= rows and column <= columns:
            kept.setdefault(row, {})[column] = cell
        else:
            moved.append(((row, column), cell))
    layout = Layout(rows, columns, tuple(position for position, _ in moved))
    for index, (_, cell) in enumerate(moved):
        row, column = layout.place(index)
        kept.setdefault(row, {})[column] = cell
    body, last_row = [], 0
    for row, found in sorted(kept.items()):
        if row > last_row + 1:
            body.append(_BLANK_ROWS % (row - last_row - 1))
        body.append(b"<table:table-row>")
        last_column = 0
        for column, cell in sorted(found.items()):
            if column > last_column + 1:
                body.append(_BLANK_CELLS % (column - last_column - 1))
            body.append(cell)
            last_column = column
        body.append(b"</table:table-row>")
        last_row = row
    return head + b"".join(body) + _TABLE_END, layout


def _cells(table: bytes, name: str, label: str) -> list[tuple[Position, bytes]]:
    """Every cell of the table that holds a value or a formula, at its 1-based position, repeats undone."""
    found: list[tuple[Position, bytes]] = []
    row, repeat, column = 0, 1, 0
    at = table.find(b">") + 1
    while tag := _TAG.search(table, at):
        closing, kind, attributes, empty = tag[1], tag[2], tag[3], tag[4]
        at = tag.end()
        if kind == b"table":
            if closing:
                break
            at = _table_end(table, tag.start())  # a table inside a cell holds none of this table's cells
        elif kind == b"table-row":
            if closing:
                row += repeat
            elif empty:
                row += _repeats(_ROWS, attributes)
            else:
                repeat, column = _repeats(_ROWS, attributes), 0
        elif not closing:
            across = _repeats(_COLUMNS, attributes)
            element = tag[0] if empty else table[tag.start() : _element_end(table, tag)]
            if b"office:value-type" in attributes or b"table:formula" in attributes:
                if len(found) + repeat * across > MOST_CELLS:
                    raise SourceError(
                        f'{label}: the sheet "{name}" repeats values over more than {MOST_CELLS:,} cells'
                    )
                single = _COLUMNS.sub(b"", element, count=1)
                found += [
                    ((row + down + 1, column + step + 1), single)
                    for down in range(repeat)
                    for step in range(across)
                ]
            if not empty:
                at = _element_end(table, tag)
            column += across
    return found


def _repeats(pattern: re.Pattern[bytes], attributes: bytes) -> int:
    found = pattern.search(attributes)
    return max(1, int(found[1])) if found else 1


def _element_end(table: bytes, tag: re.Match[bytes]) -> int:
    close = b"</table:%s>" % tag[2]
    end = table.find(close, tag.end())
    return end + len(close) if end >= 0 else len(table)
