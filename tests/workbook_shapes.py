"""Workbooks in the shapes real files come in, each made from the example plan by editing its zip parts.

`SHAPES` maps a name to the function that edits a copy of the example (`excel_features.example`) in
place, and `made(folder, name)` writes that copy. Every shape in `READS` must read as the plain
example reads; each one in `REFUSED` must be refused with exactly the line given. The shapes:

- values far from the tables (ZZ20000, FOO100000, XFD1048576);
- sheets that are not worksheets, which real workbooks carry: a chart sheet, an Excel 5 dialog sheet,
  Excel 4 macro sheets (in an .xlsm), one of them holding formulas and an error value;
- a big, uniform sheet of the user's that compresses 121:1 and more;
- workbooks that calamine refuses as they are although Excel opens them: the workbook part, or every
  XML part, in UTF-16; a sheet whose state is "show"; parts elsewhere than Excel keeps them, under other
  names and with absolute targets, found through `_rels/.rels`; a dimension with row 0 (`A0:L14`), as
  some generators write; a sheet (the Guide) whose relationship is missing;
- and broken ones: a plan sheet whose relationship is missing, a plan sheet cut short, a cell reference
  without a row.

The .ods shapes (`ODS_SHAPES`) need LibreOffice to make an .ods from the example, or from the example
with far cells, which `pretty_content` may then indent.
"""

from __future__ import annotations

import re
import shutil
import zipfile
from collections.abc import Callable
from pathlib import Path

from excel_corpus.book import Book
from excel_corpus.charts import chart_sheet
from excel_corpus.parts import CT, HEAD, REL, Package
from excel_features import example

MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
XM = "http://schemas.microsoft.com/office/excel/2006/main"
MS_REL = "http://schemas.microsoft.com/office/2006/relationships/"
UNIFORM_RATIO = 121


def _add_sheet(book: Book, name: str, part: str, rel_type: str, content_type: str, xml: str) -> None:
    book.put(part, xml)
    book.content_type(part, content_type)
    rid = book.relate("xl/workbook.xml", rel_type, part)
    workbook = book.text("xl/workbook.xml")
    number = max(int(found) for found in re.findall(r'sheetId="(\d+)"', workbook)) + 1
    entry = f'<sheet name="{name}" sheetId="{number}" r:id="{rid}"/>'
    book.put("xl/workbook.xml", workbook.replace("</sheets>", entry + "</sheets>"))


def dialog_sheet(path: Path) -> None:
    """An Excel 5 dialog sheet, as workbooks from the 1990s still carry them."""
    with Book.edit(path) as book:
        xml = (
            f'{HEAD}<dialogsheet xmlns="{MAIN}" xmlns:r="{REL[:-1]}"><sheetPr/><sheetViews><sheetView'
            ' workbookViewId="0"/></sheetViews><pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75"'
            ' header="0.3" footer="0.3"/></dialogsheet>'
        )
        _add_sheet(
            book,
            "Dialog1",
            "xl/dialogsheets/sheet1.xml",
            REL + "dialogsheet",
            CT + "spreadsheetml.dialogsheet+xml",
            xml,
        )


def macro_sheets(path: Path) -> None:
    """Two Excel 4 macro sheets, one international, in a macro-enabled workbook (save it as .xlsm).

    The first holds formulas, a value and an error, as macro sheets do: none of it is a plan's.
    """
    cells = (
        '<row r="1"><c r="A1" t="str"><f>ECHO(FALSE)</f><v>TRUE</v></c></row>'
        '<row r="2"><c r="A2" t="e"><f>ALERT("Hi")</f><v>#N/A</v></c><c r="B2"><f>1+1</f></c></row>'
        '<row r="3"><c r="A3" t="b"><f>RETURN()</f><v>1</v></c></row>'
    )
    with Book.edit(path) as book:
        book.content_type("xl/workbook.xml", "application/vnd.ms-excel.sheet.macroEnabled.main+xml")
        for number, (name, kind, data) in enumerate(
            [("Macro1", "xlMacrosheet", cells), ("Macro2", "xlIntlMacrosheet", "")], start=1
        ):
            xml = (
                f'{HEAD}<xm:macrosheet xmlns="{MAIN}" xmlns:r="{REL[:-1]}" xmlns:xm="{XM}">'
                f'<dimension ref="A1:B3"/><sheetData>{data}</sheetData></xm:macrosheet>'
            )
            content_type = "application/vnd.ms-excel." + ("intl" if number == 2 else "") + "macrosheet+xml"
            _add_sheet(book, name, f"xl/macrosheets/sheet{number}.xml", MS_REL + kind, content_type, xml)


def uniform_sheet(path: Path) -> None:
    """A sheet of the user's that compresses 121:1 or more: 4,000 rows of one long note each."""
    note = "Checked against the agency's monthly export; no change needed. " * 40
    rows = "".join(
        f'<row r="{row}" spans="1:1"><c r="A{row}" t="inlineStr"><is><t>{note}</t></is></c></row>'
        for row in range(1, 4001)
    )
    with Book.edit(path) as book:
        book.add_sheet(
            "Export notes", f'{HEAD}<worksheet xmlns="{MAIN}"><sheetData>{rows}</sheetData></worksheet>'
        )


def far_cells(path: Path) -> None:
    """Values far from the tables: a note at Goals!ZZ20000, a number at Forecasts!FOO100000 and a note at
    Actions!XFD1048576, the last cell of a sheet."""
    with Book.edit(path) as book:
        for sheet, ref, cell in [
            ("Goals", "ZZ20000", '<c r="ZZ20000" t="inlineStr"><is><t>ask Maria</t></is></c>'),
            ("Forecasts", "FOO100000", '<c r="FOO100000"><v>12.5</v></c>'),
            ("Actions", "XFD1048576", '<c r="XFD1048576" t="inlineStr"><is><t>end</t></is></c>'),
        ]:
            part = book.sheet(sheet)
            row = f'<row r="{ref.lstrip("ABCDEFGHIJKLMNOPQRSTUVWXYZ")}">{cell}</row>'
            book.put(part, book.text(part).replace("</sheetData>", row + "</sheetData>"))


def pretty_content(path: Path) -> None:
    """An .ods file's content.xml indented, as a pretty-printer leaves it: whitespace between cells."""
    with Package.edit(path) as package:
        content = package.text("content.xml")
        content = re.sub(
            r"(<table:table-row[^>]*>|</table:table-cell>|<table:table-cell[^>]*/>)", r"\1\n      ", content
        )
        content = content.replace("<text:p>", "\n        <text:p>").replace("</text:p>", "</text:p>\n      ")
        package.put("content.xml", content)


def _utf16(xml: bytes) -> bytes:
    text = xml.decode("utf-8").replace('encoding="UTF-8"', 'encoding="UTF-16"')
    return text.encode("utf-16")  # with a byte order mark, as Windows tools write it


def utf16_workbook(path: Path) -> None:
    """The workbook part in UTF-16."""
    with Package.edit(path) as package:
        package.put("xl/workbook.xml", _utf16(package.parts["xl/workbook.xml"]))


def utf16_parts(path: Path) -> None:
    """Every XML part in UTF-16."""
    with Package.edit(path) as package:
        for name in list(package.parts):
            if name.endswith((".xml", ".rels")):
                package.put(name, _utf16(package.parts[name]))


def state_show(path: Path) -> None:
    """A sheet whose state is "show", which Excel reads as visible (ECMA-376 allows only the other three)."""
    with Package.edit(path) as package:
        package.put(
            "xl/workbook.xml",
            package.text("xl/workbook.xml").replace(
                '<sheet name="Guide"', '<sheet name="Guide" state="show"'
            ),
        )


def moved_parts(path: Path) -> None:
    """Every part of the workbook elsewhere, under other names, the sheets related by absolute targets;
    `_rels/.rels` and the relationships say where (the Open Packaging Conventions allow any names)."""
    with Package.edit(path) as package:
        moves = {
            "xl/workbook.xml": "Book/Main.xml",
            "xl/sharedStrings.xml": "Book/Text.xml",
            "xl/styles.xml": "Book/Look.xml",
        }
        for name in package.parts:
            if name.startswith("xl/worksheets/sheet"):
                moves[name] = name.replace("xl/worksheets/sheet", "Book/Tabs/Tab")
        parts = {}
        for name, data in package.parts.items():
            target = moves.get(name, name.replace("xl/", "Book/", 1) if name.startswith("xl/") else name)
            if name.endswith(".rels") or name == "[Content_Types].xml":
                text = data.decode("utf-8")
                for old, new in moves.items():
                    text = text.replace(f'"/{old}"', f'"/{new}"')
                    text = text.replace(f'Target="{old}"', f'Target="/{new}"')
                    text = text.replace(f'Target="{old[3:]}"', f'Target="/{new}"')
                text = text.replace('"/xl/', '"/Book/')
                data = text.encode("utf-8")
            parts[target] = data
        parts["Book/_rels/Main.xml.rels"] = parts.pop("Book/_rels/workbook.xml.rels")
        package.parts = parts


def row_zero_dimension(path: Path) -> None:
    """Actions' dimension with row 0 (`A0:L14`), as some generators write it and Excel ignores."""
    with Book.edit(path) as book:
        part = book.sheet("Actions")
        book.put(part, re.sub(r'<dimension ref="[^"]*"/>', '<dimension ref="A0:L14"/>', book.text(part)))


def _lose_relationship(sheet: str) -> Callable[[Path], None]:
    def lose(path: Path) -> None:
        with Book.edit(path) as book:
            workbook = book.text("xl/workbook.xml")
            entry = re.search(rf'<sheet name="{sheet}"[^>]*r:id="(rId\d+)"', workbook)
            assert entry
            book.put(
                "xl/workbook.xml",
                workbook.replace(entry.group(0), entry.group(0).replace(entry.group(1), "rId99")),
            )

    lose.__doc__ = f"The sheet {sheet} pointing at a relationship the workbook does not have."
    return lose


def reference_without_row(path: Path) -> None:
    """A cell of Actions whose reference has no row number (`B0`), which no program writes."""
    with Book.edit(path) as book:
        part = book.sheet("Actions")
        book.put(part, book.text(part).replace('<c r="B2"', '<c r="B0"', 1))


def sheet_cut_short(path: Path) -> None:
    """Actions' part cut off in the middle of its cells, as a failed copy leaves it."""
    with Book.edit(path) as book:
        part = book.sheet("Actions")
        xml = book.parts[part]
        book.put(part, xml[: xml.index(b'<row r="5"') + 20])


SHAPES: dict[str, Callable[[Path], None]] = {
    "far_cells": far_cells,
    "chart_sheet": chart_sheet,
    "dialog_sheet": dialog_sheet,
    "macro_sheets": macro_sheets,
    "uniform_sheet": uniform_sheet,
    "utf16_workbook": utf16_workbook,
    "utf16_parts": utf16_parts,
    "state_show": state_show,
    "moved_parts": moved_parts,
    "row_zero_dimension": row_zero_dimension,
    "guide_relationship_missing": _lose_relationship("Guide"),
    "plan_sheet_relationship_missing": _lose_relationship("Assumptions"),
    "sheet_cut_short": sheet_cut_short,
    "reference_without_row": reference_without_row,
}
REFUSED = {
    "plan_sheet_relationship_missing": 'the sheet "Assumptions" is listed in the workbook but is not in the'
    " file; open the workbook in Excel or LibreOffice and save it again",
    "sheet_cut_short": "xl/worksheets/sheet6.xml is damaged: it ends too early; open the workbook in Excel"
    " or LibreOffice and save it again",
    "reference_without_row": 'the sheet "Actions" cannot be read: a cell\'s reference has no row number; open'
    " the workbook in Excel or LibreOffice and save it again",
}
"""What follows the file's name in the refusal of each broken shape."""
READS = [name for name in SHAPES if name not in REFUSED]
ODS_SHAPES = {"ods_far_cells": ("far_cells", None), "ods_pretty": (None, pretty_content)}
"""Each .ods shape: the .xlsx shape LibreOffice converts (None for the example), then the edit made."""


def made(folder: Path, name: str) -> Path:
    """The example plan in the shape `name`, as a new file in `folder` (.xlsm for the macro sheets)."""
    path = folder / f"{name}.{'xlsm' if name == 'macro_sheets' else 'xlsx'}"
    shutil.copyfile(example(folder), path)
    SHAPES[name](path)
    return path


def largest_ratio(path: Path) -> float:
    """How many times its biggest part is compressed."""
    with zipfile.ZipFile(path) as archive:
        biggest = max(archive.infolist(), key=lambda info: info.file_size)
    return biggest.file_size / biggest.compress_size
