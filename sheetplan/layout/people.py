"""The review sheet's list of each person's tasks: their open actions by due date (the overdue first),
the metrics they own with the month's status, and their open decisions.

It follows the owners' scorecard (`followup.owners`), one small table per person with anything to go
through, so that the meeting can take the people one by one.
"""

from __future__ import annotations

from datetime import date

from sheetplan.layout import labels
from sheetplan.layout.builder import LayoutBuilder
from sheetplan.layout.sections import header, note, subheading
from sheetplan.plan.schema import ACTION_STATUS, ACTIONS, DECISION_STATUS, STATUS, Lang
from sheetplan.review import decisions, rollup
from sheetplan.review.model import OwnerReview, Review

ACTIONS_SHOWN = 15
"""The most open actions listed for one person, the overdue and soonest due first: more than a meeting
goes through; `review --json` has them all."""


def tasks(sheet: LayoutBuilder, review: Review, lang: Lang) -> None:
    """One table per person: ID, what, due, status, notes."""
    columns = ACTIONS.column
    heads = [
        (1, 1, labels.ID(lang)),
        (2, 2, labels.TASK(lang)),
        (3, 3, columns("due").header(lang)),
        (4, 4, columns("status").header(lang)),
        (5, sheet.width, columns("notes").header(lang)),
    ]
    for person in review.owners:
        found = person.tasks
        if not (found.actions or found.metrics or found.decisions):
            continue
        subheading(sheet, _title(person, lang))
        header(sheet, heads)
        for action in found.actions[:ACTIONS_SHOWN]:
            overdue = rollup.is_overdue(action, review.month)
            status = ACTION_STATUS.label(action.status, lang) if action.status else ""
            _row(sheet, action.id, action.name, action.due, overdue, status, "center", action.notes)
        for metric in found.metrics:
            status = metric.month.status
            _row(
                sheet,
                metric.metric.id,
                metric.metric.name,
                None,
                False,
                STATUS.label(status, lang),
                status,
                "",
            )
        for decision in found.decisions:
            overdue = decisions.is_overdue(decision, review.month)
            status = DECISION_STATUS.label(decision.status, lang) if decision.status else ""
            month = str(decision.month) if decision.month else ""
            _row(sheet, month, decision.text, decision.due, overdue, status, "center", decision.notes)
        if len(found.actions) > ACTIONS_SHOWN:
            more = len(found.actions) - ACTIONS_SHOWN
            note(sheet, labels.MORE_ACTIONS(lang).format(count=more, sheet=ACTIONS.name(lang)))
        sheet.row += 1


def _title(person: OwnerReview, lang: Lang) -> str:
    role = person.owner.role if person.owner else ""
    return f"{person.name} ({role})" if role else person.name


def _row(
    sheet: LayoutBuilder,
    first: str,
    what: str,
    due: date | None,
    overdue: bool,
    status: str,
    status_style: str,
    notes: str,
) -> None:
    sheet.put(sheet.row, 1, first, "id")
    sheet.put(sheet.row, 2, what, "wrap")
    sheet.put(sheet.row, 3, due, "date_overdue" if overdue else "date")
    sheet.put(sheet.row, 4, status, status_style)
    sheet.merge(sheet.row, 5, sheet.width, notes, "wrap")
    sheet.fit(sheet.row, 2, 2, what)
    sheet.fit(sheet.row, 5, sheet.width, notes)
    sheet.row += 1
