"""The Posts sheet after an import: one row per post, a post already listed (the same channel and
Post ID) updated in its own row, never listed twice.

Only the sheet's own columns are written, and in a row already there only the cells whose value
changed; columns people added are never touched. A post in two exports is taken from the export whose
coverage ends last, as its numbers are the newer.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import date, datetime
from typing import NamedTuple

from sheetplan.exports.model import Export, Post
from sheetplan.imports.cells import Entry, next_row
from sheetplan.plan.model import CellValue, SheetLocation
from sheetplan.plan.schema import POSTS
from sheetplan.plan.tuples import picker

FIELDS = tuple(column.key for column in POSTS.columns)
"""The Posts sheet's columns, by schema key: the Post fields, then `source_file`."""
_FIELDS_OF_POST = picker([Post._fields.index(key) for key in FIELDS[:-1]])


class PostRows(NamedTuple):
    """What an import does to the Posts sheet."""

    cells: dict[tuple[int, int], Entry]
    """The cells to set, by 1-based (row, column), on a sheet that exists."""
    rows: list[tuple[Entry, ...]]
    """Every post's row, its values in the order of `FIELDS`, for a plan without a Posts sheet (which
    gets one)."""
    added: int
    updated: int


def latest_posts(exports: Sequence[Export]) -> list[tuple[Post, Export]]:
    """Each post once (by channel and Post ID), from the export whose coverage ends last, in the order
    the posts were published."""
    chosen: dict[tuple[str, str], tuple[Post, Export]] = {}
    for export in sorted(exports, key=lambda export: export.coverage[1] if export.coverage else date.min):
        for post in export.posts:
            chosen[post.channel.casefold(), post.post_id] = (post, export)
    return sorted(chosen.values(), key=lambda item: _moment(item[0].published))


def post_rows(
    location: SheetLocation | None, rows: Sequence[Sequence[CellValue]], posts: Sequence[tuple[Post, Export]]
) -> PostRows:
    """The cells `posts` set on the Posts sheet at `location` holding `rows`; every row when it has none."""
    if location is None:
        return PostRows({}, [_values(post, export) for post, export in posts], len(posts), 0)
    columns = {key: number for key, number in location.columns.items() if key in FIELDS}
    listed = _listed(rows, location, columns)
    free = next_row(rows, location.header_row)
    cells: dict[tuple[int, int], Entry] = {}
    added = updated = 0
    fields = [(FIELDS.index(key), column) for key, column in columns.items()]
    # The post's values and the row's cells in the sheet's columns, taken at once to compare them.
    written = picker([field for field, __ in fields])
    listing = picker([column - 1 for __, column in fields])
    width = max((column for __, column in fields), default=0)
    for post, export in posts:
        values = _values(post, export)
        key = (post.channel.casefold(), post.post_id)
        row = listed.get(key)
        if row is None:
            row, free = free, free + 1
            listed[key] = row
            added += 1
            cells.update(((row, column), values[field]) for field, column in fields)
            continue
        held = rows[row - 1]
        if len(held) >= width and listing(held) == written(values):
            continue  # the post as listed: the usual case when the same export comes in again
        changed = {
            (row, column): values[field]
            for field, column in fields
            if not _same(held[column - 1] if column <= len(held) else None, values[field])
        }
        updated += bool(changed)
        cells.update(changed)
    return PostRows(cells, [], added, updated)


def _values(post: Post, export: Export) -> tuple[Entry, ...]:
    """A post's row on the Posts sheet, in the order of `FIELDS`."""
    return (*_FIELDS_OF_POST(post), export.file_name)


def _listed(
    rows: Sequence[Sequence[CellValue]], location: SheetLocation, columns: Mapping[str, int]
) -> dict[tuple[str, str], int]:
    channel, post_id = columns.get("channel"), columns.get("post_id")
    listed: dict[tuple[str, str], int] = {}
    if channel is None or post_id is None:
        return listed
    for number, cells in enumerate(rows[location.header_row :], start=location.header_row + 1):
        found = cells[post_id - 1] if post_id <= len(cells) else None
        if found is not None and found != "":
            named = cells[channel - 1] if channel <= len(cells) else None
            listed.setdefault((str(named or "").casefold(), _text(found)), number)
    return listed


def _text(value: CellValue) -> str:
    """A Post ID as text: a long ID a spreadsheet turned into a number reads as its digits."""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value).strip()


def _same(old: CellValue, new: Entry) -> bool:
    if old == new:
        return True
    if new in (None, ""):
        return old in (None, "")
    if isinstance(new, date) and isinstance(old, date):
        return _moment(old) == _moment(new)
    if isinstance(new, int | float) and isinstance(old, int | float):
        return float(old) == float(new)
    if isinstance(new, str) and isinstance(old, str | int | float):
        return _text(old) == new.replace("\r\n", "\n")
    return old == new


def _moment(day: date | None) -> datetime:
    if day is None:
        return datetime.min
    return day if isinstance(day, datetime) else datetime(day.year, day.month, day.day)
