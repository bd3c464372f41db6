"""What `sheetplan import` prints, in the language of `sheetplan.plan.i18n`: a table of metric × month,
old → new, from which files; and `import --formats`, the kinds of export it reads."""

from __future__ import annotations

from typing import Any

import click

from sheetplan.api.imports import Imports
from sheetplan.exports.kinds import KINDS
from sheetplan.imports.changes import Change
from sheetplan.plan import schema
from sheetplan.plan.formats import number
from sheetplan.plan.i18n import N_, _, language, n_
from sheetplan.plan.model import CellValue
from sheetplan.plan.words import listing

_COLOURS = {"filled": "green", "updated": "green", "unchanged": None, "conflict": "red", "partial": "yellow"}
_STATES = {
    "filled": N_("filled"),
    "updated": N_("updated"),
    "unchanged": N_("unchanged"),
    "conflict": N_("conflict"),
    "partial": N_("partial"),
}
"""Each state as the output names it; `--json` gives the states as they are."""


def import_summary(result: Imports) -> str:
    """The table and what it means; colours are dropped by echo when the output is not a terminal."""
    files = len({export.path for export in result.exports})
    read = n_("{source}: {count} export file read", "{source}: {count} export files read", files)
    lines = [click.style(read.format(source=result.source, count=files), bold=True)]
    if result.changes:
        lines.append(_table(result.changes))
    else:
        said = _("No {sources} row takes a number from these exports for a month of the plan.")
        lines.append("  " + said.format(sources=schema.SOURCES.name(language())))
    counts = ", ".join(
        f"{result.count(state)} {_(word)}" for state, word in _STATES.items() if result.count(state)
    )
    width = max(len(schema.ACTUALS.name(language())), len(schema.POSTS.name(language())))
    if counts:
        lines.append(f"  {schema.ACTUALS.name(language()):<{width}} {counts}")
    if result.posts_added or result.posts_updated:
        posts = _("{added} added, {updated} updated").format(
            added=result.posts_added, updated=result.posts_updated
        )
        lines.append(f"  {schema.POSTS.name(language()):<{width}} {posts}")
    lines += _notes(result)
    return "\n".join(lines)


def _table(changes: tuple[Change, ...]) -> str:
    month = schema.IMPORT_LOG.column("month").header(language())
    rows = [(_("Metric"), month, _("Old"), "", _("New"), _("State"), _("From"))]
    for change in changes:
        rows.append(
            (
                change.metric_id,
                str(change.month),
                _shown(change.old),
                "→",
                _shown(change.new),
                _(_STATES[change.state]),
                ", ".join(_short(name) for name in change.files),
            )
        )
    widths = [max(len(row[index]) for row in rows) for index in range(len(rows[0]) - 1)]
    lines = []
    for index, (row, item) in enumerate(zip(rows, (None, *changes), strict=True)):
        cells = [
            text.rjust(width) if column in (2, 4) else text.ljust(width)
            for column, (text, width) in enumerate(zip(row, widths, strict=False))
        ]
        line = "  " + "  ".join(cells) + "  " + row[-1]
        colour = _COLOURS.get(item.state) if item else None
        lines.append(click.style(line, bold=True) if index == 0 else click.style(line, fg=colour))
    return "\n".join(lines)


def _notes(result: Imports) -> list[str]:
    lang = language()
    notes = []
    if result.count("conflict"):
        notes.append(
            _(
                "Conflicts are {actuals} cells someone typed with another number; they are left as they are."
                " Use --overwrite to replace them."
            ).format(actuals=schema.ACTUALS.name(lang))
        )
    if result.count("partial"):
        notes.append(
            _(
                "Partial months are covered in part by the files (days missing, or not over yet); they are"
                " not written. Use --partial to write them."
            )
        )
    if result.lifetime:
        names = listing([_short(name) for name in result.lifetime], lang)
        notes.append(
            _(
                "Note: the post totals in {files} are lifetime totals as of the day they were downloaded,"
                " not the month's."
            ).format(files=names)
        )
    if result.unused:
        notes.append(
            _("Not used (no {sources} row takes from them): {files}").format(
                sources=schema.SOURCES.name(lang), files=", ".join(result.unused)
            )
        )
    if result.not_given and result.changes:
        notes.append(
            _("No file of {kinds} was given: the {sources} rows that take from them gave nothing.").format(
                kinds=listing(list(result.not_given), lang), sources=schema.SOURCES.name(lang)
            )
        )
    if result.dry_run:
        notes.append(_("Dry run: nothing was written."))
    elif result.written:
        sheets = listing(result.written, lang)
        if result.backup:
            wrote = _("Wrote {sheets} to {source} (the file before is kept as {backup}).")
        else:
            wrote = _("Wrote {sheets} to {source}.")
        notes.append(wrote.format(sheets=sheets, source=result.source, backup=result.backup))
    else:
        notes.append(_("Nothing to change in {source}.").format(source=result.source))
    return ["  " + note for note in notes]


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
        lines.append(click.style(kind.name, bold=True) + (" " + _("(lists posts)") if kind.posts else ""))
        lines.append(f"  {kind.identified_by}")
        columns = ", ".join(kind.columns) if kind.columns else _("any number column of the file")
        value = _("Value: {columns}; or posts, to count them") if kind.posts else _("Value: {columns}")
        lines.append("  " + value.format(columns=columns))
    return "\n".join(lines)


def _shown(value: CellValue | float) -> str:
    if value is None or value == "":
        return "—"
    if isinstance(value, bool):
        return str(value)
    if isinstance(value, int | float):
        return number(value, language(), 0 if float(value).is_integer() else None)
    return str(value)


def _plain(value: CellValue) -> Any:
    if value is None or value == "" or isinstance(value, int | float | str):
        return value if value != "" else None
    return str(value)


def _short(name: str) -> str:
    return name.rsplit("/", 1)[-1]
