"""The operations of `calendar`, `report` and `send`: a plan's meetings and its review put in front
of people, as an .ics calendar, an HTML page (and PDF) and e-mail.

Each imports the share package's modules (Jinja2, pygal, smtplib) only when it runs.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, datetime
from pathlib import Path
from typing import TYPE_CHECKING

from sheetplan.plan.errors import SourceError, UsageError
from sheetplan.plan.i18n import _
from sheetplan.read.google import google_key

if TYPE_CHECKING:
    from sheetplan.api import PlanRead
    from sheetplan.review.model import Review
    from sheetplan.share.publish import Sent
    from sheetplan.share.smtp import Server


def calendar_path(source: str, out: Path | None) -> Path:
    """Where `sheetplan calendar` writes: `out`, or NAME.ics beside a plan file; UsageError for a
    Google Sheet without `out`, or an `out` that is not an .ics file, before anything is read."""
    from sheetplan.share.calendar import check_target

    if out is None and google_key(source) is not None:
        raise UsageError(
            _("{source}: a Google Sheet's calendar needs --out, such as --out plan.ics").format(source=source)
        )
    target = out if out is not None else Path(source).with_suffix(".ics")
    check_target(target)
    return target


def write_calendar(read: PlanRead, out: Path, today: date, owner: str | None = None) -> str:
    """Write the plan's review meetings and open actions to the .ics calendar `out` (`sheetplan
    calendar`); say what it holds. A plan whose Settings have errors has no calendar."""
    settings = read.plan.sheet_name("settings")
    unusable = next((problem for problem in read.errors if problem.sheet == settings), None)
    if unusable is not None:
        raise SourceError(
            _("{source}: {where}: {message}").format(
                source=read.source, where=unusable.cell or unusable.sheet, message=unusable.message
            )
        )
    from sheetplan.share.calendar import write_calendar as write

    return write(read.plan, read.source, out, today, owner)


def write_report(
    read: PlanRead, review: Review, today: date, out: Path | None = None, pdf: Path | None = None
) -> str:
    """Write the review as one HTML file (`sheetplan report`): to `out`, else NAME.review-YYYY-MM.html
    beside a plan file, or named after a Google Sheet's plan in the current folder; printed to `pdf` too
    when given. Say what was written."""
    from sheetplan.share.publish import check_pdf
    from sheetplan.share.publish import write_report as write
    from sheetplan.share.report import Page, report_target

    if pdf is not None:
        check_pdf(pdf)
    target = report_target(read.source, review.plan_name, review, out, read.book is not None)
    page = Page(read.source, today, read.plan.settings.review_day)
    return write(review, read.plan.lang, page, target, pdf)


def mail_server(drafts: Path | None) -> Server | None:
    """The SMTP server of SHEETPLAN_SMTP_URL that `send` sends through, None for a dry run into
    `drafts`, its sender checked too: a UsageError for either comes before anything is read."""
    from sheetplan.share import publish

    server = None if drafts is not None else publish.smtp_server()
    publish.sender(server)
    return server


def send_review(
    read: PlanRead,
    review: Review,
    now: datetime,
    server: Server | None,
    to: Sequence[str] = (),
    owners: bool = False,
    drafts: Path | None = None,
) -> Sent:
    """E-mail the review (`sheetplan send`) through `server` to the `to` addresses or, with `owners`, to
    everyone on the Owners sheet with an Email, each owner's tasks first; with `drafts`, write the
    messages there as .eml files instead."""
    from dataclasses import replace

    from sheetplan.share import mail, publish
    from sheetplan.share.report import Page

    without: list[str] = []
    if owners:
        recipients, without = mail.owners_with_email(review)
    else:
        recipients = mail.addressed(review, to)
    if not recipients:
        raise UsageError(
            _("{source}: nobody on the {sheet} sheet has an Email").format(
                source=read.source, sheet=read.plan.sheet_name("owners")
            )
        )
    page = Page(read.source, now.date(), read.plan.settings.review_day)
    sent = publish.send(review, read.plan.lang, page, recipients, server, drafts, now)
    return replace(sent, without_email=tuple(without))
