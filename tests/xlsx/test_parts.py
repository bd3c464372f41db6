"""Finding what openpyxl would drop: each case is a real file, and an openpyxl round trip shows the loss."""

from __future__ import annotations

import zipfile
from collections.abc import Callable
from pathlib import Path

import openpyxl
import pytest
import xlsxwriter
from PIL import Image
from plan_builder import rewrite_zip

from sheetplan.xlsx.parts import Loss, describe, parts_openpyxl_would_drop

# openpyxl warns as it drops an extension; dropping it is what these tests show.
pytestmark = pytest.mark.filterwarnings("ignore:.*extension is not supported:UserWarning")

X14_DROPDOWN = (
    b'<extLst><ext uri="{CCE6A557-97BC-4b89-ADB6-D9C93CAAB3DF}" '
    b'xmlns:x14="http://schemas.microsoft.com/office/spreadsheetml/2009/9/main">'
    b'<x14:dataValidations count="1" xmlns:xm="http://schemas.microsoft.com/office/excel/2006/main">'
    b'<x14:dataValidation type="list" allowBlank="1"><x14:formula1><xm:f>Owners!$A$2:$A$20</xm:f>'
    b"</x14:formula1><xm:sqref>E2:E200</xm:sqref></x14:dataValidation></x14:dataValidations></ext></extLst>"
)


def plain_workbook(path: Path, build: Callable[[xlsxwriter.Workbook, object], None] | None = None) -> Path:
    """A workbook with what openpyxl keeps: numbers, a comment, a picture, a chart, a table, a dropdown."""
    picture = path.with_suffix(".png")
    Image.new("RGB", (30, 20), (200, 40, 40)).save(picture)
    workbook = xlsxwriter.Workbook(str(path))
    sheet = workbook.add_worksheet("Data")
    sheet.write_row(0, 0, ["Month", "Visits"])
    for row in range(1, 6):
        sheet.write_row(row, 0, [f"2026-0{row}", row * 100])
    sheet.write_comment("B1", "Counted by the analytics tool")
    sheet.insert_image("D2", str(picture))
    chart = workbook.add_chart({"type": "line"})
    chart.add_series({"categories": "=Data!$A$2:$A$6", "values": "=Data!$B$2:$B$6"})
    sheet.insert_chart("D10", chart)
    sheet.add_table("F1:G3", {"columns": [{"header": "A"}, {"header": "B"}]})
    sheet.data_validation("H2:H20", {"validate": "list", "source": ["yes", "no"]})
    if build:
        build(workbook, sheet)
    workbook.close()
    return path


def add(data: bytes) -> Callable[[bytes], bytes]:
    return lambda _: data


def resave(path: Path) -> Path:
    out = path.with_name("resaved.xlsx")
    openpyxl.load_workbook(path).save(out)
    return out


def members(path: Path) -> dict[str, bytes]:
    with zipfile.ZipFile(path) as archive:
        return {name: archive.read(name) for name in archive.namelist()}


def test_a_workbook_of_kept_things_loses_nothing(tmp_path: Path) -> None:
    path = plain_workbook(tmp_path / "plain.xlsx")
    assert parts_openpyxl_would_drop(path) == ()
    after = openpyxl.load_workbook(resave(path))["Data"]
    assert (len(after._images), len(after._charts), after["B1"].comment.text) == (
        1,
        1,
        "Counted by the analytics tool",
    )
    assert list(after.tables) == ["Table1"]


def _textbox(workbook: xlsxwriter.Workbook, sheet: object) -> None:
    sheet.insert_textbox("J2", "Remember: post on Tuesdays")  # type: ignore[attr-defined]


def _sparkline(workbook: xlsxwriter.Workbook, sheet: object) -> None:
    sheet.add_sparkline("C2", {"range": "Data!B2:B6"})  # type: ignore[attr-defined]


def _data_bar(workbook: xlsxwriter.Workbook, sheet: object) -> None:
    sheet.conditional_format("B2:B6", {"type": "data_bar", "bar_solid": True})  # type: ignore[attr-defined]


@pytest.mark.parametrize(
    ("build", "expected", "gone"),
    [
        (_textbox, Loss("shapes or text boxes", "xl/drawings/drawing1.xml"), b"Remember: post on Tuesdays"),
        (_sparkline, Loss("sparklines", "xl/worksheets/sheet1.xml"), b"sparklineGroup"),
        (
            _data_bar,
            Loss("conditional formats stored as an Excel 2010 extension", "xl/worksheets/sheet1.xml"),
            b"x14:dataBar",
        ),
    ],
    ids=["text box", "sparkline", "Excel 2010 data bar"],
)
def test_what_xlsxwriter_writes_and_openpyxl_drops_is_found(
    tmp_path: Path, build: Callable[[xlsxwriter.Workbook, object], None], expected: Loss, gone: bytes
) -> None:
    path = plain_workbook(tmp_path / "plan.xlsx", build)
    assert parts_openpyxl_would_drop(path) == (expected,)
    assert any(gone in data for data in members(path).values())
    assert not any(gone in data for data in members(resave(path)).values())


def _with_extension(sheet: bytes) -> bytes:
    return sheet.replace(b"</worksheet>", X14_DROPDOWN + b"</worksheet>")


ADDED_PARTS = [
    ("xl/metadata.xml", "cell metadata (dynamic arrays or linked data types)"),
    ("xl/slicers/slicer1.xml", "slicers"),
    ("xl/threadedComments/threadedComment1.xml", "threaded comments"),
    ("xl/ctrlProps/ctrlProp1.xml", "form controls such as checkboxes"),
    ("xl/richData/rdrichvalue.xml", "pictures in cells or linked data types (richData)"),
    ("xl/pivotTables/pivotTable1.xml", "pivot tables"),
    ("xl/vbaProject.bin", "macros (VBA)"),
    ("xl/charts/chartEx1.xml", "Excel 2016 charts (waterfall, treemap and the like)"),
    ("xl/webextensions/webextension1.xml", "parts openpyxl does not read"),
]


@pytest.mark.parametrize(("member", "what"), ADDED_PARTS, ids=[member for member, _ in ADDED_PARTS])
def test_parts_openpyxl_does_not_keep_are_found(tmp_path: Path, member: str, what: str) -> None:
    path = rewrite_zip(plain_workbook(tmp_path / "plan.xlsx"), {member: add(b"<x/>")})
    assert parts_openpyxl_would_drop(path) == (Loss(what, member),)
    assert member not in members(resave(path))


def test_a_dropdown_excel_stored_as_an_extension_is_found(tmp_path: Path) -> None:
    path = rewrite_zip(plain_workbook(tmp_path / "plan.xlsx"), {"xl/worksheets/sheet1.xml": _with_extension})
    what = "dropdowns stored as an Excel 2010 extension (x14:dataValidations)"
    assert parts_openpyxl_would_drop(path) == (Loss(what, "xl/worksheets/sheet1.xml"),)
    assert b"x14:dataValidation" not in members(resave(path))["xl/worksheets/sheet1.xml"]


def test_a_shape_is_found_by_its_element_not_its_namespace_prefix(tmp_path: Path) -> None:
    path = plain_workbook(tmp_path / "plan.xlsx", _textbox)
    renamed = rewrite_zip(
        path,
        {
            "xl/drawings/drawing1.xml": lambda data: data.replace(b"xdr:", b"d:").replace(
                b"xmlns:xdr", b"xmlns:d"
            )
        },
    )
    assert parts_openpyxl_would_drop(renamed) == (Loss("shapes or text boxes", "xl/drawings/drawing1.xml"),)


def test_several_losses_are_described_in_one_clause(tmp_path: Path) -> None:
    path = rewrite_zip(
        plain_workbook(tmp_path / "plan.xlsx", _textbox),
        {"xl/worksheets/sheet1.xml": _with_extension, "xl/metadata.xml": add(b"<metadata/>")},
    )
    assert describe(parts_openpyxl_would_drop(path)) == (
        "dropdowns stored as an Excel 2010 extension (x14:dataValidations) (xl/worksheets/sheet1.xml), "
        "shapes or text boxes (xl/drawings/drawing1.xml), "
        "cell metadata (dynamic arrays or linked data types) (xl/metadata.xml)"
    )
