"""How a review's sheets are built: cells put row by row, blocks kept on one printed page, columns
widened to their text; `LayoutBuilder.layout()` freezes them into a `SheetLayout`."""

from __future__ import annotations

import math
from collections.abc import Mapping

from sheetplan.layout.sheet import Cell, CellContent, Chart, ColourRule, Range, SheetLayout, Style, make_cell

_ROW_HEIGHT = 15.0
"""A row's height in points when nothing sets it."""
_SHORT_BLOCK = 30
"""A block of at most this many rows is never split across printed pages."""
_WIDEST = 48.0
_CHARACTER = 1.1
"""Roughly how many width units a character of ten-point text takes, bold included."""
_PRINT_WIDTH = 730.0
_PRINT_HEIGHT = 505.0
"""The printable area of a landscape page in points, on A4 or US Letter, whichever is smaller, inside
the margins the renderers set, less a little for the footer."""


class LayoutBuilder:
    """Collects a sheet's cells row by row; `layout()` freezes them into a `SheetLayout`."""

    def __init__(self, name: str, styles: Mapping[str, Style], widths: Mapping[int, float]) -> None:
        self.name = name
        self.styles = styles
        self.widths = dict(widths)
        self.width = max(widths)
        """How many columns the sheet spans: headings and merged text run across all of them."""
        self.row = 1
        self._cells: dict[tuple[int, int], Cell] = {}
        self._merges: list[Range] = []
        self._heights: dict[int, float] = {}
        self._rules: list[ColourRule] = []
        self._charts: list[Chart] = []
        self._keep: dict[int, int] = {}
        self.block = 1
        """The first row of the block being built: a heading, which `keep_block` keeps with what follows."""

    def put(self, row: int, column: int, value: CellContent, style: str) -> None:
        if style not in self.styles:
            raise KeyError(f"no style {style!r}")
        self._cells[row, column] = make_cell((row, column, value, style))

    def merge(self, row: int, first: int, last: int, value: CellContent, style: str) -> None:
        """One value across columns `first` to `last`; every covered cell takes the style, for its border."""
        for column in range(first, last + 1):
            self.put(row, column, value if column == first else None, style)
        if last > first:
            self._merges.append(Range(row, first, row, last))

    def height(self, row: int, points: float) -> None:
        self._heights[row] = max(points, self._heights.get(row, 0))

    def fit(self, row: int, first: int, last: int, text: str) -> None:
        """Make the row tall enough for `text` wrapped across columns `first` to `last`.

        Spreadsheet programs do not grow a row to fit wrapped text in merged cells, so the height is
        estimated here from the text's length.
        """
        span = sum(self.widths.get(column, 10) for column in range(first, last + 1))
        # Ten-point Arial averages about 0.85 of the width unit (a digit of the default font).
        lines = max(1, math.ceil(len(text) * 0.85 / span)) if text else 1
        self.height(row, 13 * lines + 3)

    def rule(self, rule: ColourRule) -> None:
        self._rules.append(rule)

    def chart(self, chart: Chart) -> None:
        self._charts.append(chart)

    def start_block(self) -> None:
        """Start a block (a section, a table, a chart) at the current row.

        The block before it is printed on one page when it has at most `_SHORT_BLOCK` rows. A block
        that has only its first row so far (a heading) goes on into the new one.
        """
        if self.row - self.block <= 1:
            return
        if self.row - self.block <= _SHORT_BLOCK:
            self.keep(self.block, self.row - 1)
        self.block = self.row

    def keep_block(self, rows: int = 0) -> None:
        """Print the current block, up to `rows` rows below the current row, on one page."""
        self.keep(self.block, self.row + rows)

    def keep(self, first: int, last: int) -> None:
        """Print rows `first` to `last` on one page when they fit on one."""
        self._keep[first] = max(last, self._keep.get(first, first))

    def layout(self, footer: str = "", page_label: str = "") -> SheetLayout:
        self.start_block()
        self._fit_columns()
        return SheetLayout(
            name=self.name,
            cells=tuple(cell for _, cell in sorted(self._cells.items())),
            styles=self.styles,
            merges=tuple(self._merges),
            heights=dict(self._heights),
            rules=tuple(self._rules),
            charts=tuple(self._charts),
            widths=self.widths,
            footer=footer,
            page_label=page_label or SheetLayout.page_label,
            page_breaks=self._page_breaks(),
        )

    def _fit_columns(self) -> None:
        """Widen each column to its longest text in a cell of its own that does not wrap (a role, an
        owner's name), so that nothing is cut off; up to `_WIDEST` characters."""
        merged = {(area.first_row, area.first_column) for area in self._merges}
        unwrapped = {name for name, style in self.styles.items() if not style.wrap}
        longest: dict[int, int] = {}
        for key, (_, column, value, style) in self._cells.items():
            text = value if isinstance(value, str) else ""
            if len(text) > longest.get(column, 0) and style in unwrapped and key not in merged:
                longest[column] = len(text)
        for column, length in longest.items():
            need = min(_WIDEST, length * _CHARACTER + 2)
            if need > self.widths.get(column, 8.43):
                self.widths[column] = need

    def _page_breaks(self) -> tuple[int, ...]:
        """Where pages start when printed one page wide, keeping each `keep` block on one page."""
        # Spreadsheet programs make a column of width w about 7w + 5 pixels, at 0.75 points a pixel.
        width = sum(0.75 * (7 * self.widths.get(column, 8.43) + 5) for column in range(1, self.width + 1))
        scale = min(1.0, _PRINT_WIDTH / width)
        page = _PRINT_HEIGHT / scale
        breaks: list[int] = []
        used = 0.0
        last_row = max((row for row, _ in self._cells), default=0)
        for row in range(1, last_row + 1):
            height = self._heights.get(row, _ROW_HEIGHT)
            block_end = self._keep.get(row)
            block = height
            if block_end is not None:
                block = sum(self._heights.get(r, _ROW_HEIGHT) for r in range(row, block_end + 1))
            if used and used + block > page:
                breaks.append(row)
                used = 0.0
            used += height
        return tuple(breaks)
