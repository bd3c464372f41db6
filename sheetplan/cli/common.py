"""What every command shares: one-line errors and interruptions, progress on a terminal, `--month`.

Imports only Click at start-up, like the rest of `sheetplan.cli`.
"""

from __future__ import annotations

import os
import stat
import sys
from contextlib import AbstractContextManager
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

import click

from sheetplan.plan.errors import SheetplanError
from sheetplan.plan.i18n import _, language_of_environment, use

if TYPE_CHECKING:
    from sheetplan.api import PlanRead
    from sheetplan.plan.defaults import Lang
    from sheetplan.plan.model import Month
    from sheetplan.review.model import Review

credentials_option = click.option(
    "--credentials",
    type=click.Path(dir_okay=False, path_type=Path),
    help="A Google service-account key (JSON) for a Google Sheet.  [default: GOOGLE_APPLICATION_CREDENTIALS]",
)
"""The option of every command that reads a Google Sheet."""

lang_option = click.option(
    "--lang",
    type=click.Choice(("en", "bg")),
    help="The language of what the command says.  [default: the plan's; before it is read, LANG's]",
)
"""The option of every command that speaks of a plan: its output in English or Bulgarian."""


def chosen(lang: str | None) -> Lang | None:
    """The language `--lang` chose, if it chose one."""
    return "bg" if lang == "bg" else "en" if lang == "en" else None


def speak(lang: str | None) -> None:
    """Say the rest in `lang` when `--lang` gave one (a command that reads a plan lets `read_plan`
    choose: `lang`, else the plan's)."""
    found = chosen(lang)
    if found is not None:
        use(found)


_TARGET = "sheetplan.target"
"""The key in the context's `meta` of the file or sheet the running command writes."""


class Group(click.Group):
    """The `sheetplan` group: a SheetplanError or Ctrl-C in any command becomes one line and its exit code."""

    def invoke(self, ctx: click.Context) -> Any:
        # Until a command knows the plan's language (or is given --lang), the environment's.
        use(language_of_environment())
        try:
            return super().invoke(ctx)
        except SheetplanError as error:
            # One line on stderr and the error's exit code; a traceback would help nobody.
            click.echo(_("Error: {error}").format(error=error), err=True)
            ctx.exit(error.exit_code)
        except KeyboardInterrupt:
            click.echo(_interrupted(ctx.meta.get(_TARGET)), err=True)
            ctx.exit(130)


def _interrupted(written: tuple[str, object] | None) -> str:
    """What an interruption says of the file the command writes, given what it was at the start."""
    if written is None:
        return _("interrupted")
    target, before = written
    from sheetplan.read.google import is_google

    if is_google(target):
        # A Google Sheet takes each command's change in one batchUpdate, which Google applies whole.
        return _("interrupted; {target} has either the whole change or none of it").format(target=target)
    # Every write goes to a temporary file first, so until it is swapped in, nothing has changed.
    if _state(target) == before:
        return _("interrupted; {target} is unchanged").format(target=target)
    return _("interrupted after {target} was written").format(target=target)


def _state(target: str) -> object:
    """What tells a file, or the files of a folder, from the ones that replace them (None: no such
    file, or none that can be looked at). A swapped-in file is a new inode."""
    try:
        found = os.stat(target)
        if not stat.S_ISDIR(found.st_mode):
            return _signature(found)
        with os.scandir(target) as entries:
            return frozenset((entry.name, _signature(entry.stat(follow_symlinks=False))) for entry in entries)
    except (OSError, ValueError):
        return None


def _signature(found: os.stat_result) -> tuple[int, int, int]:
    return found.st_ino, found.st_mtime_ns, found.st_size


def stage(text: str) -> AbstractContextManager[None]:
    """Say `text` on a terminal while a step of the command takes longer than a second."""
    from sheetplan.cli.progress import Progress

    return Progress(sys.stderr).stage(text)


def writes(target: object) -> None:
    """Note what the running command writes, and what it is now, for the line an interruption prints."""
    click.get_current_context().meta[_TARGET] = str(target), _state(str(target))


def parse_month(ctx: click.Context, param: click.Parameter, value: str | None) -> Month | None:
    """The Month of a `YYYY-MM` option, or a usage error (exit 2) saying what was expected."""
    from sheetplan.plan.model import Month

    if value is None:
        return None
    try:
        return Month.parse(value)
    except ValueError:
        raise click.BadParameter(
            _("{value!r} is not a month in the form YYYY-MM, such as 2026-03.").format(value=value)
        ) from None


def read_and_review(
    source: str,
    month: Month | None,
    today: date,
    credentials: Path | None,
    force: bool,
    err: bool = False,
    lang: str | None = None,
) -> tuple[PlanRead, Review]:
    """The plan at `source` read and its month reviewed, for the commands that show a review.

    A plan with errors is listed as `check` lists it (on stderr with `err`) and not reviewed, exit 1,
    unless `force`; a month not over yet is reviewed with a warning. What it says is in `lang`, else
    in the plan's language.
    """
    from sheetplan.api import read_plan, review_of
    from sheetplan.check.report import problems_report
    from sheetplan.review.variance import month_not_over

    with stage(_("Reading {source}").format(source=source)):
        read = read_plan(source, today, credentials, lang=chosen(lang))
    if read.errors and not force:
        click.echo(problems_report(read.problems, source), err=err, color=None)
        said = _("{source}: not reviewed while the plan has errors; fix them, or use --force.")
        click.echo(said.format(source=source), err=True)
        raise SystemExit(1)
    with stage(_("Comparing plan with actual")):
        result = review_of(read, month, today)
    not_over = month_not_over(result.month, today)
    if not_over:
        click.echo(_("Warning: {warning}.").format(warning=not_over), err=True)
    return read, result
