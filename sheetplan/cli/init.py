"""`sheetplan init`: a new plan workbook, blank or the worked example."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

import click

from sheetplan.cli.common import parse_month, speak, stage, writes
from sheetplan.plan.defaults import DEFAULT_MONTHS, LANGS, MAX_MONTHS
from sheetplan.plan.i18n import _

if TYPE_CHECKING:
    from sheetplan.plan.model import Month


@click.command()
@click.argument("path", type=click.Path(dir_okay=False, path_type=Path))
@click.option(
    "--start",
    metavar="YYYY-MM",
    callback=parse_month,
    default=None,
    show_default="this month; with --example, a few months back so that it has actual results",
    help="The plan's first month.",
)
@click.option(
    "--months",
    type=click.IntRange(1, MAX_MONTHS),
    default=DEFAULT_MONTHS,
    show_default=True,
    help="How many months the plan covers.",
)
@click.option(
    "--lang", type=click.Choice(LANGS), default="en", show_default=True, help="The workbook's language."
)
@click.option("--example", is_flag=True, help="Fill in a worked example: a social-media plan with actuals.")
@click.option(
    "--exports",
    type=click.Path(file_okay=False, path_type=Path),
    metavar="DIR",
    help="With --example: also write the platforms' exports of its last finished month into DIR,"
    " leaving those actuals for `sheetplan import` to fill.",
)
@click.option("--force", is_flag=True, help="Overwrite PATH if it exists.")
def init(
    path: Path, start: Month | None, months: int, lang: str, example: bool, exports: Path | None, force: bool
) -> None:
    """Write a new plan workbook to PATH (.xlsx).

    The workbook has a Guide, then one sheet each for settings, goals, owners, channels, actions,
    metrics, monthly forecasts and actuals, and assumptions, with dropdowns and tables ready to fill in.

    \b
    Examples:
        sheetplan init plan.xlsx --start 2027-01
        sheetplan init --example --lang bg план.xlsx
        sheetplan init --example --exports exports plan.xlsx
    """
    from sheetplan.api import write_plan

    speak(lang)  # the workbook's language is the plan's
    writes(path)
    with stage(_("Writing {path}").format(path=path)):
        summary = write_plan(
            path, start=start, months=months, lang=lang, example=example, force=force, exports=exports
        )
    click.echo(summary)
