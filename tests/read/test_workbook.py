"""Reading real workbooks into a Grid with calamine: values, formulas and errors, the sheets wanted,
and a big workbook read by two readers."""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path

import openpyxl
import pytest
import xlsxwriter
from plan_builder import plan_grid, sample, write_workbook

from sheetplan.plan.model import ErrorValue, FormulaValue
from sheetplan.read import workbook as readers
from sheetplan.read.workbook import read_workbook


def test_values_from_an_xlsxwriter_workbook(tmp_path: Path) -> None:
    path = tmp_path / "values.xlsx"
    workbook = xlsxwriter.Workbook(str(path))
    sheet = workbook.add_worksheet("Values")
    day = workbook.add_format({"num_format": "yyyy-mm-dd"})
    stamp = workbook.add_format({"num_format": "yyyy-mm-dd hh:mm"})
    sheet.write_row(2, 1, [5, 5.5, "text", True])
    sheet.write_datetime(3, 1, date(2026, 1, 31), day)
    sheet.write_datetime(3, 2, datetime(2026, 1, 31, 10, 30), stamp)
    sheet.write_number(3, 3, 46053)  # a serial number without a date format
    sheet.write_formula(4, 1, "=NA()", None, "#N/A")
    sheet.write_formula(4, 2, "=B3*2", None, 10)
    sheet.write_formula(4, 3, "=B3*3")  # XlsxWriter saves 0 as the result
    workbook.close()
    assert read_workbook(path, "xlsx") == {
        "Values": [
            ["", "", "", "", ""],
            ["", "", "", "", ""],
            ["", 5.0, 5.5, "text", True],
            ["", date(2026, 1, 31), datetime(2026, 1, 31, 10, 30), 46053.0, ""],
            ["", ErrorValue("#N/A"), 10.0, 0.0, ""],
        ]
    }


def test_formulas_without_a_result_and_errors_from_openpyxl(tmp_path: Path) -> None:
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    sheet.title = "Actuals"
    sheet["A1"] = "Metric ID"
    sheet["B2"] = "=SUM(C2:D2)"
    sheet["C2"] = 4
    sheet["D3"] = "#REF!"
    sheet["D3"].data_type = "e"
    sheet["E4"] = '=IF(C2>3,"big","small")'
    workbook.save(tmp_path / "plan.xlsx")
    grid = read_workbook(tmp_path / "plan.xlsx", "xlsx")
    assert grid["Actuals"][1][1] == FormulaValue("=SUM(C2:D2)")
    assert grid["Actuals"][2][3] == ErrorValue("#REF!")
    assert grid["Actuals"][3][4] == FormulaValue('=IF(C2>3,"big","small")')
    assert grid["Actuals"][1][2] == 4.0


def test_only_the_wanted_sheets_are_read(tmp_path: Path) -> None:
    path = write_workbook(tmp_path / "plan.xlsx", {"Guide": [["Read me"]], "Goals": [["Goal ID"]]})
    assert read_workbook(path, "xlsx", wanted=lambda name: name != "Guide") == {"Goals": [["Goal ID"]]}


def test_a_big_workbook_read_by_two_readers_reads_as_by_one(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Past `SPLIT_BYTES` a second reader takes the biggest sheets; the grid is the same, in sheet order."""
    grid = plan_grid(sample())
    grid["Actuals"][2][3] = ErrorValue("#N/A")
    path = write_workbook(tmp_path / "plan.xlsx", grid, "openpyxl")
    wanted = {name for name in grid if name != "Owners"}
    one = read_workbook(path, "xlsx", wanted=wanted.__contains__)
    monkeypatch.setattr(readers, "SPLIT_BYTES", 0)
    second = readers._for_second_reader(path, "xlsx", list(one))
    assert second and set(second) < set(one)
    two = read_workbook(path, "xlsx", wanted=wanted.__contains__)
    assert list(two) == list(one) == [name for name in grid if name in wanted]
    assert two == one
    assert two["Actuals"][2][3] == ErrorValue("#N/A")


def test_an_ods_workbook_or_a_small_one_is_read_by_one_reader(tmp_path: Path) -> None:
    path = write_workbook(tmp_path / "plan.xlsx", plan_grid(sample()))
    names = list(plan_grid(sample()))
    assert readers._for_second_reader(path, "xlsx", names) == []
    assert readers._for_second_reader(path, "ods", names) == []
