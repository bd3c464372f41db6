"""The `sheetplan` command: thin wrappers that parse options, call `sheetplan.api` and print.

Imports only Click at start-up, so that `sheetplan --help` is instant; each command imports the
library inside itself. May import anything in sheetplan.
"""

from __future__ import annotations

import signal
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

import click

from sheetplan import __version__
from sheetplan.cli import share
from sheetplan.cli.baseline import baseline
from sheetplan.cli.common import (
    Group,
    chosen,
    credentials_option,
    lang_option,
    parse_month,
    read_and_review,
    speak,
    stage,
    writes,
)
from sheetplan.cli.imports import import_command
from sheetplan.cli.init import init
from sheetplan.plan.i18n import _

if TYPE_CHECKING:
    # The library is imported inside each command, so that `sheetplan --help` starts at once.
    from sheetplan.plan.model import Month


@click.group(cls=Group, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="sheetplan")
def cli() -> None:
    """Run a marketing action plan from a spreadsheet.

    Write the plan workbook with `init`, fill it in with your team, and once a month let `review`
    compare the forecasts with the actual results and write the agenda of the review meeting; put
    the meetings and the actions' due dates in everyone's calendar with `calendar`, and the review in
    front of everyone with `report` (a web page or PDF) and `send` (e-mail).

    \b
    Quick start:
        sheetplan init --example plan.xlsx
        sheetplan check plan.xlsx
        sheetplan review plan.xlsx
    """


@cli.command()
@click.argument("source")
@click.option("--json", "as_json", is_flag=True, help="Print the problems as JSON.")
@lang_option
@credentials_option
def check(source: str, as_json: bool, lang: str | None, credentials: Path | None) -> None:
    """Check a filled-in plan and say what is wrong, cell by cell.

    SOURCE is an .xlsx, .xlsm or .ods file, a Google Sheets URL, or gsheet:KEY. Exits with 1 when
    the plan has errors, 0 when it has none (warnings alone do not fail).

    \b
    Examples:
        sheetplan check plan.xlsx
        sheetplan check --json gsheet:KEY > problems.json
    """
    import json

    from sheetplan.api import read_plan
    from sheetplan.check.report import problems_report

    with stage(_("Reading {source}").format(source=source)):
        read = read_plan(source, date.today(), credentials, lang=chosen(lang))
    if as_json:
        click.echo(json.dumps([problem.as_dict() for problem in read.problems], ensure_ascii=False, indent=2))
    else:
        click.echo(problems_report(read.problems, source), color=None)
    if read.errors:
        raise SystemExit(1)


@cli.command()
@click.argument("source")
@click.option(
    "--month",
    metavar="YYYY-MM",
    callback=parse_month,
    help="The month to review.  [default: the last full month]",
)
@click.option(
    "--out",
    type=click.Path(dir_okay=False, path_type=Path),
    help="Write the review to this .xlsx instead of into the plan (added to it when it exists).",
)
@click.option("--dry-run", is_flag=True, help="Compute and print the review; write nothing.")
@click.option("--json", "as_json", is_flag=True, help="Print the review as JSON instead of the summary.")
@click.option(
    "--fail-on",
    type=click.Choice(["at_risk", "off_track"]),
    help="Exit with 1 when a metric's month is at this status or worse.",
)
@click.option("--force", is_flag=True, help="Review a plan even when it has errors.")
@lang_option
@credentials_option
def review(
    source: str,
    month: Month | None,
    out: Path | None,
    dry_run: bool,
    as_json: bool,
    fail_on: str | None,
    force: bool,
    lang: str | None,
    credentials: Path | None,
) -> None:
    """Compare plan with actual for a month and write the review meeting's sheet.

    Adds the sheet "Review YYYY-MM" (the meeting's agenda, the figures and charts) and the
    "Review log" to the workbook, keeping a copy of the old file as NAME.bak.xlsx. Nothing else in
    the workbook changes, except that text typed into the month's old review sheet is moved to the
    Decisions sheet rather than lost. An .ods plan is left alone and its review goes to
    NAME.review-YYYY-MM.xlsx beside it. A plan with errors is not reviewed (exit 1) unless --force.

    \b
    Examples:
        sheetplan review plan.xlsx
        sheetplan review plan.xlsx --dry-run
        sheetplan review plan.xlsx --json --fail-on off_track > review.json
        sheetplan review plan.ods --out reviews.xlsx
        sheetplan review gsheet:KEY
    """
    import json

    from sheetplan.api import reached, write_review
    from sheetplan.cli.summary import summary
    from sheetplan.review.as_json import review_json

    if not dry_run:
        writes(out or source)
    read, result = read_and_review(source, month, date.today(), credentials, force, err=as_json, lang=lang)
    written = None
    if not dry_run:
        with stage(_("Writing the review to {target}").format(target=out or source)):
            written = write_review(read, result, out)
    if as_json:
        click.echo(json.dumps(review_json(result), ensure_ascii=False, indent=2))
        if written is not None:
            click.echo(
                _("Wrote {sheet} to {where}.").format(sheet=written.sheet, where=written.where), err=True
            )
    else:
        click.echo(summary(read, result, written), color=None)
    if fail_on and reached(result, fail_on):
        raise SystemExit(1)


@cli.command()
@click.argument("source")
@click.option(
    "--out",
    type=click.Path(dir_okay=False, path_type=Path),
    help="Write the calendar to this .ics file.  [default: NAME.ics beside a file; a Google Sheet needs it]",
)
@click.option("--owner", metavar="NAME", help="Only this person's actions (and the review meetings).")
@lang_option
@credentials_option
def calendar(
    source: str, out: Path | None, owner: str | None, lang: str | None, credentials: Path | None
) -> None:
    """Write the review meetings and the actions' due dates to a calendar file (.ics).

    The monthly review is one repeating event on the Review day of Settings (third Thursday, last
    Friday, 15...), an hour from the Review time (10:00 unless set) in the Time zone (none: the Review
    time wherever the calendar is), from the next meeting to the plan's last month. Each action that
    is not done or dropped is an all-day event on its due date, naming its owner. Import the file
    into Google Calendar, Outlook or Apple Calendar; importing a newer one updates those events.

    \b
    Examples:
        sheetplan calendar plan.xlsx
        sheetplan calendar plan.xlsx --owner "Maria Ivanova" --out maria.ics
        sheetplan calendar gsheet:KEY --out review.ics
    """
    from sheetplan.api import read_plan
    from sheetplan.api.share import calendar_path, write_calendar

    target = calendar_path(source, out)
    writes(target)
    today = date.today()
    with stage(_("Reading {source}").format(source=source)):
        read = read_plan(source, today, credentials, lang=chosen(lang))
    click.echo(write_calendar(read, target, today, owner))


@cli.command()
@click.argument("path", type=click.Path(dir_okay=False, path_type=Path))
@click.argument("sheet")
@lang_option
@credentials_option
def push(path: Path, sheet: str, lang: str | None, credentials: Path | None) -> None:
    """Copy a local plan workbook into a Google Sheet shared with you.

    SHEET is the Google Sheet's URL or gsheet:KEY; share it with the service account's e-mail as
    Editor. The template's tabs that the sheet lacks are added; those it has get the workbook's
    values (rows it no longer has are cleared), headers, formats and dropdowns. Tabs of your own
    are left alone.

    \b
    Example:
        sheetplan push plan.xlsx https://docs.google.com/spreadsheets/d/KEY/edit
    """
    from sheetplan.api import push as push_plan

    writes(sheet)
    speak(lang)
    with stage(_("Copying {source} to {target}").format(source=path, target=sheet)):
        pushed = push_plan(path, sheet, credentials)
    click.echo(pushed)


@cli.command()
@click.argument("sheet")
@click.argument("path", type=click.Path(dir_okay=False, path_type=Path))
@click.option("--force", is_flag=True, help="Overwrite PATH if it exists.")
@lang_option
@credentials_option
def pull(sheet: str, path: Path, force: bool, lang: str | None, credentials: Path | None) -> None:
    """Copy a Google Sheet into a local plan workbook (.xlsx), to keep or to work offline.

    The copy has the layout `sheetplan init` writes, filled with the sheet's data, and its Review
    log. SHEET is the Google Sheet's URL or gsheet:KEY.

    \b
    Example:
        sheetplan pull gsheet:KEY plan-copy.xlsx
    """
    from sheetplan.api import pull as pull_plan

    writes(path)
    speak(lang)
    with stage(_("Copying {source} to {target}").format(source=sheet, target=path)):
        pulled = pull_plan(sheet, path, credentials, force)
    click.echo(pulled)


cli.add_command(init)
cli.add_command(import_command)
cli.add_command(baseline)
cli.add_command(share.report)
cli.add_command(share.send)


def main() -> None:
    try:
        cli(prog_name="sheetplan")
    except SystemExit as leaving:
        if leaving.code == 130:
            # A second Ctrl-C while exiting would only add a traceback from the interpreter's teardown.
            signal.signal(signal.SIGINT, signal.SIG_IGN)
        raise
