"""Turns a recognised table's records into rows: Total rows and a second header row left out, line
items folded into orders, each column read as its shape says (`columns`), and rows made of them.

Every cell that cannot be read is a `SourceError` naming the file, the row and the column:
`exports/meta.csv: row 7, column "Reach": "12k" is not a number`.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime
from itertools import repeat

from sheetplan.exports import dates
from sheetplan.exports.cells import Cell, Reader, cell_error, cell_text, number
from sheetplan.exports.columns import read_column, read_days, readers_of
from sheetplan.exports.model import Row, Value, Values, folded
from sheetplan.exports.recognise import Found
from sheetplan.exports.tables import Record
from sheetplan.plan.errors import SourceError
from sheetplan.plan.i18n import _
from sheetplan.plan.model import Month
from sheetplan.plan.tuples import make_tuples
from sheetplan.read.values import BadValue, to_month

TOTALS = frozenset({"total", "totals", "grand total", "gesamtsumme", "insgesamt", "summe", "общо"})
"""What the first cell of a Total row says, in English, German and Bulgarian."""
_INITIALS = {total[0] for total in TOTALS} | {total[0].upper() for total in TOTALS}
ORDERS = "Orders"
"""The column added to Shopify's orders: 1 for each order, for a Sources row to count them."""


@dataclass(frozen=True)
class Table:
    """A table's rows, with each row's time where the export gave one (for posts' publish times)."""

    header: tuple[str, ...]
    rows: tuple[Row, ...]
    times: tuple[date | None, ...]
    series: str | None
    """Meta page: the series named on the line above the header, under which rows hold Primary too."""
    columns: list[list[Value]]
    """The rows' values column by column, in the header's order."""


def convert(
    found: Found, records: Sequence[Record], comma: bool, today: date, name: str, typed: bool = False
) -> Table:
    """The rows of a table whose header is `found`; SourceError for any cell it cannot read.

    `typed` says the cells are a workbook's (text, numbers, dates), not a CSV's, which are all text.
    The cells are read a column at a time, and in a CSV each distinct text of a column once: exports
    repeat the same small numbers, days and blanks many times over.
    """
    shape, header = found.shape, found.header
    names = [folded(column) for column in header]
    header_line = records[found.at][0]
    for needed in shape.needs:
        if folded(needed) not in names:
            raise SourceError(
                _('{name}: row {row}: no "{column}" column, which a {kind} export has').format(
                    name=name, row=header_line, column=needed, kind=shape.kind.name
                )
            )
    notes = tuple(
        text for __, cells in records[: found.at] if len(cells) == 1 and (text := cell_text(cells[0]))
    )
    body = _without_totals(records[found.at + 1 :])
    day_at = names.index(shape.day) if shape.day in names else None
    readers = readers_of(shape, names, comma)
    if body and _is_second_header(body[0][1], day_at, [read for read, __ in readers]):
        body = body[1:]
    if shape.line_items:
        body = _orders(body, names, name, header)
    width = len(header)
    lines: Sequence[int]
    grid: Sequence[list[Cell]]
    lines, grid = zip(*body, strict=True) if body else ((), ())
    if set(map(len, grid)) - {width}:
        grid = [cells if len(cells) == width else _fitted(cells, width) for cells in grid]
    columns: list[Sequence[Cell]] = list(zip(*grid, strict=True)) if grid else [() for __ in header]
    read, bad = [], None
    for index, (column, (reading, counts)) in enumerate(zip(columns, readers, strict=True)):
        cells, first_bad = read_column(column, reading, counts, distinct=not typed, comma=comma)
        read.append(cells)
        if first_bad is not None and (bad is None or first_bad[0] < bad[0]):
            bad = (first_bad[0], index, first_bad[1])
    if bad is not None:
        raise cell_error(name, lines[bad[0]], header[bad[1]], bad[2])
    times = read_days(
        lines, columns[day_at] if day_at is not None else None, header, day_at, name, today, shape.kind.name
    )
    days = [time.date() if isinstance(time, datetime) else time for time in times]
    if shape.line_items:
        header = (*header, ORDERS)
        read.append([1] * len(lines))
    places: dict[str, int] = {}
    for index, column in enumerate(header):
        places.setdefault(column, index)
    series = notes[-1] if notes and shape.kind.name == "Meta page" else None
    if series is not None:
        places.setdefault(series, names.index("primary"))
    values = map(Values, repeat(places), repeat(read), range(len(lines)))
    rows = list(map(make_tuples(Row), zip(lines, days, values, repeat(None), repeat(None))))
    if shape.kind.name == "Monthly CSV":
        rows = [_monthly(row, names, header, name) for row in rows]
    return Table(header, tuple(rows), tuple(times), series, read)


def _fitted(cells: list[Cell], width: int) -> list[Cell]:
    """A row cut or padded to the header's width: a short row's missing cells are empty text."""
    return cells[:width] if len(cells) > width else [*cells, *([""] * (width - len(cells)))]


def _without_totals(records: Sequence[Record]) -> list[Record]:
    """The records but for Total rows, told by their first cell among the first two and last two
    rows, where exports put them (YouTube first, GA4 right under the header, others last): a post or
    campaign called Total further down is a row like any other."""
    firsts = {cells[0] for __, cells in (*records[:2], *records[-2:])}
    totals = {
        first
        for first in firsts
        if isinstance(first, str) and len(first) < 16 and first[:1] in _INITIALS and folded(first) in TOTALS
    }
    if not totals:
        return list(records)
    return [record for record in records if record[1][0] not in totals]


def _is_second_header(cells: list[Cell], day_at: int | None, readers: list[Reader]) -> bool:
    """Whether the first row under the header is a second header (Facebook's older exports describe
    each column in one): no date where the date should be, and text where the numbers should be."""
    if day_at is not None and day_at < len(cells):
        try:
            if dates.when(cells[day_at]) is not None:
                return False
        except BadValue:
            pass
    texts = 0
    for index, (read, cell) in enumerate(zip(readers, cells, strict=False)):
        if index == day_at or cell is None or cell == "":
            continue
        try:
            if not isinstance(read(cell), str):
                return False
        except BadValue:
            texts += 1
    return texts > 0


def _orders(body: list[Record], names: list[str], name: str, header: tuple[str, ...]) -> list[Record]:
    """Shopify's line items folded into their orders: the first row of each, quantities summed.

    A row continues the order above it when it has the same Name and no Total of its own.
    """
    order_at, total_at = names.index("name"), names.index("total")
    quantity_at = names.index("lineitem quantity") if "lineitem quantity" in names else None
    orders: list[Record] = []
    for line, cells in body:
        if not orders or not _continues(orders[-1][1], cells, order_at, total_at):
            orders.append((line, list(cells)))
        elif quantity_at is not None:
            first = orders[-1][1]
            try:
                quantities = [number(str(row[quantity_at] or "")) or 0 for row in (first, cells)]
            except (BadValue, IndexError) as error:
                raise cell_error(name, line, header[quantity_at], error) from None
            first[quantity_at] = str(sum(quantities))
    return orders


def _continues(order: list[Cell], cells: list[Cell], order_at: int, total_at: int) -> bool:
    same = order_at < len(cells) and cells[order_at] == order[order_at]
    return same and not (total_at < len(cells) and cell_text(cells[total_at]))


def _monthly(row: Row, names: list[str], header: tuple[str, ...], name: str) -> Row:
    """A Monthly CSV row, with its month and metric."""
    month_column, metric_column = header[names.index("month")], header[names.index("metric id")]
    try:
        month: Month = to_month(row.values[month_column])
    except BadValue as error:
        raise cell_error(name, row.number, month_column, error) from None
    metric = row.values[metric_column]
    if not metric:
        raise cell_error(name, row.number, metric_column, _("no metric ID"))
    return Row(row.number, None, row.values, month=month, metric_id=str(metric))
