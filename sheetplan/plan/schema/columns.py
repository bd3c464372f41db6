"""What a sheet of the plan workbook is made of: its columns, what each holds and how it is shown."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from sheetplan.plan.schema.choices import Choices, Text, normalise

_ColumnType = Literal["text", "id", "date", "number", "money", "percent", "choice", "email"]


@dataclass(frozen=True)
class ListSource:
    """A dropdown fed by another sheet's column, through a defined name (Excel drops direct ranges)."""

    sheet: str
    column: str
    defined_name: str


_OWNER_LIST = ListSource("owners", "owner", "OwnerList")
CHANNEL_LIST = ListSource("channels", "channel", "ChannelList")
_GOAL_LIST = ListSource("goals", "goal_id", "GoalList")
_METRIC_LIST = ListSource("metrics", "metric_id", "MetricList")
LIST_SOURCES = (_OWNER_LIST, CHANNEL_LIST, _GOAL_LIST, _METRIC_LIST)


_PROSE_WIDTH = 24
"""Text columns at least this wide wrap their text; narrower ones hold short names and IDs."""


@dataclass(frozen=True)
class Column:
    """One column of a data sheet: its header, what it holds and how it is shown."""

    key: str
    header: Text
    type: _ColumnType = "text"
    required: bool = False
    width: float = 14
    number_format: str | None = None
    choices: Choices | None = None
    source: ListSource | None = None
    hint: Text | None = None
    """The input message of the column's cells: what to put there."""
    export_kinds: bool = False
    """The column's dropdown offers the kinds of export sheetplan reads (`exports.kinds.KINDS`, a
    package above this one, so the writers take the list from there)."""

    @property
    def dropdown(self) -> bool:
        return self.choices is not None or self.source is not None or self.export_kinds

    @property
    def cell_number_format(self) -> str | None:
        """The number format of the column's cells: its own, or text kept as text for IDs, text and e-mail."""
        if self.number_format is None and self.type in ("id", "text", "email"):
            return "@"
        return self.number_format

    @property
    def wraps(self) -> bool:
        """Whether the column's cells wrap their text: prose columns wide enough to hold a sentence."""
        return self.type == "text" and self.width >= _PROSE_WIDTH


@dataclass(frozen=True)
class Sheet:
    """One sheet of the plan workbook."""

    key: str
    name: Text
    columns: tuple[Column, ...] = ()
    monthly: bool = False
    """One column per plan month, headed YYYY-MM, follows the columns (Forecasts and Actuals)."""
    months_required: bool = False
    """Every plan month needs its column and a number (Forecasts); Actuals fill in as months end."""
    optional: bool = False
    """A plan may leave the sheet out (Channels, Assumptions, Decisions, Sources, Posts)."""

    def column(self, key: str) -> Column:
        """The column with this key; KeyError for none."""
        found = self.get(key)
        if found is None:
            raise KeyError(key)
        return found

    def get(self, key: str) -> Column | None:
        """The column a location key names; None for a month or a key the sheet has no column for."""
        return next((column for column in self.columns if column.key == key), None)

    @property
    def required(self) -> tuple[Column, ...]:
        return tuple(column for column in self.columns if column.required)

    def is_named(self, name: str) -> bool:
        """Whether a workbook's sheet name means this sheet, in either language and any case."""
        return normalise(name) in (normalise(self.name.en), normalise(self.name.bg))


DATE_FORMAT = "yyyy-mm-dd"
MONEY_FORMAT = "#,##0.00"
NUMBER_FORMAT = "General"
PERCENT_FORMAT = "0.0%"

_OWNER_HINT = Text(
    "One person from the Owners sheet. One owner per task: add people on the Owners sheet first.",
    "Един човек от листа „Отговорници“. Един отговорник на задача: първо добавете хората там.",
)
_GOAL_HINT = Text("A Goal ID from the Goals sheet.", "ID на цел от листа „Цели“.")
DATE_HINT = Text("A date, for example 2026-03-31.", "Дата, например 2026-03-31.")


def owner(required: bool = True) -> Column:
    return Column(
        "owner", Text("Owner", "Отговорник"), "choice", required, 16, source=_OWNER_LIST, hint=_OWNER_HINT
    )


def goal_id() -> Column:
    return Column(
        "goal_id", Text("Goal ID", "ID на цел"), "choice", True, 11, source=_GOAL_LIST, hint=_GOAL_HINT
    )


def metric_id() -> Column:
    return Column(
        "metric_id",
        Text("Metric ID", "ID на показател"),
        "id",
        True,
        12,
        source=_METRIC_LIST,
        hint=Text("A Metric ID from the Metrics sheet.", "ID на показател от листа „Показатели“."),
    )


def metric_choice(required: bool, hint: Text) -> Column:
    """A Metric ID picked from the Metrics sheet's list, on a sheet of something else (Sources, Decisions)."""
    return Column(
        "metric_id",
        Text("Metric ID", "ID на показател"),
        "choice",
        required,
        12,
        source=_METRIC_LIST,
        hint=hint,
    )


def tolerance() -> Column:
    return Column(
        "tolerance",
        Text("Tolerance %", "Допуск %"),
        "percent",
        width=12,
        hint=Text(
            "How far from the forecast still counts as on track: 10 or 10% means ten percent.",
            "Колко отклонение от прогнозата още е „в график“: 10 или 10% означава десет процента.",
        ),
    )


def count(key: str, en: str, bg: str) -> Column:
    return Column(key, Text(en, bg), "number", False, 12, NUMBER_FORMAT)
