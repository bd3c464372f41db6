"""The monthly review as numbers: frozen records that `variance.build_review` fills in.

A `Review` is pure data: the review sheet layout, the Review log and `review --json` all read it and
none of them computes a number of its own. Money and figures are floats; `None` means absent.

The records made once per metric, goal, person or action are named tuples: they are as immutable as
frozen dataclasses, and Python makes their classes, at every start of `review`, in a tenth of the time.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Literal, NamedTuple

from sheetplan.plan.model import Action, Assumption, Decision, Goal, Metric, Month, Owner
from sheetplan.plan.posts import Post

Status = Literal["on_track", "at_risk", "off_track", "no_data"]
"""A metric's or goal's standing (docs/variance.md); the values of `schema.STATUS`."""

SEVERITY: dict[Status, int] = {"no_data": 0, "on_track": 1, "at_risk": 2, "off_track": 3}
"""How bad a status is, for `--fail-on` and for a goal's worst status; no_data ranks lowest."""


@dataclass(frozen=True)
class Figures:
    """One forecast-against-actual comparison: a metric in a month, year to date, or a projection."""

    forecast: float | None
    actual: float | None
    variance: float | None
    """actual − forecast, in decimal so that 1010 − 1200 is exactly −190; None when either is absent."""
    variance_pct: float | None
    """variance / |forecast| as a fraction to 4 places (half away from 0); None when forecast is 0."""
    status: Status


@dataclass(frozen=True)
class YearToDate(Figures):
    """The year-to-date comparison: the figures over months with both numbers, and the months left out."""

    months: tuple[Month, ...] = ()
    """The months from the plan's start to the review month that have both a forecast and an actual."""
    missing_months: tuple[Month, ...] = ()
    """The months in that range missing the forecast, the actual or both, oldest first."""


class TrendPoint(NamedTuple):
    """A metric's forecast and actual in one month, and the status they give."""

    month: Month
    forecast: float | None
    actual: float | None
    status: Status


class BaselineReview(NamedTuple):
    """A metric against its baseline: the month, the year to date, and the year-end outlook
    (`forecast` the baseline's full year, `actual` the outlook; see `baseline.outlook`)."""

    month: Figures
    ytd: YearToDate
    outlook: Figures | None


class MetricReview(NamedTuple):
    """One metric's review: the month, the year to date and where the year is heading."""

    metric: Metric
    tolerance: float
    """The fraction actually applied: the metric's, else the plan's, else `schema.DEFAULT_TOLERANCE`."""
    month: Figures
    ytd: YearToDate
    projection: Figures | None
    """The plan's full-year figure as `forecast` and where the year ends at the year-to-date run rate as
    `actual` (see `variance.projection`); None when no month has both numbers yet."""
    baseline: BaselineReview | None = None
    """Against the Baseline sheet's row of the metric; None without one."""
    previous_status: Status | None = None
    """The month status at the previous month's review (`changes.previous_statuses`); None at the
    plan's first month."""
    trend: tuple[TrendPoint, ...] = ()
    """Each month from the plan's start to the review month, oldest first."""


class StatusCounts(NamedTuple):
    """How many metrics stand at each status in the review month."""

    on_track: int = 0
    at_risk: int = 0
    off_track: int = 0
    no_data: int = 0


class ActionCounts(NamedTuple):
    """How a set of actions stands in the review month.

    `open` counts actions neither done nor dropped (the same test as overdue), so
    total = done + open + dropped.
    """

    total: int = 0
    done: int = 0
    open: int = 0
    overdue: int = 0
    dropped: int = 0


class Spending(NamedTuple):
    """Budget against money spent, summed over actions; a blank Budget or Spent cell counts as 0."""

    budget: float = 0
    spent: float = 0

    @property
    def remaining(self) -> float:
        """What is left of the budget; negative when spending ran over."""
        return self.budget - self.spent

    @property
    def over(self) -> bool:
        return self.spent > self.budget


class GoalReview(NamedTuple):
    """One goal's roll-up: its worst metric status, its metrics and actions counted, its money."""

    goal: Goal
    status: Status
    metrics: StatusCounts
    actions: ActionCounts
    spending: Spending


class Tasks(NamedTuple):
    """What one person goes through at the meeting: what they still have to do and what they answer for."""

    actions: tuple[Action, ...] = ()
    """Their actions neither done nor dropped, by due date: the overdue ones first, undated ones last."""
    metrics: tuple[MetricReview, ...] = ()
    """The metrics they own, in the Metrics sheet's order."""
    decisions: tuple[Decision, ...] = ()
    """Their open decisions, in the Decisions sheet's order."""


class OwnerReview(NamedTuple):
    """One person's roll-up: their actions, the metrics they own by status, their actions' money."""

    name: str
    owner: Owner | None
    """The person's row on the Owners sheet; None for a name used as owner but not listed there."""
    actions: ActionCounts
    metrics: StatusCounts
    spending: Spending
    tasks: Tasks = Tasks()


class ActionSpending(NamedTuple):
    """One action's budget against what it spent; blanks count as 0."""

    action: Action
    spending: Spending


class StatusChange(NamedTuple):
    """A metric whose month status differs from the previous month's review."""

    metric: Metric
    was: Status
    now: Status


class Revision(NamedTuple):
    """A reviewed month's forecast of a metric as the log holds it, and as Forecasts holds it now."""

    metric: Metric
    month: Month
    was: float
    now: float | None


class Changes(NamedTuple):
    """Since the review of `since`, the month before; `since` is None at the plan's first month."""

    since: Month | None = None
    improved: tuple[StatusChange, ...] = ()
    worsened: tuple[StatusChange, ...] = ()
    revised: tuple[Revision, ...] = ()
    done: tuple[Action, ...] = ()
    new: tuple[Action, ...] = ()
    newly_overdue: tuple[Action, ...] = ()


class Week(NamedTuple):
    """A channel's posts in one calendar week (from Monday `monday`), and whether they passed its maximum."""

    monday: date
    posts: int
    over: bool


class ChannelWeeks(NamedTuple):
    """A channel's posts week by week against its Planned and Max posts per week."""

    channel: str
    planned: float | None
    most: float | None
    weeks: tuple[Week, ...]


class RankedPost(NamedTuple):
    post: Post
    rate: float
    """Its engagement rate: engagements over impressions, as a fraction to 4 places."""


class SameText(NamedTuple):
    """Posts of the month whose texts are alike on more than one channel."""

    text: str
    channels: tuple[str, ...]
    posts: tuple[Post, ...]


class Content(NamedTuple):
    """The month's content and cadence (`content`): posts per week, the top posts, texts posted twice."""

    cadence: tuple[ChannelWeeks, ...]
    top: tuple[RankedPost, ...]
    same_text: tuple[SameText, ...]


@dataclass(frozen=True)
class Review:
    """The review of a plan for one month: what `sheetplan review` reports and writes."""

    plan_name: str
    month: Month
    start: Month
    """The plan's first month: the year to date runs from here to `month`."""
    currency: str
    metrics: tuple[MetricReview, ...]
    """In the Metrics sheet's order."""
    goals: tuple[GoalReview, ...]
    """In the Goals sheet's order."""
    owners: tuple[OwnerReview, ...]
    """Everyone on the Owners sheet in its order, then any other name used as an owner, in order of first
    appearance (Goals, Actions, Metrics, Assumptions)."""
    actions_overdue: tuple[Action, ...]
    """Due on or before the review month's last day and neither done nor dropped; by due date, then
    sheet order."""
    actions_due_next_month: tuple[Action, ...]
    """Due in the month after the review month and neither done nor dropped; by due date, then sheet order."""
    assumptions: tuple[Assumption, ...]
    actions_spending: tuple[ActionSpending, ...]
    """Every action's budget against spent, in the Actions sheet's order."""
    spending: Spending
    """The whole plan's budget against spent."""
    as_of: date | None = None
    """The day the plan was read: action statuses and spending are as they stood then, whatever the
    month reviewed."""
    decisions: tuple[Decision, ...] = ()
    """The decisions to follow up (`decisions.to_follow_up`): open ones of earlier reviews, and those due."""
    decisions_taken: tuple[Decision, ...] = ()
    """The decisions of this month's own review, for a second review of the month to show."""
    changes: Changes = field(default_factory=Changes)
    """What changed since the previous month's review (`changes`)."""
    content: Content | None = None
    """The month's content and cadence, from the Posts sheet; None when the plan holds no posts."""
