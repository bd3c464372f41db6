"""A sheet described without a spreadsheet library: cells, styles, merges, colour rules and charts.

`layout.review` builds one of these from a `Review` (through `layout.builder`), `layout.import_sheets`
from an import's records and posts; `xlsx.sheet_xml` turns it into worksheet XML and the Google Sheets
backend into one `batchUpdate`. Rows and columns are 1-based, like A1 notation.
Everything is a plain value: the sheet holds no formulas, so what it shows does not depend on a
spreadsheet program recalculating it.

The small records are named tuples rather than frozen dataclasses: a big review makes a hundred
thousand cells, and a tuple is made in a fraction of the time; so is the class itself, which every
review pays for at start-up.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date
from itertools import repeat
from typing import Literal, NamedTuple

from sheetplan.plan.addresses import column_letter, quote_sheet
from sheetplan.plan.tuples import make_tuples

CellContent = str | int | float | date | None


@dataclass(frozen=True)
class Style:
    """How a cell looks. Colours are RGB hex without `#`; `None` leaves the program's default."""

    bold: bool = False
    italic: bool = False
    size: float = 10
    colour: str | None = None
    fill: str | None = None
    number_format: str = "General"
    border: bool = False
    """A thin grey line all round the cell."""
    underline: bool = False
    """A line under the cell, for section headings."""
    align: Literal["left", "center", "right"] | None = None
    valign: Literal["top", "center"] = "top"
    wrap: bool = False
    indent: int = 0
    font: str = "Arial"
    """A font every program has or maps to a look-alike (LibreOffice: Liberation Sans)."""


HEADER_COLOUR = "1F4E78"
"""The dark blue of the header rows of every sheet sheetplan writes."""
HEADER = Style(bold=True, colour="FFFFFF", fill=HEADER_COLOUR, wrap=True)
"""A header row's cells: white bold text on the header colour, wrapped within the column."""


class Range(NamedTuple):
    """A rectangle of cells."""

    first_row: int
    first_column: int
    last_row: int
    last_column: int

    @property
    def a1(self) -> str:
        first = f"{column_letter(self.first_column)}{self.first_row}"
        last = f"{column_letter(self.last_column)}{self.last_row}"
        return first if first == last else f"{first}:{last}"

    def on(self, sheet: str) -> str:
        """The range as a reference from anywhere in the workbook: `'Review 2026-03'!$B$5:$B$9`."""
        first = f"${column_letter(self.first_column)}${self.first_row}"
        last = f"${column_letter(self.last_column)}${self.last_row}"
        return f"{quote_sheet(sheet)}!{first}:{last}"


class Cell(NamedTuple):
    """One cell's value and the name of its style in `SheetLayout.styles`."""

    row: int
    column: int
    value: CellContent
    style: str


make_cell = make_tuples(Cell)
"""`Cell` made in C: a review of a big plan puts two hundred thousand cells."""


class Rows(NamedTuple):
    """A table's rows below a sheet's cells, kept as rows: a big table (ten thousand posts) is laid
    out and written a column at a time rather than a cell at a time."""

    first: int
    """The sheet's row number of the first row."""
    values: Sequence[Sequence[CellContent]]
    """Each row's values, one for each column from A; None or "" for no cell."""
    styles: tuple[str, ...]
    """Each column's style."""

    def cells(self) -> Iterator[Cell]:
        """The cells the rows hold, row by row."""
        columns = range(1, len(self.styles) + 1)
        for number, values in enumerate(self.values, start=self.first):
            laid = zip(repeat(number, len(columns)), columns, values, self.styles, strict=True)
            for cell in map(make_cell, laid):
                if cell.value is not None and cell.value != "":
                    yield cell


class ColourRule(NamedTuple):
    """A conditional format: cells in `range` whose text is `text` take the style `style`.

    Conditional rather than fixed, so that a status changed by hand in the meeting takes its colour.
    """

    range: Range
    text: str
    style: str


class ChartSeries(NamedTuple):
    name: str
    values: Range
    colour: str
    point_colours: tuple[str, ...] = ()
    """A colour for each point, in order, over `colour` (a bar chart's bars by status); none: all alike."""


class Chart(NamedTuple):
    """A native chart drawn from cells of the same sheet.

    `kind` is `bar` (horizontal bars, clustered when there are several series) or `line`, which every
    backend draws with straight segments.
    """

    kind: Literal["bar", "line"]
    title: str
    categories: Range
    series: tuple[ChartSeries, ...]
    anchor: tuple[int, int]
    """The row and column of the cell the chart's top left corner sits on."""
    width_cm: float
    height_cm: float
    number_format: str = "General"
    """How the value axis shows numbers."""


@dataclass(frozen=True)
class SheetLayout:
    """A whole sheet, ready for any backend to draw."""

    name: str
    cells: tuple[Cell, ...]
    styles: Mapping[str, Style]
    merges: tuple[Range, ...] = ()
    widths: Mapping[int, float] = field(default_factory=dict)
    """Column number to width, in characters."""
    heights: Mapping[int, float] = field(default_factory=dict)
    """Row number to height, in points."""
    rules: tuple[ColourRule, ...] = ()
    charts: tuple[Chart, ...] = ()
    landscape: bool = True
    fit_width: bool = True
    """Print one page wide, as many pages tall as it takes."""
    footer: str = ""
    """Printed at the bottom left of each page."""
    page_label: str = "Page {page} of {pages}"
    """Printed at the bottom right of each page."""
    page_breaks: tuple[int, ...] = ()
    """Rows that start a new printed page, chosen so that no chart or table head is cut in two."""
    rows: Rows | None = None
    """A table below `cells`, its rows of the default height."""

    def __post_init__(self) -> None:
        if self.rows is not None and self.cells and self.rows.first <= self.cells[-1].row:
            raise ValueError(f"{self.name}: the rows start on row {self.rows.first}, not below the cells")

    def every_cell(self) -> Iterator[Cell]:
        """The cells, then those of the rows below them."""
        yield from self.cells
        if self.rows is not None:
            yield from self.rows.cells()
