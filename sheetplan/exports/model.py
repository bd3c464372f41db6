"""What reading an export gives: frozen records of its rows and posts, and of the export itself.

Values are plain: numbers as int or float (percentages as fractions), text as str, blanks and the
platforms' `-` as None. Each row and post remembers the line (or sheet row) it came from, so that a
message about it can name it.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date
from functools import cached_property
from pathlib import Path
from typing import NamedTuple

from sheetplan.exports.kinds import Kind
from sheetplan.plan.model import Month

Value = int | float | str | None

_ALIASES = {"reposts": "shares", "shares": "reposts"}
"""Words a column may be spelled with in another year's files: LinkedIn's Shares became Reposts."""


def folded(column: str) -> str:
    """A column's name as columns are compared: case and runs of spaces ignored."""
    return " ".join(column.casefold().split())


class Values(Mapping[str, Value]):
    """A row's values by column: its place in the table's columns, which all its rows share.

    An export of 10,000 posts has 10,000 of these; sharing the table's columns and its one map of
    column to place makes a row in a third of the time a dict of its own takes (and its rows need
    not be put back together from the columns they were read in).
    """

    __slots__ = ("_columns", "_index", "_places")

    def __init__(self, places: Mapping[str, int], columns: Sequence[Sequence[Value]], index: int) -> None:
        self._places = places
        self._columns = columns
        self._index = index

    def __getitem__(self, column: str) -> Value:
        return self._columns[self._places[column]][self._index]

    def __iter__(self) -> Iterator[str]:
        return iter(self._places)

    def __len__(self) -> int:
        return len(self._places)

    def __repr__(self) -> str:
        return repr(dict(self))


class Row(NamedTuple):
    """One row of an export's table.

    Rows and posts are named tuples, made by the ten thousand: a frozen dataclass takes three to six
    times as long to make.
    """

    number: int
    """The file's line (or the sheet's row) the row starts on, for messages."""
    day: date | None
    """The row's day: a post's publish date, a daily series' day; None for Monthly CSV and for
    tables without a date column (such as Search Console's Queries)."""
    values: Mapping[str, Value]
    """Each column's value, by the column's name as the file spells it."""
    month: Month | None = None
    """Monthly CSV: the row's month."""
    metric_id: str | None = None
    """Monthly CSV: the metric the row's actual is for."""


class Post(NamedTuple):
    """One post, as the Posts sheet lists it; None for what the export does not say."""

    number: int
    """The line (or sheet row) of the post, for messages."""
    channel: str
    """The platform: Facebook, Instagram, X, LinkedIn or YouTube."""
    post_id: str
    published: date | None
    """A datetime where the export gives the time (as the export shows it, without a zone)."""
    type: str | None
    text: str
    link: str | None
    impressions: int | float | None
    reach: int | float | None
    engagements: int | float | None
    reactions: int | float | None
    comments: int | float | None
    shares: int | float | None
    clicks: int | float | None


@dataclass(frozen=True)
class Export:
    """One table of an export file: a CSV, a GA4 table, a workbook's sheets of one kind, a zip member."""

    path: Path
    name: str
    """How messages name it: the file as the user gave it, and for a zip's member `file.zip/member`."""
    sha256: str
    """Of the bytes read: the file's, or the zip member's."""
    kind: Kind
    variant: str | None
    """Which of its kind's tables this is, where a kind has several: YouTube's `Table data`,
    `Chart data` or `Totals`; Search Console's `Dates`, `Queries`, `Pages`, `Countries`, `Devices`,
    `Search appearance` or `Filters`; X's older `Tweet activity`. None otherwise."""
    series: str | None
    """Meta page: the series the file holds, from its second line (`Facebook follows`)."""
    columns: tuple[str, ...]
    """The header, as the file spells it."""
    rows: tuple[Row, ...]
    """In the file's order; Total and Grand total rows left out."""
    posts: tuple[Post, ...]
    coverage: tuple[date, date] | None
    """The first and last day the export is about: as the file states it, or the span of its days."""
    stated: bool
    """Whether the file states its coverage (GA4's preamble, a Meta or YouTube file name)."""
    lifetime: bool
    """Whether post totals are lifetime totals as of the export's day (Meta's `Lifetime`)."""
    day_column: str | None = None
    """The column its rows' days come from, for messages; None for a table without one."""
    _columns: Mapping[str, str] = field(default_factory=dict, repr=False, compare=False)

    @cached_property
    def file_name(self) -> str:
        """The file's name without its folder, and a zip member's after it: `ga4.csv`, `sc.zip/Dates.csv`.
        Worked out once: the Posts sheet names it on each of an export's posts."""
        given = str(self.path)
        inside = self.name[len(given) :] if self.name.startswith(given) else ""
        return self.path.name + inside

    def column(self, name: str) -> str | None:
        """The file's spelling of a column named ignoring case and spaces; None when it has none.

        LinkedIn's older Shares columns answer for Reposts, and the other way round; a Meta page
        export's series name answers for its Primary column (rows hold the value under both).
        """
        if self.series is not None and folded(name) == folded(self.series):
            return self.series
        if not self._columns:
            object.__setattr__(self, "_columns", {folded(column): column for column in self.columns})
        wanted = folded(name)
        found = self._columns.get(wanted)
        if found is None:
            word, _, rest = wanted.partition(" ")
            if word in _ALIASES:
                found = self._columns.get(f"{_ALIASES[word]} {rest}".strip())
        return found
