"""Reads a workbook file (.xlsx, .xlsm or .ods) into a Grid: the plan's sheets as plain values."""

from __future__ import annotations

from collections.abc import Collection
from pathlib import Path

from sheetplan.files.guard import guard_file
from sheetplan.plan.model import Grid
from sheetplan.plan.schema import is_read
from sheetplan.read.workbook import read_workbook


def read_file(path: Path, name: str | None = None, sheets: Collection[str] | None = None) -> Grid:
    """The plan's sheets of a workbook file, which `name` names in messages; SourceError when unusable.

    Only sheets the schema knows are read (not the Guide, review sheets or the user's own sheets), and
    of those only the ones whose keys are `sheets` when given.
    """
    name = str(path) if name is None else name
    kind = guard_file(path, name)
    return read_workbook(path, kind, wanted=lambda sheet: is_read(sheet, sheets), name=name)
