"""The plan as sheetplan understands it: frozen records read from the workbook, and the problems found.

Records remember their row (`row`, left out of comparisons) for a rule to name the cell it is about:
`Plan.cell` turns a record's row and a column key into `Actions!D7`. Posts are in `plan.posts`."""

from __future__ import annotations

import calendar
import re
from collections.abc import Mapping, Sequence
from dataclasses import asdict, dataclass, field
from datetime import date, datetime
from functools import cache
from typing import Literal, NamedTuple

from sheetplan.plan import schema
from sheetplan.plan.addresses import column_letter, quote_sheet
from sheetplan.plan.i18n import _
from sheetplan.plan.posts import Post
from sheetplan.plan.schema import Lang

_MONTH = re.compile(r"^\s*(\d{4})-(\d{1,2})\s*$")
SERIAL_EPOCH = date(1899, 12, 30)
"""Day 0 of the serial numbers that Excel, LibreOffice and Google Sheets store dates as."""


@cache
def _last_day(year: int, month: int) -> date:
    """A month's last day, worked out once: the review asks it of every action."""
    return date(year, month, calendar.monthrange(year, month)[1])


class _YearMonth(NamedTuple):
    year: int
    month: int


class Month(_YearMonth):
    """A calendar month, written YYYY-MM.

    A named tuple, so that hashing and comparing one is done in C: a plan's numbers are kept by month,
    and reading a big plan hashes a month a hundred thousand times.
    """

    __slots__ = ()

    def __new__(cls, year: int, month: int) -> Month:
        if not 1 <= month <= 12 or not 1 <= year <= 9999:
            raise ValueError(_("not a month: {year}-{month}").format(year=year, month=month))
        return super().__new__(cls, year, month)

    @classmethod
    def parse(cls, text: str) -> Month:
        """The month of `YYYY-MM` text; ValueError for anything else."""
        found = _MONTH.match(text)
        if not found:
            raise ValueError(_("not a month in the form YYYY-MM: {text}").format(text=repr(text)))
        return cls(int(found[1]), int(found[2]))

    @classmethod
    def of(cls, day: date) -> Month:
        return cls(day.year, day.month)

    def __str__(self) -> str:
        return f"{self.year:04d}-{self.month:02d}"

    def __add__(self, months: int) -> Month:  # type: ignore[override]  # months, not a tuple
        index = self.year * 12 + self.month - 1 + months
        return Month(index // 12, index % 12 + 1)

    def __sub__(self, other: Month) -> int:
        """How many months `other` lies before this one."""
        return (self.year - other.year) * 12 + self.month - other.month

    @property
    def first_day(self) -> date:
        return date(self.year, self.month, 1)

    @property
    def last_day(self) -> date:
        return _last_day(self.year, self.month)


@dataclass(frozen=True)
class Settings:
    plan_name: str
    start: Month
    months: int
    tolerance: float | None = None
    """A fraction (0.1 for ten percent); None when the sheet leaves it blank."""
    currency: str = ""
    review_day: str = ""
    review_time: str = ""
    time_zone: str = ""
    """The review meeting's settings as typed; `plan.meeting` reads them."""
    rows: Mapping[str, int] = field(default_factory=dict, compare=False)
    """The Settings sheet's row of each setting it has, by key, for a message to name its cell."""

    @property
    def plan_months(self) -> tuple[Month, ...]:
        return tuple(self.start + offset for offset in range(self.months))


@dataclass(frozen=True)
class Goal:
    id: str
    name: str
    problem: str
    why: str
    owner: str
    target_date: date | None = None
    status: str | None = None
    row: int = field(default=0, compare=False)


@dataclass(frozen=True)
class Owner:
    name: str
    role: str = ""
    email: str = ""
    row: int = field(default=0, compare=False)


@dataclass(frozen=True)
class Channel:
    name: str
    handle: str = ""
    planned_per_week: float | None = None
    max_per_week: float | None = None
    notes: str = ""
    row: int = field(default=0, compare=False)


@dataclass(frozen=True)
class Action:
    id: str
    goal_id: str
    name: str
    owner: str
    due: date | None
    status: str | None
    channel: str = ""
    start: date | None = None
    budget: float | None = None
    spent: float | None = None
    expected: str = ""
    notes: str = ""
    row: int = field(default=0, compare=False)


@dataclass(frozen=True)
class Metric:
    id: str
    name: str
    goal_id: str
    owner: str
    direction: str | None
    aggregation: str | None
    unit: str = ""
    tolerance: float | None = None
    """A fraction (0.1 for ten percent); None to use the plan's."""
    source: str = ""
    row: int = field(default=0, compare=False)


@dataclass(frozen=True)
class Assumption:
    text: str
    owner: str = ""
    still_true: str | None = None
    note: str = ""
    row: int = field(default=0, compare=False)


@dataclass(frozen=True)
class Decision:
    """A Decisions row: what the review of `month` decided, who follows it up and by when."""

    month: Month | None
    text: str
    owner: str
    due: date | None
    status: str | None
    metric_id: str = ""
    action_id: str = ""
    notes: str = ""
    row: int = field(default=0, compare=False)


@dataclass(frozen=True)
class Source:
    """A Sources row: the export that feeds a metric's actual results, and how its number is made."""

    metric_id: str
    export: str
    value: str
    filter: str = ""
    how: str | None = None
    """sum, last, average or max; None to follow the metric's Aggregation."""
    row: int = field(default=0, compare=False)


@dataclass(frozen=True)
class ErrorValue:
    """A cell showing an error such as `#N/A` or `#REF!`."""

    code: str


@dataclass(frozen=True)
class FormulaValue:
    """A formula cell that has no cached value, so what it shows is unknown without a spreadsheet program."""

    formula: str


CellValue = str | float | int | bool | date | datetime | ErrorValue | FormulaValue | None
Grid = Mapping[str, Sequence[Sequence[CellValue]]]
"""A workbook as plain values: sheet name to rows (row 1 first) of cells (column A first)."""

Series = Mapping[Month, float]
"""A metric's numbers by month; a month without a number is absent."""


@dataclass(frozen=True)
class SheetLocation:
    """Where a schema sheet sits in the workbook: its real name and the column of each schema column."""

    name: str
    columns: Mapping[str, int] = field(default_factory=dict)
    """Schema column key (or `YYYY-MM` for a month) to 1-based column number."""
    header_row: int = 1
    """The 1-based row that holds the headers; the data starts below it."""
    rows: Mapping[str, int] = field(default_factory=dict)
    """Metric ID to its 1-based row, on Forecasts and Actuals (whose records are not dataclasses)."""


@dataclass(frozen=True)
class Plan:
    settings: Settings
    goals: tuple[Goal, ...] = ()
    owners: tuple[Owner, ...] = ()
    channels: tuple[Channel, ...] = ()
    actions: tuple[Action, ...] = ()
    metrics: tuple[Metric, ...] = ()
    forecasts: Mapping[str, Series] = field(default_factory=dict)
    actuals: Mapping[str, Series] = field(default_factory=dict)
    baseline: Mapping[str, Series] = field(default_factory=dict)
    """Metric ID to its forecast, actual and baseline (the forecast as first agreed) by month."""
    assumptions: tuple[Assumption, ...] = ()
    sources: tuple[Source, ...] = ()
    decisions: tuple[Decision, ...] = ()
    posts: tuple[Post, ...] = ()
    lang: Lang = field(default="en", compare=False)
    """The language the workbook was written in, judged from its sheet names."""
    locations: Mapping[str, SheetLocation] = field(default_factory=dict, compare=False)
    """Schema sheet key to where it sits in the workbook; empty for a plan built in code."""

    def sheet_name(self, sheet: str) -> str:
        """The workbook's name of a schema sheet, or the schema's in the plan's language."""
        location = self.locations.get(sheet)
        return location.name if location else schema.sheet_by_key(sheet).name(self.lang)

    def cell(self, sheet: str, row: int, column: str | None = None) -> str:
        """The address of a record's cell, `Actions!D7`; the row alone (`Actions!7:7`) without a column."""
        location = self.locations.get(sheet)
        name = self.sheet_name(sheet)
        number = location.columns.get(column) if location and column else None
        if number is None:
            return f"{quote_sheet(name)}!{row}:{row}"
        return f"{quote_sheet(name)}!{column_letter(number)}{row}"


Severity = Literal["error", "warning"]


@dataclass(frozen=True)
class Problem:
    """Something wrong with a plan: where it is and what to do about it."""

    severity: Severity
    sheet: str
    cell: str | None
    code: str
    message: str

    def as_dict(self) -> dict[str, str | None]:
        return asdict(self)  # the fields in their order: severity, sheet, cell, code, message
