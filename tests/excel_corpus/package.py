"""Workbook and package features the way Excel saves them, for the corpus.

`thumbnail` adds the preview picture related from the package (`_rels/.rels`), `custom_xml` a custom
XML data store item with its properties, `external_link` a link to another workbook with the values
Excel cached from it (used by a defined name), and `vba` a VBA project, which makes the workbook
macro-enabled (its content type, and code names on the workbook and its sheets): save it as .xlsm.
"""

from __future__ import annotations

from pathlib import Path

from excel_corpus.book import Book, children
from excel_corpus.drawings import guid
from excel_corpus.media import jpeg, vba_project
from excel_corpus.parts import CT, HEAD, MC, REL, X14

MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
DATASTORE = "http://schemas.openxmlformats.org/officeDocument/2006/customXml"


def thumbnail(path: Path) -> None:
    """The preview picture (Save Thumbnail), related from the package itself."""
    with Book.edit(path) as book:
        book.put("docProps/thumbnail.jpeg", jpeg(256, 182))
        book.content_type("docProps/thumbnail.jpeg", "image/jpeg", default=True)
        book.relate(
            "",
            "http://schemas.openxmlformats.org/package/2006/relationships/metadata/thumbnail",
            "docProps/thumbnail.jpeg",
        )


def custom_xml(path: Path) -> None:
    """A custom XML data store item with its properties, as Office keeps a workbook's sources list."""
    bibliography = "http://schemas.openxmlformats.org/officeDocument/2006/bibliography"
    with Book.edit(path) as book:
        item = book.free("customXml/item{}.xml")
        props = item.replace("item", "itemProps")
        sources = f'<b:Sources xmlns:b="{bibliography}" xmlns="{bibliography}" SelectedStyle="\\APA.XSL"'
        book.put(item, f'{HEAD}{sources} StyleName="APA"/>')
        book.put(
            props,
            f'{HEAD}<ds:datastoreItem ds:itemID="{guid(0x700)}" xmlns:ds="{DATASTORE}">'
            f'<ds:schemaRefs><ds:schemaRef ds:uri="{bibliography}"/></ds:schemaRefs></ds:datastoreItem>',
        )
        book.content_type(props, CT + "customXmlProperties+xml")
        book.relate(item, REL + "customXmlProps", props)
        book.relate("xl/workbook.xml", REL + "customXml", item)


def external_link(path: Path) -> None:
    """A link to last year's budget workbook, with the values Excel cached from it, used by a name."""
    with Book.edit(path) as book:
        link = book.free("xl/externalLinks/externalLink{}.xml")
        book.put(
            link,
            f'{HEAD}<externalLink xmlns="{MAIN}" xmlns:mc="{MC}" mc:Ignorable="x14" xmlns:x14="{X14}">'
            f'<externalBook xmlns:r="{REL[:-1]}" r:id="rId1"><sheetNames><sheetName val="Budget"/>'
            '</sheetNames><sheetDataSet><sheetData sheetId="0"><row r="2"><cell r="B2"><v>18000</v></cell>'
            "</row></sheetData></sheetDataSet></externalBook></externalLink>",
        )
        book.content_type(link, CT + "spreadsheetml.externalLink+xml")
        book.relate(link, REL + "externalLinkPath", "Lazur%20budget%202025.xlsx", external=True)
        rid = book.relate("xl/workbook.xml", REL + "externalLink", link)
        number = int(link.removeprefix("xl/externalLinks/externalLink").removesuffix(".xml"))
        reference = f'<externalReference r:id="{rid}"/>'
        workbook = book.text("xl/workbook.xml")
        if "<externalReferences>" in workbook:
            book.put(
                "xl/workbook.xml",
                workbook.replace("</externalReferences>", reference + "</externalReferences>"),
            )
        else:
            book.insert(
                "xl/workbook.xml",
                "externalReferences",
                f"<externalReferences>{reference}</externalReferences>",
            )
        book.defined_name("LastYearBudget", f"[{number}]Budget!$B$2")


def vba(path: Path) -> None:
    """A VBA project: the workbook becomes macro-enabled (save it as .xlsm), its sheets get code names."""
    with Book.edit(path) as book:
        book.put("xl/vbaProject.bin", vba_project())
        book.content_type("xl/vbaProject.bin", "application/vnd.ms-office.vbaProject", default=True)
        book.content_type("xl/workbook.xml", "application/vnd.ms-excel.sheet.macroEnabled.main+xml")
        book.relate(
            "xl/workbook.xml",
            "http://schemas.microsoft.com/office/2006/relationships/vbaProject",
            "xl/vbaProject.bin",
        )
        book.set_attribute("xl/workbook.xml", "workbookPr", "codeName", "ThisWorkbook")
        for number, name in enumerate(book.sheet_names(), start=1):
            sheet = book.sheet(name)
            if sheet.startswith("xl/worksheets/"):
                if "sheetPr" in [child for child, _, _ in children(book.text(sheet))]:
                    book.set_attribute(sheet, "sheetPr", "codeName", f"Sheet{number}")
                else:
                    book.insert(sheet, "sheetPr", f'<sheetPr codeName="Sheet{number}"/>')
