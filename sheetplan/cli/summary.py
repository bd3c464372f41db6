"""What `sheetplan review` prints: the month in a few lines, and where the review went."""

from __future__ import annotations

import click

from sheetplan.api import PlanRead, Written
from sheetplan.layout.labels import month_name
from sheetplan.layout.sections import listing, share
from sheetplan.plan.i18n import _
from sheetplan.plan.schema import STATUS
from sheetplan.review.model import Review
from sheetplan.review.rollup import status_counts

_LIMIT = 8
"""How many metrics or people a line names before it says `and N more`."""
_COLOURS = {"on_track": "green", "at_risk": "yellow", "off_track": "red", "no_data": None}


def summary(read: PlanRead, review: Review, written: Written | None) -> str:
    """The summary; `written` is None for a dry run. Colours come from click.style; echo drops them
    when the output is not a terminal."""
    counts = status_counts(item.month.status for item in review.metrics)
    lines = [click.style(f"{review.plan_name}: review of {month_name(review.month, 'en')}", bold=True)]
    statuses = " · ".join(
        click.style(f"{getattr(counts, status)} {STATUS.label(status, 'en')}", fg=_COLOURS[status])
        for status in STATUS.values
    )
    lines.append(f"  Metrics    {statuses}")
    for status in ("off_track", "at_risk"):
        title = STATUS.label(status, "en").capitalize()
        found = [
            f"{item.metric.id} {item.metric.name}{_pct(item.month.variance_pct)}"
            for item in review.metrics
            if item.month.status == status
        ]
        if found:
            lines.append(f"  {title:<10} " + click.style(listing(found, "en", _LIMIT), fg=_COLOURS[status]))
    by_owner: dict[str, list[str]] = {}
    for action in review.actions_overdue:
        by_owner.setdefault(action.owner or "no owner", []).append(action.id)
    if by_owner:
        people = [f"{owner} {', '.join(ids[:_LIMIT])}" for owner, ids in by_owner.items()]
        lines.append(f"  Overdue    {len(review.actions_overdue)} actions: {listing(people, 'en', _LIMIT)}")
    spending = review.spending
    if spending.budget or spending.spent:
        spent = share(spending)
        part = "" if spent is None else f" ({spent:.0%})"
        currency = f" {review.currency}" if review.currency else ""
        lines.append(f"  Budget     {spending.spent:,.2f} of {spending.budget:,.2f}{currency} spent{part}")
    lines += _problems(read)
    lines.append(_where(read, written))
    return "\n".join(lines)


def _pct(value: float | None) -> str:
    return "" if value is None else f" {value:+.1%}"


def _problems(read: PlanRead) -> list[str]:
    errors, warnings = len(read.errors), len(read.warnings)
    if not errors and not warnings:
        return []
    parts = [f"{errors} error{'s' * (errors != 1)}"] if errors else []
    parts += [f"{warnings} warning{'s' * (warnings != 1)}"] if warnings else []
    forced = " (reviewed anyway: --force)" if errors else ""
    text = _("The plan has {parts}{forced}; `sheetplan check {source}` lists them.").format(
        parts=" and ".join(parts), forced=forced, source=read.source
    )
    return [click.style(text, fg="red" if errors else "yellow")]


def _where(read: PlanRead, written: Written | None) -> str:
    if written is None:
        return "Dry run: nothing was written."
    wrote = f'Wrote the sheet "{written.sheet}" and the Review log to {written.where}'
    if written.reason:
        return f"{read.source} was left as it is: {written.reason}.\n{wrote} instead."
    if written.backup:
        wrote = f"{wrote} (the previous version is in {written.backup})"
    kept = written.carried
    if kept is None:
        return wrote + "."
    rows = f"row {kept.rows[0]}" if len(kept.rows) == 1 else f"rows {kept.rows[0]} to {kept.rows[-1]}"
    return (
        f'{wrote}.\nKept the text typed into the old "{kept.sheet}" ({", ".join(kept.cells)}):'
        f" it is now on the {kept.decisions} sheet, {rows}, as open decisions."
    )
