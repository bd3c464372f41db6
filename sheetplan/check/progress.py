"""Rules about how far the plan is filled in: a plan with nothing in it yet, and finished months
without their actual results.

Each says what to fill in and where, so that `check` answers a blank plan with its first step rather
than "no problems found", and a month that is over with the cell its result goes in.
"""

from __future__ import annotations

from collections.abc import Iterator

from sheetplan.check.context import Context
from sheetplan.plan import schema
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
        message = (
            f"the plan is empty: start here with the people who own tasks, then the goals on"
            f" {named['goals']}, their actions on {named['actions']}, their metrics on {named['metrics']}"
            f" and the metrics' forecasts on {named['forecasts']}"
        )
    else:
        sheet, column = "goals", "goal_id"
        message = (
            "the plan is empty: start here with a goal, the problem it solves and why it matters, then"
            f" its actions on {named['actions']}, its metrics on {named['metrics']} and their forecasts"
            f" on {named['forecasts']}"
        )
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
            message = (
                f"{metric.id} has no row on {actuals_sheet}, and {month_list(over)}"
                f" {'has' if len(over) == 1 else 'have'} ended; add one with the results"
            )
            yield context.problem("warning", "metrics", metric.row, "metric_id", "missing_actual", message)
            continue
        missing = [month for month in over if month not in series]
        if missing:
            row = location.rows.get(metric.id, 0) if location else 0
            message = (
                f"{metric.id} has no actual for {month_list(missing)}, which"
                f" {'has' if len(missing) == 1 else 'have'} ended; "
                + (
                    "import it from its exports (sheetplan import) before the review"
                    if metric.id in fed
                    else "type the result before the review"
                )
            )
            yield context.problem("warning", "actuals", row, str(missing[0]), "missing_actual", message)
