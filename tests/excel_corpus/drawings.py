"""Drawings the way Excel saves them, for the corpus: the parts and anchors, pictures, a sheet background.

`images` puts on Metrics a PNG, an EMF and an SVG with the PNG fallback Excel 365 writes beside it
(`asvg:svgBlip` in the fallback's `a:blip`); `background_picture` gives Settings a `<picture>`
background. The helpers (a drawing part for a sheet, anchors, a VML part with its block of shape ids,
fixed GUIDs) are shared with the shapes, charts, slicers, notes and controls.
"""

from __future__ import annotations

from pathlib import Path

from excel_corpus.book import Book
from excel_corpus.media import emf, png, svg
from excel_corpus.parts import CT, DRAWING_NS, HEAD, REL, XDR

R_NS = REL[:-1]
VML_NS = 'xmlns:v="urn:schemas-microsoft-com:vml" xmlns:o="urn:schemas-microsoft-com:office:office"'
VML_NS += ' xmlns:x="urn:schemas-microsoft-com:office:excel"'


def guid(number: int) -> str:
    """A fixed GUID, so that the corpus comes out the same byte for byte on every run."""
    return f"{{C0FFEE00-5EE7-4A11-8000-{number:012X}}}"


def creation_id(number: int) -> str:
    """The `a16:creationId` Excel 2016 and later gives every drawing object."""
    return (
        '<a:extLst><a:ext uri="{FF2B5EF4-FFF2-40B4-BE49-F238E27FC236}"><a16:creationId xmlns:a16='
        f'"http://schemas.microsoft.com/office/drawing/2014/main" id="{guid(number)}"/></a:ext></a:extLst>'
    )


def new_drawing(book: Book, sheet: str) -> str:
    """An empty drawing part for `sheet`, related to it and referenced by its `<drawing r:id>`."""
    part = book.free("xl/drawings/drawing{}.xml")
    book.put(part, f'{HEAD}<xdr:wsDr xmlns:xdr="{XDR}" xmlns:a="{DRAWING_NS}"></xdr:wsDr>')
    book.content_type(part, CT + "drawing+xml")
    book.insert(sheet, "drawing", f'<drawing r:id="{book.relate(sheet, REL + "drawing", part)}"/>')
    return part


def add_anchor(book: Book, drawing: str, anchor: str) -> None:
    book.put(drawing, book.text(drawing).replace("</xdr:wsDr>", anchor + "</xdr:wsDr>"))


def marker(tag: str, column: int, row: int, column_offset: int = 0, row_offset: int = 0) -> str:
    return (
        f"<xdr:{tag}><xdr:col>{column}</xdr:col><xdr:colOff>{column_offset}</xdr:colOff>"
        f"<xdr:row>{row}</xdr:row><xdr:rowOff>{row_offset}</xdr:rowOff></xdr:{tag}>"
    )


def two_cell(start: tuple[int, int], end: tuple[int, int], body: str, edit_as: str = "") -> str:
    """A `twoCellAnchor` from one (column, row) to another, zero-based, holding `body`."""
    edit = f' editAs="{edit_as}"' if edit_as else ""
    return (
        f"<xdr:twoCellAnchor{edit}>{marker('from', *start)}{marker('to', *end)}{body}"
        "<xdr:clientData/></xdr:twoCellAnchor>"
    )


def frame(x: int, y: int, width: int, height: int, shape: str = "rect") -> str:
    return (
        f'<a:xfrm><a:off x="{x}" y="{y}"/><a:ext cx="{width}" cy="{height}"/></a:xfrm>'
        f'<a:prstGeom prst="{shape}"><a:avLst/></a:prstGeom>'
    )


def picture(number: int, name: str, rid: str, x: int, extension: str = "") -> str:
    """An `xdr:pic` of the picture related as `rid`; `extension` goes inside its `a:blip`."""
    blip = f'<a:blip xmlns:r="{R_NS}" r:embed="{rid}">{extension}</a:blip>' if extension else ""
    blip = blip or f'<a:blip xmlns:r="{R_NS}" r:embed="{rid}"/>'
    return (
        f'<xdr:pic><xdr:nvPicPr><xdr:cNvPr id="{number + 1}" name="Picture {number}" descr="{name}">'
        f'{creation_id(10 + number)}</xdr:cNvPr><xdr:cNvPicPr><a:picLocks noChangeAspect="1"/></xdr:cNvPicPr>'
        f"</xdr:nvPicPr><xdr:blipFill>{blip}<a:stretch><a:fillRect/></a:stretch></xdr:blipFill>"
        f"<xdr:spPr>{frame(x, 190500, 914400, 609600)}</xdr:spPr></xdr:pic>"
    )


def add_picture(book: Book, source: str, data: bytes, extension: str, content_type: str) -> str:
    """Store a picture in xl/media and relate `source` to it; the relationship's Id."""
    part = book.media(extension)
    book.put(part, data)
    book.content_type(part, content_type, default=True)
    return book.relate(source, REL + "image", part)


def images(path: Path) -> None:
    with Book.edit(path) as book:
        drawing = new_drawing(book, book.sheet("Metrics"))
        logo = add_picture(book, drawing, png(), "png", "image/png")
        chart = add_picture(book, drawing, emf(), "emf", "image/x-emf")
        fallback = add_picture(book, drawing, png(96, 96, (60, 40, 30)), "png", "image/png")
        icon = add_picture(book, drawing, svg(), "svg", "image/svg+xml")
        svg_blip = (
            '<a:extLst><a:ext uri="{96DAC541-7B7A-43D3-8B79-37D633B846F1}"><asvg:svgBlip'
            f' xmlns:asvg="http://schemas.microsoft.com/office/drawing/2016/SVG/main" r:embed="{icon}"/>'
            "</a:ext></a:extLst>"
        )
        for number, (name, rid, extension) in enumerate(
            (("Lazur logo.png", logo, ""), ("Funnel.emf", chart, ""), ("Cup.svg", fallback, svg_blip)),
            start=1,
        ):
            body = picture(number, name, rid, 9000000 + number * 1000000, extension)
            add_anchor(book, drawing, two_cell((10 + 2 * number, 1), (11 + 2 * number, 4), body, "oneCell"))


def background_picture(path: Path) -> None:
    with Book.edit(path) as book:
        sheet = book.sheet("Settings")
        rid = add_picture(book, sheet, png(200, 120, (250, 244, 235)), "png", "image/png")
        book.insert(sheet, "picture", f'<picture r:id="{rid}"/>')


def new_vml(book: Book) -> tuple[str, int]:
    """A free VML drawing part and its block of shape ids (`o:idmap`), one block per drawing."""
    part = book.free("xl/drawings/vmlDrawing{}.vml")
    book.content_type(part, CT + "vmlDrawing", default=True)
    return part, int(part.removeprefix("xl/drawings/vmlDrawing").removesuffix(".vml"))


def vml(block: int, shape_type: str, shapes: str) -> str:
    return (
        f'<xml {VML_NS}>\n <o:shapelayout v:ext="edit">\n  <o:idmap v:ext="edit" data="{block}"/>\n'
        f" </o:shapelayout>{shape_type}{shapes}</xml>"
    )
