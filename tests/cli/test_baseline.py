"""`sheetplan baseline`: the forecasts kept as agreed, refused over a baseline unless --force, and the
review that then compares with both."""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner, Result
from gsheets_support import calls, create_plan
from plan_builder import plan_grid, sample, write_workbook
from review_support import example_plan, review
from sheets_fake import SheetsFake

from sheetplan.cli import cli
from sheetplan.read.workbook import read_workbook
from sheetplan.xlsx.fill import fill


def baseline(*arguments: str | Path) -> Result:
    return CliRunner().invoke(cli, ["baseline", *map(str, arguments)])


def rows(path: Path, name: str) -> list[list[object]]:
    return [list(row) for row in read_workbook(path, "xlsx", wanted=name.__eq__)[name]]


def test_baseline_copies_forecasts_and_keeps_them_while_forecasts_change(tmp_path: Path) -> None:
    path = example_plan(tmp_path)
    result = baseline(path)
    assert result.exit_code == 0, result.output
    assert result.stdout == (
        f"Copied the forecasts of 10 metrics, 2026-01 to 2026-12, to the Baseline sheet of {path}"
        f" (the previous version is in {tmp_path / 'plan.bak.xlsx'}).\n"
    )
    forecasts = rows(path, "Forecasts")
    assert [row[:14] for row in rows(path, "Baseline")[:11]] == [row[:14] for row in forecasts[:11]]
    # The team revises April's forecast of M1 down from 1008 to 900; the baseline keeps 1008.
    fill(path, {"Forecasts": {(2, 6): 900}})
    found = json.loads(review(path, "--month", "2026-04", "--json", "--dry-run").stdout)
    m1 = found["metrics"][0]
    assert (m1["month"]["forecast"], m1["month"]["actual"], m1["month"]["status"]) == (900, 1038, "on_track")
    assert m1["baseline"]["month"] == {
        "forecast": 1008,
        "actual": 1038,
        "variance": 30,
        "variance_pct": 0.0298,
        "status": "on_track",
    }
    before = path.read_bytes()
    again = baseline(path)
    assert (again.exit_code, again.stdout) == (2, "")
    assert again.stderr == (
        f"Error: {path}: Baseline!C2 and others already hold the baseline; use --force to replace it with"
        " the current forecasts\n"
    )
    assert path.read_bytes() == before
    assert baseline(path, "--force").exit_code == 0
    assert rows(path, "Baseline")[1][5] == 900


def test_the_review_without_a_baseline_says_how_to_make_one(tmp_path: Path) -> None:
    path = example_plan(tmp_path)
    found = json.loads(review(path, "--month", "2026-04", "--json", "--dry-run").stdout)
    assert {metric["baseline"] for metric in found["metrics"]} == {None}
    assert review(path, "--month", "2026-04").exit_code == 0
    texts = {value for row in rows(path, "Review 2026-04") for value in row}
    assert (
        "No baseline yet: once the forecasts are agreed, run  sheetplan baseline  to keep them; every review"
        " then compares with them too." in texts
    )


def test_a_plan_without_a_baseline_sheet_is_told_how_to_add_one(tmp_path: Path) -> None:
    grid = plan_grid(sample())
    del grid["Baseline"]
    path = write_workbook(tmp_path / "plan.xlsx", grid)
    before = path.read_bytes()
    result = baseline(path)
    assert (result.exit_code, result.stderr) == (
        2,
        f"Error: {path}: has no Baseline sheet; copy the Forecasts sheet, name the copy Baseline, and run"
        " sheetplan baseline again\n",
    )
    assert path.read_bytes() == before


def test_a_google_sheet_gets_its_baseline_in_one_request(sheets_api: SheetsFake) -> None:
    key = create_plan(sheets_api, sample())
    result = CliRunner().invoke(cli, ["baseline", f"gsheet:{key}"])
    assert result.exit_code == 0, result.output
    assert result.stdout == (
        "Copied the forecasts of 3 metrics, 2025-01 to 2025-06, to the Baseline sheet of"
        f" Google Sheet {key}.\n"
    )
    assert calls(sheets_api) == ["GET metadata", "GET /values:batchGet", "POST :batchUpdate"]
    forecasts = sheets_api.values(key, "Forecasts")
    assert sheets_api.values(key, "Baseline")[1:4] == forecasts[1:4]
    again = CliRunner().invoke(cli, ["baseline", f"gsheet:{key}"])
    assert (again.exit_code, again.stderr) == (
        2,
        f"Error: Google Sheet {key}: Baseline!C2 and others already hold the baseline; use --force to"
        " replace it with the current forecasts\n",
    )


def test_an_ods_plan_is_not_written(tmp_path: Path) -> None:
    result = baseline(tmp_path / "plan.ods")
    assert (result.exit_code, result.stderr) == (
        2,
        f"Error: {tmp_path / 'plan.ods'}: sheetplan baseline writes .xlsx files and Google Sheets; save the"
        " plan as .xlsx, run baseline on it, and use that file from then on\n",
    )
