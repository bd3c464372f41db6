"""The review sheet's decisions: those to follow up, which open the meeting, and where new ones go.

The decisions live on the plan's Decisions sheet; the review sheet only lists them. Like `sections`,
each function adds its part at the builder's current row.
"""

from __future__ import annotations

from collections.abc import Sequence

from sheetplan.layout import labels
from sheetplan.layout.builder import LayoutBuilder
from sheetplan.layout.sections import header, heading, listing, note, subheading
from sheetplan.plan.model import Decision
from sheetplan.plan.schema import DECISION_STATUS, DECISIONS, Lang
from sheetplan.review.decisions import is_overdue
from sheetplan.review.model import Review


def agenda_detail(review: Review, lang: Lang) -> str:
    """The agenda's first line: each decision to follow up, with its owner and due date."""
    if not review.decisions:
        return labels.FOLLOW_UP_NONE(lang)
    items = []
    for decision in review.decisions:
        due = f", {labels.DUE_ON(lang).format(day=decision.due.isoformat())}" if decision.due else ""
        items.append(f"{decision.text} ({decision.owner or '?'}{due})")
    return listing(items, lang) + "."


def follow_up(sheet: LayoutBuilder, review: Review, lang: Lang) -> None:
    """The decisions to follow up, soonest due first; an overdue one's due date is marked off track."""
    heading(sheet, labels.SECTION_FOLLOW_UP(lang))
    if not review.decisions:
        note(sheet, labels.FOLLOW_UP_NONE(lang))
        return
    _table(sheet, review, review.decisions, lang)


def new_decisions(sheet: LayoutBuilder, review: Review, lang: Lang) -> None:
    """Where the meeting writes its decisions, and those a second review of the month finds there."""
    heading(sheet, labels.SECTION_DECISIONS(lang))
    text = labels.NEW_DECISIONS(lang).format(sheet=DECISIONS.name(lang), month=review.month)
    sheet.merge(sheet.row, 1, sheet.width, text, "agenda_detail")
    sheet.fit(sheet.row, 1, sheet.width, text)
    sheet.row += 1
    if review.decisions_taken:
        subheading(sheet, labels.TAKEN_HEADING(lang))
        _table(sheet, review, review.decisions_taken, lang)


def _table(sheet: LayoutBuilder, review: Review, decisions: Sequence[Decision], lang: Lang) -> None:
    columns = DECISIONS.column
    keys = ("month", "decision", "owner", "due", "status", "metric_id", "action_id")
    header(
        sheet,
        [
            *((number, number, columns(key).header(lang)) for number, key in enumerate(keys, 1)),
            (8, sheet.width, columns("notes").header(lang)),
        ],
    )
    for decision in decisions:
        status = DECISION_STATUS.label(decision.status, lang) if decision.status else ""
        sheet.put(sheet.row, 1, str(decision.month) if decision.month else "", "center")
        sheet.put(sheet.row, 2, decision.text, "wrap")
        sheet.put(sheet.row, 3, decision.owner, "text")
        overdue = is_overdue(decision, review.month)
        sheet.put(sheet.row, 4, decision.due, "date_overdue" if overdue else "date")
        sheet.put(sheet.row, 5, status, "center")
        sheet.put(sheet.row, 6, decision.metric_id, "center")
        sheet.put(sheet.row, 7, decision.action_id, "center")
        sheet.merge(sheet.row, 8, sheet.width, decision.notes, "wrap")
        sheet.fit(sheet.row, 2, 2, decision.text)
        sheet.fit(sheet.row, 8, sheet.width, decision.notes)
        sheet.row += 1
