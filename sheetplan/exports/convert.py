"""Turns a recognised table's records into rows: each column read as its shape says, days read and
given their years, Total rows and a second header row left out, line items folded into orders.

Every cell that cannot be read is a `SourceError` naming the file, the row and the column:
`exports/meta.csv: row 7, column "Reach": "12k" is not a number`.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime

from sheetplan.exports import dates, years
from sheetplan.exports.cells import Cell, Reader, cell_text, number, reader
from sheetplan.exports.model import Row, Value, folded
from sheetplan.exports.recognise import Found
from sheetplan.exports.tables import Record
from sheetplan.plan.errors import SourceError
from sheetplan.plan.model import Month
from sheetplan.read.values import BadValue, shown, to_month

TOTALS = frozenset({"total", "totals", "grand total", "gesamtsumme", "insgesamt", "summe", "общо"})
"""What the first cell of a Total row says, in English, German and Bulgarian."""
ORDERS = "Orders"
"""The column added to Shopify's orders: 1 for each order, for a Sources row to count them."""


@dataclass(frozen=True)
class Table:
    """A table's rows, with each row's time where the export gave one (for posts' publish times)."""

    header: tuple[str, ...]
    rows: tuple[Row, ...]
    times: tuple[date | None, ...]
    notes: tuple[str, ...]
    """The one-cell lines above the header (Meta's series name)."""


def convert(found: Found, records: Sequence[Record], comma: bool, today: date, name: str) -> Table:
    """The rows of a table whose header is `found`; SourceError for any cell it cannot read."""
    shape, header = found.shape, found.header
    names = [folded(column) for column in header]
    header_line = records[found.at][0]
    for needed in (*shape.needs,):
        if folded(needed) not in names:
            raise SourceError(
                f'{name}: row {header_line}: no "{needed}" column, which a {shape.kind.name} export has'
            )
    notes = tuple(
        text for _, cells in records[: found.at] if len(cells) == 1 and (text := cell_text(cells[0]))
    )
    body = [record for record in records[found.at + 1 :] if not _is_total(record[1])]
    day_at = names.index(shape.day) if shape.day in names else None
    readers = _readers(found, names, comma)
    if body and _is_second_header(body[0][1], day_at, readers):
        body = body[1:]
    if shape.line_items:
        body = _orders(body, names, name, header)
    times = _days(body, day_at, header, name, today, blank_ok=shape.kind.name != "Daily CSV")
    width = len(header)
    rows = []
    month_at = names.index("month") if shape.kind.name == "Monthly CSV" else None
    for (line, cells), time in zip(body, times, strict=True):
        if len(cells) < width:
            cells = [*cells, *([None] * (width - len(cells)))]
        try:
            read_cells = [read(cell) for read, cell in zip(readers, cells, strict=False)]
            values = dict(zip(header, read_cells, strict=True))
        except BadValue:
            raise _cell_error(line, cells, readers, header, name) from None
        if shape.line_items:
            values[ORDERS] = 1
        day = time.date() if isinstance(time, datetime) else time
        if month_at is None:
            rows.append(Row(line, day, values))
        else:
            rows.append(_monthly(line, cells, values, names, month_at, header, name))
    if shape.line_items:
        header = (*header, ORDERS)
    return Table(header, tuple(rows), tuple(times), notes)


def _readers(found: Found, names: list[str], comma: bool) -> list[Reader]:
    shape = found.shape
    numbers = {folded(column) for column in shape.kind.columns} | set(shape.numbers)
    result = []
    for column in names:
        if column == shape.day or column in shape.texts:
            result.append(reader("text"))
        elif column in numbers:
            result.append(reader("number", comma, percent="(%)" in column))
        else:
            result.append(reader(shape.rest, comma, percent="(%)" in column))
    return result


def _is_total(cells: list[Cell]) -> bool:
    first = cells[0] if cells else None
    return isinstance(first, str) and len(first) < 16 and folded(first) in TOTALS


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


def _days(
    body: list[Record], at: int | None, header: tuple[str, ...], name: str, today: date, blank_ok: bool
) -> list[date | None]:
    """Each row's date or time, the years given back to dates printed without them."""
    if at is None:
        return [None] * len(body)
    cells = [cells[at] if at < len(cells) else None for _, cells in body]
    first = dates.day_first(cells)
    found: list[date | None] = []
    month_days: list[tuple[int, dates.MonthDay]] = []
    for (line, _), cell in zip(body, cells, strict=True):
        try:
            when = dates.when(cell, first)
        except BadValue as error:
            raise SourceError(f'{name}: row {line}, column "{header[at]}": {error}') from None
        if when is None and not blank_ok:
            raise SourceError(f'{name}: row {line}, column "{header[at]}": no date')
        if isinstance(when, dates.MonthDay):
            month_days.append((len(found), when))
            found.append(None)
        else:
            found.append(when)
    if month_days:
        try:
            given = years.with_years([day for _, day in month_days], today)
        except years.Ambiguous as error:
            index = month_days[error.index][0]
            before = month_days[error.index - 1][0]
            raise SourceError(
                f'{name}: row {body[index][0]}, column "{header[at]}": {shown(cells[index])} lies'
                f" {years.NEAR} days or more either way from {shown(cells[before])} above it, so its"
                " year cannot be told; download the export with years or for fewer days"
            ) from None
        for (index, _), day in zip(month_days, given, strict=True):
            found[index] = day
    return found


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
                raise SourceError(f'{name}: row {line}, column "{header[quantity_at]}": {error}') from None
            first[quantity_at] = str(sum(quantities))
    return orders


def _continues(order: list[Cell], cells: list[Cell], order_at: int, total_at: int) -> bool:
    same = order_at < len(cells) and cells[order_at] == order[order_at]
    return same and not (total_at < len(cells) and cell_text(cells[total_at]))


def _monthly(
    line: int, cells: list[Cell], values: dict[str, Value], names: list[str], month_at: int,
    header: tuple[str, ...], name: str,
) -> Row:  # fmt: skip
    try:
        month: Month = to_month(cells[month_at])
    except BadValue as error:
        raise SourceError(f'{name}: row {line}, column "{header[month_at]}": {error}') from None
    metric = values[header[names.index("metric id")]]
    if not metric:
        raise SourceError(f'{name}: row {line}, column "{header[names.index("metric id")]}": no metric ID')
    return Row(line, None, values, month=month, metric_id=str(metric))


def _cell_error(
    line: int, cells: list[Cell], readers: list[Reader], header: tuple[str, ...], name: str
) -> SourceError:
    for column, read, cell in zip(header, readers, cells, strict=False):
        try:
            read(cell)
        except BadValue as error:
            return SourceError(f'{name}: row {line}, column "{column}": {error}')
    return SourceError(f"{name}: row {line}: cannot be read")  # pragma: no cover - one cell raised
