"""Reading a plan from a Google Sheet: two requests, values as `load` reads them, `check` on the sheet."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from gsheets_support import calls, create_plan, run
from plan_builder import plan_grid, sample, write_workbook
from sheets_fake import SheetsFake

from sheetplan.gsheets.book import read_book
from sheetplan.plan.model import ErrorValue
from sheetplan.read.load import load
from sheetplan.read.source import read_file


def test_the_plan_tabs_are_read_in_two_requests(sheets_api: SheetsFake) -> None:
    grid = plan_grid(sample())
    key = sheets_api.create(
        "Plan", {"Notes": [["our own tab"]], **grid, "Review 2025-02": [["Monthly review"]]}
    )

    found = read_book(key)[1]

    # Not the team's own tab; a review tab, to keep what people typed into it when it is replaced.
    assert list(found) == [*grid, "Review 2025-02"]
    assert calls(sheets_api) == ["GET metadata", "GET /values:batchGet"]
    query = sheets_api.requests[1].query
    assert query["ranges"] == [f"'{name}'" for name in [*grid, "Review 2025-02"]]
    assert query["valueRenderOption"] == ["UNFORMATTED_VALUE"]
    assert query["dateTimeRenderOption"] == ["SERIAL_NUMBER"]


def test_a_plan_reads_the_same_from_google_and_from_a_workbook(
    sheets_api: SheetsFake, tmp_path: Path
) -> None:
    data = sample()
    key = create_plan(sheets_api, data)
    workbook = write_workbook(tmp_path / "plan.xlsx", plan_grid(data))

    from_google, google_problems = load(read_book(key)[1], f"gsheet:{key}")
    from_file, file_problems = load(read_file(workbook), str(workbook))

    assert from_google == from_file
    assert google_problems == file_problems == []


@pytest.mark.parametrize(
    ("typed", "read"),
    [
        ("1010", 1010),
        ("1,200.5", 1200.5),
        ("10%", 0.1),
        ("2026-01", 46023),  # Sheets makes a date of it; load takes the serial number's month
        ("2026-03-31", 46112),
        ("=4/2", 2),  # Google computes every formula: its value is known
        ("'=HYPERLINK(1)", "=HYPERLINK(1)"),  # text that only looks like a formula
        ("Post case studies", "Post case studies"),
        ("TRUE", True),
        ("#N/A", ErrorValue("#N/A")),
    ],
)
def test_cells_come_back_unformatted_with_serial_dates(sheets_api: SheetsFake, typed: str, read: Any) -> None:
    key = sheets_api.create("Plan", {"Actuals": [["Metric ID", "Metric", "2026-01"], ["M1", "", typed]]})
    assert read_book(key)[1]["Actuals"][1][2] == read


def test_a_formula_showing_an_error_is_an_error_value(sheets_api: SheetsFake) -> None:
    key = sheets_api.create("Plan", {"Actuals": [["Metric ID", "2026-01"], ["M1", "=VLOOKUP(A2,X:Y,2,0)"]]})
    sheets_api.set_cached_value(key, "Actuals!B2", "#N/A")
    assert read_book(key)[1]["Actuals"][1] == ["M1", ErrorValue("#N/A")]


def test_check_reads_a_google_sheet_and_names_its_cells(sheets_api: SheetsFake, tmp_path: Path) -> None:
    data = sample()
    data.rows["actions"][1]["owner"] = "Maria, Ivan"
    data.rows["metrics"][0]["direction"] = "sideways"
    key = create_plan(sheets_api, data)
    workbook = write_workbook(tmp_path / "plan.xlsx", plan_grid(data))

    google = run("check", "--json", f"https://docs.google.com/spreadsheets/d/{key}/edit#gid=0")
    local = run("check", "--json", workbook)

    assert google.exit_code == local.exit_code == 1
    problems = json.loads(google.stdout)
    assert problems == json.loads(local.stdout)
    cells = {problem["cell"] for problem in problems}
    assert {"Actions!E3", "Metrics!F2"} <= cells
    assert calls(sheets_api) == ["GET metadata", "GET /values:batchGet"]


def test_a_bulgarian_plan_is_read_in_bulgarian(sheets_api: SheetsFake) -> None:
    bulgarian = create_plan(sheets_api, sample(), lang="bg")
    english = create_plan(sheets_api, sample(), lang="en")

    plan, problems = load(read_book(bulgarian)[1], bulgarian)

    assert (plan.lang, problems) == ("bg", [])
    assert plan == load(read_book(english)[1], english)[0]
    assert "Отговорници" in read_book(bulgarian)[1]


def test_a_sheet_without_the_plan_tabs_is_refused_after_one_request(sheets_api: SheetsFake) -> None:
    key = sheets_api.create("Budget", {"Sheet1": [["Item", "Cost"]]})
    result = run("check", f"gsheet:{key}")
    assert result.exit_code == 2
    assert result.stderr == (
        f'Error: gsheet:{key}: no sheets named "Settings", "Goals", "Owners", "Actions", "Metrics", '
        '"Forecasts", "Actuals"\n'
    )
    assert calls(sheets_api) == ["GET metadata"]
