"""The operations the commands call: write a plan, read and check it, review it, push it and pull it;
importing exports into it is in `imports`, and its calendar, report and e-mail in `share`.

Each operation takes plain arguments and returns data; the commands in `sheetplan.cli` print it. A
review is three steps, each usable on its own:

    read = read_plan(source, today)              # the plan and its problems
    review = review_of(read, month, today)       # the numbers
    written = write_review(read, review, out)    # the review sheet and Review log, written safely

Each operation imports what only it needs: the backends load heavy libraries (XlsxWriter,
gspread), and even the review's pure modules cost `check` time it need not spend. So `check` never
loads a writer or the review, and a file never loads gspread.
"""

from __future__ import annotations

from collections.abc import Collection, Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, cast

from sheetplan.check.report import ordered
from sheetplan.check.rules import RULES, Rule, check_plan
from sheetplan.layout.written import Written
from sheetplan.plan.defaults import DEFAULT_MONTHS, Lang
from sheetplan.plan.errors import SourceError, UsageError
from sheetplan.plan.i18n import _, n_, use
from sheetplan.plan.model import Grid, Month, Plan, Problem
from sheetplan.plan.schema import setting_by_key
from sheetplan.read.google import google_key, require_google, sheet_key
from sheetplan.read.load import load
from sheetplan.read.source import read_file
from sheetplan.read.tables import language_of

if TYPE_CHECKING:
    from collections.abc import Sequence

    from sheetplan.gsheets.book import GoogleSheet
    from sheetplan.review.model import Review

__all__ = [
    "PlanRead",
    "Written",
    "pull",
    "push",
    "reached",
    "read_plan",
    "review_of",
    "write_baseline",
    "write_plan",
    "write_review",
]


@dataclass(frozen=True)
class PlanRead:
    """A plan as read from its source, with every problem `sheetplan check` would report."""

    source: str
    grid: Grid
    plan: Plan
    problems: tuple[Problem, ...]
    book: GoogleSheet | None = None
    """The Google Sheet the plan was read from, as that read found it; None for a file."""

    @property
    def errors(self) -> tuple[Problem, ...]:
        return tuple(problem for problem in self.problems if problem.severity == "error")

    @property
    def warnings(self) -> tuple[Problem, ...]:
        return tuple(problem for problem in self.problems if problem.severity == "warning")


def write_plan(
    path: Path,
    *,
    start: Month | None = None,
    months: int = DEFAULT_MONTHS,
    lang: str = "en",
    example: bool = False,
    force: bool = False,
    today: date | None = None,
    exports: Path | None = None,
) -> str:
    """Write a new plan workbook to `path` (`sheetplan init`); say what it holds and what to do next.
    With `exports`, the example's last finished month goes there as the platforms' export files."""
    from sheetplan.template.workbook import write_plan as write

    return write(
        path,
        start=start,
        months=months,
        lang=lang,
        example=example,
        force=force,
        today=today,
        exports=exports,
    )


def read_plan(
    source: str,
    today: date,
    credentials: Path | None = None,
    rules: Sequence[Rule] | None = None,
    lang: Lang | None = None,
    sheets: Collection[str] | None = None,
) -> PlanRead:
    """Read and check the plan at `source`, a workbook file or a Google Sheet; SourceError when unusable.
    `rules` are the checks made (all of `check`'s unless given), `sheets` the keys of the sheets read
    (all the schema's unless given: see `load`). Once the workbook is read, messages are given in
    `lang`, else in the language of its sheet names (`plan.i18n.use`), so that its problems are told
    in the plan's language."""
    key = google_key(source)
    book = None
    if key is None:
        grid = read_file(Path(source), source, sheets)
    else:
        book, grid = _read_google(source, key, credentials, sheets)
    use(lang or language_of(grid))
    plan, problems = load(grid, source, sheets)
    checked = check_plan(plan, today=today, loaded=problems, rules=RULES if rules is None else rules)
    found = ordered([*problems, *checked])
    return PlanRead(source, grid, plan, tuple(found), book)


def review_of(read: PlanRead, month: Month | None, today: date) -> Review:
    """The review for `month`, by default the last full calendar month; UsageError outside the plan."""
    from sheetplan.plan.collector import gc_paused
    from sheetplan.review.variance import (
        build_review,
        check_month_begun,
        check_review_month,
        default_review_month,
    )

    chosen = month or default_review_month(today)
    try:
        check_review_month(read.plan, chosen)
        check_month_begun(chosen, today)
    except UsageError as error:
        if month is None:
            months = read.plan.settings.plan_months
            raise UsageError(
                _(
                    "{source}: the last full month, {chosen}, is outside the plan; choose one with "
                    "--month, from {first} to {last}"
                ).format(source=read.source, chosen=chosen, first=months[0], last=months[-1])
            ) from None
        raise UsageError(_("{source}: {error}").format(source=read.source, error=error)) from None
    from sheetplan.review.log import log_of

    with gc_paused():
        return build_review(read.plan, chosen, today, log_of(read.grid))


def write_review(read: PlanRead, review: Review, out: Path | None = None) -> Written:
    """Write the review sheet and the Review log: into the plan, beside it, or to `out`."""
    if read.book is not None and out is None:
        from sheetplan.gsheets.review import write_review as write_google

        return write_google(read.book, read.grid, review, read.plan)
    from sheetplan.xlsx import write

    if read.book is not None and out is not None:
        return write.write_review_to(out, read.grid, read.plan, review)
    return write.write_review(Path(read.source), read.grid, read.plan, review, out)


def write_baseline(source: str, today: date, force: bool = False, credentials: Path | None = None) -> str:
    """Copy the plan's Forecasts to its Baseline sheet, in place (`sheetplan baseline`); say what it did.

    UsageError for an .ods file, which sheetplan does not write.
    """
    if google_key(source) is None and Path(source).suffix.lower() == ".ods":
        raise UsageError(
            _(
                "{source}: sheetplan baseline writes .xlsx files and Google Sheets; save the plan as .xlsx,"
                " run baseline on it, and use that file from then on"
            ).format(source=source)
        )
    read = read_plan(source, today, credentials)
    if read.book is not None:
        from sheetplan.gsheets.baseline import write_baseline as write_google

        return write_google(read.book, read.grid, read.plan, force)
    from sheetplan.xlsx.baseline import write_baseline as write

    return write(Path(source), read.grid, read.plan, force)


def reached(review: Review, level: str) -> list[str]:
    """The IDs of the metrics whose month status is `level` or worse (`--fail-on`)."""
    from sheetplan.review.model import SEVERITY, Status

    threshold = SEVERITY[cast(Status, level)]
    return [item.metric.id for item in review.metrics if SEVERITY[item.month.status] >= threshold]


def push(path: Path, target: str, credentials: Path | None = None) -> str:
    """Push the plan workbook at `path` into the Google Sheet `target`, in two requests; say what changed."""
    key = sheet_key(target)
    grid = read_file(path)
    plan = load(grid, str(path))[0]
    require_google(target)
    from sheetplan.gsheets.book import batch_update, open_sheet
    from sheetplan.gsheets.push import data_tabs, push_requests
    from sheetplan.template.guide_layout import guide_layout

    book = open_sheet(key, credentials)
    guide = guide_layout(plan.lang, plan.settings.plan_months, f"gsheet:{key}")
    requests, added, updated = push_requests(book, plan, data_tabs(grid, plan), guide)
    batch_update(book, requests)
    parts = [n_("{count} tab updated", "{count} tabs updated", len(updated)).format(count=len(updated))]
    if added:
        parts.append(_("{count} added ({tabs})").format(count=len(added), tabs=", ".join(added)))
    return _("Pushed {path} to Google Sheet {key}: {parts}.").format(
        path=path, key=key, parts=", ".join(parts)
    )


def pull(source: str, path: Path, credentials: Path | None = None, force: bool = False) -> str:
    """Copy the Google Sheet `source` into a plan workbook at `path`, in two requests; say what it holds."""
    from sheetplan.files.safe_save import check_new_file, replace_safely  # 10 ms `check` need not spend

    key = sheet_key(source)
    check_new_file(path, force, "the copy")
    grid = _read_google(source, key, credentials)[1]
    plan = load(grid, source)[0]
    months = plan.settings.plan_months
    if not months:
        raise SourceError(
            _(
                '{source}: {sheet} has no usable "{start}" and "{months}"; run sheetplan check {source}'
            ).format(
                source=source,
                sheet=plan.sheet_name("settings"),
                start=setting_by_key("start_month").label(plan.lang),
                months=setting_by_key("months").label(plan.lang),
            )
        )
    from sheetplan.template.pulled import build_copy, pulled_content

    pulled = pulled_content(grid, plan)
    data = build_copy(months, plan.lang, pulled, grid, path.name)
    replace_safely(path, lambda stream: stream.write(data), backup=False)
    goals, actions, metrics = (
        len(pulled.content.rows.get(name, [])) for name in ("goals", "actions", "metrics")
    )
    return _(
        "Pulled Google Sheet {key} into {path}: {goals} goals, {actions} actions, {metrics} metrics,"
        " {months} months from {start}."
    ).format(
        key=key, path=path, goals=goals, actions=actions, metrics=metrics, months=len(months), start=months[0]
    )


def _read_google(
    source: str, key: str, credentials: Path | None, sheets: Collection[str] | None = None
) -> tuple[GoogleSheet, Grid]:
    require_google(source)
    from sheetplan.gsheets.book import read_book

    return read_book(key, credentials, sheets)
