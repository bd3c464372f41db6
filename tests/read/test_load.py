"""Reading a Grid into a Plan: tolerant matching, where things are, and the problems of single cells."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime, time, timedelta

import pytest
from plan_builder import (
    Grid,
    add_column,
    blank_rows,
    expected_plan,
    headers_down,
    plan_grid,
    reorder_columns,
    sample,
    set_cell,
)

from sheetplan.plan.errors import SourceError
from sheetplan.plan.meeting import parse_review_time
from sheetplan.plan.model import ErrorValue, FormulaValue, Month, Problem, SheetLocation
from sheetplan.read.dates import NAMES
from sheetplan.read.load import load


def problems_of(grid: Grid) -> list[str]:
    _, problems = load(grid, "plan.xlsx")
    return [f"{problem.severity} {problem.cell} {problem.code}: {problem.message}" for problem in problems]


@pytest.mark.parametrize("lang", ["en", "bg"])
def test_a_plan_laid_out_like_the_template_reads_back_whole(lang: str) -> None:
    plan, problems = load(plan_grid(sample(), lang), "plan.xlsx")  # type: ignore[arg-type]
    assert problems == []
    assert plan == expected_plan(sample())
    assert plan.lang == lang


def _upper_headers(grid: Grid) -> Grid:
    for name in list(grid):
        rows = grid.pop(name)
        rows[0] = [f"  {str(header).upper()}  " if isinstance(header, str) else header for header in rows[0]]
        grid[f" {name.lower()} "] = rows
    return grid


def _months_as_dates(grid: Grid) -> Grid:
    for sheet in ("Forecasts", "Actuals"):
        grid[sheet][0] = [datetime(int(h[:4]), int(h[5:]), 1) if h[:2] == "20" else h for h in grid[sheet][0]]
    return grid


def _months_by_name(grid: Grid, names: tuple[str, ...]) -> Grid:
    for sheet in ("Forecasts", "Actuals"):
        grid[sheet][0] = [f"{names[int(h[5:]) - 1]} {h[:4]}" if h[:2] == "20" else h for h in grid[sheet][0]]
    return grid


_SHORT_NAMES = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")
_BULGARIAN_NAMES = tuple(bulgarian for _, bulgarian in NAMES)

LAYOUTS: dict[str, Callable[[Grid], Grid]] = {
    "headers on row 4 under a title": lambda grid: headers_down(grid, "Actions", 3),
    "settings headers on row 2": lambda grid: headers_down(grid, "Settings", 1),
    "columns in another order": lambda grid: reorder_columns(grid, "Metrics", [8, 7, 6, 5, 4, 3, 2, 1, 0]),
    "a user's own column first": lambda grid: add_column(grid, "Goals", "Priority", "high"),
    "a user's own column among the months": lambda grid: add_column(grid, "Forecasts", "Comment", "ok", at=4),
    "blank rows inside a table": lambda grid: blank_rows(blank_rows(grid, "Actions", 2), "Forecasts", 3, 3),
    "rows of spaces inside a table": lambda grid: (
        blank_rows(grid, "Owners", 2) and set_cell(grid, "Owners", "A3", "  ")
    ),
    "headers and sheet names in any case, with spaces": _upper_headers,
    "month headers as date cells": _months_as_dates,
    "month headers as serial numbers": lambda grid: set_cell(grid, "Forecasts", "C1", 45658),
    "month headers by their short English names": lambda grid: _months_by_name(grid, _SHORT_NAMES),
    "month headers by their Bulgarian names": lambda grid: _months_by_name(grid, _BULGARIAN_NAMES),
    "start month by its name": lambda grid: set_cell(grid, "Settings", "B3", "January 2025"),
    "start month by its short Bulgarian name": lambda grid: set_cell(grid, "Settings", "B3", "ян. 2025 г."),
    "start month as a date cell": lambda grid: set_cell(grid, "Settings", "B3", date(2025, 1, 1)),
    "start month as a datetime in its month": lambda grid: set_cell(
        grid, "Settings", "B3", datetime(2025, 1, 17, 9)
    ),
    "months as text": lambda grid: set_cell(grid, "Settings", "B4", "6"),
    "tolerance as a percent-formatted cell": lambda grid: set_cell(grid, "Settings", "B5", 0.1),
    "tolerance as text with a percent sign": lambda grid: set_cell(grid, "Settings", "B5", "10%"),
    "settings rows in another order": lambda grid: reorder_rows(grid, "Settings", [0, *range(8, 0, -1)]),
    "dropdown values in Bulgarian": lambda grid: set_cell(grid, "Actions", "H2", "Готово"),
    "dropdown values in any case": lambda grid: set_cell(grid, "Metrics", "F2", " UP "),
    "dates as ISO text": lambda grid: set_cell(grid, "Actions", "G2", "2025-02-28"),
    "dates as DD.MM.YYYY text": lambda grid: set_cell(grid, "Actions", "G2", "28.02.2025"),
    "dates as serial numbers": lambda grid: set_cell(grid, "Actions", "G2", 45716),
    "dates as datetimes": lambda grid: set_cell(grid, "Actions", "G2", datetime(2025, 2, 28, 17, 30)),
    "names with runs of spaces": lambda grid: set_cell(grid, "Actions", "E2", " Maria "),
    "numbers as floats": lambda grid: set_cell(grid, "Forecasts", "C2", 1000.0),
    "a Review log and review sheets beside the plan": lambda grid: (
        grid.update(
            {"Review log": [["Month", "Metric ID"]], "Review 2025-03": [["anything"]], "My notes": [[1, 2]]}
        )
        or grid
    ),
}


def reorder_rows(grid: Grid, sheet: str, order: list[int]) -> Grid:
    grid[sheet] = [grid[sheet][index] for index in order]
    return grid


@pytest.mark.parametrize("change", LAYOUTS.values(), ids=LAYOUTS.keys())
def test_layouts_and_spellings_people_use_read_back_the_same_plan(change: Callable[[Grid], Grid]) -> None:
    plan, problems = load(change(plan_grid(sample())), "plan.xlsx")
    assert problems == []
    assert plan == expected_plan(sample())


def test_locations_name_the_real_sheets_header_rows_and_columns() -> None:
    grid = headers_down(
        reorder_columns(plan_grid(sample()), "Forecasts", [1, 0, 2, 3, 4, 5, 6, 7]), "Forecasts", 2
    )
    grid["Действия"] = grid.pop("Actions")
    plan, _ = load(grid, "plan.xlsx")
    forecasts = plan.locations["forecasts"]
    assert forecasts.name == "Forecasts"
    assert forecasts.header_row == 3
    assert forecasts.columns == {
        "metric": 1,
        "metric_id": 2,
        "2025-01": 3,
        "2025-02": 4,
        "2025-03": 5,
        "2025-04": 6,
        "2025-05": 7,
        "2025-06": 8,
    }
    assert forecasts.rows == {"M1": 4, "M2": 5, "M3": 6}
    assert plan.locations["actuals"].rows == {"M1": 2, "M2": 3, "M3": 4}
    assert plan.locations["actions"] == SheetLocation(
        "Действия",
        {
            "action_id": 1,
            "goal_id": 2,
            "action": 3,
            "channel": 4,
            "owner": 5,
            "start": 6,
            "due": 7,
            "status": 8,
            "budget": 9,
            "spent": 10,
            "expected": 11,
            "notes": 12,
        },
    )
    assert [action.row for action in plan.actions] == [2, 3, 4, 5]
    assert plan.cell("actions", 3, "due") == "Действия!G3"
    assert plan.lang == "en"


def test_channels_and_assumptions_sheets_may_be_left_out() -> None:
    grid = plan_grid(sample())
    del grid["Channels"], grid["Assumptions"]
    plan, problems = load(grid, "plan.xlsx")
    assert problems == []
    assert (plan.channels, plan.assumptions) == ((), ())
    assert "channels" not in plan.locations


def test_the_language_is_the_one_most_sheet_names_are_in() -> None:
    grid = plan_grid(sample(), "bg")
    grid["Goals"] = grid.pop("Цели")
    plan, _ = load(grid, "план.xlsx")
    assert plan.lang == "bg"
    assert plan.locations["goals"].name == "Goals"


def test_a_second_sheet_for_the_same_part_of_the_plan_is_ignored() -> None:
    grid = plan_grid(sample())
    grid["Действия"] = [["ID на действие"], ["A9"]]
    plan, problems = load(grid, "plan.xlsx")
    assert [problem.as_dict() for problem in problems] == [
        {
            "severity": "warning",
            "sheet": "Действия",
            "cell": None,
            "code": "duplicate_sheet",
            "message": "Actions is the same sheet; this one is ignored",
        }
    ]
    assert [action.id for action in plan.actions] == ["A1", "A2", "A3", "A4"]


def test_a_short_row_reads_as_blanks_to_its_end() -> None:
    grid = plan_grid(sample())
    grid["Actions"][1] = grid["Actions"][1][:5]
    plan, problems = load(grid, "plan.xlsx")
    assert problems == []
    assert plan.actions[0].due is None and plan.actions[0].status is None


def test_integral_numbers_come_back_as_int() -> None:
    grid = set_cell(plan_grid(sample()), "Forecasts", "C2", 1000.0)
    set_cell(grid, "Actions", "I2", 500.0)
    plan, _ = load(grid, "plan.xlsx")
    assert type(plan.forecasts["M1"][Month(2025, 1)]) is int
    assert type(plan.actions[0].budget) is int
    assert type(plan.actions[0].spent) is float


def test_an_unknown_dropdown_value_is_kept_for_check_to_report() -> None:
    grid = set_cell(plan_grid(sample()), "Actions", "H2", "finished")
    plan, problems = load(grid, "plan.xlsx")
    assert problems == []
    assert plan.actions[0].status == "finished"


FORMULA = (
    "=D2*1.1 has no saved result (the file was saved by a program that does not calculate);"
    " open it in a spreadsheet program and save it, or type the value"
)
DATE_HINT = "use a date such as 2026-03-31 or 31.03.2026"

CELL_PROBLEMS = [
    ("Forecasts", "D3", "1 234,5", 'warning Forecasts!D3 number_as_text: "1 234,5" is a number typed as text,'
     " read as 1234.5; type it as a number"),
    ("Actions", "I3", "1,200.50", 'warning Actions!I3 number_as_text: "1,200.50" is a number typed as text,'
     " read as 1200.5; type it as a number"),
    ("Actions", "I3", "€300", 'warning Actions!I3 number_as_text: "€300" is a number typed as text,'
     " read as 300; type it as a number"),
    ("Actions", "J2", "420,50 €", 'warning Actions!J2 number_as_text: "420,50 €" is a number typed as'
     " text, read as 420.5; type it as a number"),
    ("Actuals", "D3", "24%", 'warning Actuals!D3 number_as_text: "24%" is a number typed as text,'
     " read as 0.24; type it as a number"),
    ("Forecasts", "D3", "lots", 'error Forecasts!D3 not_a_number: "lots" is not a number'),
    ("Actuals", "C4", True, "error Actuals!C4 not_a_number: TRUE is not a number"),
    ("Channels", "C2", "three", 'error Channels!C2 not_a_number: "three" is not a number'),
    ("Actions", "G2", "end of March",
     f'error Actions!G2 not_a_date: "end of March" is not a date; {DATE_HINT}'),
    ("Goals", "F2", "2025-02-30", f'error Goals!F2 not_a_date: "2025-02-30" is not a real date; {DATE_HINT}'),
    ("Actions", "G2", date(1900, 1, 15),
     "error Actions!G2 not_a_date: 1900-01-15 is before 1950, not a date of the plan (a number typed into"
     f" a cell formatted as a date reads as a day around 1900); {DATE_HINT}"),
    ("Actions", "F2", datetime(1900, 1, 5, 8), "error Actions!F2 not_a_date: 1900-01-05 is before 1950,"
     " not a date of the plan (a number typed into a cell formatted as a date reads as a day around"
     f" 1900); {DATE_HINT}"),
    ("Actions", "G3", "03/04/2025",
     'error Actions!G3 not_a_date: "03/04/2025" could be 3 April 2025 or 4 March 2025 (the order of day'
     " and month is not known); type it as 2025-04-03 or 3 April 2025"),
    ("Metrics", "H3", "a lot",
     'error Metrics!H3 not_a_percent: "a lot" is not a percentage; use 10 or 10% for ten percent'),
    ("Actuals", "D2", ErrorValue("#DIV/0!"),
     "error Actuals!D2 error_value: shows the error #DIV/0!; put a value there"),
    ("Actions", "E3", ErrorValue("#REF!"),
     "error Actions!E3 error_value: shows the error #REF!; put a value there"),
    ("Forecasts", "E2", FormulaValue("=D2*1.1"), f"error Forecasts!E2 formula_without_value: {FORMULA}"),
    ("Settings", "B3", "soon",
     'error Settings!B3 bad_setting: Start month: "soon" is not a month; use YYYY-MM, such as 2026-03'),
    ("Settings", "B4", 0, "error Settings!B4 bad_setting: Months: 0 months is not 1 to 60"),
    ("Settings", "B4", 61, "error Settings!B4 bad_setting: Months: 61 months is not 1 to 60"),
    ("Settings", "B4", 6.5, "error Settings!B4 bad_setting: Months: 6.5 is not a whole number"),
    ("Settings", "B5", "-3",
     'error Settings!B5 bad_setting: Tolerance %: "-3" is below zero; use 10 or 10% for ten percent'),
    ("Settings", "B2", " ", 'error Settings!B2 missing_setting: "Plan name" is blank; give the plan a name'),
    ("Settings", "B3", ErrorValue("#N/A"),
     "error Settings!B3 error_value: shows the error #N/A; put a value there"),
    ("Forecasts", "A3", None, "error Forecasts!A3 no_metric_id: this row has numbers but no Metric ID"),
    ("Forecasts", "H1", "Notes",
     "error Forecasts!1:1 missing_month_column: no column for 2025-06; add one headed 2025-06"),
    ("Forecasts", "A3", "M1",
     "error Forecasts!A3 duplicate_row: M1 is also on row 2; this row is ignored"),
    ("Forecasts", "I1", "2025-06",
     "error Forecasts!I1 duplicate_month: 2025-06 is also the header of Forecasts!H1;"
     " this column is ignored"),
    ("Actions", "M1", "Due",
     'warning Actions!M1 duplicate_column: "Due" is also the header of Actions!G1; this column is ignored'),
    ("Settings", "A10", "Plan name",
     'warning Settings!A10 duplicate_setting: "Plan name" is also set on Settings!A2; this row is ignored'),
    ("Settings", "B7", "every other Tuesday",
     'warning Settings!B7 bad_setting: Review day: "every other Tuesday" is not a review day; use e.g.'
     " third Thursday, last Friday or 15"),
    ("Settings", "B8", "25:00",
     'warning Settings!B8 bad_setting: Review time: "25:00" is not a time of day; use e.g. 10:00 or 14:30'),
    ("Settings", "B8", 1.5,
     'warning Settings!B8 bad_setting: Review time: "1.5" is not a time of day; use e.g. 10:00 or 14:30'),
    ("Settings", "B9", "Europe/Sofa",
     'warning Settings!B9 bad_setting: Time zone: "Europe/Sofa" is not a time zone; did you mean'
     " Europe/Sofia?"),
]  # fmt: skip


@pytest.mark.parametrize(("sheet", "cell", "value", "expected"), CELL_PROBLEMS)
def test_a_cell_load_cannot_use_is_a_problem_at_its_address(
    sheet: str, cell: str, value: object, expected: str
) -> None:
    assert problems_of(set_cell(plan_grid(sample()), sheet, cell, value)) == [expected]


def test_the_value_of_a_cell_typed_as_text_is_used() -> None:
    plan, _ = load(set_cell(plan_grid(sample()), "Forecasts", "D3", "1 234,5"), "plan.xlsx")
    assert plan.forecasts["M2"][Month(2025, 2)] == 1234.5


def test_amounts_percentages_and_dates_typed_as_text_are_used() -> None:
    grid = set_cell(plan_grid(sample()), "Actions", "I2", "€500")
    set_cell(grid, "Actions", "J2", "420,50 €")
    set_cell(grid, "Actuals", "D3", "24%")
    set_cell(grid, "Actions", "G2", "28/02/2025")
    plan, _ = load(grid, "plan.xlsx")
    assert (plan.actions[0].budget, plan.actions[0].spent) == (500, 420.5)
    assert plan.actuals["M2"][Month(2025, 2)] == 0.24
    assert plan.actions[0].due == date(2025, 2, 28)


def test_a_plan_without_the_review_time_and_time_zone_rows_reads_as_before() -> None:
    grid = plan_grid(sample())
    del grid["Settings"][7:9]  # Review time, Time zone
    plan, problems = load(grid, "plan.xlsx")
    assert problems == []
    assert (plan.settings.review_day, plan.settings.review_time, plan.settings.time_zone) == (
        "third Thursday",
        "",
        "",
    )
    assert plan.settings.rows == {
        "plan_name": 2,
        "start_month": 3,
        "months": 4,
        "tolerance": 5,
        "currency": 6,
        "review_day": 7,
    }


@pytest.mark.parametrize(
    "value",
    [time(9, 30), timedelta(hours=9, minutes=30), 0.3958333333333333, "09:30"],
    ids=["a time cell", "a duration cell", "a Google Sheet's time", "text"],
)
def test_a_review_time_is_kept_as_the_cell_says_it(value: object) -> None:
    plan, problems = load(set_cell(plan_grid(sample()), "Settings", "B8", value), "plan.xlsx")
    assert problems == []
    assert parse_review_time(plan.settings.review_time) == time(9, 30)


def test_a_missing_settings_row_is_an_error_without_a_cell() -> None:
    grid = plan_grid(sample())
    del grid["Settings"][3]  # Months
    plan, problems = load(grid, "plan.xlsx")
    assert problems == [
        Problem(
            "error",
            "Settings",
            None,
            "missing_setting",
            'no "Months" row; add one and give how many months the plan covers, 1 to 60',
        )
    ]
    # Forecasts' month headers stand in, so the rest of the plan is still read.
    assert plan.settings.plan_months == tuple(Month(2025, month) for month in range(1, 7))


def test_plan_months_without_a_column_and_columns_outside_the_plan() -> None:
    grid = plan_grid(sample())
    set_cell(grid, "Settings", "B4", 8)
    set_cell(grid, "Forecasts", "H1", "2024-12")
    set_cell(grid, "Actuals", "I1", "2026-01")
    set_cell(grid, "Actuals", "I2", 5)
    columns = "add one headed YYYY-MM for each plan month"
    assert problems_of(grid) == [
        f"error Forecasts!1:1 missing_month_column: no columns for 2025-06, 2025-07 and 2025-08; {columns}",
        "warning Forecasts!H1 month_outside_plan: 2024-12 is outside the plan (2025-01 to 2025-08);"
        " its numbers are ignored",
        f"warning Actuals!1:1 missing_month_column: no columns for 2025-07 and 2025-08; {columns}",
        "warning Actuals!I1 month_outside_plan: 2026-01 is outside the plan (2025-01 to 2025-08);"
        " its numbers are ignored",
    ]


STRUCTURE: list[tuple[str, Callable[[Grid], object], str]] = [
    ("no Actions sheet", lambda grid: grid.pop("Actions"), 'plan.xlsx: no sheet named "Actions"'),
    (
        "neither Goals nor Metrics",
        lambda grid: (grid.pop("Goals"), grid.pop("Metrics")),
        'plan.xlsx: no sheets named "Goals", "Metrics"',
    ),
    (
        "an empty workbook",
        lambda grid: grid.clear(),
        'plan.xlsx: no sheets named "Settings", "Goals", "Owners", '
        '"Actions", "Metrics", "Forecasts", "Actuals"',
    ),
    (
        "no Due column",
        lambda grid: set_cell(grid, "Actions", "G1", "Deadline"),
        'plan.xlsx: sheet Actions has no column "Due" (header row 1)',
    ),
    (
        "no Due or Status column",
        lambda grid: (set_cell(grid, "Actions", "G1", "x"), set_cell(grid, "Actions", "H1", "y")),
        'plan.xlsx: sheet Actions has no columns "Due", "Status" (header row 1)',
    ),
    (
        "no Metric ID column below a title",
        lambda grid: headers_down(set_cell(grid, "Forecasts", "A1", "ID"), "Forecasts", 2),
        'plan.xlsx: sheet Forecasts has no column "Metric ID" (header row 3)',
    ),
    (
        "no header row at all",
        lambda grid: grid.__setitem__("Owners", [["Maria"], ["Ivan"]]),
        'plan.xlsx: sheet Owners has no header row (none of rows 1-20 has the headers "Owner")',
    ),
    (
        "headers below row 20",
        lambda grid: headers_down(grid, "Owners", 20),
        'plan.xlsx: sheet Owners has no header row (none of rows 1-20 has the headers "Owner")',
    ),
]


@pytest.mark.parametrize(
    ("change", "message"), [case[1:] for case in STRUCTURE], ids=[case[0] for case in STRUCTURE]
)
def test_a_workbook_that_is_not_a_plan_is_a_source_error(
    change: Callable[[Grid], object], message: str
) -> None:
    grid = plan_grid(sample())
    change(grid)
    with pytest.raises(SourceError) as raised:
        load(grid, "plan.xlsx")
    assert str(raised.value) == message


def test_a_plan_read_for_some_sheets_requires_only_those_with_its_months_and_actuals() -> None:
    grid = plan_grid(sample())
    for name in ("Goals", "Owners", "Actions"):
        grid.pop(name)
    plan, problems = load(grid, "plan.xlsx", sheets=("metrics", "forecasts"))
    assert problems == []
    assert (plan.goals, plan.actions) == ((), ())
    whole = expected_plan(sample())
    assert (plan.metrics, plan.forecasts, plan.actuals) == (whole.metrics, whole.forecasts, whole.actuals)
    grid.pop("Forecasts")
    with pytest.raises(SourceError) as raised:
        load(grid, "plan.xlsx", sheets=("metrics", "forecasts"))
    assert str(raised.value) == 'plan.xlsx: no sheet named "Forecasts"'
    # Without Forecasts among them, a plan is read with no forecasts.
    plan, problems = load(grid, "plan.xlsx", sheets=("metrics",))
    assert problems == []
    assert (plan.forecasts, plan.actuals, plan.settings) == ({}, whole.actuals, whole.settings)
    assert "forecasts" not in plan.locations
    grid.pop("Actuals")
    with pytest.raises(SourceError) as raised:
        load(grid, "plan.xlsx", sheets=("metrics",))
    assert str(raised.value) == 'plan.xlsx: no sheet named "Actuals"'


def test_a_plan_read_without_forecasts_takes_its_months_from_actuals_when_settings_fail() -> None:
    grid = set_cell(plan_grid(sample()), "Settings", "B3", "soon")
    grid.pop("Forecasts")
    plan, problems = load(grid, "plan.xlsx", sheets=("metrics",))
    assert [(problem.cell, problem.code) for problem in problems] == [("Settings!B3", "bad_setting")]
    assert plan.settings.plan_months == expected_plan(sample()).settings.plan_months


def test_a_bulgarian_workbook_names_missing_columns_in_bulgarian() -> None:
    grid = set_cell(plan_grid(sample(), "bg"), "Действия", "G1", "Краен")
    with pytest.raises(SourceError) as raised:
        load(grid, "план.xlsx")
    assert str(raised.value) == 'план.xlsx: sheet Действия has no column "Срок" (header row 1)'


def as_calamine_reads(grid: Grid) -> Grid:
    """The grid with every number of Forecasts and Actuals a float, as calamine reads a workbook."""
    for sheet in ("Forecasts", "Actuals"):
        grid[sheet] = [
            [float(value) if type(value) is int else value for value in row] for row in grid[sheet]
        ]
    return grid


@pytest.mark.parametrize(
    "value", [True, "lots", "1 234,5", "", None, 7, ErrorValue("#N/A"), FormulaValue("=D2*1.1"), 2.5]
)
def test_a_row_of_floats_with_one_other_cell_reads_as_a_row_of_ints_does(value: object) -> None:
    """Rows of floats are read in one go; one cell of anything else must not change what is read."""
    floats = set_cell(as_calamine_reads(plan_grid(sample())), "Forecasts", "D3", value)
    ints = set_cell(plan_grid(sample()), "Forecasts", "D3", value)
    plan, problems = load(floats, "plan.xlsx")
    assert (plan, problems) == load(ints, "plan.xlsx")
    assert all(type(number) is int for number in plan.forecasts["M1"].values())


def test_owners_are_spelt_as_on_the_owners_sheet_with_a_warning() -> None:
    grid = set_cell(plan_grid(sample()), "Goals", "E2", "maria")
    set_cell(grid, "Assumptions", "B2", " MARIA ")
    set_cell(grid, "Actions", "E2", "Maria  Petrova")  # not on the Owners sheet: kept for check
    set_cell(grid, "Actions", "E4", "maria, ivan")  # several people: kept for check
    plan, problems = load(grid, "plan.xlsx")
    assert [goal.owner for goal in plan.goals] == ["Maria", "Ivan"]
    assert [action.owner for action in plan.actions] == ["Maria Petrova", "Elena", "maria, ivan", "Maria"]
    assert plan.assumptions[0].owner == "Maria"
    assert [f"{problem.cell} {problem.code}: {problem.message}" for problem in problems] == [
        'Goals!E2 owner_spelling: "maria" is spelt "Maria" on the Owners sheet; use the dropdown',
        'Assumptions!B2 owner_spelling: "MARIA" is spelt "Maria" on the Owners sheet; use the dropdown',
    ]


BULGARIAN_PROBLEMS = [
    ("Настройки", "B3", "скоро",
     "error Настройки!B3 bad_setting: Начален месец: „скоро“ не е месец; въведете YYYY-MM, например 2026-03"),
    ("Настройки", "B2", " ",
     "error Настройки!B2 missing_setting: „Име на плана“ е празно; дайте име на плана"),
    ("Прогнози", "C2", "1 234,5",
     "warning Прогнози!C2 number_as_text: „1 234,5“ е число, въведено като текст, и се чете като 1234,5;"
     " въведете го като число"),
    ("Прогнози", "A3", None,
     "error Прогнози!A3 no_metric_id: този ред има числа, но няма ID на показател"),
    ("Действия", "G3", "03/04/2025",
     "error Действия!G3 not_a_date: „03/04/2025“ може да е 3 април 2025 или 4 март 2025 (редът на деня и"
     " месеца не е известен); въведете я като 2025-04-03 или 3 април 2025"),
]  # fmt: skip


@pytest.mark.usefixtures("bulgarian")
@pytest.mark.parametrize(("sheet", "cell", "value", "expected"), BULGARIAN_PROBLEMS)
def test_a_cell_problem_is_said_in_bulgarian(sheet: str, cell: str, value: object, expected: str) -> None:
    assert problems_of(set_cell(plan_grid(sample(), "bg"), sheet, cell, value)) == [expected]


@pytest.mark.usefixtures("bulgarian")
def test_missing_sheets_are_named_in_bulgarian() -> None:
    grid = plan_grid(sample(), "bg")
    del grid["Прогнози"], grid["Резултати"]
    with pytest.raises(SourceError) as raised:
        load(grid, "план.xlsx")
    assert str(raised.value) == "план.xlsx: няма листове с имена „Прогнози“, „Резултати“"
