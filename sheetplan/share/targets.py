"""Where the share commands write: a file of the right kind, in a folder that exists."""

from __future__ import annotations

from pathlib import Path

from sheetplan.plan.errors import UsageError, WriteError
from sheetplan.plan.i18n import _


def check_target(target: Path, suffix: str, kind: str) -> None:
    """Refuse a path that does not end in `suffix`, is a folder, or is in no folder, before any work.

    `kind` says what the file must be, for the message: "a calendar is an .ics file".
    """
    if target.suffix.lower() != suffix:
        raise UsageError(
            _("{target}: {kind}; give a name ending in {suffix}").format(
                target=target, kind=kind, suffix=suffix
            )
        )
    if target.is_dir():
        raise UsageError(
            _("{target} is a folder; give a file name ending in {suffix}").format(
                target=target, suffix=suffix
            )
        )
    if not target.parent.is_dir():
        raise WriteError(
            _("{target}: the folder {parent} does not exist").format(target=target, parent=target.parent)
        )
