"""`sheetplan import`: the month's actual results and posts from the platforms' exports, into the plan.

    read = read_for_import(source, today)
    result = import_exports(read, [Path("exports/ga4.csv"), ...], today)

Nothing is written when any file cannot be used, when nothing changes (importing the same files
twice), or with `dry_run`.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from sheetplan.exports.kinds import kind_named
from sheetplan.exports.model import Export
from sheetplan.exports.read import read_export
from sheetplan.imports import SHEETS
from sheetplan.imports.cells import Entry
from sheetplan.imports.changes import WRITTEN, Change, import_changes, new_rows
from sheetplan.imports.log import Imported, ordered, parse_import_log
from sheetplan.imports.monthly import MONTHLY_CSV, Key, monthly_values, takes_forecasts
from sheetplan.imports.posts import PostRows, latest_posts, post_rows
from sheetplan.plan.collector import gc_paused
from sheetplan.plan.defaults import Lang
from sheetplan.plan.errors import SourceError
from sheetplan.plan.i18n import _
from sheetplan.plan.model import Month, Plan
from sheetplan.plan.schema import FORECASTS, IMPORT_LOG
from sheetplan.read.google import google_key

if TYPE_CHECKING:
    from sheetplan.api import PlanRead

_NEEDED = ("settings", "metrics", "actuals", "sources")
"""The sheets whose errors stop an import: it cannot tell what goes where."""


@dataclass(frozen=True)
class Imports:
    """What an import did, or would do (`dry_run`)."""

    source: str
    exports: tuple[Export, ...]
    changes: tuple[Change, ...]
    posts_added: int = 0
    posts_updated: int = 0
    unused: tuple[str, ...] = ()
    """The exports no Sources row takes a number from (posts exports still fill the Posts sheet)."""
    lifetime: tuple[str, ...] = ()
    """Post exports whose totals are lifetime totals as of the day they were downloaded, named the
    first time such an export comes in."""
    written: tuple[str, ...] = ()
    """The sheets written, by their names in the workbook; empty when nothing was."""
    not_given: tuple[str, ...] = ()
    """The kinds of export Sources rows take from of which no file was given: their rows gave nothing."""
    backup: Path | None = None
    dry_run: bool = False

    def count(self, state: str) -> int:
        return sum(change.state == state for change in self.changes)


def read_for_import(
    source: str, today: date, credentials: Path | None = None, lang: Lang | None = None
) -> PlanRead:
    """The plan at `source` read for an import: the sheets it goes by (`imports.SHEETS`), checked by
    the rules about them; Forecasts too when a Sources row takes a ratio, read again with it (a
    Google Sheet's is read at once: one request either way)."""
    from sheetplan.api import read_plan
    from sheetplan.check.rules import IMPORT_RULES

    with_forecasts = (*SHEETS, FORECASTS.key)
    if google_key(source) is not None:
        return read_plan(source, today, credentials, IMPORT_RULES, lang, with_forecasts)
    read = read_plan(source, today, credentials, IMPORT_RULES, lang, SHEETS)
    if takes_forecasts(read.plan):
        read = read_plan(source, today, credentials, IMPORT_RULES, lang, with_forecasts)
    return read


def read_exports(paths: Sequence[Path], today: date) -> list[Export]:
    """Every table of the export files at `paths`; SourceError naming the first that cannot be used."""
    exports: list[Export] = []
    for path in paths:
        exports.extend(read_export(path, today, name=str(path)))
    return exports


def import_exports(
    read: PlanRead,
    paths: Sequence[Path],
    today: date,
    month: Month | None = None,
    *,
    overwrite: bool = False,
    partial: bool = False,
    dry_run: bool = False,
) -> Imports:
    """Import the exports at `paths` into the plan `read`; see the module's docstring."""
    # Tens of thousands of rows, posts and cells, none in a cycle: the collector would only walk them.
    with gc_paused():
        return _import(read, paths, today, month, overwrite, partial, dry_run)


def _import(
    read: PlanRead,
    paths: Sequence[Path],
    today: date,
    month: Month | None,
    overwrite: bool,
    partial: bool,
    dry_run: bool,
) -> Imports:
    plan = read.plan
    _refuse_errors(read)
    if month is not None and month not in plan.settings.plan_months:
        months = plan.settings.plan_months
        raise SourceError(
            _("{source}: --month {month} is outside the plan, {first} to {last}").format(
                source=read.source, month=month, first=months[0], last=months[-1]
            )
        )
    exports = read_exports(paths, today)
    computed = monthly_values(plan, exports, today)
    log_title = next((title for title in read.grid if IMPORT_LOG.is_named(title)), None)
    log = parse_import_log(read.grid[log_title]) if log_title else {}
    changes = import_changes(plan, read.grid, computed, log, month, overwrite=overwrite, partial=partial)
    posts_location = plan.locations.get("posts")
    posts_rows = read.grid.get(posts_location.name, []) if posts_location else []
    posts = post_rows(posts_location, posts_rows, latest_posts([e for e in exports if e.kind.posts]))
    result = Imports(
        read.source,
        tuple(exports),
        tuple(changes),
        posts.added,
        posts.updated,
        _unused(plan, exports),
        _first_lifetime(exports, log),
        dry_run=dry_run,
        not_given=_not_given(plan, exports),
    )
    writing = [change for change in changes if change.state in WRITTEN]
    if dry_run or not (writing or posts.cells or posts.rows):
        return result
    records = dict(log)
    for change in writing:
        records[change.metric_id, change.month] = _record(change)
    backup = _write(read, plan, writing, posts, ordered(records.values(), [m.id for m in plan.metrics]))
    sheets = [*(["actuals"] if writing else []), *(["posts"] if posts.cells or posts.rows else [])]
    names = (*(plan.sheet_name(key) for key in sheets), IMPORT_LOG.name(plan.lang))
    return replace(result, written=names, backup=backup)


def _refuse_errors(read: PlanRead) -> None:
    sheets = {read.plan.sheet_name(key) for key in _NEEDED}
    blocking = next((problem for problem in read.errors if problem.sheet in sheets), None)
    if blocking is not None:
        where = blocking.cell or blocking.sheet
        raise SourceError(
            _(
                "{source}: {where}: {problem}; fix it first (sheetplan check {source} lists every problem)"
            ).format(source=read.source, where=where, problem=blocking.message)
        )


def _unused(plan: Plan, exports: Sequence[Export]) -> tuple[str, ...]:
    fed = {kind.name for source in plan.sources if (kind := kind_named(source.export))}
    fed.add(MONTHLY_CSV)
    return tuple(export.name for export in exports if export.kind.name not in fed and not export.kind.posts)


def _not_given(plan: Plan, exports: Sequence[Export]) -> tuple[str, ...]:
    given = {export.kind.name for export in exports}
    named = (kind.name for source in plan.sources if (kind := kind_named(source.export)))
    return tuple(name for name in dict.fromkeys(named) if name not in given and name != MONTHLY_CSV)


def _first_lifetime(exports: Sequence[Export], log: Mapping[Key, Imported]) -> tuple[str, ...]:
    """The exports of lifetime post totals, of kinds no earlier import took numbers from: the output
    says what their totals are the first time."""
    earlier = {kind for record in log.values() for kind in record.exports}
    return tuple(e.name for e in exports if e.lifetime and e.posts and e.kind.name not in earlier)


def _record(change: Change) -> Imported:
    exports = change.computed.exports
    return Imported(
        change.month,
        change.metric_id,
        change.new,
        change.cell,
        tuple(export.file_name for export in exports),
        tuple(export.sha256 for export in exports),
        tuple(dict.fromkeys(export.kind.name for export in exports)),
    )


def _write(
    read: PlanRead, plan: Plan, writing: Sequence[Change], posts: PostRows, records: list[Imported]
) -> Path | None:
    from sheetplan.layout.import_sheets import import_log_layout, posts_layout

    actuals = plan.sheet_name("actuals")
    changes: dict[str, dict[tuple[int, int], Entry]] = {actuals: new_rows(plan, writing)}
    changes[actuals].update({(change.row, change.column): change.new for change in writing})
    if posts.cells:
        changes[plan.sheet_name("posts")] = posts.cells
    log = import_log_layout(records, plan.lang)
    new_posts = posts_layout(posts.rows, plan.lang) if posts.rows else None
    if read.book is not None:
        from sheetplan.gsheets.imports import write_import as write_google

        write_google(read.book, changes, log, new_posts)
        return None
    from sheetplan.xlsx.imports import write_import

    by_key = {(record.metric_id, record.month): record for record in records}
    return write_import(Path(read.source), read.grid, changes, log, by_key, new_posts)
