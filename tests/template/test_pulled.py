"""`sheetplan pull`: a Google Sheet into a local workbook in the template's layout, in two requests."""

from __future__ import annotations

import json
from pathlib import Path

import openpyxl
import pytest
from gsheets_support import calls, create_plan, run
from plan_builder import pretend_today, sample
from sheets_fake import SheetsFake

from sheetplan.gsheets.book import read_book
from sheetplan.plan import schema
from sheetplan.read.load import load
from sheetplan.read.source import read_file


@pytest.fixture
def key(sheets_api: SheetsFake) -> str:
    return create_plan(sheets_api, sample())


def test_pull_writes_the_template_with_the_sheets_data(
    sheets_api: SheetsFake, key: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    pretend_today(monkeypatch)
    copy = tmp_path / "plan-2025-03.xlsx"

    result = run("pull", f"gsheet:{key}", copy)

    assert result.exit_code == 0, result.output
    assert result.stdout == (
        f"Pulled Google Sheet {key} into {copy}: 2 goals, 4 actions, 3 metrics, 6 months from 2025-01.\n"
    )
    assert calls(sheets_api) == ["GET metadata", "GET /values:batchGet"]
    workbook = openpyxl.load_workbook(copy)
    assert workbook.sheetnames == [sheet.name.en for sheet in schema.SHEETS]
    assert sorted(workbook.defined_names) == ["ChannelList", "GoalList", "MetricList", "OwnerList"]
    assert list(workbook["Actions"].tables) == ["Actions"]
    assert any("H2" in str(rule.sqref) for rule in workbook["Actions"].data_validations.dataValidation)
    assert load(read_file(copy), str(copy))[0] == load(read_book(key)[1], key)[0]
    assert run("check", copy).stdout == f"{copy}: no problems found.\n"


def test_pull_refuses_to_overwrite_without_force(sheets_api: SheetsFake, key: str, tmp_path: Path) -> None:
    copy = tmp_path / "plan.xlsx"
    copy.write_bytes(b"an older copy")

    refused = run("pull", f"gsheet:{key}", copy)

    assert refused.exit_code == 2
    assert refused.stderr == f"Error: {copy} already exists; use --force to overwrite it\n"
    assert copy.read_bytes() == b"an older copy"
    assert sheets_api.requests == []
    assert run("pull", f"gsheet:{key}", copy, "--force").exit_code == 0
    assert openpyxl.load_workbook(copy, read_only=True).sheetnames[0] == "Guide"
    assert not (tmp_path / "plan.bak.xlsx").exists()


def test_what_the_template_would_refuse_is_kept_as_typed(
    sheets_api: SheetsFake, key: str, tmp_path: Path
) -> None:
    sheets_api.set_values(key, "Actions!H3", [["in progres"]])  # a typo the dropdown would have refused
    sheets_api.set_values(key, "Actions!I4", [["about 300"]])  # text in a money column
    sheets_api.set_values(key, "Actions!M1", [["Agency"], ["Brightside"], [""], ["Brightside"]])
    sheets_api.set_values(key, "Settings!B5", [["ten percent"]])
    copy = tmp_path / "plan.xlsx"

    assert run("pull", f"gsheet:{key}", copy).exit_code == 0

    actions = openpyxl.load_workbook(copy)["Actions"]
    assert [actions[cell].value for cell in ("H3", "I4", "M1", "M2", "M4")] == [
        "in progres",
        "about 300",
        "Agency",
        "Brightside",
        "Brightside",
    ]
    assert openpyxl.load_workbook(copy)["Settings"]["B5"].value == "ten percent"
    google = run("check", "--json", f"gsheet:{key}")
    local = run("check", "--json", copy)
    assert google.exit_code == local.exit_code == 1
    assert json.loads(local.stdout) == json.loads(google.stdout)


def test_the_review_log_comes_along_and_review_tabs_do_not(
    sheets_api: SheetsFake, key: str, tmp_path: Path
) -> None:
    assert run("review", f"gsheet:{key}", "--month", "2025-03").exit_code == 0
    copy = tmp_path / "plan.xlsx"

    assert run("pull", f"gsheet:{key}", copy).exit_code == 0

    workbook = openpyxl.load_workbook(copy)
    assert workbook.sheetnames[-2:] == [schema.SHEETS[-1].name.en, "Review log"]
    log = [list(row) for row in workbook["Review log"].iter_rows(values_only=True)]
    assert log[0] == [column.header.en for column in schema.REVIEW_LOG.columns]
    assert log[1] == ["2025-03", "M1", "Website visits from social", 1200, 1190, -10, -0.0083, "on track"]
    assert len(log) == 4


def test_a_bulgarian_sheet_gives_a_bulgarian_copy(sheets_api: SheetsFake, tmp_path: Path) -> None:
    key = create_plan(sheets_api, sample(), lang="bg")
    copy = tmp_path / "план.xlsx"
    assert run("pull", f"gsheet:{key}", copy).exit_code == 0
    assert openpyxl.load_workbook(copy, read_only=True).sheetnames == [
        sheet.name.bg for sheet in schema.SHEETS
    ]
    assert load(read_file(copy), str(copy))[0] == load(read_book(key)[1], key)[0]


@pytest.mark.parametrize(
    ("name", "message"),
    [
        ("plan.ods", "{path}: the copy is an .xlsx file; give a name ending in .xlsx"),
        ("missing/plan.xlsx", "{path}: the folder {parent} does not exist"),
    ],
)
def test_a_copy_that_cannot_be_written_is_refused_first(
    sheets_api: SheetsFake, key: str, tmp_path: Path, name: str, message: str
) -> None:
    path = tmp_path / name
    result = run("pull", f"gsheet:{key}", path)
    assert result.exit_code == 2
    assert result.stderr == f"Error: {message.format(path=path, parent=path.parent)}\n"
    assert sheets_api.requests == []
