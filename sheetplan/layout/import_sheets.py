"""The sheets `sheetplan import` writes whole, as `SheetLayout`s: the Import log, and the Posts sheet
of a plan that has none yet (a plan's own Posts sheet is only ever changed cell by cell)."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime

from sheetplan.imports.cells import Entry
from sheetplan.imports.log import Imported
from sheetplan.layout import labels
from sheetplan.layout.sheet import HEADER_COLOUR, Cell, Rows, SheetLayout, Style
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


def posts_layout(rows: Sequence[Sequence[Entry]], lang: Lang) -> SheetLayout:
    """A Posts sheet holding `rows` (each in the order of the sheet's columns), for a plan that has none."""
    return _table(POSTS, rows, lang)


def _table(sheet: Sheet, rows: Sequence[Sequence[Entry]], lang: Lang) -> SheetLayout:
    columns = sheet.columns
    header = tuple(
        Cell(1, number, spec.header(lang), "header") for number, spec in enumerate(columns, start=1)
    )
    by_column = list(zip(*rows, strict=True)) or [()] * len(columns)
    styles = tuple(_style(spec.type, values) for spec, values in zip(columns, by_column, strict=True))
    name = sheet.name(lang)
    return SheetLayout(
        name=name,
        cells=header,
        styles=_STYLES,
        widths={number: float(spec.width) for number, spec in enumerate(columns, start=1)},
        landscape=False,
        footer=name,
        page_label=labels.PAGE(lang),
        rows=Rows(2, rows, styles),
    )


def _style(kind: str, values: Sequence[Entry]) -> str:
    """A column's style, from its schema type and what it holds: a time shown where any value has one,
    text wrapped where any runs over lines, whole numbers without decimals."""
    if kind == "date":
        return "time" if any(isinstance(value, datetime) for value in values) else "date"
    # Each test over a column at once: a new Posts sheet has ten thousand rows.
    if kind == "number":
        whole = all(map(float.is_integer, [value for value in values if type(value) is float]))
        return "whole" if whole else "fraction"
    texts = [value for value in values if type(value) is str]
    return "lines" if "\n" in "".join(texts) else "text"
