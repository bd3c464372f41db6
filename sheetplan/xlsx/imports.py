"""Writing an import into an .xlsx or .xlsm workbook: Actuals and Posts cell by cell, the Import log whole.

The cells named change in their sheets (`fill.put_cells`), and the Import log (and, for a plan that
had none, a Posts sheet) goes in as a sheet sheetplan owns (`graft`), after the plan's sheets; every
other part is copied as it is. Before the new file replaces the old, the copied parts must be intact,
the changed sheets must read back as before with the new values in place, and the Import log as
written. A new Posts sheet, like a review sheet, is sheetplan's own XML and is not read back.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

from sheetplan.files.safe_save import refuse_unwritable, replace_safely
from sheetplan.imports.log import Imported, parse_import_log
from sheetplan.layout.sheet import SheetLayout
from sheetplan.plan.collector import gc_paused
from sheetplan.plan.errors import WriteError
from sheetplan.plan.i18n import _
from sheetplan.plan.model import Grid, Month
from sheetplan.plan.schema import IMPORT_LOG, POSTS, sheet_by_name
from sheetplan.read.workbook import read_workbook
from sheetplan.xlsx.book import read_book
from sheetplan.xlsx.fill import Changes, compare_cells, put_cells, verify_intact
from sheetplan.xlsx.graft import Graft, graft
from sheetplan.xlsx.package import Package


def write_import(
    path: Path,
    before: Grid,
    changes: Changes,
    log: SheetLayout,
    records: Mapping[tuple[str, Month], Imported],
    posts: SheetLayout | None = None,
) -> Path | None:
    """Set `changes` in the workbook at `path`, whose sheets `before` holds as read, put in the Import
    log `log` (holding `records`) and the new Posts sheet `posts`, in place and safely; the backup of
    the old file."""
    if path.suffix.lower() == ".ods":
        raise WriteError(
            _(
                "{path}: is an OpenDocument spreadsheet (.ods), which sheetplan reads but does "
                "not write; save it as .xlsx in LibreOffice and import into that"
            ).format(path=path)
        )
    refuse_unwritable(path)
    with gc_paused(), Package(path, str(path)) as package:
        put_cells(package, changes, str(path))
        graft(package, _grafts(package, log, posts))
        kept = package.unchanged()

        def verify(saved: Path) -> None:
            verify_intact(saved, path, kept)
            # One read of the saved file for the sheets set and the Import log.
            after = read_workbook(
                saved,
                "xlsx",
                wanted=lambda name: name in changes or IMPORT_LOG.is_named(name),
                name=str(path),
            )
            compare_cells(after, path, before, changes)
            _verify_log(after, path, log.name, records)

        return replace_safely(path, package.write, verify)


def _grafts(package: Package, log: SheetLayout, posts: SheetLayout | None) -> list[Graft]:
    """The new Posts sheet after the plan's last sheet, and the Import log in its old place or after it."""
    names = [sheet.name for sheet in read_book(package).sheets]
    last_plan = max(
        (index for index, name in enumerate(names) if sheet_by_name(name) not in (None, IMPORT_LOG)),
        default=len(names) - 1,
    )
    grafts = []
    if posts is not None and not any(POSTS.is_named(name) for name in names):
        grafts.append(Graft(posts, None, last_plan + 1))
        last_plan += 1
    old_log = next((name for name in names if IMPORT_LOG.is_named(name)), None)
    grafts.append(Graft(log, old_log, last_plan + 1, freeze=1, filter_columns=len(IMPORT_LOG.columns)))
    return grafts


def _verify_log(
    found: Mapping[str, Sequence[Sequence[Any]]],
    path: Path,
    log_name: str,
    records: Mapping[tuple[str, Month], Imported],
) -> None:
    log = found.get(log_name)
    if log is None or parse_import_log(log) != dict(records):
        raise WriteError(
            _("{path}: not written, because the {sheet} sheet does not read back as written").format(
                path=path, sheet=log_name
            )
        )
