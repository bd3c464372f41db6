"""The sheets sheetplan writes (the Review log, the Import log, Posts) and the Sources a team fills in
to say which export feeds each metric's actual results."""

from __future__ import annotations

from sheetplan.plan.schema.choices import HOW, STATUS, Text
from sheetplan.plan.schema.columns import (
    DATE_FORMAT,
    NUMBER_FORMAT,
    PERCENT_FORMAT,
    Column,
    Sheet,
    count,
    metric_choice,
)

REVIEW_LOG = Sheet(
    "review_log",
    Text("Review log", "Дневник на прегледите"),
    (
        Column("month", Text("Month", "Месец"), "text", True, 10),
        Column("metric_id", Text("Metric ID", "ID на показател"), "id", True, 12),
        Column("metric", Text("Metric", "Показател"), "text", False, 30),
        Column("forecast", Text("Forecast", "Прогноза"), "number", False, 12, NUMBER_FORMAT),
        Column("actual", Text("Actual", "Реално"), "number", False, 12, NUMBER_FORMAT),
        Column("variance", Text("Variance", "Отклонение"), "number", False, 12, NUMBER_FORMAT),
        Column("variance_pct", Text("Variance %", "Отклонение %"), "percent", False, 12, PERCENT_FORMAT),
        Column("status", Text("Status", "Статус"), "choice", False, 13, choices=STATUS),
    ),
)

IMPORT_LOG = Sheet(
    "import_log",
    Text("Import log", "Дневник на импорта"),
    (
        Column("month", Text("Month", "Месец"), "text", True, 10),
        Column("metric_id", Text("Metric ID", "ID на показател"), "id", True, 12),
        Column("value", Text("Value", "Стойност"), "number", False, 12, NUMBER_FORMAT),
        Column("cell", Text("Cell", "Клетка"), "text", False, 12),
        Column("files", Text("Files", "Файлове"), "text", False, 40),
        Column("sha256", Text("SHA-256", "SHA-256"), "text", False, 24),
        Column("exports", Text("Exports", "Експорти"), "text", False, 18),
    ),
)
"""Written by `sheetplan import`: each Actuals cell it filled, with what and from which files (one a
line, beside its SHA-256), so that the next import can tell its own numbers from a person's."""

SOURCES = Sheet(
    "sources",
    Text("Sources", "Източници"),
    (
        # A metric fed by several exports has a row for each, so its ID is not unique here.
        metric_choice(
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
        count("impressions", "Impressions", "Импресии"),
        count("reach", "Reach", "Обхват"),
        count("engagements", "Engagements", "Ангажирания"),
        count("reactions", "Reactions", "Реакции"),
        count("comments", "Comments", "Коментари"),
        count("shares", "Shares", "Споделяния"),
        count("clicks", "Clicks", "Кликвания"),
        Column("source_file", Text("Source file", "Файл"), "text", False, 24),
    ),
    optional=True,
)
"""Written by `sheetplan import`, one row per post; read back only to be found (`Plan.locations`)."""
