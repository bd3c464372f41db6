"""What `sheetplan review` prints: the month in a few lines, and where the review went."""

from __future__ import annotations

import click

from sheetplan.api import PlanRead, Written
from sheetplan.layout.labels import month_name
from sheetplan.layout.sections import listing, share
from sheetplan.plan import formats
from sheetplan.plan.i18n import _, language, n_
from sheetplan.plan.schema import METRICS, REVIEW_LOG, STATUS, Lang
from sheetplan.review.model import Review
from sheetplan.review.rollup import status_counts

_LIMIT = 8
"""How many metrics or people a line names before it says `and N more`."""
_COLOURS = {"on_track": "green", "at_risk": "yellow", "off_track": "red", "no_data": None}


def summary(read: PlanRead, review: Review, written: Written | None) -> str:
    """The summary, in the language of `sheetplan.plan.i18n`; `written` is None for a dry run.
    Colours come from click.style; echo drops them when the output is not a terminal."""
    lang = language()
    counts = status_counts(item.month.status for item in review.metrics)
    title = _("{plan}: review of {month}").format(plan=review.plan_name, month=month_name(review.month, lang))
    rows: list[tuple[str, str]] = []
    statuses = " · ".join(
        click.style(f"{getattr(counts, status)} {STATUS.label(status, lang)}", fg=_COLOURS[status])
        for status in STATUS.values
    )
    rows.append((METRICS.name(lang), statuses))
    for status in ("off_track", "at_risk"):
        found = [
            f"{item.metric.id} {item.metric.name}{_pct(item.month.variance_pct, lang)}"
            for item in review.metrics
            if item.month.status == status
        ]
        if found:
            label = STATUS.label(status, lang).capitalize()
            rows.append((label, click.style(listing(found, lang, _LIMIT), fg=_COLOURS[status])))
    by_owner: dict[str, list[str]] = {}
    for action in review.actions_overdue:
        by_owner.setdefault(action.owner or _("no owner"), []).append(action.id)
    if by_owner:
        people = [f"{owner} {', '.join(ids[:_LIMIT])}" for owner, ids in by_owner.items()]
        count = len(review.actions_overdue)
        overdue = n_("{count} action: {people}", "{count} actions: {people}", count)
        rows.append((_("Overdue"), overdue.format(count=count, people=listing(people, lang, _LIMIT))))
    spending = review.spending
    if spending.budget or spending.spent:
        spent = share(spending)
        part = "" if spent is None else f" ({formats.percent(spent, lang, 0)})"
        currency = f" {review.currency}" if review.currency else ""
        said = _("{spent} of {budget}{currency} spent{share}").format(
            spent=formats.number(spending.spent, lang, 2),
            budget=formats.number(spending.budget, lang, 2),
            currency=currency,
            share=part,
        )
        rows.append((_("Budget"), said))
    width = max(len(label) for label, _text in rows)
    lines = [click.style(title, bold=True), *(f"  {label:<{width}}  {text}" for label, text in rows)]
    lines += _problems(read)
    lines.append(_where(read, written))
    return "\n".join(lines)


def _pct(value: float | None, lang: Lang) -> str:
    return "" if value is None else " " + formats.percent(value, lang, 1, signed=True)


def _problems(read: PlanRead) -> list[str]:
    errors, warnings = len(read.errors), len(read.warnings)
    if not errors and not warnings:
        return []
    counted = [
        *([n_("{count} error", "{count} errors", errors).format(count=errors)] if errors else []),
        *([n_("{count} warning", "{count} warnings", warnings).format(count=warnings)] if warnings else []),
    ]
    found = (
        _("{errors} and {warnings}").format(errors=counted[0], warnings=counted[1])
        if len(counted) == 2
        else counted[0]
    )
    if errors:
        text = _("The plan has {problems} (reviewed anyway: --force); `sheetplan check {source}` lists them.")
    else:
        text = _("The plan has {problems}; `sheetplan check {source}` lists them.")
    said = text.format(problems=found, source=read.source)
    return [click.style(said, fg="red" if errors else "yellow")]


def _where(read: PlanRead, written: Written | None) -> str:
    if written is None:
        return _("Dry run: nothing was written.")
    wrote = _('Wrote the sheet "{sheet}" and the {log} to {where}').format(
        sheet=written.sheet, log=REVIEW_LOG.name(read.plan.lang), where=written.where
    )
    if written.reason:
        return _("{source} was left as it is: {reason}.\n{wrote} instead.").format(
            source=read.source, reason=written.reason, wrote=wrote
        )
    if written.backup:
        wrote = _("{wrote} (the previous version is in {backup})").format(wrote=wrote, backup=written.backup)
    kept = written.carried
    if kept is None:
        return wrote + "."
    rows = n_("row {first}", "rows {first} to {last}", len(kept.rows)).format(
        first=kept.rows[0], last=kept.rows[-1]
    )
    return _(
        '{wrote}.\nKept the text typed into the old "{sheet}" ({cells}): it is now on the {decisions} sheet,'
        " {rows}, as open decisions."
    ).format(wrote=wrote, sheet=kept.sheet, cells=", ".join(kept.cells), decisions=kept.decisions, rows=rows)
