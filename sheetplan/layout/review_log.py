"""The Review log sheet as a `SheetLayout`: a header row, then one row per metric and month.

Numbers show without decimals when they are whole and with two when not; percentages with one; each
status in its colour. It prints portrait, one page wide, its header row on every page.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import cast

from sheetplan.layout import labels
from sheetplan.layout.review import STATUS_COLOURS
from sheetplan.layout.sheet import HEADER_COLOUR, Cell, CellContent, ColourRule, Range, SheetLayout, Style
from sheetplan.plan.schema import REVIEW_LOG, STATUS, Lang
from sheetplan.review.log import LogRow

_STYLES: dict[str, Style] = {
    "header": Style(bold=True, colour="FFFFFF", fill=HEADER_COLOUR, valign="center", wrap=True),
    "text": Style(),
    "whole": Style(number_format="#,##0"),
    "fraction": Style(number_format="#,##0.00"),
    "percent": Style(number_format="0.0%"),
    **{status: Style(fill=fill, colour=colour) for status, (fill, colour) in STATUS_COLOURS.items()},
}


def log_layout(rows: Sequence[LogRow], lang: Lang) -> SheetLayout:
    """The Review log holding `rows`, in `lang`."""
    name = REVIEW_LOG.name(lang)
    columns = REVIEW_LOG.columns
    cells = [Cell(1, number, spec.header(lang), "header") for number, spec in enumerate(columns, start=1)]
    kinds = [spec.type for spec in columns]
    for number, row in enumerate(rows, start=2):
        for column, (kind, value) in enumerate(zip(kinds, row.cells(lang), strict=True), start=1):
            cells.append(Cell(number, column, cast(CellContent, value), _style(kind, value)))
    status = len(columns)
    last = max(len(rows) + 1, 2)
    rules = tuple(
        ColourRule(Range(2, status, last, status), label, value)
        for value in STATUS.values
        for label in dict.fromkeys(STATUS.label(value, each) for each in ("en", "bg"))
    )
    return SheetLayout(
        name=name,
        cells=tuple(cells),
        styles=_STYLES,
        rules=rules,
        widths={number: float(spec.width) for number, spec in enumerate(columns, start=1)},
        landscape=False,
        footer=name,
        page_label=labels.PAGE(lang),
    )


def _style(kind: str, value: object) -> str:
    if not isinstance(value, int | float):
        return "text"
    if kind == "percent":
        return "percent"
    return "whole" if float(value).is_integer() else "fraction"
