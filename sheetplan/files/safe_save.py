"""Replacing a user's file without ever leaving it half-written: lock checks, temp file, verify, swap.

openpyxl's `save()` writes over its target in place, so a crash or a full disk mid-save would destroy
the plan. Here the new content goes to a hidden file in the same folder (so the final `os.replace` is
an atomic rename on one file system), is read back and checked, is flushed to disk, and only then takes
the original's place; the original is copied to `NAME.bak.xlsx` first. Whatever fails before the
rename, the original is byte-for-byte untouched and the temporary file is removed.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import stat
import tempfile
from collections.abc import Callable
from datetime import datetime
from pathlib import Path
from typing import BinaryIO, Literal

from sheetplan.plan.errors import UsageError, WriteError
from sheetplan.plan.i18n import N_, _

TEMP_MARK = ".sheetplan-tmp-"
"""Part of every temporary file's name, so that a stray one (left by a killed process) is recognisable."""


def lock_files(path: Path) -> tuple[Path, ...]:
    """The files a spreadsheet program leaves beside a workbook it has open: Excel's, then LibreOffice's."""
    return (path.with_name(f"~${path.name}"), path.with_name(f".~lock.{path.name}#"))


def refuse_if_open(path: Path) -> None:
    """Raise WriteError when another program has `path` open, naming the lock file that says so."""
    for lock in lock_files(path):
        if lock.exists():
            since = datetime.fromtimestamp(lock.stat().st_mtime).strftime("%Y-%m-%d %H:%M")
            raise WriteError(
                _(
                    "{path}: the file is open in another program ({lock} is beside it, since {since}); "
                    "close it there and run the command again. If no program has it open, the lock was left "
                    "by one that stopped: delete {lock}."
                ).format(path=path, lock=lock.name, since=since)
            )


def refuse_unwritable(path: Path) -> None:
    """Refuse a file another program has open, or that its owner made read-only, before any work."""
    refuse_if_open(path)
    # The mode bits too: os.access grants the superuser everything.
    if not os.access(path, os.W_OK) or not path.stat().st_mode & 0o222:
        raise WriteError(
            _("{path}: the file is read-only; make it writable, or give --out for a new file").format(
                path=path
            )
        )


_NOT_XLSX = {
    "a plan workbook": N_("{path}: a plan workbook is an .xlsx file; give a name ending in .xlsx"),
    "the copy": N_("{path}: the copy is an .xlsx file; give a name ending in .xlsx"),
}
"""The message for a target that is not .xlsx, by what the workbook is."""


def check_new_file(path: Path, force: bool, what: Literal["a plan workbook", "the copy"]) -> None:
    """Refuse a target for a new workbook: not .xlsx, a folder, in no folder, there already, or open.

    `what` names the workbook in the message: "a plan workbook", "the copy".
    """
    if path.suffix.lower() != ".xlsx":
        raise UsageError(_(_NOT_XLSX[what]).format(path=path))
    if path.is_dir():
        raise UsageError(_("{path} is a folder; give a file name ending in .xlsx").format(path=path))
    if not path.parent.is_dir():
        raise WriteError(
            _("{path}: the folder {folder} does not exist").format(path=path, folder=path.parent)
        )
    if path.exists() and not force:
        raise WriteError(_("{path} already exists; use --force to overwrite it").format(path=path))
    refuse_if_open(path)


def backup_path(path: Path) -> Path:
    """Where the copy of the file as it was before a write is kept: `NAME.bak.xlsx` beside it."""
    return path.with_name(f"{path.stem}.bak{path.suffix}")


def replace_safely(
    path: Path,
    write: Callable[[BinaryIO], object],
    verify: Callable[[Path], None] | None = None,
    backup: bool = True,
) -> Path | None:
    """Write a file through `write`, check it with `verify`, and put it at `path` in one atomic step.

    `verify` gets the finished temporary file and raises (any exception) when it is not right. When
    `path` exists and `backup` is set, its previous content is kept at `backup_path(path)`, which is
    returned. Raises WriteError when the file is open elsewhere or cannot be written.
    """
    target = path.resolve() if path.is_symlink() else path
    refuse_if_open(target)
    folder = target.parent
    existed = target.exists()
    try:
        handle, name = tempfile.mkstemp(prefix=f".{target.stem}{TEMP_MARK}", suffix=target.suffix, dir=folder)
    except OSError as error:
        raise WriteError(
            _("{path}: cannot write in {folder}: {error}.").format(
                path=target, folder=folder, error=error.strerror or error
            )
        ) from None
    temp = Path(name)
    try:
        with os.fdopen(handle, "wb") as stream:
            write(stream)
            stream.flush()
            os.fsync(stream.fileno())
        if verify is not None:
            verify(temp)
        # mkstemp makes the file private (0600): a replacement keeps the original's permissions and a
        # new file gets the ones any program would give it.
        os.chmod(temp, stat.S_IMODE(target.stat().st_mode) if existed else 0o666 & ~_umask())
        saved_backup = _copy_atomically(target, backup_path(target)) if existed and backup else None
        os.replace(temp, target)
    except OSError as error:
        raise WriteError(
            _("{path}: could not be written: {error}.").format(path=target, error=error.strerror or error)
        ) from None
    finally:
        with contextlib.suppress(FileNotFoundError):
            temp.unlink()
    _sync_folder(folder)
    return saved_backup


def _umask() -> int:
    current = os.umask(0)
    os.umask(current)
    return current


def _copy_atomically(source: Path, destination: Path) -> Path:
    """Copy a file so that `destination` is either its old self or a full copy, never half of one."""
    handle, name = tempfile.mkstemp(
        prefix=f".{destination.stem}{TEMP_MARK}", suffix=destination.suffix, dir=destination.parent
    )
    temp = Path(name)
    try:
        with open(source, "rb") as original, os.fdopen(handle, "wb") as copy:
            shutil.copyfileobj(original, copy)
            copy.flush()
            os.fsync(copy.fileno())
        shutil.copystat(source, temp)
        os.replace(temp, destination)
    finally:
        with contextlib.suppress(FileNotFoundError):
            temp.unlink()
    return destination


def _sync_folder(folder: Path) -> None:
    """Flush the folder entry so that the rename itself survives a power cut (POSIX only)."""
    if os.name != "posix":
        return
    descriptor = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(descriptor)
    finally:
        os.close(descriptor)
