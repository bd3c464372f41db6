"""`package`: a workbook's parts found through its relationships, its sheets by kind, damage in words."""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest
from excel_features import example
from workbook_shapes import made

from sheetplan.files.package import damaged, main_part, read_book, relationships
from sheetplan.plan import schema
from sheetplan.plan.errors import SourceError

MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
PACKAGE = "http://schemas.openxmlformats.org/package/2006/relationships"
STRICT = "http://purl.oclc.org/ooxml/officeDocument/relationships"


def test_the_example_is_found_where_excel_keeps_it(tmp_path: Path) -> None:
    with zipfile.ZipFile(example(tmp_path)) as archive:
        book = read_book(archive, "plan.xlsx")
    assert book.part == "xl/workbook.xml"
    assert (book.shared_strings, book.styles, book.date1904) == (
        "xl/sharedStrings.xml",
        "xl/styles.xml",
        False,
    )
    assert [sheet.name for sheet in book.worksheets][:3] == ["Guide", "Settings", "Goals"]
    assert {sheet.kind for sheet in book.sheets} == {"worksheet"}


def test_parts_elsewhere_and_under_other_names_are_found_through_the_relationships(tmp_path: Path) -> None:
    with zipfile.ZipFile(made(tmp_path, "moved_parts")) as archive:
        assert main_part(archive, "plan.xlsx") == "Book/Main.xml"
        book = read_book(archive, "plan.xlsx")
    assert (book.shared_strings, book.styles) == ("Book/Text.xml", "Book/Look.xml")
    assert book.worksheets[1].name == "Settings" and book.worksheets[1].part == "Book/Tabs/Tab2.xml"


@pytest.mark.parametrize(
    ("shape", "sheet", "kind"),
    [
        ("chart_sheet", "Visits chart", "chartsheet"),
        ("dialog_sheet", "Dialog1", "dialogsheet"),
        ("macro_sheets", "Macro1", "macrosheet"),
        ("macro_sheets", "Macro2", "macrosheet"),
    ],
)
def test_sheets_that_hold_no_cells_of_a_plan_are_told_from_worksheets(
    shape: str, sheet: str, kind: str, tmp_path: Path
) -> None:
    with zipfile.ZipFile(made(tmp_path, shape)) as archive:
        book = read_book(archive, "plan.xlsx")
    assert {found.name: found.kind for found in book.sheets}[sheet] == kind
    assert sheet not in [found.name for found in book.worksheets]
    assert len(book.worksheets) == len(schema.SHEETS)


def test_a_sheet_whose_relationship_is_missing_has_no_part(tmp_path: Path) -> None:
    with zipfile.ZipFile(made(tmp_path, "guide_relationship_missing")) as archive:
        guide = read_book(archive, "plan.xlsx").sheets[0]
    assert (guide.name, guide.kind, guide.part) == ("Guide", "unknown", "")


def test_relationships_resolve_relative_absolute_and_strict_targets_and_leave_out_external(
    tmp_path: Path,
) -> None:
    rels = (
        f'<Relationships xmlns="{PACKAGE}"><Relationship Id="a" Type="{STRICT}/worksheet"'
        ' Target="../Sheets/My%20Sheet.xml"/><Relationship Id="b" Type="x/styles" Target="/xl/Look.xml"/>'
        '<Relationship Id="c" Type="x/hyperlink" Target="https://example.com" TargetMode="External"/>'
        "</Relationships>"
    )
    with zipfile.ZipFile(tmp_path / "book.xlsx", "w") as archive:
        archive.writestr("xl/_rels/workbook.xml.rels", rels)
    with zipfile.ZipFile(tmp_path / "book.xlsx") as archive:
        assert relationships(archive, "xl/workbook.xml", "book.xlsx") == {
            "a": ("worksheet", "Sheets/My Sheet.xml"),
            "b": ("styles", "xl/Look.xml"),
        }


@pytest.mark.parametrize(
    ("parser_says", "words"),
    [
        ("no element found: line 1, column 26", "it ends too early (line 1, column 26)"),
        ("mismatched tag: line 3, column 2", "its tags do not match (line 3, column 2)"),
        ("not well-formed (invalid token): line 1, column 5", "it holds characters that XML does not allow"),
        ("unbound prefix: line 1, column 0", "it is not well-formed XML (line 1, column 0)"),
    ],
)
def test_damage_is_said_in_words(parser_says: str, words: str) -> None:
    message = str(damaged("plan.xlsx", "xl/workbook.xml", parser_says))
    assert message.startswith(f"plan.xlsx: xl/workbook.xml is damaged: {words}")
    assert message.endswith("; open the workbook in Excel or LibreOffice and save it again")


def test_a_workbook_part_that_is_not_xml_is_refused_in_words(tmp_path: Path) -> None:
    path = tmp_path / "plan.xlsx"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("xl/workbook.xml", f'<workbook xmlns="{MAIN}"><sheets><sheet name="A"')
    with (
        zipfile.ZipFile(path) as archive,
        pytest.raises(
            SourceError,
            match=r"^plan\.xlsx: xl/workbook\.xml is damaged: it ends too early \(line 1, column \d+\);",
        ),
    ):
        read_book(archive, "plan.xlsx")
