"""Content and cadence: how many posts each channel published a week against its plan and its limit,
which posts of the month were liked and shared most, and the same text posted on several channels.

From the plan's Posts sheet (written by `sheetplan import`). A week is a calendar week from Monday:
every week with a day in the review month counts, with the month's posts published in it. A post's
engagement rate is its engagements (else its reactions, comments, shares and clicks) over its
impressions; a post with no impressions has none and is not ranked.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date, datetime, timedelta

from sheetplan.plan.model import Month, Plan
from sheetplan.plan.posts import Post
from sheetplan.plan.schema import normalise
from sheetplan.review.model import ChannelWeeks, Content, RankedPost, SameText, Week

TOP = 3
"""How many posts of each channel and post type are ranked."""
_SAME_TEXT = 80
"""How many characters of two posts' texts, folded, must be alike for them to count as the same text."""


def content(plan: Plan, month: Month) -> Content | None:
    """The content and cadence of `month`; None when the plan holds no posts."""
    if not plan.posts:
        return None
    posts = [post for post in plan.posts if post.published is not None and Month.of(_day(post)) == month]
    mondays = _mondays(month)
    channels = {normalise(channel.name): channel for channel in plan.channels if channel.name}
    names = list(dict.fromkeys([channel.name for channel in plan.channels if channel.name]))
    names += [
        name for name in dict.fromkeys(post.channel for post in posts) if normalise(name) not in channels
    ]
    cadence = []
    for name in names:
        channel = channels.get(normalise(name))
        planned = channel.planned_per_week if channel else None
        most = channel.max_per_week if channel else None
        counts = {monday: 0 for monday in mondays}
        for post in posts:
            if normalise(post.channel) == normalise(name):
                counts[_monday(_day(post))] += 1
        weeks = tuple(
            Week(monday, count, most is not None and count > most) for monday, count in counts.items()
        )
        cadence.append(ChannelWeeks(name, planned, most, weeks))
    return Content(tuple(cadence), _top(posts), _same_text(posts))


def engagement_rate(post: Post) -> float | None:
    engagement = post.engagement
    if engagement is None or not post.impressions:
        return None
    return round(engagement / post.impressions, 4)


def _top(posts: Iterable[Post]) -> tuple[RankedPost, ...]:
    groups: dict[tuple[str, str], list[RankedPost]] = {}
    for post in posts:
        rate = engagement_rate(post)
        if rate is not None:
            groups.setdefault((normalise(post.channel), normalise(post.type)), []).append(
                RankedPost(post, rate)
            )
    ranked = []
    for found in groups.values():
        ranked += sorted(found, key=lambda item: -item.rate)[:TOP]
    return tuple(
        sorted(ranked, key=lambda item: (normalise(item.post.channel), normalise(item.post.type), -item.rate))
    )


def _same_text(posts: Iterable[Post]) -> tuple[SameText, ...]:
    by_text: dict[str, list[Post]] = {}
    for post in posts:
        key = normalise(post.text)[:_SAME_TEXT]
        if key:
            by_text.setdefault(key, []).append(post)
    found = []
    for group in by_text.values():
        channels = tuple(dict.fromkeys(post.channel for post in group))
        if len({normalise(channel) for channel in channels}) > 1:
            found.append(SameText(group[0].text, channels, tuple(group)))
    return tuple(found)


def _mondays(month: Month) -> tuple[date, ...]:
    first = _monday(month.first_day)
    count = (month.last_day - first).days // 7 + 1
    return tuple(first + timedelta(weeks=week) for week in range(count))


def _monday(day: date) -> date:
    return day - timedelta(days=day.weekday())


def _day(post: Post) -> date:
    published = post.published
    assert published is not None
    return published.date() if isinstance(published, datetime) else published
