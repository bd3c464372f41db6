"""Setting cells of a worksheet's XML in place, leaving every other byte of the sheet as it was.

openpyxl rewrites a whole workbook from its own model and loses what it does not know; `set_cells`
instead edits the XML of one worksheet part (`xl/worksheets/sheet1.xml`) as any program wrote it: with
or without a namespace prefix, with or without row and cell references, with tags closed in either
form. Only the `<c>` elements of the cells named change, and a missing row or cell is inserted where
it belongs. The one other change is the sheet's `<dimension ref>`, widened when a cell is written
outside it, because readers size the sheet from it: openpyxl in read-only mode reads no further.

A sheet may be 20 MB, so it is not parsed: the rows to change are found by a binary search over the
bytes of `<sheetData>` (or one pass, when some row has no number to search by), and only those rows
are read cell by cell (`rows`). No program writes comments, CDATA or processing instructions among a
sheet's cells; a sheet that has them is refused rather than misread.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Mapping
from dataclasses import dataclass
from itertools import groupby

from sheetplan.plan.addresses import column_letter
from sheetplan.plan.errors import WriteError
from sheetplan.plan.i18n import _
from sheetplan.xlsx import scan
from sheetplan.xlsx.cell_values import CellInput, Typed, typed_value
from sheetplan.xlsx.rows import Cell, RowFinder, cell_end, row_cells
from sheetplan.xlsx.scan import MalformedError, Tags, attributes, cell_range

__all__ = ["CellInput", "Changed", "set_cells"]

_LAST_CELL = (1_048_576, 16_384)
_SHEET_DATA = re.compile(rb"<(?:([A-Za-z_][\w.-]*):)?sheetData(?=[\s/>])(" + scan.ATTRS + rb")>")
_REF_VALUE = re.compile(rb"""\sref\s*=\s*["']([^"']*)["']""")


@dataclass(frozen=True)
class Changed:
    """A worksheet's XML after `set_cells`, and whether a formula cell was overwritten or cleared.

    Excel's calculation chain (`xl/calcChain.xml`) lists every formula cell and Excel calls the file
    damaged when a cell on it holds no formula, so when `replaced_formulas` is true the caller drops
    that part (with its entries in `[Content_Types].xml` and the workbook's relationships); Excel
    builds a new one.
    """

    xml: bytes
    replaced_formulas: bool


def set_cells(sheet: bytes, values: Mapping[tuple[int, int], CellInput], where: str = "") -> Changed:
    """The worksheet XML `sheet` with the cells at the keys of `values`, 1-based (row, column), set.

    Text goes in as an inline string, without the control characters XML cannot hold, cut at Excel's
    32,767 characters, and with a literal `_x0041_` escaped as Excel does; a number exactly as `repr`
    writes it (ValueError for NaN and infinity); a date or datetime as its serial number in the 1900
    date system (`cell_values.serial`). None clears the cell's value.

    Nothing of an old cell but its `s` style stays: not its formula, type or cell metadata; so a date
    shows as one only in a cell styled as a date. A new cell takes its row's style when the row has
    one (`customFormat`), else its column's. A cleared cell that looks the same without its `<c>`
    element loses it, unless the next cell has no reference and would move into its place.

    WriteError, naming `where` (such as `plan.xlsx: Actuals`) and the cell, when a cell to change is the
    first cell of a shared formula that others copy, or lies in an array formula's or a data table's
    range: that would break the other cells. A cell that copies a shared formula may change.
    """
    checked = {_checked(key): value for key, value in values.items()}
    opening = _SHEET_DATA.search(sheet)
    if opening is None:
        raise _refusal(where, "not a worksheet, it has no sheetData")
    tags = scan.tags_for(opening[1] or b"")
    typed = {key: typed_value(value, tags) for key, value in sorted(checked.items())}
    if opening[2].rstrip().endswith(b"/"):
        if all(value is None for value in typed.values()):
            return Changed(sheet, False)
        start, end = opening.span()
        opened = sheet[start : end - 1].rstrip()[:-1] + b">"
        sheet = sheet[:start] + opened + tags.end(b"sheetData") + sheet[end:]
        region = (start + len(opened), start + len(opened))
    else:
        close = sheet.rfind(tags.end(b"sheetData"), opening.end())
        if close < 0:
            raise _refusal(where, "its sheetData has no end tag")
        region = (opening.end(), close)
    if scan.holds_markup(sheet, *region):
        raise _refusal(where, "its cells hold XML comments, CDATA or processing instructions")
    try:
        edit = _Edit(sheet, tags, region, opening.start(), where)
        edit.refuse_blocks(typed)
        for number, cells in groupby(typed.items(), key=lambda item: item[0][0]):
            edit.set_row(number, {column: value for (_, column), value in cells})
    except MalformedError as error:
        raise _refusal(where, str(error)) from None
    edit.widen_dimension()
    return Changed(edit.result(), edit.replaced_formulas)


class _Edit:
    """The replacements to make in a sheet's bytes, gathered row by row and made at the end."""

    def __init__(self, sheet: bytes, tags: Tags, region: tuple[int, int], head_end: int, where: str) -> None:
        self.sheet, self.tags, self.region, self.head_end, self.where = sheet, tags, region, head_end, where
        self.columns = scan.column_styles(sheet, tags, head_end)
        self.rows = RowFinder(sheet, tags, *region)
        self.replacements: list[tuple[int, int, bytes]] = []
        self.written: list[tuple[int, int]] = []
        self.replaced_formulas = False

    def refuse_blocks(self, cells: Mapping[tuple[int, int], Typed]) -> None:
        """Raise WriteError for the first cell to change that lies in an array formula or data table."""
        blocks = scan.formula_blocks(self.sheet, self.tags, *self.region)
        for row, column in cells:
            for kind, (top, left, bottom, right), ref in blocks:
                if top <= row <= bottom and left <= column <= right:
                    what = "an array formula" if kind == b"array" else "a data table"
                    raise WriteError(
                        _("{place} is part of {what} over {ref}; not changed").format(
                            place=_place(self.where, row, column), what=what, ref=ref
                        )
                    )

    def set_row(self, number: int, values: Mapping[int, Typed]) -> None:
        """Set cells of row `number`, given by column in ascending order; rows come in ascending order."""
        row, position = self.rows.find(number)
        if row is None:
            content = b"".join(
                self._cell(number, column, value, None, {}, None) for column, value in values.items()
            )
            if content:
                self._replace(position, position, self._row_xml(number, content))
            return
        row_attributes = attributes(row.tag)
        cells = row_cells(self.sheet, self.tags, row)
        columns = [cell.column for cell in cells]
        inserted = []
        for column, value in values.items():
            index = bisect_left(columns, column)
            old = cells[index] if index < len(cells) and columns[index] == column else None
            after = index + 1 if old else index
            following = cells[after] if after < len(cells) else None
            new = self._cell(number, column, value, old, row_attributes, following)
            if old is not None:
                self._replace(old.start, cell_end(self.sheet, self.tags, old), new)
            elif new:
                # Before the next cell, else after the last, else first in the row.
                last = cell_end(self.sheet, self.tags, cells[-1]) if cells else row.content_start
                inserted.append((following.start if following else last, new))
        if row.self_closing and inserted:
            opened = self.sheet[row.start : row.content_start - 1].rstrip()[:-1] + b">"
            content = b"".join(new for _, new in inserted)
            self._replace(row.start, row.content_start, opened + content + self.tags.end(b"row"))
        else:
            for at, new in inserted:
                self._replace(at, at, new)

    def _cell(
        self,
        row: int,
        column: int,
        value: Typed,
        old: Cell | None,
        row_attributes: Mapping[bytes, bytes],
        following: Cell | None,
    ) -> bytes:
        """A cell's new `<c>` element, or nothing when it is to go or to stay absent."""
        empty = scan.empty_style(row_attributes, self.columns, column)
        style = empty
        if old is not None:
            style = attributes(old.tag).get(b"s")
            formula = self.tags.formula.search(self.sheet, old.tag_end, cell_end(self.sheet, self.tags, old))
            if formula:
                shared = attributes(formula[1])
                if shared.get(b"t") == b"shared" and cell_range(shared.get(b"ref", b"")):
                    raise WriteError(
                        _(
                            "{place} holds the first cell of a shared formula that the cells of {cells} "
                            "copy; not changed"
                        ).format(place=_place(self.where, row, column), cells=shared[b"ref"].decode())
                    )
                self.replaced_formulas = True
        looks_empty = (style or b"0") == (empty or b"0") and (following is None or following.has_ref)
        if value is None and (old is None or looks_empty):
            return b""
        self.written.append((row, column))
        name = self.tags.name(b"c")
        start = b'<%s r="%s%d"' % (name, column_letter(column).encode(), row)
        start += b' s="%s"' % style if style is not None else b""
        if value is None:
            return start + b"/>"
        kind, content = value
        return start + kind + b">" + content + self.tags.end(b"c")

    def _row_xml(self, number: int, cells: bytes) -> bytes:
        return b'<%s r="%d">' % (self.tags.name(b"row"), number) + cells + self.tags.end(b"row")

    def _replace(self, start: int, end: int, new: bytes) -> None:
        self.replacements.append((start, end, new))

    def widen_dimension(self) -> None:
        """Widen the sheet's `<dimension ref>`, if it has one, to take in every cell written."""
        tag = self.tags.dimension.search(self.sheet, 0, self.head_end)
        ref = _REF_VALUE.search(tag[1]) if tag else None
        bounds = cell_range(ref[1]) if ref else None
        if tag is None or ref is None or bounds is None or not self.written:
            return
        rows = [bounds[0], bounds[2], *(row for row, _ in self.written)]
        columns = [bounds[1], bounds[3], *(column for _, column in self.written)]
        if (min(rows), min(columns), max(rows), max(columns)) != bounds:
            widened = f"{column_letter(min(columns))}{min(rows)}:{column_letter(max(columns))}{max(rows)}"
            start = tag.start(1) + ref.start(1)
            self._replace(start, start + len(ref[1]), widened.encode())

    def result(self) -> bytes:
        """The sheet with every replacement made; insertions at one place keep the order they came in."""
        sheet = memoryview(self.sheet)
        pieces: list[bytes | memoryview] = []
        done = 0
        for start, end, new in sorted(self.replacements, key=lambda replacement: replacement[:2]):
            pieces += [sheet[done:start], new]
            done = end
        pieces.append(sheet[done:])
        return b"".join(pieces)


def _checked(key: tuple[int, int]) -> tuple[int, int]:
    row, column = key
    if not (1 <= row <= _LAST_CELL[0] and 1 <= column <= _LAST_CELL[1]):
        raise ValueError(
            _("no such cell in a worksheet: row {row}, column {column}").format(row=row, column=column)
        )
    return row, column


def _refusal(where: str, what: str) -> WriteError:
    return WriteError(_("{where}: {what}; not changed").format(where=where or _("the sheet"), what=what))


def _place(where: str, row: int, column: int) -> str:
    ref = f"{column_letter(column)}{row}"
    return f"{where}!{ref}" if where else ref
