"""Reading a newly written workbook back and proving it holds what it should, before it replaces the old.

Every part copied from the old file must be there with the same checksum and sizes; every plan sheet
must be there and, unless its part was copied as it was, read back through sheetplan's own reader
with the same value in every cell as before; the review sheet must be there and the Review log must
read back as the rows written.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any, NoReturn

from sheetplan.plan.addresses import column_letter, quote_sheet
from sheetplan.plan.errors import WriteError
from sheetplan.plan.i18n import _
from sheetplan.plan.model import ErrorValue, FormulaValue
from sheetplan.plan.schema import REVIEW_LOG
from sheetplan.read.workbook import read_workbook
from sheetplan.review.log import LogRow, parse_log
from sheetplan.xlsx.book import read_book
from sheetplan.xlsx.package import Package, copied_intact


def verify_saved(
    saved: Path,
    target: Path,
    before: Mapping[str, Sequence[Sequence[Any]]],
    sheet: str,
    log: list[LogRow],
    kept: Sequence[str] = (),
) -> None:
    """Raise WriteError, naming the first difference, unless `saved` holds what it should.

    `target` is the file `saved` is meant to replace, for the message; `before` the old file's values
    of the sheets that must not change, `sheet` the review sheet's name, `log` the Review log's rows
    and `kept` the parts copied from `target` as they were. A sheet of `before` whose part was copied
    as it was, and is still the part its name points at, holds the same bytes as before: only the
    others are read back and compared cell by cell.
    """
    changed = copied_intact(target, saved, kept) if kept else []
    if changed:
        _fail(target, f"the part {changed[0]} is not as it was")
    reread = set(before)
    if kept:
        old, new = _sheet_parts(target), _sheet_parts(saved)
        moved = next((name for name in before if new.get(name) != old.get(name)), None)
        if moved is not None:
            _fail(target, f"the sheet {moved!r} does not point at its own part")
        reread = {name for name in before if old.get(name) not in kept}
    listed: list[str] = []

    def wanted(name: str) -> bool:
        listed.append(name)
        return name in reread or REVIEW_LOG.is_named(name)

    try:
        after = read_workbook(saved, "xlsx", wanted=wanted)
    except Exception as error:  # whatever the reader makes of a bad file, the old one stays
        _fail(target, f"it cannot be read back ({error})")
    for name in before:
        if name not in listed:
            _fail(target, f"the sheet {name!r} is missing")
    for name in sorted(reread):
        difference = _first_difference(before[name], after[name])
        if difference is not None:
            (row, column), was, now = difference
            where = f"{quote_sheet(name)}!{column_letter(column)}{row}"
            _fail(target, f"{where} would read {_shown(now)} instead of {_shown(was)}")
    if sheet not in listed:
        _fail(target, f"the sheet {sheet!r} is missing")
    written = next((rows for name, rows in after.items() if REVIEW_LOG.is_named(name)), [])
    if parse_log(written) != log:
        _fail(target, "the Review log does not read back as written")


def _sheet_parts(path: Path) -> dict[str, str]:
    """Each sheet's name and the part that holds it, as the workbook part of the file at `path` says."""
    with Package(path, str(path)) as package:
        return {entry.name: entry.part for entry in read_book(package).sheets}


def _first_difference(
    before: Sequence[Sequence[Any]], after: Sequence[Sequence[Any]]
) -> tuple[tuple[int, int], Any, Any] | None:
    """The first cell (row, column) whose value differs, with its old and new value; None when none does.

    A blank cell may be read as `None` or `''`.
    """
    for number in range(1, max(len(before), len(after)) + 1):
        old = before[number - 1] if number <= len(before) else ()
        new = after[number - 1] if number <= len(after) else ()
        if list(old) == list(new):
            continue
        for column in range(1, max(len(old), len(new)) + 1):
            was = old[column - 1] if column <= len(old) else None
            now = new[column - 1] if column <= len(new) else None
            if not _same(was, now):
                return (number, column), was, now
    return None


def _same(was: Any, now: Any) -> bool:
    if was in (None, "") and now in (None, ""):
        return True
    return type(was) is type(now) and was == now


def _shown(value: Any) -> str:
    """A cell's value as the user would recognise it: 950 (not 950.0), "text", a formula, blank."""
    if value is None or value == "":
        return "blank"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, FormulaValue):
        return value.formula
    if isinstance(value, ErrorValue):
        return value.code
    if isinstance(value, str):
        return f'"{value}"'
    return str(value)


def _fail(target: Path, detail: str) -> NoReturn:
    raise WriteError(
        _("{target}: not written, because after saving {detail}; the file is unchanged").format(
            target=target, detail=detail
        )
    )
