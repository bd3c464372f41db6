"""What a plan's calendar holds: the review meetings its Settings describe, and its open actions.

A setting the meetings cannot do without, or cannot read, is a SourceError naming its cell; an
`--owner` the plan does not know is a UsageError offering the name it probably meant.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, time
from typing import TypeVar
from zoneinfo import ZoneInfo

from sheetplan.check.suggest import did_you_mean, folded, meant_name
from sheetplan.plan import meeting, schema
from sheetplan.plan.errors import SourceError, UsageError
from sheetplan.plan.i18n import N_, _
from sheetplan.plan.model import Action, Plan
from sheetplan.plan.words import listing

_DAY_EXAMPLE = N_("such as third Thursday, last Friday or 15")
T = TypeVar("T")


@dataclass(frozen=True)
class Meetings:
    """The monthly review meetings: on `day` (as typed: `typed`) at `at`, in `zone` (None: a floating
    time, `at` wherever the calendar is)."""

    day: meeting.ReviewDay
    typed: str
    at: time
    zone: ZoneInfo | None
    dates: tuple[date, ...]
    """The meetings from `today` on to the plan's last month; none once the plan is over."""


def review_meetings(plan: Plan, source: str, today: date) -> Meetings:
    """The review meetings of `plan` that are not past on `today`, as its Settings give them."""
    settings = plan.settings
    if not settings.review_day:
        label = schema.setting_by_key("review_day").label(plan.lang)
        if "review_day" not in settings.rows:
            where = plan.sheet_name("settings")
            raise SourceError(
                _('{source}: {where}: no "{label}" row; add one, {day_example}').format(
                    source=source, where=where, label=label, day_example=_(_DAY_EXAMPLE)
                )
            )
        raise SourceError(
            _('{source}: {cell}: "{label}" is blank; give a day {day_example}').format(
                source=source, cell=_cell(plan, "review_day"), label=label, day_example=_(_DAY_EXAMPLE)
            )
        )
    day = _read(plan, source, "review_day", meeting.parse_review_day)
    at = _read(plan, source, "review_time", meeting.parse_review_time) if settings.review_time else None
    zone = _read(plan, source, "time_zone", meeting.parse_time_zone) if settings.time_zone else None
    dates = tuple(held for month in settings.plan_months if (held := day.in_month(month)) >= today)
    return Meetings(day, settings.review_day, at or meeting.DEFAULT_TIME, zone, dates)


def _read(plan: Plan, source: str, key: str, parse: Callable[[str], T]) -> T:
    """A meeting setting read by its parser; SourceError naming its cell when it cannot be read."""
    try:
        return parse(str(getattr(plan.settings, key)))
    except ValueError as error:
        raise SourceError(
            _("{source}: {cell}: {error}").format(source=source, cell=_cell(plan, key), error=error)
        ) from None


def _cell(plan: Plan, key: str) -> str:
    """The address of a setting's value, `Settings!B7`; the sheet alone for a plan built in code."""
    row = plan.settings.rows.get(key)
    return plan.cell("settings", row, "value") if row else plan.sheet_name("settings")


def chosen_owner(plan: Plan, source: str, typed: str) -> str:
    """The owner `--owner` names, spelt as the plan spells them; UsageError for a name it lacks."""
    people = [*(owner.name for owner in plan.owners), *(action.owner for action in plan.actions)]
    names = folded(people)
    found = names.get(schema.normalise(typed))
    if found is not None:
        return found
    unknown = _('{source}: --owner "{typed}" is not on the {sheet} sheet').format(
        source=source, typed=typed, sheet=plan.sheet_name("owners")
    )
    meant = meant_name(typed, names)
    if meant is not None:
        raise UsageError(unknown + did_you_mean(meant, quoted=True))
    if not names:
        raise UsageError(_("{unknown}; the plan names no owners").format(unknown=unknown))
    listed = listing(list(dict.fromkeys(names[schema.normalise(name)] for name in people if name)))
    raise UsageError(_("{unknown}; its owners are {listed}").format(unknown=unknown, listed=listed))


def is_open(action: Action, owner: str | None = None) -> bool:
    """Whether `action` goes in the calendar: not done or dropped, with a due date, `owner`'s if given."""
    if action.status in schema.DONE_STATUSES or action.due is None:
        return False
    return owner is None or schema.normalise(action.owner) == schema.normalise(owner)
