"""Writing the review into an .xlsx or .xlsm workbook without rewriting anything of the user's.

The workbook is never loaded into a model. Its zip is copied part by part, each part's compressed bytes
as they are, and only the parts the review needs are added or changed:

- the review sheet and the Review log (`xl/worksheets/sheetN.xml`, their `_rels`, drawing and charts),
  added, or put in place of the month's old review sheet and of the old log, whose own parts go;
- `xl/workbook.xml`: the new sheets' entries, `activeTab`, and defined names' `localSheetId` when a
  sheet goes in before others;
- `xl/_rels/workbook.xml.rels`, `[Content_Types].xml` and `docProps/app.xml`: the new parts listed;
- `xl/styles.xml`: the review's formats appended;
- in a user's sheet that was selected, its views' `tabSelected`, so that two tabs are never selected.

Strings go in inline, so `sharedStrings.xml` stays as it is, and so does every formula's saved result.
The review goes beside the plan only for an OpenDocument (.ods) plan: `NAME.review-YYYY-MM.xlsx`.
`--out PATH` writes such a workbook to PATH, or, when PATH is an existing workbook that is not
another plan, adds the review to it as to a plan.

Every save goes through `safe_save.replace_safely`: the new file is read back with sheetplan's own
reader and compared with the old one before it replaces it.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import replace
from pathlib import Path
from typing import Any

from sheetplan.files.guard import guard_file
from sheetplan.files.safe_save import refuse_unwritable, replace_safely
from sheetplan.layout.review import review_layout, review_month, review_position
from sheetplan.layout.review_log import log_layout
from sheetplan.layout.sheet import SheetLayout
from sheetplan.layout.written import Written, review_beside
from sheetplan.plan.collector import gc_paused
from sheetplan.plan.errors import UsageError, WriteError
from sheetplan.plan.i18n import _
from sheetplan.plan.model import Grid, Month, Plan
from sheetplan.plan.schema import INPUT_SHEETS, REVIEW_LOG
from sheetplan.read.workbook import read_workbook
from sheetplan.review.decisions import with_decisions
from sheetplan.review.log import LogRow, log_of, merged_log
from sheetplan.review.model import Review
from sheetplan.xlsx.book import read_book
from sheetplan.xlsx.carry import carry_typed
from sheetplan.xlsx.fill import verify_cells
from sheetplan.xlsx.graft import Graft, graft
from sheetplan.xlsx.package import Package
from sheetplan.xlsx.skeleton import empty_workbook
from sheetplan.xlsx.verify import verify_saved


def beside(path: Path, month: Month) -> Path:
    """The workbook a review goes to when it cannot go into the plan: `plan.review-2026-03.xlsx`."""
    return review_beside(path, month, ".xlsx")


def write_review(path: Path, grid: Grid, plan: Plan, review: Review, out: Path | None = None) -> Written:
    """Write the review sheet and the Review log for `review` into the plan at `path`, or to `out`.

    `grid` is the plan as read before (its values are what the saved file must still hold).
    """
    # Laying out and formatting a big review makes a few hundred thousand objects, none of them
    # garbage until the end; the cycle collector would walk them again and again for nothing.
    with gc_paused():
        return _write_review(path, grid, plan, review, out)


def _write_review(path: Path, grid: Grid, plan: Plan, review: Review, out: Path | None) -> Written:
    if out is not None and out.resolve() != path.resolve():
        return write_review_to(out, grid, plan, review)
    if path.suffix.lower() == ".ods":
        written = _write_new(beside(path, review.month), grid, plan, review)
        reason = _("it is an OpenDocument spreadsheet (.ods), which sheetplan reads but does not write")
        return Written(written.where, written.sheet, written.backup, reason)
    refuse_unwritable(path)
    before = {name: rows for name, rows in grid.items() if not REVIEW_LOG.is_named(name)}
    log = merged_log(log_of(grid), review)
    return _write_into(path, str(path), before, plan, review, log, grid)


def write_review_to(out: Path, grid: Grid, plan: Plan, review: Review) -> Written:
    """Write the review to the workbook `out` (`--out`): a new one, or added to the workbook there."""
    if out.suffix.lower() not in (".xlsx", ".xlsm"):
        raise UsageError(
            _("--out {out}: the review is written as .xlsx; give a name ending in .xlsx").format(out=out)
        )
    with gc_paused():
        return _write_review_to(out, grid, plan, review)


def _write_review_to(out: Path, grid: Grid, plan: Plan, review: Review) -> Written:
    if not out.exists():
        return _write_new(out, grid, plan, review)
    guard_file(out)
    refuse_unwritable(out)
    rows = read_workbook(out, "xlsx", name=str(out))
    plan_sheet = next((name for name in rows for sheet in INPUT_SHEETS if sheet.is_named(name)), None)
    if plan_sheet is not None:
        raise WriteError(
            _(
                "--out {out}: is another plan (it has a {plan_sheet} sheet); give a new file or "
                "the plan itself"
            ).format(out=out, plan_sheet=plan_sheet)
        )
    before = {name: values for name, values in rows.items() if not _ours(name)}
    log = merged_log(log_of(rows), review)
    return _write_into(out, str(out), before, plan, review, log, rows)


def _write_new(path: Path, grid: Grid, plan: Plan, review: Review) -> Written:
    """A new workbook at `path` with the review sheet and the Review log, which carries on the plan's."""
    log = merged_log(log_of(grid), review)
    with Package(empty_workbook(), str(path)) as package:
        layout = _layout(review, plan)
        graft(package, _grafts(package, layout, log, plan))
        replace_safely(path, package.write, lambda saved: verify_saved(saved, path, {}, layout.name, log))
    return Written(str(path), layout.name)


def _write_into(
    path: Path,
    label: str,
    before: Mapping[str, Sequence[Sequence[Any]]],
    plan: Plan,
    review: Review,
    log: list[LogRow],
    grid: Grid,
) -> Written:
    """Write the review into the workbook at `path`, whose sheets hold `grid`; `before` are the sheets
    that must read back as they were."""
    layout = _layout(review, plan)
    with Package(path, label) as package:
        carried = carry_typed(package, path, grid, plan, layout)
        unchanged = dict(before)
        if carried is not None:
            unchanged.pop(carried.decisions, None)
            # The sheet shows the decisions it kept, among those of the month.
            review = with_decisions(review, (*plan.decisions, *carried.added))
            layout = _layout(review, plan)
        graft(package, _grafts(package, layout, log, plan))
        kept = package.unchanged()

        def verify(saved: Path) -> None:
            verify_saved(saved, path, unchanged, layout.name, log, kept)
            if carried is not None:
                changes = {carried.decisions: carried.changes}
                verify_cells(saved, path, {carried.decisions: before[carried.decisions]}, changes)

        backup = replace_safely(path, package.write, verify)
    return Written(str(path), layout.name, backup, carried=carried.kept() if carried else None)


def _layout(review: Review, plan: Plan) -> SheetLayout:
    settings = plan.settings
    return review_layout(review, plan.lang, settings.review_day, settings.review_time, settings.time_zone)


def _grafts(package: Package, layout: SheetLayout, log: list[LogRow], plan: Plan) -> list[Graft]:
    """The review sheet, in the old one's place or among the reviews, and the Review log, last."""
    sheets = read_book(package).sheets
    names = [sheet.name for sheet in sheets]
    old = next((name for name in names if review_month(name) == review_month(layout.name)), None)
    old_log = next((name for name in names if REVIEW_LOG.is_named(name)), None)
    review_sheet = Graft(layout, old, _position(names, review_month(layout.name), plan), active=True)
    # The log keeps its name, in whichever language it has it.
    log_sheet = Graft(
        replace(log_layout(log, plan.lang), name=old_log or REVIEW_LOG.name(plan.lang)),
        old_log,
        len(names) + 1,
        freeze=1,
        filter_columns=len(REVIEW_LOG.columns),
        print_titles=1,
    )
    return [review_sheet, log_sheet]


def _position(names: list[str], month: Month | None, plan: Plan) -> int:
    """Where a new review sheet goes: among the other reviews in month order, else after the plan's sheets."""
    assert month is not None
    among_reviews = review_position(((name, index) for index, name in enumerate(names)), month)
    if among_reviews is not None:
        return among_reviews
    plan_sheets = {location.name for location in plan.locations.values()}
    found = [index for index, name in enumerate(names) if name in plan_sheets]
    return max(found) + 1 if found else len(names)


def _ours(name: str) -> bool:
    """Whether a sheet is one that reviews write (a review sheet or the Review log)."""
    return review_month(name) is not None or REVIEW_LOG.is_named(name)
