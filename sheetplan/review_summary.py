"""What `sheetplan review` prints: the month in a few lines, and where the review went."""

from __future__ import annotations

import click

from sheetplan.labels import month_name
from sheetplan.review import Outcome, PlanRead
from sheetplan.review_model import Review
from sheetplan.rollup import status_counts

LIMIT = 8
"""How many metrics or people a line names before it says `and N more`."""
_COLOURS = {"on_track": "green", "at_risk": "yellow", "off_track": "red", "no_data": None}
_WORDS = {"on_track": "on track", "at_risk": "at risk", "off_track": "off track", "no_data": "no data"}


def summary(read: PlanRead, review: Review, outcome: Outcome | None) -> str:
    """The summary; `outcome` is None for a dry run. Colours come from click.style; echo drops them
    when the output is not a terminal."""
    counts = status_counts(item.month.status for item in review.metrics)
    lines = [click.style(f"{review.plan_name}: review of {month_name(review.month, 'en')}", bold=True)]
    statuses = " · ".join(
        click.style(f"{getattr(counts, status)} {words}", fg=_COLOURS[status])
        for status, words in _WORDS.items()
    )
    lines.append(f"  Metrics    {statuses}")
    for status, title in (("off_track", "Off track"), ("at_risk", "At risk")):
        found = [
            f"{item.metric.id} {item.metric.name}{_pct(item.month.variance_pct)}"
            for item in review.metrics
            if item.month.status == status
        ]
        if found:
            lines.append(f"  {title:<10} " + click.style(_listing(found), fg=_COLOURS[status]))
    by_owner: dict[str, list[str]] = {}
    for action in review.actions_overdue:
        by_owner.setdefault(action.owner or "no owner", []).append(action.id)
    if by_owner:
        people = [f"{owner} {', '.join(ids[:LIMIT])}" for owner, ids in by_owner.items()]
        lines.append(f"  Overdue    {len(review.actions_overdue)} actions: {_listing(people)}")
    spending = review.spending
    if spending.budget or spending.spent:
        share = f" ({spending.spent / spending.budget:.0%})" if spending.budget else ""
        currency = f" {review.currency}" if review.currency else ""
        lines.append(f"  Budget     {spending.spent:,.2f} of {spending.budget:,.2f}{currency} spent{share}")
    lines += _problems(read)
    lines.append(_where(read, outcome))
    return "\n".join(lines)


def _pct(value: float | None) -> str:
    return "" if value is None else f" {value:+.1%}"


def _listing(items: list[str]) -> str:
    shown = "; ".join(items[:LIMIT])
    return shown + (f"; and {len(items) - LIMIT} more" if len(items) > LIMIT else "")


def _problems(read: PlanRead) -> list[str]:
    errors, warnings = len(read.errors), len(read.warnings)
    if not errors and not warnings:
        return []
    parts = [f"{errors} error{'s' * (errors != 1)}"] if errors else []
    parts += [f"{warnings} warning{'s' * (warnings != 1)}"] if warnings else []
    forced = " (reviewed anyway: --force)" if errors else ""
    text = f"The plan has {' and '.join(parts)}{forced}; `sheetplan check {read.source}` lists them."
    return [click.style(text, fg="red" if errors else "yellow")]


def _where(read: PlanRead, outcome: Outcome | None) -> str:
    if outcome is None:
        return "Dry run: nothing was written."
    wrote = f'Wrote the sheet "{outcome.sheet}" and the Review log to {outcome.where}'
    if outcome.reason:
        return f"{read.source} was left as it is: {outcome.reason}.\n{wrote} instead."
    if outcome.backup:
        return f"{wrote} (the previous version is in {outcome.backup})."
    return wrote + "."
