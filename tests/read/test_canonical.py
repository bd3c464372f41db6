"""The copy of a workbook made for calamine: parts in UTF-8, worksheets reduced to their cells, tidy .ods."""

from __future__ import annotations

import io
import zipfile

import pytest
import python_calamine
from ods_files import NAMESPACES, cell

from sheetplan.files.package import Book, Sheet
from sheetplan.plan.errors import SourceError
from sheetplan.read import canonical

MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
SHEET = (
    f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><worksheet xmlns="{MAIN}">'
    '<dimension ref="A0:B2"/><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>Setting</t></is></c>'
    '<c r="B1"><v>46053</v></c></row>'
    '</sheetData><mergeCells count="1"><mergeCell ref="C:C"/></mergeCells></worksheet>'
)


@pytest.mark.parametrize("encoding", ["utf-16", "utf-16-le", "utf-16-be", "windows-1251", "utf-8-sig"])
def test_a_part_in_any_encoding_comes_out_in_utf8_saying_so(encoding: str) -> None:
    text = SHEET.replace("Setting", "Настройка").replace('encoding="UTF-8"', f'encoding="{encoding.upper()}"')
    if encoding == "utf-8-sig":
        text = text.replace(f'encoding="{encoding.upper()}"', 'encoding="UTF-8"')
    found = canonical.utf8(text.encode(encoding), "sheet.xml", "plan.xlsx")
    assert found.decode("utf-8") == SHEET.replace("Setting", "Настройка")


def test_a_part_that_is_not_in_the_encoding_it_declares_is_refused_in_words() -> None:
    with pytest.raises(
        SourceError, match=r"^plan\.xlsx: sheet\.xml is damaged: it holds characters that XML"
    ):
        canonical.utf8(b'<?xml version="1.0" encoding="UTF-16"?>\xd8\x00', "sheet.xml", "plan.xlsx")


def test_a_worksheet_is_reduced_to_its_cells() -> None:
    reduced = canonical.reduced(SHEET.encode(), "sheet.xml", "plan.xlsx")
    assert (
        reduced
        == SHEET.replace('<dimension ref="A0:B2"/>', "")
        .replace('<mergeCells count="1"><mergeCell ref="C:C"/></mergeCells>', "")
        .encode()
    )
    empty = canonical.reduced(f'<worksheet xmlns="{MAIN}"/>'.encode(), "sheet.xml", "plan.xlsx")
    assert empty == f'<worksheet xmlns="{MAIN}"><sheetData></sheetData></worksheet>'.encode()


def test_the_copy_of_a_workbook_is_read_by_calamine_with_its_date_system() -> None:
    styles = (
        f'<styleSheet xmlns="{MAIN}"><cellXfs count="2"><xf numFmtId="0"/><xf numFmtId="14"'
        ' applyNumberFormat="1"/></cellXfs></styleSheet>'
    )
    archive = io.BytesIO()
    with zipfile.ZipFile(archive, "w") as source:
        source.writestr("Book/Look.xml", styles)
    book = Book("Book/Main.xml", (Sheet("Réglages & co", "worksheet", "x"),), None, "Book/Look.xml", True)
    sheet = SHEET.replace('<c r="B1">', '<c r="B1" s="1">').encode()
    with zipfile.ZipFile(archive) as source:
        copy = canonical.xlsx_copy(
            source, book, {"Réglages & co": canonical.reduced(sheet, "x", "x")}, "plan.xlsx"
        )
    with python_calamine.CalamineWorkbook.from_filelike(io.BytesIO(copy)) as workbook:
        assert workbook.sheet_names == ["Réglages & co"]
        rows = workbook.get_sheet_by_name("Réglages & co").to_python()
    assert rows[0][0] == "Setting" and str(rows[0][1]) == "2030-02-01"  # 2026-01-31 in the 1900 system


def test_the_whitespace_a_pretty_printer_leaves_between_cells_is_taken_out_and_text_kept() -> None:
    cells = cell("a  b") + "\n  " + cell(5) + "\n"
    content = (
        f"<office:document-content {NAMESPACES}><office:body><office:spreadsheet>\n"
        f'<table:table table:name="T">\n <table:table-row>\n  {cells}</table:table-row>\n</table:table>\n'
        "</office:spreadsheet></office:body></office:document-content>"
    ).replace("<text:p>", "\n   <text:p>")
    with zipfile.ZipFile(io.BytesIO(canonical.ods_copy(content.encode()))) as copy:
        tidy = copy.read("content.xml").decode()
        assert copy.namelist()[0] == "mimetype"
    assert "<table:table-row><table:table-cell" in tidy and "</table:table-cell><table:table-cell" in tidy
    assert "<text:p>a  b</text:p>" in tidy and "\n" in tidy
    with python_calamine.CalamineWorkbook.from_filelike(
        io.BytesIO(canonical.ods_copy(content.encode()))
    ) as workbook:
        assert workbook.get_sheet_by_name("T").to_python() == [["a  b", 5.0]]
