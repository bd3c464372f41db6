"""A `SheetLayout` written as worksheet XML reads back, in openpyxl and calamine, as laid out."""

from __future__ import annotations

import math
from datetime import date, datetime
from pathlib import Path

import openpyxl
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from python_calamine import CalamineWorkbook

from sheetplan.layout.sheet import Cell, ColourRule, Range, Rows, SheetLayout, Style
from sheetplan.read.workbook import read_workbook
from sheetplan.xlsx.cell_values import serial
from sheetplan.xlsx.graft import Graft, graft
from sheetplan.xlsx.package import Package
from sheetplan.xlsx.sheet_xml import sheet_xml
from sheetplan.xlsx.skeleton import empty_workbook

STYLES = {
    "plain": Style(),
    "bold": Style(bold=True, colour="FFFFFF", fill="1F4E78", size=12, wrap=True, align="center"),
    "money": Style(number_format="#,##0.00 €", border=True),
    "date": Style(number_format="yyyy-mm-dd"),
    "heading": Style(underline=True, italic=True, indent=1),
}


def written(folder: Path, cells: list[Cell], **layout: object) -> Path:
    sheet = SheetLayout("Review 2026-04", tuple(sorted(cells)), STYLES, **layout)  # type: ignore[arg-type]
    path = folder / "sheet.xlsx"
    with Package(empty_workbook(), str(path)) as package:
        graft(package, [Graft(sheet, None, 0, active=True)])
        with path.open("wb") as stream:
            package.write(stream)
    return path


def test_values_of_every_kind_read_back_as_written(tmp_path: Path) -> None:
    cells = [
        Cell(1, 1, "Plain text", "plain"),
        Cell(1, 2, 950, "plain"),
        Cell(1, 3, 0.1 + 0.2, "money"),
        Cell(1, 4, date(2026, 4, 30), "date"),
        Cell(2, 1, '=HYPERLINK("https://example.com")', "plain"),
        Cell(2, 2, "#N/A", "plain"),
        Cell(2, 3, "  spaces kept  ", "plain"),
        Cell(2, 4, "Tom & Jerry <b>", "plain"),
        Cell(3, 1, "bell\x07 and tab\tand\nnewline", "plain"),
        Cell(3, 2, "x" * 40_000, "plain"),
        Cell(3, 3, -1e-20, "plain"),
        Cell(3, 4, 12345678901234567890.0, "plain"),
    ]
    path = written(tmp_path, cells)
    sheet = openpyxl.load_workbook(path)["Review 2026-04"]
    assert sheet["A1"].value == "Plain text"
    assert sheet["B1"].value == 950
    assert sheet["C1"].value == 0.1 + 0.2
    assert sheet["D1"].value == datetime(2026, 4, 30)
    assert sheet["A2"].value == '=HYPERLINK("https://example.com")' and sheet["A2"].data_type == "s"
    assert sheet["B2"].value == "#N/A" and sheet["B2"].data_type == "s"
    assert sheet["C2"].value == "  spaces kept  "
    assert sheet["D2"].value == "Tom & Jerry <b>"
    assert sheet["A3"].value == "bell and tab\tand\nnewline"
    assert sheet["B3"].value == "x" * 32_767
    assert sheet["C3"].value == -1e-20
    assert sheet["D3"].value == 12345678901234567890.0
    rows = CalamineWorkbook.from_path(str(path)).get_sheet_by_name("Review 2026-04").to_python()
    assert rows[0][:3] == ["Plain text", 950, 0.1 + 0.2]
    assert rows[1][0] == '=HYPERLINK("https://example.com")'


def test_each_cell_takes_its_style(tmp_path: Path) -> None:
    cells = [Cell(1, 1, "Head", "bold"), Cell(1, 2, 5.5, "money"), Cell(2, 1, "Section", "heading")]
    sheet = openpyxl.load_workbook(written(tmp_path, cells))["Review 2026-04"]
    head, money, section = sheet["A1"], sheet["B1"], sheet["A2"]
    assert (head.font.b, head.font.sz, head.font.color.rgb) == (True, 12, "FFFFFFFF")
    assert (head.fill.fill_type, head.fill.fgColor.rgb) == ("solid", "FF1F4E78")
    assert (head.alignment.horizontal, head.alignment.wrap_text, head.alignment.vertical) == (
        "center",
        True,
        "top",
    )
    assert money.number_format == "#,##0.00 €"
    assert money.border.left.style == "thin" and money.border.left.color.rgb == "FFBFBFBF"
    assert section.font.i and section.border.bottom.style == "medium" and section.alignment.indent == 1
    assert section.font.name == "Arial"


def test_merges_widths_heights_rules_and_page_setup_are_kept(tmp_path: Path) -> None:
    cells = [Cell(1, 1, "Title", "bold"), Cell(1, 2, None, "bold"), Cell(3, 1, "off track", "plain")]
    path = written(
        tmp_path,
        cells,
        merges=(Range(1, 1, 1, 2),),
        widths={1: 30.0, 2: 12.5},
        heights={1: 30.0},
        rules=(ColourRule(Range(3, 1, 10, 1), 'off "track"', "bold"),),
        page_breaks=(3,),
        footer="Plan & more",
    )
    sheet = openpyxl.load_workbook(path)["Review 2026-04"]
    assert [str(merged) for merged in sheet.merged_cells.ranges] == ["A1:B1"]
    assert sheet.column_dimensions["A"].width == 30 and sheet.column_dimensions["B"].width == 12.5
    assert sheet.row_dimensions[1].height == 30
    (rule,) = [rule for found in sheet.conditional_formatting for rule in found.rules]
    assert rule.formula == ['"off ""track"""'] and rule.dxf.font.b
    assert [brk.id for brk in sheet.row_breaks.brk] == [2]
    assert sheet.oddFooter.left.text == "Plan && more"
    assert sheet.page_setup.orientation == "landscape" and sheet.page_setup.paperSize == 9
    assert sheet.sheet_view.showGridLines is False and sheet.sheet_view.tabSelected


def test_not_a_number_is_left_blank_rather_than_breaking_the_file(tmp_path: Path) -> None:
    path = written(
        tmp_path, [Cell(1, 1, math.nan, "plain"), Cell(1, 2, math.inf, "plain"), Cell(1, 3, 1, "plain")]
    )
    sheet = openpyxl.load_workbook(path)["Review 2026-04"]
    assert [sheet["A1"].value, sheet["B1"].value, sheet["C1"].value] == [None, None, 1]


def test_a_lone_surrogate_is_left_out_rather_than_breaking_the_file(tmp_path: Path) -> None:
    # JSON, as the Sheets API sends a cell, can hold half of a surrogate pair, which UTF-8 cannot.
    path = written(tmp_path, [Cell(1, 1, "caf\ud83d", "plain")])
    assert openpyxl.load_workbook(path)["Review 2026-04"]["A1"].value == "caf"


def test_serial_numbers_are_those_spreadsheets_use() -> None:
    assert serial(date(1900, 1, 1)) == 1
    assert serial(date(1900, 3, 1)) == 61
    assert serial(date(2026, 4, 30)) == 46142
    assert serial(datetime(2026, 4, 30, 18)) == 46142.75


text = st.text(st.characters(codec="utf-8", exclude_categories=("Cs",)), max_size=40)
values = st.one_of(text, st.integers(-(10**15), 10**15), st.floats(allow_nan=False, allow_infinity=False))


@settings(max_examples=40, deadline=None)
@given(st.dictionaries(st.tuples(st.integers(1, 30), st.integers(1, 12)), values, min_size=1, max_size=40))
def test_any_cells_read_back_through_calamine(tmp_path_factory: pytest.TempPathFactory, cells: dict) -> None:
    folder = tmp_path_factory.mktemp("cells")
    path = written(folder, [Cell(row, column, value, "plain") for (row, column), value in cells.items()])
    rows = read_workbook(path, "xlsx")["Review 2026-04"]
    for (row, column), value in cells.items():
        found = rows[row - 1][column - 1] if row <= len(rows) and column <= len(rows[row - 1]) else None
        if isinstance(value, str):
            kept = "".join(c for c in value if c in "\t\n\r" or (ord(c) >= 32 and c not in "\ufffe\uffff"))
            # XML reads a carriage return as a line feed; a blank cell reads as nothing.
            assert (found or "") in (kept, kept.replace("\r\n", "\n").replace("\r", "\n"))
        else:
            assert found == value


column_values = st.one_of(
    st.none(),
    st.just(""),
    text,
    st.booleans(),
    st.integers(-(10**15), 10**15),
    st.floats(),
    st.integers(0, 10**6).map(float),
    st.dates(date(1900, 3, 1), date(2100, 1, 1)),
    st.datetimes(datetime(1900, 3, 1), datetime(2100, 1, 1)),
)
"""A table's values: a column may hold one kind throughout (written by the rows' template) or a mix."""


@st.composite
def tables(draw: st.DrawFn) -> Rows:
    width = draw(st.integers(1, 5))
    kinds = [
        draw(st.sampled_from([text, st.integers(), st.floats(allow_nan=False), column_values]))
        for _ in range(width)
    ]
    rows = draw(st.lists(st.tuples(*kinds), max_size=12))
    return Rows(
        draw(st.integers(1, 4)), rows, tuple(draw(st.sampled_from(sorted(STYLES))) for _ in range(width))
    )


@settings(max_examples=200, deadline=None)
@given(tables())
def test_a_tables_rows_are_written_as_the_same_cells_would_be(rows: Rows) -> None:
    header = tuple(Cell(1, column, f"Column {column}", "bold") for column in range(1, len(rows.styles) + 1))
    as_rows = SheetLayout("Posts", header if rows.first > 1 else (), STYLES, rows=rows)
    as_cells = SheetLayout("Posts", (*as_rows.cells, *rows.cells()), STYLES)
    indices = {name: index for index, name in enumerate(STYLES)}
    assert b"".join(sheet_xml(as_rows, indices, {})) == b"".join(sheet_xml(as_cells, indices, {}))


def test_a_tables_rows_go_below_the_cells_and_the_sheets_extent_covers_both() -> None:
    header = (Cell(1, 1, "Channel", "bold"), Cell(9, 3, "note", "plain"))
    with pytest.raises(ValueError, match="not below the cells"):
        SheetLayout("Posts", header, STYLES, rows=Rows(2, [("Facebook",)], ("plain",)))
    layout = SheetLayout(
        "Posts", header[:1], STYLES, rows=Rows(2, [("Facebook", None), ("X", 3)], ("plain",) * 2)
    )
    assert b'<dimension ref="A1:B3"/>' in b"".join(sheet_xml(layout, {name: 0 for name in STYLES}, {}))
