"""Tells which kind of export a table is from what it holds: its header, the lines above it and,
for GA4, its `#` preamble; never from the file's name alone.

The header is looked for among a table's first rows (LinkedIn's sheets have a line of notes above
it, Meta's daily series the series' name). The particular shapes are tried first on each of those
rows, then the generic ones: YouTube's Totals (`Date,Views`, which a name of `Totals` or YouTube's
own columns tell from a Daily CSV), Search Console's Filters and the Daily CSV.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from datetime import date

from sheetplan.exports import shapes
from sheetplan.exports.cells import cell_text
from sheetplan.exports.model import folded
from sheetplan.exports.shapes import Shape
from sheetplan.exports.tables import RawTable

HEADER_ROWS = 10
"""The header is one of a table's first this many rows."""
_GA4_DATE = re.compile(r"[^:]{2,40}:\s*(\d{4})(\d{2})(\d{2})\s*")


@dataclass(frozen=True)
class Found:
    """A table's shape, and where its header is."""

    shape: Shape
    at: int
    """The index of the header among the table's records."""
    header: tuple[str, ...]
    """The header's cells as the file spells them, trimmed."""


def ga4_dates(comments: list[str]) -> tuple[date, date] | None:
    """The start and end dates a GA4 preamble states (`Start date: 20260701`), in any language."""
    found = [match for line in comments if (match := _GA4_DATE.fullmatch(line))]
    if len(found) < 2:
        return None
    try:
        start, end = (date(int(match[1]), int(match[2]), int(match[3])) for match in found[:2])
    except ValueError:
        return None
    return (start, end) if start <= end else None


def recognise(table: RawTable, stem: str, ga4: bool) -> Found | None:
    """The shape of a table, or None for one of no known kind.

    `stem` is the file's name without folder or suffix; `ga4` says an earlier table of the same file
    was GA4's, whose later tables share its kind.
    """
    if not table.records:
        return None
    if ga4 or ga4_dates(table.comments):
        header = _header(table, 0)
        day = next((column for column in header if folded(column) in shapes.DATE_COLUMNS), None)
        return Found(shapes.ga4(folded(day) if day else None), 0, header)
    candidates = [(at, _header(table, at)) for at in range(min(HEADER_ROWS, len(table.records)))]
    for at, header in candidates:
        names = {folded(column) for column in header}
        for shape in shapes.SHAPES:
            if all(mark in names for mark in shape.marks):
                return Found(_particular(shape, header), at, header)
    for at, header in candidates:
        found = _generic(header, stem)
        if found:
            return Found(found, at, header)
    return None


def _header(table: RawTable, at: int) -> tuple[str, ...]:
    """A row as a header: its cells as text, without the blank ones a spreadsheet leaves at its end."""
    header = [cell_text(cell) or "" for cell in table.records[at][1]]
    while header and not header[-1]:
        header.pop()
    return tuple(header)


def _particular(shape: Shape, header: tuple[str, ...]) -> Shape:
    """Search Console's table named by its first column (`Date` for Dates, `Top queries`...)."""
    if shape.kind.name != "Search Console":
        return shape
    first = folded(header[0])
    return replace(
        shape, variant=shapes.SEARCH_CONSOLE_TABLES.get(first), day="date" if first == "date" else None
    )


def _generic(header: tuple[str, ...], stem: str) -> Shape | None:
    names = [folded(column) for column in header]
    if names == ["filter", "value"]:
        return shapes.SEARCH_CONSOLE_FILTERS
    day = next((name for name in names if name in shapes.DATE_COLUMNS), None)
    if day is None or len(names) < 2:
        return None
    if folded(stem).startswith("totals") or any(name in shapes.YOUTUBE_COLUMNS for name in names):
        return shapes.YOUTUBE_TOTALS
    return shapes.daily(day)
