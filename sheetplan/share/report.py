"""The month's review as one self-contained HTML page, rendered with Jinja2: `sheetplan report`.

The page holds what the review sheet holds, in its order and in its words (`layout.labels`,
`plan.schema`): the title, the month at a glance, the agenda, then one section per agenda item. Each
section is one template, `templates/sections/NAME.html.j2`, fed with the Review and what `layout`
derives from it for the sheet; `SECTIONS` lists them in order, so a new section is a new template and
a name here. The CSS is inline and lays the page out for A4; the charts are inline SVG. Nothing is
fetched when the page is opened, so it reads the same from a mail attachment or a shared drive.

The e-mail (`share.mail`) renders the same sections, with its charts as table-cell bars.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from functools import cache
from pathlib import Path
from typing import Any

from jinja2 import Environment, PackageLoader, StrictUndefined, select_autoescape
from markupsafe import Markup

from sheetplan import __version__
from sheetplan.layout import labels
from sheetplan.layout.achievement import CHART_METRICS
from sheetplan.layout.agenda import agenda_items
from sheetplan.layout.changes import change_lines
from sheetplan.layout.review import STATUS_COLOURS, glance_tiles
from sheetplan.layout.sections import BUDGET, SPENT, by_owner, money_header, share
from sheetplan.layout.trends import MONTHS as TREND_MONTHS
from sheetplan.layout.written import review_beside
from sheetplan.plan import formats as plan_formats
from sheetplan.plan import schema
from sheetplan.plan.i18n import _
from sheetplan.plan.schema import Lang
from sheetplan.review.decisions import is_overdue
from sheetplan.review.model import Review, Status
from sheetplan.share import formats, people, words
from sheetplan.share.bars import BAR_COLOURS, month_bars, ytd_bars
from sheetplan.share.targets import check_target

SECTIONS = (
    "title",
    "glance",
    "changes",
    "agenda",
    "follow_up",
    "assumptions",
    "metrics",
    "trends",
    "goals",
    "owners",
    "actions",
    "budget",
    "content",
    "decisions",
)
"""The report's sections, top to bottom: each is `templates/sections/NAME.html.j2`."""


@dataclass(frozen=True)
class Page:
    """What a page of the review says beyond the Review: where it came from and for whom."""

    source: str
    today: date
    review_day: str = ""
    reader: people.Tasks | None = None
    """The reader whose tasks come first (an owner's e-mail); None for the report everyone reads."""


def report_html(review: Review, lang: Lang, page: Page) -> str:
    """The report: one HTML page with inline CSS and inline SVG charts."""
    from sheetplan.share import charts  # pygal, only for the page that draws its charts

    svgs = {"month": Markup(charts.month_chart(review, lang)), "ytd": Markup(charts.ytd_chart(review, lang))}
    return _render("report.html.j2", review, lang, page, charts=svgs, mail=False)


def mail_html(review: Review, lang: Lang, page: Page) -> str:
    """The e-mail's HTML: the report's sections, the reader's tasks first, the charts as bars."""
    bars = {"month": month_bars(review), "ytd": ytd_bars(review)}
    return _render("report.html.j2", review, lang, page, bars=bars, mail=True)


def mail_text(review: Review, lang: Lang, page: Page) -> str:
    """The e-mail's plain-text part: the title, the glance, the agenda, the reader's tasks, the metrics."""
    return _render("report.txt.j2", review, lang, page, mail=True)


def report_target(source: str, plan_name: str, review: Review, out: Path | None, google: bool) -> Path:
    """Where the report goes: `out`, else `NAME.review-YYYY-MM.html` beside a plan file, or for a
    Google Sheet in the current folder, named after the plan (`acme-plan.review-2026-03.html`)."""
    if out is not None:
        target = out
    elif google:
        target = review_beside(Path(_file_name(plan_name) + ".html"), review.month, ".html")
    else:
        target = review_beside(Path(source), review.month, ".html")
    check_target(target, ".html", _("a report is an .html file"))
    return target


def _file_name(plan_name: str) -> str:
    """A plan's name as a file name: letters and digits of any script, the rest as hyphens."""
    name = re.sub(r"[\W_]+", "-", plan_name.casefold()).strip("-")
    return name[:60].rstrip("-") or "plan"


def _render(template: str, review: Review, lang: Lang, page: Page, **extra: Any) -> str:
    tasks = people.everyone(review)
    reader = page.reader
    context = {
        "review": review,
        "lang": lang,
        "page": page,
        "sections": SECTIONS,
        "agenda": agenda_items(review, lang),
        "glance": glance_tiles(review, lang),
        "tasks": tasks,
        "reader": reader,
        "chart_first": CHART_METRICS if len(review.metrics) > CHART_METRICS else 0,
        "missing": _missing(review),
        "version": __version__,
        **extra,
    }
    return _environment().get_template(template).render(context)


def _missing(review: Review) -> list[str]:
    return [
        f"{item.metric.id} ({', '.join(str(month) for month in item.ytd.missing_months)})"
        for item in review.metrics
        if item.ytd.missing_months
    ]


@cache
def _environment() -> Environment:
    environment = Environment(
        loader=PackageLoader("sheetplan.share", "templates"),
        autoescape=select_autoescape(["html.j2"], default_for_string=True, default=False),
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    environment.filters.update(
        number=formats.number,
        signed=formats.signed,
        money=formats.money,
        percent=formats.percent,
        share=formats.share,
        percent_plain=lambda value, lang: "" if value is None else plan_formats.percent(value, lang, 1),
        day=formats.day,
    )
    environment.globals.update(
        L=labels,
        W=words,
        month_name=labels.month_name,
        column=_column,
        sheet_name=lambda key, lang: schema.sheet_by_key(key).name(lang),
        status=lambda value, lang: schema.STATUS.label(value, lang),
        action_status=lambda value, lang: schema.ACTION_STATUS.label(value, lang) if value else "",
        still_true=lambda value, lang: schema.STILL_TRUE.label(value, lang) if value else "",
        still_true_status=lambda value: schema.STILL_TRUE_STATUS.get(value or "", "no_data"),
        decision_status=lambda value, lang: schema.DECISION_STATUS.label(value, lang) if value else "",
        overdue=is_overdue,
        change_lines=change_lines,
        trend_months=TREND_MONTHS,
        status_style=_status_style,
        money_header=lambda which, review, lang: money_header(
            BUDGET if which == "budget" else SPENT, review, lang
        ),
        spent_share=share,
        by_owner=by_owner,
        with_money=lambda items: [item for item in items if item.spending.budget or item.spending.spent],
        bar_colour=BAR_COLOURS.get,
        statuses=schema.STATUS.values,
    )
    return environment


def _column(sheet: str, key: str, lang: Lang) -> str:
    """A column's header as the plan's sheet has it: `column("actions", "owner", lang)`."""
    found = schema.REVIEW_LOG if sheet == schema.REVIEW_LOG.key else schema.sheet_by_key(sheet)
    return found.column(key).header(lang)


def _status_style(status: Status) -> str:
    """A status cell's colours as an inline style, which mail clients keep when they drop a <style>."""
    fill, colour = STATUS_COLOURS[status]
    return f"background:#{fill};color:#{colour}"
