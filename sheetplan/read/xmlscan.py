"""Reads a worksheet's XML for what calamine cannot tell, before calamine reads the sheet.

calamine returns `''` both for an empty cell, an error such as `#N/A` and a formula whose result was
never saved (openpyxl saves none). The few such cells are found here from the file's XML, so that the
plan can say which cell shows an error or needs recalculating instead of calling it blank. The same
pass measures the sheet (`Extent`): how far its cells reach and how many there are, which tells
whether calamine may build the rectangle from A1 to its last cell, or whether one cell lies so far out
that the sheet must be read sparsely (`sheetplan.read.relocate`).

The scan costs little because it does not parse: a worksheet is streamed in chunks, cut at row ends,
and searched for the byte patterns that mark such cells (`<f` and `t="e"`); only the cells around a
hit, and the last cell of each row, are looked at. Parts were checked for DOCTYPEs by `guard` first,
and are inflated through `sheetplan.files.inflate`, which refuses a part that unpacks to more than its
zip header says.
"""

from __future__ import annotations

import re
import zipfile
from dataclasses import dataclass

from sheetplan.files import inflate
from sheetplan.plan.addresses import column_number
from sheetplan.plan.model import CellValue, ErrorValue, FormulaValue
from sheetplan.read.sparse import DENSE_SLACK

Cells = dict[tuple[int, int], CellValue]
"""Cells to put over what calamine read: (1-based row, 1-based column) to value."""

_CHUNK = 2**20
_LONGEST_ROW = 64 * 2**20
"""A buffer grows until it holds a row's end; past this many bytes a row is cut between cells, and the
sheet's extent is not known."""
_START = re.compile(rb"<(?:\w+:)?c\s")
_REF = re.compile(rb"\sr\s*=\s*[\"']([A-Z]{1,3})([0-9]+)[\"']")
_LAST_REFS = re.compile(rb'^([A-Z]{1,3})([0-9]{1,7})"', re.M)
_TYPE = re.compile(rb"\st\s*=\s*[\"'](\w+)[\"']")
_VALUE = re.compile(rb"<(?:\w+:)?v\s*(/>|>([^<]*)<)")
_FORMULA = re.compile(rb"<(?:\w+:)?f\b([^>]*?)(?:/>|>([^<]*)<)")
_SHARED = re.compile(rb"\ssi\s*=\s*[\"'](\d+)[\"']")
_ENTITY = re.compile(r"&(#x[0-9a-fA-F]+|#[0-9]+|amp|lt|gt|quot|apos);")
_NAMED = {"amp": "&", "lt": "<", "gt": ">", "quot": '"', "apos": "'"}


@dataclass
class Extent:
    """How far a worksheet's cells reach (its last row and column) and how many cells it has.

    Found from the last cell of each row, as Excel and every other writer store a row's cells in
    order. `known` is False when some row's last cell has no reference to tell where it is.
    """

    rows: int = 0
    columns: int = 0
    cells: int = 0
    known: bool = True
    last_letters: bytes = b""
    """The letters of the last column, as they are kept while the scan goes on."""

    def dense(self) -> bool:
        """Whether the rectangle from A1 to the last cell is cheap to build: at most four times the
        cells (plus `DENSE_SLACK`), so that blank columns between a table's own do not count."""
        return self.known and self.rows * self.columns <= 4 * self.cells + DENSE_SLACK


def xlsx_scan(archive: zipfile.ZipFile, member: str, label: str) -> tuple[Cells, Extent]:
    """The error cells and formula cells without a saved result of one worksheet part, and its extent."""
    found: Cells = {}
    shared: dict[bytes, str] = {}
    extent = Extent()
    prefix: bytes | None = None
    tail = b""
    for chunk in inflate.chunks(archive, member, label, _CHUNK):
        buffer = tail + chunk
        if prefix is None:
            first = _START.search(buffer)
            if not first:
                tail = buffer[-64:]
                continue
            prefix = buffer[first.start() + 1 : first.end() - 2]
        # Cells never nest, nor do rows: everything up to the last row end is whole rows of cells.
        cut = _after_last(buffer, b"</" + prefix + b"row>")
        if not cut and len(buffer) < _LONGEST_ROW:
            tail = buffer
            continue
        if not cut:
            cut = _after_last(buffer, b"</" + prefix + b"c>")
            extent.known = False
        _scan(buffer, cut, prefix, found, shared, extent)
        tail = buffer[cut:]
    if prefix is not None:
        _scan(tail, len(tail), prefix, found, shared, extent)
    return found, extent


def xlsx_special_cells(archive: zipfile.ZipFile, member: str, label: str = "") -> Cells:
    """The error cells, and the formula cells without a saved result, of one worksheet part."""
    return xlsx_scan(archive, member, label or archive.filename or "workbook")[0]


def _after_last(buffer: bytes, tag: bytes) -> int:
    """Where the last `tag` in `buffer` ends, or 0 when there is none."""
    at = buffer.rfind(tag)
    return at + len(tag) if at >= 0 else 0


def _scan(
    buffer: bytes, end: int, prefix: bytes, found: Cells, shared: dict[bytes, str], extent: Extent
) -> None:
    _read_hits(buffer, end, b"</" + prefix + b"c>", found, shared)
    _measure(buffer, end, prefix, extent)


def _measure(buffer: bytes, end: int, prefix: bytes, extent: Extent) -> None:
    """Count the cells of `buffer[:end]` and take in the last cell of each row that ends there.

    This runs for every row of every sheet, so it works on all the rows of a chunk at once: the last
    reference in a row is its last cell's (a row's own `r` has no letters), picked out of each row and
    read by one regular expression over them all.
    """
    cell = b"<" + prefix + b"c"
    extent.cells += buffer.count(cell + b" ", 0, end)
    rows = buffer[:end].split(b"</" + prefix + b"row>")[:-1]
    if not rows:
        return
    refs = [row[row.rfind(b' r="') + 4 :][:12] for row in rows]
    found = _LAST_REFS.findall(b"\n".join(refs))
    # Fewer references than rows: rows with no cells, or (told apart one by one) cells with no reference.
    unplaced = len(found) < len(rows) and any(
        not _LAST_REFS.match(ref) and (cell + b" " in row or cell + b">" in row)
        for ref, row in zip(refs, rows, strict=True)
    )
    extent.known = extent.known and not unplaced
    if found:
        letters = max(
            {letters for letters, _ in found} | {extent.last_letters}, key=lambda name: (len(name), name)
        )
        extent.last_letters = letters
        extent.rows = max(extent.rows, *map(int, [row for _, row in found]))
        extent.columns = column_number(letters.decode())


def _read_hits(buffer: bytes, end: int, close: bytes, found: Cells, shared: dict[bytes, str]) -> None:
    """Look at each cell in `buffer[:end]` that holds a formula or has type `e`."""
    prefix = close[2:-2]
    # bytes.find is ten times faster than a regular expression here, and this runs over every byte.
    hits = []
    for needle in (b"<" + prefix + b"f>", b"<" + prefix + b"f ", b't="e"', b"t='e'"):
        position = buffer.find(needle, 0, end)
        while position >= 0:
            hits.append(position)
            position = buffer.find(needle, position + 1, end)
    for position in sorted(hits):
        _read_cell(buffer, position, close, found, shared)


def _read_cell(buffer: bytes, position: int, close: bytes, found: Cells, shared: dict[bytes, str]) -> None:
    start = _cell_start(buffer, position)
    if start < 0:
        return
    tag_end = buffer.find(b">", start)
    tag = buffer[start:tag_end]
    ref = _REF.search(tag)
    if not ref:
        return
    key = (int(ref[2]), column_number(ref[1].decode()))
    if key in found:
        return
    body_end = buffer.find(close, tag_end)
    body = b"" if tag.endswith(b"/") or body_end < 0 else buffer[tag_end + 1 : body_end]
    kind = _TYPE.search(tag)
    value = _VALUE.search(body)
    text = unescape(value[2].decode("utf-8", "replace")) if value and value[2] is not None else None
    if kind and kind[1] == b"e":
        found[key] = ErrorValue(text or "#N/A")
        return
    formula = _FORMULA.search(body)
    if not formula:
        return
    source = unescape((formula[2] or b"").decode("utf-8", "replace"))
    index = _SHARED.search(formula[1])
    if index and source:
        shared[index[1]] = source
    elif index:
        source = shared.get(index[1], "")
    # A formula whose result is an empty string has `<v></v>` with type str; no `<v>` means no result.
    saved = value is not None and (bool(text) or (kind is not None and kind[1] in (b"str", b"inlineStr")))
    if not saved:
        found[key] = FormulaValue(f"={source}")


def unescape(text: str) -> str:
    """XML text with its five entities and character references replaced (html.unescape costs an import)."""
    return _ENTITY.sub(_entity, text)


def _entity(found: re.Match[str]) -> str:
    name = found[1]
    if name in _NAMED:
        return _NAMED[name]
    try:
        return chr(int(name[2:], 16) if name[1] == "x" else int(name[1:]))
    except (ValueError, OverflowError):
        return found[0]


def _cell_start(buffer: bytes, position: int) -> int:
    """Where the cell that holds `position` starts, or -1."""
    start = buffer.rfind(b"<", 0, position + 1)
    while start >= 0:
        if _START.match(buffer, start):
            return start
        start = buffer.rfind(b"<", 0, start)
        if position - start > 65536:
            return -1
    return -1
