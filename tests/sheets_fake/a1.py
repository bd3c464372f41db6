"""A1 notation as the Sheets API reads and writes it: sheet names, cells, open and whole-sheet ranges."""

from __future__ import annotations

import re
from dataclasses import dataclass

_ENDPOINT = re.compile(r"\$?([A-Za-z]{0,3})\$?(\d{0,7})")
# Titles the API writes without quotes in the ranges it answers (`Sheet1!A1:B2`); every other title is
# quoted (`'🌵 test 1'!A1`, `'I''m here'!A1`), as the cassettes show.
_BARE_TITLE = re.compile(r"[A-Za-z_][A-Za-z0-9_]*")
_LOOKS_LIKE_CELL = re.compile(r"[A-Za-z]{1,3}\d+|[Rr]\d*[Cc]\d*")


@dataclass(frozen=True)
class Box:
    """A rectangle of cells as 0-based, end-exclusive indices, like the API's GridRange."""

    row0: int
    col0: int
    row1: int
    col1: int

    @property
    def rows(self) -> int:
        return self.row1 - self.row0

    @property
    def cols(self) -> int:
        return self.col1 - self.col0

    @classmethod
    def of(cls, grid_range: dict[str, int]) -> Box:
        """The box of a GridRange that has all four bounds."""
        return cls(
            grid_range["startRowIndex"],
            grid_range["startColumnIndex"],
            grid_range["endRowIndex"],
            grid_range["endColumnIndex"],
        )

    def grid_range(self) -> dict[str, int]:
        """The bounds as a GridRange writes them (without its sheetId)."""
        return {
            "startRowIndex": self.row0,
            "endRowIndex": self.row1,
            "startColumnIndex": self.col0,
            "endColumnIndex": self.col1,
        }

    def cells(self) -> list[tuple[int, int]]:
        return [(r, c) for r in range(self.row0, self.row1) for c in range(self.col0, self.col1)]

    def overlaps(self, other: Box) -> bool:
        return (
            self.row0 < other.row1
            and other.row0 < self.row1
            and self.col0 < other.col1
            and other.col0 < self.col1
        )


@dataclass(frozen=True)
class CellRange:
    """The cell part of an A1 range: a Box, and whether it was a single anchor cell (`A1`)."""

    box: Box
    anchor: bool


def column_letters(index: int) -> str:
    """0 -> A, 25 -> Z, 26 -> AA."""
    letters = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        letters = chr(ord("A") + rest) + letters
    return letters


def column_index(letters: str) -> int:
    """A -> 0, Z -> 25, AA -> 26."""
    index = 0
    for char in letters.upper():
        index = index * 26 + ord(char) - ord("A") + 1
    return index - 1


def quote_title(title: str) -> str:
    """A sheet title as the API writes it in front of `!`."""
    if _BARE_TITLE.fullmatch(title) and not _LOOKS_LIKE_CELL.fullmatch(title):
        return title
    return "'" + title.replace("'", "''") + "'"


def format_box(box: Box) -> str:
    start = f"{column_letters(box.col0)}{box.row0 + 1}"
    if box.rows == 1 and box.cols == 1:
        return start
    return f"{start}:{column_letters(box.col1 - 1)}{box.row1}"


def format_range(title: str, box: Box) -> str:
    return f"{quote_title(title)}!{format_box(box)}"


def split_range(text: str) -> tuple[str | None, str | None]:
    """Split `'My sheet'!A1:B2` into the title and the cells; either may be None.

    The API also takes unquoted titles with spaces (`My sheet!A:A`, seen in the cassettes), so a text
    without quotes splits at its last `!`. A text with no `!` is returned as cells; the caller decides
    whether it is a sheet title instead.
    """
    if text.startswith("'"):
        chars, i = [], 1
        while i < len(text):
            if text[i] == "'":
                if text[i + 1 : i + 2] == "'":
                    chars.append("'")
                    i += 2
                    continue
                rest = text[i + 1 :]
                if rest == "":
                    return "".join(chars), None
                if rest.startswith("!"):
                    return "".join(chars), rest[1:]
                raise ValueError(text)
            chars.append(text[i])
            i += 1
        raise ValueError(text)
    if "!" in text:
        title, cells = text.rsplit("!", 1)
        return title, cells
    return None, text


def parse_cells(text: str, rows: int, cols: int) -> CellRange:
    """Parse `A1`, `A1:C3`, `A2:C`, `A:A` or `2:5` against a grid of rows x cols."""
    parts = text.split(":")
    if len(parts) == 1:
        match = _ENDPOINT.fullmatch(parts[0])
        if not match or not match.group(1) or not match.group(2) or int(match.group(2)) == 0:
            raise ValueError(text)
        row, col = int(match.group(2)) - 1, column_index(match.group(1))
        return CellRange(Box(row, col, row + 1, col + 1), anchor=True)
    if len(parts) != 2:
        raise ValueError(text)
    start, end = (_ENDPOINT.fullmatch(part) for part in parts)
    if not start or not end or not any(start.groups()) or not any(end.groups()):
        raise ValueError(text)
    if "0" in (start.group(2), end.group(2)):
        raise ValueError(text)
    row0 = int(start.group(2)) - 1 if start.group(2) else 0
    col0 = column_index(start.group(1)) if start.group(1) else 0
    row1 = int(end.group(2)) if end.group(2) else rows
    col1 = column_index(end.group(1)) + 1 if end.group(1) else cols
    # `B2:A1` means the same cells as `A1:B2`.
    row0, row1 = min(row0, row1 - 1), max(row0 + 1, row1)
    col0, col1 = min(col0, col1 - 1), max(col0 + 1, col1)
    return CellRange(Box(row0, col0, row1, col1), anchor=False)
