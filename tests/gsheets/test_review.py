"""`sheetplan review` on a Google Sheet: the month's tab and the Review log in one write request."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path
from typing import Any

import openpyxl
import pytest
from gsheets_support import calls, create_plan, run
from plan_builder import plan_grid, sample, write_workbook
from sheets_fake import SheetsFake

from sheetplan.gsheets.book import read_book
from sheetplan.gsheets.cells import colour, serial
from sheetplan.layout.review import review_layout
from sheetplan.plan.model import Month
from sheetplan.plan.schema import REVIEW_LOG
from sheetplan.read.load import load
from sheetplan.review.variance import build_review

MONTH = "2025-03"
LOG_HEADER = [column.header.en for column in REVIEW_LOG.columns]


@pytest.fixture
def key(sheets_api: SheetsFake) -> str:
    """The sample plan, typed into a spreadsheet."""
    return create_plan(sheets_api, sample())


def titles(fake: SheetsFake, key: str) -> list[str]:
    return [sheet.title for sheet in fake.spreadsheet(key).sheets]


def shown(value: Any) -> Any:
    """A layout cell's value as the values API gives it back."""
    if isinstance(value, date):
        return serial(value)
    return "" if value is None else value


def test_review_writes_the_tab_and_the_log_in_three_requests(sheets_api: SheetsFake, key: str) -> None:
    result = run("review", f"gsheet:{key}", "--month", MONTH)

    assert result.exit_code == 0, result.output
    assert result.stdout.splitlines()[-1] == (
        f'Wrote the sheet "Review 2025-03" and the Review log to Google Sheet {key}.'
    )
    assert calls(sheets_api) == ["GET metadata", "GET /values:batchGet", "POST :batchUpdate"]
    assert titles(sheets_api, key)[-3:] == ["Posts", "Review 2025-03", "Review log"]
    log = sheets_api.values(key, "Review log")
    assert log[0] == LOG_HEADER
    assert [row[:2] for row in log[1:]] == [[MONTH, "M1"], [MONTH, "M2"], [MONTH, "M3"]]
    assert log[1][3:] == [1200, 1190, -10, -0.0083, "on track"]


def test_the_tab_is_the_same_layout_the_excel_writer_draws(sheets_api: SheetsFake, key: str) -> None:
    plan, _ = load(read_book(key)[1], key)
    layout = review_layout(
        build_review(plan, Month.parse(MONTH), date.today()), "en", plan.settings.review_day
    )
    assert run("review", f"gsheet:{key}", "--month", MONTH).exit_code == 0

    found = {
        (row, column): value
        for row, cells in enumerate(sheets_api.values(key, layout.name), start=1)
        for column, value in enumerate(cells, start=1)
        if value != ""
    }
    expected = {
        (cell.row, cell.column): shown(cell.value) for cell in layout.cells if shown(cell.value) != ""
    }
    assert found == expected
    tab = sheets_api.sheet(key, layout.name)
    assert len(tab.merges) == len(layout.merges)
    assert tab.properties["gridProperties"]["hideGridlines"] is True
    assert [chart["spec"]["basicChart"]["chartType"] for chart in tab.charts] == [
        "BAR",
        "BAR",
        "LINE",
        "LINE",
    ]
    assert [chart["spec"]["title"] for chart in tab.charts] == [chart.title for chart in layout.charts]


def test_statuses_take_their_colours_from_rules(sheets_api: SheetsFake, key: str) -> None:
    assert run("review", f"gsheet:{key}", "--month", MONTH).exit_code == 0
    rules = sheets_api.sheet(key, "Review 2025-03").conditional_formats
    by_text = {
        rule["booleanRule"]["condition"]["values"][0]["userEnteredValue"]: rule["booleanRule"]["format"]
        for rule in rules
    }
    assert by_text["at risk"]["backgroundColor"] == colour("FFEB9C")
    assert by_text["off track"]["backgroundColor"] == colour("FFC7CE")
    assert by_text["в график"]["backgroundColor"] == colour("C6EFCE")  # a status typed in Bulgarian
    values = sheets_api.values(key, "Review 2025-03")
    row = next(number for number, cells in enumerate(values, start=1) if cells[:1] == ["M2"])
    status = sheets_api.format(key, f"'Review 2025-03'!I{row}")
    assert values[row - 1][8] == "at risk"
    assert "backgroundColor" not in status  # the rule colours it, as it would a status typed in the meeting
    assert (status["horizontalAlignment"], "top" in status["borders"]) == ("CENTER", True)
    glance = next(
        number for number, cells in enumerate(values, start=1) if cells[:1] == ["Metrics this month"]
    )
    tile = sheets_api.format(key, f"'Review 2025-03'!E{glance}")
    assert values[glance - 1][4] == "at risk"
    assert (tile["backgroundColor"], tile["textFormat"]["bold"]) == (colour("FFEB9C"), True)


def test_a_second_review_replaces_its_months_tab_and_rows(sheets_api: SheetsFake, key: str) -> None:
    sheets_api.spreadsheet(key).add_sheet({"title": "Review log"})
    sheets_api.set_values(key, "'Review log'!A1", [[*LOG_HEADER], ["2024-12", "M9", "Old metric", 5, 4]])
    assert run("review", f"gsheet:{key}", "--month", "2025-02").exit_code == 0
    assert run("review", f"gsheet:{key}", "--month", MONTH).exit_code == 0
    sheets_api.set_values(key, "Actuals!E2", [[2000]])  # M1 in March, typed again

    again = run("review", f"gsheet:{key}", "--month", MONTH)

    assert again.exit_code == 0, again.output
    assert titles(sheets_api, key)[-4:] == ["Posts", "Review 2025-02", "Review 2025-03", "Review log"]
    log = sheets_api.values(key, "Review log")
    assert [row[:2] for row in log[1:]] == [
        ["2024-12", "M9"],
        *([month, metric] for month in ("2025-02", MONTH) for metric in ("M1", "M2", "M3")),
    ]
    assert log[-3][3:5] == [1200, 2000]


def test_a_review_tab_in_the_other_language_is_replaced_in_its_place(
    sheets_api: SheetsFake, key: str
) -> None:
    sheets_api.spreadsheet(key).add_sheet({"title": "Преглед 2025-03", "index": 2})

    assert run("review", f"gsheet:{key}", "--month", MONTH).exit_code == 0

    assert titles(sheets_api, key)[:4] == ["Settings", "Goals", "Review 2025-03", "Owners"]


def test_json_is_the_same_as_from_a_workbook(sheets_api: SheetsFake, key: str, tmp_path: Path) -> None:
    workbook = write_workbook(tmp_path / "plan.xlsx", plan_grid(sample()))
    for extra in ([], ["--dry-run"]):
        google = run("review", f"gsheet:{key}", "--month", MONTH, "--json", *extra)
        local = run("review", workbook, "--month", MONTH, "--json", "--dry-run")
        assert google.exit_code == local.exit_code == 0
        assert google.stdout == local.stdout
        assert json.loads(google.stdout)["month"] == MONTH
    assert google.stderr == ""


def test_dry_run_only_reads(sheets_api: SheetsFake, key: str) -> None:
    before = titles(sheets_api, key)
    result = run("review", f"gsheet:{key}", "--month", MONTH, "--dry-run")
    assert result.exit_code == 0
    assert result.stdout.splitlines()[-1] == "Dry run: nothing was written."
    assert calls(sheets_api) == ["GET metadata", "GET /values:batchGet"]
    assert titles(sheets_api, key) == before


def test_out_writes_the_review_to_a_local_workbook(sheets_api: SheetsFake, key: str, tmp_path: Path) -> None:
    out = tmp_path / "review.xlsx"
    result = run("review", f"gsheet:{key}", "--month", MONTH, "--out", out)
    assert result.exit_code == 0, result.output
    assert openpyxl.load_workbook(out, read_only=True).sheetnames == ["Review 2025-03", "Review log"]
    assert calls(sheets_api) == ["GET metadata", "GET /values:batchGet"]
    assert "Review 2025-03" not in titles(sheets_api, key)


def test_fail_on_still_writes_and_exits_1(sheets_api: SheetsFake, key: str) -> None:
    result = run("review", f"gsheet:{key}", "--month", MONTH, "--fail-on", "at_risk")
    assert result.exit_code == 1
    assert "Review 2025-03" in titles(sheets_api, key)
    assert run("review", f"gsheet:{key}", "--month", MONTH, "--fail-on", "off_track").exit_code == 0


def test_every_section_is_in_the_tab_in_one_write(sheets_api: SheetsFake, key: str) -> None:
    assert run("review", f"gsheet:{key}", "--month", MONTH).exit_code == 0
    assert calls(sheets_api).count("POST :batchUpdate") == 1
    texts = {value for row in sheets_api.values(key, "Review 2025-03") for value in row}
    assert {
        "What changed since February 2025",
        "1. Decisions to follow up",
        "Against forecast, better to the right",
        "Against the baseline: the forecasts as first agreed",
        "Month by month",
        "5. Each person: scorecard and tasks",
        "8. Decisions and plan changes",
    } <= texts
    charts = sheets_api.sheet(key, "Review 2025-03").charts
    bars = charts[0]["spec"]["basicChart"]["series"][0]["styleOverrides"]
    assert [override["index"] for override in bars] == [0, 1, 2]


def test_text_typed_into_the_tab_is_kept_on_the_decisions_tab(sheets_api: SheetsFake, key: str) -> None:
    assert run("review", f"gsheet:{key}", "--month", MONTH).exit_code == 0
    tab = sheets_api.spreadsheet(key).sheet_by_title("Review 2025-03")
    assert tab is not None
    tab.resize(tab.rows, 20)  # a column or two beyond the sheet's, where a note fits
    tab.cell(2, 15).set_entered({"stringValue": "Call the printer"})  # P3
    result = run("review", f"gsheet:{key}", "--month", MONTH)
    assert result.exit_code == 0, result.output
    assert result.stdout.splitlines()[-1] == (
        'Kept the text typed into the old "Review 2025-03" (P3): it is now on the Decisions sheet, row 2,'
        " as open decisions."
    )
    assert sheets_api.values(key, "Decisions")[1][:5] == ["2025-03", "Call the printer", "", "", "open"]
    assert "Call the printer" in {value for row in sheets_api.values(key, "Review 2025-03") for value in row}
