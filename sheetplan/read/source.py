"""Turns what the user typed as SOURCE (a file path, a Google Sheets URL or `gsheet:KEY`) into a Grid."""

from __future__ import annotations

import importlib
from pathlib import Path

from sheetplan.files.guard import guard_file
from sheetplan.gsheets.client import parse_sheet_source
from sheetplan.plan.errors import SourceError
from sheetplan.plan.model import Grid
from sheetplan.plan.schema import sheet_by_name
from sheetplan.read.workbook import read_workbook

_GOOGLE_PACKAGES = ("gspread", "google", "requests")


def google_key(source: str) -> str | None:
    """The spreadsheet key when `source` names a Google Sheet; None for a file."""
    return parse_sheet_source(source)


def read_source(source: str, credentials: Path | None = None) -> Grid:
    """The plan's sheets, as plain values, from a workbook file or a Google Sheet.

    Only sheets the schema knows are read (not the Guide, review sheets or the user's own sheets).
    Raises SourceError, with a one-line message naming the source, when it cannot be used.
    """
    key = google_key(source)
    if key is not None:
        return _read_google(source, key, credentials)
    return read_file(Path(source), source)


def read_file(path: Path, name: str) -> Grid:
    """The plan's sheets of a workbook file, which `name` names in messages; SourceError when unusable."""
    kind = guard_file(path, name)
    return read_workbook(path, kind, wanted=lambda sheet: sheet_by_name(sheet) is not None, name=name)


def _read_google(source: str, key: str, credentials: Path | None) -> Grid:
    try:
        gsheets = importlib.import_module("sheetplan.gsheets.book")
    except ModuleNotFoundError as error:
        if error.name == "sheetplan.gsheets.book" or (error.name or "").split(".")[0] in _GOOGLE_PACKAGES:
            raise SourceError(
                f"{source}: cannot read Google Sheets: this sheetplan has no Google Sheets support"
                " (install it with: pip install 'sheetplan[google]')"
            ) from None
        raise
    grid: Grid = gsheets.read_grid(key, credentials)
    return grid
