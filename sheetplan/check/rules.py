"""The five fundamentals as rules: what a plan must have to be a plan, each problem at its cell.

Each rule is a small function from the plan to the problems it finds; `RULES` lists them in the order
a reader meets them. `load` has already reported the cells it could not read (errors, formulas with no
result, values of the wrong type); a rule that finds something at one of those cells stays quiet, so
each cell is reported once, by the module that knows most about it.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from datetime import date

from sheetplan.check import activity, decisions, progress, scale, sources, suggest
from sheetplan.check.context import Context
from sheetplan.plan import schema
from sheetplan.plan.i18n import N_, _
from sheetplan.plan.model import Plan, Problem, Severity
from sheetplan.read.monthly import month_list

Rule = Callable[[Context], Iterable[Problem]]

# (sheet, record attribute, column key, what to say when it is blank)
_REQUIRED: tuple[tuple[str, str, str, str], ...] = (
    ("goals", "id", "goal_id", N_("no Goal ID; give the goal a short ID such as G1")),
    ("goals", "name", "goal", N_("no goal: say what you want to achieve")),
    ("goals", "problem", "problem", N_("no problem statement: say what problem this goal solves")),
    ("goals", "why", "why", N_("no reason: say why this goal matters")),
    ("goals", "owner", "owner", N_("no owner: name the one person responsible")),
    ("owners", "name", "owner", N_("no name: who is this?")),
    ("channels", "name", "channel", N_("no channel name")),
    ("actions", "id", "action_id", N_("no Action ID; give the action a short ID such as A1")),
    ("actions", "goal_id", "goal_id", N_("no Goal ID: say which goal this action serves")),
    ("actions", "name", "action", N_("no action: say what is to be done")),
    ("actions", "owner", "owner", N_("no owner: name the one person who does it")),
    ("actions", "due", "due", N_("no due date")),
    ("actions", "status", "status", N_("no status")),
    ("metrics", "id", "metric_id", N_("no Metric ID; give the metric a short ID such as M1")),
    ("metrics", "name", "metric", N_("no metric: say what is measured")),
    ("metrics", "goal_id", "goal_id", N_("no Goal ID: say which goal this metric measures")),
    ("metrics", "owner", "owner", N_("no owner: name the one person who reports it")),
    ("metrics", "direction", "direction", N_("no direction: up if higher is better, down if lower is")),
    ("metrics", "aggregation", "aggregation", N_("no aggregation: sum, last or average")),
    ("assumptions", "text", "assumption", N_("no assumption")),
    ("sources", "metric_id", "metric_id", N_("no Metric ID: say which metric this export feeds")),
    ("sources", "export", "export", N_("no export: say which kind of export the number comes from")),
    ("sources", "value", "value", N_("no value: name the export's column, or posts to count its posts")),
)

_CHOICES: tuple[tuple[str, str, str], ...] = (
    ("goals", "status", N_("a goal status")),
    ("actions", "status", N_("an action status")),
    ("metrics", "direction", N_("a direction")),
    ("metrics", "aggregation", N_("an aggregation")),
    ("assumptions", "still_true", N_("an answer")),
    ("sources", "how", N_("a way to add up a month")),
)
"""Each dropdown column read into a record field of the same name, and what its values are called."""

_ONE_OWNER = N_('"{owner}" names several people; one owner per task: choose the one who answers for it')
_SEVERAL = re.compile(r"\s*(?:[,;/\\&+\n]|\band\b|\bи\b)\s*", re.IGNORECASE)


def _required_values(context: Context) -> Iterator[Problem]:
    """Every required cell of a record is filled in: a goal's problem and reason, an action's due date..."""
    for sheet, attribute, column, message in _REQUIRED:
        for record in getattr(context.plan, sheet):
            if getattr(record, attribute) in ("", None):
                yield context.problem("error", sheet, record.row, column, "missing_value", _(message))


def _valid_choices(context: Context) -> Iterator[Problem]:
    """Status, direction, aggregation and still-true cells hold one of their dropdown's values."""
    for sheet, column, what in _CHOICES:
        choices = schema.sheet_by_key(sheet).column(column).choices
        assert choices is not None
        allowed = ", ".join(choices.labels(context.plan.lang))
        valid = {None, *choices.values}
        for record in getattr(context.plan, sheet):
            value = getattr(record, column)
            if value not in valid:
                message = _('"{value}" is not {what}; use one of: {allowed}').format(
                    value=value, what=_(what), allowed=allowed
                )
                yield context.problem("error", sheet, record.row, column, "invalid_choice", message)


def _unique_ids(context: Context) -> Iterator[Problem]:
    """Action and Metric IDs are unique (exactly, as lookups compare them); Goal IDs, and the names of
    owners and channels, ignoring case and spaces as the review compares them."""
    checked: tuple[tuple[str, str, Severity], ...] = (
        ("goals", "goal_id", "error"),
        ("actions", "action_id", "error"),
        ("metrics", "metric_id", "error"),
        ("owners", "owner", "warning"),
        ("channels", "channel", "warning"),
    )
    for sheet, column, severity in checked:
        first: dict[str, int] = {}
        is_name = sheet in ("owners", "channels")
        folded = is_name or sheet == "goals"
        for record in getattr(context.plan, sheet):
            shown = record.name if is_name else record.id
            key = schema.normalise(shown) if folded else shown
            if key in first:
                what = context.header(sheet, column)
                message = _("{shown} is also on row {first}; each {what} must be different").format(
                    shown=shown, first=first[key], what=what
                )
                code = "duplicate_name" if is_name else "duplicate_id"
                yield context.problem(severity, sheet, record.row, column, code, message)
            elif key:
                first[key] = record.row


def _known_goals(context: Context) -> Iterator[Problem]:
    """Actions and metrics name a Goal ID that the Goals sheet has."""
    for sheet in ("actions", "metrics"):
        for record in getattr(context.plan, sheet):
            if record.goal_id and record.goal_id not in context.goal_ids:
                meant = suggest.meant_id(record.goal_id, context.folded_goal_ids)
                message = _("{goal_id} is not a Goal ID on the {sheet} sheet{did_you_mean}").format(
                    goal_id=record.goal_id,
                    sheet=context.plan.sheet_name("goals"),
                    did_you_mean=suggest.did_you_mean(meant),
                )
                yield context.problem("error", sheet, record.row, "goal_id", "unknown_goal", message)


def _one_listed_owner(context: Context) -> Iterator[Problem]:
    """One owner per task, goal and metric, and one that the Owners sheet lists.

    Names are compared as the review compares them, ignoring case and runs of spaces. A name spelt
    otherwise than on the Owners sheet has been reported by `load` (`owner_spelling`), which spells it
    as the Owners sheet does.
    """
    verdicts: dict[str, tuple[Severity, str, str] | None] = {}  # a plan names a few people many times
    for sheet in ("goals", "actions", "metrics", "assumptions", "decisions"):
        for record in getattr(context.plan, sheet):
            owner: str = record.owner
            if owner not in verdicts:
                verdicts[owner] = _owner_verdict(owner, context.owners, context.plan.sheet_name("owners"))
            verdict = verdicts[owner]
            if verdict is not None:
                yield context.problem(verdict[0], sheet, record.row, "owner", verdict[1], verdict[2])


def _owner_verdict(owner: str, listed: Mapping[str, str], sheet: str) -> tuple[Severity, str, str] | None:
    """What is wrong with an owner cell (the people are on `sheet`): severity, code and message; None
    when nothing is."""
    if not owner:
        return None
    folded = schema.normalise(owner)
    parts = [schema.normalise(part) for part in _SEVERAL.split(owner) if part]
    if len(parts) > 1 and (folded not in listed or all(part in listed for part in parts)):
        return "error", "several_owners", _(_ONE_OWNER).format(owner=owner)
    if folded not in listed:
        meant = suggest.meant_name(owner, listed)
        advice = suggest.did_you_mean(meant, quoted=True) if meant else _("; add the person there first")
        said = _('"{owner}" is not on the {sheet} sheet{advice}').format(
            owner=owner, sheet=sheet, advice=advice
        )
        return "error", "unknown_owner", said
    return None


def _goals_have_actions_and_metrics(context: Context) -> Iterator[Problem]:
    """Every goal that is not dropped has at least one action and one metric."""
    with_actions = {action.goal_id for action in context.plan.actions}
    with_metrics = {metric.goal_id for metric in context.plan.metrics}
    for goal in context.plan.goals:
        if not goal.id or goal.status == schema.GOAL_DROPPED:
            continue
        if goal.id not in with_actions:
            message = _("goal {id} has no actions; add at least one on the {sheet} sheet").format(
                id=goal.id, sheet=context.plan.sheet_name("actions")
            )
            yield context.problem("error", "goals", goal.row, "goal_id", "goal_without_actions", message)
        if goal.id not in with_metrics:
            message = _("goal {id} has no metrics; add at least one on the {sheet} sheet").format(
                id=goal.id, sheet=context.plan.sheet_name("metrics")
            )
            yield context.problem("error", "goals", goal.row, "goal_id", "goal_without_metrics", message)


def _forecast_every_month(context: Context) -> Iterator[Problem]:
    """Every metric has a row on Forecasts with a number for every plan month."""
    plan = context.plan
    location = plan.locations.get("forecasts")
    columns = location.columns if location else {}
    forecast_sheet = plan.sheet_name("forecasts")
    months = [month for month in plan.settings.plan_months if str(month) in columns or not location]
    for metric in plan.metrics:
        if not metric.id:
            continue
        series = plan.forecasts.get(metric.id)
        if series is None:
            message = _(
                "{id} has no row on {forecast_sheet}; add one with a forecast for every month"
            ).format(id=metric.id, forecast_sheet=forecast_sheet)
            yield context.problem("error", "metrics", metric.row, "metric_id", "no_forecast_row", message)
            continue
        # load keeps only plan months, so a series as long as the months misses none.
        missing = [] if len(series) >= len(months) else [month for month in months if month not in series]
        if missing:
            row = location.rows.get(metric.id, 0) if location else 0
            message = _("{id} has no forecast for {months}").format(id=metric.id, months=month_list(missing))
            yield context.problem("error", "forecasts", row, str(missing[0]), "missing_forecast", message)


def _known_metrics(context: Context) -> Iterator[Problem]:
    """Rows of Forecasts, Actuals and Baseline name a Metric ID that the Metrics sheet has."""
    for sheet in ("forecasts", "actuals", "baseline"):
        location = context.plan.locations.get(sheet)
        rows = location.rows if location else {}
        for metric_id in getattr(context.plan, sheet):
            if metric_id not in context.metric_ids:
                meant = suggest.meant_id(metric_id, context.folded_metric_ids)
                message = _("{metric_id} is not a Metric ID on the {sheet} sheet{did_you_mean}").format(
                    metric_id=metric_id,
                    sheet=context.plan.sheet_name("metrics"),
                    did_you_mean=suggest.did_you_mean(meant),
                )
                yield context.problem(
                    "error", sheet, rows.get(metric_id, 0), "metric_id", "unknown_metric", message
                )


def _no_future_actuals(context: Context) -> Iterator[Problem]:
    """Actual results are for months that are over (or this month), not for later ones."""
    location = context.plan.locations.get("actuals")
    rows = location.rows if location else {}
    future = {month for month in context.plan.settings.plan_months if month > context.this_month}
    for metric_id, series in context.plan.actuals.items():
        if future.isdisjoint(series):
            continue
        for month in sorted(month for month in series if month > context.this_month):
            message = _("an actual for {month}, which has not ended yet (this month is {this_month})").format(
                month=month, this_month=context.this_month
            )
            yield context.problem(
                "warning", "actuals", rows.get(metric_id, 0), str(month), "future_actual", message
            )


RULES: tuple[Rule, ...] = (
    progress.empty_plan,
    _required_values,
    _valid_choices,
    _unique_ids,
    _known_goals,
    _one_listed_owner,
    _goals_have_actions_and_metrics,
    _forecast_every_month,
    _known_metrics,
    _no_future_actuals,
    activity.owners_have_tasks,
    activity.channels_within_limits,
    activity.known_channels,
    activity.due_after_start,
    *sources.RULES,
    *decisions.RULES,
    progress.missing_actuals,
    scale.percent_scale,
)


IMPORT_RULES: tuple[Rule, ...] = (
    _required_values,
    _valid_choices,
    _unique_ids,
    _known_metrics,
    *sources.RULES,
)
"""The rules about what `sheetplan import` goes by: the metrics, their Actuals rows and the Sources."""


def check_plan(
    plan: Plan, *, today: date, loaded: Iterable[Problem] = (), rules: Sequence[Rule] = RULES
) -> list[Problem]:
    """The problems of a plan, by `rules` (all of them unless given); cells that `loaded` already
    reports an error at are skipped."""
    context = Context.of(plan, today)
    reported = {problem.cell for problem in loaded if problem.severity == "error" and problem.cell}
    return [problem for rule in rules for problem in rule(context) if problem.cell not in reported]
