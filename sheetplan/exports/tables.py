"""Splits an export's text into tables of records, each record with the line it starts on.

What comes before the data is kept for `recognise` and `read` to look at: `#` comment lines (GA4
states its dates in them) as the table's comments, and lines above the header (Meta's series name)
as its first records. Excel's `sep=,` first line, which Meta writes, names the separator and is
dropped. A `#` line at the start or after a blank line is a comment, and one after data begins the
next table, as in a GA4 file holding several; a row whose first cell starts with `#` straight after
data is data (Shopify's orders are `#1001`). Blank lines are passed over.

The separator is `sep=`'s, or whichever of `,`, `;` and tab the first lines hold most of outside
quotes; a `;` file writes decimal commas (`1.234,5`), as spreadsheet programs in Europe do. Fields
longer than the `csv` module's limit (128 K characters) are refused: no platform writes captions
that long, and a file holding one is damaged or not an export.
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass, field

from sheetplan.exports.cells import Cell
from sheetplan.plan.errors import SourceError
from sheetplan.plan.formats import number
from sheetplan.plan.i18n import _, language

Record = tuple[int, list[Cell]]
"""A record: the line (or sheet row) it starts on, and its cells."""
_SEPARATORS = (",", ";", "\t")
_SNIFFED_LINES = 8


@dataclass
class RawTable:
    """One table of a file, before its kind is known."""

    records: list[Record] = field(default_factory=list)
    comments: list[str] = field(default_factory=list)
    """The `#` lines before it, without the `#`."""
    comma: bool = False
    """Whether its numbers have a decimal comma."""
    sheet: str | None = None
    """The workbook sheet it is, if it is one."""


def csv_tables(text: str, name: str) -> list[RawTable]:
    """The tables of a CSV export's text; SourceError for a file cut short or with a giant field."""
    first_line_end = text.find("\n")
    first = (text if first_line_end < 0 else text[:first_line_end]).strip().strip('"')
    skipped = 0
    if first.casefold().startswith("sep=") and len(first) == 5:
        separator = first[4]
        text = "" if first_line_end < 0 else text[first_line_end + 1 :]
        skipped = 1
    else:
        separator = sniff(text)
    comma = separator == ";"
    tables: list[RawTable] = []
    current = RawTable(comma=comma)
    gap = True
    append = current.records.append
    # One pass as the reader goes: the file's records are many, and each is looked at once.
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=separator, strict=True)
    start = 1 + skipped
    try:
        for cells in reader:
            if not (cells and (cells[0] or "".join(cells).strip())):
                gap = True
            elif gap and cells[0].lstrip()[:1] == "#":
                if current.records:
                    tables.append(current)
                    current = RawTable(comma=comma)
                    append = current.records.append
                current.comments.append(separator.join(cells).lstrip()[1:].strip())
            else:
                gap = False
                append((start, cells))  # type: ignore[arg-type]
            start = reader.line_num + 1 + skipped
    except csv.Error as error:
        raise _unreadable(error, start, name) from None
    if current.records or current.comments:
        tables.append(current)
    _check_complete(text, tables, name)
    return tables


def _unreadable(error: csv.Error, row: int, name: str) -> SourceError:
    """What the `csv` module's error at `row` means for the file."""
    why = str(error)
    if "field limit" in why:
        message = _("{name}: row {row}: a field is longer than {most} characters; not an export")
    elif "end of data" in why or "EOF" in why:
        message = _("{name}: row {row}: the file ends inside a quoted field; it seems cut short")
    else:
        message = _("{name}: row {row}: not readable as CSV ({error})")
    most = number(csv.field_size_limit(), language()) if "field limit" in why else ""
    return SourceError(message.format(name=name, row=row, most=most, error=why))


def _check_complete(text: str, tables: list[RawTable], name: str) -> None:
    """Refuse a file whose last record stops short of the one before, with no line end after it."""
    if not tables or text.endswith(("\n", "\r")):
        return
    records = tables[-1].records
    if len(records) >= 2 and len(records[-1][1]) < len(records[-2][1]):
        line, cells = records[-1]
        raise SourceError(
            _(
                "{name}: row {row}: the file ends after {count} of {columns} columns; it seems cut short"
            ).format(name=name, row=line, count=len(cells), columns=len(records[-2][1]))
        )


def sniff(text: str) -> str:
    """The separator of the first lines that are not `#` comments: the one found most outside quotes."""
    counts = dict.fromkeys(_SEPARATORS, 0)
    lines = 0
    quoted = False
    start = 0
    while lines < _SNIFFED_LINES and start < len(text):
        end = text.find("\n", start)
        end = len(text) if end < 0 else end
        line = text[start:end]
        start = end + 1
        if not quoted and (not line.strip() or line.lstrip().startswith("#")):
            continue
        for char in line:
            if char == '"':
                quoted = not quoted
            elif not quoted and char in counts:
                counts[char] += 1
        lines += 0 if quoted else 1
    return max(_SEPARATORS, key=lambda separator: (counts[separator], separator == ","))
