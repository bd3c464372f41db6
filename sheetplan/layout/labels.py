"""Every word the review sheet shows, in English and Bulgarian, in one place.

Column headers that the plan's sheets already have (Metric ID, Owner, Due...) come from `schema`; this
module holds the rest. `{name}` fields are filled in by `layout.review`.
"""

from __future__ import annotations

from sheetplan.plan import schema
from sheetplan.plan.model import Month
from sheetplan.plan.schema import Lang, Text

_MONTH_NAMES = (
    Text("January", "януари"),
    Text("February", "февруари"),
    Text("March", "март"),
    Text("April", "април"),
    Text("May", "май"),
    Text("June", "юни"),
    Text("July", "юли"),
    Text("August", "август"),
    Text("September", "септември"),
    Text("October", "октомври"),
    Text("November", "ноември"),
    Text("December", "декември"),
)


def month_name(month: Month, lang: Lang) -> str:
    """A month as people say it: `March 2026`, `март 2026`."""
    return f"{_MONTH_NAMES[month.month - 1](lang)} {month.year}"


TITLE = Text("Monthly review: {month}", "Месечен преглед: {month}")
SUBTITLE = Text(
    "{plan} · plan against actual for {month}, year to date since {start}",
    "{plan} · план срещу резултат за {month}, натрупано от {start}",
)
AS_OF = Text(
    "Actions and spending are as the plan holds them on {day}, not as they stood at the end of {month}.",
    "Действията и разходите са такива, каквито са в плана на {day}, а не каквито бяха в края на {month}.",
)
REVIEW_DAY = Text("Review meeting: {day}", "Среща за преглед: {day}")

GLANCE = Text("At a glance", "Накратко")
METRICS_THIS_MONTH = Text("Metrics this month", "Показатели за месеца")
ACTIONS = schema.ACTIONS.name
MONEY = Text("Money", "Пари")
OVERDUE = Text("Overdue", "Просрочени")
DUE_NEXT = Text("Due next month", "Следващ месец")
OPEN = Text("Open", "Отворени")
DONE = Text("Done", "Готови")
TOTAL = Text("Total", "Общо")
PLAN_TOTAL = Text("Whole plan", "Целият план")
REMAINING = Text("Remaining", "Остатък")
SPENT_SHARE = Text("Spent %", "Изразходвано %")

AGENDA = Text("Agenda", "Дневен ред")
AGENDA_ASSUMPTIONS = Text("Assumptions: are they still true?", "Допусканията: още ли са верни?")
ASSUMPTIONS_TO_CONFIRM = Text("To confirm: {items}.", "За потвърждаване: {items}.")
ASSUMPTIONS_HOLD = Text(
    "All {count} still hold; has anything changed?", "Всички {count} още са верни; има ли промяна?"
)
ASSUMPTIONS_NONE = Text(
    "None written down: add the beliefs the plan rests on to the Assumptions sheet.",
    "Няма записани: добавете допусканията, на които стъпва планът, в листа „Допускания“.",
)
AGENDA_OFF_TRACK = Text(
    "Off-track metrics: what went wrong, what changes?",
    "Показатели извън график: какво се обърка, какво променяме?",
)
AGENDA_AT_RISK = Text(
    "At-risk metrics: what keeps them on course?", "Показатели под риск: как да ги задържим?"
)
AGENDA_OVERDUE = Text("Overdue actions, by person", "Просрочени действия по хора")
AGENDA_PEOPLE = Text("Each person's tasks", "Задачите на всеки")
PEOPLE_DETAIL = Text(
    "Go through the owners' scorecard: {names}.", "Минете през картата на отговорниците: {names}."
)
AGENDA_DECISIONS = Text("Decisions and plan changes", "Решения и промени в плана")
DECISIONS_DETAIL = Text(
    "Write them in the table at the end, then change the plan's sheets.",
    "Запишете ги в таблицата накрая, после променете листата на плана.",
)
NONE = Text("None.", "Няма.")

SECTION_ASSUMPTIONS = Text("1. Assumptions", "1. Допускания")
SECTION_METRICS = Text("2. Metrics: plan against actual", "2. Показатели: план срещу резултат")
SECTION_GOALS = Text("3. Goals", "3. Цели")
SECTION_OWNERS = Text("4. Owners' scorecard", "4. Карта на отговорниците")
SECTION_ACTIONS = Text(
    "5. Actions overdue and due next month", "5. Просрочени действия и срокове следващия месец"
)
SECTION_BUDGET = Text("6. Budget", "6. Бюджет")
SECTION_DECISIONS = Text("7. Decisions and plan changes", "7. Решения и промени в плана")

THIS_MONTH = Text("This month", "Този месец")
YEAR_TO_DATE = Text("Year to date", "Натрупано")
MISSING_MONTHS = Text(
    "Year to date leaves out months without both a forecast and an actual: {items}.",
    "Натрупаното не включва месеци без прогноза или без резултат: {items}.",
)
CHART_MONTH = Text("Forecast and actual, {month}", "Прогноза и резултат, {month}")
CHART_YTD = Text("Year-to-date variance %", "Натрупано отклонение %")
CHART_FIRST = Text(
    "The charts show the first {count} metrics.", "Графиките показват първите {count} показателя."
)

METRICS = schema.METRICS.name
ROLE = schema.OWNERS.column("role").header
OVERDUE_HEADING = Text("Overdue", "Просрочени")
DUE_NEXT_HEADING = Text("Due next month", "Срок следващия месец")
BY_GOAL = Text("By goal", "По цели")
BY_OWNER = Text("By owner", "По отговорници")
BY_ACTION = Text("By action (those with a budget or spending)", "По действия (с бюджет или разход)")
NUMBER = Text("#", "№")
DECISION = Text("Decision or plan change", "Решение или промяна в плана")
PAGE = Text("Page {page} of {pages}", "Стр. {page} от {pages}")
