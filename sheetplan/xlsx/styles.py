"""The review's cell formats added to a workbook's `xl/styles.xml`, leaving every existing format as it is.

A cell's `s` attribute is an index into the `cellXfs` list, and each entry there points into the lists
of fonts, fills, borders and number formats; a colour rule's `dxfId` points into `dxfs`. The review's
formats are appended to those lists, so every index the user's sheets hold still means what it meant.
A format the file already holds, byte for byte (because an earlier review added it), is used again
rather than appended a second time, so that reviewing every month does not grow the file.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from sheetplan.layout.sheet import Style
from sheetplan.plan.errors import WriteError
from sheetplan.plan.i18n import _
from sheetplan.read.xmlscan import unescape
from sheetplan.xlsx.opc import quoteattr

_BORDER_COLOUR = "BFBFBF"
_UNDERLINE_COLOUR = "1F3864"
_BUILT_IN_FORMATS = {"General": 0, "0": 1, "0.00": 2, "#,##0": 3, "#,##0.00": 4, "0%": 9, "0.00%": 10}
_FIRST_CUSTOM_FORMAT = 164
_LISTS = ("numFmts", "fonts", "fills", "borders", "cellStyleXfs", "cellXfs", "cellStyles", "dxfs")
"""The lists of a styles part, in the order the schema requires."""
_ITEMS = {"numFmts": "numFmt", "fonts": "font", "fills": "fill", "borders": "border", "cellXfs": "xf"}
_ITEMS |= {"cellStyleXfs": "xf", "dxfs": "dxf"}


@dataclass(frozen=True)
class AddedStyles:
    """The styles part with the review's formats in it, and where each of them is."""

    xml: bytes
    cells: Mapping[str, int]
    """A style's name to its `cellXfs` index, the `s` of the cells drawn with it."""
    rules: Mapping[str, int]
    """A style's name to its `dxfs` index, the `dxfId` of the colour rules drawn with it."""


def add_styles(xml: bytes, cells: Mapping[str, Style], rules: Mapping[str, Style]) -> AddedStyles:
    """Add `cells` as cell formats and `rules` as colour-rule formats to the styles part `xml`."""
    prefix = _prefix(xml)
    lists = {name: _List(xml, prefix, name) for name in _LISTS}
    formats = _NumberFormats(lists["numFmts"])
    based_on = ' xfId="0"' if lists["cellStyleXfs"].items else ""
    cell_indices = {}
    for name, style in cells.items():
        number = formats.id(style.number_format)
        font = lists["fonts"].index(_font(style))
        fill = lists["fills"].index(_fill(style.fill))
        border = lists["borders"].index(_border(style))
        cell_indices[name] = lists["cellXfs"].index(_xf(style, number, font, fill, border, based_on))
    rule_indices = {name: lists["dxfs"].index(_dxf(style)) for name, style in rules.items()}
    return AddedStyles(_rebuilt(xml, prefix, lists), cell_indices, rule_indices)


class _List:
    """One list of a styles part (`fonts`, `cellXfs`…): the items it holds and the items to append."""

    def __init__(self, xml: bytes, prefix: str, name: str) -> None:
        self.name = name
        self.prefix = prefix
        tag = re.escape(prefix + name)
        found = re.search(rf"<{tag}\b[^>]*?(/>|>(.*?)</{tag}\s*>)".encode(), xml, re.S)
        self.span = found.span() if found else None
        self.opening = found.group(0)[: found.group(0).find(b">") + 1] if found else b""
        item = re.escape(prefix + _ITEMS.get(name, "cellStyle"))
        pattern = rf"<{item}(?=[\s/>])(?:[^>]*?/>|[^>]*>.*?</{item}\s*>)".encode()
        self.items: list[bytes] = re.findall(pattern, found.group(2) or b"", re.S) if found else []
        self.added: list[bytes] = []

    def index(self, item: str) -> int:
        """The index of `item` in the list, appending it unless the list holds it already."""
        data = _prefixed(item.encode(), self.prefix) if self.prefix else item.encode()
        for number, existing in enumerate([*self.items, *self.added]):
            if existing == data:
                return number
        self.added.append(data)
        return len(self.items) + len(self.added) - 1


class _NumberFormats:
    def __init__(self, formats: _List) -> None:
        self.list = formats
        self.codes: dict[str, int] = {}
        self.taken: set[int] = set()
        """Every id the file defines, whatever the order or quotes of its attributes."""
        for item in formats.items:
            number = re.search(rb"""\bnumFmtId=["'](\d+)""", item)
            code = re.search(rb"""\bformatCode=(["'])(.*?)\1""", item, re.S)
            if number:
                self.taken.add(int(number.group(1)))
                if code:
                    self.codes.setdefault(unescape(code.group(2).decode()), int(number.group(1)))

    def id(self, code: str) -> int:
        if code in _BUILT_IN_FORMATS:
            return _BUILT_IN_FORMATS[code]
        if code not in self.codes:
            number = max([_FIRST_CUSTOM_FORMAT - 1, *self.taken]) + 1
            self.codes[code] = number
            self.taken.add(number)
            self.list.index(f'<numFmt numFmtId="{number}" formatCode={quoteattr(code)}/>')
        return self.codes[code]


def _rebuilt(xml: bytes, prefix: str, lists: Mapping[str, _List]) -> bytes:
    """The styles part with each list's new items appended and its count updated; other bytes unchanged."""
    # (start, end, the list's place in the schema, what replaces the bytes from start to end)
    pieces: list[tuple[int, int, int, bytes]] = []
    for position, name in enumerate(_LISTS):
        found = lists[name]
        if not found.added:
            continue
        items = b"".join([*found.items, *found.added])
        count = len(found.items) + len(found.added)
        tag = (prefix + name).encode()
        if found.span is None:
            at = _insertion_point(xml, prefix, _LISTS[position + 1 :])
            pieces.append((at, at, position, b'<%s count="%d">%s</%s>' % (tag, count, items, tag)))
            continue
        opening = re.sub(rb'\bcount="\d*"', b'count="%d"' % count, found.opening.rstrip(b"/>") + b">")
        if b"count=" not in opening:
            opening = opening[:-1] + b' count="%d">' % count
        start, end = found.span
        pieces.append((start, end, position, opening + items + b"</" + tag + b">"))
    out, last = [], 0
    # Lists made at the same place (before the same existing list) go in in the schema's order.
    for start, end, __, replacement in sorted(pieces):
        out += [xml[last:start], replacement]
        last = end
    return b"".join([*out, xml[last:]])


def _insertion_point(xml: bytes, prefix: str, later: Sequence[str]) -> int:
    """Where a missing list goes: before the first list that follows it in the schema's order."""
    for name in (*later, "tableStyles", "colors", "extLst"):
        found = re.search(rf"<{re.escape(prefix + name)}\b".encode(), xml)
        if found:
            return found.start()
    closing = re.search(rf"</{re.escape(prefix)}styleSheet\s*>".encode(), xml)
    if closing is None:
        raise WriteError(_("xl/styles.xml has no styleSheet element"))
    return closing.start()


def _prefix(xml: bytes) -> str:
    found = re.search(rb"<(\w+:)?styleSheet\b", xml)
    if found is None:
        raise WriteError(_("xl/styles.xml has no styleSheet element"))
    return (found.group(1) or b"").decode()


def _prefixed(item: bytes, prefix: str) -> bytes:
    return re.sub(rb"<(/?)(?!\w+:)(\w)", rb"<\1" + prefix.encode() + rb"\2", item)


def _font(style: Style) -> str:
    colour = f'<color rgb="FF{style.colour}"/>' if style.colour else ""
    parts = "<b/>" * style.bold + "<i/>" * style.italic
    name = f"<name val={quoteattr(style.font)}/>"
    return f'<font>{parts}<sz val="{style.size:g}"/>{colour}{name}<family val="2"/></font>'


def _fill(colour: str | None) -> str:
    if colour is None:
        return '<fill><patternFill patternType="none"/></fill>'
    solid = (
        f'<patternFill patternType="solid"><fgColor rgb="FF{colour}"/><bgColor indexed="64"/></patternFill>'
    )
    return f"<fill>{solid}</fill>"


def _border(style: Style) -> str:
    if style.border:
        side = f'style="thin"><color rgb="FF{_BORDER_COLOUR}"/>'
        return (
            "<border>"
            + "".join(f"<{s} {side}</{s}>" for s in ("left", "right", "top", "bottom"))
            + "<diagonal/></border>"
        )
    if style.underline:
        line = f'<bottom style="medium"><color rgb="FF{_UNDERLINE_COLOUR}"/></bottom>'
        return f"<border><left/><right/><top/>{line}<diagonal/></border>"
    return "<border><left/><right/><top/><bottom/><diagonal/></border>"


def _xf(style: Style, number: int, font: int, fill: int, border: int, based_on: str) -> str:
    alignment = f' vertical="{style.valign}"'
    alignment += f' horizontal="{style.align}"' if style.align else ""
    alignment += ' wrapText="1"' if style.wrap else ""
    alignment += f' indent="{style.indent}"' if style.indent else ""
    applied = ' applyNumberFormat="1" applyFont="1" applyFill="1" applyBorder="1" applyAlignment="1"'
    return (
        f'<xf numFmtId="{number}" fontId="{font}" fillId="{fill}" borderId="{border}"{based_on}{applied}>'
        f"<alignment{alignment}/></xf>"
    )


def _dxf(style: Style) -> str:
    colour = f'<color rgb="FF{style.colour}"/>' if style.colour else ""
    font = f"<font>{'<b/>' * style.bold}{colour}</font>"
    fill = ""
    if style.fill:
        # A colour rule's solid fill takes its colour from bgColor.
        colours = f'<fgColor rgb="FF{style.fill}"/><bgColor rgb="FF{style.fill}"/>'
        fill = f'<fill><patternFill patternType="solid">{colours}</patternFill></fill>'
    return f"<dxf>{font}{fill}</dxf>"
