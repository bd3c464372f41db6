"""Reading a worksheet's XML without parsing it, for `cells`: tags, attributes, formulas and styles.

Every search is a regular expression or `bytes.find` over the sheet's bytes, so nothing is built for
what is only passed over. A start tag is matched through its quoted attribute values, which may hold
`>`; a `<` never stands in a value or in text, where XML writes it `&lt;`, so a search for `<row`
finds row tags only. Names carry the prefix that the sheet's `<sheetData>` has, such as `x:`.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Mapping
from dataclasses import dataclass

from sheetplan.plan.addresses import column_number

ATTRS = rb"""(?:[^>"']++|"[^"]*+"|'[^']*+')*+"""
"""A start tag's text after its name, up to its closing `>`: quoted values may hold `>`. The pattern
never backtracks, so a tag that does not end costs no more than one that does."""

_ATTRIBUTE = re.compile(rb"""([\w:.-]+)\s*=\s*(?:"([^"]*)"|'([^']*)')""")
_RANGE = re.compile(rb"([A-Z]{1,3})(\d+)(?::([A-Z]{1,3})(\d+))?")

Bounds = tuple[int, int, int, int]
"""A range of cells as its first row, first column, last row and last column, all 1-based."""


class MalformedError(Exception):
    """The sheet's XML is not shaped as a worksheet's is; the message says where."""


@dataclass(frozen=True)
class Tags:
    """The patterns for the elements of a sheet whose names carry `prefix` (empty for none)."""

    prefix: bytes
    row: re.Pattern[bytes]
    cell: re.Pattern[bytes]
    formula: re.Pattern[bytes]
    column: re.Pattern[bytes]
    dimension: re.Pattern[bytes]

    def name(self, local: bytes) -> bytes:
        """An element's name as the sheet writes it: `x:row` for `row` with the prefix `x`."""
        return self.prefix + b":" + local if self.prefix else local

    def end(self, local: bytes) -> bytes:
        return b"</" + self.name(local) + b">"


@functools.cache
def tags_for(prefix: bytes) -> Tags:
    """The patterns for a sheet whose elements carry `prefix`.

    The first group of each is the start tag's text after its name; the second, of a row's or a cell's,
    its `r` attribute's number or column letters when that is the first attribute, as it mostly is.
    """
    qualified = re.escape(prefix + b":") if prefix else b""

    def start(local: bytes, ref: bytes = b"()") -> re.Pattern[bytes]:
        first = rb"""(?:\s+r\s*=\s*["']""" + ref + rb"""["'])?"""
        return re.compile(b"<" + qualified + local + rb"(?=[\s/>])(" + first + ATTRS + rb")>")

    return Tags(
        prefix=prefix,
        row=start(b"row", rb"(\d+)"),
        cell=start(b"c", rb"([A-Z]{1,3})\d+"),
        formula=start(b"f"),
        column=start(b"col"),
        dimension=start(b"dimension"),
    )


def attributes(tag: bytes) -> dict[bytes, bytes]:
    """The attributes in a start tag's text, by name, with their values as written (entities and all)."""
    return {found[1]: found[2] if found[2] is not None else found[3] for found in _ATTRIBUTE.finditer(tag)}


def cell_range(ref: bytes) -> Bounds | None:
    """The bounds of `B2:D9` or `B2`; None for anything else."""
    found = _RANGE.fullmatch(ref)
    if not found:
        return None
    top, left = int(found[2]), column_number(found[1].decode())
    if not found[3]:
        return top, left, top, left
    return top, left, int(found[4]), column_number(found[3].decode())


def holds_markup(sheet: bytes, start: int, end: int) -> bool:
    """Whether `sheet[start:end]` holds a comment, CDATA or a processing instruction: `<!` or `<?`.

    Each `!` and `?` is found at the speed of a byte search and only the byte before it looked at;
    searching for the two bytes together is ten times slower, with `<` at every tag.
    """
    for mark in b"!?":
        hit = sheet.find(mark, start + 1, end)
        while hit >= 0:
            if sheet[hit - 1] == ord("<"):
                return True
            hit = sheet.find(mark, hit + 1, end)
    return False


def formula_blocks(sheet: bytes, tags: Tags, start: int, end: int) -> list[tuple[bytes, Bounds, str]]:
    """The array formulas and data tables in `sheet[start:end]`: `array` or `dataTable`, range, its text.

    Their `<f>` tags are found by searching for the words, which are rare, rather than for every `<f`.
    """
    blocks: dict[int, tuple[bytes, Bounds, str]] = {}
    for kind in (b"array", b"dataTable"):
        hit = sheet.find(kind, start, end)
        while hit >= 0:
            opening = sheet.rfind(b"<", start, hit)
            found = tags.formula.match(sheet, opening) if opening >= 0 else None
            if found and found.end() > hit:
                found_attributes = attributes(found[1])
                ref = found_attributes.get(b"ref", b"")
                bounds = cell_range(ref)
                if found_attributes.get(b"t") == kind and bounds:
                    blocks[opening] = kind, bounds, ref.decode()
            hit = sheet.find(kind, hit + len(kind), end)
    return list(blocks.values())


def column_styles(sheet: bytes, tags: Tags, before: int) -> list[tuple[int, int, bytes]]:
    """The `<col>` elements ahead of `before` that give columns a style: first, last column and style."""
    styles = []
    for found in tags.column.finditer(sheet, 0, before):
        found_attributes = attributes(found[1])
        low, high = found_attributes.get(b"min", b""), found_attributes.get(b"max", b"")
        style = found_attributes.get(b"style", b"0")
        if low.isdigit() and high.isdigit() and style != b"0":
            styles.append((int(low), int(high), style))
    return styles


def empty_style(
    row: Mapping[bytes, bytes], columns: list[tuple[int, int, bytes]], column: int
) -> bytes | None:
    """The style a position without a `<c>` element shows: its row's, if custom, else its column's."""
    if row.get(b"customFormat") in (b"1", b"true") and b"s" in row:
        return row[b"s"]
    return next((style for low, high, style in columns if low <= column <= high), None)
