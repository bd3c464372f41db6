"""The worksheets' names in `docProps/app.xml`: a new one listed at its place and counted, a renamed one
listed under its new name, and a list that is not the one expected left exactly as it is.
"""

from __future__ import annotations

from pathlib import Path
from xml.sax.saxutils import escape

import pytest
import xlsxwriter
from defusedxml import ElementTree

from sheetplan.xlsx.package import Package
from sheetplan.xlsx.properties import renamed, with_worksheet

EXTENDED = "{http://schemas.openxmlformats.org/officeDocument/2006/extended-properties}"
VT = "{http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes}"
HEAD = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Properties xmlns="http://schemas.openxml'
    'formats.org/officeDocument/2006/extended-properties" xmlns:vt="http://schemas.openxmlformats.org/'
    'officeDocument/2006/docPropsVTypes"><Application>Microsoft Excel</Application><DocSecurity>0'
    "</DocSecurity><ScaleCrop>false</ScaleCrop>"
)
TAIL = "<Company></Company><LinksUpToDate>false</LinksUpToDate><AppVersion>16.0300</AppVersion></Properties>"


def app(headings: list[tuple[str, int]], titles: list[str]) -> bytes:
    """An app.xml as Excel writes it, with these headings and counts and these titles."""
    pairs = "".join(
        f"<vt:variant><vt:lpstr>{name}</vt:lpstr></vt:variant><vt:variant><vt:i4>{count}</vt:i4></vt:variant>"
        for name, count in headings
    )
    listed = "".join(f"<vt:lpstr>{escape(title)}</vt:lpstr>" for title in titles)
    return (
        f'{HEAD}<HeadingPairs><vt:vector size="{2 * len(headings)}" baseType="variant">{pairs}</vt:vector>'
        f'</HeadingPairs><TitlesOfParts><vt:vector size="{len(titles)}" baseType="lpstr">{listed}'
        f"</vt:vector></TitlesOfParts>{TAIL}"
    ).encode()


EXCEL = app([("Worksheets", 3), ("Named Ranges", 2)], ["Plan", "Q&A", "Data", "Data!Print_Area", "Data"])
"""Three worksheets, a print area and a named range called as one of the worksheets is."""
WORKSHEETS = ["Plan", "Q&A", "Data"]


def listed(xml: bytes) -> tuple[list[tuple[str, int]], list[str]]:
    """The headings with their counts, and the titles, as an XML reader finds them."""
    root = ElementTree.fromstring(xml)
    variants = [next(iter(variant)) for variant in root.iter(f"{VT}variant")]
    names = [variant.text for variant in variants[::2]]
    counts = [int(variant.text) for variant in variants[1::2]]
    vector = next(iter(next(root.iter(f"{EXTENDED}TitlesOfParts"))))
    assert int(vector.get("size")) == len(vector)
    return list(zip(names, counts, strict=True)), [title.text for title in vector]


@pytest.mark.parametrize(
    ("position", "titles"),
    [
        (0, ["Review", "Plan", "Q&A", "Data"]),
        (2, ["Plan", "Q&A", "Review", "Data"]),
        (3, ["Plan", "Q&A", "Data", "Review"]),
    ],
)
def test_a_new_worksheet_is_listed_at_its_place_and_counted(position: int, titles: list[str]) -> None:
    changed = with_worksheet(EXCEL, WORKSHEETS, position, "Review")
    headings, names = [("Worksheets", 4), ("Named Ranges", 2)], [*titles, "Data!Print_Area", "Data"]
    assert changed == app(headings, names)
    assert listed(changed) == (headings, names)


def test_a_new_worksheet_goes_before_the_chart_sheets_and_leaves_their_count(tmp_path: Path) -> None:
    workbook = xlsxwriter.Workbook(str(tmp_path / "plan.xlsx"))
    workbook.add_worksheet("Plan")
    workbook.add_worksheet("Data").write(0, 0, 1)
    chart = workbook.add_chart({"type": "column"})
    chart.add_series({"values": "=Data!$A$1:$A$1"})
    workbook.add_chartsheet("Chart1").set_chart(chart)
    workbook.define_name("Targets", "=Plan!$B$2:$B$9")
    workbook.close()
    with Package(tmp_path / "plan.xlsx", "plan.xlsx") as package:
        written = package.read("docProps/app.xml")
    assert listed(written)[0] == [("Worksheets", 2), ("Charts", 1), ("Named Ranges", 1)]
    changed = with_worksheet(written, ["Plan", "Data"], 2, "Review 2025-03")
    assert listed(changed) == (
        [("Worksheets", 3), ("Charts", 1), ("Named Ranges", 1)],
        ["Plan", "Data", "Review 2025-03", "Chart1", "Targets"],
    )


def test_a_name_with_markup_characters_is_escaped() -> None:
    changed = with_worksheet(EXCEL, WORKSHEETS, 1, "R&D <2025>")
    assert b"<vt:lpstr>R&amp;D &lt;2025&gt;</vt:lpstr>" in changed
    assert listed(changed)[1][:3] == ["Plan", "R&D <2025>", "Q&A"]


LIBREOFFICE = (
    b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Properties xmlns="http://schemas.openxml'
    b'formats.org/officeDocument/2006/extended-properties" xmlns:vt="http://schemas.openxmlformats.org/'
    b'officeDocument/2006/docPropsVTypes"><Template></Template><TotalTime>0</TotalTime><Application>'
    b"LibreOffice/7.4.7.2$Linux_X86_64 LibreOffice_project/40$Build-2</Application><AppVersion>15.0000"
    b"</AppVersion></Properties>"
)
OPENPYXL = (
    b'<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties">'
    b"<Application>Microsoft Excel Compatible / Openpyxl 3.1.5</Application><AppVersion>3.1</AppVersion>"
    b"</Properties>"
)


@pytest.mark.parametrize(
    ("xml", "worksheets"),
    [
        (LIBREOFFICE, WORKSHEETS),
        (OPENPYXL, WORKSHEETS),
        (EXCEL, ["Plan", "Q&A"]),
        (EXCEL, ["Plan", "Q&A", "Notes"]),
        (app([("Charts", 3)], ["Chart1", "Chart2", "Chart3"]), WORKSHEETS),
    ],
    ids=["LibreOffice", "openpyxl", "a worksheet missing", "out of date", "charts only"],
)
def test_a_list_that_is_not_the_one_expected_is_left_as_it_is(xml: bytes, worksheets: list[str]) -> None:
    assert with_worksheet(xml, worksheets, 1, "Review") == xml


def test_a_renamed_worksheet_is_listed_under_its_new_name_and_a_named_range_keeps_its_own() -> None:
    changed = renamed(EXCEL, WORKSHEETS, "Data", "Review & log")
    assert changed == EXCEL.replace(b"<vt:lpstr>Data</vt:lpstr>", b"<vt:lpstr>Review &amp; log</vt:lpstr>", 1)
    assert listed(changed)[1] == ["Plan", "Q&A", "Review & log", "Data!Print_Area", "Data"]
    assert renamed(EXCEL, WORKSHEETS, "Q&A", "Questions") == EXCEL.replace(b"Q&amp;A", b"Questions")


def test_renaming_a_worksheet_not_listed_changes_nothing() -> None:
    assert renamed(EXCEL, WORKSHEETS, "Notes", "Review") == EXCEL
    assert renamed(EXCEL, ["Plan", "Q&A"], "Data", "Review") == EXCEL
    assert renamed(LIBREOFFICE, WORKSHEETS, "Plan", "Review") == LIBREOFFICE
    assert renamed(OPENPYXL, WORKSHEETS, "Plan", "Review") == OPENPYXL
