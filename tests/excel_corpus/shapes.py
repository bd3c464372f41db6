"""Shapes the way Excel saves them, for the corpus: a drawing on Channels of what users draw on a plan.

A rectangle with text (`xdr:sp`), a text box (`txBox="1"`), an arrow connector glued to both
(`xdr:cxnSp` with `a:stCxn` and `a:endCxn`), and an equation in a text box: Excel 2010's math inside
`mc:AlternateContent`, with the plain-text fallback Excel writes for versions without it.
"""

from __future__ import annotations

from pathlib import Path

from excel_corpus.book import Book
from excel_corpus.drawings import add_anchor, creation_id, frame, new_drawing, two_cell
from excel_corpus.parts import MC

MATH = "http://schemas.openxmlformats.org/officeDocument/2006/math"
A14 = "http://schemas.microsoft.com/office/drawing/2010/main"


def style(line: int, fill: int, font: str) -> str:
    """The theme references of a shape (its line, fill, effect and font)."""
    return (
        f'<xdr:style><a:lnRef idx="{line}"><a:schemeClr val="accent1"><a:shade val="50000"/></a:schemeClr>'
        f'</a:lnRef><a:fillRef idx="{fill}"><a:schemeClr val="accent1"/></a:fillRef><a:effectRef idx="0">'
        f'<a:schemeClr val="accent1"/></a:effectRef><a:fontRef idx="minor"><a:schemeClr val="{font}"/>'
        "</a:fontRef></xdr:style>"
    )


def paragraph(text: str, align: str = "l") -> str:
    return f'<a:p><a:pPr algn="{align}"/><a:r><a:rPr lang="en-US" sz="1100"/><a:t>{text}</a:t></a:r></a:p>'


def shape(number: int, name: str, box: bool, place: str, look: str, body: str, text: str) -> str:
    """An `xdr:sp`: a shape, or a text box when `box`; `place` is its frame and `look` its fill and line."""
    kind = '<xdr:cNvSpPr txBox="1"/>' if box else "<xdr:cNvSpPr/>"
    theme = style(0, 0, "dk1") if box else style(2, 1, "lt1")
    return (
        f'<xdr:sp macro="" textlink=""><xdr:nvSpPr><xdr:cNvPr id="{number + 1}" name="{name}">'
        f"{creation_id(number)}</xdr:cNvPr>{kind}</xdr:nvSpPr><xdr:spPr>{place}{look}</xdr:spPr>{theme}"
        f"<xdr:txBody>{body}<a:lstStyle/>{text}</xdr:txBody></xdr:sp>"
    )


def equation(run: str) -> str:
    """ROI = (Result − Spent) / Spent in Office Math, inside the paragraph `a14:m` allows."""
    return (
        f'<a:p><a14:m><m:oMathPara xmlns:m="{MATH}"><m:oMathParaPr><m:jc m:val="centerGroup"/>'
        f"</m:oMathParaPr><m:oMath>{run}<m:t>ROI</m:t></m:r>{run}<m:t>=</m:t></m:r><m:f><m:fPr>"
        '<m:ctrlPr><a:rPr lang="en-US" sz="1100" i="1"><a:latin typeface="Cambria Math"/></a:rPr>'
        f"</m:ctrlPr></m:fPr><m:num>{run}<m:t>Result−Spent</m:t></m:r></m:num><m:den>{run}<m:t>Spent</m:t>"
        '</m:r></m:den></m:f></m:oMath></m:oMathPara></a14:m><a:endParaRPr lang="en-US" sz="1100"/></a:p>'
    )


def shapes(path: Path) -> None:
    centred = '<a:bodyPr vertOverflow="clip" horzOverflow="clip" rtlCol="0" anchor="ctr"/>'
    top = '<a:bodyPr vertOverflow="clip" horzOverflow="clip" wrap="square" rtlCol="0" anchor="t"/>'
    outline = '<a:solidFill><a:schemeClr val="lt1"/></a:solidFill><a:ln w="9525" cmpd="sng"><a:solidFill>'
    outline += '<a:schemeClr val="lt1"><a:shade val="50000"/></a:schemeClr></a:solidFill></a:ln>'
    rectangle = shape(
        1,
        "Rectangle 1",
        False,
        frame(5486400, 190500, 1828800, 571500),
        "",
        centred,
        paragraph("Quarterly channel review", "ctr"),
    )
    note = paragraph("Move one LinkedIn post a week to Instagram if reach stays low.")
    text_box = shape(2, "TextBox 2", True, frame(8229600, 190500, 2286000, 762000), outline, top, note)
    connector = (
        '<xdr:cxnSp macro=""><xdr:nvCxnSpPr><xdr:cNvPr id="4" name="Straight Arrow Connector 3">'
        f'{creation_id(3)}</xdr:cNvPr><xdr:cNvCxnSpPr><a:stCxn id="2" idx="3"/><a:endCxn id="3" idx="1"/>'
        "</xdr:cNvCxnSpPr></xdr:nvCxnSpPr><xdr:spPr>"
        f"{frame(7315200, 476250, 914400, 95250, 'straightConnector1')}"
        f'<a:ln><a:tailEnd type="triangle"/></a:ln></xdr:spPr>{style(1, 0, "tx1")}</xdr:cxnSp>'
    )
    font = '<a:latin typeface="Cambria Math" panose="02040503050406030204"/>'
    run = f'<m:r><a:rPr lang="en-US" sz="1100" i="1">{font}</a:rPr>'
    plain = (
        '<a:p><a:pPr algn="ctr"/><a:r><a:rPr lang="en-US" sz="1100" i="0"><a:latin typeface="Cambria Math"/>'
    )
    plain += "</a:rPr><a:t>ROI=(Result−Spent)/Spent</a:t></a:r></a:p>"
    body = '<a:bodyPr wrap="square" rtlCol="0" anchor="ctr"/>'
    place = frame(5486400, 1143000, 1828800, 571500)
    math, fallback = (
        two_cell((6, 6), (9, 9), shape(4, "TextBox 4", True, place, "<a:noFill/>", body, text))
        for text in (equation(run), plain)
    )
    with Book.edit(path) as book:
        drawing = new_drawing(book, book.sheet("Channels"))
        for anchor in (
            two_cell((6, 1), (8, 4), rectangle),
            two_cell((10, 1), (13, 5), text_box),
            two_cell((8, 2), (10, 2), connector),
            f'<mc:AlternateContent xmlns:mc="{MC}"><mc:Choice xmlns:a14="{A14}" Requires="a14">{math}'
            f"</mc:Choice><mc:Fallback>{fallback}</mc:Fallback></mc:AlternateContent>",
        ):
            add_anchor(book, drawing, anchor)
