"""The sheets a team fills in: Settings, Goals, Owners, Channels, Actions, Metrics, the monthly numbers,
Assumptions and Decisions."""

from __future__ import annotations

from sheetplan.plan.schema.choices import (
    ACTION_STATUS,
    AGGREGATION,
    DECISION_STATUS,
    DIRECTION,
    GOAL_STATUS,
    STILL_TRUE,
    Text,
)
from sheetplan.plan.schema.columns import (
    CHANNEL_LIST,
    DATE_FORMAT,
    DATE_HINT,
    MONEY_FORMAT,
    NUMBER_FORMAT,
    Column,
    Sheet,
    goal_id,
    metric_choice,
    metric_id,
    owner,
    tolerance,
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
        owner(),
        Column(
            "target_date", Text("Target date", "Краен срок"), "date", False, 13, DATE_FORMAT, hint=DATE_HINT
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
            NUMBER_FORMAT,
        ),
        Column(
            "max_per_week",
            Text("Max posts per week", "Максимум публикации седмично"),
            "number",
            False,
            16,
            NUMBER_FORMAT,
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
        goal_id(),
        Column("action", Text("Action", "Действие"), "text", True, 40),
        Column(
            "channel",
            Text("Channel", "Канал"),
            "choice",
            False,
            14,
            source=CHANNEL_LIST,
            hint=Text("A channel from the Channels sheet.", "Канал от листа „Канали“."),
        ),
        owner(),
        Column("start", Text("Start", "Начало"), "date", False, 12, DATE_FORMAT, hint=DATE_HINT),
        Column("due", Text("Due", "Срок"), "date", True, 12, DATE_FORMAT, hint=DATE_HINT),
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
        Column("budget", Text("Budget", "Бюджет"), "money", False, 12, MONEY_FORMAT),
        Column("spent", Text("Spent", "Изразходвано"), "money", False, 14, MONEY_FORMAT),
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
        goal_id(),
        owner(),
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
        tolerance(),
        Column("source", Text("Source", "Източник"), "text", False, 24),
    ),
)

_MONTHLY_COLUMNS = (
    metric_id(),
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
        owner(required=False),
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
        owner(),
        Column("due", Text("Due", "Срок"), "date", False, 12, DATE_FORMAT, hint=DATE_HINT),
        Column(
            "status",
            Text("Status", "Статус"),
            "choice",
            True,
            12,
            choices=DECISION_STATUS,
            hint=Text("open, done or dropped.", "отворено, изпълнено или отпаднало."),
        ),
        metric_choice(
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
