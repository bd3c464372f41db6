"""Comments and a header logo the way Excel saves them, for the corpus; all three draw in VML.

`threaded_comments` adds an Excel 365 conversation (a comment and its reply) on Actions:
`xl/threadedComments/`, its author in `xl/persons/person.xml`, and the legacy note and VML shape Excel
writes beside it for older versions. `legacy_comment` adds a note on Goals that is always shown
(`<x:Visible/>`), in a box of its own size. `header_picture` puts a logo in the printed header of
Settings: `&G` in `<headerFooter>` and the picture in a VML drawing related by `<legacyDrawingHF>`.
"""

from __future__ import annotations

from pathlib import Path
from xml.sax.saxutils import escape

from excel_corpus.book import Book
from excel_corpus.drawings import add_picture, guid, new_vml, vml
from excel_corpus.media import png
from excel_corpus.parts import CT, HEAD, MC, MS_REL, REL

MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
THREADED = "http://schemas.microsoft.com/office/spreadsheetml/2018/threadedcomments"
XR = "http://schemas.microsoft.com/office/spreadsheetml/2014/revision"
NOTE_TYPE = (
    '<v:shapetype id="_x0000_t202" coordsize="21600,21600" o:spt="202"\n'
    '  path="m,l,21600r21600,l21600,xe">\n  <v:stroke joinstyle="miter"/>\n'
    '  <v:path gradientshapeok="t" o:connecttype="rect"/>\n </v:shapetype>'
)
LEGACY = (
    "[Threaded comment]\n\nYour version of Excel allows you to read this threaded comment; however, any edits"
    " to it will get removed if the file is opened in a newer version of Excel. Learn more:"
    " https://go.microsoft.com/fwlink/?linkid=870924\n\nComment:\n    {}\nReply:\n    {}"
)
"""The text Excel gives the legacy note it writes for a threaded comment and its reply."""


def note(shape_id: int, cell: tuple[int, int], anchor: str, box: str, shown: bool) -> str:
    """The VML shape of a note on the zero-based (row, column) `cell`."""
    row, column = cell
    return (
        f'<v:shape id="_x0000_s{shape_id}" type="#_x0000_t202"'
        f" style='position:absolute;\n  {box};z-index:1;\n"
        f'  visibility:{"visible" if shown else "hidden"}\' fillcolor="#ffffe1" o:insetmode="auto">\n'
        '  <v:fill color2="#ffffe1"/>\n  <v:shadow on="t" color="black" obscured="t"/>\n'
        "  <v:path o:connecttype=\"none\"/>\n  <v:textbox style='mso-direction-alt:auto'>\n"
        "   <div style='text-align:left'></div>\n  </v:textbox>\n  <x:ClientData ObjectType=\"Note\">\n"
        f"   <x:MoveWithCells/>\n   <x:SizeWithCells/>\n   <x:Anchor>\n    {anchor}</x:Anchor>\n"
        f"   <x:AutoFill>False</x:AutoFill>\n   <x:Row>{row}</x:Row>\n   <x:Column>{column}</x:Column>\n"
        + ("   <x:Visible/>\n" if shown else "")
        + "  </x:ClientData>\n </v:shape>"
    )


def add_notes(
    book: Book, sheet: str, comments: str, shape: tuple[int, tuple[int, int], str, str, bool]
) -> None:
    """Hook a comments part up to `sheet` with a VML drawing of the note's `shape` and `<legacyDrawing>`."""
    part, block = new_vml(book)
    shape_id, cell, anchor, box, shown = shape
    book.put(part, vml(block, NOTE_TYPE, note(block * 1024 + shape_id, cell, anchor, box, shown)))
    rid = book.relate(sheet, REL + "vmlDrawing", part)
    notes = book.free("xl/comments{}.xml")
    book.put(notes, comments)
    book.content_type(notes, CT + "spreadsheetml.comments+xml")
    book.relate(sheet, REL + "comments", notes)
    book.insert(sheet, "legacyDrawing", f'<legacyDrawing r:id="{rid}"/>')


def threaded_comments(path: Path) -> None:
    person, first, reply = guid(0x100), guid(0x101), guid(0x102)
    question = "The gift box photos come on 20 October. Can the ads start on the 25th?"
    answer = "Yes: move Start to 25 October and keep the budget."
    people = "xl/persons/person.xml"
    thread = (
        f'{HEAD}<ThreadedComments xmlns="{THREADED}" xmlns:x="{MAIN}">'
        f'<threadedComment ref="H6" dT="2026-10-12T09:14:03.21" personId="{person}" id="{first}">'
        f"<text>{question}</text></threadedComment>"
        f'<threadedComment ref="H6" dT="2026-10-12T10:02:47.55" personId="{person}" id="{reply}"'
        f' parentId="{first}"><text>{answer}</text></threadedComment></ThreadedComments>'
    )
    comments = (
        f'{HEAD}<comments xmlns="{MAIN}" xmlns:mc="{MC}" mc:Ignorable="xr" xmlns:xr="{XR}"><authors>'
        f'<author>tc={first}</author></authors><commentList><comment ref="H6" authorId="0" shapeId="0"'
        f' xr:uid="{first}"><text><t>{escape(LEGACY.format(question, answer))}</t></text></comment>'
        "</commentList></comments>"
    )
    with Book.edit(path) as book:
        sheet = book.sheet("Actions")
        if people not in book.parts:
            book.put(
                people,
                f'{HEAD}<personList xmlns="{THREADED}" xmlns:x="{MAIN}"><person displayName="Maria Ivanova"'
                f' id="{person}" userId="Maria Ivanova" providerId="None"/></personList>',
            )
            book.content_type(people, "application/vnd.ms-excel.person+xml")
            book.relate("xl/workbook.xml", MS_REL + "2017/10/relationships/person", people)
        part = book.free("xl/threadedComments/threadedComment{}.xml")
        book.put(part, thread)
        book.content_type(part, "application/vnd.ms-excel.threadedcomments+xml")
        box = "margin-left:610pt;margin-top:48pt;width:108pt;height:59.25pt"
        add_notes(book, sheet, comments, (1, (5, 7), "8, 15, 4, 2, 10, 31, 8, 7", box, False))
        book.relate(sheet, MS_REL + "2017/10/relationships/threadedComment", part)


def legacy_comment(path: Path) -> None:
    run = '<rPr><sz val="9"/><color indexed="81"/><rFont val="Tahoma"/><family val="2"/></rPr>'
    text = "\nAgreed with the shop team in July: 5% of visits is the floor, 12% the goal."
    comments = (
        f'{HEAD}<comments xmlns="{MAIN}"><authors><author>Maria Ivanova</author></authors><commentList>'
        f'<comment ref="B2" authorId="0" shapeId="0"><text><r>{run.replace("<rPr>", "<rPr><b/>")}'
        f'<t>Maria Ivanova:</t></r><r>{run}<t xml:space="preserve">{text}</t></r></text></comment>'
        "</commentList></comments>"
    )
    box = "margin-left:262.5pt;margin-top:4.5pt;width:240pt;height:96pt"
    with Book.edit(path) as book:
        add_notes(book, book.sheet("Goals"), comments, (1, (1, 1), "2, 15, 0, 6, 6, 31, 4, 12", box, True))


FORMULAS = "".join(
    f'<v:f eqn="{equation}"/>'
    for equation in (
        *("if lineDrawn pixelLineWidth 0", "sum @0 1 0", "sum 0 0 @1", "prod @2 1 2"),
        *("prod @3 21600 pixelWidth", "prod @3 21600 pixelHeight", "sum @0 0 1", "prod @6 1 2"),
        *("prod @7 21600 pixelWidth", "sum @8 21600 0", "prod @7 21600 pixelHeight", "sum @10 21600 0"),
    )
)
"""The formulas of VML's picture frame shape type (`_x0000_t75`), which header pictures use."""
PICTURE_TYPE = (
    '<v:shapetype id="_x0000_t75" coordsize="21600,21600" o:spt="75" o:preferrelative="t"\n'
    '  path="m@4@5l@4@11@9@11@9@5xe" filled="f" stroked="f">\n  <v:stroke joinstyle="miter"/>\n'
    f"  <v:formulas>{FORMULAS}</v:formulas>\n"
    '  <v:path o:extrusionok="f" gradientshapeok="t" o:connecttype="rect"/>\n'
    '  <o:lock v:ext="edit" aspectratio="t"/>\n </v:shapetype>'
)


def header_picture(path: Path) -> None:
    with Book.edit(path) as book:
        sheet = book.sheet("Settings")
        part, block = new_vml(book)
        rid = add_picture(book, part, png(120, 40), "png", "image/png")
        shape = (
            f'<v:shape id="LH" o:spid="_x0000_s{block * 1024 + 1}" type="#_x0000_t75"\n'
            "  style='position:absolute;margin-left:0;margin-top:0;width:90pt;height:30pt;z-index:1'>\n"
            f'  <v:imagedata o:relid="{rid}" o:title="Lazur logo"/>\n'
            '  <o:lock v:ext="edit" rotation="t"/>\n </v:shape>'
        )
        book.put(part, vml(block, PICTURE_TYPE, shape))
        header = "<headerFooter><oddHeader>&amp;L&amp;G&amp;C&amp;A&amp;R&amp;D</oddHeader></headerFooter>"
        book.insert(sheet, "headerFooter", header)
        rid = book.relate(sheet, REL + "vmlDrawing", part)
        book.insert(sheet, "legacyDrawingHF", f'<legacyDrawingHF r:id="{rid}"/>')
