"""Replacing a file safely: refused while open elsewhere, untouched by any failure, backed up on success."""

from __future__ import annotations

import os
import signal
import stat
import subprocess
import sys
import textwrap
from datetime import datetime
from pathlib import Path
from typing import BinaryIO

import pytest

from sheetplan.files.safe_save import TEMP_MARK, backup_path, lock_files, refuse_if_open, replace_safely
from sheetplan.plan.errors import WriteError

ORIGINAL = b"PK original workbook bytes"


LEFT_AT = datetime(2026, 11, 20, 14, 3).timestamp()
"""When a crashed program left the lock file."""


@pytest.fixture
def plan(tmp_path: Path) -> Path:
    path = tmp_path / "plan.xlsx"
    path.write_bytes(ORIGINAL)
    return path


def temps(folder: Path) -> list[str]:
    return sorted(path.name for path in folder.iterdir() if TEMP_MARK in path.name)


OPEN_ELSEWHERE = {
    "en": "{plan}: the file is open in another program ({lock} is beside it, since 2026-11-20 14:03); close"
    " it there and run the command again. If no program has it open, the lock was left by one that"
    " stopped: delete {lock}.",
    "bg": "{plan}: файлът е отворен в друга програма (до него е {lock}, от 2026-11-20 14:03); затворете го"
    " там и изпълнете командата отново. Ако никоя програма не го е отворила, заключването е останало от"
    " програма, която е спряла: изтрийте {lock}.",
}


@pytest.mark.parametrize("lang", ["en", "bg"])
@pytest.mark.parametrize(
    ("lock", "program"),
    [("~$plan.xlsx", "Excel"), (".~lock.plan.xlsx#", "LibreOffice")],
)
def test_a_file_open_elsewhere_is_refused_naming_the_lock(
    plan: Path, lock: str, program: str, lang: str, request: pytest.FixtureRequest
) -> None:
    if lang == "bg":
        request.getfixturevalue("bulgarian")
    (plan.parent / lock).write_text(program)
    os.utime(plan.parent / lock, (LEFT_AT, LEFT_AT))
    with pytest.raises(WriteError) as raised:
        replace_safely(plan, lambda stream: stream.write(b"new"))
    assert str(raised.value) == OPEN_ELSEWHERE[lang].format(plan=plan, lock=lock)
    assert raised.value.exit_code == 2
    assert plan.read_bytes() == ORIGINAL
    assert temps(plan.parent) == []


def test_lock_files_are_excels_then_libreoffices(tmp_path: Path) -> None:
    assert [path.name for path in lock_files(tmp_path / "my plan.xlsx")] == [
        "~$my plan.xlsx",
        ".~lock.my plan.xlsx#",
    ]


def test_another_files_lock_does_not_count(plan: Path) -> None:
    (plan.parent / "~$an.xlsx").write_text("x")
    refuse_if_open(plan)


def test_success_replaces_the_file_and_keeps_the_old_one_as_backup(plan: Path) -> None:
    plan.chmod(0o640)
    backup = replace_safely(plan, lambda stream: stream.write(b"new content"))
    assert plan.read_bytes() == b"new content"
    assert backup == backup_path(plan) == plan.with_name("plan.bak.xlsx")
    assert backup.read_bytes() == ORIGINAL
    assert stat.S_IMODE(plan.stat().st_mode) == 0o640
    assert temps(plan.parent) == []


def test_a_new_file_has_no_backup(tmp_path: Path) -> None:
    target = tmp_path / "review.xlsx"
    assert replace_safely(target, lambda stream: stream.write(b"new")) is None
    assert target.read_bytes() == b"new"
    assert sorted(path.name for path in tmp_path.iterdir()) == ["review.xlsx"]


def _half_then_fail(stream: BinaryIO) -> None:
    stream.write(b"PK half a zip")
    raise RuntimeError("disk full")


def _verify_fails(path: Path) -> None:
    raise WriteError(f"{path}: does not read back")


@pytest.mark.parametrize(
    ("write", "verify", "patch", "error"),
    [
        (_half_then_fail, None, None, RuntimeError),
        (lambda stream: stream.write(b"new"), _verify_fails, None, WriteError),
        (lambda stream: stream.write(b"new"), None, "replace", WriteError),
        (lambda stream: stream.write(b"new"), None, "fsync", WriteError),
    ],
    ids=["write crashes half-way", "verification fails", "rename fails", "flush to disk fails"],
)
def test_any_failure_leaves_the_original_byte_for_byte_and_no_temporary_file(
    plan: Path, monkeypatch: pytest.MonkeyPatch, write: object, verify: object, patch: str | None, error: type
) -> None:
    if patch:

        def broken(*args: object) -> None:
            raise OSError(28, "No space left on device")

        monkeypatch.setattr(os, patch, broken)
    with pytest.raises(error):
        replace_safely(plan, write, verify)  # type: ignore[arg-type]
    monkeypatch.undo()
    assert plan.read_bytes() == ORIGINAL
    assert temps(plan.parent) == []


def test_the_failure_message_names_the_file_and_the_reason(
    plan: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def broken(*args: object) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "replace", broken)
    with pytest.raises(WriteError, match=r"plan\.xlsx: could not be written: No space left on device\.$"):
        replace_safely(plan, lambda stream: stream.write(b"new"))


_WRITER = """
import os, signal, sys
from pathlib import Path
from sheetplan.files.safe_save import replace_safely

def write(stream):
    stream.write(b"PK first half of the new workbook")
    stream.flush()
    os.kill(os.getpid(), getattr(signal, sys.argv[2]))
    stream.write(b"second half")

replace_safely(Path(sys.argv[1]), write)
"""


@pytest.mark.parametrize(("name", "temp_left"), [("SIGINT", False), ("SIGKILL", True)])
def test_a_process_killed_mid_write_leaves_the_original(plan: Path, name: str, temp_left: bool) -> None:
    process = subprocess.run(
        [sys.executable, "-c", textwrap.dedent(_WRITER), str(plan), name],
        capture_output=True,
        timeout=60,
        check=False,
    )
    assert process.returncode != 0
    if name == "SIGKILL":
        assert process.returncode == -signal.SIGKILL
    assert plan.read_bytes() == ORIGINAL
    assert not backup_path(plan).exists()
    # Ctrl-C unwinds and removes the temporary file; nothing can clean up after SIGKILL, but what is
    # left is a hidden file that is never mistaken for the plan.
    left = temps(plan.parent)
    assert bool(left) == temp_left
    assert all(name.startswith(".plan" + TEMP_MARK) for name in left)
