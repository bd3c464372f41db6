"""Where the share commands write: a file of the right kind, in a folder that exists."""

from __future__ import annotations

from pathlib import Path

from sheetplan.plan.errors import UsageError, WriteError


def check_target(target: Path, suffix: str, kind: str) -> None:
    """Refuse a path that does not end in `suffix`, is a folder, or is in no folder, before any work.

    `kind` says what the file must be, for the message: "a calendar is an .ics file".
    """
    if target.suffix.lower() != suffix:
        raise UsageError(f"{target}: {kind}; give a name ending in {suffix}")
    if target.is_dir():
        raise UsageError(f"{target} is a folder; give a file name ending in {suffix}")
    if not target.parent.is_dir():
        raise WriteError(f"{target}: the folder {target.parent} does not exist")
