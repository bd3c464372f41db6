"""`sheetplan review`: read the plan, check it, compute the month's review and write it, safely.

The command is a thin wrapper over these steps, each usable on its own:

    read = read_plan(source, today)              # the plan and its problems
    review = review_of(read, month, today)       # the numbers (variance.build_review)
    outcome = write_review(read, review, out)    # the review sheet and Review log, written safely
    print(summary(read, review, outcome))

Google Sheets: for a `gsheet:KEY` or URL source, `write_review` hands the review to
`sheetplan.gsheets.book.write_review(key, review, plan, credentials=...)`, which writes the same layout
(`review_sheet.review_layout`) and log rows (`review_log`) to the spreadsheet and returns where.
"""

from __future__ import annotations

import importlib
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import cast

from sheetplan.api import PlanRead, read_plan
from sheetplan.layout.review import sheet_name
from sheetplan.plan.errors import SourceError, UsageError
from sheetplan.plan.model import Month
from sheetplan.read.source import google_key
from sheetplan.read.workbook import gc_paused
from sheetplan.review.model import SEVERITY, Review, Status
from sheetplan.review.variance import build_review, check_review_month, default_review_month

__all__ = ["Outcome", "PlanRead", "reached", "read_plan", "review_of", "write_review"]


@dataclass(frozen=True)
class Outcome:
    """Where a review was written, for the summary."""

    where: str
    sheet: str
    backup: str | None = None
    reason: str | None = None
    """Why the review is not in the plan itself (see `xlsx_write`); None when it is."""


def review_of(read: PlanRead, month: Month | None, today: date) -> Review:
    """The review for `month`, by default the last full calendar month; UsageError outside the plan."""
    chosen = month or default_review_month(today)
    try:
        check_review_month(read.plan, chosen)
    except UsageError as error:
        if month is None:
            months = read.plan.settings.plan_months
            raise UsageError(
                f"{read.source}: the last full month, {chosen}, is outside the plan; "
                f"choose one with --month, from {months[0]} to {months[-1]}"
            ) from None
        raise UsageError(f"{read.source}: {error}") from None
    with gc_paused():
        return build_review(read.plan, chosen)


def write_review(
    read: PlanRead, review: Review, out: Path | None = None, credentials: Path | None = None
) -> Outcome:
    """Write the review sheet and the Review log: into the plan, beside it, or to `out`."""
    key = google_key(read.source)
    if key is not None and out is None:
        return _write_google(read, key, review, credentials)
    from sheetplan.xlsx import (
        write as xlsx_write,  # openpyxl: 0.2 s, which a dry run or a Google review never needs
    )

    if key is not None and out is not None:
        written = xlsx_write.write_review_to(out, read.grid, read.plan, review)
    else:
        written = xlsx_write.write_review(Path(read.source), read.grid, read.plan, review, out)
    return Outcome(
        str(written.path), written.sheet, str(written.backup) if written.backup else None, written.reason
    )


def _write_google(read: PlanRead, key: str, review: Review, credentials: Path | None) -> Outcome:
    try:
        gsheets = importlib.import_module("sheetplan.gsheets.book")
    except ModuleNotFoundError as error:
        if error.name in ("sheetplan.gsheets.book", "gspread"):
            raise SourceError(
                f"{read.source}: cannot write to Google Sheets: this sheetplan has no Google Sheets support"
                " (install it with: pip install 'sheetplan[google]'); or write to a file with --out"
            ) from None
        raise
    where = gsheets.write_review(key, review, read.plan, credentials=credentials)
    return Outcome(str(where), sheet_name(review, read.plan.lang))


def reached(review: Review, level: str) -> list[str]:
    """The IDs of the metrics whose month status is `level` or worse (`--fail-on`)."""
    threshold = SEVERITY[cast(Status, level)]
    return [item.metric.id for item in review.metrics if SEVERITY[item.month.status] >= threshold]
