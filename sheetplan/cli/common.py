"""What every command shares: one-line errors and interruptions, progress on a terminal, `--month`.

Imports only Click at start-up, like the rest of `sheetplan.cli`.
"""

from __future__ import annotations

import sys
from contextlib import AbstractContextManager
from pathlib import Path
from typing import TYPE_CHECKING, Any

import click

from sheetplan.plan.errors import SheetplanError

if TYPE_CHECKING:
    from sheetplan.plan.model import Month

credentials_option = click.option(
    "--credentials",
    type=click.Path(dir_okay=False, path_type=Path),
    help="A Google service-account key (JSON) for a Google Sheet.  [default: GOOGLE_APPLICATION_CREDENTIALS]",
)

_TARGET = "sheetplan.target"
"""The key in the context's `meta` of the file or sheet the running command writes."""


class Group(click.Group):
    """The `sheetplan` group: a SheetplanError or Ctrl-C in any command becomes one line and its exit code."""

    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except SheetplanError as error:
            # One line on stderr and the error's exit code; a traceback would help nobody.
            click.echo(f"Error: {error}", err=True)
            ctx.exit(error.exit_code)
        except KeyboardInterrupt:
            # Every write goes to a temporary file first, so until it is swapped in, nothing has changed.
            target = ctx.meta.get(_TARGET)
            click.echo(f"interrupted; {target} is unchanged" if target else "interrupted", err=True)
            ctx.exit(130)


def stage(text: str) -> AbstractContextManager[None]:
    """Say `text` on a terminal while a step of the command takes longer than a second."""
    from sheetplan.cli.progress import Progress

    return Progress(sys.stderr).stage(text)


def writes(target: object) -> None:
    """Note what the running command writes, for the line an interruption prints."""
    click.get_current_context().meta[_TARGET] = str(target)


def parse_month(ctx: click.Context, param: click.Parameter, value: str | None) -> Month | None:
    """The Month of a `YYYY-MM` option, or a usage error (exit 2) saying what was expected."""
    from sheetplan.plan.model import Month

    if value is None:
        return None
    try:
        return Month.parse(value)
    except ValueError:
        raise click.BadParameter(f"{value!r} is not a month in the form YYYY-MM, such as 2026-03.") from None
