"""Cell metadata the way Excel 365 saves it, for the corpus: pictures in cells and dynamic arrays.

`rich_data` puts a picture in a cell of a user's column on Goals (Place in Cell: `vm="1"`, the
`xl/richData` parts and the picture they relate to), and `cell_metadata` a dynamic-array formula
(`cm="1"`) in a user's column on Actuals. Both need `xl/metadata.xml`: each writes it for every kind
the workbook then has (dynamic arrays first, as Excel orders them), so the two combine.
"""

from __future__ import annotations

from pathlib import Path

from excel_corpus.book import Book
from excel_corpus.cells import set_cell, shared_string, sheet_rows, style_of
from excel_corpus.media import png
from excel_corpus.parts import CT, HEAD, MC, MS_REL, REL

MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
RICH = "http://schemas.microsoft.com/office/spreadsheetml/2017/richdata"
DYNAMIC = "http://schemas.microsoft.com/office/spreadsheetml/2017/dynamicarray"
FLAGS = (
    'copy="1" pasteAll="1" pasteValues="1" merge="1" splitFirst="1" rowColShift="1" clearFormats="1"'
    ' clearComments="1" assign="1" coerce="1"'
)


def metadata(dynamic: bool, rich: bool) -> str:
    """`xl/metadata.xml` for dynamic arrays (`cm="1"`) and/or rich values (`vm="1"`)."""
    kinds = [name for name, wanted in (("XLDAPR", dynamic), ("XLRICHVALUE", rich)) if wanted]
    types = "".join(
        f'<metadataType name="{kind}" minSupportedVersion="120000" {FLAGS}'
        + (' cellMeta="1"/>' if kind == "XLDAPR" else "/>")
        for kind in kinds
    )
    xml = f'{HEAD}<metadata xmlns="{MAIN}"' + (f' xmlns:xlrd="{RICH}"' if rich else "")
    xml += (f' xmlns:xda="{DYNAMIC}"' if dynamic else "") + f'><metadataTypes count="{len(kinds)}">'
    xml += types + "</metadataTypes>"
    future = '<futureMetadata name="{}" count="1"><bk><extLst><ext uri="{}">{}</ext></extLst></bk>'
    future += "</futureMetadata>"
    if dynamic:
        properties = '<xda:dynamicArrayProperties fDynamic="1" fCollapsed="0"/>'
        xml += future.format("XLDAPR", "{bdbb8cdc-fa1e-496e-a857-3c3f30c029c3}", properties)
    if rich:
        xml += future.format("XLRICHVALUE", "{3e2802c4-a4d2-4d8b-9148-e3be6c30e623}", '<xlrd:rvb i="0"/>')
    if dynamic:
        block = f'<bk><rc t="{kinds.index("XLDAPR") + 1}" v="0"/></bk>'
        xml += f'<cellMetadata count="1">{block}</cellMetadata>'
    if rich:
        block = f'<bk><rc t="{kinds.index("XLRICHVALUE") + 1}" v="0"/></bk>'
        xml += f'<valueMetadata count="1">{block}</valueMetadata>'
    return xml + "</metadata>"


def write_metadata(book: Book, dynamic: bool = False, rich: bool = False) -> None:
    """Write `xl/metadata.xml` with the given kinds and those it already has; relate it when new."""
    if "xl/metadata.xml" in book.parts:
        current = book.text("xl/metadata.xml")
        dynamic, rich = dynamic or "XLDAPR" in current, rich or "XLRICHVALUE" in current
    else:
        book.relate("xl/workbook.xml", REL + "sheetMetadata", "xl/metadata.xml")
        book.content_type("xl/metadata.xml", CT + "spreadsheetml.sheetMetadata+xml")
    book.put("xl/metadata.xml", metadata(dynamic, rich))


def cell_metadata(path: Path) -> None:
    months = sum(value != "" for value in sheet_rows(path, "Actuals")[1][2:14])
    with Book.edit(path) as book:
        part = book.sheet("Actuals")
        label = shared_string(book, "Months reported")
        set_cell(book, part, "P1", f'<c r="P1"{style_of(book, part, "N1")} t="s"><v>{label}</v></c>')
        formula = '<f t="array" ref="P2">COUNT(IF(C2:N2&lt;&gt;"",C2:N2))</f>'
        set_cell(book, part, "P2", f'<c r="P2" cm="1">{formula}<v>{months}</v></c>')
        write_metadata(book, dynamic=True)


KEYS = (
    *("_DisplayString", "_Flags", "_Format", "_SubLabel", "_Attribution", "_Icon", "_Display"),
    *("_CanonicalPropertyNames", "_ClassificationId"),
)
"""The keys Excel's rich value types flag, after `_Self`."""


def rich_parts(keys: str) -> dict[str, tuple[str, str, str]]:
    """The parts of `xl/richData`: name to (content type, relationship type, XML)."""
    relationships = "http://schemas.microsoft.com/office/spreadsheetml/2022/richvaluerel"
    return {
        "rdRichValueTypes.xml": (
            "rdrichvaluetypes",
            "2017/06/relationships/rdRichValueTypes",
            f'<rvTypesInfo xmlns="{RICH}2" xmlns:mc="{MC}" mc:Ignorable="x" xmlns:x="{MAIN}"><global>'
            f"<keyFlags>{keys}</keyFlags></global></rvTypesInfo>",
        ),
        "richValueRel.xml": (
            "richvaluerel",
            "2022/10/relationships/richValueRel",
            f'<richValueRels xmlns="{relationships}" xmlns:r="{REL[:-1]}"><rel r:id="rId1"/></richValueRels>',
        ),
        "rdrichvaluestructure.xml": (
            "rdrichvaluestructure",
            "2017/06/relationships/rdRichValueStructure",
            f'<rvStructures xmlns="{RICH}" count="1"><s t="_localImage"><k n="_rvRel:LocalImageIdentifier"'
            ' t="i"/><k n="CalcOrigin" t="i"/></s></rvStructures>',
        ),
        "rdrichvalue.xml": (
            "rdrichvalue",
            "2017/06/relationships/rdRichValue",
            f'<rvData xmlns="{RICH}" count="1"><rv s="0"><v>0</v><v>5</v></rv></rvData>',
        ),
    }


def rich_data(path: Path) -> None:
    calc = '<flag name="ExcludeFromCalcComparison" value="1"/>'
    keys = f'<key name="_Self"><flag name="ExcludeFromFile" value="1"/>{calc}</key>'
    keys += "".join(f'<key name="{key}">{calc}</key>' for key in KEYS)
    with Book.edit(path) as book:
        part = book.sheet("Goals")
        label = shared_string(book, "Picture")
        set_cell(book, part, "H1", f'<c r="H1"{style_of(book, part, "G1")} t="s"><v>{label}</v></c>')
        set_cell(book, part, "H2", '<c r="H2" t="e" vm="1"><v>#VALUE!</v></c>')
        image = book.media("png")
        book.put(image, png(48, 48))
        book.content_type(image, "image/png", default=True)
        for name, (content_type, rel_type, xml) in rich_parts(keys).items():
            book.put("xl/richData/" + name, HEAD + xml)
            book.content_type("xl/richData/" + name, f"application/vnd.ms-excel.{content_type}+xml")
            book.relate("xl/workbook.xml", MS_REL + rel_type, "xl/richData/" + name)
        assert book.relate("xl/richData/richValueRel.xml", REL + "image", image) == "rId1"
        write_metadata(book, rich=True)
