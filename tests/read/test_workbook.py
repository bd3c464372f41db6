"""Reading real .xlsx files into a Grid: what calamine gives, and the cells the XML scan finds for it."""

from __future__ import annotations

import io
import zipfile
from datetime import date, datetime
from pathlib import Path

import openpyxl
import pytest
import xlsxwriter
from plan_builder import plan_grid, sample, write_workbook

from sheetplan.api import read_plan
from sheetplan.plan.model import ErrorValue, FormulaValue
from sheetplan.read import workbook as readers
from sheetplan.read import xmlscan
from sheetplan.read.google import google_key
from sheetplan.read.source import read_file
from sheetplan.read.workbook import read_workbook

MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"


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


def _sheet_xml(cells: str, prefix: str = "") -> bytes:
    tag = f"{prefix}:" if prefix else ""
    namespace = f"xmlns:{prefix}" if prefix else "xmlns"
    return (
        f'<?xml version="1.0" encoding="UTF-8"?><{tag}worksheet {namespace}="{MAIN}"><{tag}sheetData>'
        f"{cells}</{tag}sheetData></{tag}worksheet>"
    ).encode()


SHEET_XML = (
    '<row r="1"><c r="A1" t="inlineStr"><is><t>a t="e" and &lt;f&gt; typed as text</t></is></c>'
    '<c r="B1"><f t="shared" ref="B1:B3" si="0">A1*2</f></c>'
    '<c r="C1" t="str"><f>IF(1,"","")</f><v></v></c>'
    '<c r="D1" t="e"/><c r="E1" s="3" t="e"><f>1/0</f><v>#DIV/0!</v></c></row>'
    '<row r="2"><c r="B2"><f t="shared" si="0"/></c><c r="C2"><f>C1+1</f><v>1</v></c>'
    '<c r="AA2"><f>SUM(A1:&quot;x&quot;)</f><v/></c></row>'
    '<row r="3"><c r="B3"><f t="shared" si="0"/><v>6</v></c><c r="C3" t="e"><v>#NAME?</v></c></row>'
)
SPECIAL = {
    (1, 2): FormulaValue("=A1*2"),
    (1, 4): ErrorValue("#N/A"),
    (1, 5): ErrorValue("#DIV/0!"),
    (2, 2): FormulaValue("=A1*2"),
    (2, 27): FormulaValue('=SUM(A1:"x")'),
    (3, 3): ErrorValue("#NAME?"),
}


def _zip_with(path: Path, member: str, data: bytes) -> zipfile.ZipFile:
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr(member, data)
    return zipfile.ZipFile(path)


@pytest.mark.parametrize("chunk", [7, 64, 100, 2**20])
@pytest.mark.parametrize("prefix", ["", "x"])
def test_the_scan_finds_the_same_cells_whatever_the_chunks_and_prefix(
    chunk: int, prefix: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    cells = SHEET_XML if not prefix else SHEET_XML.replace("<", "<x:").replace("<x:/", "</x:")
    monkeypatch.setattr(xmlscan, "_CHUNK", chunk)
    with _zip_with(tmp_path / "book.xlsx", "sheet.xml", _sheet_xml(cells, prefix)) as archive:
        assert xmlscan.xlsx_special_cells(archive, "sheet.xml") == SPECIAL


def test_a_sheet_without_formulas_or_errors_has_nothing_to_scan(tmp_path: Path) -> None:
    cells = '<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1"><v>12.5</v></c></row>'
    with _zip_with(tmp_path / "book.xlsx", "sheet.xml", _sheet_xml(cells)) as archive:
        assert xmlscan.xlsx_special_cells(archive, "sheet.xml") == {}


def test_the_scanned_cells_land_where_calamine_put_the_blanks(tmp_path: Path) -> None:
    """A real workbook whose first sheet is replaced by the scan's test XML."""
    path = write_workbook(tmp_path / "plan.xlsx", {"Sheet": [["x"]]}, "openpyxl")
    with zipfile.ZipFile(path) as archive:
        members = {info.filename: archive.read(info) for info in archive.infolist()}
    members["xl/worksheets/sheet1.xml"] = _sheet_xml(SHEET_XML)
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for member, data in members.items():
            archive.writestr(member, data)
    path.write_bytes(buffer.getvalue())
    rows = read_workbook(path, "xlsx")["Sheet"]
    for (row, column), value in SPECIAL.items():
        assert rows[row - 1][column - 1] == value
    assert rows[0][0] == 'a t="e" and <f> typed as text'
    assert rows[0][2] == ""  # a formula whose saved result is the empty string
    assert rows[1][2] == 1.0 and rows[2][1] == 6.0


def test_only_the_wanted_sheets_are_read(tmp_path: Path) -> None:
    path = write_workbook(tmp_path / "plan.xlsx", {"Guide": [["Read me"]], "Goals": [["Goal ID"]]})
    assert read_workbook(path, "xlsx", wanted=lambda name: name != "Guide") == {"Goals": [["Goal ID"]]}


def test_read_source_reads_only_the_plans_sheets(tmp_path: Path) -> None:
    grid = plan_grid(sample())
    grid["Guide"] = [["How to fill in the plan"]]
    grid["Review 2025-03"] = [["Review"]]
    grid["Review log"] = [["Month", "Metric ID"]]
    grid["My notes"] = [["anything"]]
    path = write_workbook(tmp_path / "plan.xlsm", grid)
    assert set(read_file(path)) == {*plan_grid(sample()), "Review log"}


@pytest.mark.parametrize(
    ("source", "key"),
    [
        ("gsheet:1AbC_d-9", "1AbC_d-9"),
        ("https://docs.google.com/spreadsheets/d/1AbC_d-9/edit#gid=0", "1AbC_d-9"),
        ("plan.xlsx", None),
        ("gsheet.xlsx", None),
        ("/home/maria/docs.google.com/plan.xlsx", None),
        ("https://docs.google.com/spreadsheets/d/1AbC-x_9/edit#gid=0", "1AbC-x_9"),
        ("https://docs.google.com/spreadsheets/d/1AbC-x_9", "1AbC-x_9"),
        ("https://docs.google.com/spreadsheets/u/1/d/1AbC-x_9/edit?usp=sharing", "1AbC-x_9"),
        ("docs.google.com/spreadsheets/d/1AbC-x_9/edit", "1AbC-x_9"),
        ("gsheet:1AbC-x_9", "1AbC-x_9"),
        ("  gsheet:1AbC-x_9 ", "1AbC-x_9"),
        ("plan.xlsx", None),
        ("/home/maria/gsheet:plan.xlsx", None),
        ("gsheet:", None),
        ("https://example.com/spreadsheets/d/1AbC/edit", None),
    ],
)
def test_google_sources_are_told_from_files(source: str, key: str | None) -> None:
    assert google_key(source) == key


def test_a_google_source_without_google_support_is_a_source_error(monkeypatch: pytest.MonkeyPatch) -> None:
    import sys

    from sheetplan.plan.errors import SourceError

    monkeypatch.setitem(sys.modules, "gspread", None)
    with pytest.raises(SourceError) as raised:
        read_plan("gsheet:1AbC", date(2026, 4, 1))
    assert str(raised.value) == (
        "gsheet:1AbC: cannot use Google Sheets: this sheetplan has no Google Sheets support"
        " (install it with: pip install 'sheetplan[google]')"
    )


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
