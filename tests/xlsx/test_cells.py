"""Setting cells in a worksheet's XML: what calamine and openpyxl read back, and every other byte kept.

Sheets come from XlsxWriter and openpyxl, and by hand for the forms those two never write (a namespace
prefix, rows and cells without references, self-closing tags). Each result is zipped back into its
workbook and read by both readers: the cells set hold their new values and every other cell reads as
before.
"""

from __future__ import annotations

import io
import re
import zipfile
from collections.abc import Callable, Mapping
from datetime import date, datetime, time
from functools import cache
from typing import Any
from xml.etree import ElementTree
from xml.sax.saxutils import escape

import openpyxl
import pytest
import xlsxwriter
from hypothesis import given, settings
from hypothesis import strategies as st
from openpyxl.styles import Font
from openpyxl.utils.datetime import to_excel
from python_calamine import CalamineWorkbook

from sheetplan.plan.addresses import column_letter, column_number
from sheetplan.plan.errors import WriteError
from sheetplan.xlsx.cells import CellInput, set_cells

PART = "xl/worksheets/sheet1.xml"
MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
Read = dict[tuple[int, int], tuple[str, Any]]
"""Non-empty cells as a reader sees them, each as its kind and value (so that True is not 1.0)."""

EDITS: dict[tuple[int, int], CellInput] = {
    (1, 2): "January",  # text over text
    (2, 2): 101,  # a number over a number
    (2, 3): "n/a",  # text over a number
    (3, 2): 8.25,  # over a bold number: stays bold
    (4, 2): date(2026, 4, 30),  # over a date: stays a date
    (5, 2): 7,  # over a formula
    (2, 5): True,  # a new cell at the end of a row
    (1, 4): "  spaced  ",  # a new cell between two
    (2, 6): "column F",  # a new cell in the italic column
    (6, 2): "styled row",  # a new cell in the bold row
    (6, 6): "row wins",  # the row's style over the column's
    (7, 1): "between",  # a new row between two
    (7, 6): 3.5,  # a new row's cell in the italic column
    (9, 3): None,  # cleared: an unstyled cell goes
    (9, 1): None,  # cleared: a bold cell keeps its style
    (11, 1): None,  # clearing a cell that is not there
    (12, 1): "last",  # a new row at the end, outside the dimension
}


def xlsxwriter_book() -> bytes:
    """A sheet as XlsxWriter writes it: shared strings, bold cells, a date, a formula, a styled row."""
    stream = io.BytesIO()
    workbook = xlsxwriter.Workbook(stream, {"in_memory": True})
    sheet = workbook.add_worksheet("Plan")
    bold, italic = workbook.add_format({"bold": True}), workbook.add_format({"italic": True})
    day = workbook.add_format({"num_format": "yyyy-mm-dd"})
    sheet.set_column(5, 5, 14, italic)
    sheet.set_row(5, None, bold)
    sheet.write_row(0, 0, ["Metric", "Jan", "Feb", None, "Apr"])
    sheet.write_row(1, 0, ["Visits", 100, 120.5])
    sheet.write_row(2, 0, ["Leads", 7], bold)
    sheet.write_datetime(3, 1, datetime(2026, 3, 31), day)
    sheet.write_formula(4, 1, "=B2*2", None, 200)
    sheet.write_row(8, 0, ["kept", "gap", "cleared"])
    sheet.write(8, 0, "kept", bold)
    workbook.close()
    return stream.getvalue()


def openpyxl_book() -> bytes:
    """The same sheet as openpyxl writes it: inline strings, and attributes in another order."""
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    sheet.title = "Plan"
    sheet.column_dimensions["F"].font = Font(italic=True)
    sheet.row_dimensions[6].font = Font(bold=True)
    for row in (["Metric", "Jan", "Feb", None, "Apr"], ["Visits", 100, 120.5], ["Leads", 7]):
        sheet.append(row)
    sheet["A3"].font = sheet["B3"].font = Font(bold=True)
    sheet["B4"] = datetime(2026, 3, 31)
    sheet["B4"].number_format = "yyyy-mm-dd"
    sheet["B5"] = "=B2*2"
    for column, value in enumerate(["kept", "gap", "cleared"], start=1):
        sheet.cell(9, column, value)
    sheet["A9"].font = Font(bold=True)
    stream = io.BytesIO()
    workbook.save(stream)
    return stream.getvalue()


@cache
def template() -> bytes:
    """A workbook of one sheet `S` whose styles are 1 bold, 2 italic and 3 a date, for hand-written XML."""
    stream = io.BytesIO()
    workbook = xlsxwriter.Workbook(stream, {"in_memory": True})
    sheet = workbook.add_worksheet("S")
    for column, style in enumerate(({"bold": True}, {"italic": True}, {"num_format": "yyyy-mm-dd"})):
        sheet.write(0, column, 1, workbook.add_format(style))
    workbook.close()
    return stream.getvalue()


def part(book: bytes) -> bytes:
    with zipfile.ZipFile(io.BytesIO(book)) as archive:
        return archive.read(PART)


def with_part(book: bytes, xml: bytes) -> bytes:
    """The workbook `book` with its first sheet's XML replaced by `xml`."""
    stream = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(book)) as source, zipfile.ZipFile(stream, "w") as target:
        for info in source.infolist():
            target.writestr(info, xml if info.filename == PART else source.read(info))
    return stream.getvalue()


def kind(value: Any) -> tuple[str, Any]:
    if isinstance(value, bool):
        return "bool", value
    if isinstance(value, int | float):
        return "number", float(value)
    if isinstance(value, datetime):
        return "date", value
    if isinstance(value, date):
        return "date", datetime.combine(value, time())
    return "text", value


def calamine_read(book: bytes, name: str) -> Read:
    sheet = CalamineWorkbook.from_filelike(io.BytesIO(book)).get_sheet_by_name(name)
    top, left = sheet.start or (0, 0)
    return {
        (top + row + 1, left + column + 1): kind(value)
        for row, values in enumerate(sheet.to_python())
        for column, value in enumerate(values)
        if value != ""
    }


def openpyxl_read(book: bytes, name: str) -> Read:
    sheet = openpyxl.load_workbook(io.BytesIO(book))[name]
    return {
        (cell.row, cell.column): kind(cell.value)
        for row in sheet.iter_rows()
        for cell in row
        if cell.value is not None
    }


READERS: dict[str, Callable[[bytes, str], Read]] = {"calamine": calamine_read, "openpyxl": openpyxl_read}


def expected(before: Read, values: Mapping[tuple[int, int], CellInput]) -> Read:
    after = dict(before)
    for key, value in values.items():
        after.pop(key, None)
        if value is not None:
            after[key] = kind(value)
    return after


def kept(xml: bytes, refs: set[str], rows: set[int]) -> str:
    """The sheet without the `<c>` elements at `refs`, the rows numbered `rows` and the dimension,
    with self-closing rows opened: what `set_cells` must leave exactly as it was."""
    text = xml.decode()
    text = re.sub(r"<(\w+:)?dimension [^>]*>", "", text)
    text = re.sub(r"<((\w+:)?row\b[^>]*?)/>", r"<\1></\2row>", text)
    cell = r"<(\w+:)?c\b[^>]*?\br=\"(?P<ref>[A-Z]+\d+)\"[^>]*?(/>|>.*?</(\w+:)?c>)"
    text = re.sub(cell, lambda found: "" if found["ref"] in refs else found[0], text, flags=re.S)
    row = r"<(\w+:)?row\b[^>]*?\br=\"(?P<number>\d+)\"[^>]*>.*?</(\w+:)?row>"
    return re.sub(row, lambda found: "" if int(found["number"]) in rows else found[0], text, flags=re.S)


def row_numbers(xml: bytes) -> set[int]:
    return {int(number) for number in re.findall(rb"<(?:\w+:)?row\b[^>]*?\br=\"(\d+)\"", xml)}


def assert_only_named_cells_changed(
    before: bytes, after: bytes, values: Mapping[tuple[int, int], Any]
) -> None:
    refs = {f"{column_letter(column)}{row}" for row, column in values}
    assert kept(after, refs, row_numbers(after) - row_numbers(before)) == kept(before, refs, set())


def hand_sheet(cells: str, head: str = "", prefix: str = "") -> bytes:
    """A worksheet of hand-written rows, their element names written with `prefix`."""
    namespace = f'xmlns:{prefix}="{MAIN}"' if prefix else f'xmlns="{MAIN}"'
    name = f"{prefix}:" if prefix else ""
    xml = (
        f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet {namespace} '
        f'xmlns:t="urn:test">{head}<sheetData>{cells}</sheetData></worksheet>'
    )
    return re.sub(r"<(/?)(?=[a-zA-Z])(?!t:)", rf"<\1{name}", xml).encode()


WRITERS = {"xlsxwriter": xlsxwriter_book, "openpyxl": openpyxl_book}


@pytest.fixture(params=sorted(WRITERS))
def book(request: pytest.FixtureRequest) -> bytes:
    return WRITERS[request.param]()


@pytest.mark.parametrize("reader", sorted(READERS))
def test_the_cells_set_read_back_and_every_other_cell_as_before(book: bytes, reader: str) -> None:
    changed = set_cells(part(book), EDITS, "plan.xlsx: Plan")
    after = READERS[reader](with_part(book, changed.xml), "Plan")
    before = READERS[reader](book, "Plan")
    assert ("text", "cleared") in before.values() and (9, 3) in before
    assert after == expected(before, EDITS)
    assert changed.replaced_formulas


def test_styles_stay_with_their_cells_and_new_cells_take_the_row_or_column_style(book: bytes) -> None:
    sheet = openpyxl.load_workbook(io.BytesIO(with_part(book, set_cells(part(book), EDITS).xml)))["Plan"]
    assert sheet["B3"].font.b and sheet["B3"].value == 8.25
    assert sheet["B4"].number_format == "yyyy-mm-dd" and sheet["B4"].value == datetime(2026, 4, 30)
    assert sheet["F2"].font.i and not sheet["F2"].font.b
    assert sheet["F7"].font.i
    assert sheet["B6"].font.b
    assert sheet["F6"].font.b and not sheet["F6"].font.i
    assert sheet["A9"].font.b and sheet["A9"].value is None
    assert not sheet["A7"].font.b and not sheet["A7"].font.i
    assert not sheet["E2"].font.b and not sheet["E2"].font.i


def test_only_the_named_cells_change_byte_for_byte(book: bytes) -> None:
    before = part(book)
    after = set_cells(before, EDITS).xml
    assert after != before
    assert_only_named_cells_changed(before, after, EDITS)


def test_a_cleared_cell_goes_unless_its_style_shows(book: bytes) -> None:
    xml = set_cells(part(book), EDITS).xml
    assert re.search(rb'<c r="A9" s="\d+"/>', xml)
    assert b'r="C9"' not in xml and b'r="A11"' not in xml and b'<row r="11"' not in xml


def assert_in_order(xml: bytes) -> list[ElementTree.Element]:
    """Assert that the rows and each row's cells stand in ascending order; the rows."""
    rows = [element for element in ElementTree.fromstring(xml).iter() if element.tag == f"{{{MAIN}}}row"]
    numbers: list[int] = []
    for row in rows:
        numbers.append(int(row.get("r") or (numbers[-1] if numbers else 0) + 1))
        columns: list[int] = []
        for cell in row.iter(f"{{{MAIN}}}c"):
            ref = re.fullmatch(r"([A-Z]+)(\d+)", cell.get("r", ""))
            assert ref is None or int(ref[2]) == numbers[-1]
            columns.append(column_number(ref[1]) if ref else (columns[-1] if columns else 0) + 1)
        assert columns == sorted(set(columns)), (numbers[-1], columns)
    assert numbers == sorted(set(numbers)), numbers
    return rows


def test_rows_and_cells_stand_in_order(book: bytes) -> None:
    rows = assert_in_order(set_cells(part(book), EDITS).xml)
    assert {7, 12} <= {int(row.get("r", "")) for row in rows}
    assert [cell.get("r") for cell in rows[0]] == ["A1", "B1", "C1", "D1", "E1"]


def test_the_dimension_widens_to_take_in_the_new_cells(book: bytes) -> None:
    before, xml = part(book), set_cells(part(book), EDITS).xml
    dimension = re.compile(rb"<dimension [^>]*>")
    assert re.fullmatch(rb'<dimension ref="A1:[EF]9" ?/>', found(dimension, before))
    assert re.fullmatch(rb'<dimension ref="A1:F12" ?/>', found(dimension, xml))
    # openpyxl in read-only mode reads no further than the dimension says.
    sheet = openpyxl.load_workbook(io.BytesIO(with_part(book, xml)), read_only=True)["Plan"]
    assert [row[0].value for row in sheet.iter_rows(min_row=12, max_col=1)] == ["last"]
    assert found(dimension, set_cells(before, {(2, 2): 5, (1, 1): None}).xml) == found(dimension, before)


def found(pattern: re.Pattern[bytes], xml: bytes) -> bytes:
    match = pattern.search(xml)
    assert match
    return match[0]


def test_a_cleared_cell_keeps_its_element_where_it_would_look_different_without() -> None:
    rows = (
        '<row r="1"><c r="A1" s="0"><v>1</v></c><c r="B1"><v>2</v></c><c r="C1" s="1"><v>3</v></c></row>'
        '<row r="2" s="1" customFormat="1"><c r="A2" s="1"><v>4</v></c><c r="B2"><v>5</v></c></row>'
        '<row r="3"><c r="B3" s="2"><v>6</v></c></row>'
    )
    sheet = hand_sheet(rows, '<cols><col min="2" max="2" style="2"/></cols>')
    clear = {(1, 1): None, (1, 2): None, (1, 3): None, (2, 1): None, (2, 2): None, (3, 2): None}
    xml = set_cells(sheet, clear).xml
    assert (
        b'<row r="1"><c r="B1"/><c r="C1" s="1"/></row><row r="2" s="1" customFormat="1"><c r="B2"/></row>'
        in xml
    )
    assert b'<row r="3"></row>' in xml
    assert all(reader(with_part(template(), xml), "S") == {} for reader in READERS.values())


def test_replacing_no_formula_says_so(book: bytes) -> None:
    assert not set_cells(part(book), {(2, 2): 5, (20, 20): "x"}).replaced_formulas
    assert set_cells(part(book), {(5, 2): None}).replaced_formulas


def test_text_is_escaped_kept_whole_and_cut_at_excels_limit() -> None:
    texts: dict[tuple[int, int], CellInput] = {
        (1, 1): "a & b < c > d \"quoted\" 'single' ]]>",
        (2, 1): " leading and trailing ",
        (3, 1): "two\nlines\r\nand a\ttab",
        (4, 1): "bell\x07 and nul\x00 and \ufffe gone",
        (5, 1): "x" * 40_000,
        (6, 1): "Преглед на плана 📈",
        (7, 1): '=HYPERLINK("https://example.com")',
    }
    xml = set_cells(hand_sheet(""), texts).xml
    assert xml.count(b'xml:space="preserve"') == 1
    book = with_part(template(), xml)
    read = {**{key: kind(value) for key, value in texts.items()}, (4, 1): kind("bell and nul and  gone")}
    read[(5, 1)] = kind("x" * 32_767)
    for reader in READERS.values():
        assert reader(book, "S") == read


def test_text_that_looks_like_excels_escapes_stays_as_it_is() -> None:
    xml = set_cells(hand_sheet(""), {(1, 1): "_x0041_ and _x000D_"}).xml
    assert b"_x005F_x0041_ and _x005F_x000D_" in xml
    assert calamine_read(with_part(template(), xml), "S") == {(1, 1): ("text", "_x0041_ and _x000D_")}


@pytest.mark.parametrize(
    "number", [0, -7, 2**53, 0.1, -2.5, 1e-300, 5e-324, 1.7976931348623157e308, 123456789.123456789, -0.0]
)
def test_numbers_are_written_exactly(number: float) -> None:
    xml = set_cells(hand_sheet(""), {(1, 1): number}).xml
    assert f"<v>{number!r}</v>".encode() in xml
    value = CalamineWorkbook.from_filelike(io.BytesIO(with_part(template(), xml))).get_sheet_by_name("S")
    assert value.to_python() == [[number]]
    assert repr(float(value.to_python()[0][0])) == repr(float(number))


@pytest.mark.parametrize("number", [float("nan"), float("inf"), -float("inf"), 10**400])
def test_numbers_no_spreadsheet_holds_are_refused(number: float) -> None:
    with pytest.raises(ValueError, match="cannot write"):
        set_cells(hand_sheet(""), {(1, 1): number})


@pytest.mark.parametrize(
    "day",
    [
        date(2026, 3, 31),
        date(1900, 1, 1),
        date(1900, 2, 28),
        date(1900, 3, 1),
        datetime(2026, 3, 31, 14, 30),
        datetime(2026, 3, 31, 23, 59, 59),
        date(9999, 12, 31),
    ],
)
def test_dates_are_excel_serial_numbers_and_read_back_in_a_date_cell(day: date) -> None:
    xml = set_cells(hand_sheet('<row r="1"><c r="A1" s="3"/></row>'), {(1, 1): day, (1, 2): day}).xml
    serial = re.search(rb'<c r="B1"><v>([^<]*)</v>', xml)
    assert serial and float(serial[1]) == to_excel(day)
    book = with_part(template(), xml)
    for reader in READERS.values():
        assert reader(book, "S") == {(1, 1): kind(day), (1, 2): ("number", to_excel(day))}


def test_dates_before_1900_and_other_types_are_refused() -> None:
    with pytest.raises(ValueError, match="1900"):
        set_cells(hand_sheet(""), {(1, 1): date(1899, 12, 31)})
    with pytest.raises(TypeError, match="bytes"):
        set_cells(hand_sheet(""), {(1, 1): b"raw"})  # type: ignore[dict-item]
    for key in [(0, 1), (1, 0), (1_048_577, 1), (1, 16_385)]:
        with pytest.raises(ValueError, match="no such cell"):
            set_cells(hand_sheet(""), {key: 1})


def test_truth_values() -> None:
    xml = set_cells(hand_sheet(""), {(1, 1): True, (1, 2): False}).xml
    assert b'<c r="A1" t="b"><v>1</v></c><c r="B1" t="b"><v>0</v></c>' in xml
    for reader in READERS.values():
        assert reader(with_part(template(), xml), "S") == {(1, 1): kind(True), (1, 2): kind(False)}


SHARED = (
    '<row r="7"><c r="D7"><f t="shared" ref="D7:D9" si="0">A7*2</f><v>2</v></c></row>'
    '<row r="8"><c r="D8"><f t="shared" si="0"/><v>4</v></c></row>'
    '<row r="9"><c r="D9"><f t="shared" si="0"/><v>6</v></c></row>'
)


@pytest.mark.parametrize("value", [5, None])
def test_the_first_cell_of_a_shared_formula_is_refused(value: CellInput) -> None:
    message = (
        "plan.xlsx: Actuals!D7 holds the first cell of a shared formula that the cells of D7:D9 copy;"
        " not changed"
    )
    with pytest.raises(WriteError) as raised:
        set_cells(hand_sheet(SHARED), {(1, 1): 1, (7, 4): value}, "plan.xlsx: Actuals")
    assert str(raised.value) == message


def test_a_cell_that_copies_a_shared_formula_may_change() -> None:
    changed = set_cells(hand_sheet(SHARED), {(8, 4): 40})
    assert changed.replaced_formulas
    assert b'<c r="D8"><v>40</v></c>' in changed.xml
    assert b'<c r="D9"><f t="shared" si="0"/><v>6</v></c>' in changed.xml


def test_cells_of_array_formulas_and_data_tables_are_refused() -> None:
    stream = io.BytesIO()
    workbook = xlsxwriter.Workbook(stream, {"in_memory": True})
    sheet = workbook.add_worksheet("S")
    sheet.write_array_formula("B5:B7", "{=A1:A3*2}")
    sheet.write_dynamic_array_formula("D1:D3", "=SEQUENCE(3)")
    workbook.close()
    xml = part(stream.getvalue())
    for (row, column), ref in {(5, 2): "B5:B7", (6, 2): "B5:B7", (7, 2): "B5:B7", (3, 4): "D1:D3"}.items():
        with pytest.raises(
            WriteError,
            match=rf"^S!{column_letter(column)}{row} is part of an array formula over {ref}; not changed$",
        ):
            set_cells(xml, {(row, column): 1}, "S")
    assert b'<c r="B8"><v>1</v></c>' in set_cells(xml, {(8, 2): 1, (4, 4): 1}).xml
    table = (
        '<row r="2"><c r="B2"><f t="dataTable" ref="B2:C4" dt2D="1" dtr="1" r1="A1" r2="A2"/><v>1</v></c>'
        "</row>"
    )
    with pytest.raises(WriteError, match=r"^C3 is part of a data table over B2:C4; not changed$"):
        set_cells(hand_sheet(table), {(3, 3): 1})
    set_cells(hand_sheet(table), {(5, 3): 1})


@pytest.mark.parametrize("markup", ['<!-- <row r="2"/> -->', "<?pi data?>", "<![CDATA[x]]>"])
def test_comments_and_instructions_among_the_cells_are_refused(markup: str) -> None:
    sheet = hand_sheet(f'<row r="1"><c r="A1"><v>1</v></c></row>{markup}')
    with pytest.raises(
        WriteError,
        match=r"^book\.xlsx: S: its cells hold XML comments, CDATA or processing instructions; not changed$",
    ):
        set_cells(sheet, {(2, 1): 1}, "book.xlsx: S")


def test_a_prefixed_sheet_gets_prefixed_cells() -> None:
    rows = '<row r="2"><c r="B2" s="1"><v>1</v></c><c r="D2"><v>2</v></c></row><row r="4"/>'
    sheet = hand_sheet(rows, '<dimension ref="B2:D4"/><cols><col min="5" max="5" style="2"/></cols>', "x")
    assert b"<x:row" in sheet and b"<row" not in sheet
    values = {(2, 2): "b", (2, 3): 3, (2, 5): "e", (4, 1): 4.5, (1, 1): True, (9, 9): None}
    xml = set_cells(sheet, values).xml
    assert b"<c " not in xml and b"<row " not in xml and b'<x:dimension ref="A1:E4"/>' in xml
    assert b'<x:c r="E2" s="2" t="inlineStr"><x:is><x:t>e</x:t></x:is></x:c>' in xml
    assert_only_named_cells_changed(sheet, xml, values)
    for reader in READERS.values():
        assert reader(with_part(template(), xml), "S") == expected({(2, 4): kind(2)}, values)


def test_rows_and_cells_without_references_follow_the_one_before() -> None:
    # Row 1 holds A1, B1 and C1, row 2 nothing, row 3 C3 and D3; only C3 says where it is.
    rows = (
        "<row><c><v>1</v></c><c><v>2</v></c><c><v>3</v></c></row><row/>"
        '<row><c r="C3"><v>33</v></c><c><v>34</v></c></row>'
    )
    sheet = hand_sheet(rows)
    before = {(1, 1): 1, (1, 2): 2, (1, 3): 3, (3, 3): 33, (3, 4): 34}
    values = {(1, 1): None, (1, 2): "b", (2, 2): 22, (3, 1): "a", (3, 4): None, (3, 6): 36, (5, 1): 51}
    xml = set_cells(sheet, values).xml
    assert b'<c r="A1"/>' in xml  # kept, or the next cell would move into column A
    want = expected({key: kind(value) for key, value in before.items()}, values)
    for reader in READERS.values():
        assert reader(with_part(template(), sheet), "S") == {
            key: kind(value) for key, value in before.items()
        }
        assert reader(with_part(template(), xml), "S") == want


@pytest.mark.parametrize("data", ["<sheetData/>", "<sheetData></sheetData>", "<sheetData />"])
def test_an_empty_sheet_gets_rows(data: str) -> None:
    sheet = hand_sheet("").replace(b"<sheetData></sheetData>", data.encode())
    assert set_cells(sheet, {(3, 3): None}).xml == sheet
    xml = set_cells(sheet, {(3, 3): 1, (1, 1): "a"}).xml
    assert re.search(
        rb'<sheetData ?><row r="1"><c r="A1" t="inlineStr"><is><t>a</t></is></c></row><row r="3">', xml
    )
    assert calamine_read(with_part(template(), xml), "S") == {(1, 1): kind("a"), (3, 3): kind(1)}


def test_attributes_in_any_order_and_holding_a_closing_bracket() -> None:
    rows = (
        '<row spans="1:3" t:note="a>b" r="2" customFormat="1" s="1">'
        '<c t:note="&lt;c r=&quot;Z2&quot;>" s="2" r="A2" t="inlineStr"><is><r><rPr><b/><charset val="1"/>'
        '<color rgb="FFFF0000"/></rPr><t>rich</t></r></is></c><c t="n" r="C2"><v>3</v></c></row>'
        "<row t:r='1' r='5'/>"
    )
    sheet = hand_sheet(rows)
    values = {(2, 2): "b", (2, 4): 4, (5, 1): 5, (3, 1): 3}
    xml = set_cells(sheet, values).xml
    assert_only_named_cells_changed(sheet, xml, values)
    assert (
        b'<c r="B2" s="1" t="inlineStr">' in xml
        and b"<row t:r='1' r='5'><c r=\"A5\"><v>5</v></c></row>" in xml
    )
    want = {
        (2, 1): kind("rich"),
        (2, 2): kind("b"),
        (2, 3): kind(3),
        (2, 4): kind(4),
        (3, 1): kind(3),
        (5, 1): kind(5),
    }
    for reader in READERS.values():
        assert reader(with_part(template(), xml), "S") == want


def test_problems_in_the_xml_are_write_errors() -> None:
    with pytest.raises(WriteError, match=r"^book\.xlsx: S: not a worksheet"):
        set_cells(b"<chartsheet/>", {(1, 1): 1}, "book.xlsx: S")
    with pytest.raises(WriteError, match="row 1 has no end tag"):
        set_cells(hand_sheet('<row r="1"><c r="A1"><v>1</v></c>').replace(b"</row>", b""), {(1, 2): 1})


# Random sparse sheets in every form by hand, and random edits of them.
VALUES = st.one_of(
    st.text(
        st.characters(codec="utf-8", exclude_categories=["Cs", "Cc"], exclude_characters="_\ufffe\uffff"),
        min_size=1,
        max_size=8,
    ),
    st.integers(-(10**15), 10**15),
    st.floats(allow_nan=False, allow_infinity=False),
    st.booleans(),
)
KEYS = st.tuples(st.integers(1, 12), st.integers(1, 8))


def cell_xml(ref: str | None, value: Any, style: str | None, r_last: bool) -> str:
    """A cell as the tests write it by hand, its reference after its style when `r_last`."""
    attrs = [f'r="{ref}"'] if ref else []
    if style:
        attrs.insert(0 if r_last else len(attrs), f's="{style}"')
    if isinstance(value, bool):
        attrs.append('t="b"')
        content = f"<v>{int(value)}</v>"
    elif isinstance(value, int | float):
        content = f"<v>{value!r}</v>"
    else:
        attrs.append('t="inlineStr"')
        content = f'<is><t xml:space="preserve">{escape(value)}</t></is>'
    return f"<c {' '.join(attrs)}>{content}</c>" if attrs else f"<c>{content}</c>"


@st.composite
def sheets(draw: Any) -> tuple[bytes, dict[tuple[int, int], Any], bool]:
    """A sheet of random cells, some rows empty, references left out where allowed; and whether every
    row and cell has its reference."""
    cells = draw(st.dictionaries(KEYS, VALUES, max_size=25))
    empty_rows = draw(st.sets(st.integers(1, 12), max_size=3))
    omit = draw(st.booleans())
    r_last = draw(st.booleans())
    rows, previous = [], 0
    for number in sorted({row for row, _ in cells} | empty_rows):
        row_ref = "" if omit and number == previous + 1 and draw(st.booleans()) else f' r="{number}"'
        previous, column_before, parts = number, 0, []
        for column in sorted(column for row, column in cells if row == number):
            ref = (
                None
                if omit and column == column_before + 1 and draw(st.booleans())
                else f"{column_letter(column)}{number}"
            )
            style = draw(st.sampled_from([None, "1", "2"]))
            parts.append(cell_xml(ref, cells[number, column], style, r_last))
            column_before = column
        rows.append(f"<row{row_ref}>{''.join(parts)}</row>" if parts else f"<row{row_ref}/>")
    prefix = draw(st.sampled_from(["", "x"]))
    return hand_sheet("".join(rows), prefix=prefix), cells, not omit


@settings(max_examples=150, deadline=None)
@given(
    sheets(),
    st.dictionaries(st.tuples(st.integers(1, 14), st.integers(1, 10)), st.none() | VALUES, max_size=12),
)
def test_any_edit_of_any_sheet_reads_back_as_expected(
    sheet: tuple[bytes, dict[tuple[int, int], Any], bool], values: dict[tuple[int, int], CellInput]
) -> None:
    xml, cells, referenced = sheet
    changed = set_cells(xml, values)
    assert_in_order(changed.xml)
    want = expected({key: kind(value) for key, value in cells.items()}, values)
    book = with_part(template(), changed.xml)
    assert calamine_read(book, "S") == want
    assert openpyxl_read(book, "S") == want
    if referenced:
        assert_only_named_cells_changed(xml, changed.xml, values)
