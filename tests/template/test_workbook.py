"""Writing the workbook safely: refusals leave files as they were, and nothing half-written is left."""

from __future__ import annotations

import os
from datetime import date, datetime
from pathlib import Path

import pytest
from template_support import START, TODAY, load, write

from sheetplan.files.safe_save import replace_safely
from sheetplan.plan.errors import SheetplanError, UsageError, WriteError
from sheetplan.plan.example import Content
from sheetplan.plan.model import Month
from sheetplan.plan.schema import ACTIONS
from sheetplan.template.workbook import build_workbook, default_start, write_plan

LEFT_AT = datetime(2026, 11, 20, 14, 3).timestamp()
"""When a crashed program left the lock file."""


def test_an_existing_file_is_kept_without_force(tmp_path: Path) -> None:
    path = tmp_path / "plan.xlsx"
    path.write_bytes(b"the team's plan")
    with pytest.raises(WriteError) as raised:
        write_plan(path, start=START)
    assert str(raised.value) == f"{path} already exists; use --force to overwrite it"
    assert raised.value.exit_code == 2
    assert path.read_bytes() == b"the team's plan"
    assert sorted(tmp_path.iterdir()) == [path]


def test_force_replaces_an_existing_file(tmp_path: Path) -> None:
    path = tmp_path / "plan.xlsx"
    path.write_bytes(b"old")
    write_plan(path, start=START, force=True)
    assert load(path).sheetnames[0] == "Guide"
    assert sorted(tmp_path.iterdir()) == [path]


@pytest.mark.parametrize(
    ("name", "options", "error", "message"),
    [
        ("plan.csv", {}, UsageError, "{path}: a plan workbook is an .xlsx file; give a name ending in .xlsx"),
        ("plan", {}, UsageError, "{path}: a plan workbook is an .xlsx file; give a name ending in .xlsx"),
        ("missing/plan.xlsx", {}, WriteError, "{path}: the folder {folder}/missing does not exist"),
        ("plan.xlsx", {"months": 61}, UsageError, "a plan covers 1 to 60 months, not 61"),
        ("plan.xlsx", {"months": 0}, UsageError, "a plan covers 1 to 60 months, not 0"),
        ("plan.xlsx", {"lang": "de"}, UsageError, "unknown language 'de': use one of en, bg"),
        (
            "plan.xlsx",
            {"start": Month(9999, 6)},
            UsageError,
            "a plan of 12 months from 9999-06 would end after the year 9999",
        ),
    ],
)
def test_bad_arguments_are_refused_with_one_line(
    tmp_path: Path, name: str, options: dict, error: type[SheetplanError], message: str
) -> None:
    path = tmp_path / name
    with pytest.raises(error) as raised:
        write_plan(path, **{"start": START, **options})
    assert str(raised.value) == message.format(path=path, folder=tmp_path)
    assert list(tmp_path.iterdir()) == []


def test_a_folder_is_not_a_workbook(tmp_path: Path) -> None:
    (tmp_path / "plan.xlsx").mkdir()
    with pytest.raises(UsageError, match=r"plan.xlsx is a folder; give a file name ending in .xlsx$"):
        write_plan(tmp_path / "plan.xlsx", start=START, force=True)


@pytest.mark.parametrize("lock", ["~$plan.xlsx", ".~lock.plan.xlsx#"])
def test_a_workbook_open_elsewhere_is_not_overwritten(tmp_path: Path, lock: str) -> None:
    path = tmp_path / "plan.xlsx"
    path.write_bytes(b"open in Excel")
    (tmp_path / lock).write_bytes(b"")
    os.utime(tmp_path / lock, (LEFT_AT, LEFT_AT))
    with pytest.raises(WriteError) as raised:
        write_plan(path, start=START, force=True)
    assert str(raised.value) == (
        f"{path}: the file is open in another program ({lock} is beside it, since 2026-11-20 14:03); "
        "close it there and run the command again. If no program has it open, the lock was left "
        f"by one that stopped: delete {lock}."
    )
    assert path.read_bytes() == b"open in Excel"


def test_a_failed_move_leaves_no_temporary_file(tmp_path: Path) -> None:
    # A non-empty folder in the way makes the final os.replace fail for real.
    target = tmp_path / "plan.xlsx"
    target.mkdir()
    (target / "keep").write_bytes(b"")
    with pytest.raises(WriteError, match=r"plan.xlsx: could not be written: "):
        replace_safely(target, lambda stream: stream.write(b"data"), backup=False)
    assert sorted(path.name for path in tmp_path.iterdir()) == ["plan.xlsx"]


def test_the_summary_says_where_what_and_what_next(tmp_path: Path) -> None:
    summary = write_plan(tmp_path / "my plan.xlsx", start=START, lang="bg", example=True, today=TODAY)
    assert summary == (
        f"Wrote {tmp_path}/my plan.xlsx: 14 sheets, 12 months from 2026-01 to 2026-12, example plan with"
        " actual results for 2026-01 to 2026-04, Bulgarian.\n"
        "Next:\n"
        "  1. Open it: the Guide sheet explains the plan; the other sheets hold the example.\n"
        f"  2. Check it:   sheetplan check '{tmp_path}/my plan.xlsx'\n"
        f"  3. Review it:  sheetplan review '{tmp_path}/my plan.xlsx'"
    )


@pytest.mark.parametrize(
    ("example", "today", "start"),
    [
        (False, date(2026, 11, 26), Month(2026, 11)),
        (True, date(2026, 11, 26), Month(2026, 7)),
        (True, date(2027, 2, 1), Month(2026, 10)),
    ],
)
def test_default_start(example: bool, today: date, start: Month) -> None:
    assert default_start(example, today) == start


def test_the_file_gets_the_mode_of_any_new_file(tmp_path: Path) -> None:
    mask = os.umask(0o022)
    try:
        path = write(tmp_path)
    finally:
        os.umask(mask)
    assert path.stat().st_mode & 0o777 == 0o644


def test_a_value_outside_a_dropdown_is_written_as_typed(tmp_path: Path) -> None:
    # A pulled sheet can hold a status nobody put in the list; the copy keeps it for check to name.
    action = {"action_id": "A1", "goal_id": "G1", "action": "Post", "owner": "Maria", "status": "finished"}
    data = build_workbook((START,), "en", Content(rows={"actions": [action]}))
    (tmp_path / "plan.xlsx").write_bytes(data)
    sheet = load(tmp_path / "plan.xlsx")[ACTIONS.name.en]
    status = 1 + [column.key for column in ACTIONS.columns].index("status")
    assert sheet.cell(2, status).value == "finished"
