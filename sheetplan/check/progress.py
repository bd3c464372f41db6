"""Rules about how far the plan is filled in: a plan with nothing in it yet, and finished months
without their actual results.

Each says what to fill in and where, so that `check` answers a blank plan with its first step rather
than "no problems found", and a month that is over with the cell its result goes in.
"""

from __future__ import annotations

from collections.abc import Iterator

from sheetplan.check.context import Context
from sheetplan.plan import schema
from sheetplan.plan.i18n import _, n_
from sheetplan.plan.model import Problem
from sheetplan.read.monthly import month_list


def empty_plan(context: Context) -> Iterator[Problem]:
    """A plan with no goals, actions or metrics: where to start, the Owners sheet when it is empty too
    (the Owner dropdowns take their names from it), else the Goals sheet."""
    plan = context.plan
    if plan.goals or plan.actions or plan.metrics:
        return
    named = {key: plan.sheet_name(key) for key in ("goals", "actions", "metrics", "forecasts")}
    if not plan.owners:
        sheet, column = "owners", "owner"
        message = _(
            "the plan is empty: start here with the people who own tasks, then the goals on "
            "{goals}, their actions on {actions}, their metrics on {metrics} and the metrics' "
            "forecasts on {forecasts}"
        ).format(
            goals=named["goals"],
            actions=named["actions"],
            metrics=named["metrics"],
            forecasts=named["forecasts"],
        )
    else:
        sheet, column = "goals", "goal_id"
        message = _(
            "the plan is empty: start here with a goal, the problem it solves and why it "
            "matters, then its actions on {actions}, its metrics on {metrics} and their "
            "forecasts on {forecasts}"
        ).format(actions=named["actions"], metrics=named["metrics"], forecasts=named["forecasts"])
    location = plan.locations.get(sheet)
    row = (location.header_row if location else 1) + 1
    yield context.problem("warning", sheet, row, column, "empty_plan", message)


def missing_actuals(context: Context) -> Iterator[Problem]:
    """Every metric has an actual for each plan month that is over (before this month), unless its goal
    is dropped. One warning a metric, at the first month's cell, naming the months."""
    plan = context.plan
    location = plan.locations.get("actuals")
    columns = location.columns if location else {}
    over = [
        month
        for month in plan.settings.plan_months
        if month < context.this_month and (str(month) in columns or not location)
    ]
    if not over:
        return
    dropped = {schema.normalise(goal.id) for goal in plan.goals if goal.status == schema.GOAL_DROPPED}
    actuals_sheet = plan.sheet_name("actuals")
    fed = {source.metric_id for source in plan.sources}
    for metric in plan.metrics:
        if not metric.id or (dropped and schema.normalise(metric.goal_id) in dropped):
            continue
        series = plan.actuals.get(metric.id)
        if series is None:
            message = n_(
                "{id} has no row on {actuals_sheet}, and {months} has ended; add one with the results",
                "{id} has no row on {actuals_sheet}, and {months} have ended; add one with the results",
                len(over),
            ).format(id=metric.id, actuals_sheet=actuals_sheet, months=month_list(over))
            yield context.problem("warning", "metrics", metric.row, "metric_id", "missing_actual", message)
            continue
        missing = [month for month in over if month not in series]
        if missing:
            row = location.rows.get(metric.id, 0) if location else 0
            if metric.id in fed:
                said = n_(
                    "{id} has no actual for {months}, which has ended; import it from its exports"
                    " (sheetplan import) before the review",
                    "{id} has no actual for {months}, which have ended; import it from its exports"
                    " (sheetplan import) before the review",
                    len(missing),
                )
            else:
                said = n_(
                    "{id} has no actual for {months}, which has ended; type the result before the review",
                    "{id} has no actual for {months}, which have ended; type the result before the review",
                    len(missing),
                )
            message = said.format(id=metric.id, months=month_list(missing))
            yield context.problem("warning", "actuals", row, str(missing[0]), "missing_actual", message)
