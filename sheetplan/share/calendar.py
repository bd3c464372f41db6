"""The plan's calendar as an iCalendar file (RFC 5545), written with icalendar: `sheetplan calendar`.

The monthly review is one event repeating on the Review day (`RRULE:FREQ=MONTHLY;BYDAY=3TH`), from the
first meeting not yet past to the plan's last month (`UNTIL`), for an hour from the Review time, in the
Time zone with its VTIMEZONE; without a Time zone it is a floating time, the Review time wherever the
calendar is. Each open action with a due date is an all-day event on it, naming its owner.

UIDs come from the plan's name and Start month, and each action's ID, so that importing a new file
again updates the events it imported before instead of doubling them. DTSTAMP is midnight UTC of the
day the file is written: two files written the same day from the same plan are the same bytes.
"""

from __future__ import annotations

import hashlib
import re
from collections import Counter
from collections.abc import Iterator, Sequence
from datetime import UTC, date, datetime, time, timedelta
from pathlib import Path

from icalendar import Calendar, Event, Timezone

from sheetplan import __version__
from sheetplan.files.safe_save import replace_safely
from sheetplan.layout import labels
from sheetplan.plan import schema
from sheetplan.plan.i18n import _, n_
from sheetplan.plan.model import Action, Plan
from sheetplan.plan.schema import Lang, Text
from sheetplan.share import targets
from sheetplan.share.schedule import Meetings, chosen_owner, is_open, review_meetings

PRODID = f"-//sheetplan//sheetplan {__version__}//EN"
_WEEKDAYS = ("MO", "TU", "WE", "TH", "FR", "SA", "SU")
_SAFE_ID = re.compile(r"[A-Za-z0-9._-]{1,40}")
_REVIEW = Text("Monthly review: {plan}", "Месечен преглед: {plan}")
_DUE = Text("due", "срок")
_UNNAMED = Text("Marketing action plan", "Маркетингов план за действие")
_BEFORE = Text(
    "Before the meeting: type last month's results into {actuals} and run sheetplan review; the sheet "
    '"{sheet}" holds this agenda with the figures.',
    "Преди срещата: въведете резултатите за миналия месец в „{actuals}“ и пуснете sheetplan review; листът "
    "„{sheet}“ съдържа този дневен ред с числата.",
)


def write_calendar(plan: Plan, source: str, out: Path, today: date, owner: str | None = None) -> str:
    """Write the calendar of `plan` (read from `source`) to `out`; say what it holds."""
    check_target(out)
    chosen = chosen_owner(plan, source, owner) if owner is not None else None
    meetings = review_meetings(plan, source, today)
    uids = zip(plan.actions, action_uids(plan), strict=True)
    actions = [(action, uid) for action, uid in uids if is_open(action, chosen)]
    data = calendar_bytes(plan, meetings, actions, today)
    replace_safely(out, lambda stream: stream.write(data), backup=False)
    return _("Wrote {path}: {meetings}, and {actions}.").format(
        path=out, meetings=_meetings_said(plan, meetings), actions=_actions_said(len(actions), chosen)
    )


def calendar_bytes(
    plan: Plan, meetings: Meetings, actions: Sequence[tuple[Action, str]], today: date
) -> bytes:
    """The .ics file: the review meetings as one recurring event, then each action's due date."""
    calendar = Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("x-wr-calname", _plan_name(plan))
    stamp = datetime.combine(today, time(), tzinfo=UTC)
    if meetings.dates:
        calendar.add_component(_review_event(plan, meetings, stamp))
    for action, uid in actions:
        calendar.add_component(_action_event(plan, action, uid, stamp))
    for tzid in sorted(calendar.get_missing_tzids()):
        # The zone's rules for the years of the meetings, as zoneinfo has them.
        first, last = date(meetings.dates[0].year, 1, 1), date(meetings.dates[-1].year + 1, 1, 1)
        calendar.subcomponents.insert(0, Timezone.from_tzid(tzid, first_date=first, last_date=last))
    return bytes(calendar.to_ical())


def _review_event(plan: Plan, meetings: Meetings, stamp: datetime) -> Event:
    lang = plan.lang
    start = datetime.combine(meetings.dates[0], meetings.at, tzinfo=meetings.zone)
    last = datetime.combine(plan.settings.plan_months[-1].last_day, time(23, 59, 59), tzinfo=meetings.zone)
    day = meetings.day
    if day.weekday is None:
        rule: dict[str, object] = {"freq": "monthly", "bymonthday": day.week}
    else:
        rule = {"freq": "monthly", "byday": f"{day.week}{_WEEKDAYS[day.weekday]}"}
    # RFC 5545: UNTIL is in UTC when DTSTART has a time zone, and floating when DTSTART is.
    rule["until"] = last.astimezone(UTC) if meetings.zone is not None else last
    event = Event()
    event.add("uid", f"review-{plan_key(plan)}@sheetplan")
    event.add("dtstamp", stamp)
    event.add("dtstart", start)
    event.add("dtend", start + timedelta(hours=1))
    event.add("rrule", rule)
    event.add("summary", _REVIEW(lang).format(plan=_plan_name(plan)))
    event.add("description", agenda(lang))
    return event


def agenda(lang: Lang) -> str:
    """The outline of the review meeting's agenda, as the review sheet lays it out."""
    items = (
        labels.AGENDA_FOLLOW_UP,
        labels.AGENDA_ASSUMPTIONS,
        labels.AGENDA_OFF_TRACK,
        labels.AGENDA_AT_RISK,
        labels.AGENDA_OVERDUE,
        labels.AGENDA_PEOPLE,
        labels.AGENDA_DECISIONS,
    )
    lines = [f"{labels.AGENDA(lang)}:", *(f"{number}. {item(lang)}" for number, item in enumerate(items, 1))]
    sheet = schema.REVIEW_SHEET(lang).format(month="YYYY-MM")
    before = _BEFORE(lang).format(actuals=schema.ACTUALS.name(lang), sheet=sheet)
    return "\n".join([*lines, "", before])


def _action_event(plan: Plan, action: Action, uid: str, stamp: datetime) -> Event:
    lang = plan.lang
    assert action.due is not None
    owner = f" ({action.owner})" if action.owner else ""
    event = Event()
    event.add("uid", uid)
    event.add("dtstamp", stamp)
    event.add("dtstart", action.due)
    event.add("dtend", action.due + timedelta(days=1))
    event.add("summary", f"{action.id} {action.name} — {_DUE(lang)}{owner}".strip())
    event.add("description", "\n".join(_action_lines(plan, action)))
    event.add("transp", "TRANSPARENT")
    return event


def _action_lines(plan: Plan, action: Action) -> Iterator[str]:
    lang = plan.lang
    goals = {goal.id: goal.name for goal in plan.goals}
    goal = f"{action.goal_id} — {goals[action.goal_id]}" if action.goal_id in goals else action.goal_id
    status = schema.ACTION_STATUS.label(action.status, lang) if action.status else ""
    if goal:
        yield f"{schema.GOALS.column('goal').header(lang)}: {goal}"
    shown = {
        "owner": action.owner,
        "status": status,
        "channel": action.channel,
        "expected": action.expected,
        "notes": action.notes,
    }
    for key, value in shown.items():
        if value:
            yield f"{schema.ACTIONS.column(key).header(lang)}: {value}"


def plan_key(plan: Plan) -> str:
    """What the plan's UIDs share: a digest of its name and Start month."""
    identity = f"{schema.normalise(plan.settings.plan_name)}\n{plan.settings.start}"
    return hashlib.sha256(identity.encode()).hexdigest()[:12]


def action_uids(plan: Plan) -> list[str]:
    """Each action's UID, in the plan's order: from its ID (a digest of one that is not plain
    letters and digits), with `-2`, `-3`… after an ID that the plan has twice."""
    key, seen, uids = plan_key(plan), Counter[str](), []
    for action in plan.actions:
        name = action.id or action.name
        token = name if _SAFE_ID.fullmatch(name) else hashlib.sha256(name.encode()).hexdigest()[:12]
        seen[token] += 1
        uids.append(f"action-{key}-{token}{f'-{seen[token]}' if seen[token] > 1 else ''}@sheetplan")
    return uids


def _plan_name(plan: Plan) -> str:
    return plan.settings.plan_name or _UNNAMED(plan.lang)


def _meetings_said(plan: Plan, meetings: Meetings) -> str:
    if not meetings.dates:
        return _("no review meeting left (the plan ended with {month})").format(
            month=plan.settings.plan_months[-1]
        )
    count = len(meetings.dates)
    where = meetings.zone.key if meetings.zone is not None else _("in each calendar's own time zone")
    first, last = meetings.dates[0], meetings.dates[-1]
    said = n_(
        "{count} monthly review ({day}, {time} {zone}) on {first}",
        "{count} monthly reviews ({day}, {time} {zone}) from {first} to {last}",
        count,
    )
    return said.format(
        count=count, day=meetings.typed, time=f"{meetings.at:%H:%M}", zone=where, first=first, last=last
    )


def _actions_said(count: int, owner: str | None) -> str:
    if owner:
        said = n_(
            "the due date of {count} open action of {owner}",
            "the due dates of {count} open actions of {owner}",
            count,
        )
    else:
        said = n_("the due date of {count} open action", "the due dates of {count} open actions", count)
    return said.format(count=count, owner=owner)


def check_target(out: Path) -> None:
    """Refuse a calendar's path that is not an .ics file, is a folder, or is in no folder."""
    targets.check_target(out, ".ics", _("a calendar is an .ics file"))
