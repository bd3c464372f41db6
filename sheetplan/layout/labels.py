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
MEETING_DATE = Text("{weekday} {day} {month}, {time}", "{weekday}, {day} {month} г., {time}")

CHANGES = Text("What changed since {month}", "Какво се промени от {month}")
CHANGES_LAST_MONTH = Text("What changed since last month", "Какво се промени от миналия месец")
CHANGES_FIRST = Text(
    "The plan's first month: nothing to compare with yet.",
    "Първият месец на плана: още няма с какво да сравним.",
)
BETTER = Text("Better", "По-добре")
WORSE = Text("Worse", "По-зле")
REVISED = Text("Forecasts revised", "Променени прогнози")
DONE_SINCE = Text("Actions done", "Изпълнени действия")
NEW_ACTIONS = Text("New actions", "Нови действия")
NEWLY_OVERDUE = Text("Newly overdue", "Новопросрочени")

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
    "Go through each person's tasks (section 5): {names}.",
    "Минете през задачите на всеки (раздел 5): {names}.",
)
AGENDA_DECISIONS = Text("Decisions and plan changes", "Решения и промени в плана")
DECISIONS_DETAIL = Text(
    "Write each one on the {sheet} sheet with Month {month}, then change the plan's sheets.",
    "Запишете всяко в листа „{sheet}“ с месец {month}, после променете листата на плана.",
)
AGENDA_FOLLOW_UP = Text(
    "Decisions to follow up: done, or still open?", "Решения за проследяване: изпълнени ли са?"
)
FOLLOW_UP_NONE = Text("None open.", "Няма отворени.")
DUE_ON = Text("due {day}", "срок {day}")
NEW_DECISIONS = Text(
    "Write each decision on the {sheet} sheet, one row each, with Month {month}: the next review follows"
    " it up. Text typed on this sheet is moved there when the month is reviewed again.",
    "Запишете всяко решение в листа „{sheet}“, по един ред, с месец {month}: следващият преглед го"
    " проследява. Текст, написан в този лист, се премества там при следващ преглед на месеца.",
)
TYPED_IN = Text(
    "Typed in {cells}; kept here by the next review.",
    "Написано в {cells}; запазено тук от следващия преглед.",
)
EARLIER_DECISIONS_DETAIL = Text(
    "Write them in the table at the end, then change the plan's sheets.",
    "Запишете ги в таблицата накрая, после променете листата на плана.",
)
"""What review sheets said of decisions before the Decisions sheet: known as sheetplan's own wording
(`carried`), not taken for text that someone typed."""
TAKEN_HEADING = Text("Decided at this month's review", "Решено на прегледа за този месец")
NONE = Text("None.", "Няма.")

SECTION_FOLLOW_UP = Text("1. Decisions to follow up", "1. Решения за проследяване")
SECTION_ASSUMPTIONS = Text("2. Assumptions", "2. Допускания")
SECTION_METRICS = Text("3. Metrics: plan against actual", "3. Показатели: план срещу резултат")
SECTION_GOALS = Text("4. Goals", "4. Цели")
SECTION_OWNERS = Text("5. Each person: scorecard and tasks", "5. Всеки човек: карта и задачи")
SECTION_ACTIONS = Text(
    "6. Actions overdue and due next month", "6. Просрочени действия и срокове следващия месец"
)
SECTION_BUDGET = Text("7. Budget", "7. Бюджет")
SECTION_DECISIONS = Text("8. Decisions and plan changes", "8. Решения и промени в плана")

THIS_MONTH = Text("This month", "Този месец")
YEAR_TO_DATE = Text("Year to date", "Натрупано")
MISSING_MONTHS = Text(
    "Year to date leaves out months without both a forecast and an actual: {items}.",
    "Натрупаното не включва месеци без прогноза или без резултат: {items}.",
)
CHART_MONTH = Text("Against forecast, {month} (better →)", "Спрямо прогнозата, {month} (по-добре →)")
CHART_YTD = Text("Against forecast, year to date (better →)", "Спрямо прогнозата, натрупано (по-добре →)")
ACHIEVEMENT = Text("Against forecast, better to the right", "Спрямо прогнозата, по-доброто е вдясно")
ACHIEVEMENT_NOTE = Text(
    "How far each metric is from its forecast, positive when it did better than planned (more for a"
    " metric that should go up, less for one that should go down).",
    "Колко е всеки показател от прогнозата си, положително, когато е по-добре от плана (повече за"
    " показател, който трябва да расте, по-малко за такъв, който трябва да намалява).",
)
CHART_FIRST = Text(
    "The charts show the first {count} metrics.", "Графиките показват първите {count} показателя."
)

AGAINST_BASELINE = Text(
    "Against the baseline: the forecasts as first agreed",
    "Спрямо базовата прогноза: прогнозите, както са договорени",
)
NO_BASELINE = Text(
    "No baseline yet: once the forecasts are agreed, run  sheetplan baseline  to keep them; every review then"
    " compares with them too.",
    "Още няма базова прогноза: когато прогнозите са договорени, изпълнете  sheetplan baseline ; всеки преглед"
    " ще сравнява и с нея.",
)
BASELINE = schema.BASELINE.name
AGAINST_FORECAST = Text("Variance % against forecast", "Отклонение % спрямо прогнозата")
MONTH_AGAINST_BASELINE = Text("This month against the baseline", "Този месец спрямо базовата")
YEAR_END = Text("Year end: outlook against the baseline", "Краят на годината: очаквано спрямо базовата")
OUTLOOK = Text("Outlook", "Очаквано")
ID = Text("ID", "Код")
MORE_ACTIONS = Text(
    "And {count} more open actions, due later, on the {sheet} sheet.",
    "И още {count} отворени действия с по-късен срок в листа „{sheet}“.",
)
TASK = Text("Action, metric or decision", "Действие, показател или решение")
TRENDS = Text("Month by month", "Месец по месец")
TREND_NOTE = Text(
    "Each actual takes the colour of its status against the month's forecast.",
    "Всеки резултат е оцветен според статуса си спрямо прогнозата за месеца.",
)
TREND_CHARTS_FIRST = Text(
    "Charts for the {count} metrics furthest off track.",
    "Графики за {count}-те показателя най-далеч от графика.",
)
SECTION_CONTENT = Text("Content and cadence", "Съдържание и честота")
POSTS_PER_WEEK = Text("Posts per week against the plan", "Публикации седмично спрямо плана")
WEEK_OF = Text("Week of {day}", "Седмица от {day}")
OVER_MAX = Text("{channel}, week of {day}: {posts}", "{channel}, седмица от {day}: {posts}")
OVER_WEEKS = Text("Over the maximum: {items}.", "Над максимума: {items}.")
NO_WEEK_OVER = Text("No week over a channel's maximum.", "Нито една седмица над максимума на канала.")
TOP_POSTS = Text(
    "Top posts of the month by engagement rate, per channel and post type",
    "Най-добрите публикации за месеца по ангажираност, по канал и вид",
)
ENGAGEMENT_RATE = Text("Engagement rate", "Ангажираност")
SAME_TEXT = Text(
    "The same text on several channels: intended?", "Един и същ текст в няколко канала: нарочно ли е?"
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
