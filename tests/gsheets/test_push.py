"""`sheetplan push`: a local workbook into a Google Sheet in two requests, formatted like the template."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from gsheets_support import calls, create_plan, run
from plan_builder import plan_grid, sample, write_workbook
from review_support import example_plan
from sheets_fake import SheetsFake

from sheetplan.exports.kinds import KINDS
from sheetplan.gsheets.book import read_book
from sheetplan.plan import schema
from sheetplan.plan.model import FormulaValue
from sheetplan.read.load import load
from sheetplan.read.source import read_file

TEMPLATE_TABS = [sheet.name.en for sheet in schema.SHEETS]


@pytest.fixture
def blank(sheets_api: SheetsFake) -> str:
    """A new spreadsheet, as Google makes it: one empty tab."""
    return sheets_api.create("Marketing plan", {"Sheet1": []})


@pytest.fixture(scope="module")
def shared_api() -> Iterator[SheetsFake]:
    """One fake for the tests that only look at what a push wrote: a push takes the fake a second."""
    with SheetsFake() as fake, pytest.MonkeyPatch.context() as patch:
        patch.setenv("SHEETPLAN_SHEETS_EMULATOR_HOST", fake.host)
        yield fake


@pytest.fixture(scope="module")
def pushed(tmp_path_factory: pytest.TempPathFactory, shared_api: SheetsFake) -> str:
    """The example plan pushed into a new spreadsheet."""
    key = shared_api.create("Marketing plan", {"Sheet1": []})
    result = run("push", example_plan(tmp_path_factory.mktemp("push")), f"gsheet:{key}")
    assert result.exit_code == 0, result.output
    return key


def titles(fake: SheetsFake, key: str) -> list[str]:
    return [sheet.title for sheet in fake.spreadsheet(key).sheets]


def test_push_adds_every_template_tab_in_two_requests(
    tmp_path: Path, sheets_api: SheetsFake, blank: str
) -> None:
    path = example_plan(tmp_path)
    before = path.read_bytes()

    result = run("push", path, f"https://docs.google.com/spreadsheets/d/{blank}/edit")

    assert result.exit_code == 0, result.output
    assert result.stdout == (
        f"Pushed {path} to Google Sheet {blank}: 0 tabs updated, 14 added ({', '.join(TEMPLATE_TABS)}).\n"
    )
    assert calls(sheets_api) == ["GET metadata", "POST :batchUpdate"]
    assert titles(sheets_api, blank) == [*TEMPLATE_TABS, "Sheet1"]
    assert load(read_book(blank)[1], blank)[0] == load(read_file(path), str(path))[0]
    assert path.read_bytes() == before


def test_headers_frozen_widths_and_formats(shared_api: SheetsFake, pushed: str) -> None:
    header = shared_api.format(pushed, "Actions!A1")
    assert header["textFormat"]["bold"] is True
    assert header["backgroundColor"] == {"red": 0.1216, "green": 0.3059, "blue": 0.4706}  # 1F4E78
    actions = shared_api.sheet(pushed, "Actions")
    assert actions.properties["gridProperties"]["frozenRowCount"] == 1
    assert shared_api.sheet(pushed, "Forecasts").properties["gridProperties"]["frozenColumnCount"] == 2
    # Widths in characters as in the template (Action ID 12, Action 40), in pixels: 7 w + 5.
    assert (actions.column_widths[0], actions.column_widths[2]) == (89, 285)
    assert shared_api.format(pushed, "Actions!G2")["numberFormat"] == {
        "type": "DATE",
        "pattern": "yyyy-mm-dd",
    }
    assert shared_api.format(pushed, "Actions!I2")["numberFormat"] == {
        "type": "NUMBER",
        "pattern": "#,##0.00",
    }
    assert shared_api.format(pushed, "Actions!C2")["numberFormat"] == {"type": "TEXT"}
    assert shared_api.format(pushed, "Actions!C2")["wrapStrategy"] == "WRAP"
    due = shared_api.cell(pushed, "Actions!G2").data["userEnteredValue"]
    assert due == {"numberValue": shared_api.values(pushed, "Actions")[1][6]}
    assert shared_api.values(pushed, "Actions", render="FORMATTED_VALUE")[1][6][:2] == "20"


@pytest.mark.parametrize(
    ("cell", "rule"),
    [
        ("Actions!E2", ("ONE_OF_RANGE", ["='Owners'!$A$2:$A"])),
        ("Actions!D2", ("ONE_OF_RANGE", ["='Channels'!$A$2:$A"])),
        ("Actions!B2", ("ONE_OF_RANGE", ["='Goals'!$A$2:$A"])),
        ("Metrics!C2", ("ONE_OF_RANGE", ["='Goals'!$A$2:$A"])),
        ("Goals!E9", ("ONE_OF_RANGE", ["='Owners'!$A$2:$A"])),
        ("Forecasts!A2", ("ONE_OF_RANGE", ["='Metrics'!$A$2:$A"])),
        ("Actuals!A200", ("ONE_OF_RANGE", ["='Metrics'!$A$2:$A"])),
        ("Actions!H2", ("ONE_OF_LIST", ["not started", "in progress", "done", "blocked", "dropped"])),
        ("Goals!G2", ("ONE_OF_LIST", ["active", "achieved", "dropped"])),
        ("Metrics!F2", ("ONE_OF_LIST", ["up", "down"])),
        ("Metrics!G2", ("ONE_OF_LIST", ["sum", "last", "average"])),
        ("Assumptions!C2", ("ONE_OF_LIST", ["yes", "no", "unsure"])),
        ("Sources!A2", ("ONE_OF_RANGE", ["='Metrics'!$A$2:$A"])),
        ("Sources!B2", ("ONE_OF_LIST", [kind.name for kind in KINDS])),
        ("Sources!E2", ("ONE_OF_LIST", ["sum", "last", "average", "max"])),
        ("Actions!C2", None),
        ("Actions!E1", None),
    ],
)
def test_dropdowns(
    shared_api: SheetsFake, pushed: str, cell: str, rule: tuple[str, list[str]] | None
) -> None:
    found = shared_api.validation(pushed, cell)
    if rule is None:
        assert found is None
        return
    assert found is not None
    condition = found["condition"]
    assert (condition["type"], [value["userEnteredValue"] for value in condition["values"]]) == rule
    assert found["strict"] is True and found["showCustomUi"] is True


def test_a_bulgarian_workbook_is_pushed_in_bulgarian(
    tmp_path: Path, sheets_api: SheetsFake, blank: str
) -> None:
    path = example_plan(tmp_path, lang="bg")
    assert run("push", path, f"gsheet:{blank}").exit_code == 0
    assert titles(sheets_api, blank) == [*(sheet.name.bg for sheet in schema.SHEETS), "Sheet1"]
    status = sheets_api.validation(blank, "Действия!H2")
    assert status is not None
    assert [value["userEnteredValue"] for value in status["condition"]["values"]] == [
        "не е започнато",
        "в процес",
        "готово",
        "блокирано",
        "отпаднало",
    ]
    owner = sheets_api.validation(blank, "Действия!E2")
    assert owner is not None
    assert owner["condition"]["values"] == [{"userEnteredValue": "='Отговорници'!$A$2:$A"}]
    assert load(read_book(blank)[1], blank)[0] == load(read_file(path), str(path))[0]


def test_forecasts_look_up_metric_names_like_the_template(shared_api: SheetsFake, pushed: str) -> None:
    assert shared_api.cell(pushed, "Forecasts!B2").formula == (
        '=IF($A2="","",IFERROR(INDEX(\'Metrics\'!$B$2:$B,MATCH($A2,\'Metrics\'!$A$2:$A,0))&"",""))'
    )


def test_the_guide_comes_first_and_names_the_google_sheet(shared_api: SheetsFake, pushed: str) -> None:
    guide = [cell for row in shared_api.values(pushed, "Guide") for cell in row if cell]
    assert guide[0] == "Marketing action plan"
    assert any(f"sheetplan review gsheet:{pushed}" in str(text) for text in guide)
    assert shared_api.format(pushed, "Guide!B1")["textFormat"]["bold"] is True
    tab = shared_api.sheet(pushed, "Guide")
    assert [tab.column_widths[column] for column in range(4)] == [24, 192, 108, 514]  # the template's
    assert {"startColumnIndex": 1, "endColumnIndex": 4} in [
        {key: merge[key] for key in ("startColumnIndex", "endColumnIndex")} for merge in tab.merges
    ]


def test_text_that_looks_like_a_formula_stays_text(
    tmp_path: Path, sheets_api: SheetsFake, blank: str
) -> None:
    data = sample()
    name = '=HYPERLINK("http://example.com","Post case studies")'
    data.rows["actions"][0]["action"] = name
    path = write_workbook(tmp_path / "plan.xlsx", plan_grid(data))

    assert run("push", path, f"gsheet:{blank}").exit_code == 0

    assert sheets_api.cell(blank, "Actions!C2").data["userEnteredValue"] == {"stringValue": name}
    assert read_book(blank)[1]["Actions"][1][2] == name


def test_existing_tabs_are_updated_in_place(tmp_path: Path, sheets_api: SheetsFake) -> None:
    bigger = sample()
    bigger.rows["actions"] += [{**bigger.rows["actions"][0], "action_id": f"A{n}"} for n in range(5, 40)]
    key = create_plan(sheets_api, bigger, size=(250, 16))
    sheets_api.set_values(key, "Goals!J1", [["Our notes"], ["keep an eye on G2"]])
    notes = sheets_api.create("x", {"x": []})  # an unrelated spreadsheet, to see it is left alone
    ids = {sheet.title: sheet.sheet_id for sheet in sheets_api.spreadsheet(key).sheets}
    path = write_workbook(tmp_path / "plan.xlsx", plan_grid(sample()))

    first = run("push", path, f"gsheet:{key}")
    sheets_api.reset_requests()
    again = run("push", path, f"gsheet:{key}")

    assert first.exit_code == again.exit_code == 0
    assert again.stdout == f"Pushed {path} to Google Sheet {key}: 14 tabs updated.\n"
    assert calls(sheets_api) == ["GET metadata", "POST :batchUpdate"]
    for sheet in sheets_api.spreadsheet(key).sheets:
        if sheet.title in ids:
            assert sheet.sheet_id == ids[sheet.title], sheet.title
    assert [row[0] for row in sheets_api.values(key, "Actions")] == ["Action ID", "A1", "A2", "A3", "A4"]
    assert load(read_book(key)[1], key)[0] == load(read_file(path), str(path))[0]
    assert titles(sheets_api, notes) == ["x"]


def test_tabs_the_team_added_are_left_alone(tmp_path: Path, sheets_api: SheetsFake) -> None:
    ours: dict[str, list[list[Any]]] = {"Budget 2026": [["Item", "Cost"], ["Ads", "1200"]]}
    key = sheets_api.create("Plan", {**ours, "Review 2025-02": [["Monthly review"]]})

    assert run("push", example_plan(tmp_path), f"gsheet:{key}").exit_code == 0

    assert sheets_api.values(key, "Budget 2026") == [["Item", "Cost"], ["Ads", 1200]]
    assert sheets_api.values(key, "Review 2025-02") == [["Monthly review"]]
    assert titles(sheets_api, key) == [*TEMPLATE_TABS, "Budget 2026", "Review 2025-02"]


def test_a_file_that_is_no_plan_is_refused_before_any_request(
    tmp_path: Path, sheets_api: SheetsFake, blank: str
) -> None:
    path = write_workbook(tmp_path / "budget.xlsx", {"Budget": [["Item", "Cost"]]})
    result = run("push", path, f"gsheet:{blank}")
    assert result.exit_code == 2
    assert result.stderr.startswith(f"Error: {path}: no sheets named ")
    assert sheets_api.requests == []


def test_the_target_must_be_a_google_sheet(tmp_path: Path) -> None:
    result = run("push", example_plan(tmp_path), tmp_path / "copy.xlsx")
    assert result.exit_code == 2
    assert (
        result.stderr == f"Error: {tmp_path / 'copy.xlsx'}: not a Google Sheet; give its URL or gsheet:KEY\n"
    )


def test_a_formula_without_a_saved_result_goes_in_as_a_formula(
    tmp_path: Path, sheets_api: SheetsFake, blank: str
) -> None:
    data = sample()
    data.rows["actuals"][0]["2025-01"] = FormulaValue("=900+50")
    path = write_workbook(tmp_path / "plan.xlsx", plan_grid(data), engine="openpyxl")  # saves no results

    assert run("push", path, f"gsheet:{blank}").exit_code == 0

    assert sheets_api.cell(blank, "Actuals!C2").formula == "=900+50"
    assert read_book(blank)[1]["Actuals"][1][2] == 950  # computed by the spreadsheet, as Google does


def test_the_workbooks_review_log_goes_along(tmp_path: Path, sheets_api: SheetsFake, blank: str) -> None:
    path = example_plan(tmp_path)
    assert run("review", path, "--month", "2026-03").exit_code == 0
    local = read_file(path)["Review log"]

    assert run("push", path, f"gsheet:{blank}").exit_code == 0

    assert titles(sheets_api, blank)[-2:] == ["Review log", "Sheet1"]
    assert read_book(blank)[1]["Review log"] == [list(row) for row in local]
    assert "Review 2026-03" not in titles(sheets_api, blank)
