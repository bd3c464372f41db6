"""The review sheet's content and cadence, when the plan holds posts: posts per channel and week against
the plan (a week over the maximum marked off track), the month's top posts by engagement rate, and the
same text posted on several channels.

Like `sections`, it adds its part at the builder's current row.
"""

from __future__ import annotations

from sheetplan.layout import labels
from sheetplan.layout.builder import LayoutBuilder
from sheetplan.layout.sections import header, heading, note, subheading
from sheetplan.plan.schema import CHANNELS, POSTS, Lang
from sheetplan.review.model import Content, Review


def content(sheet: LayoutBuilder, review: Review, lang: Lang) -> None:
    found = review.content
    if found is None:
        return
    heading(sheet, labels.SECTION_CONTENT(lang))
    _cadence(sheet, found, lang)
    _top(sheet, found, lang)
    subheading(sheet, labels.SAME_TEXT(lang))
    if not found.same_text:
        note(sheet, labels.NONE(lang))
    for item in found.same_text:
        ids = ", ".join(f"{post.channel} {post.post_id}" for post in item.posts)
        sheet.merge(sheet.row, 1, 4, item.text, "wrap")
        sheet.merge(sheet.row, 5, sheet.width, ids, "wrap")
        sheet.fit(sheet.row, 1, 4, item.text)
        sheet.row += 1


def _cadence(sheet: LayoutBuilder, found: Content, lang: Lang) -> None:
    subheading(sheet, labels.POSTS_PER_WEEK(lang))
    weeks = [week.monday for week in found.cadence[0].weeks] if found.cadence else []
    columns = CHANNELS.column
    header(
        sheet,
        [
            (1, 2, columns("channel").header(lang)),
            (3, 3, columns("planned_per_week").header(lang)),
            (4, 4, columns("max_per_week").header(lang)),
            *(
                (5 + n, 5 + n, labels.WEEK_OF(lang).format(day=monday.isoformat()))
                for n, monday in enumerate(weeks)
            ),
        ],
    )
    over = []
    for channel in found.cadence:
        sheet.merge(sheet.row, 1, 2, channel.channel, "id")
        sheet.put(sheet.row, 3, channel.planned, "number")
        sheet.put(sheet.row, 4, channel.most, "number")
        for column, week in enumerate(channel.weeks, start=5):
            sheet.put(sheet.row, column, week.posts, "trend_off_track" if week.over else "number")
            if week.over:
                over.append(
                    labels.OVER_MAX(lang).format(
                        channel=channel.channel, day=week.monday.isoformat(), posts=week.posts
                    )
                )
        sheet.row += 1
    note(sheet, labels.OVER_WEEKS(lang).format(items="; ".join(over)) if over else labels.NO_WEEK_OVER(lang))


def _top(sheet: LayoutBuilder, found: Content, lang: Lang) -> None:
    subheading(sheet, labels.TOP_POSTS(lang))
    if not found.top:
        note(sheet, labels.NONE(lang))
        return
    columns = POSTS.column
    keys = ("channel", "type", "published", "impressions", "engagements")
    header(
        sheet,
        [
            *((n, n, columns(key).header(lang)) for n, key in enumerate(keys, 1)),
            (6, 6, labels.ENGAGEMENT_RATE(lang)),
            (7, sheet.width, columns("text").header(lang)),
        ],
    )
    for item in found.top:
        post = item.post
        sheet.put(sheet.row, 1, post.channel, "id")
        sheet.put(sheet.row, 2, post.type, "text")
        sheet.put(sheet.row, 3, post.published, "date")
        sheet.put(sheet.row, 4, post.impressions, "number")
        sheet.put(sheet.row, 5, post.engagement, "number")
        sheet.put(sheet.row, 6, item.rate, "share_decimal")
        sheet.merge(sheet.row, 7, sheet.width, post.text, "wrap")
        sheet.fit(sheet.row, 7, sheet.width, post.text)
        sheet.row += 1
