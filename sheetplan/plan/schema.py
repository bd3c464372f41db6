"""The plan workbook's shape: sheets, columns, settings and dropdown values, in English and Bulgarian.

Everything that writes or reads a workbook (the template, the readers, the checks, the review and the
Google Sheets backend) takes sheet names, headers and dropdown values from here, so a header is typed
once. Dropdown values are stored in the plan under their English value; a Bulgarian workbook shows the
Bulgarian label, and readers accept either.
"""

from __future__ import annotations

from collections.abc import Collection, Iterator
from dataclasses import dataclass
from typing import Literal

from sheetplan.plan.defaults import DEFAULT_MONTHS as DEFAULT_MONTHS
from sheetplan.plan.defaults import LANGS as LANGS
from sheetplan.plan.defaults import MAX_MONTHS as MAX_MONTHS
from sheetplan.plan.defaults import Lang as Lang

_ColumnType = Literal["text", "id", "date", "number", "money", "percent", "choice", "email"]


def normalise(text: str) -> str:
    """The form in which names are compared: any case, runs of spaces folded, ends trimmed."""
    return " ".join(str(text).split()).casefold()


@dataclass(frozen=True)
class Text:
    """A piece of text a user reads, in every language sheetplan speaks."""

    en: str
    bg: str

    def __call__(self, lang: Lang) -> str:
        return self.bg if lang == "bg" else self.en

    def all(self) -> tuple[str, ...]:
        return (self.en, self.bg)


@dataclass(frozen=True)
class Choices:
    """The values a dropdown offers: each an English value with its labels."""

    key: str
    options: tuple[tuple[str, Text], ...]

    @property
    def values(self) -> tuple[str, ...]:
        return tuple(value for value, _ in self.options)

    def labels(self, lang: Lang) -> list[str]:
        return [label(lang) for _, label in self.options]

    def label(self, value: str, lang: Lang) -> str:
        """The label of `value` in `lang`; a value that is none of the options (a plan reviewed with
        `--force`) is shown as it was typed."""
        label = dict(self.options).get(value)
        return label(lang) if label is not None else value

    def match(self, text: str) -> str | None:
        """The value a typed label means, in either language and any case; None when it means none."""
        wanted = normalise(text)
        for value, label in self.options:
            if wanted in (normalise(value), *(normalise(name) for name in label.all())):
                return value
        return None


def _choices(key: str, *options: tuple[str, str, str]) -> Choices:
    return Choices(key, tuple((value, Text(en, bg)) for value, en, bg in options))


GOAL_STATUS = _choices(
    "goal_status",
    ("active", "active", "активна"),
    ("achieved", "achieved", "постигната"),
    ("dropped", "dropped", "отпаднала"),
)
ACTION_STATUS = _choices(
    "action_status",
    ("not started", "not started", "не е започнато"),
    ("in progress", "in progress", "в процес"),
    ("done", "done", "готово"),
    ("blocked", "blocked", "блокирано"),
    ("dropped", "dropped", "отпаднало"),
)
DIRECTION = _choices(
    "direction",
    ("up", "up", "нагоре"),
    ("down", "down", "надолу"),
)
AGGREGATION = _choices(
    "aggregation",
    ("sum", "sum", "сума"),
    ("last", "last", "последна"),
    ("average", "average", "средна"),
)
STILL_TRUE = _choices(
    "still_true",
    ("yes", "yes", "да"),
    ("no", "no", "не"),
    ("unsure", "unsure", "не е ясно"),
)
DECISION_STATUS = _choices(
    "decision_status",
    ("open", "open", "отворено"),
    ("done", "done", "изпълнено"),
    ("dropped", "dropped", "отпаднало"),
)
DECISION_OPEN = "open"
"""The status of a decision still to be carried out: the review follows it up."""
STATUS = _choices(
    "status",
    ("on_track", "on track", "в график"),
    ("at_risk", "at risk", "под риск"),
    ("off_track", "off track", "извън график"),
    ("no_data", "no data", "няма данни"),
)
"""The review's status of a metric or goal (docs/variance.md); written by reviews, not typed."""

GOAL_DROPPED = "dropped"
"""The goal status of a goal given up: it needs no actions or metrics."""
ACTION_DONE, ACTION_DROPPED = "done", "dropped"
DONE_STATUSES = frozenset({ACTION_DONE, ACTION_DROPPED})
"""Action statuses that close an action: it can no longer be overdue."""
STILL_TRUE_YES = "yes"
STILL_TRUE_STATUS = {STILL_TRUE_YES: "on_track", "unsure": "at_risk", "no": "off_track"}
"""How a review shows an assumption's Still true? answer: as the status of a metric."""


@dataclass(frozen=True)
class _ListSource:
    """A dropdown fed by another sheet's column, through a defined name (Excel drops direct ranges)."""

    sheet: str
    column: str
    defined_name: str


_OWNER_LIST = _ListSource("owners", "owner", "OwnerList")
_CHANNEL_LIST = _ListSource("channels", "channel", "ChannelList")
_GOAL_LIST = _ListSource("goals", "goal_id", "GoalList")
_METRIC_LIST = _ListSource("metrics", "metric_id", "MetricList")
LIST_SOURCES = (_OWNER_LIST, _CHANNEL_LIST, _GOAL_LIST, _METRIC_LIST)


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
    source: _ListSource | None = None
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
_MONEY_FORMAT = "#,##0.00"
_NUMBER_FORMAT = "General"
_PERCENT_FORMAT = "0.0%"

_OWNER_HINT = Text(
    "One person from the Owners sheet. One owner per task: add people on the Owners sheet first.",
    "Един човек от листа „Отговорници“. Един отговорник на задача: първо добавете хората там.",
)
_GOAL_HINT = Text("A Goal ID from the Goals sheet.", "ID на цел от листа „Цели“.")
_DATE_HINT = Text("A date, for example 2026-03-31.", "Дата, например 2026-03-31.")


def _owner(required: bool = True) -> Column:
    return Column(
        "owner", Text("Owner", "Отговорник"), "choice", required, 16, source=_OWNER_LIST, hint=_OWNER_HINT
    )


def _goal_id() -> Column:
    return Column(
        "goal_id", Text("Goal ID", "ID на цел"), "choice", True, 11, source=_GOAL_LIST, hint=_GOAL_HINT
    )


def _metric_id() -> Column:
    return Column(
        "metric_id",
        Text("Metric ID", "ID на показател"),
        "id",
        True,
        12,
        source=_METRIC_LIST,
        hint=Text("A Metric ID from the Metrics sheet.", "ID на показател от листа „Показатели“."),
    )


def _metric_choice(required: bool, hint: Text) -> Column:
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


def _tolerance() -> Column:
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


GUIDE = Sheet("guide", Text("Guide", "Ръководство"))

SETTINGS = Sheet(
    "settings",
    Text("Settings", "Настройки"),
    (
        Column("setting", Text("Setting", "Настройка"), "text", True, 22),
        Column("value", Text("Value", "Стойност"), "text", True, 32),
    ),
)

GOALS = Sheet(
    "goals",
    Text("Goals", "Цели"),
    (
        Column("goal_id", Text("Goal ID", "ID на цел"), "id", True, 11),
        Column("goal", Text("Goal", "Цел"), "text", True, 36),
        Column("problem", Text("Problem", "Проблем"), "text", True, 40),
        Column("why", Text("Why it matters", "Защо е важно"), "text", True, 40),
        _owner(),
        Column(
            "target_date", Text("Target date", "Краен срок"), "date", False, 13, DATE_FORMAT, hint=_DATE_HINT
        ),
        Column(
            "status",
            Text("Status", "Статус"),
            "choice",
            False,
            13,
            choices=GOAL_STATUS,
            hint=Text("active, achieved or dropped.", "активна, постигната или отпаднала."),
        ),
    ),
)

OWNERS = Sheet(
    "owners",
    Text("Owners", "Отговорници"),
    (
        Column("owner", Text("Owner", "Отговорник"), "text", True, 20),
        Column("role", Text("Role", "Роля"), "text", False, 24),
        Column("email", Text("Email", "Имейл"), "email", False, 30),
    ),
)

CHANNELS = Sheet(
    "channels",
    Text("Channels", "Канали"),
    (
        Column("channel", Text("Channel", "Канал"), "text", True, 16),
        Column("handle", Text("Handle", "Профил"), "text", False, 22),
        Column(
            "planned_per_week",
            Text("Planned posts per week", "Планирани публикации седмично"),
            "number",
            False,
            16,
            _NUMBER_FORMAT,
        ),
        Column(
            "max_per_week",
            Text("Max posts per week", "Максимум публикации седмично"),
            "number",
            False,
            16,
            _NUMBER_FORMAT,
            hint=Text(
                "How many posts a week are too many for this channel.",
                "Колко публикации седмично са твърде много за този канал.",
            ),
        ),
        Column("notes", Text("Notes", "Бележки"), "text", False, 40),
    ),
    optional=True,
)

ACTIONS = Sheet(
    "actions",
    Text("Actions", "Действия"),
    (
        Column("action_id", Text("Action ID", "ID на действие"), "id", True, 12),
        _goal_id(),
        Column("action", Text("Action", "Действие"), "text", True, 40),
        Column(
            "channel",
            Text("Channel", "Канал"),
            "choice",
            False,
            14,
            source=_CHANNEL_LIST,
            hint=Text("A channel from the Channels sheet.", "Канал от листа „Канали“."),
        ),
        _owner(),
        Column("start", Text("Start", "Начало"), "date", False, 12, DATE_FORMAT, hint=_DATE_HINT),
        Column("due", Text("Due", "Срок"), "date", True, 12, DATE_FORMAT, hint=_DATE_HINT),
        Column(
            "status",
            Text("Status", "Статус"),
            "choice",
            True,
            13,
            choices=ACTION_STATUS,
            hint=Text(
                "not started, in progress, done, blocked or dropped.",
                "не е започнато, в процес, готово, блокирано или отпаднало.",
            ),
        ),
        Column("budget", Text("Budget", "Бюджет"), "money", False, 12, _MONEY_FORMAT),
        Column("spent", Text("Spent", "Изразходвано"), "money", False, 14, _MONEY_FORMAT),
        Column("expected", Text("Expected result", "Очакван резултат"), "text", False, 30),
        Column("notes", Text("Notes", "Бележки"), "text", False, 30),
    ),
)

METRICS = Sheet(
    "metrics",
    Text("Metrics", "Показатели"),
    (
        Column("metric_id", Text("Metric ID", "ID на показател"), "id", True, 12),
        Column("metric", Text("Metric", "Показател"), "text", True, 32),
        _goal_id(),
        _owner(),
        Column("unit", Text("Unit", "Мерна единица"), "text", False, 12),
        Column(
            "direction",
            Text("Direction", "Посока"),
            "choice",
            True,
            11,
            choices=DIRECTION,
            hint=Text(
                "up: higher is better; down: lower is better.",
                "нагоре: повече е по-добре; надолу: по-малко е по-добре.",
            ),
        ),
        Column(
            "aggregation",
            Text("Aggregation", "Агрегиране"),
            "choice",
            True,
            13,
            choices=AGGREGATION,
            hint=Text(
                "How months add up to the year: sum, last (the latest month) or average.",
                "Как месеците дават годината: сума, последна (последният месец) или средна.",
            ),
        ),
        _tolerance(),
        Column("source", Text("Source", "Източник"), "text", False, 24),
    ),
)

_MONTHLY_COLUMNS = (
    _metric_id(),
    Column("metric", Text("Metric", "Показател"), "text", False, 30),
)
FORECASTS = Sheet(
    "forecasts", Text("Forecasts", "Прогнози"), _MONTHLY_COLUMNS, monthly=True, months_required=True
)
ACTUALS = Sheet("actuals", Text("Actuals", "Резултати"), _MONTHLY_COLUMNS, monthly=True)
BASELINE = Sheet(
    "baseline", Text("Baseline", "Базова прогноза"), _MONTHLY_COLUMNS, monthly=True, optional=True
)
"""The forecasts as first agreed, copied from Forecasts by `sheetplan baseline`; not typed by hand."""

ASSUMPTIONS = Sheet(
    "assumptions",
    Text("Assumptions", "Допускания"),
    (
        Column("assumption", Text("Assumption", "Допускане"), "text", True, 50),
        _owner(required=False),
        Column(
            "still_true",
            Text("Still true?", "Още ли е вярно?"),
            "choice",
            False,
            14,
            choices=STILL_TRUE,
            hint=Text(
                "yes, no or unsure: answer it at every review.",
                "да, не или не е ясно: отговаряйте на всеки преглед.",
            ),
        ),
        Column("note", Text("Note", "Бележка"), "text", False, 40),
    ),
    optional=True,
)

DECISIONS = Sheet(
    "decisions",
    Text("Decisions", "Решения"),
    (
        Column(
            "month",
            Text("Month", "Месец"),
            "text",
            True,
            10,
            hint=Text(
                "The month of the review that took the decision, as YYYY-MM.",
                "Месецът на прегледа, на който е взето решението, като ГГГГ-ММ.",
            ),
        ),
        Column("decision", Text("Decision", "Решение"), "text", True, 44),
        _owner(),
        Column("due", Text("Due", "Срок"), "date", False, 12, DATE_FORMAT, hint=_DATE_HINT),
        Column(
            "status",
            Text("Status", "Статус"),
            "choice",
            True,
            12,
            choices=DECISION_STATUS,
            hint=Text("open, done or dropped.", "отворено, изпълнено или отпаднало."),
        ),
        _metric_choice(
            False,
            Text("The metric the decision is about, if any.", "Показателят, за който е решението, ако има."),
        ),
        Column(
            "action_id",
            Text("Action ID", "ID на действие"),
            "id",
            False,
            12,
            hint=Text(
                "The action the decision changes or adds, if any.",
                "Действието, което решението променя или добавя, ако има.",
            ),
        ),
        Column("notes", Text("Notes", "Бележки"), "text", False, 36),
    ),
    optional=True,
)
"""What the review meetings decided, one row each; a review carries text typed into its sheet here."""

REVIEW_LOG = Sheet(
    "review_log",
    Text("Review log", "Дневник на прегледите"),
    (
        Column("month", Text("Month", "Месец"), "text", True, 10),
        Column("metric_id", Text("Metric ID", "ID на показател"), "id", True, 12),
        Column("metric", Text("Metric", "Показател"), "text", False, 30),
        Column("forecast", Text("Forecast", "Прогноза"), "number", False, 12, _NUMBER_FORMAT),
        Column("actual", Text("Actual", "Реално"), "number", False, 12, _NUMBER_FORMAT),
        Column("variance", Text("Variance", "Отклонение"), "number", False, 12, _NUMBER_FORMAT),
        Column("variance_pct", Text("Variance %", "Отклонение %"), "percent", False, 12, _PERCENT_FORMAT),
        Column("status", Text("Status", "Статус"), "choice", False, 13, choices=STATUS),
    ),
)

IMPORT_LOG = Sheet(
    "import_log",
    Text("Import log", "Дневник на импорта"),
    (
        Column("month", Text("Month", "Месец"), "text", True, 10),
        Column("metric_id", Text("Metric ID", "ID на показател"), "id", True, 12),
        Column("value", Text("Value", "Стойност"), "number", False, 12, _NUMBER_FORMAT),
        Column("cell", Text("Cell", "Клетка"), "text", False, 12),
        Column("files", Text("Files", "Файлове"), "text", False, 40),
        Column("sha256", Text("SHA-256", "SHA-256"), "text", False, 24),
        Column("exports", Text("Exports", "Експорти"), "text", False, 18),
    ),
)
"""Written by `sheetplan import`: each Actuals cell it filled, with what and from which files (one a
line, beside its SHA-256), so that the next import can tell its own numbers from a person's."""

# The sheets of `sheetplan import`: which export feeds each metric's actual results, and the posts read.

HOW = _choices(
    "how",
    ("sum", "sum", "сума"),
    ("last", "last", "последна"),
    ("average", "average", "средна"),
    ("max", "max", "най-голяма"),
)
"""How a Sources row turns an export's days or posts into a month's number."""

SOURCES = Sheet(
    "sources",
    Text("Sources", "Източници"),
    (
        # A metric fed by several exports has a row for each, so its ID is not unique here.
        _metric_choice(
            True, Text("A Metric ID from the Metrics sheet.", "ID на показател от листа „Показатели“.")
        ),
        Column(
            "export",
            Text("Export", "Експорт"),
            "choice",
            True,
            18,
            export_kinds=True,
            hint=Text(
                "The kind of export the number comes from, such as Meta posts or GA4.",
                "Видът експорт, от който идва числото, например Meta posts или GA4.",
            ),
        ),
        Column(
            "value",
            Text("Value", "Стойност"),
            "text",
            True,
            28,
            hint=Text(
                "A column of the export, posts to count its rows, or two columns as A + B or A / B.",
                "Колона от експорта, posts за броя на редовете му, или две колони като A + B или A / B.",
            ),
        ),
        Column(
            "filter",
            Text("Filter", "Филтър"),
            "text",
            False,
            28,
            hint=Text(
                "Only the rows where a column has a value, as Column = value.",
                "Само редовете, в които колона има дадена стойност, като Колона = стойност.",
            ),
        ),
        Column(
            "how",
            Text("How", "Как"),
            "choice",
            False,
            12,
            choices=HOW,
            hint=Text(
                "How the month's days or posts add up: sum, last, average or max; blank for the"
                " metric's Aggregation.",
                "Как се събират дните или публикациите за месеца: сума, последна, средна или най-голяма;"
                " празно за агрегирането на показателя.",
            ),
        ),
    ),
    optional=True,
)


def _count(key: str, en: str, bg: str) -> Column:
    return Column(key, Text(en, bg), "number", False, 12, _NUMBER_FORMAT)


POSTS = Sheet(
    "posts",
    Text("Posts", "Публикации"),
    (
        Column("channel", Text("Channel", "Канал"), "text", False, 14),
        Column("post_id", Text("Post ID", "ID на публикация"), "text", False, 20),
        Column("published", Text("Published", "Публикувана"), "date", False, 12, DATE_FORMAT),
        Column("type", Text("Type", "Вид"), "text", False, 12),
        Column("text", Text("Text", "Текст"), "text", False, 40),
        Column("link", Text("Link", "Връзка"), "text", False, 30),
        _count("impressions", "Impressions", "Импресии"),
        _count("reach", "Reach", "Обхват"),
        _count("engagements", "Engagements", "Ангажирания"),
        _count("reactions", "Reactions", "Реакции"),
        _count("comments", "Comments", "Коментари"),
        _count("shares", "Shares", "Споделяния"),
        _count("clicks", "Clicks", "Кликвания"),
        Column("source_file", Text("Source file", "Файл"), "text", False, 24),
    ),
    optional=True,
)
"""Written by `sheetplan import`, one row per post; read back only to be found (`Plan.locations`)."""

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
