"""Numbers a hundredth or a hundred times their metric's others, as percentages in cells formatted as %."""

from __future__ import annotations

from pathlib import Path

import pytest
import xlsxwriter
from plan_builder import TODAY, Grid, plan_grid, sample, set_cell

from sheetplan.check.rules import check_plan
from sheetplan.read.load import load
from sheetplan.read.source import read_file

COLUMNS = "CDEFGH"
"""The month columns of Forecasts and Actuals in the sample plan: 2025-01 to 2025-06."""


def scaled(grid: Grid) -> list[str]:
    plan, problems = load(grid, "plan.xlsx")
    found = [*problems, *check_plan(plan, today=TODAY, loaded=problems)]
    return [f"{problem.cell}: {problem.message}" for problem in found if problem.code == "percent_scale"]


def row(grid: Grid, sheet: str, number: int, *cells: object) -> Grid:
    for column, value in zip(COLUMNS, cells, strict=False):
        set_cell(grid, sheet, f"{column}{number}", value)
    return grid


def test_the_sample_plan_has_no_number_at_the_wrong_scale() -> None:
    assert scaled(plan_grid(sample())) == []


def test_a_number_typed_among_cells_formatted_as_percent_is_a_hundred_times_them() -> None:
    grid = row(plan_grid(sample()), "Forecasts", 3, *[0.255] * 6)
    row(grid, "Actuals", 3, 0.24, 24, 0.25)
    assert scaled(grid) == [
        "Actuals!D3: 24 is about a hundred times M2's forecast 0.255 for 2025-02, as a cell formatted as %"
        " holds a percentage (0.255 for 25.5%): if it is 24%, type it as 24% (read as 0.24)"
    ]


def test_a_forecast_at_a_hundredth_of_its_row_is_named_and_its_month_judged_by_the_others() -> None:
    grid = set_cell(plan_grid(sample()), "Forecasts", "E3", 0.255)
    assert scaled(grid) == [
        "Forecasts!E3: 0.255 is about a hundredth of M2's other forecasts (about 25.5): if it is 25.5%"
        " typed into a cell formatted as %, which holds it as 0.255, type 25.5 as the others are typed"
    ]
    set_cell(grid, "Actuals", "E3", 0.24)
    assert scaled(grid)[1:] == [
        "Actuals!E3: 0.24 is about a hundredth of M2's forecasts (about 25.5): if it is 24% typed into a"
        " cell formatted as %, which holds it as 0.24, type 24 as the others are typed"
    ]


def test_a_whole_row_of_actuals_at_a_hundredth_is_named_cell_by_cell() -> None:
    grid = row(plan_grid(sample()), "Actuals", 3, 0.24, 0.25, 0.26)
    assert [line.split(":")[0] for line in scaled(grid)] == ["Actuals!C3", "Actuals!D3", "Actuals!E3"]


def test_without_a_forecast_an_actual_is_judged_by_the_other_actuals() -> None:
    grid = row(plan_grid(sample()), "Forecasts", 3, *[None] * 6)
    row(grid, "Actuals", 3, 24, 0.25, 26)
    assert scaled(grid) == [
        "Actuals!D3: 0.25 is about a hundredth of M2's other actuals (about 24): if it is 25% typed into"
        " a cell formatted as %, which holds it as 0.25, type 25 as the others are typed"
    ]


@pytest.mark.parametrize(
    ("sheet", "cells"),
    [
        pytest.param("Actuals", [950, 10, 1190], id="a count far below its forecast is a whole number"),
        pytest.param("Actuals", [24, 2.4, 24], id="ten times apart is not a hundred"),
        pytest.param("Actuals", [24, 0.02, 24], id="a thousand times apart is not a hundred"),
        pytest.param("Actuals", [24, -0.24, 24], id="a number of the other sign"),
        pytest.param("Actuals", [24, 0, 24], id="zero is zero at any scale"),
        pytest.param("Actuals", [24, float("nan"), 24], id="not a number"),
        pytest.param("Forecasts", [25.5, 0.255], id="two forecasts alone cannot say which one is odd"),
    ],
)
def test_numbers_that_are_not_at_the_wrong_scale(sheet: str, cells: list[float]) -> None:
    grid = plan_grid(sample())
    number = 2 if cells[0] == 950 else 3
    if sheet == "Forecasts":
        row(grid, sheet, number, *cells, *[None] * 4)
        row(grid, "Actuals", number, *[None] * 6)
    else:
        row(grid, sheet, number, *cells)
    assert scaled(grid) == []


def test_an_actual_typed_as_a_percentage_in_a_real_workbook(tmp_path: Path) -> None:
    """Issue 12: 2.6% typed into a cell formatted as % against forecasts typed as 3.3 read as −99 %."""
    grid = row(plan_grid(sample()), "Forecasts", 3, *[3.3] * 6)
    row(grid, "Actuals", 3, 3.1, 3.4, None)
    path = tmp_path / "plan.xlsx"
    workbook = xlsxwriter.Workbook(str(path))
    percent = workbook.add_format({"num_format": "0.0%"})
    for name, rows in grid.items():
        sheet = workbook.add_worksheet(name)
        for number, cells in enumerate(rows):
            for column, value in enumerate(cells):
                if value is not None:
                    sheet.write(number, column, value)
    workbook.get_worksheet_by_name("Actuals").write_number("E3", 0.026, percent)
    workbook.close()
    assert scaled(dict(read_file(path))) == [  # type: ignore[arg-type]
        "Actuals!E3: 0.026 is about a hundredth of M2's forecast 3.3 for 2025-03: if it is 2.6% typed"
        " into a cell formatted as %, which holds it as 0.026, type 2.6 as the others are typed"
    ]
