"""Where a review was written, as every writer reports it."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class Written:
    """Where a review went: the workbook or Google Sheet, the sheet, its backup, and why not the plan."""

    where: str
    sheet: str
    backup: Path | None = None
    reason: str | None = None
    """Why the review is not in the plan itself; None when it is, or when `--out` asked for elsewhere."""
