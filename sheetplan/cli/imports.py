"""`sheetplan import`: the month's actual results from the platforms' own exports."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

import click

from sheetplan.cli.common import chosen, credentials_option, lang_option, parse_month, speak, stage, writes
from sheetplan.plan.i18n import _, n_

if TYPE_CHECKING:
    from sheetplan.plan.model import Month


@click.command(name="import")
@click.argument("source", required=False)
@click.argument("exports", nargs=-1, type=click.Path(dir_okay=False, path_type=Path))
@click.option(
    "--month",
    metavar="YYYY-MM",
    callback=parse_month,
    help="Only this month.  [default: every month the files cover in full]",
)
@click.option("--overwrite", is_flag=True, help="Replace numbers people typed that differ from the exports'.")
@click.option("--partial", is_flag=True, help="Also write months the files cover only in part.")
@click.option("--dry-run", is_flag=True, help="Say what would change; write nothing.")
@click.option("--json", "as_json", is_flag=True, help="Print the changes as JSON.")
@click.option("--formats", is_flag=True, help="List the kinds of export sheetplan reads, and their columns.")
@lang_option
@credentials_option
def import_command(
    source: str | None,
    exports: tuple[Path, ...],
    month: Month | None,
    overwrite: bool,
    partial: bool,
    dry_run: bool,
    as_json: bool,
    formats: bool,
    lang: str | None,
    credentials: Path | None,
) -> None:
    """Bring actual results in from the platforms' own export files.

    Each file's kind (Meta posts, GA4, X posts...) is recognised from what it holds; the Sources
    sheet says which metric takes which number from which kind. Numbers go into Actuals by calendar
    month: an empty cell is filled, one an earlier import wrote is updated, one someone typed with
    another number is left and listed as a conflict (unless --overwrite). A month the files cover
    only in part is listed, not written (unless --partial). Posts go into the Posts sheet, one row
    per post. The Import log sheet records each number's files and their SHA-256. Importing the same
    files again changes nothing.

    \b
    Examples:
        sheetplan import plan.xlsx exports/*
        sheetplan import plan.xlsx exports/* --dry-run
        sheetplan import plan.xlsx exports/ga4.csv --json > imported.json
        sheetplan import --formats
    """
    from sheetplan.api.imports import import_exports, read_for_import
    from sheetplan.cli.import_summary import formats as list_formats
    from sheetplan.cli.import_summary import import_json, import_summary

    if formats:
        speak(lang)
        click.echo(list_formats(), color=None)
        return
    if source is None or not exports:
        raise click.UsageError(_("give the plan and at least one export file, or --formats"))
    if not dry_run:
        writes(source)
    today = date.today()
    with stage(_("Reading {source}").format(source=source)):
        read = read_for_import(source, today, credentials, chosen(lang))
    with stage(
        n_("Importing {count} export file", "Importing {count} export files", len(exports)).format(
            count=len(exports)
        )
    ):
        result = import_exports(
            read, exports, today, month, overwrite=overwrite, partial=partial, dry_run=dry_run
        )
    if as_json:
        import json

        click.echo(json.dumps(import_json(result), ensure_ascii=False, indent=2))
    else:
        click.echo(import_summary(result), color=None)
