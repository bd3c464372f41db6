"""Finding a worksheet's rows by number in its XML without reading the rows between, and their cells.

For `cells`: only the rows it changes are read cell by cell (`row_cells`).
"""

from __future__ import annotations

import functools
import re
from bisect import bisect_left
from dataclasses import dataclass
from typing import NamedTuple

from sheetplan.plan.addresses import column_number
from sheetplan.xlsx import scan
from sheetplan.xlsx.scan import Tags

_CELL_REF = re.compile(rb"([A-Z]{1,3})\d+")


@dataclass(frozen=True)
class Row:
    """A row element: its number, where its start tag begins and ends, and that tag's attributes."""

    number: int
    start: int
    content_start: int
    tag: bytes
    """The start tag's text after its name, ending in `/` when the tag closes the row too."""

    @property
    def self_closing(self) -> bool:
        return self.tag.rstrip().endswith(b"/")


class RowFinder:
    """Finds rows by number, asked for in ascending order, among the rows in `sheet[start:end]`.

    A row is found by a search over the bytes, each step reading the first row tag after a point: a
    binary search, every other step of which guesses from the row numbers around it, since rows tend
    to be of a size. Should a tag read have no `r` attribute, the rows are numbered in one pass instead,
    each row without `r` following the one before it as the specification has it. Such a row could
    be numbered wrongly only beside a place where a row is put, and the searches read the row tags on
    either side of every such place.
    """

    def __init__(self, sheet: bytes, tags: Tags, start: int, end: int) -> None:
        self.sheet, self.tags, self.start, self.end = sheet, tags, start, end
        self.numbered: tuple[list[int], list[int]] | None = None
        self.low, self.low_number = start, 0
        """Where the last row found or placed starts, and a number below all rows from there on."""
        last = tags.row.match(sheet, max(sheet.rfind(b"<" + tags.name(b"row"), start, end), start))
        try:
            self.high_number = _number_of(last) + 1 if last else 1
        except _UnnumberedError:
            self.numbered = self._numbered()

    def find(self, number: int) -> tuple[Row | None, int]:
        """The row numbered `number` and where it starts, or None and where such a row would go."""
        if self.numbered is None:
            try:
                row, self.low = self._search(number)
                self.low_number = number - 1
                return row, self.low
            except _UnnumberedError:
                self.numbered = self._numbered()
        numbers, starts = self.numbered
        index = bisect_left(numbers, number)
        if index < len(numbers) and numbers[index] == number:
            found = self.tags.row.match(self.sheet, starts[index])
            assert found is not None  # found by the same pattern when the rows were numbered
            return Row(number, found.start(), found.end(), found[1]), found.start()
        return None, starts[index] if index < len(starts) else self.end

    def _search(self, number: int) -> tuple[Row | None, int]:
        """The row numbered `number`, or None and the start of the first row after it (or the end).

        Every row tag from `low` on is numbered above `low_number`; the first from `high` on is the
        one at `following`, numbered `high_number` or more. So when `low` meets `high`, the row at
        `following`, read already, is the first row numbered above `number`.
        """
        low, low_number, high, high_number = self.low, self.low_number, self.end, self.high_number
        following, guess = self.end, True
        while low < high:
            middle = (low + high) // 2
            if guess and low_number < number < high_number:
                # Aim half a row short of where the row would start were all rows of one size.
                share = (number - low_number - 0.5) / (high_number - low_number)
                middle = min(max(low + int((high - low) * share), low), high - 1)
            guess = not guess
            found = self.tags.row.search(self.sheet, middle, self.end)
            found_number = _number_of(found) if found else high_number
            if found is None or found_number > number:
                high, high_number = middle, found_number
                following = found.start() if found else self.end
            elif found_number < number:
                low, low_number = found.start() + 1, found_number
            else:
                return Row(number, found.start(), found.end(), found[1]), found.start()
        return None, following

    def _numbered(self) -> tuple[list[int], list[int]]:
        numbers, starts, number = [], [], 0
        for found in self.tags.row.finditer(self.sheet, self.start, self.end):
            number = _explicit_number(found) or number + 1
            numbers.append(number)
            starts.append(found.start())
        return numbers, starts


class _UnnumberedError(Exception):
    """A row tag without an `r` attribute, met in a binary search."""


def _number_of(found: re.Match[bytes]) -> int:
    number = _explicit_number(found)
    if not number:
        raise _UnnumberedError
    return number


def _explicit_number(found: re.Match[bytes]) -> int:
    """The number in a row tag's `r` attribute, or 0 when it has none."""
    text = found[2] or scan.attributes(found[1]).get(b"r")
    if text is None:
        return 0
    if not text.isdigit() or int(text) < 1:
        raise scan.MalformedError(f"a row has the row number {text.decode(errors='replace')!r}")
    return int(text)


class Cell(NamedTuple):
    """A cell element of a row: its 1-based column, where its start tag begins and ends, and its text."""

    column: int
    start: int
    tag_end: int
    tag: bytes
    has_ref: bool


def row_cells(sheet: bytes, tags: Tags, row: Row) -> list[Cell]:
    """The cells of a row in the order they stand, each cell without `r` following the one before it.

    A cell's content is passed over rather than read: the elements in it (`<v>`, `<f>`, `<is>` and the
    runs of rich text) have other names, and none of them is `c`.
    """
    if row.self_closing:
        return []
    end = sheet.find(tags.end(b"row"), row.content_start)
    if end < 0:
        raise scan.MalformedError(f"row {row.number} has no end tag")
    cells, column = [], 0
    for found in tags.cell.finditer(sheet, row.content_start, end):
        letters = found[2] or _letters(found[1])
        column = _column(letters) if letters else column + 1
        cells.append(Cell(column, found.start(), found.end(), found[1], letters is not None))
    return cells


def _letters(tag: bytes) -> bytes | None:
    """The column letters of a cell's `r` attribute that is not its first."""
    ref = _CELL_REF.fullmatch(scan.attributes(tag).get(b"r", b""))
    return ref[1] if ref else None


@functools.cache
def _column(letters: bytes) -> int:
    return column_number(letters.decode())


def cell_end(sheet: bytes, tags: Tags, cell: Cell) -> int:
    """Where a cell element ends."""
    if cell.tag.rstrip().endswith(b"/"):
        return cell.tag_end
    close = tags.end(b"c")
    end = sheet.find(close, cell.tag_end)
    if end < 0:
        raise scan.MalformedError(f"the cell at byte {cell.start} has no end tag")
    return end + len(close)
