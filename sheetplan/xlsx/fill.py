"""Setting cells of a workbook's existing sheets in place, the rest of the workbook copied as it is.

Each sheet named gets its cells set by `cells.set_cells`; every other part of the zip is copied
unchanged (`xlsx.package`). When a formula cell is overwritten, Excel's calculation chain
(`xl/calcChain.xml`) is dropped, with its relationship and content type, since Excel calls a file
whose chain lists a cell without a formula damaged; Excel builds a new one on opening.

The save goes through `safe_save.replace_safely`: before the new file replaces the old one, the
sheets that changed are read back with sheetplan's own reader and must hold exactly what they held
before with the new values in place; every other part must be copied intact.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import date, datetime, time
from pathlib import Path
from typing import Any

from sheetplan.files.safe_save import refuse_unwritable, replace_safely
from sheetplan.plan.addresses import column_letter, quote_sheet
from sheetplan.plan.collector import gc_paused
from sheetplan.plan.errors import WriteError
from sheetplan.plan.i18n import _
from sheetplan.read.workbook import read_workbook
from sheetplan.xlsx import opc
from sheetplan.xlsx.book import Book, read_book
from sheetplan.xlsx.cell_values import MAX_TEXT, NOT_XML, CellInput, serial
from sheetplan.xlsx.cells import set_cells
from sheetplan.xlsx.package import Package, copied_intact

Changes = Mapping[str, Mapping[tuple[int, int], CellInput]]
"""The cells to set, by sheet name, then by 1-based (row, column)."""


def fill(path: Path, changes: Changes) -> Path | None:
    """Set `changes` in the workbook at `path`, in place and safely; the backup of the old file.

    WriteError, with the file unchanged, when a sheet is missing or a cell cannot be set.
    """
    refuse_unwritable(path)
    with gc_paused(), Package(path, str(path)) as package:
        before = read_workbook(path, "xlsx", wanted=changes.__contains__, name=str(path))
        put_cells(package, changes, str(path))
        kept = package.unchanged()

        def verify(saved: Path) -> None:
            verify_filled(saved, path, before, changes, kept)

        return replace_safely(path, package.write, verify)


def put_cells(package: Package, changes: Changes, label: str) -> None:
    """Set `changes` in the sheets of `package` (`label` names it in messages), dropping the calculation
    chain when a formula goes; WriteError when a sheet is missing or a cell cannot be set."""
    workbook = read_book(package)
    parts = {sheet.name: sheet.part for sheet in workbook.sheets if sheet.worksheet}
    missing = sorted(set(changes) - set(parts))
    if missing:
        raise WriteError(
            _("{label}: has no sheet {missing!r}; nothing was written").format(
                label=label, missing=missing[0]
            )
        )
    formulas_replaced = False
    for name, values in changes.items():
        changed = set_cells(package.read(parts[name]), values, f"{label}: {quote_sheet(name)}")
        package.put(parts[name], changed.xml)
        formulas_replaced |= changed.replaced_formulas
    if formulas_replaced:
        _drop_calculation_chain(package, workbook)


def _drop_calculation_chain(package: Package, workbook: Book) -> None:
    for link in workbook.rels:
        if link.type == opc.CALC_CHAIN:
            package.drop(link.target)
            package.put(workbook.rels_part, opc.drop_relationship(package.read(workbook.rels_part), link.id))
            package.put(opc.CONTENT_TYPES, opc.drop_override(package.read(opc.CONTENT_TYPES), link.target))


def verify_filled(
    saved: Path, path: Path, before: Mapping[str, Sequence[Sequence[Any]]], changes: Changes, kept: list[str]
) -> None:
    """WriteError unless `saved` holds every part of `kept` intact and the changed sheets as they were
    in `before` with `changes` in place."""
    verify_intact(saved, path, kept)
    verify_cells(saved, path, before, changes)


def verify_intact(saved: Path, path: Path, kept: list[str]) -> None:
    """WriteError unless every part of `kept` is in `saved` as it is in `path`."""
    damaged = copied_intact(path, saved, kept)
    if damaged:
        raise WriteError(
            _("{path}: not written, because after saving the part {damaged} is not as it was").format(
                path=path, damaged=damaged[0]
            )
        )


def verify_cells(
    saved: Path, path: Path, before: Mapping[str, Sequence[Sequence[Any]]], changes: Changes
) -> None:
    """WriteError unless each sheet of `changes` in `saved` reads back as it did in `before`, the file
    `saved` replaces, with the changed cells as set."""
    compare_cells(
        read_workbook(saved, "xlsx", wanted=changes.__contains__, name=str(path)), path, before, changes
    )


def compare_cells(
    after: Mapping[str, Sequence[Sequence[Any]]],
    path: Path,
    before: Mapping[str, Sequence[Sequence[Any]]],
    changes: Changes,
) -> None:
    """WriteError unless each sheet of `changes` as read back (`after`) holds what it did in `before`
    with the changed cells as set."""
    for name, values in changes.items():
        old_rows, new_rows = before.get(name, []), after.get(name, [])
        set_in: dict[int, dict[int, Any]] = {}
        for (row, column), value in values.items():
            set_in.setdefault(row, {})[column] = _as_read(value)
        for number in range(1, max(len(old_rows), len(new_rows), *set_in, 0) + 1):
            old = old_rows[number - 1] if number <= len(old_rows) else ()
            new = new_rows[number - 1] if number <= len(new_rows) else ()
            if number not in set_in and old == new:
                continue  # the usual row, read back as it was: compared in one step
            expected = _cells(old) | set_in.get(number, {})
            found = _cells(new)
            for column in sorted(expected.keys() | found.keys()):
                if not _same(expected.get(column), found.get(column)):
                    where = f"{quote_sheet(name)}!{column_letter(column)}{number}"
                    raise _not_as_set(path, where, found.get(column), expected.get(column))


def _not_as_set(path: Path, where: str, found: Any, expected: Any) -> WriteError:
    return WriteError(
        _(
            "{path}: not written, because after saving {where} would read {found!r} instead of "
            "{expected!r}; the file is unchanged"
        ).format(path=path, where=where, found=found, expected=expected)
    )


def _cells(row: Sequence[Any]) -> dict[int, Any]:
    """A row's cells by 1-based column, blanks left out."""
    return {column: value for column, value in enumerate(row, start=1) if value not in (None, "")}


def _as_read(value: CellInput) -> Any:
    """A value as sheetplan's reader gives it back: whole numbers as floats, text as XML holds it,
    blanks as nothing."""
    if isinstance(value, str):
        value = NOT_XML.sub("", value)[:MAX_TEXT]
    if value == "" or value is None:
        return None
    if isinstance(value, int) and not isinstance(value, bool):
        return float(value)
    return value


def _same(expected: Any, found: Any) -> bool:
    if isinstance(expected, str) and isinstance(found, str):
        return expected.replace("\r\n", "\n").replace("\r", "\n") == found.replace("\r\n", "\n")
    if isinstance(expected, date) and isinstance(found, float):
        # A date in a cell not formatted as one reads as its serial number.
        return found == serial(expected)
    if isinstance(expected, date) and isinstance(found, date):
        return found == expected or (
            isinstance(found, datetime) and found == datetime.combine(expected, time())
        )
    return bool(expected == found and type(expected) is type(found))
