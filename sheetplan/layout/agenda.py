"""The review sheet's agenda: the meeting's running order, each item with what to talk about, for the
sheet and the report alike."""

from __future__ import annotations

from sheetplan.layout import decisions, labels, sections
from sheetplan.layout.builder import LayoutBuilder
from sheetplan.layout.sections import heading, listing
from sheetplan.plan.schema import DECISIONS, STILL_TRUE, STILL_TRUE_YES, Lang
from sheetplan.review.model import Review


def agenda_items(review: Review, lang: Lang) -> list[tuple[str, str]]:
    """The meeting's running order: each item's title and what to talk about."""
    by_status = {
        status: [
            f"{item.metric.id} {item.metric.name}{_owner(item.metric.owner)}"
            for item in review.metrics
            if item.month.status == status
        ]
        for status in ("off_track", "at_risk")
    }
    new = labels.DECISIONS_DETAIL(lang).format(sheet=DECISIONS.name(lang), month=review.month)
    return [
        (labels.AGENDA_FOLLOW_UP(lang), decisions.agenda_detail(review, lang)),
        (labels.AGENDA_ASSUMPTIONS(lang), _assumptions(review, lang)),
        (labels.AGENDA_OFF_TRACK(lang), _sentence(by_status["off_track"], lang)),
        (labels.AGENDA_AT_RISK(lang), _sentence(by_status["at_risk"], lang)),
        (labels.AGENDA_OVERDUE(lang), _overdue(review, lang)),
        (labels.AGENDA_PEOPLE(lang), _people(review, lang)),
        (labels.AGENDA_DECISIONS(lang), new),
    ]


def agenda(sheet: LayoutBuilder, review: Review, lang: Lang) -> None:
    """The meeting's running order, each item with what to talk about."""
    heading(sheet, labels.AGENDA(lang))
    for number, (title, detail) in enumerate(agenda_items(review, lang), start=1):
        sheet.put(sheet.row, 1, number, "agenda_number")
        sheet.put(sheet.row, 2, title, "agenda_title")
        sheet.merge(sheet.row, 3, sheet.width, detail, "agenda_detail")
        sheet.fit(sheet.row, 2, 2, title)
        sheet.fit(sheet.row, 3, sheet.width, detail)
        sheet.row += 1


def _owner(name: str) -> str:
    return f" ({name})" if name else ""


def _sentence(items: list[str], lang: Lang) -> str:
    return listing(items, lang) + "." if items else labels.NONE(lang)


def _assumptions(review: Review, lang: Lang) -> str:
    if not review.assumptions:
        return labels.ASSUMPTIONS_NONE(lang)
    doubtful = [
        f"{item.text}{_owner(item.owner)}: {_still_true(item.still_true, lang)}"
        for item in review.assumptions
        if item.still_true != STILL_TRUE_YES
    ]
    if not doubtful:
        return labels.ASSUMPTIONS_HOLD(lang).format(count=len(review.assumptions))
    return labels.ASSUMPTIONS_TO_CONFIRM(lang).format(items=listing(doubtful, lang))


def _still_true(value: str | None, lang: Lang) -> str:
    return STILL_TRUE.label(value, lang) if value else "?"


def _overdue(review: Review, lang: Lang) -> str:
    by_owner: dict[str, list[str]] = {}
    for action in sections.by_owner(review, review.actions_overdue):
        by_owner.setdefault(action.owner or "?", []).append(action.id)
    return _sentence([f"{owner} ({len(ids)}): {', '.join(ids[:8])}" for owner, ids in by_owner.items()], lang)


def _people(review: Review, lang: Lang) -> str:
    names = [owner.name for owner in review.owners if owner.actions.total or any(owner.metrics)]
    if not names:
        return labels.NONE(lang)
    return labels.PEOPLE_DETAIL(lang).format(names=listing(names, lang))
