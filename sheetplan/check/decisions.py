"""The rules of the Decisions sheet: each decision said, owned, dated within the plan, and about
metrics and actions the plan has.

A decision carried out of a review sheet by `review` has no owner yet: that is a warning, so that the
next review still runs and the team names one at the meeting.
"""

from __future__ import annotations

from collections.abc import Iterator

from sheetplan.check import suggest
from sheetplan.check.context import Context
from sheetplan.plan import schema
from sheetplan.plan.i18n import _
from sheetplan.plan.model import Problem, Severity

_BLANK: tuple[tuple[str, str, Severity, str], ...] = (
    ("month", "month", "error", "no month: write the month of the review that decided it, as YYYY-MM"),
    ("text", "decision", "error", "no decision: say what was decided"),
    ("owner", "owner", "warning", "no owner: name the one person who follows it up"),
    ("status", "status", "error", "no status: open, done or dropped"),
)


def _complete(context: Context) -> Iterator[Problem]:
    """Each decision has its month, its text, its owner and its status."""
    for decision in context.plan.decisions:
        for attribute, column, severity, message in _BLANK:
            if getattr(decision, attribute) in ("", None):
                yield context.problem(severity, "decisions", decision.row, column, "missing_value", message)


def _valid_status(context: Context) -> Iterator[Problem]:
    choices = schema.DECISION_STATUS
    allowed = ", ".join(choices.labels(context.plan.lang))
    for decision in context.plan.decisions:
        if decision.status is not None and decision.status not in choices.values:
            message = _('"{status}" is not a decision status; use one of: {allowed}').format(
                status=decision.status, allowed=allowed
            )
            yield context.problem("error", "decisions", decision.row, "status", "invalid_choice", message)


def _within_plan(context: Context) -> Iterator[Problem]:
    """A decision's month is one of the plan's months, and it is not due before that month begins."""
    months = context.plan.settings.plan_months
    for decision in context.plan.decisions:
        month = decision.month
        if month is not None and months and month not in months:
            message = _("{month} is outside the plan, which runs from {first} to {last}").format(
                month=month, first=months[0], last=months[-1]
            )
            yield context.problem(
                "warning", "decisions", decision.row, "month", "month_outside_plan", message
            )
        if month is not None and decision.due is not None and decision.due < month.first_day:
            message = _("due {due} is before {month}, the month it was decided").format(
                due=decision.due, month=month
            )
            yield context.problem("warning", "decisions", decision.row, "due", "due_before_decision", message)


def _known_ids(context: Context) -> Iterator[Problem]:
    """The Metric ID and Action ID of a decision are on the Metrics and Actions sheets."""
    action_ids = {action.id for action in context.plan.actions if action.id}
    folded_actions = suggest.folded(action_ids)
    for decision in context.plan.decisions:
        metric, action = decision.metric_id, decision.action_id
        if metric and metric not in context.metric_ids:
            meant = suggest.did_you_mean(suggest.meant_id(metric, context.folded_metric_ids))
            message = _("{metric_id} is not a Metric ID on the {sheet} sheet{did_you_mean}").format(
                metric_id=metric, sheet=context.plan.sheet_name("metrics"), did_you_mean=meant
            )
            yield context.problem("error", "decisions", decision.row, "metric_id", "unknown_metric", message)
        if action and action not in action_ids:
            meant = suggest.did_you_mean(suggest.meant_id(action, folded_actions))
            message = _("{action_id} is not an Action ID on the {sheet} sheet{did_you_mean}").format(
                action_id=action, sheet=context.plan.sheet_name("actions"), did_you_mean=meant
            )
            yield context.problem("error", "decisions", decision.row, "action_id", "unknown_action", message)


RULES = (_complete, _valid_status, _within_plan, _known_ids)
