"""What a Google Sheet source looks like, and the one check that Google Sheets support is installed.

Every command tells a Google Sheet from a file here, before anything is imported for it: gspread,
requests and google-auth take about 0.4 s to import, so they are loaded only once a command is given
a Google Sheet.
"""

from __future__ import annotations

import importlib.util
import re

from sheetplan.plan.errors import SourceError, UsageError
from sheetplan.plan.i18n import _

_URL_KEY = re.compile(r"(?:https?://)?docs\.google\.com/spreadsheets/(?:u/\d+/)?d/([A-Za-z0-9_-]+)")
_PREFIX_KEY = re.compile(r"gsheet:([A-Za-z0-9_-]+)")
_GOOGLE_LIKE = re.compile(r"gsheet:|(?:https?://)?docs\.google\.com/", re.IGNORECASE)
_PACKAGES = ("gspread", "requests", "google.oauth2")


def is_google(source: str) -> bool:
    """Whether `source` is meant as a Google Sheet: it starts with `gsheet:` or is a docs.google.com
    address (whether or not its key can be found in it)."""
    return _GOOGLE_LIKE.match(source.strip()) is not None


def google_key(source: str) -> str | None:
    """The spreadsheet key of a Google Sheets URL or of `gsheet:KEY`; None for anything else (a path).

    One rule for every command: a source that starts with `gsheet:` or is a docs.google.com address is
    meant as a Google Sheet, and UsageError says so when its key cannot be found in it.
    """
    source = source.strip()
    match = _PREFIX_KEY.fullmatch(source) or _URL_KEY.match(source)
    if match:
        return match.group(1)
    if is_google(source):
        raise UsageError(
            _(
                "{source}: not a Google Sheet's address; give its URL"
                " (https://docs.google.com/spreadsheets/d/KEY/edit) or gsheet:KEY"
            ).format(source=source)
        )
    return None


def sheet_key(target: str) -> str:
    """The key of a SHEET argument (`push`, `pull`); UsageError when it names no Google Sheet."""
    key = google_key(target)
    if key is None:
        raise UsageError(_("{target}: not a Google Sheet; give its URL or gsheet:KEY").format(target=target))
    return key


def require_google(source: str) -> None:
    """SourceError, naming `source` and what is missing, when Google Sheets support cannot be loaded.

    gspread and its companions are part of every install; this is for an install that lost one.
    """
    missing = [name for name in _PACKAGES if not _importable(name)]
    if missing:
        raise SourceError(
            _(
                "{source}: cannot use Google Sheets: {package} is not installed"
                " (install sheetplan again: pip install --force-reinstall sheetplan)"
            ).format(source=source, package=missing[0].split(".")[0])
        )


def _importable(name: str) -> bool:
    try:
        return importlib.util.find_spec(name) is not None
    except (ImportError, ValueError):
        return False
