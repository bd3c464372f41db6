"""The errors sheetplan raises: each carries a one-line message and the exit code it means."""

from __future__ import annotations


class SheetplanError(Exception):
    """Something the user must fix; the message is one line that names the file and cell."""

    exit_code = 2


class SourceError(SheetplanError):
    """The source cannot be used: missing, not a workbook, unreadable, wrong shape, no permission."""


class UsageError(SheetplanError, ValueError):
    """An option or argument has a value that cannot work, such as a month outside the plan."""


class WriteError(SheetplanError):
    """The result cannot be written safely, for instance because the file is open elsewhere."""
