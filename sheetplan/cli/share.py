"""`sheetplan report`: the month's review as a web page or PDF.

Like the other commands, each parses its options, calls `sheetplan.api` and prints.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

import click

from sheetplan.cli.common import credentials_option, parse_month, read_and_review, stage, writes

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
@credentials_option
def report(
    source: str,
    month: Month | None,
    out: Path | None,
    pdf: Path | None,
    force: bool,
    credentials: Path | None,
) -> None:
    """Write the month's review as one web page (.html), to read, share or print.

    The page holds what the review sheet holds: the month at a glance, the agenda, the assumptions,
    the metrics with their status colours and two charts, the goals, each person's tasks, the
    actions overdue and due next month, and the budget, in the plan's language. It is one file with
    its styles and charts inside: it opens from an e-mail attachment or a shared folder without the
    network, and prints on A4. --pdf prints it to PDF too, with Chromium.

    \b
    Examples:
        sheetplan report plan.xlsx
        sheetplan report plan.xlsx --out review.html --pdf review.pdf
        sheetplan report gsheet:KEY --out review.html
    """
    from sheetplan.api import write_report

    writes(out or source)
    today = date.today()
    read, result = read_and_review(source, month, today, credentials, force, err=True)
    with stage("Writing the report"):
        click.echo(write_report(read, result, today, out, pdf))
