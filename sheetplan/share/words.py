"""The few words of the report and the e-mail that the review sheet does not have, in English and
Bulgarian. Every other word comes from `layout.labels` and `plan.schema`, as on the sheet."""

from __future__ import annotations

from sheetplan.plan.schema import Text

YOUR_TASKS = Text("Your tasks, {name}", "Вашите задачи, {name}")
NOTHING_YOURS = Text(
    "Nothing of yours is overdue or open this month.",
    "Нямате просрочени или отворени задачи този месец.",
)
OTHER_OPEN = Text("Other open actions", "Други отворени действия")
MADE_BY = Text(
    "Written by sheetplan {version} from {source} on {day}.",
    "Създадено от sheetplan {version} от {source} на {day}.",
)
SUBJECT = Text("{title} · {plan}", "{title} · {plan}")
