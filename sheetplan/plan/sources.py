"""What a Sources row's Value and Filter say, read from their text.

A Value is a column of the export (`Reach`), `posts` to count the export's rows, or two or more
columns added up (`Likes + Comments + Shares`) or one column divided by another (`Clicks / Views`).
A Filter keeps the export's rows where one column has one value: `Session source = facebook`.
`check` reports a Value or Filter that says none of these, and `sheetplan import` computes with them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Literal

POSTS = "posts"
"""The Value that counts the export's rows (its posts) instead of adding up a column."""

_OPERATOR = re.compile(r"(?<!\S)([+/])(?!\S)")
"""`+` or `/` standing apart: a column's own name may hold a slash, as `Session source/medium` does."""


@dataclass(frozen=True)
class ValueSpec:
    """A Value as read: the columns it names, and what is done with them."""

    columns: tuple[str, ...]
    """The export's columns named, in order; empty when the Value counts posts."""
    operation: Literal["column", "posts", "sum", "ratio"]


@dataclass(frozen=True)
class FilterSpec:
    """A Filter as read: keep the rows whose `column` holds `value`."""

    column: str
    value: str


def parse_value(text: str) -> ValueSpec | None:
    """What a Value says; None when it is none of a column, `posts`, `A + B` or `A / B`."""
    text = " ".join(text.split())
    if not text:
        return None
    if text.casefold() == POSTS:
        return ValueSpec((), "posts")
    parts = _OPERATOR.split(text)
    names = [part.strip() for part in parts[::2]]
    operators = set(parts[1::2])
    if not all(names):
        return None
    if not operators:
        return ValueSpec((names[0],), "column")
    if operators == {"+"}:
        return ValueSpec(tuple(names), "sum")
    if operators == {"/"} and len(names) == 2:
        return ValueSpec(tuple(names), "ratio")
    return None


def parse_filter(text: str) -> FilterSpec | None:
    """What a Filter says; None when it is not `Column = value` with both sides filled in."""
    column, equals, value = text.partition("=")
    column, value = " ".join(column.split()), " ".join(value.split())
    if not equals or not column or not value:
        return None
    return FilterSpec(column, value)
