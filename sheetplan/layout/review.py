"""The review sheet's layout: a month's `Review` laid out as the agenda of the review meeting.

The sheet follows the method's monthly routine, top to bottom: a title, the month at a glance, the
agenda (the decisions to follow up first, then assumptions, the metrics that went off track or are at
risk, overdue actions by person, each person's tasks, new decisions), then one section per agenda item
with the figures, two charts, and where the meeting writes its decisions. It is built as a
backend-neutral `SheetLayout`; the sections after the agenda are in `decisions`, `sections` and
`followup`.
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterable

from sheetplan.layout import (
    achievement,
    agenda,
    baseline,
    changes,
    content,
    decisions,
    followup,
    labels,
    people,
    sections,
    trends,
)
from sheetplan.layout.builder import LayoutBuilder
from sheetplan.layout.meeting import next_meeting
from sheetplan.layout.sections import BUDGET, SPENT, heading, money_header, share
from sheetplan.layout.sheet import CellContent, SheetLayout, Style
from sheetplan.plan.model import Month
from sheetplan.plan.schema import (
    DATE_FORMAT,
    LANGS,
    REVIEW_SHEET,
    STATUS,
    Lang,
    normalise,
)
from sheetplan.review import rollup
from sheetplan.review.model import Review, Status

_WIDTHS = {1: 9, 2: 32, 3: 13, **{column: 12 for column in range(4, 15)}}
"""Columns A to N, in characters: the metrics table, the widest, needs all fourteen."""

_NAVY = "1F3864"
_BLUE = "1F4E78"
_GREY = "595959"
STATUS_COLOURS: dict[Status, tuple[str, str]] = {
    "on_track": ("C6EFCE", "006100"),
    "at_risk": ("FFEB9C", "9C5700"),
    "off_track": ("FFC7CE", "9C0006"),
    "no_data": ("EDEDED", _GREY),
}
"""Fill and text colour of each status: the traffic-light colours spreadsheet users know."""

Tile = tuple[str, CellContent, str, str]
"""A figure at a glance: its label, its value, the label's style (a status, or `label`) and the value's
style (`glance`, `glance_money` or `glance_share`)."""


def sheet_name(review: Review, lang: Lang) -> str:
    """The review sheet's name: `Review 2026-03`."""
    return REVIEW_SHEET(lang).format(month=review.month)


def review_month(name: str) -> Month | None:
    """The month of a review sheet's name (`Review 2026-03`); None for any other sheet."""
    folded = normalise(name)
    for lang in LANGS:
        prefix, _, suffix = REVIEW_SHEET(lang).partition("{month}")
        if folded.startswith(normalise(prefix)) and folded.endswith(normalise(suffix)):
            month = name.strip()[len(prefix.strip()) :].strip()
            if len(month) == 7:  # YYYY-MM exactly, as reviews name their sheets
                with contextlib.suppress(ValueError):
                    return Month.parse(month)
    return None


def review_position(sheets: Iterable[tuple[str, int]], month: Month) -> int | None:
    """Where a review of `month` goes among the review sheets of (name, index) pairs, in month order.

    After the last earlier review, else before the first later one; None when there is no review.
    """
    reviews = [(found, index) for name, index in sheets if (found := review_month(name)) is not None]
    earlier = [index for found, index in reviews if found < month]
    later = [index for found, index in reviews if found > month]
    if earlier:
        return max(earlier) + 1
    return min(later) if later else None


def styles() -> dict[str, Style]:
    """Every style the review sheet uses, by name."""
    number = "#,##0;-#,##0;0"
    money = "#,##0.00;[Red]-#,##0.00;0.00"
    total = {"bold": True, "border": True, "fill": "F2F2F2"}
    glance = {"bold": True, "size": 12, "border": True, "align": "center", "valign": "center"}
    found: dict[str, Style] = {
        "title": Style(bold=True, size=18, colour=_NAVY),
        "subtitle": Style(italic=True, colour=_GREY),
        "heading": Style(bold=True, size=13, colour=_NAVY, underline=True),
        "subheading": Style(bold=True, colour=_BLUE),
        "header": Style(bold=True, colour="FFFFFF", fill=_BLUE, border=True, align="center", wrap=True),
        "label": Style(bold=True, fill="F2F2F2", border=True, wrap=True, valign="center"),
        "glance": Style(number_format=number, **glance),  # type: ignore[arg-type]
        "glance_money": Style(number_format=money, **glance),  # type: ignore[arg-type]
        "glance_share": Style(number_format="0%", **glance),  # type: ignore[arg-type]
        "agenda_number": Style(bold=True, size=12, colour=_BLUE, align="right"),
        "agenda_title": Style(bold=True, wrap=True),
        "agenda_detail": Style(wrap=True),
        "note": Style(italic=True, colour=_GREY),
        "text": Style(border=True),
        "wrap": Style(border=True, wrap=True),
        "id": Style(border=True, bold=True),
        "center": Style(border=True, align="center"),
        "number": Style(border=True, number_format=number),
        "decimal": Style(border=True, number_format="#,##0.00;-#,##0.00;0.00"),
        "signed": Style(border=True, number_format="+#,##0;-#,##0;0"),
        "signed_decimal": Style(border=True, number_format="+#,##0.00;-#,##0.00;0.00"),
        "percent": Style(border=True, number_format="+0.0%;-0.0%;0.0%"),
        "share": Style(border=True, number_format="0%"),
        "share_decimal": Style(border=True, number_format="0.00%"),
        "money": Style(border=True, number_format=money),
        "total_label": Style(**total),  # type: ignore[arg-type]
        "total_money": Style(number_format=money, **total),  # type: ignore[arg-type]
        "total_share": Style(number_format="0%", **total),  # type: ignore[arg-type]
        "date": Style(border=True, number_format=DATE_FORMAT, align="center"),
        "date_overdue": Style(
            border=True, number_format=DATE_FORMAT, align="center", bold=True, fill="FFC7CE", colour="9C0006"
        ),
        "blank": Style(border=True),
    }
    for status, (fill, colour) in STATUS_COLOURS.items():
        found[status] = Style(
            bold=True, fill=fill, colour=colour, border=True, align="center", valign="center"
        )
        for suffix, shown in (("", number), ("_decimal", "#,##0.00;-#,##0.00;0.00")):
            found[f"trend_{status}{suffix}"] = Style(
                fill=fill, colour=colour, border=True, number_format=shown
            )
    return found


def review_layout(
    review: Review, lang: Lang, review_day: str = "", review_time: str = "", time_zone: str = ""
) -> SheetLayout:
    """The review sheet for `review`, in `lang`; the Settings' Review day, Review time and Time zone, if
    any, give the meeting's date."""
    sheet = LayoutBuilder(sheet_name(review, lang), styles(), _WIDTHS)
    held = next_meeting(review_day, review_time, time_zone, review.month, lang) if review_day else None
    _title(sheet, review, lang, held or review_day)
    changes.changes(sheet, review, lang)
    _glance(sheet, review, lang)
    agenda.agenda(sheet, review, lang)
    decisions.follow_up(sheet, review, lang)
    sections.assumptions(sheet, review, lang)
    sections.metrics(sheet, review, lang)
    achievement.achievement_charts(sheet, review, lang)
    baseline.against_baseline(sheet, review, lang)
    trends.trends(sheet, review, lang)
    content.content(sheet, review, lang)
    sections.goals(sheet, review, lang)
    followup.owners(sheet, review, lang)
    people.tasks(sheet, review, lang)
    followup.actions(sheet, review, lang)
    followup.budget(sheet, review, lang)
    decisions.new_decisions(sheet, review, lang)
    return sheet.layout(footer=f"{review.plan_name} · {sheet.name}", page_label=labels.PAGE(lang))


def _title(sheet: LayoutBuilder, review: Review, lang: Lang, review_day: str) -> None:
    month = labels.month_name(review.month, lang)
    sheet.merge(1, 1, sheet.width, labels.TITLE(lang).format(month=month), "title")
    sheet.height(1, 30)
    start = labels.month_name(review.start, lang)
    subtitle = labels.SUBTITLE(lang).format(plan=review.plan_name, month=month, start=start)
    sheet.merge(2, 1, sheet.width, subtitle, "subtitle")
    sheet.row = 3
    if review_day:
        sheet.merge(3, 1, sheet.width, labels.REVIEW_DAY(lang).format(day=review_day), "subtitle")
        sheet.row = 4
    if review.as_of is not None and review.month < Month.of(review.as_of) + -1:
        # An earlier month's review: the actions' statuses and spending are today's, not that month's.
        note = labels.AS_OF(lang).format(day=review.as_of.isoformat(), month=month)
        sheet.merge(sheet.row, 1, sheet.width, note, "subtitle")
        sheet.row += 1


def glance_tiles(review: Review, lang: Lang) -> list[tuple[str, list[Tile]]]:
    """The month at a glance, three lines of figures: metrics by status, actions, money; each line's
    title and its tiles. The review sheet and the HTML report both show these."""
    counts = rollup.status_counts(metric.month.status for metric in review.metrics)
    actions = rollup.action_counts([item.action for item in review.actions_spending], review.month)
    spending = review.spending
    metrics: list[Tile] = [
        (STATUS.label(status, lang), getattr(counts, status), status, "glance") for status in STATUS.values
    ]
    action_tiles: list[Tile] = [
        (labels.OVERDUE(lang), actions.overdue, "label", "glance"),
        (labels.DUE_NEXT(lang), len(review.actions_due_next_month), "label", "glance"),
        (labels.OPEN(lang), actions.open, "label", "glance"),
        (labels.DONE(lang), actions.done, "label", "glance"),
    ]
    money: list[Tile] = [
        (money_header(BUDGET, review, lang), spending.budget, "label", "glance_money"),
        (money_header(SPENT, review, lang), spending.spent, "label", "glance_money"),
        (labels.REMAINING(lang), spending.remaining, "label", "glance_money"),
        (labels.SPENT_SHARE(lang), share(spending), "label", "glance_share"),
    ]
    return [
        (labels.METRICS_THIS_MONTH(lang), metrics),
        (labels.ACTIONS(lang), action_tiles),
        (labels.MONEY(lang), money),
    ]


def _glance(sheet: LayoutBuilder, review: Review, lang: Lang) -> None:
    """Three lines of figures: metrics by status, actions, money."""
    heading(sheet, labels.GLANCE(lang))
    for title, tiles in glance_tiles(review, lang):
        sheet.merge(sheet.row, 1, 2, title, "label")
        for index, (label, value, label_style, value_style) in enumerate(tiles):
            sheet.put(sheet.row, 3 + 2 * index, label, label_style)
            sheet.put(sheet.row, 4 + 2 * index, value, value_style)
        sheet.height(sheet.row, 28)
        sheet.row += 1
