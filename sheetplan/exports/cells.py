"""Reads an export's cells: numbers as the platforms write them, percentages, text and blanks.

Exports quote numbers with thousands separators (`"15,000"`), write rates as `2.7%`, and in
non-English locales use decimal commas (`1.234,5`, with `;` between fields). A table is read in one
of two styles: `comma` when its decimal mark is a comma, else the English one; `sheetplan.read.values`
parses what is left once the style is settled, so every number in sheetplan is read by one parser.

Each column gets one reader (`reader`), made once per table.
"""

from __future__ import annotations

import html
import re
from collections.abc import Callable, Sequence
from datetime import date, datetime
from functools import partial
from typing import Literal

from sheetplan.exports.model import Value
from sheetplan.plan.errors import SourceError
from sheetplan.plan.i18n import _
from sheetplan.read.values import BadValue, parse_number, shown

Cell = str | int | float | bool | date | None
"""A cell as a CSV or workbook gives it: text from a CSV; text, numbers or dates from a workbook."""
Treat = Literal["number", "text", "either"]
"""How a column is read: strictly as numbers, as text, or as numbers where they are and text else."""
Reader = Callable[[Cell], Value]

BLANKS = frozenset({"", "-", "--", "–", "—", "n/a", "N/A"})
"""What exports put in a cell that has no value (X's promoted columns hold `-`)."""
_DOTTED_THOUSANDS = re.compile(r"[+-]?\d{1,3}(?:\.\d{3})+(?:,\d+)?")
_GROUPED = re.compile(r"\d{1,3}(?:,\d{3})+")
_GROUPED_LINES = re.compile(r"(?:\d{1,3}(?:,\d{3})*|\d+)(?:\n(?:\d{1,3}(?:,\d{3})*|\d+))*")
"""Whole numbers, with or without thousands separators, one a line: a column's, checked at once."""
_ENTITY = re.compile(r"&#?\w+;")
_APART = "\x00"
"""What texts decoded together are joined by: no text an export holds has it."""
_COMMON_ENTITIES = (
    ("&lt;", "<"),
    ("&gt;", ">"),
    ("&quot;", '"'),
    ("&#39;", "'"),
    ("&#x27;", "'"),
    ("&amp;", "&"),
)
_COMMON_NAMES = frozenset(entity for entity, __ in _COMMON_ENTITIES)
_DECIMAL = re.compile(r"[+-]?\d+\.\d+")
"""Two forms read without `parse_number`'s tries, for speed: `15,000` in English, and `0.5432`."""


def number(typed: str, comma: bool = False) -> int | float | None:
    """A number as an export writes it; `%` makes it a fraction. None for a blank; BadValue else.

    With `comma`, `1.234,5` and `1,5` are read with a decimal comma; without it, `1,234` is a
    thousand two hundred and thirty-four, as in English exports.
    """
    text = typed.strip()
    if text in BLANKS:
        return None
    if text.isdecimal():
        return int(text)
    if not comma:
        if _GROUPED.fullmatch(text):
            return int(text.replace(",", ""))
        if _DECIMAL.fullmatch(text):
            return float(text)
    percent = text.endswith("%")
    core = text[:-1].rstrip() if percent else text
    try:
        if comma:
            if _DOTTED_THOUSANDS.fullmatch(core):
                core = core.replace(".", "")
            if "," in core and "." not in core and " " not in core:
                core = core.replace(",", ".")
        amount = parse_number(core)
    except BadValue:
        raise BadValue(_("{value} is not a number").format(value=shown(typed))) from None
    return fraction(amount) if percent else amount


def cell_error(name: str, row: int, column: str, problem: object) -> SourceError:
    """The error for a cell of an export: `meta.csv: row 7, column "Reach": "12k" is not a number`."""
    return SourceError(
        _('{name}: row {row}, column "{column}": {problem}').format(
            name=name, row=row, column=column, problem=problem
        )
    )


def fraction(percent: int | float) -> float:
    """A percentage as a fraction, without binary noise: 2.7 is 0.027, not 0.027000000000000003."""
    return float(f"{percent!r}e-2")


def cell_number(cell: Cell, comma: bool, percent: bool) -> int | float | None:
    """A cell as a number (a fraction for a percentage column); None for a blank; BadValue else."""
    if isinstance(cell, str):
        amount = number(cell, comma)
        if percent and amount is not None and not cell.rstrip().endswith("%"):
            return fraction(amount)
        return amount
    if cell is None:
        return None
    if isinstance(cell, bool | date):
        raise BadValue(_("{value} is not a number").format(value=_shown_cell(cell)))
    amount = int(cell) if isinstance(cell, float) and cell.is_integer() else cell
    return fraction(amount) if percent else amount


def cell_text(cell: Cell) -> str | None:
    """A cell as text: trimmed, HTML entities (`&amp;`) decoded; None for a blank."""
    if isinstance(cell, str):
        text = cell.strip()
        if text in BLANKS:
            return None
        return _unescaped(text) if "&" in text else text
    if cell is None:
        return None
    if isinstance(cell, float) and cell.is_integer():
        return str(int(cell))
    if isinstance(cell, datetime):
        return cell.isoformat(" ")
    return cell.isoformat() if isinstance(cell, date) else str(cell)


def _unescaped(text: str) -> str:
    """HTML entities decoded; the five that exports use, by plain replaces (three times faster).

    `&amp;` goes last, so that `&amp;lt;` is `&lt;`, as `html.unescape` makes it."""
    rest = text
    for entity, __ in _COMMON_ENTITIES:
        rest = rest.replace(entity, "")
    if "&" in rest and ";" in rest:
        return html.unescape(text)
    for entity, char in _COMMON_ENTITIES:
        text = text.replace(entity, char)
    return text


def unescaped(texts: list[str]) -> list[str]:
    """Texts with HTML entities, decoded together: the five that exports use replaced in all at once."""
    joined = _APART.join(texts)
    found = set(_ENTITY.findall(joined))
    if joined.count(_APART) != len(texts) - 1 or not found <= _COMMON_NAMES:
        return [_unescaped(text) for text in texts]
    for entity, char in _COMMON_ENTITIES:
        if entity in found:
            joined = joined.replace(entity, char)
    return joined.split(_APART) if texts else []


def whole_numbers(column: Sequence[str], comma: bool = False) -> list[int | None] | None:
    """A column's texts read at once when each is a whole number (in English, `15,000` too) or a
    blank; None when any is not, for the cells to be read one by one. Most export columns are counts.
    """
    if "_" in "".join(column):  # int() takes 1_000, which no export writes
        return None
    try:
        return list(map(int, column))
    except ValueError:
        pass
    distinct = set(column)
    written = list(distinct - BLANKS)
    try:
        known: dict[str, int | None] = dict(zip(written, map(int, written), strict=True))
    except ValueError:
        lines = "\n".join(written)
        if comma or not _GROUPED_LINES.fullmatch(lines):
            return None
        known = dict(zip(written, map(int, lines.replace(",", "").split("\n")), strict=True))
    known.update(dict.fromkeys(distinct & BLANKS))
    return list(map(known.__getitem__, column))


def reader(treat: Treat, comma: bool = False, percent: bool = False) -> Reader:
    """The function that reads one column's cells; a number column's raises BadValue."""
    if treat == "text":
        return cell_text
    if treat == "number":
        return partial(cell_number, comma=comma, percent=percent)

    def either(cell: Cell) -> Value:
        try:
            return cell_number(cell, comma, percent)
        except BadValue:
            return cell_text(cell)

    return either


def _shown_cell(cell: Cell) -> str:
    if isinstance(cell, bool):
        return "TRUE" if cell else "FALSE"
    return cell.isoformat() if isinstance(cell, date) else shown(cell)
