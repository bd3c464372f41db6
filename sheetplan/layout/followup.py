"""The review sheet's follow-up sections: the owners' scorecard, actions and the budget.

Like `sections`, each function adds its section at the builder's current row.
"""

from __future__ import annotations

from sheetplan.layout import labels
from sheetplan.layout.builder import LayoutBuilder
from sheetplan.layout.sections import (
    BUDGET,
    SPENT,
    by_owner,
    header,
    heading,
    money_header,
    note,
    share,
    subheading,
)
from sheetplan.layout.sheet import CellContent
from sheetplan.plan.schema import ACTION_STATUS, ACTIONS, GOALS, STATUS, Lang
from sheetplan.review.model import Review, Spending


def owners(sheet: LayoutBuilder, review: Review, lang: Lang) -> None:
    heading(sheet, labels.SECTION_OWNERS(lang))
    if not review.owners:
        note(sheet, labels.NONE(lang))
        return
    header(
        sheet,
        [
            (1, 3, ""),
            (4, 7, labels.ACTIONS(lang)),
            (8, 11, labels.METRICS(lang)),
            (12, 14, labels.MONEY(lang)),
        ],
    )
    statuses = [STATUS.label(status, lang) for status in STATUS.values]
    counts = [labels.TOTAL(lang), labels.DONE(lang), labels.OPEN(lang), labels.OVERDUE(lang)]
    money = [money_header(BUDGET, review, lang), money_header(SPENT, review, lang), labels.REMAINING(lang)]
    heads = [labels.NUMBER(lang), ACTIONS.column("owner").header(lang), labels.ROLE(lang)]
    header(sheet, [(n, n, text) for n, text in enumerate([*heads, *counts, *statuses, *money], 1)])
    for number, owner in enumerate(review.owners, start=1):
        actions = owner.actions
        row: list[tuple[CellContent, str]] = [
            (number, "center"),
            (owner.name, "id"),
            (owner.owner.role if owner.owner else "", "text"),
            *((value, "number") for value in (actions.total, actions.done, actions.open, actions.overdue)),
            *((getattr(owner.metrics, status), "number") for status in STATUS.values),
            (owner.spending.budget, "money"),
            (owner.spending.spent, "money"),
            (owner.spending.remaining, "money"),
        ]
        for column, (value, style) in enumerate(row, start=1):
            sheet.put(sheet.row, column, value, style)
        sheet.row += 1


def actions(sheet: LayoutBuilder, review: Review, lang: Lang) -> None:
    heading(sheet, labels.SECTION_ACTIONS(lang))
    for title, found in (
        (labels.OVERDUE_HEADING(lang), review.actions_overdue),
        (labels.DUE_NEXT_HEADING(lang), review.actions_due_next_month),
    ):
        subheading(sheet, title)
        if not found:
            note(sheet, labels.NONE(lang))
            continue
        columns = ACTIONS.column
        keys = ("action_id", "action", "owner", "due", "status", "goal_id")
        header(
            sheet,
            [
                *((n, n, columns(key).header(lang)) for n, key in enumerate(keys, 1)),
                (7, 14, columns("notes").header(lang)),
            ],
        )
        for action in by_owner(review, found):
            sheet.put(sheet.row, 1, action.id, "id")
            sheet.put(sheet.row, 2, action.name, "wrap")
            sheet.put(sheet.row, 3, action.owner, "text")
            sheet.put(sheet.row, 4, action.due, "date")
            sheet.put(
                sheet.row, 5, ACTION_STATUS.label(action.status, lang) if action.status else "", "center"
            )
            sheet.put(sheet.row, 6, action.goal_id, "center")
            sheet.merge(sheet.row, 7, sheet.width, action.notes, "wrap")
            sheet.fit(sheet.row, 2, 2, action.name)
            sheet.fit(sheet.row, 7, sheet.width, action.notes)
            sheet.row += 1
        sheet.row += 1


def budget(sheet: LayoutBuilder, review: Review, lang: Lang) -> None:
    """The plan's money: its total, then by goal, by owner and by action."""
    heading(sheet, labels.SECTION_BUDGET(lang))
    money = [money_header(BUDGET, review, lang), money_header(SPENT, review, lang)]
    money += [labels.REMAINING(lang), labels.SPENT_SHARE(lang)]
    header(sheet, [(1, 3, ""), *((n, n, text) for n, text in enumerate(money, 4))])
    sheet.merge(sheet.row, 1, 3, labels.PLAN_TOTAL(lang), "total_label")
    _money(sheet, review.spending, "total_money", "total_share")
    sheet.row += 2
    goal, action = GOALS.column, ACTIONS.column
    tables = (
        (
            labels.BY_GOAL(lang),
            (goal("goal_id").header(lang), goal("goal").header(lang), goal("owner").header(lang)),
            [(item.goal.id, item.goal.name, item.goal.owner, item.spending) for item in review.goals],
        ),
        (
            labels.BY_OWNER(lang),
            (labels.NUMBER(lang), action("owner").header(lang), labels.ROLE(lang)),
            [
                (number, item.name, item.owner.role if item.owner else "", item.spending)
                for number, item in enumerate(review.owners, start=1)
            ],
        ),
        (
            labels.BY_ACTION(lang),
            (action("action_id").header(lang), action("action").header(lang), action("owner").header(lang)),
            [
                (item.action.id, item.action.name, item.action.owner, item.spending)
                for item in review.actions_spending
                if item.spending.budget or item.spending.spent
            ],
        ),
    )
    for title, heads, rows in tables:
        subheading(sheet, title)
        if not rows:
            note(sheet, labels.NONE(lang))
            continue
        header(sheet, [(n, n, text) for n, text in enumerate([*heads, *money], 1)])
        for first, name, owner, spending in rows:
            sheet.put(sheet.row, 1, first, "center" if isinstance(first, int) else "id")
            sheet.put(sheet.row, 2, name, "wrap")
            sheet.fit(sheet.row, 2, 2, name)
            sheet.put(sheet.row, 3, owner, "text")
            _money(sheet, spending, "money", "share")
            sheet.row += 1
        sheet.row += 1


def _money(sheet: LayoutBuilder, spending: Spending, money: str, percent: str) -> None:
    """Budget, spent, remaining and the share spent, in columns D to G of the current row."""
    values = (spending.budget, spending.spent, spending.remaining)
    for column, value in enumerate(values, start=4):
        sheet.put(sheet.row, column, value, money)
    sheet.put(sheet.row, 7, share(spending), percent)
