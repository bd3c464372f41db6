"""Saving with plain sheets' cells written as text: the same bytes as openpyxl's own save, part by part."""

from __future__ import annotations

import io
import math
import zipfile
from collections.abc import Callable
from datetime import date, datetime
from pathlib import Path
from xml.etree.ElementTree import canonicalize

import openpyxl
import pytest
from openpyxl.cell.rich_text import CellRichText, TextBlock
from openpyxl.cell.text import InlineFont
from openpyxl.comments import Comment
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
from openpyxl.workbook.workbook import Workbook
from openpyxl.worksheet.formula import ArrayFormula
from openpyxl.worksheet.worksheet import Worksheet
from openpyxl.xml import LXML

from sheetplan.xlsx.save import save_workbook, sheet_data

TEXTS = [
    "plain",
    " leading",
    "trailing ",
    "   ",
    "",
    "a & b < c > d \"quoted\" 'single'",
    "Преглед на плана",
    "two\nlines",
    '=HYPERLINK("https://example.com")',
    "#N/A",
    "x" * 40_000,
]
NUMBERS = [0, 7, -12, 10**20, 0.1, -2.5, 1e-300, 123456789.123456789, math.nan, math.inf]


def plain_workbook() -> Workbook:
    """A workbook of every kind of plain cell, styled and not, with row heights and merges."""
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    sheet.title = "Plain"
    for row, text in enumerate(TEXTS, start=1):
        sheet.cell(row, 1).value = text
        sheet.cell(row, 1).data_type = "s"
    for row, number in enumerate(NUMBERS, start=1):
        sheet.cell(row, 2, number)
    sheet.cell(1, 3, date(2026, 3, 31)).number_format = "yyyy-mm-dd"
    sheet.cell(2, 3, datetime(2026, 3, 31, 14, 30))
    bold = sheet.cell(3, 3, "bold")
    bold.font = Font(bold=True, color="1F4E78")
    bold.fill = PatternFill(fill_type="solid", start_color="FFC7CE", end_color="FFC7CE")
    side = Side(style="thin", color="BFBFBF")
    sheet.cell(4, 3).border = Border(left=side, right=side, top=side, bottom=side)  # a styled blank
    sheet.cell(5, 3).alignment = Alignment(wrap_text=True)
    sheet.merge_cells("D1:F1")
    sheet["D1"] = "merged across"
    sheet["D1"].border = Border(bottom=side)
    sheet.row_dimensions[2].height = 30
    sheet.row_dimensions[40].height = 12  # a row with a height and no cells
    sheet.row_dimensions[41].hidden = True
    sheet.column_dimensions["A"].width = 40
    second = workbook.create_sheet("Second")
    second.append(["Month", "Metric", "Forecast"])
    second.append(["2026-03", "M1", 1200])
    second.append(["2026-04", '=IF(A3<>"",B2&" again","")', "=C2*1.1"])
    workbook.create_sheet("Empty")
    return workbook


def parts(save: Callable[[Workbook, io.BytesIO], None], workbook: Workbook) -> dict[str, bytes]:
    stream = io.BytesIO()
    save(workbook, stream)
    with zipfile.ZipFile(stream) as archive:
        # The core properties hold the time of saving.
        return {name: archive.read(name) for name in archive.namelist() if name != "docProps/core.xml"}


def openpyxl_save(workbook: Workbook, stream: io.BytesIO) -> None:
    workbook.save(stream)


def same_xml(one: bytes, other: bytes) -> bool:
    """Byte for byte; with lxml installed openpyxl writes empty elements as `<c/>`, so compare canonically."""
    if not LXML or not one.lstrip().startswith(b"<"):
        return one == other
    return canonicalize(one.decode()) == canonicalize(other.decode())


def assert_same_parts(make: Callable[[], Workbook]) -> None:
    expected, found = parts(openpyxl_save, make()), parts(save_workbook, make())
    assert list(found) == list(expected)
    for name, data in expected.items():
        assert same_xml(found[name], data), name


def test_plain_sheets_are_saved_as_openpyxl_saves_them() -> None:
    assert_same_parts(plain_workbook)


def test_the_cells_are_written_apart_from_openpyxl() -> None:
    """The fast path is taken for plain sheets: their cells come from `sheet_data`."""
    workbook = plain_workbook()
    for sheet in workbook.worksheets:
        found = sheet_data(sheet)
        assert found is not None, sheet.title
    cells, dimension = sheet_data(workbook["Plain"])  # type: ignore[misc]
    assert dimension == "A1:F11"
    assert b'<c r="B10" t="n"><v /></c>' in cells
    assert b'<c r="B9" t="n"><v /></c>' in cells
    assert b'<c r="A6" t="inlineStr"><is><t>a &amp; b &lt; c &gt; d "quoted" \'single\'</t></is></c>' in cells
    assert b'<t xml:space="preserve"> leading</t>' in cells
    assert b'<row r="40" ht="12" customHeight="1"></row>' in cells
    formulas, _ = sheet_data(workbook["Second"])  # type: ignore[misc]
    assert b'<c r="B3"><f>IF(A3&lt;&gt;"",B2&amp;" again","")</f><v /></c>' in formulas


def reviewed_workbook(tmp_path: Path) -> Callable[[], Workbook]:
    """The example plan opened for writing with its review added, as `sheetplan review` builds it."""
    from datetime import date as day

    from sheetplan import api as reviewing
    from sheetplan.layout.review import review_layout
    from sheetplan.plan.model import Month
    from sheetplan.template.workbook import write_plan
    from sheetplan.xlsx import write as xlsx_write
    from sheetplan.xlsx.dropdowns import apply_dropdowns

    path = tmp_path / "plan.xlsx"
    write_plan(path, start=Month(2026, 1), months=12, lang="bg", example=True, force=False)
    read = reviewing.read_plan(str(path), day(2026, 5, 3))
    result = reviewing.review_of(read, Month(2026, 3), day(2026, 5, 3))

    def make() -> Workbook:
        workbook = xlsx_write._open(path)
        layout = review_layout(result, read.plan.lang, read.plan.settings.review_day)
        xlsx_write._put_review(workbook, layout, result, read.plan)
        apply_dropdowns(workbook, read.plan)
        return workbook

    return make


def test_a_plan_with_its_review_is_saved_as_openpyxl_saves_it(tmp_path: Path) -> None:
    assert_same_parts(reviewed_workbook(tmp_path))


def _array_formula(sheet: Worksheet) -> None:
    sheet["A2"] = ArrayFormula("A2:A3", "=B1:B2*2")


def _comment(sheet: Worksheet) -> None:
    sheet["A2"].comment = Comment("a note", "Maria")


def _hyperlink(sheet: Worksheet) -> None:
    sheet["A2"].hyperlink = "https://example.com"


def _boolean(sheet: Worksheet) -> None:
    sheet["A2"] = True


def _error(sheet: Worksheet) -> None:
    sheet["A2"] = "#N/A"


def _rich_text(sheet: Worksheet) -> None:
    sheet["A2"] = CellRichText(["plain and ", TextBlock(InlineFont(b=True), "bold")])


def _time(sheet: Worksheet) -> None:
    sheet["A2"] = datetime(2026, 3, 31, 9, 0).time()


@pytest.mark.parametrize("add", [_array_formula, _comment, _hyperlink, _boolean, _error, _rich_text, _time])
def test_a_sheet_with_any_other_cell_goes_through_openpyxl_whole(add: Callable[[Worksheet], None]) -> None:
    def make() -> Workbook:
        workbook = plain_workbook()
        add(workbook["Second"])
        return workbook

    assert sheet_data(make()["Second"]) is None
    assert sheet_data(make()["Plain"]) is not None
    assert_same_parts(make)
