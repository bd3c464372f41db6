"""The XML scan of .xlsx sheets: the formula and error cells calamine reads as blanks, and where they land."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import pytest
from plan_builder import write_workbook

from sheetplan.plan.model import ErrorValue, FormulaValue
from sheetplan.read import xmlscan
from sheetplan.read.workbook import read_workbook

MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"


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


@pytest.mark.parametrize("chunk", [7, 64, 100, 2**20])
@pytest.mark.parametrize("prefix", ["", "x"])
def test_the_extent_is_the_last_row_and_column_whatever_the_chunks_and_prefix(
    chunk: int, prefix: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    cells = SHEET_XML + '<row r="9" spans="1:3"><c r="C9"><v>1</v></c></row><row r="12" ht="20"/>'
    if prefix:
        cells = cells.replace("<", "<x:").replace("<x:/", "</x:")
    monkeypatch.setattr(xmlscan, "_CHUNK", chunk)
    with _zip_with(tmp_path / "book.xlsx", "sheet.xml", _sheet_xml(cells, prefix)) as archive:
        found, extent = xmlscan.xlsx_scan(archive, "sheet.xml", "book.xlsx")
    assert found == SPECIAL
    assert (extent.rows, extent.columns, extent.cells, extent.known) == (9, 27, 11, True)
    assert extent.dense()


@pytest.mark.parametrize(
    ("far", "dense"),
    [("XFD1048576", False), ("ZZ20000", False), ("A1048576", False), ("Z300", True), ("CZ99", True)],
)
def test_a_sheet_with_a_cell_far_from_the_rest_is_not_dense(far: str, dense: bool, tmp_path: Path) -> None:
    rows = "".join(
        f'<row r="{row}"><c r="A{row}"><v>{row}</v></c><c r="B{row}"><v>1</v></c></row>'
        for row in range(1, 50)
    )
    number = far.lstrip("ABCDEFGHIJKLMNOPQRSTUVWXYZ")
    rows += f'<row r="{number}"><c r="{far}" t="inlineStr"><is><t>note</t></is></c></row>'
    with _zip_with(tmp_path / "book.xlsx", "sheet.xml", _sheet_xml(rows)) as archive:
        _, extent = xmlscan.xlsx_scan(archive, "sheet.xml", "book.xlsx")
    assert (extent.rows, extent.cells) == (int(number), 99)
    assert extent.dense() is dense


def test_a_row_whose_cells_have_no_references_leaves_the_extent_unknown(tmp_path: Path) -> None:
    cells = '<row r="1"><c r="A1"><v>1</v></c></row><row r="2"><c><v>2</v></c><c><v>3</v></c></row>'
    with _zip_with(tmp_path / "book.xlsx", "sheet.xml", _sheet_xml(cells)) as archive:
        _, extent = xmlscan.xlsx_scan(archive, "sheet.xml", "book.xlsx")
    assert not extent.known and not extent.dense()


def test_what_follows_the_cells_leaves_the_extent_known(tmp_path: Path) -> None:
    """Conditional formats, row and column breaks come after the cells: none of them is a row."""
    tail = (
        '<conditionalFormatting sqref="A1:B2"><cfRule type="expression" priority="1"><formula>A1</formula>'
        '</cfRule></conditionalFormatting><rowBreaks count="1"><brk id="1" max="16383" man="1"/></rowBreaks>'
        '<colBreaks count="1"><brk id="1" max="1048575" man="1"/></colBreaks>'
    )
    xml = _sheet_xml('<row r="1"><c r="A1"><v>1</v></c><c r="B1"><v>2</v></c></row>').replace(
        b"</worksheet>", tail.encode() + b"</worksheet>"
    )
    with _zip_with(tmp_path / "book.xlsx", "sheet.xml", xml) as archive:
        _, extent = xmlscan.xlsx_scan(archive, "sheet.xml", "book.xlsx")
    assert (extent.rows, extent.columns, extent.cells, extent.known) == (1, 2, 2, True)
