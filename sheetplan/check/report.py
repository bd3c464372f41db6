"""The report `sheetplan check` prints: problems grouped by sheet, errors first, then the counts."""

from __future__ import annotations

import re
from collections.abc import Sequence

import click

from sheetplan.plan import schema
from sheetplan.plan.addresses import column_number
from sheetplan.plan.i18n import N_, _, n_
from sheetplan.plan.model import Problem

_COLOURS = {"error": "red", "warning": "yellow"}
_SEVERITIES = {"error": N_("error"), "warning": N_("warning")}
"""Each severity as the report names it; `check --json` gives them as they are."""
_ADDRESS = re.compile(r"!\$?([A-Z]+)?\$?(\d+)")


def _sort_key(problem: Problem) -> tuple[int, int, int, str]:
    """Errors before warnings, then by row and column."""
    found = _ADDRESS.search(problem.cell or "")
    row = int(found[2]) if found else 0
    column = column_number(found[1]) if found and found[1] else 0
    return (problem.severity != "error", row, column, problem.code)


def _sheet_order(name: str) -> int:
    sheet = schema.sheet_by_name(name)
    return schema.SHEETS.index(sheet) if sheet in schema.SHEETS else len(schema.SHEETS)


def counts(problems: Sequence[Problem]) -> str:
    """`2 errors, 1 warning`."""
    errors = sum(problem.severity == "error" for problem in problems)
    warnings = len(problems) - errors
    return _("{errors}, {warnings}").format(
        errors=n_("{count} error", "{count} errors", errors).format(count=errors),
        warnings=n_("{count} warning", "{count} warnings", warnings).format(count=warnings),
    )


def ordered(problems: Sequence[Problem]) -> list[Problem]:
    """Problems in the order the report shows them: by sheet in workbook order, errors first, by cell."""
    return sorted(
        problems, key=lambda problem: (_sheet_order(problem.sheet), problem.sheet, *_sort_key(problem))
    )


def problems_report(problems: Sequence[Problem], source: str) -> str:
    """The text report: a heading per sheet, one line per problem, and the counts at the end.

    Colour comes from click.style; `click.echo` drops it when the output is not a terminal.
    """
    if not problems:
        return _("{source}: no problems found.").format(source=source)
    lines: list[str] = []
    sheet = None
    for problem in ordered(problems):
        if problem.sheet != sheet:
            if sheet is not None:
                lines.append("")
            sheet = problem.sheet
            lines.append(click.style(sheet, bold=True))
        where = problem.cell or sheet
        label = click.style(f"{_(_SEVERITIES[problem.severity]):<7}", fg=_COLOURS[problem.severity])
        lines.append(f"  {label} {where}: {problem.message} [{problem.code}]")
    lines.append("")
    lines.append(f"{source}: {counts(problems)}")
    return "\n".join(lines)
