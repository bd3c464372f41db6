"""The workbook part found through the package's relationships, and its sheets put in, renamed, removed.

A sheet's position is what `activeTab` and a defined name's `localSheetId` count, so each change that
moves positions is checked to keep them pointing at the same sheets; openpyxl confirms it on a real
workbook. Everything else in the part is checked to stay byte for byte as it was.
"""

from __future__ import annotations

import html
import io
import re
import zipfile
from pathlib import Path

import openpyxl
import pytest
import xlsxwriter

from sheetplan.plan.errors import WriteError
from sheetplan.xlsx import book, opc
from sheetplan.xlsx.package import Package

MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
STRICT_MAIN = "http://purl.oclc.org/ooxml/spreadsheetml/main"
SHEET_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"
NAMES = (
    '<definedNames><definedName name="_xlnm._FilterDatabase" localSheetId="1" hidden="1">Actions!$A$1:$C$9'
    '</definedName><definedName name="_xlnm.Print_Area" localSheetId="3">Data!$A$1:$D$20</definedName>'
    '<definedName name="Targets">Plan!$B$2:$B$9</definedName>'
    '<definedName name="Local" localSheetId="0">Plan!$A$1</definedName></definedNames>'
)
WORKBOOK = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
    f'<workbook xmlns="{MAIN}" xmlns:r="{opc.OFFICE_RELS}"><workbookPr/><bookViews>'
    '<workbookView xWindow="0" yWindow="0" windowWidth="28800" firstSheet="1" activeTab="2"/></bookViews>'
    '<sheets><sheet name="Plan" sheetId="1" r:id="rId1"/><sheet name="Actions" sheetId="2" r:id="rId2"/>'
    '<sheet name="Chart1" sheetId="4" r:id="rId4"/><sheet name="Data" sheetId="3" r:id="rId3"/></sheets>'
    f'{NAMES}<calcPr calcId="191029"/></workbook>'
).encode()


def positions(xml: bytes) -> tuple[list[str], list[int], list[int]]:
    """The sheets' names, the defined names' `localSheetId`s in order, and `activeTab`."""
    sheets = re.findall(rb'<(?:\w+:)?sheet name="([^"]*)"', xml)
    local = re.findall(rb'localSheetId="(\d+)"', xml)
    active = re.findall(rb'activeTab="(\d+)"', xml)
    return [name.decode() for name in sheets], [int(n) for n in local], [int(n) for n in active]


@pytest.mark.parametrize(
    ("position", "names", "local", "active"),
    [
        (0, ["New", "Plan", "Actions", "Chart1", "Data"], [2, 4, 1], [3]),
        (2, ["Plan", "Actions", "New", "Chart1", "Data"], [1, 4, 0], [3]),
        (3, ["Plan", "Actions", "Chart1", "New", "Data"], [1, 4, 0], [2]),
        (4, ["Plan", "Actions", "Chart1", "Data", "New"], [1, 3, 0], [2]),
    ],
)
def test_a_sheet_put_in_moves_on_the_positions_after_it(
    position: int, names: list[str], local: list[int], active: list[int]
) -> None:
    changed = book.insert_sheet(WORKBOOK, position, "New", 5, "rId9")
    assert positions(changed) == (names, local, active)
    assert b'<sheet name="New" sheetId="5" r:id="rId9"/>' in changed
    assert book.remove_sheet(changed, "rId9", position) == WORKBOOK


def test_a_sheet_name_is_escaped_in_the_workbook_part() -> None:
    changed = book.insert_sheet(WORKBOOK, 4, 'R&D "2025"', 5, "rId9")
    assert b'<sheet name="R&amp;D &quot;2025&quot;" sheetId="5" r:id="rId9"/>' in changed
    assert html.unescape(positions(changed)[0][4]) == 'R&D "2025"'


def test_a_prefixed_workbook_gets_a_prefixed_sheet() -> None:
    prefixed = re.sub(rb"<(/?)(?=[a-zA-Z])", rb"<\1x:", WORKBOOK).replace(b'xmlns="', b'xmlns:x="')
    prefixed = prefixed.replace(b"xmlns:r=", b"xmlns:rel=").replace(b" r:id=", b" rel:id=")
    changed = book.insert_sheet(prefixed, 4, "New", 5, "rId9")
    assert b'<x:sheet name="New" sheetId="5" rel:id="rId9"/></x:sheets>' in changed
    assert positions(book.insert_sheet(prefixed, 0, "New", 5, "rId9"))[0][0] == "New"


def test_a_workbook_part_without_the_relationships_namespace_is_refused() -> None:
    with pytest.raises(WriteError, match="does not declare the relationships namespace"):
        book.insert_sheet(f'<workbook xmlns="{MAIN}"><sheets/></workbook>'.encode(), 0, "New", 1, "rId1")


def test_renaming_a_sheet_changes_its_name_alone() -> None:
    changed = book.rename_sheet(WORKBOOK, "rId2", "Actions & more")
    assert changed == WORKBOOK.replace(b'name="Actions"', b'name="Actions &amp; more"')
    with pytest.raises(WriteError, match="no sheet rId7"):
        book.rename_sheet(WORKBOOK, "rId7", "Other")


def test_removing_a_sheet_drops_its_own_names_and_moves_the_later_ones_back() -> None:
    changed = book.remove_sheet(WORKBOOK, "rId2", 1)
    assert positions(changed) == (["Plan", "Chart1", "Data"], [2, 0], [1])
    assert b"_FilterDatabase" not in changed
    assert b'<definedName name="Targets">Plan!$B$2:$B$9</definedName>' in changed


def test_removing_the_last_sheet_while_it_is_active_leaves_a_tab_that_exists() -> None:
    last = WORKBOOK.replace(b'firstSheet="1" activeTab="2"', b'firstSheet="3" activeTab="3"')
    changed = book.remove_sheet(last, "rId3", 3)
    assert positions(changed) == (["Plan", "Actions", "Chart1"], [1, 0], [2])
    assert b'firstSheet="2"' in changed


@pytest.mark.parametrize(
    ("view", "active"),
    [
        (
            '<workbookView xWindow="0" firstSheet="1" activeTab="2"/>',
            '<workbookView xWindow="0" activeTab="3"/>',
        ),
        ('<workbookView xWindow="0" />', '<workbookView xWindow="0"  activeTab="3"/>'),
        ("<workbookView/>", '<workbookView activeTab="3"/>'),
        (
            '<workbookView activeTab="0" tabRatio="600"><extLst/></workbookView>',
            '<workbookView tabRatio="600" activeTab="3"><extLst/></workbookView>',
        ),
    ],
    ids=["with activeTab and firstSheet", "without either", "bare", "open"],
)
def test_the_active_sheet_is_set_on_the_view_alone(view: str, active: str) -> None:
    before = WORKBOOK.replace(
        b'<workbookView xWindow="0" yWindow="0" windowWidth="28800" firstSheet="1" activeTab="2"/>',
        view.encode(),
    )
    assert book.set_active(before, 3) == before.replace(view.encode(), active.encode())


def test_a_workbook_without_views_is_left_as_it_is_by_set_active() -> None:
    bare = re.sub(rb"<bookViews>.*</bookViews>", b"", WORKBOOK)
    assert book.set_active(bare, 2) == bare


INLINE = '<c r="A1" t="inlineStr"><is><t>tabSelected="1"</t></is></c>'


@pytest.mark.parametrize(
    ("views", "cleared"),
    [
        ('<sheetView tabSelected="1" workbookViewId="0"/>', '<sheetView workbookViewId="0"/>'),
        (
            '<sheetView tabSelected="true" zoomScale="90"/><sheetView tabSelected="1"/>',
            '<sheetView zoomScale="90"/><sheetView/>',
        ),
        ('<sheetView workbookViewId="0"/>', '<sheetView workbookViewId="0"/>'),
        (None, None),
    ],
    ids=["Excel", "LibreOffice, two windows", "not selected", "no views"],
)
def test_clearing_the_selection_changes_the_views_and_never_the_cells(
    views: str | None, cleared: str | None
) -> None:
    def sheet(views: str | None) -> bytes:
        inside = "" if views is None else f"<sheetViews>{views}</sheetViews>"
        cells = f'<sheetData><row r="1">{INLINE}</row></sheetData>'
        return f'<worksheet xmlns="{MAIN}">{inside}{cells}</worksheet>'.encode()

    assert book.is_selected(sheet(views)) == (views != cleared)
    assert book.clear_selection(sheet(views)) == sheet(cleared)
    assert not book.is_selected(sheet(cleared))


def test_a_chart_sheet_or_a_prefixed_sheet_has_its_selection_cleared() -> None:
    chart = (
        f'<chartsheet xmlns="{MAIN}"><sheetViews><sheetView tabSelected="1" workbookViewId="0"/></sheetViews>'
        '<drawing r:id="rId1"/></chartsheet>'
    )
    assert book.clear_selection(chart.encode()) == chart.replace(' tabSelected="1"', "").encode()
    prefixed = (
        f'<x:worksheet xmlns:x="{MAIN}"><x:sheetViews><x:sheetView tabSelected="1"/></x:sheetViews>'
        "<x:sheetData/></x:worksheet>"
    )
    assert book.is_selected(prefixed.encode())
    assert book.clear_selection(prefixed.encode()) == prefixed.replace(' tabSelected="1"', "").encode()


def package_of(parts: dict[str, str]) -> Package:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name, text in parts.items():
            archive.writestr(name, text)
    return Package(buffer.getvalue(), "plan.xlsx")


def test_the_workbook_part_is_found_through_the_root_relationships() -> None:
    parts = {
        "_rels/.rels": opc.rels_part([("rId1", opc.DOCUMENT, "/main/book.xml")]).decode(),
        "main/book.xml": WORKBOOK.decode(),
        "main/_rels/book.xml.rels": opc.rels_part(
            [
                ("rId1", opc.WORKSHEET, "sheets/one.xml"),
                ("rId2", opc.WORKSHEET, "/main/sheets/two.xml"),
                ("rId3", opc.WORKSHEET, "sheets/three.xml"),
                ("rId4", f"{opc.OFFICE_RELS}/chartsheet", "charts/c.xml"),
            ]
        ).decode(),
    }
    with package_of(parts) as package:
        found = book.read_book(package)
    assert (found.part, found.rels_part) == ("main/book.xml", "main/_rels/book.xml.rels")
    assert [(sheet.name, sheet.sheet_id, sheet.part, sheet.worksheet) for sheet in found.sheets] == [
        ("Plan", 1, "main/sheets/one.xml", True),
        ("Actions", 2, "main/sheets/two.xml", True),
        ("Chart1", 4, "main/charts/c.xml", False),
        ("Data", 3, "main/sheets/three.xml", True),
    ]


def test_a_package_without_a_workbook_part_is_refused() -> None:
    with (
        package_of({"_rels/.rels": opc.rels_part([]).decode()}) as package,
        pytest.raises(WriteError) as raised,
    ):
        book.read_book(package)
    assert (
        str(raised.value)
        == "plan.xlsx: has no workbook part (xl/workbook.xml); not a workbook sheetplan can write"
    )


def test_a_strict_open_xml_workbook_is_refused() -> None:
    strict = "http://purl.oclc.org/ooxml/officeDocument/relationships"
    parts = {
        "_rels/.rels": opc.rels_part([("rId1", f"{strict}/officeDocument", "xl/workbook.xml")]).decode(),
        "xl/workbook.xml": f'<workbook xmlns="{STRICT_MAIN}" xmlns:r="{strict}"/>',
    }
    with package_of(parts) as package, pytest.raises(WriteError) as raised:
        book.read_book(package)
    assert str(raised.value) == (
        "plan.xlsx: is saved as Strict Open XML; save it as an Excel Workbook (.xlsx) and try again"
    )


def test_openpyxl_finds_every_name_and_the_active_sheet_where_they_were(tmp_path: Path) -> None:
    workbook = xlsxwriter.Workbook(str(tmp_path / "plan.xlsx"))
    workbook.add_worksheet("Plan").write(0, 0, "plan")
    data = workbook.add_worksheet("Data")
    data.print_area("A1:D20")
    data.activate()
    chart = workbook.add_chart({"type": "column"})
    chart.add_series({"values": "=Data!$A$1:$A$3"})
    workbook.add_chartsheet("Chart1").set_chart(chart)
    workbook.close()
    with Package(tmp_path / "plan.xlsx", "plan.xlsx") as package:
        found = book.read_book(package)
        assert [(sheet.name, sheet.worksheet) for sheet in found.sheets] == [
            ("Plan", True),
            ("Data", True),
            ("Chart1", False),
        ]
        package.put("xl/worksheets/new.xml", f'<worksheet xmlns="{MAIN}"><sheetData/></worksheet>'.encode())
        package.put(
            found.rels_part,
            opc.add_relationship(package.read(found.rels_part), "rId9", opc.WORKSHEET, "worksheets/new.xml"),
        )
        package.put(
            opc.CONTENT_TYPES,
            opc.add_override(package.read(opc.CONTENT_TYPES), "xl/worksheets/new.xml", SHEET_TYPE),
        )
        package.put(found.part, book.insert_sheet(package.read(found.part), 0, "New", 9, "rId9"))
        with (tmp_path / "again.xlsx").open("wb") as stream:
            package.write(stream)
    again = openpyxl.load_workbook(tmp_path / "again.xlsx")
    assert again.sheetnames == ["New", "Plan", "Data", "Chart1"]
    assert again.active.title == "Data"
    assert again["Data"].print_area == "'Data'!$A$1:$D$20"
