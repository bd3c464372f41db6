"""The review's formats appended to a workbook's styles part, each one read back by openpyxl as meant.

The styles parts are those XlsxWriter and openpyxl write and one as LibreOffice writes it (its lists
of empty `<xf></xf>`, no `dxfs`). A format is checked the way a user sees it: a cell of a real sheet
is given the returned index and openpyxl reads its font, fill, border, number format and alignment.
"""

from __future__ import annotations

import io
import re
from collections.abc import Callable
from pathlib import Path

import openpyxl
import pytest
import xlsxwriter

from sheetplan.layout.sheet import Style
from sheetplan.plan.errors import WriteError
from sheetplan.xlsx.package import Package
from sheetplan.xlsx.styles import AddedStyles, add_styles

MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
MONEY = "#,##0.00;[Red]-#,##0.00;0.00"
CELLS = {
    "heading": Style(bold=True, italic=True, size=13, colour="1F3864", underline=True),
    "money": Style(border=True, fill="F2F2F2", number_format=MONEY, align="right", valign="center"),
    "note": Style(wrap=True, indent=2, align="left", font="Liberation Sans"),
    "share": Style(number_format="0%"),
    "plain": Style(),
}
RULES = {"late": Style(bold=True, colour="9C0006", fill="FFC7CE"), "quiet": Style(colour="808080")}
LIBREOFFICE_STYLES = (
    b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
    b'<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><numFmts count="2">'
    b'<numFmt numFmtId="164" formatCode="General"/><numFmt numFmtId="165" formatCode="0.000"/></numFmts>'
    b'<fonts count="2"><font><sz val="10"/><name val="Arial"/><family val="2"/></font>'
    b'<font><b val="true"/><sz val="10"/><name val="Arial"/><family val="2"/></font></fonts>'
    b'<fills count="2"><fill><patternFill patternType="none"/></fill>'
    b'<fill><patternFill patternType="gray125"/></fill></fills><borders count="1">'
    b'<border diagonalUp="false" diagonalDown="false"><left/><right/><top/><bottom/><diagonal/></border>'
    b'</borders><cellStyleXfs count="2"><xf numFmtId="164" fontId="0" fillId="0" borderId="0"'
    b' applyFont="true"><alignment horizontal="general" vertical="bottom"/></xf>'
    b'<xf numFmtId="0" fontId="0" fillId="0" borderId="0" applyFont="true"></xf></cellStyleXfs>'
    b'<cellXfs count="2"><xf numFmtId="164" fontId="0" fillId="0" borderId="0" xfId="0"'
    b' applyFont="false"></xf><xf numFmtId="165" fontId="1" fillId="0" borderId="0" xfId="0"'
    b' applyFont="true"></xf></cellXfs><cellStyles count="2"><cellStyle name="Normal" xfId="0"'
    b' builtinId="0"/><cellStyle name="Comma" xfId="1" builtinId="3"/></cellStyles></styleSheet>'
)
BARE = f'<styleSheet xmlns="{MAIN}"><cellXfs count="1"><xf numFmtId="0" fontId="0"/></cellXfs></styleSheet>'


def xlsxwriter_book(folder: Path) -> Path:
    workbook = xlsxwriter.Workbook(str(folder / "xlsxwriter.xlsx"))
    sheet = workbook.add_worksheet("Plan")
    sheet.write_column(0, 0, [1, 2, 3, 4, 5])
    sheet.write(0, 1, "the team's own", workbook.add_format({"bold": True, "num_format": "0.000"}))
    workbook.close()
    return folder / "xlsxwriter.xlsx"


def openpyxl_book(folder: Path) -> Path:
    workbook = openpyxl.Workbook()
    for row in range(1, 6):
        workbook.active.cell(row, 1, row)
    workbook.active["B1"].number_format = "0.0000"
    workbook.save(folder / "openpyxl.xlsx")
    return folder / "openpyxl.xlsx"


def libreoffice_book(folder: Path) -> Path:
    path = xlsxwriter_book(folder)
    with Package(path, "plan.xlsx") as package:
        package.put("xl/styles.xml", LIBREOFFICE_STYLES)
        (folder / "libreoffice.xlsx").write_bytes(written(package))
    return folder / "libreoffice.xlsx"


def written(package: Package) -> bytes:
    stream = io.BytesIO()
    package.write(stream)
    return stream.getvalue()


def styled(path: Path, styles: bytes | None = None) -> tuple[bytes, AddedStyles, openpyxl.Workbook]:
    """The styles part before, the formats added, and the workbook with A1… drawn in `CELLS` order."""
    with Package(path, "plan.xlsx") as package:
        before = styles or package.read("xl/styles.xml")
        added = add_styles(before, CELLS, RULES)
        package.put("xl/styles.xml", added.xml)
        sheet = package.read("xl/worksheets/sheet1.xml")
        for row, name in enumerate(CELLS, start=1):
            sheet, found = re.subn(
                rb'<c r="A%d"( s="\d+")?' % row, b'<c r="A%d" s="%d"' % (row, added.cells[name]), sheet
            )
            assert found == 1
        package.put("xl/worksheets/sheet1.xml", sheet)
        (path.parent / "styled.xlsx").write_bytes(written(package))
    return before, added, openpyxl.load_workbook(path.parent / "styled.xlsx")


LISTS = {"numFmts": "numFmt", "fonts": "font", "fills": "fill", "borders": "border"}
LISTS |= {"cellXfs": "xf", "dxfs": "dxf"}


def items(xml: bytes, name: str) -> tuple[re.Match[bytes] | None, list[bytes]]:
    """The list `name` of a styles part (prefixed `x:` or not), and the items in it."""
    tag, item = rb"(?:x:)?" + name.encode(), rb"(?:x:)?" + LISTS[name].encode()
    found = re.search(rb"<%s\b[^>]*?(?:/>|>(.*?)</%s>)" % (tag, tag), xml, re.S)
    inside = found.group(1) if found and found.group(1) else b""
    return found, re.findall(rb"<%s\b(?:[^>]*?/>|.*?</%s>)" % (item, item), inside, re.S)


def cut_to(xml: bytes, counts: dict[str, int]) -> bytes:
    """`xml` with each list cut to its first `counts[name]` items, written without a count."""
    for name in LISTS:
        found, kept = items(xml, name)
        if found is not None:
            kept = kept[: counts[name]]
            inner = b"<%s>%s</%s>" % (name.encode(), b"".join(kept), name.encode()) if kept else b""
            xml = xml[: found.start()] + inner + xml[found.end() :]
    return xml


@pytest.mark.parametrize("make", [xlsxwriter_book, openpyxl_book, libreoffice_book])
def test_each_format_reads_back_as_meant(make: Callable[[Path], Path], tmp_path: Path) -> None:
    _, added, workbook = styled(make(tmp_path))
    heading, money, note, share, plain = (workbook.active[f"A{row}"] for row in range(1, 6))
    assert (heading.font.b, heading.font.i, heading.font.sz) == (True, True, 13)
    assert (heading.font.color.rgb, heading.font.name) == ("FF1F3864", "Arial")
    assert (heading.border.bottom.style, heading.border.bottom.color.rgb) == ("medium", "FF1F3864")
    assert heading.border.top.style is None
    assert (money.fill.fill_type, money.fill.fgColor.rgb) == ("solid", "FFF2F2F2")
    sides = (money.border.left, money.border.right, money.border.top, money.border.bottom)
    assert {(side.style, side.color.rgb) for side in sides} == {("thin", "FFBFBFBF")}
    assert money.number_format == MONEY
    assert (money.alignment.horizontal, money.alignment.vertical) == ("right", "center")
    assert (note.alignment.wrap_text, note.alignment.indent, note.alignment.horizontal) == (True, 2, "left")
    assert (note.font.name, note.font.sz, note.font.b) == ("Liberation Sans", 10, False)
    assert note.alignment.vertical == "top"
    assert (share.number_format, plain.number_format, plain.fill.fill_type) == ("0%", "General", None)
    late, quiet = (workbook._differential_styles[added.rules[name]] for name in ("late", "quiet"))
    assert (late.font.b, late.font.color.rgb, late.fill.bgColor.rgb) == (True, "FF9C0006", "FFFFC7CE")
    assert (quiet.font.color.rgb, quiet.fill) == ("FF808080", None)


@pytest.mark.parametrize("make", [xlsxwriter_book, openpyxl_book, libreoffice_book])
def test_the_formats_are_appended_and_every_other_byte_stays(
    make: Callable[[Path], Path], tmp_path: Path
) -> None:
    source = make(tmp_path)
    before, added, workbook = styled(source)
    counts = {name: len(items(before, name)[1]) for name in LISTS}
    assert cut_to(added.xml, counts) == cut_to(before, counts)
    for name in LISTS:
        assert re.search(rb'<%s count="%d"' % (name.encode(), len(items(added.xml, name)[1])), added.xml)
    new = range(counts["cellXfs"], counts["cellXfs"] + len(CELLS))
    assert sorted(added.cells.values()) == list(new)
    assert sorted(added.rules.values()) == [counts["dxfs"], counts["dxfs"] + 1]
    own = openpyxl.load_workbook(source).active["B1"]
    assert (workbook.active["B1"].number_format, workbook.active["B1"].font.b) == (
        own.number_format,
        own.font.b,
    )


@pytest.mark.parametrize("make", [xlsxwriter_book, openpyxl_book, libreoffice_book])
def test_adding_the_same_formats_again_reuses_them_and_changes_nothing(
    make: Callable[[Path], Path], tmp_path: Path
) -> None:
    _, added, _ = styled(make(tmp_path))
    again = add_styles(added.xml, CELLS, RULES)
    assert (again.xml, again.cells, again.rules) == (added.xml, added.cells, added.rules)


def test_a_number_format_or_font_the_file_has_already_is_used_and_not_added() -> None:
    """LibreOffice's first font is byte for byte the one a plain Arial 10 style needs."""
    added = add_styles(LIBREOFFICE_STYLES, {"three": Style(number_format="0.000")}, {})
    assert added.xml.count(b'formatCode="0.000"') == 1
    assert b'<numFmts count="2">' in added.xml
    assert b'<fonts count="2">' in added.xml
    assert re.search(rb'<xf numFmtId="165" fontId="0" fillId="0" borderId="1" xfId="0"', added.xml)
    assert added.cells == {"three": 2}


def test_custom_number_formats_never_take_an_id_the_file_uses() -> None:
    """Whatever the order or quotes of the attributes, and when two ids have the same code."""
    formats = (
        b'<numFmt numFmtId="170" formatCode="0.0"/><numFmt formatCode="0.00000" numFmtId="171"/>'
        b"<numFmt numFmtId='172' formatCode='0.0'/>"
    )
    xml = BARE.encode().replace(b"<cellXfs", b'<numFmts count="3">' + formats + b"</numFmts><cellXfs")
    added = add_styles(xml, {"a": Style(number_format="0.0"), "b": Style(number_format="#,##0.000")}, {})
    assert added.xml.count(b"<numFmt ") == 4
    assert b'<numFmt numFmtId="173" formatCode="#,##0.000"/>' in added.xml
    assert re.findall(rb'<xf numFmtId="(\d+)"', added.xml)[1:] == [b"170", b"173"]


def test_a_number_format_with_quotes_in_it_is_found_again_on_the_next_review() -> None:
    """Its quotes are escaped in the attribute, which must not hide it (or its id) from the next review."""
    cells = {"euro": Style(number_format='#,##0 "€"'), "tenths": Style(number_format="0.0")}
    added = add_styles(BARE.encode(), cells, {})
    assert 'formatCode="#,##0 &quot;€&quot;"'.encode() in added.xml
    again = add_styles(added.xml, cells, {})
    assert (again.xml, again.cells) == (added.xml, added.cells)


def test_a_prefixed_stylesheet_gets_prefixed_formats_at_the_same_places(tmp_path: Path) -> None:
    path = xlsxwriter_book(tmp_path)
    with Package(path, "plan.xlsx") as package:
        plain = package.read("xl/styles.xml")
    prefixed = re.sub(rb"<(/?)(\w)", rb"<\1x:\2", plain).replace(b"xmlns=", b"xmlns:x=")
    _, added, workbook = styled(path, prefixed)
    unprefixed = add_styles(plain, CELLS, RULES)
    assert (added.cells, added.rules) == (unprefixed.cells, unprefixed.rules)
    assert re.search(rb"<(?!x:|\?|/x:)", added.xml) is None
    assert workbook.active["A1"].font.b and workbook.active["A2"].number_format == MONEY
    assert workbook._differential_styles[added.rules["late"]].font.b


def test_missing_lists_are_made_in_the_order_the_schema_requires() -> None:
    added = add_styles(BARE.encode(), CELLS, RULES)
    assert re.findall(rb"<(\w+) count=", added.xml) == [
        b"numFmts",
        b"fonts",
        b"fills",
        b"borders",
        b"cellXfs",
        b"dxfs",
    ]
    assert added.cells == {name: index for index, name in enumerate(CELLS, start=1)}
    assert added.rules == {"late": 0, "quiet": 1}


def test_a_missing_dxfs_goes_after_the_cell_styles_and_before_the_table_styles() -> None:
    styles = LIBREOFFICE_STYLES.replace(b"</styleSheet>", b'<tableStyles count="0"/></styleSheet>')
    added = add_styles(styles, {}, RULES)
    assert re.findall(rb"<(\w+) count", added.xml)[-3:] == [b"cellStyles", b"dxfs", b"tableStyles"]
    dxfs = re.search(rb"<dxfs.*?</dxfs>", added.xml)
    assert dxfs is not None
    assert added.xml.replace(dxfs.group(0), b"") == styles


def test_a_styles_part_without_a_stylesheet_is_refused() -> None:
    with pytest.raises(WriteError, match="no styleSheet element"):
        add_styles(b"<styles/>", CELLS, {})
