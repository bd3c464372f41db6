"""`sheetplan report` and `sheetplan send`: the month's review as a web page or PDF, and by e-mail.

Like the other commands, each parses its options, calls `sheetplan.api` and prints.
"""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path
from typing import TYPE_CHECKING

import click

from sheetplan.cli.common import credentials_option, lang_option, parse_month, read_and_review, stage, writes
from sheetplan.plan.i18n import _, n_

if TYPE_CHECKING:
    from sheetplan.plan.model import Month

month_option = click.option(
    "--month",
    metavar="YYYY-MM",
    callback=parse_month,
    help="The month to review.  [default: the last full month]",
)
force_option = click.option("--force", is_flag=True, help="Use a plan even when it has errors.")


@click.command()
@click.argument("source")
@month_option
@click.option(
    "--out",
    type=click.Path(dir_okay=False, path_type=Path),
    help="Write the report to this .html file.  [default: NAME.review-YYYY-MM.html beside a file; for a "
    "Google Sheet, the plan's name in this folder]",
)
@click.option(
    "--pdf",
    type=click.Path(dir_okay=False, path_type=Path),
    help="Also print the report to this PDF (A4), with Chromium.",
)
@force_option
@lang_option
@credentials_option
def report(
    source: str,
    month: Month | None,
    out: Path | None,
    pdf: Path | None,
    force: bool,
    lang: str | None,
    credentials: Path | None,
) -> None:
    """Write the month's review as one web page (.html), to read, share or print.

    The page holds what the review sheet holds: the month at a glance, what changed since the last
    review, the agenda, the decisions to follow up, the assumptions, the metrics with their status
    colours, trends and two charts, the goals, each person's tasks, the actions overdue and due next
    month, the budget, the content and cadence of the posts, and the month's decisions, in the
    plan's language. It is one file with its styles and charts inside: it opens from an e-mail
    attachment or a shared folder without the network, and prints on A4. --pdf prints it to PDF too,
    with Chromium.

    \b
    Examples:
        sheetplan report plan.xlsx
        sheetplan report plan.xlsx --out review.html --pdf review.pdf
        sheetplan report gsheet:KEY --out review.html
    """
    from sheetplan.api.share import write_report

    writes(out or source)
    today = date.today()
    read, result = read_and_review(source, month, today, credentials, force, err=True, lang=lang)
    with stage(_("Writing the report")):
        click.echo(write_report(read, result, today, out, pdf))


@click.command()
@click.argument("source")
@month_option
@click.option("--to", "to", metavar="ADDRESS", multiple=True, help="Send to this address (repeat, or a, b).")
@click.option("--owners", is_flag=True, help="Send to everyone on the Owners sheet with an Email.")
@click.option(
    "--dry-run",
    "drafts",
    metavar="DIR",
    type=click.Path(file_okay=False, path_type=Path),
    help="Write the messages to DIR as .eml files; send nothing.",
)
@force_option
@lang_option
@credentials_option
def send(
    source: str,
    month: Month | None,
    to: tuple[str, ...],
    owners: bool,
    drafts: Path | None,
    force: bool,
    lang: str | None,
    credentials: Path | None,
) -> None:
    """E-mail the month's review: to --to addresses, or to each owner with their own tasks first.

    Each message has the report as HTML, its charts as bars that every mail client shows, and a
    plain-text part. An owner's message (with --owners, or a --to address on the Owners sheet) starts
    with their overdue actions, those due next month, their other open ones and their metrics.

    The SMTP server comes from SHEETPLAN_SMTP_URL: smtp://user:password@host:587 (STARTTLS) or
    smtps://user:password@host:465 (TLS); the sender from SHEETPLAN_MAIL_FROM, else the URL's user.
    A temporary failure is tried twice more. The last line says who got it and who did not; the
    exit code is 2 unless everyone did.

    \b
    Examples:
        sheetplan send plan.xlsx --owners --dry-run outbox
        sheetplan send plan.xlsx --to maria@example.com --to ivan@example.com --dry-run outbox
    """
    from sheetplan.api.share import mail_server, send_review

    if bool(to) == owners:
        raise click.UsageError(_("give either --to ADDRESS or --owners"))
    server = mail_server(drafts)
    if drafts is not None:
        writes(drafts)
    now = datetime.now().astimezone()
    read, result = read_and_review(source, month, now.date(), credentials, force, err=True, lang=lang)
    doing = (
        _("Sending the review")
        if drafts is None
        else _("Writing the messages to {folder}").format(folder=drafts)
    )
    with stage(doing):
        sent = send_review(read, result, now, server, to, owners, drafts)
    for problem in sent.problems:
        click.echo(_("Error: {error}").format(error=problem), err=True)
    if sent.without_email:
        names = ", ".join(sent.without_email)
        said = _("Note: no Email on the {sheet} sheet for {names}: not sent to them.")
        click.echo(said.format(sheet=read.plan.sheet_name("owners"), names=names), err=True)
    if drafts is not None:
        files = ", ".join(path.name for path in sent.files)
        wrote = n_(
            "Wrote {count} message to {folder}: {files}; sent none.",
            "Wrote {count} messages to {folder}: {files}; sent none.",
            len(sent.files),
        )
        click.echo(wrote.format(count=len(sent.files), folder=drafts, files=files))
        return
    click.echo(_outcome(sent.sent, sent.failed))
    if sent.failed:
        raise SystemExit(2)


def _outcome(sent: tuple[str, ...], failed: tuple[str, ...]) -> str:
    total = len(sent) + len(failed)
    if not failed:
        return _("Sent to all {total}: {sent}.").format(total=total, sent=", ".join(sent))
    if not sent:
        return _("Sent to none of {total}; not sent to {failed}.").format(
            total=total, failed=", ".join(failed)
        )
    return _("Sent to {count} of {total}: {sent}; not sent to {failed}.").format(
        count=len(sent), total=total, sent=", ".join(sent), failed=", ".join(failed)
    )
