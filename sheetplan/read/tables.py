"""Finds the plan's sheets in a Grid, and in each sheet its header row and the column of every header.

Matching is tolerant (docs/workbook.md): sheet names and headers in English or Bulgarian, any case,
extra spaces, any column order, the user's own columns ignored, and a header row that need not be row
1 (the first rows are searched for the required headers). What cannot be matched at all is structural
and raises `SourceError`; smaller trouble becomes a Problem.
"""

from __future__ import annotations

from collections.abc import Collection, Iterable, Iterator, Sequence
from dataclasses import dataclass, field

from sheetplan.plan import schema
from sheetplan.plan.addresses import column_letter, quote_sheet
from sheetplan.plan.errors import SourceError
from sheetplan.plan.i18n import _, n_
from sheetplan.plan.model import CellValue, Grid, Month, Problem, Severity, SheetLocation
from sheetplan.read import values
from sheetplan.read.sparse import numbered

_HEADER_SEARCH_ROWS = 20
"""How many rows from the top of a sheet may hold the header row."""

REQUIRED_SHEETS = tuple(sheet.key for sheet in schema.INPUT_SHEETS if not sheet.optional)
"""Sheets a plan cannot do without."""

Row = tuple[int, Sequence[CellValue]]
"""A data row: its 1-based row number and its cells."""


@dataclass
class Table:
    """One schema sheet as found in the workbook: where its headers are and which column holds what."""

    sheet: schema.Sheet
    name: str
    rows: Sequence[Sequence[CellValue]]
    header_row: int
    columns: dict[str, int]
    """Schema column key to its 0-based index."""
    months: dict[Month, int] = field(default_factory=dict)
    """On Forecasts and Actuals, each month header's 0-based index."""

    def address(self, row: int, index: int) -> str:
        """A cell's address, `Actions!E5`, from a 1-based row and a 0-based column index."""
        return f"{quote_sheet(self.name)}!{column_letter(index + 1)}{row}"

    def row_address(self, row: int) -> str:
        return f"{quote_sheet(self.name)}!{row}:{row}"

    def location(self, rows: dict[str, int] | None = None) -> SheetLocation:
        columns = {key: index + 1 for key, index in self.columns.items()}
        columns |= {str(month): index + 1 for month, index in self.months.items()}
        return SheetLocation(self.name, columns, self.header_row, rows or {})

    def data(self, ignore: Sequence[str] = ()) -> Iterator[Row]:
        """The rows below the header row that hold anything in the columns sheetplan reads.

        Columns in `ignore` do not count: Forecasts' Metric column holds a formula in every row.
        """
        columns = [index for key, index in self.columns.items() if key not in ignore]
        indexes = sorted({*columns, *self.months.values()})
        for number, cells in numbered(self.rows, self.header_row + 1):
            width = len(cells)
            for index in indexes:
                value = cells[index] if index < width else None
                if value is not None and value != "" and not (isinstance(value, str) and value.isspace()):
                    yield number, cells
                    break


def find_sheets(
    grid: Grid, source: str, required: Collection[str] = REQUIRED_SHEETS
) -> tuple[dict[str, str], schema.Lang, list[Problem]]:
    """Each schema sheet's key to its name in the workbook, the workbook's language, and problems;
    SourceError when a sheet of `required` (the keys of the sheets a plan cannot do without) is missing."""
    found: dict[str, str] = {}
    problems: list[Problem] = []
    for name in grid:
        sheet = schema.sheet_by_name(name)
        if sheet is None or sheet not in schema.INPUT_SHEETS:
            continue
        if sheet.key in found:
            problems.append(
                Problem(
                    "warning",
                    name,
                    None,
                    "duplicate_sheet",
                    _("{sheet} is the same sheet; this one is ignored").format(sheet=found[sheet.key]),
                )
            )
            continue
        found[sheet.key] = name
    lang = language_of(found.values())
    missing = [schema.sheet_by_key(key).name(lang) for key in required if key not in found]
    if missing:
        named = ", ".join(values.shown(name) for name in missing)
        message = n_("{source}: no sheet named {names}", "{source}: no sheets named {names}", len(missing))
        raise SourceError(message.format(source=source, names=named))
    return found, lang, problems


def language_of(names: Iterable[str]) -> schema.Lang:
    """The language a workbook's sheet names are in: Bulgarian when more of them are Bulgarian."""
    votes = dict.fromkeys(schema.LANGS, 0)
    for name in names:
        sheet = schema.sheet_by_name(name)
        if sheet is not None:
            for language in schema.LANGS:
                votes[language] += schema.normalise(name) == schema.normalise(sheet.name(language))
    return "bg" if votes["bg"] > votes["en"] else "en"


def find_table(
    grid: Grid, sheet: schema.Sheet, name: str, lang: schema.Lang, source: str, problems: list[Problem]
) -> Table:
    """Where `sheet`'s headers are on the workbook sheet `name`; SourceError when a required one is missing.

    The header row is the one among the first rows that names the most required columns, then the
    most columns (month headers count on Forecasts and Actuals).
    """
    rows = grid[name]
    best, best_score, best_keys = 0, (0, 0), set[str]()
    required = {column.key for column in sheet.required}
    for number, cells in enumerate(rows[:_HEADER_SEARCH_ROWS], start=1):
        keys = {
            column.key
            for cell in cells
            if isinstance(cell, str) and (column := schema.column_by_header(sheet, cell))
        }
        months = sum(1 for cell in cells if _is_month(cell)) if sheet.monthly else 0
        score = (len(keys & required), len(keys) + months)
        if score > best_score:
            best, best_score, best_keys = number, score, keys
    if not best:
        headers = ", ".join(values.shown(column.header(lang)) for column in sheet.required)
        raise SourceError(
            _(
                "{source}: sheet {sheet} has no header row (none of rows 1-{last} has the headers {headers})"
            ).format(source=source, sheet=name, last=_HEADER_SEARCH_ROWS, headers=headers)
        )
    missing = [column.header(lang) for column in sheet.required if column.key not in best_keys]
    if missing:
        named = ", ".join(values.shown(header) for header in missing)
        message = n_(
            "{source}: sheet {sheet} has no column {names} (header row {row})",
            "{source}: sheet {sheet} has no columns {names} (header row {row})",
            len(missing),
        )
        raise SourceError(message.format(source=source, sheet=name, names=named, row=best))
    table = Table(sheet, name, rows, best, {})
    _read_headers(table, rows[best - 1], problems)
    return table


def _is_month(cell: CellValue) -> bool:
    if values.is_blank(cell):
        return False
    try:
        values.to_month(cell)
    except values.BadValue:
        return False
    return True


def _read_headers(table: Table, cells: Sequence[CellValue], problems: list[Problem]) -> None:
    firsts: dict[str, int] = {}
    for index, cell in enumerate(cells):
        column = schema.column_by_header(table.sheet, cell) if isinstance(cell, str) else None
        if column is not None:
            key = column.key
        elif table.sheet.monthly and not values.is_blank(cell):
            try:
                month = values.to_month(cell)
            except values.BadValue:
                continue  # the user's own column
            key = str(month)
        else:
            continue
        address = table.address(table.header_row, index)
        if key in firsts:
            first = table.address(table.header_row, firsts[key])
            code = "duplicate_month" if column is None else "duplicate_column"
            what = key if column is None else values.shown(values.text(cell))
            severity: Severity = "error" if column is None else "warning"
            message = _("{header} is also the header of {first}; this column is ignored").format(
                header=what, first=first
            )
            problems.append(Problem(severity, table.name, address, code, message))
            continue
        firsts[key] = index
        if column is not None:
            table.columns[key] = index
        else:
            table.months[Month.parse(key)] = index
