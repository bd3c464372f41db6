"""The review sheet's first block after its title: what changed since the previous month's review.

One line each: metrics better and worse than at the last review, forecasts revised since, actions done,
new and newly overdue (`review.changes` says how each is told).
"""

from __future__ import annotations

from sheetplan.layout import labels
from sheetplan.layout.builder import LayoutBuilder
from sheetplan.layout.sections import heading, listing
from sheetplan.plan import formats
from sheetplan.plan.model import Action
from sheetplan.plan.schema import STATUS, Lang
from sheetplan.review.model import Review, StatusChange


def changes(sheet: LayoutBuilder, review: Review, lang: Lang) -> None:
    title, lines = change_lines(review, lang)
    heading(sheet, title)
    for label, detail in lines:
        _line(sheet, label, detail)


def change_lines(review: Review, lang: Lang) -> tuple[str, list[tuple[str, str]]]:
    """The block's heading and its lines, each a label and what it says: for the sheet and the report."""
    found = review.changes
    if found.since is None:
        return labels.CHANGES_LAST_MONTH(lang), [("", labels.CHANGES_FIRST(lang))]
    revised = [
        f"{item.metric.id} {item.metric.name}, {item.month}: "
        f"{_number(item.was, lang)} → {_number(item.now, lang)}"
        for item in found.revised
    ]
    lines = [
        (labels.BETTER(lang), _statuses(found.improved, lang)),
        (labels.WORSE(lang), _statuses(found.worsened, lang)),
        (labels.REVISED(lang), revised),
        (labels.DONE_SINCE(lang), _actions(found.done)),
        (labels.NEW_ACTIONS(lang), _actions(found.new)),
        (labels.NEWLY_OVERDUE(lang), _actions(found.newly_overdue)),
    ]
    title = labels.CHANGES(lang).format(month=labels.month_name(found.since, lang))
    return title, [
        (label, listing(items, lang) + "." if items else labels.NONE(lang)) for label, items in lines
    ]


def _line(sheet: LayoutBuilder, title: str, detail: str) -> None:
    sheet.merge(sheet.row, 1, 2, title, "label")
    sheet.merge(sheet.row, 3, sheet.width, detail, "agenda_detail")
    sheet.fit(sheet.row, 3, sheet.width, detail)
    sheet.row += 1


def _statuses(found: tuple[StatusChange, ...], lang: Lang) -> list[str]:
    label = STATUS.label
    return [
        f"{item.metric.id} {item.metric.name} ({label(item.was, lang)} → {label(item.now, lang)})"
        for item in found
    ]


def _actions(found: tuple[Action, ...]) -> list[str]:
    return [f"{action.id} {action.name}" + (f" ({action.owner})" if action.owner else "") for action in found]


def _number(value: float | None, lang: Lang) -> str:
    """A revised forecast as the language writes it (Babel is loaded only when a forecast was revised)."""
    if value is None:
        return "—"
    return formats.number(value, lang, 0 if float(value).is_integer() else None)
