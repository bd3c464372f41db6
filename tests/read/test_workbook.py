"""Reading real workbooks into a Grid with calamine: values, formulas and errors, the sheets wanted,
and a big workbook read by two readers."""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path

import openpyxl
import pytest
import xlsxwriter
from ods_files import NAMESPACES, cell, write_ods
from plan_builder import TODAY, plan_grid, rewrite_zip, sample, write_workbook

from sheetplan.api import read_plan
from sheetplan.plan.model import ErrorValue, FormulaValue
from sheetplan.read import sheetscan
from sheetplan.read.source import read_file
from sheetplan.read.sparse import SheetRows, numbered
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
    monkeypatch.setattr(sheetscan, "SPLIT_BYTES", 0)
    second = sheetscan.for_second_reader({name: len(str(rows)) for name, rows in one.items()})
    assert second and set(second) < set(one)
    two = read_workbook(path, "xlsx", wanted=wanted.__contains__)
    assert list(two) == list(one) == [name for name in grid if name in wanted]
    assert two == one
    assert two["Actuals"][2][3] == ErrorValue("#N/A")


def test_a_small_workbook_or_one_sheet_is_read_by_one_reader() -> None:
    assert sheetscan.for_second_reader({"Actions": 2**19, "Actuals": 2**18}) == []
    assert sheetscan.for_second_reader({"Actions": 2**22}) == []
    assert sheetscan.for_second_reader({"Actions": 2**21, "Actuals": 2**20}) == ["Actions"]


FAR = {
    (1_048_576, 16_384): datetime(2026, 3, 31, 9, 30),
    (1_048_576, 1): True,
    (20_000, 702): "a note at ZZ20000",
    (100_000, 4_000): 12.5,
    (3, 16_000): ErrorValue("#N/A"),
}


def test_cells_far_from_the_rest_are_read_sparsely_each_as_calamine_reads_it_where_it_is(
    tmp_path: Path,
) -> None:
    path = tmp_path / "far.xlsx"
    workbook = xlsxwriter.Workbook(str(path))
    sheet = workbook.add_worksheet("Actions")
    stamp = workbook.add_format({"num_format": "yyyy-mm-dd hh:mm"})
    sheet.write_row(0, 0, ["Action ID", "Due"])
    sheet.write_row(1, 0, ["A1", 5])
    sheet.write_datetime(1_048_575, 16_383, FAR[1_048_576, 16_384], stamp)
    sheet.write_boolean(1_048_575, 0, True)
    sheet.write_string(19_999, 701, "a note at ZZ20000")
    sheet.write_number(99_999, 3_999, 12.5)
    sheet.write_formula(2, 15_999, "=NA()", None, "#N/A")
    workbook.close()
    rows = read_workbook(path, "xlsx")["Actions"]
    assert isinstance(rows, SheetRows) and len(rows) == 1_048_576
    assert rows.block == [["Action ID", "Due"], ["A1", 5.0]]
    assert {(row, column): rows[row - 1][column - 1] for row, column in FAR} == FAR
    assert [number for number, _ in numbered(rows, 3)] == [3, 20_000, 100_000, 1_048_576]


def test_a_far_table_of_an_ods_file_is_read_sparsely(tmp_path: Path) -> None:
    far = {position: value for position, value in FAR.items() if not isinstance(value, ErrorValue)}
    path = write_ods(tmp_path / "far.ods", {"Actions": [["Action ID", "Due"], ["A1", 5]]}, {"Actions": far})
    rows = read_workbook(path, "ods")["Actions"]
    assert isinstance(rows, SheetRows) and rows.block == [["Action ID", "Due"], ["A1", 5.0]]
    assert {position: rows[position[0] - 1][position[1] - 1] for position in far} == far


def test_a_far_row_in_a_tables_columns_is_one_of_its_rows(tmp_path: Path) -> None:
    """A value typed at A1048576 of Actions is an action there: its problems are at its own cells."""
    path = write_workbook(tmp_path / "plan.xlsx", plan_grid(sample()))
    rewrite_zip(
        path,
        {
            "xl/worksheets/sheet5.xml": lambda xml: xml.replace(
                b"</sheetData>",
                b'<row r="1048576"><c r="A1048576" t="inlineStr"><is><t>A99</t></is></c></row></sheetData>',
            )
        },
    )
    assert isinstance(read_file(path)["Actions"], SheetRows)
    problems = read_plan(str(path), TODAY).problems
    assert [problem.cell for problem in problems if problem.cell and "1048576" in problem.cell] == [
        "Actions!B1048576",
        "Actions!C1048576",
        "Actions!E1048576",
        "Actions!G1048576",
        "Actions!H1048576",
    ]


def test_an_ods_table_whose_short_blank_runs_add_up_far_is_read_sparsely_once_calamine_gives_up(
    tmp_path: Path,
) -> None:
    """Each run is shorter than the scan looks for, but together they reach XFD1048576."""
    blank_rows = '<table:table-row table:number-rows-repeated="4095"><table:table-cell/></table:table-row>'
    blank_cells = '<table:table-cell table:number-columns-repeated="255"/>'
    table = (
        f'<table:table table:name="Actions"><table:table-row>{cell("Action ID")}</table:table-row>'
        f"{blank_rows * 256}<table:table-row>{blank_cells * 64}{cell('far')}</table:table-row></table:table>"
    )
    content = (
        f"<office:document-content {NAMESPACES}><office:body><office:spreadsheet>{table}"
        "</office:spreadsheet></office:body></office:document-content>"
    )
    path = write_ods(tmp_path / "far.ods", {})
    rewrite_zip(path, {"content.xml": lambda _: content.encode()})
    rows = read_workbook(path, "ods")["Actions"]
    assert isinstance(rows, SheetRows) and rows.block == [["Action ID"]]
    assert len(rows) == 1 + 4095 * 256 + 1 and rows[-1][255 * 64] == "far"
