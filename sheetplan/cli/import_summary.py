"""What `sheetplan import` prints: a table of metric × month, old → new, from which files; and
`import --formats`, the kinds of export it reads."""

from __future__ import annotations

from typing import Any

import click

from sheetplan.api.imports import Imports
from sheetplan.exports.kinds import KINDS
from sheetplan.imports.changes import Change
from sheetplan.plan.model import CellValue
from sheetplan.plan.words import listing

_COLOURS = {"filled": "green", "updated": "green", "unchanged": None, "conflict": "red", "partial": "yellow"}
_STATES = ("filled", "updated", "unchanged", "conflict", "partial")


def import_summary(result: Imports) -> str:
    """The table and what it means; colours are dropped by echo when the output is not a terminal."""
    files = len({export.path for export in result.exports})
    lines = [click.style(f"{result.source}: {files} export file{'s' * (files != 1)} read", bold=True)]
    if result.changes:
        lines.append(_table(result.changes))
    else:
        lines.append("  No Sources row takes a number from these exports for a month of the plan.")
    counts = ", ".join(f"{result.count(state)} {state}" for state in _STATES if result.count(state))
    if counts:
        lines.append(f"  Actuals    {counts}")
    if result.posts_added or result.posts_updated:
        lines.append(f"  Posts      {result.posts_added} added, {result.posts_updated} updated")
    lines += _notes(result)
    return "\n".join(lines)


def _table(changes: tuple[Change, ...]) -> str:
    rows = [("Metric", "Month", "Old", "", "New", "State", "From")]
    for change in changes:
        rows.append(
            (
                change.metric_id,
                str(change.month),
                _shown(change.old),
                "→",
                _shown(change.new),
                change.state,
                ", ".join(_short(name) for name in change.files),
            )
        )
    widths = [max(len(row[index]) for row in rows) for index in range(len(rows[0]) - 1)]
    lines = []
    for number, row in enumerate(rows):
        cells = [
            text.rjust(width) if index in (2, 4) else text.ljust(width)
            for index, (text, width) in enumerate(zip(row, widths, strict=False))
        ]
        line = "  " + "  ".join(cells) + "  " + row[-1]
        state = row[5]
        lines.append(
            click.style(line, bold=True) if number == 0 else click.style(line, fg=_COLOURS.get(state))
        )
    return "\n".join(lines)


def _notes(result: Imports) -> list[str]:
    notes = []
    if result.count("conflict"):
        notes.append(
            "  Conflicts are Actuals cells someone typed with another number; they are left as they are. "
            "Use --overwrite to replace them."
        )
    if result.count("partial"):
        notes.append(
            "  Partial months are covered in part by the files (days missing, or not over yet); they are "
            "not written. Use --partial to write them."
        )
    if result.lifetime:
        notes.append(
            f"  Note: the post totals in {', '.join(_short(name) for name in result.lifetime)} are lifetime "
            "totals as of the day they were downloaded, not the month's."
        )
    if result.unused:
        notes.append(f"  Not used (no Sources row takes from them): {', '.join(result.unused)}")
    if result.dry_run:
        notes.append("  Dry run: nothing was written.")
    elif result.written:
        backup = f" (the file before is kept as {result.backup})" if result.backup else ""
        notes.append(f"  Wrote {listing(result.written)} to {result.source}{backup}.")
    else:
        notes.append(f"  Nothing to change in {result.source}.")
    return notes


def import_json(result: Imports) -> list[dict[str, Any]]:
    """The changes as `--json` gives them: one object per metric and month."""
    return [
        {
            "metric": change.metric_id,
            "month": str(change.month),
            "old": _plain(change.old),
            "new": change.new,
            "files": list(change.files),
            "state": change.state,
        }
        for change in result.changes
    ]


def formats() -> str:
    """`import --formats`: each kind, what identifies it, and its columns."""
    lines = []
    for kind in KINDS:
        lines.append(click.style(kind.name, bold=True) + (" (lists posts)" if kind.posts else ""))
        lines.append(f"  {kind.identified_by}")
        columns = ", ".join(kind.columns) if kind.columns else "any number column of the file"
        lines.append(f"  Value: {columns}" + ("; or posts, to count them" if kind.posts else ""))
    return "\n".join(lines)


def _shown(value: CellValue | float) -> str:
    if value is None or value == "":
        return "—"
    if isinstance(value, bool):
        return str(value)
    if isinstance(value, int | float):
        return f"{value:,.0f}" if float(value).is_integer() else f"{value:,.4g}"
    return str(value)


def _plain(value: CellValue) -> Any:
    if value is None or value == "" or isinstance(value, int | float | str):
        return value if value != "" else None
    return str(value)


def _short(name: str) -> str:
    return name.rsplit("/", 1)[-1]
