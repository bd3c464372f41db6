"""The review sheet's sections after the agenda: assumptions, metrics and goals, and what they share.

Each function adds its section at the builder's current row and leaves the row below it. Headers that
the plan's sheets already have come from `schema`, the rest from `labels`.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from sheetplan.layout import labels
from sheetplan.layout.builder import LayoutBuilder
from sheetplan.layout.sheet import CellContent, ColourRule, Range
from sheetplan.plan import words
from sheetplan.plan.model import Action
from sheetplan.plan.schema import (
    ACTIONS,
    ASSUMPTIONS,
    GOALS,
    METRICS,
    REVIEW_LOG,
    STATUS,
    STILL_TRUE,
    STILL_TRUE_STATUS,
    Lang,
    Text,
)
from sheetplan.review.model import Figures, Review, Spending

_HEAD_ROWS = 3
"""Rows of a table kept on the page of its header."""
_LIST_LIMIT = 10
"""How many items a line of text names before it says `and N more`."""

BUDGET = ACTIONS.column("budget").header
SPENT = ACTIONS.column("spent").header


def heading(sheet: LayoutBuilder, text: str) -> None:
    """A section heading across the sheet, after a blank row."""
    sheet.row += 1
    sheet.start_block()
    sheet.merge(sheet.row, 1, sheet.width, text, "heading")
    sheet.height(sheet.row, 22)
    sheet.row += 1


def subheading(sheet: LayoutBuilder, text: str) -> None:
    sheet.start_block()
    sheet.merge(sheet.row, 1, sheet.width, text, "subheading")
    sheet.row += 1


def listing(items: Sequence[str], lang: Lang, limit: int = _LIST_LIMIT) -> str:
    """Items joined with semicolons, the first `limit` of them and then `and N more`."""
    return words.listing(items, lang, limit, "; ")


def money_header(header: Text, review: Review, lang: Lang) -> str:
    """A money column's header, with the plan's currency: `Budget, EUR`."""
    text = header(lang)
    return f"{text}, {review.currency}" if review.currency else text


def share(spending: Spending) -> float | None:
    """How much of the budget is spent, as a fraction; None without a budget."""
    return spending.spent / spending.budget if spending.budget else None


def by_owner(review: Review, actions: Iterable[Action]) -> list[Action]:
    """Actions grouped by owner, in the scorecard's order of people, keeping their order within."""
    order = {owner.name: index for index, owner in enumerate(review.owners)}
    return sorted(actions, key=lambda action: order.get(action.owner, len(order)))


def header(sheet: LayoutBuilder, headers: Sequence[tuple[int, int, str]]) -> None:
    """A header row: each header spans its columns, from first to last. It is printed on the same page
    as its heading and the first rows below it."""
    for first, last, text in headers:
        sheet.merge(sheet.row, first, last, text, "header")
    sheet.height(sheet.row, 30)
    sheet.row += 1
    sheet.keep_block(_HEAD_ROWS)


def note(sheet: LayoutBuilder, text: str) -> None:
    sheet.merge(sheet.row, 1, sheet.width, text, "note")
    sheet.row += 1


def number_style(value: float | None, signed: bool = False) -> str:
    """Whole numbers without decimals, others with two; variances with their sign."""
    whole = value is None or float(value).is_integer()
    if signed:
        return "signed" if whole else "signed_decimal"
    return "number" if whole else "decimal"


def figures_at(sheet: LayoutBuilder, column: int, figures: Figures, lang: Lang) -> None:
    """Forecast, actual, variance, variance % and status in five columns from `column` of the current row."""
    sheet.put(sheet.row, column, figures.forecast, number_style(figures.forecast))
    sheet.put(sheet.row, column + 1, figures.actual, number_style(figures.actual))
    sheet.put(sheet.row, column + 2, figures.variance, number_style(figures.variance, signed=True))
    sheet.put(sheet.row, column + 3, figures.variance_pct, "percent")
    sheet.put(sheet.row, column + 4, STATUS.label(figures.status, lang), "center")


def status_rules(sheet: LayoutBuilder, cells: Range) -> None:
    """Each status label in `cells`, in either language, takes its status colour."""
    for status in STATUS.values:
        for text in STATUS.label(status, "en"), STATUS.label(status, "bg"):
            sheet.rule(ColourRule(cells, text, status))


def assumptions(sheet: LayoutBuilder, review: Review, lang: Lang) -> None:
    heading(sheet, labels.SECTION_ASSUMPTIONS(lang))
    if not review.assumptions:
        note(sheet, labels.ASSUMPTIONS_NONE(lang))
        return
    columns = ASSUMPTIONS.column
    header(
        sheet,
        [
            (1, 1, labels.NUMBER(lang)),
            (2, 2, columns("assumption").header(lang)),
            (3, 3, columns("owner").header(lang)),
            (4, 4, columns("still_true").header(lang)),
            (5, sheet.width, columns("note").header(lang)),
        ],
    )
    first = sheet.row
    for number, item in enumerate(review.assumptions, start=1):
        sheet.put(sheet.row, 1, number, "center")
        sheet.put(sheet.row, 2, item.text, "wrap")
        sheet.put(sheet.row, 3, item.owner, "text")
        sheet.put(sheet.row, 4, STILL_TRUE.label(item.still_true, lang) if item.still_true else "", "center")
        sheet.merge(sheet.row, 5, sheet.width, item.note, "wrap")
        sheet.fit(sheet.row, 2, 2, item.text)
        sheet.fit(sheet.row, 5, sheet.width, item.note)
        sheet.row += 1
    for value, status in STILL_TRUE_STATUS.items():
        for text in STILL_TRUE.label(value, "en"), STILL_TRUE.label(value, "bg"):
            sheet.rule(ColourRule(Range(first, 4, sheet.row - 1, 4), text, status))


def metrics(sheet: LayoutBuilder, review: Review, lang: Lang) -> None:
    heading(sheet, labels.SECTION_METRICS(lang))
    if not review.metrics:
        note(sheet, labels.NONE(lang))
        return
    log = REVIEW_LOG.column
    figures = [log(key).header(lang) for key in ("forecast", "actual", "variance", "variance_pct", "status")]
    header(sheet, [(1, 4, ""), (5, 9, labels.THIS_MONTH(lang)), (10, 14, labels.YEAR_TO_DATE(lang))])
    heads = [log("metric_id").header(lang), log("metric").header(lang), METRICS.column("owner").header(lang)]
    header(
        sheet,
        [
            (n, n, text)
            for n, text in enumerate([*heads, METRICS.column("unit").header(lang), *figures, *figures], 1)
        ],
    )
    first = sheet.row
    for metric in review.metrics:
        sheet.put(sheet.row, 1, metric.metric.id, "id")
        sheet.put(sheet.row, 2, metric.metric.name, "text")
        sheet.put(sheet.row, 3, metric.metric.owner, "text")
        sheet.put(sheet.row, 4, metric.metric.unit, "text")
        figures_at(sheet, 5, metric.month, lang)
        figures_at(sheet, 10, metric.ytd, lang)
        sheet.row += 1
    last = sheet.row - 1
    status_rules(sheet, Range(first, 9, last, 9))
    status_rules(sheet, Range(first, 14, last, 14))
    missing = [
        f"{metric.metric.id} ({', '.join(str(month) for month in metric.ytd.missing_months)})"
        for metric in review.metrics
        if metric.ytd.missing_months
    ]
    if missing:
        note(sheet, labels.MISSING_MONTHS(lang).format(items=listing(missing, lang)))


def goals(sheet: LayoutBuilder, review: Review, lang: Lang) -> None:
    heading(sheet, labels.SECTION_GOALS(lang))
    if not review.goals:
        note(sheet, labels.NONE(lang))
        return
    statuses = [STATUS.label(status, lang) for status in STATUS.values]
    header(sheet, [(1, 4, ""), (5, 8, labels.METRICS(lang)), (9, 12, labels.ACTIONS(lang))])
    columns = GOALS.column
    heads = [columns(key).header(lang) for key in ("goal_id", "goal", "owner", "status")]
    counts = [labels.TOTAL(lang), labels.DONE(lang), labels.OPEN(lang), labels.OVERDUE(lang)]
    header(sheet, [(n, n, text) for n, text in enumerate([*heads, *statuses, *counts], 1)])
    first = sheet.row
    for goal in review.goals:
        row: list[tuple[CellContent, str]] = [
            (goal.goal.id, "id"),
            (goal.goal.name, "wrap"),
            (goal.goal.owner, "text"),
            (STATUS.label(goal.status, lang), "center"),
            *((getattr(goal.metrics, status), "number") for status in STATUS.values),
            *(
                (value, "number")
                for value in (goal.actions.total, goal.actions.done, goal.actions.open, goal.actions.overdue)
            ),
        ]
        for column, (value, style) in enumerate(row, start=1):
            sheet.put(sheet.row, column, value, style)
        sheet.fit(sheet.row, 2, 2, goal.goal.name)
        sheet.row += 1
    status_rules(sheet, Range(first, 4, sheet.row - 1, 4))
