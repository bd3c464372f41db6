"""The rules of who does what, where and when: everyone on the Owners sheet has a task, channels plan
no more posts than their maximum, actions name channels the plan lists and are not due before they
start. Each yields warnings at their cells.
"""

from __future__ import annotations

from collections.abc import Iterator

from sheetplan.check import suggest
from sheetplan.check.context import Context
from sheetplan.plan import schema
from sheetplan.plan.i18n import _
from sheetplan.plan.model import Problem


def owners_have_tasks(context: Context) -> Iterator[Problem]:
    """Everyone on the Owners sheet owns at least one action."""
    busy = {schema.normalise(owner) for owner in {action.owner for action in context.plan.actions}}
    for owner in context.plan.owners:
        if owner.name and schema.normalise(owner.name) not in busy:
            message = _("{name} owns no action; give them a task or remove them").format(name=owner.name)
            yield context.problem("warning", "owners", owner.row, "owner", "owner_without_tasks", message)


def channels_within_limits(context: Context) -> Iterator[Problem]:
    """No channel plans more posts a week than its maximum."""
    for channel in context.plan.channels:
        planned, most = channel.planned_per_week, channel.max_per_week
        if planned is not None and most is not None and planned > most:
            name = channel.name or "this channel"
            message = _("{planned} posts a week planned on {name}, more than its maximum of {most}").format(
                planned=planned, name=name, most=most
            )
            yield context.problem(
                "warning", "channels", channel.row, "planned_per_week", "too_many_posts", message
            )


def known_channels(context: Context) -> Iterator[Problem]:
    """Actions name channels that the Channels sheet lists (when the plan has one)."""
    if "channels" not in context.plan.locations:
        return
    for action in context.plan.actions:
        if action.channel and action.channel not in context.channels:
            meant = suggest.did_you_mean(suggest.meant_name(action.channel, context.folded_channels), True)
            message = _('"{channel}" is not on the {sheet} sheet{meant}').format(
                sheet=context.plan.sheet_name("channels"), channel=action.channel, meant=meant
            )
            yield context.problem("warning", "actions", action.row, "channel", "unknown_channel", message)


def due_after_start(context: Context) -> Iterator[Problem]:
    """An action is not due before it starts."""
    for action in context.plan.actions:
        if action.start and action.due and action.due < action.start:
            message = _("due {due} is before its start {start}").format(due=action.due, start=action.start)
            yield context.problem("warning", "actions", action.row, "due", "due_before_start", message)
