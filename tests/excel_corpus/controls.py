"""Form controls the way Excel 2010 and later save them, for the corpus: a button and a check box on Owners.

Each control is three things: a VML shape (`ObjectType="Button"`, `"Checkbox"`) in the sheet's legacy
drawing, its properties in `xl/ctrlProps/ctrlPropN.xml`, and an entry in the sheet's `<controls>`
inside `mc:AlternateContent` (Requires="x14", so `x14` and `xdr` are declared on the sheet's root).
Excel also writes a hidden DrawingML stand-in for each (`a14:compatExt`) in the sheet's drawing.
"""

from __future__ import annotations

from pathlib import Path

from excel_corpus.book import Book
from excel_corpus.drawings import add_anchor, frame, marker, new_drawing, new_vml, vml
from excel_corpus.parts import HEAD, MC, REL, X14, XDR

A14 = "http://schemas.microsoft.com/office/drawing/2010/main"
CONTROL_TYPE = (
    '<v:shapetype id="_x0000_t201" coordsize="21600,21600" o:spt="201"\n'
    '  path="m,l,21600r21600,l21600,xe">\n  <v:stroke joinstyle="miter"/>\n'
    '  <v:path shadowok="f" o:extrusionok="f" strokeok="f" fillok="f" o:connecttype="rect"/>\n'
    '  <o:lock v:ext="edit" shapetype="t"/>\n </v:shapetype>'
)
BUTTON_LOOK = (
    'o:button="t" fillcolor="buttonFace [67]" strokecolor="windowText [64]" o:insetmode="auto">\n'
    '  <v:fill color2="buttonFace [67]" o:detectmouseclick="t"/>\n'
)
BOX_LOOK = (
    'filled="f" fillcolor="window [65]" stroked="f" strokecolor="windowText [64]" o:insetmode="auto">\n'
    '  <v:path shadowok="t" strokeok="t" fillok="t"/>\n'
)
MACRO = "[0]!EmailOwners"
CONTROLS = (
    ("Button", "Email the owners", 'objectType="Button" lockText="1"', (4, 1, 6, 3)),
    (
        "Checkbox",
        "Show emails",
        'objectType="CheckBox" checked="Checked" lockText="1" noThreeD="1"',
        (4, 4, 6, 5),
    ),
)
"""Each control's VML type, text, properties and place: (left column, top row, right, bottom)."""


def shape(shape_id: int, kind: str, text: str, place: tuple[int, int, int, int]) -> str:
    """The VML shape of a form control."""
    left, top, right, bottom = place
    box = f"margin-left:{left * 48 + 8}pt;margin-top:{top * 15 + 3}pt;width:{(right - left) * 48}pt;"
    box += f"height:{(bottom - top) * 15}pt"
    data = f"   <x:Anchor>\n    {left}, 0, {top}, 0, {right}, 0, {bottom}, 0</x:Anchor>\n"
    data += "   <x:PrintObject>False</x:PrintObject>\n   <x:AutoFill>False</x:AutoFill>\n"
    if kind == "Button":
        data += f"   <x:FmlaMacro>{MACRO}</x:FmlaMacro>\n   <x:TextHAlign>Center</x:TextHAlign>\n"
        data += "   <x:TextVAlign>Center</x:TextVAlign>\n"
    else:
        data += "   <x:AutoLine>False</x:AutoLine>\n   <x:TextVAlign>Center</x:TextVAlign>\n"
        data += "   <x:Checked>1</x:Checked>\n   <x:NoThreeD/>\n"
    font = f'<font face="Calibri" size="220" color="#000000">{text}</font>'
    return (
        f'<v:shape id="_x0000_s{shape_id}" type="#_x0000_t201"'
        f" style='position:absolute;\n  {box};z-index:1;\n"
        f"  mso-wrap-style:tight' {BUTTON_LOOK if kind == 'Button' else BOX_LOOK}"
        '  <o:lock v:ext="edit" rotation="t"/>\n'
        "  <v:textbox style='mso-direction-alt:auto' o:singleclick=\"f\">\n"
        f"   <div style='text-align:{'center' if kind == 'Button' else 'left'}'>{font}</div>\n"
        f'  </v:textbox>\n  <x:ClientData ObjectType="{kind}">\n{data}  </x:ClientData>\n </v:shape>'
    )


def entry(shape_id: int, rid: str, name: str, button: bool, place: tuple[int, int, int, int]) -> str:
    """A control's entry in `<controls>`, where it sits and what it runs."""
    left, top, right, bottom = place
    anchor = marker("from", left, top) + marker("to", right, bottom)
    anchor = anchor.replace("xdr:from>", "from>").replace("xdr:to>", "to>")
    extra = f' print="0" macro="{MACRO}"' if button else ' autoLine="0"'
    return (
        f'<mc:AlternateContent xmlns:mc="{MC}"><mc:Choice Requires="x14"><control shapeId="{shape_id}"'
        f' r:id="{rid}" name="{name}"><controlPr defaultSize="0"{extra} autoFill="0" autoPict="0">'
        f'<anchor moveWithCells="1">{anchor}</anchor></controlPr></control></mc:Choice></mc:AlternateContent>'
    )


def stand_in(shape_id: int, name: str, text: str, place: tuple[int, int, int, int]) -> str:
    """The hidden DrawingML shape Excel writes for a control, tied to its VML shape by `spid`."""
    left, top, right, bottom = place
    compat = '<a:extLst><a:ext uri="{63B3BB69-23CF-44E3-9099-C40C66FF867C}">'
    compat += f'<a14:compatExt spid="_x0000_s{shape_id}"/></a:ext></a:extLst>'
    return (
        f'<mc:AlternateContent xmlns:mc="{MC}"><mc:Choice xmlns:a14="{A14}" Requires="a14">'
        f'<xdr:twoCellAnchor editAs="oneCell">{marker("from", left, top)}{marker("to", right, bottom)}'
        f'<xdr:sp macro="" textlink=""><xdr:nvSpPr><xdr:cNvPr id="{shape_id}" name="{name}" hidden="1">'
        f'{compat}</xdr:cNvPr><xdr:cNvSpPr/></xdr:nvSpPr><xdr:spPr bwMode="auto">{frame(0, 0, 0, 0)}'
        '<a:noFill/><a:ln><a:noFill/></a:ln></xdr:spPr><xdr:txBody><a:bodyPr vertOverflow="clip"'
        ' wrap="square" anchor="ctr" upright="1"/><a:lstStyle/><a:p><a:r><a:rPr lang="en-US" sz="1100"/>'
        f"<a:t>{text}</a:t></a:r></a:p></xdr:txBody></xdr:sp><xdr:clientData/></xdr:twoCellAnchor>"
        "</mc:Choice><mc:Fallback/></mc:AlternateContent>"
    )


def form_control(path: Path) -> None:
    with Book.edit(path) as book:
        sheet = book.sheet("Owners")
        part, block = new_vml(book)
        drawing = new_drawing(book, sheet)
        shapes, entries = [], []
        for number, (kind, text, properties, place) in enumerate(CONTROLS, start=1):
            shape_id = block * 1024 + number
            name = f"{'Button' if kind == 'Button' else 'Check Box'} {number}"
            shapes.append(shape(shape_id, kind, text, place))
            props = book.free("xl/ctrlProps/ctrlProp{}.xml")
            book.put(props, f'{HEAD}<formControlPr xmlns="{X14}" {properties}/>')
            book.content_type(props, "application/vnd.ms-excel.controlproperties+xml")
            rid = book.relate(sheet, REL + "ctrlProp", props)
            entries.append(entry(shape_id, rid, name, kind == "Button", place))
            add_anchor(book, drawing, stand_in(shape_id, name, text, place))
        book.put(part, vml(block, CONTROL_TYPE, "".join(shapes)))
        rid = book.relate(sheet, REL + "vmlDrawing", part)
        book.insert(sheet, "legacyDrawing", f'<legacyDrawing r:id="{rid}"/>')
        book.declare(sheet, "xdr", XDR)
        book.declare(sheet, "x14", X14)
        controls = f'<mc:AlternateContent xmlns:mc="{MC}"><mc:Choice Requires="x14"><controls>'
        controls += "".join(entries) + "</controls></mc:Choice></mc:AlternateContent>"
        book.insert(sheet, "controls", controls)
