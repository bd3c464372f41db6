"""Draws a `SheetLayout` and the Review log into openpyxl worksheets.

Every string goes in as a string (`data_type = "s"`), so that an action called `=HYPERLINK(...)` or
`#N/A` stays text instead of turning into a formula or an error.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from copy import copy

from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE, Cell, MergedCell
from openpyxl.chart import BarChart, LineChart, Reference
from openpyxl.chart.series import SeriesLabel
from openpyxl.formatting.rule import Rule
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
from openpyxl.styles.cell_style import StyleArray
from openpyxl.styles.differential import DifferentialStyle
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.cell_range import CellRange
from openpyxl.worksheet.merge import MergedCellRange
from openpyxl.worksheet.page import PageMargins
from openpyxl.worksheet.pagebreak import Break
from openpyxl.worksheet.worksheet import Worksheet

from sheetplan.layout.sheet import HEADER_COLOUR, CellContent, Chart, Range, SheetLayout, Style
from sheetplan.plan.model import CellValue
from sheetplan.plan.schema import REVIEW_LOG, Lang
from sheetplan.review.log import LogRow

_THIN = Side(style="thin", color="BFBFBF")
_UNDERLINE = Side(style="medium", color="1F3864")


def render(worksheet: Worksheet, layout: SheetLayout) -> None:
    """Draw `layout` onto an empty worksheet."""
    covered = _merge(worksheet, layout)
    # Styling a cell through openpyxl's descriptors hashes four style objects; giving each cell a copy
    # of its style's array, made once, is a hundred times faster on big plans. So is making the cells
    # directly rather than through `Worksheet.cell`, which checks and looks up each position.
    styles = _style_arrays(worksheet, layout.styles)
    cells = worksheet._cells
    for cell in layout.cells:
        key = (cell.row, cell.column)
        if key in covered:
            target: Cell | MergedCell = MergedCell(worksheet, row=cell.row, column=cell.column)
            target._style = StyleArray(styles[cell.style])
        else:
            target = Cell(worksheet, row=cell.row, column=cell.column)
            _set(target, cell.value)
            target._style = StyleArray(styles[cell.style])
        cells[key] = target
    for column, width in layout.widths.items():
        worksheet.column_dimensions[get_column_letter(column)].width = width
    for row, height in layout.heights.items():
        worksheet.row_dimensions[row].height = height
    for rule in layout.rules:
        worksheet.conditional_formatting.add(rule.range.a1, _rule(rule.text, layout.styles[rule.style]))
    for chart in layout.charts:
        row, column = chart.anchor
        worksheet.add_chart(_chart(worksheet, chart), f"{get_column_letter(column)}{row}")
    _page(worksheet, layout)


def _merge(worksheet: Worksheet, layout: SheetLayout) -> set[tuple[int, int]]:
    """Register the merged ranges; the cells they cover, other than each range's first.

    `Worksheet.merge_cells` copies borders cell by cell (milliseconds a range) and checks each new
    range against all the others; the sheet is new and the layout styles every covered cell itself,
    so adding the ranges to the set is all that is needed.
    """
    covered: set[tuple[int, int]] = set()
    for merged in layout.merges:
        worksheet.merged_cells.ranges.add(MergedCellRange(worksheet, merged.a1))
        for row in range(merged.first_row, merged.last_row + 1):
            for column in range(merged.first_column, merged.last_column + 1):
                if (row, column) != (merged.first_row, merged.first_column):
                    covered.add((row, column))
    return covered


def write_log(worksheet: Worksheet, rows: Sequence[LogRow], lang: Lang) -> None:
    """Fill the Review log sheet with `rows` under a header, replacing whatever it held."""
    header = Style(bold=True, colour="FFFFFF", fill=HEADER_COLOUR)
    for column, spec in enumerate(REVIEW_LOG.columns, start=1):
        cell = worksheet.cell(1, column)
        _set(cell, spec.header(lang))
        _style(cell, header)
        worksheet.column_dimensions[get_column_letter(column)].width = spec.width
    # Every cell of the log's rows is written: a range someone merged across them would leave cells
    # that cannot take a value. A merge wholly beside the log stays.
    area = CellRange(min_col=1, min_row=1, max_col=len(REVIEW_LOG.columns), max_row=len(rows) + 1)
    for merged in list(worksheet.merged_cells.ranges):
        if not merged.isdisjoint(area):
            worksheet.unmerge_cells(merged.coord)
    formats = {"number": ("#,##0", "#,##0.00"), "percent": ("0.0%", "0.0%")}
    kinds = [spec.type for spec in REVIEW_LOG.columns]
    cells = worksheet._cells
    # A cell's style with a number format set, by the style it had and the format: setting a format
    # through openpyxl hashes the cell's style objects, which on a long log takes most of the time.
    formatted: dict[tuple[bytes, str], StyleArray] = {}
    for number, row in enumerate(rows, start=2):
        for column, (kind, value) in enumerate(zip(kinds, row.cells(lang), strict=True), start=1):
            # The cells already there keep the look someone may have given them.
            cell = cells.get((number, column))
            if cell is None:
                cell = cells[number, column] = Cell(worksheet, row=number, column=column)
            _set(cell, value)
            if kind in formats and isinstance(value, int | float):
                whole, fraction = formats[kind]
                wanted = whole if float(value).is_integer() else fraction
                key = (cell._style.tobytes() if cell._style is not None else b"", wanted)
                if key in formatted:
                    cell._style = copy(formatted[key])
                else:
                    cell.number_format = wanted
                    formatted[key] = copy(cell._style)
    if worksheet.max_row > len(rows) + 1:
        worksheet.delete_rows(len(rows) + 2, worksheet.max_row - len(rows) - 1)
    last = get_column_letter(len(REVIEW_LOG.columns))
    worksheet.auto_filter.ref = f"A1:{last}{len(rows) + 1}"
    worksheet.freeze_panes = "A2"


def _style_arrays(worksheet: Worksheet, styles: Mapping[str, Style]) -> dict[str, StyleArray]:
    """Each style's openpyxl style array, made by styling a scratch cell of the worksheet once."""
    arrays = {}
    for name, style in styles.items():
        scratch = Cell(worksheet)
        _style(scratch, style)
        arrays[name] = scratch._style
    return arrays


def _set(cell: Cell, value: CellContent | CellValue) -> None:
    """Put a value in a cell, as `cell.value = value` does, but text always as text."""
    if isinstance(value, str):
        # openpyxl refuses control characters that XML cannot hold; a pasted one must not stop the review.
        text = ILLEGAL_CHARACTERS_RE.sub("", value) if ILLEGAL_CHARACTERS_RE.search(value) else value
        # openpyxl cuts text at Excel's limit of 32,767 characters, and so does this.
        cell._value = text[:32767]
        cell.data_type = "s"
    elif type(value) is int or type(value) is float:
        cell._value = value
        cell.data_type = "n"
    else:
        # Blanks, dates and anything else: openpyxl's setter chooses the type (and a date format if none).
        cell.value = value


def _style(cell: Cell, style: Style) -> None:
    cell.font = Font(
        name=style.font, bold=style.bold, italic=style.italic, size=style.size, color=style.colour
    )
    if style.fill:
        cell.fill = PatternFill(fill_type="solid", start_color=style.fill, end_color=style.fill)
    if style.border:
        cell.border = Border(left=_THIN, right=_THIN, top=_THIN, bottom=_THIN)
    elif style.underline:
        cell.border = Border(bottom=_UNDERLINE)
    cell.number_format = style.number_format
    cell.alignment = Alignment(
        horizontal=style.align,
        vertical=style.valign,
        wrap_text=style.wrap,
        indent=style.indent,
    )


def _rule(text: str, style: Style) -> Rule:
    fill = PatternFill(fill_type="solid", start_color=style.fill, end_color=style.fill, bgColor=style.fill)
    differential = DifferentialStyle(font=Font(bold=style.bold, color=style.colour), fill=fill)
    quoted = text.replace('"', '""')
    return Rule(type="cellIs", operator="equal", formula=[f'"{quoted}"'], dxf=differential)


def _chart(worksheet: Worksheet, spec: Chart) -> BarChart | LineChart:
    chart: BarChart | LineChart
    if spec.kind == "bar":
        chart = BarChart()
        chart.type = "bar"
        chart.grouping = "clustered"
        chart.overlap = -10
        chart.gapWidth = 60
    else:
        chart = LineChart()
    chart.title = spec.title
    chart.width, chart.height = spec.width_cm, spec.height_cm
    for series in spec.series:
        values = _reference(worksheet, series.values)
        chart.add_data(values, titles_from_data=False)
        added = chart.series[-1]
        added.tx = SeriesLabel(v=series.name)
        added.graphicalProperties.solidFill = series.colour
        added.graphicalProperties.line.solidFill = series.colour
        if spec.kind == "line":
            # LibreOffice draws a line series as a curve unless told otherwise.
            added.smooth = False
    chart.set_categories(_reference(worksheet, spec.categories))
    # openpyxl 3.1 leaves `delete` unset, which Excel reads as "hide the axis".
    chart.x_axis.delete = False
    chart.y_axis.delete = False
    # Category names sit at the chart's edge, clear of bars that go below zero.
    chart.x_axis.tickLblPos = "low"
    chart.y_axis.number_format = spec.number_format
    if spec.kind == "bar":
        # Horizontal bars list categories bottom up; reversing the axis keeps the table's order.
        chart.x_axis.scaling.orientation = "maxMin"
        chart.y_axis.crosses = "max"
    chart.legend.position = "b"
    return chart


def _reference(worksheet: Worksheet, cells: Range) -> Reference:
    return Reference(
        worksheet,
        min_col=cells.first_column,
        min_row=cells.first_row,
        max_col=cells.last_column,
        max_row=cells.last_row,
    )


def _page(worksheet: Worksheet, layout: SheetLayout) -> None:
    worksheet.sheet_view.showGridLines = False
    setup = worksheet.page_setup
    setup.orientation = "landscape" if layout.landscape else "portrait"
    if layout.fit_width:
        worksheet.sheet_properties.pageSetUpPr.fitToPage = True
        setup.fitToWidth = 1
        setup.fitToHeight = 0
    worksheet.page_margins = PageMargins(left=0.4, right=0.4, top=0.5, bottom=0.6, header=0.3, footer=0.3)
    worksheet.print_options.horizontalCentered = True
    for row in layout.page_breaks:
        worksheet.row_breaks.append(Break(id=row - 1))
    page = layout.page_label.replace("&", "&&").format(page="&P", pages="&N")
    worksheet.oddFooter.left.text = layout.footer.replace("&", "&&")
    worksheet.oddFooter.right.text = page
