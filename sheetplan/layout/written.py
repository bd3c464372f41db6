"""Where a review was written, as every writer reports it, and where one goes beside its plan."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import NamedTuple

from sheetplan.plan.model import Month


class KeptText(NamedTuple):
    """Text typed into a review sheet that a review replaced, and the Decisions rows that now hold it."""

    sheet: str
    cells: tuple[str, ...]
    """The cells it was typed in, such as `B40`."""
    decisions: str
    """The Decisions sheet's name."""
    rows: tuple[int, ...]


def review_beside(path: Path, month: Month, suffix: str) -> Path:
    """The file a review of `month` goes to beside the plan at `path`: `plan.review-2026-03.xlsx`, or
    with `suffix` `.html`, `plan.review-2026-03.html`."""
    return path.with_name(f"{path.stem}.review-{month}{suffix}")


@dataclass(frozen=True)
class Written:
    """Where a review went: the workbook or Google Sheet, the sheet, its backup, and why not the plan."""

    where: str
    sheet: str
    backup: Path | None = None
    reason: str | None = None
    """Why the review is not in the plan itself; None when it is, or when `--out` asked for elsewhere."""
    carried: KeptText | None = None
    """Text typed into the month's old review sheet, now on the Decisions sheet; None when there was none."""
