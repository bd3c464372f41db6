"""A `SheetLayout` formatted straight into the XML of a worksheet part, in the schema's element order.

The cells are a regular piece of XML, so they are formatted here at a few microseconds a cell rather
than built as objects and serialised. Text goes in as inline strings (`t="inlineStr"`), which leaves the
workbook's shared strings as they are, and always as text: an action called `=HYPERLINK(...)` or `#N/A`
stays what was typed. Styles are given as indices into the workbook's `cellXfs` and `dxfs`
(`xlsx.styles`); a chart drawing by the relationship id that points at it (`xlsx.charts`).
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping, Sequence
from datetime import date, datetime
from operator import itemgetter

from sheetplan.layout.sheet import CellContent, Rows, SheetLayout
from sheetplan.plan.addresses import column_letter
from sheetplan.xlsx.cell_values import MAX_TEXT, NOT_XML, serial
from sheetplan.xlsx.opc import OFFICE_RELS, escape

MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
_HEAD = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
    f'<worksheet xmlns="{MAIN}" xmlns:r="{OFFICE_RELS}">'
)
_A4 = 9


def sheet_xml(
    layout: SheetLayout,
    styles: Mapping[str, int],
    rules: Mapping[str, int],
    drawing: str | None = None,
    freeze: int = 0,
    filter_columns: int = 0,
    selected: bool = True,
) -> Iterator[bytes]:
    """The worksheet part for `layout`, its cells styled by `styles` and its colour rules by `rules`,
    in pieces as they are made (`Package.put_made` deflates each while the next is made).

    `drawing` is the relationship id of the sheet's chart drawing; `freeze` the number of top rows kept
    in view when scrolling; `filter_columns` puts a filter on the first row over that many columns;
    `selected` makes it the selected tab.
    """
    # The cells come sorted by row and column, the rows' after them.
    rows = layout.rows
    last_row = layout.cells[-1].row if layout.cells else 1
    last_column = max(map(itemgetter(1), layout.cells), default=1)
    if rows is not None and (extent := _extent(rows)) is not None:
        last_row, last_column = max(last_row, extent[0]), max(last_column, extent[1])
    style_attributes = {name: f' s="{index}"' if index else "" for name, index in styles.items()}
    dimension = f"A1:{column_letter(last_column)}{last_row}"
    parts = [_HEAD]
    parts.append('<sheetPr><pageSetUpPr fitToPage="1"/></sheetPr>' if layout.fit_width else "")
    parts.append(f'<dimension ref="{dimension}"/>')
    parts.append(_views(freeze, selected))
    parts.append('<sheetFormatPr defaultRowHeight="15"/>')
    parts.append(_columns(layout.widths))
    yield "".join(parts).encode()
    yield b"<sheetData>"
    for piece in _cells(layout, style_attributes):
        yield piece.encode()
    if rows is not None:
        for piece in _rows(rows, style_attributes):
            yield piece.encode()
    yield b"</sheetData>"
    tail: list[str] = []
    if filter_columns:
        tail.append(f'<autoFilter ref="A1:{column_letter(filter_columns)}{last_row}"/>')
    if layout.merges:
        merges = "".join(f'<mergeCell ref="{merged.a1}"/>' for merged in layout.merges)
        tail.append(f'<mergeCells count="{len(layout.merges)}">{merges}</mergeCells>')
    for priority, rule in enumerate(layout.rules, start=1):
        text = escape('"' + rule.text.replace('"', '""') + '"')
        condition = f'type="cellIs" dxfId="{rules[rule.style]}" priority="{priority}" operator="equal"'
        rule_xml = f"<cfRule {condition}><formula>{text}</formula></cfRule>"
        tail.append(f'<conditionalFormatting sqref="{rule.range.a1}">{rule_xml}</conditionalFormatting>')
    tail.append(_page(layout))
    if drawing is not None:
        tail.append(f'<drawing r:id="{drawing}"/>')
    tail.append("</worksheet>")
    yield "".join(tail).encode()


def _views(freeze: int, selected: bool) -> str:
    attributes = 'tabSelected="1" workbookViewId="0"' if selected else 'workbookViewId="0"'
    if not freeze:
        return f'<sheetViews><sheetView showGridLines="0" {attributes}/></sheetViews>'
    cell = f"A{freeze + 1}"
    pane = f'<pane ySplit="{freeze}" topLeftCell="{cell}" activePane="bottomLeft" state="frozen"/>'
    selection = f'<selection pane="bottomLeft" activeCell="{cell}" sqref="{cell}"/>'
    return f"<sheetViews><sheetView {attributes}>{pane}{selection}</sheetView></sheetViews>"


def _columns(widths: Mapping[int, float]) -> str:
    if not widths:
        return ""
    columns = "".join(
        f'<col min="{column}" max="{column}" width="{width:g}" customWidth="1"/>'
        for column, width in sorted(widths.items())
    )
    return f"<cols>{columns}</cols>"


def _cells(layout: SheetLayout, style_attributes: Mapping[str, str]) -> Iterator[str]:
    """The layout's cells, in pieces of about `_PIECE` cells; they come sorted by row and column.

    This runs once per cell of the review, so it is written for speed: one pass, the commonest values
    (plain text and numbers) formatted in the loop itself, each column's letters and each style's
    attribute looked up once.
    """
    letters: dict[int, str] = {}
    heights = layout.heights
    care = _CARE.search
    out: list[str] = []
    append = out.append
    current = 0
    for row, column, value, style_name in layout.cells:
        if row != current:
            if current:
                append("</row>")
                if len(out) >= _PIECE:
                    yield "".join(out)
                    out.clear()
            height = heights.get(row)
            append(f'<row r="{row}" ht="{height:g}" customHeight="1">' if height else f'<row r="{row}">')
            current = row
        letter = letters.get(column)
        if letter is None:
            letter = letters[column] = column_letter(column)
        style = style_attributes[style_name]
        kind = type(value)
        if (
            kind is str
            and len(value) <= MAX_TEXT  # type: ignore[arg-type]
            and value == value.strip()  # type: ignore[union-attr]  # strip gives the text itself back when it can
            and not care(value)  # type: ignore[arg-type]
        ):
            append(f'<c r="{letter}{row}"{style} t="inlineStr"><is><t>{value}</t></is></c>')
        elif kind is int:
            append(f'<c r="{letter}{row}"{style}><v>{value}</v></c>')
        elif kind is float and value - value == 0:  # type: ignore[operator]
            append(f'<c r="{letter}{row}"{style}><v>{value!r}</v></c>')
        elif value is None:
            if style:
                append(f'<c r="{letter}{row}"{style}/>')
        elif kind is datetime or kind is date:
            append(f'<c r="{letter}{row}"{style}>{_number(serial(value))}</c>')  # type: ignore[arg-type]
        else:
            append(_cell(f"{letter}{row}", style, value))
    if current:
        append("</row>")
    yield "".join(out)


def _rows(rows: Rows, style_attributes: Mapping[str, str]) -> Iterator[str]:
    """A table's rows, in pieces of about `_PIECE` cells, made a column at a time.

    A column whose every value goes in as it is (text with nothing to escape, whole numbers, finite
    floats) is a placeholder of one template for every row, which `%` fills in C; the cells of any
    other column are formatted one by one, as `_cells` does. A row's number goes in last, in place of a
    character no cell can hold.
    """
    if not rows.values:
        return
    templates: list[str] = []
    columns: list[Sequence[object]] = []
    by_column = zip(zip(*rows.values, strict=True), rows.styles, strict=True)
    for number, (values, style_name) in enumerate(by_column, start=1):
        reference = f"{column_letter(number)}{_ROW}"
        cell, filled = _column(reference, style_attributes[style_name], values)
        templates.append(cell)
        columns.append(filled)
    template = f'<row r="{_ROW}">' + "".join(templates) + "</row>"
    # Only where every column is of cells made one by one can a row have none, and go unwritten.
    may_be_empty = all(part == "%s" for part in templates)
    per_piece = max(1, _PIECE // max(1, len(templates)))
    out: list[str] = []
    for number, values in enumerate(zip(*columns, strict=True), start=rows.first):
        if may_be_empty and not any(values):
            continue
        out.append((template % values).replace(_ROW, str(number)))
        if len(out) >= per_piece:
            yield "".join(out)
            out.clear()
    yield "".join(out)


def _extent(rows: Rows) -> tuple[int, int] | None:
    """The last row and the last column of the rows that have a cell; None when none has."""
    last_row = next((i for i in reversed(range(len(rows.values))) if any(map(_filled, rows.values[i]))), None)
    if last_row is None:
        return None
    columns = range(len(rows.styles) - 1, -1, -1)
    last_column = next(i for i in columns if any(_filled(values[i]) for values in rows.values))
    return rows.first + last_row, last_column + 1


def _filled(value: CellContent) -> bool:
    return value is not None and value != ""


def _column(reference: str, style: str, values: Sequence[CellContent]) -> tuple[str, Sequence[object]]:
    """A column's part of the rows' template, and what fills it in each row."""
    kinds = set(map(type, values))
    if kinds == {str} and _plain(values):  # type: ignore[arg-type]
        return f'<c r="{reference}"{style} t="inlineStr"><is><t>%s</t></is></c>', values
    if kinds == {int}:
        return f'<c r="{reference}"{style}><v>%d</v></c>', values
    if kinds == {float} and not any(value - value != 0 for value in values):  # type: ignore[operator]
        return f'<c r="{reference}"{style}><v>%r</v></c>', values
    return "%s", [_cell(reference, style, value) if _filled(value) else "" for value in values]


_ROW = "\x01"
"""Where a row's number goes in its cells' XML: a character that no text is written with."""


def _plain(texts: Sequence[str]) -> bool:
    """Whether every text goes into the XML as it is: nothing to escape, no spaces at its ends, not
    empty, not over Excel's limit (each test over the column at once)."""
    return (
        "" not in texts
        and max(map(len, texts)) <= MAX_TEXT
        and not _CARE.search("\n".join(texts))
        and all(map(str.__eq__, texts, map(str.strip, texts)))
    )


_PIECE = 8192
"""About how many cells go into a piece of a sheet's XML: a few hundred kilobytes to deflate at once."""


_CARE = re.compile("[&<>\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")
"""What makes text need more than going into the XML as it is, besides spaces at its ends: characters
to escape or remove. (Looking for the spaces apart, by `strip`, is three times as fast as one
expression for both.)"""


def _cell(reference: str, style: str, value: CellContent) -> str:
    """A cell of any value, as `_cells` writes it."""
    kind = type(value)
    if kind is str:
        return f'<c r="{reference}"{style} t="inlineStr">{inline_text(value)}</c>'  # type: ignore[arg-type]
    if kind is int:
        return f'<c r="{reference}"{style}><v>{value}</v></c>'
    if kind is float:
        # Exact, as Python writes it back (`repr`); no value for NaN or infinity.
        shown = f"<v>{value!r}</v>" if value - value == 0 else ""  # type: ignore[operator]
        return f'<c r="{reference}"{style}>{shown}</c>'
    if kind is bool:
        return f'<c r="{reference}"{style} t="b"><v>{int(value)}</v></c>'  # type: ignore[arg-type]
    if isinstance(value, date):
        return f'<c r="{reference}"{style}>{_number(serial(value))}</c>'
    return f'<c r="{reference}"{style} t="inlineStr">{inline_text(str(value))}</c>'


def inline_text(text: str) -> str:
    """An inline string's `<is>` element: text cut at Excel's limit, spaces at its ends kept."""
    if NOT_XML.search(text):
        text = NOT_XML.sub("", text)
    text = text[:MAX_TEXT]
    space = ' xml:space="preserve"' if text != text.strip() else ""
    if "&" in text or "<" in text or ">" in text:
        text = escape(text)
    return f"<is><t{space}>{text}</t></is>"


def _number(value: float) -> str:
    """A number's `<v>`: exact, as Python writes it back (`repr`); none for NaN or infinity."""
    if value - value != 0:
        return ""
    if isinstance(value, float) and value.is_integer() and abs(value) < 1e15:
        return f"<v>{int(value)}</v>"
    return f"<v>{value!r}</v>"


def _page(layout: SheetLayout) -> str:
    orientation = "landscape" if layout.landscape else "portrait"
    fit = ' fitToWidth="1" fitToHeight="0"' if layout.fit_width else ""
    footer = "&L" + layout.footer.replace("&", "&&") + "&R"
    footer += layout.page_label.replace("&", "&&").format(page="&P", pages="&N")
    parts = [
        '<printOptions horizontalCentered="1"/>',
        '<pageMargins left="0.4" right="0.4" top="0.5" bottom="0.6" header="0.3" footer="0.3"/>',
        f'<pageSetup paperSize="{_A4}" orientation="{orientation}"{fit}/>',
        f"<headerFooter><oddFooter>{escape(footer)}</oddFooter></headerFooter>",
    ]
    if layout.page_breaks:
        breaks = "".join(f'<brk id="{row - 1}" max="16383" man="1"/>' for row in layout.page_breaks)
        count = len(layout.page_breaks)
        parts.append(f'<rowBreaks count="{count}" manualBreakCount="{count}">{breaks}</rowBreaks>')
    return "".join(parts)
