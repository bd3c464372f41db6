"""The sheets `sheetplan import` writes whole, as `SheetLayout`s: the Import log, and the Posts sheet
of a plan that has none yet (a plan's own Posts sheet is only ever changed cell by cell)."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import date, datetime

from sheetplan.imports.log import Imported
from sheetplan.layout.sheet import HEADER_COLOUR, Cell, CellContent, SheetLayout, Style
from sheetplan.plan.model import CellValue
from sheetplan.plan.schema import DATE_FORMAT, IMPORT_LOG, POSTS, Lang, Sheet

_STYLES = {
    "header": Style(bold=True, colour="FFFFFF", fill=HEADER_COLOUR, valign="center", wrap=True),
    "text": Style(),
    "lines": Style(wrap=True),
    "whole": Style(number_format="#,##0"),
    "fraction": Style(number_format="#,##0.00####"),
    "date": Style(number_format=DATE_FORMAT),
    "time": Style(number_format=DATE_FORMAT + " hh:mm"),
}


def import_log_layout(records: Sequence[Imported], lang: Lang) -> SheetLayout:
    """The Import log holding `records`, in `lang`."""
    return _table(IMPORT_LOG, [record.cells(lang) for record in records], lang)


def posts_layout(rows: Sequence[Mapping[str, CellValue]], lang: Lang) -> SheetLayout:
    """A Posts sheet holding `rows` (by schema key), for a plan that has none."""
    keys = [column.key for column in POSTS.columns]
    return _table(POSTS, [tuple(row.get(key) for key in keys) for row in rows], lang)


def _table(sheet: Sheet, rows: Sequence[Sequence[CellValue]], lang: Lang) -> SheetLayout:
    columns = sheet.columns
    cells = [Cell(1, number, spec.header(lang), "header") for number, spec in enumerate(columns, start=1)]
    for number, values in enumerate(rows, start=2):
        for column, value in enumerate(values, start=1):
            if value is not None and value != "":
                content = value if isinstance(value, str | int | float | date) else str(value)
                cells.append(Cell(number, column, content, _style(content)))
    name = sheet.name(lang)
    return SheetLayout(
        name=name,
        cells=tuple(cells),
        styles=_STYLES,
        widths={number: float(spec.width) for number, spec in enumerate(columns, start=1)},
        landscape=False,
        footer=name,
    )


def _style(value: CellContent) -> str:
    if isinstance(value, datetime):
        return "time"
    if isinstance(value, date):
        return "date"
    if isinstance(value, str):
        return "lines" if "\n" in value else "text"
    if isinstance(value, int | float):
        return "whole" if float(value).is_integer() else "fraction"
    return "text"
