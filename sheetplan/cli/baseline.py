"""`sheetplan baseline`: the current forecasts kept as the baseline that reviews also compare with.

Imports only Click at start-up, like the rest of `sheetplan.cli`.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

import click

from sheetplan.cli.common import credentials_option, lang_option, speak, stage, writes
from sheetplan.plan.i18n import _


@click.command()
@click.argument("source")
@click.option("--force", is_flag=True, help="Replace a Baseline that already holds numbers.")
@lang_option
@credentials_option
def baseline(source: str, force: bool, lang: str | None, credentials: Path | None) -> None:
    """Copy the Forecasts sheet to the Baseline sheet: the forecasts as first agreed.

    Do it once the team has agreed the plan; revise Forecasts freely afterwards. Every review then
    compares the actual results with the current forecast and with the baseline, and the year-end
    outlook with the baseline's full year. A Baseline that holds numbers is kept unless --force.
    A workbook is changed in place, with a copy of the old file as NAME.bak.xlsx; a Google Sheet
    (its URL or gsheet:KEY) in one request.

    \b
    Examples:
        sheetplan baseline plan.xlsx
        sheetplan baseline plan.xlsx --force
        sheetplan baseline gsheet:KEY
    """
    from sheetplan.api import write_baseline

    speak(lang)
    writes(source)
    with stage(_("Copying the forecasts of {source}").format(source=source)):
        said = write_baseline(source, date.today(), force, credentials)
    click.echo(said)
