"""Reads a workbook file (.xlsx, .xlsm or .ods) into a Grid: the plan's sheets as plain values."""

from __future__ import annotations

from pathlib import Path

from sheetplan.files.guard import guard_file
from sheetplan.plan.model import Grid
from sheetplan.plan.schema import sheet_by_name
from sheetplan.read.workbook import read_workbook


def read_file(path: Path, name: str | None = None) -> Grid:
    """The plan's sheets of a workbook file, which `name` names in messages; SourceError when unusable.

    Only sheets the schema knows are read (not the Guide, review sheets or the user's own sheets).
    """
    name = str(path) if name is None else name
    kind = guard_file(path, name)
    return read_workbook(path, kind, wanted=lambda sheet: sheet_by_name(sheet) is not None, name=name)
