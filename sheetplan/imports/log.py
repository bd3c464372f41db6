"""The Import log: every Actuals cell an import filled, the number it wrote and the files it came from.

The next import reads it to tell a number it wrote (which it may update) from one a person typed
(a conflict), and the files' SHA-256 say exactly which download each number came from. The log holds
one row per metric and month, the latest import's; sheetplan rewrites the whole sheet.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import date
from typing import NamedTuple

from sheetplan.plan.model import CellValue, Month
from sheetplan.plan.schema import IMPORT_LOG, Lang, column_by_header
from sheetplan.read.dates import named_month


class Imported(NamedTuple):
    """One row of the Import log."""

    month: Month
    metric_id: str
    value: float | None
    cell: str
    """The Actuals cell written, such as `Actuals!F7`."""
    files: tuple[str, ...]
    sha256: tuple[str, ...]
    """Each file's SHA-256, in the order of `files`."""
    exports: tuple[str, ...]
    """The kinds of export the number came from."""

    def cells(self, lang: Lang) -> tuple[str | float | None, ...]:
        """The row's values in the order of the sheet's columns (the same in both languages)."""
        del lang
        return (
            str(self.month),
            self.metric_id,
            self.value,
            self.cell,
            "\n".join(self.files),
            "\n".join(self.sha256),
            "\n".join(self.exports),
        )


def parse_import_log(rows: Sequence[Sequence[CellValue]]) -> dict[tuple[str, Month], Imported]:
    """The rows of an Import log sheet, by metric and month; rows that do not read as a month and a
    metric ID are left out (a later row for the same cell wins)."""
    if not rows:
        return {}
    positions: dict[str, int] = {}
    for index, header in enumerate(rows[0]):
        column = column_by_header(IMPORT_LOG, str(header)) if header is not None else None
        if column is not None:
            positions.setdefault(column.key, index)
    if "month" not in positions or "metric_id" not in positions:
        return {}
    found: dict[tuple[str, Month], Imported] = {}
    for cells in rows[1:]:
        values = {key: cells[index] if index < len(cells) else None for key, index in positions.items()}
        month = _month(values["month"])
        if month is None:
            continue
        metric_id = str(values["metric_id"] or "").strip()
        if not metric_id:
            continue
        value = values.get("value")
        number = float(value) if isinstance(value, int | float) and not isinstance(value, bool) else None
        found[metric_id, month] = Imported(
            month,
            metric_id,
            number,
            str(values.get("cell") or ""),
            _lines(values.get("files")),
            _lines(values.get("sha256")),
            _lines(values.get("exports")),
        )
    return found


def _month(value: CellValue) -> Month | None:
    """A month as the log holds it: `YYYY-MM` text, the date a spreadsheet program made of it, or the
    month's name and year as someone typed it (`November 2026`, `ноември 2026`)."""
    if isinstance(value, date):
        return Month.of(value)
    try:
        return Month.parse(str(value))
    except ValueError:
        return named_month(value) if isinstance(value, str) else None


def _lines(value: CellValue) -> tuple[str, ...]:
    return tuple(line.strip() for line in str(value or "").splitlines() if line.strip())


def ordered(records: Iterable[Imported], metric_order: Sequence[str]) -> list[Imported]:
    """The log's rows by month, then in the plan's order of metrics (others after them)."""
    order = {metric_id: index for index, metric_id in enumerate(metric_order)}
    return sorted(
        records, key=lambda item: (item.month, order.get(item.metric_id, len(order)), item.metric_id)
    )
