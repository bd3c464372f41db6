"""The package's wiring: relationships and content types read, and changed one element at a time.

Every change is checked to leave the rest of the part byte for byte as it was.
"""

from __future__ import annotations

import pytest

from sheetplan.plan.errors import WriteError
from sheetplan.xlsx import opc

RELS_NS = "http://schemas.openxmlformats.org/package/2006/relationships"
TYPES_NS = "http://schemas.openxmlformats.org/package/2006/content-types"
SHEET_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"
HYPERLINK = f"{opc.OFFICE_RELS}/hyperlink"

DRAWING_LINK = f'<Relationship Id="rId1" Type="{opc.DRAWING}" Target="../drawings/drawing1.xml"/>'
CHART_LINK = f"<Relationship Id='rId10' Type='{opc.CHART}' Target='/xl/charts/chart1.xml'/>"
SHEET_RELS = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
    f'<Relationships xmlns="{RELS_NS}">{DRAWING_LINK}'
    f'<Relationship Id="rId2" Type="{HYPERLINK}" Target="https://example.com/a?b=1&amp;c=2"'
    f' TargetMode="External"/>{CHART_LINK}</Relationships>'
).encode()

TYPES = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
    f'<Types xmlns="{TYPES_NS}">'
    '<Default Extension="XML" ContentType="application/xml"/>'
    '<Default Extension="png" ContentType="image/png"/>'
    f'<Override PartName="/xl/worksheets/sheet1.xml" ContentType="{SHEET_TYPE}"/>'
    f'<Override PartName="/xl/worksheets/sheet10.xml" ContentType="{SHEET_TYPE}"/>'
    "</Types>"
).encode()


def test_targets_are_resolved_from_the_folder_of_the_part_that_has_them() -> None:
    links = opc.relationships(SHEET_RELS, "xl/worksheets/sheet1.xml")
    assert [(link.id, link.target, link.external) for link in links] == [
        ("rId1", "xl/drawings/drawing1.xml", False),
        ("rId2", "https://example.com/a?b=1&c=2", True),
        ("rId10", "xl/charts/chart1.xml", False),
    ]
    assert [link.type for link in links] == [opc.DRAWING, HYPERLINK, opc.CHART]


def test_the_roots_targets_are_resolved_from_the_top_of_the_package() -> None:
    rels = opc.rels_part(
        [("rId1", opc.DOCUMENT, "./xl/workbook.xml"), ("rId2", opc.EXTENDED, "docProps/app.xml")]
    )
    assert [link.target for link in opc.relationships(rels, "")] == ["xl/workbook.xml", "docProps/app.xml"]
    assert opc.relationships(None, "xl/workbook.xml") == []


@pytest.mark.parametrize(
    ("part", "rels"),
    [
        ("xl/workbook.xml", "xl/_rels/workbook.xml.rels"),
        ("xl/worksheets/sheet1.xml", "xl/worksheets/_rels/sheet1.xml.rels"),
        ("", "_rels/.rels"),
    ],
)
def test_a_parts_relationships_are_in_the_rels_folder_beside_it(part: str, rels: str) -> None:
    assert opc.rels_name(part) == rels


@pytest.mark.parametrize(
    ("source", "target", "written"),
    [
        ("xl/workbook.xml", "xl/worksheets/sheet3.xml", "worksheets/sheet3.xml"),
        ("xl/worksheets/sheet1.xml", "xl/drawings/drawing2.xml", "../drawings/drawing2.xml"),
        ("xl/drawings/drawing1.xml", "xl/charts/chart1.xml", "../charts/chart1.xml"),
        ("book.xml", "styles.xml", "styles.xml"),
    ],
)
def test_a_target_written_relative_resolves_back_to_the_part(source: str, target: str, written: str) -> None:
    assert opc.relative(source, target) == written
    rels = opc.rels_part([("rId1", opc.WORKSHEET, written)])
    assert opc.relationships(rels, source)[0].target == target


def test_a_relationship_goes_in_before_the_closing_tag_and_nothing_else_moves() -> None:
    closing = SHEET_RELS.rindex(b"</Relationships>")
    changed = opc.add_relationship(SHEET_RELS, "rId11", opc.CHART, "../charts/chart2 & more.xml")
    entry = changed[closing : changed.rindex(b"</Relationships>")]
    assert changed == SHEET_RELS[:closing] + entry + SHEET_RELS[closing:]
    last = opc.relationships(changed, "xl/worksheets/sheet1.xml")[-1]
    assert last == opc.Relationship("rId11", opc.CHART, "xl/charts/chart2 & more.xml")


def test_a_self_closing_relationships_part_gets_an_element() -> None:
    empty = f'<?xml version="1.0"?>\n<Relationships xmlns="{RELS_NS}" />'.encode()
    changed = opc.add_relationship(empty, "rId1", opc.WORKSHEET, "worksheets/sheet1.xml")
    assert changed.startswith(f'<?xml version="1.0"?>\n<Relationships xmlns="{RELS_NS}">'.encode())
    assert [link.target for link in opc.relationships(changed, "xl/workbook.xml")] == [
        "xl/worksheets/sheet1.xml"
    ]


def test_a_prefixed_relationships_part_gets_a_prefixed_element() -> None:
    prefixed = f'<pr:Relationships xmlns:pr="{RELS_NS}"><pr:Relationship Id="rId1" Type="t" Target="a.xml"/>'
    for data in (prefixed + "</pr:Relationships>", f'<pr:Relationships xmlns:pr="{RELS_NS}"/>'):
        changed = opc.add_relationship(data.encode(), "rId2", opc.WORKSHEET, "b.xml")
        assert b'<pr:Relationship Id="rId2"' in changed
        assert opc.relationships(changed, "xl/workbook.xml")[-1].target == "xl/b.xml"


def test_a_part_without_a_relationships_element_is_refused() -> None:
    with pytest.raises(WriteError, match="no <Relationships> element"):
        opc.add_relationship(b"<Other/>", "rId1", opc.WORKSHEET, "a.xml")


def test_dropping_a_relationship_cuts_out_that_element_alone() -> None:
    assert opc.drop_relationship(SHEET_RELS, "rId1") == SHEET_RELS.replace(DRAWING_LINK.encode(), b"")
    assert opc.drop_relationship(SHEET_RELS, "rId10") == SHEET_RELS.replace(CHART_LINK.encode(), b"")
    assert opc.drop_relationship(SHEET_RELS, "rId3") == SHEET_RELS


def test_dropping_a_relationship_written_with_a_closing_tag_leaves_no_stray_tag() -> None:
    data = (
        f'<Relationships xmlns="{RELS_NS}"><Relationship Id="rId1" Type="t" Target="a.xml"></Relationship>'
        '<Relationship Id="rId2" Type="t" Target="b.xml"/></Relationships>'
    ).encode()
    changed = opc.drop_relationship(data, "rId1")
    assert changed == data.replace(b'<Relationship Id="rId1" Type="t" Target="a.xml"></Relationship>', b"")


def test_a_free_id_is_not_one_in_use() -> None:
    assert opc.free_id(set()) == "rId1"
    assert opc.free_id({"rId1", "rId2"}) == "rId3"
    used = {"rId1", "rId3", "rId4", "rId9"}
    assert opc.free_id(used) not in used
    assert opc.free_id(used).startswith("rId")


def test_a_free_name_is_the_first_number_not_taken() -> None:
    taken = {"xl/worksheets/sheet1.xml", "xl/worksheets/sheet2.xml", "xl/worksheets/sheet4.xml"}
    assert opc.free_name(taken, "xl/worksheets/sheet{}.xml") == "xl/worksheets/sheet3.xml"
    assert opc.free_name(set(), "xl/charts/chart{}.xml") == "xl/charts/chart1.xml"


def test_a_free_name_differs_from_the_taken_ones_in_more_than_case() -> None:
    """Part names are compared without regard to case, so `Sheet1.xml` takes `sheet1.xml` too."""
    taken = {"xl/worksheets/Sheet1.xml", "XL/WORKSHEETS/SHEET2.XML"}
    assert opc.free_name(taken, "xl/worksheets/sheet{}.xml") == "xl/worksheets/sheet3.xml"


def test_an_override_goes_in_before_the_closing_tag_and_nothing_else_moves() -> None:
    closing = TYPES.rindex(b"</Types>")
    changed = opc.add_override(TYPES, "xl/worksheets/sheet2.xml", SHEET_TYPE)
    entry = f'<Override PartName="/xl/worksheets/sheet2.xml" ContentType="{SHEET_TYPE}"/>'.encode()
    assert changed == TYPES[:closing] + entry + TYPES[closing:]
    defaults, overrides = opc.content_types(changed)
    assert defaults == {"xml": "application/xml", "png": "image/png"}
    assert list(overrides) == [f"xl/worksheets/sheet{n}.xml" for n in (1, 10, 2)]


def test_an_override_of_a_part_that_has_one_replaces_it_whatever_its_case() -> None:
    changed = opc.add_override(
        TYPES.replace(b"/xl/worksheets/sheet1.xml", b"/XL/Worksheets/Sheet1.xml"),
        "xl/worksheets/sheet1.xml",
        "text/plain",
    )
    assert opc.content_types(changed)[1] == {
        "xl/worksheets/sheet10.xml": SHEET_TYPE,
        "xl/worksheets/sheet1.xml": "text/plain",
    }


def test_dropping_an_override_cuts_out_that_one_alone() -> None:
    entry = f'<Override PartName="/xl/worksheets/sheet1.xml" ContentType="{SHEET_TYPE}"/>'.encode()
    assert opc.drop_override(TYPES, "xl/worksheets/sheet1.xml") == TYPES.replace(entry, b"")
    assert opc.drop_override(TYPES, "XL/worksheets/SHEET1.xml") == TYPES.replace(entry, b"")
    assert opc.drop_override(TYPES, "xl/worksheets/sheet3.xml") == TYPES


def test_dropping_an_override_written_with_a_closing_tag_leaves_no_stray_tag() -> None:
    data = f'<Types xmlns="{TYPES_NS}"><Override PartName="/a.xml" ContentType="text/xml"></Override></Types>'
    assert opc.drop_override(data.encode(), "a.xml") == f'<Types xmlns="{TYPES_NS}"></Types>'.encode()


def test_a_self_closing_types_element_gets_an_element() -> None:
    empty = f'<?xml version="1.0"?><Types xmlns="{TYPES_NS}"/>'.encode()
    changed = opc.add_override(empty, "xl/a.xml", "text/xml")
    entry = b'<Override PartName="/xl/a.xml" ContentType="text/xml"/>'
    assert changed == f'<?xml version="1.0"?><Types xmlns="{TYPES_NS}">'.encode() + entry + b"</Types>"
    assert opc.content_types(changed) == ({}, {"xl/a.xml": "text/xml"})


def test_prefixed_content_types_get_a_prefixed_override() -> None:
    default = '<ct:Default Extension="xml" ContentType="application/xml"/>'
    data = f'<ct:Types xmlns:ct="{TYPES_NS}">{default}</ct:Types>'.encode()
    changed = opc.add_override(data, "xl/a.xml", "text/xml")
    assert opc.content_types(changed) == ({"xml": "application/xml"}, {"xl/a.xml": "text/xml"})
