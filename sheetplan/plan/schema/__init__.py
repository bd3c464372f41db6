"""The plan workbook's shape: sheets, columns, settings and dropdown values, in English and Bulgarian.

Everything that writes or reads a workbook (the template, the readers, the checks, the review and the
Google Sheets backend) takes sheet names, headers and dropdown values from here, so a header is typed
once. Dropdown values are stored in the plan under their English value; a Bulgarian workbook shows the
Bulgarian label, and readers accept either.

- `choices`: text in both languages (`Text`), the dropdowns' values (`Choices`) and the statuses.
- `columns`: what a sheet is made of (`Sheet`, `Column`) and the columns several sheets share.
- `sheets`: the sheets a team fills in; `written`: those sheetplan writes, and the Sources.
- here: the sheets in order, the Settings rows, and finding a sheet, column or setting by name.
"""

from __future__ import annotations

from collections.abc import Collection, Iterator
from dataclasses import dataclass
from typing import Literal

from sheetplan.plan.defaults import DEFAULT_MONTHS as DEFAULT_MONTHS
from sheetplan.plan.defaults import LANGS as LANGS
from sheetplan.plan.defaults import MAX_MONTHS as MAX_MONTHS
from sheetplan.plan.defaults import Lang as Lang
from sheetplan.plan.schema.choices import ACTION_DONE as ACTION_DONE
from sheetplan.plan.schema.choices import ACTION_DROPPED as ACTION_DROPPED
from sheetplan.plan.schema.choices import ACTION_STATUS as ACTION_STATUS
from sheetplan.plan.schema.choices import AGGREGATION as AGGREGATION
from sheetplan.plan.schema.choices import DECISION_OPEN as DECISION_OPEN
from sheetplan.plan.schema.choices import DECISION_STATUS as DECISION_STATUS
from sheetplan.plan.schema.choices import DIRECTION as DIRECTION
from sheetplan.plan.schema.choices import DONE_STATUSES as DONE_STATUSES
from sheetplan.plan.schema.choices import GOAL_DROPPED as GOAL_DROPPED
from sheetplan.plan.schema.choices import GOAL_STATUS as GOAL_STATUS
from sheetplan.plan.schema.choices import HOW as HOW
from sheetplan.plan.schema.choices import STATUS as STATUS
from sheetplan.plan.schema.choices import STILL_TRUE as STILL_TRUE
from sheetplan.plan.schema.choices import STILL_TRUE_STATUS as STILL_TRUE_STATUS
from sheetplan.plan.schema.choices import STILL_TRUE_YES as STILL_TRUE_YES
from sheetplan.plan.schema.choices import Choices as Choices
from sheetplan.plan.schema.choices import Text as Text
from sheetplan.plan.schema.choices import normalise as normalise
from sheetplan.plan.schema.columns import DATE_FORMAT as DATE_FORMAT
from sheetplan.plan.schema.columns import LIST_SOURCES as LIST_SOURCES
from sheetplan.plan.schema.columns import Column as Column
from sheetplan.plan.schema.columns import Sheet as Sheet
from sheetplan.plan.schema.sheets import ACTIONS as ACTIONS
from sheetplan.plan.schema.sheets import ACTUALS as ACTUALS
from sheetplan.plan.schema.sheets import ASSUMPTIONS as ASSUMPTIONS
from sheetplan.plan.schema.sheets import BASELINE as BASELINE
from sheetplan.plan.schema.sheets import CHANNELS as CHANNELS
from sheetplan.plan.schema.sheets import DECISIONS as DECISIONS
from sheetplan.plan.schema.sheets import FORECASTS as FORECASTS
from sheetplan.plan.schema.sheets import GOALS as GOALS
from sheetplan.plan.schema.sheets import GUIDE as GUIDE
from sheetplan.plan.schema.sheets import METRICS as METRICS
from sheetplan.plan.schema.sheets import OWNERS as OWNERS
from sheetplan.plan.schema.sheets import SETTINGS as SETTINGS
from sheetplan.plan.schema.written import IMPORT_LOG as IMPORT_LOG
from sheetplan.plan.schema.written import POSTS as POSTS
from sheetplan.plan.schema.written import REVIEW_LOG as REVIEW_LOG
from sheetplan.plan.schema.written import SOURCES as SOURCES

REVIEW_SHEET = Text("Review {month}", "Преглед {month}")
"""The name of a month's review sheet; `{month}` is YYYY-MM."""

SHEETS: tuple[Sheet, ...] = (
    GUIDE,
    SETTINGS,
    GOALS,
    OWNERS,
    CHANNELS,
    ACTIONS,
    METRICS,
    FORECASTS,
    ACTUALS,
    ASSUMPTIONS,
    DECISIONS,
    BASELINE,
    SOURCES,
    POSTS,
)
"""The sheets `sheetplan init` writes, in order."""

INPUT_SHEETS: tuple[Sheet, ...] = SHEETS[1:]
"""The sheets read back from a filled-in plan (the Guide is not)."""


@dataclass(frozen=True)
class Setting:
    """One row of the Settings sheet."""

    key: str
    label: Text
    kind: Literal["text", "month", "months", "percent", "day", "time", "zone"]
    """`day`, `time` and `zone` are the review meeting's (`plan.meeting`), kept as typed."""
    required: bool
    default: Text | None = None


SETTINGS_ROWS: tuple[Setting, ...] = (
    Setting(
        "plan_name",
        Text("Plan name", "Име на плана"),
        "text",
        True,
        Text("Marketing action plan", "Маркетингов план за действие"),
    ),
    Setting("start_month", Text("Start month", "Начален месец"), "month", True),
    Setting("months", Text("Months", "Брой месеци"), "months", True),
    Setting("tolerance", Text("Tolerance %", "Допуск %"), "percent", False, Text("10", "10")),
    Setting("currency", Text("Currency", "Валута"), "text", False, Text("EUR", "EUR")),
    Setting(
        "review_day",
        Text("Review day", "Ден за преглед"),
        "day",
        False,
        Text("third Thursday", "третия четвъртък"),
    ),
    Setting("review_time", Text("Review time", "Час на прегледа"), "time", False, Text("10:00", "10:00")),
    Setting("time_zone", Text("Time zone", "Часова зона"), "zone", False),
)

DEFAULT_TOLERANCE = 0.10
TEMPLATE_ROWS = 200
"""Rows each data sheet's table offers before the user has to extend it."""


def sheet_by_key(key: str) -> Sheet:
    """The schema sheet with this key (`actions`); KeyError for none."""
    for sheet in SHEETS:
        if sheet.key == key:
            return sheet
    raise KeyError(key)


def sheet_by_name(name: str) -> Sheet | None:
    """The schema sheet a workbook's sheet name means, in either language and any case."""
    return next((sheet for sheet in (*INPUT_SHEETS, REVIEW_LOG, IMPORT_LOG) if sheet.is_named(name)), None)


def is_read(name: str, keys: Collection[str] | None = None) -> bool:
    """Whether a workbook's sheet named `name` is a schema sheet that is read: any of them, or one of
    those whose keys are `keys`."""
    sheet = sheet_by_name(name)
    return sheet is not None and (keys is None or sheet.key in keys)


def column_by_header(sheet: Sheet, header: str) -> Column | None:
    """The column a header means, in either language and any case; None for a user's own column."""
    wanted = normalise(header)
    for column in sheet.columns:
        if wanted in (normalise(column.header.en), normalise(column.header.bg)):
            return column
    return None


def setting_by_key(key: str) -> Setting:
    """The Settings row with this key (`start_month`); StopIteration for none."""
    return next(setting for setting in SETTINGS_ROWS if setting.key == key)


def setting_by_label(label: str) -> Setting | None:
    wanted = normalise(label)
    for setting in SETTINGS_ROWS:
        if wanted in (normalise(setting.label.en), normalise(setting.label.bg)):
            return setting
    return None


def dropdown_columns() -> Iterator[tuple[Sheet, Column]]:
    """Every column that has a dropdown, with its sheet."""
    for sheet in INPUT_SHEETS:
        for column in sheet.columns:
            if column.dropdown:
                yield sheet, column
