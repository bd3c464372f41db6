"""How each kind of export is laid out: the columns that identify its table, the ones it must have,
its date column, which columns hold text, and where a post's fields are.

Column names here are folded (lower case, single spaces), as headers are compared, except `needs`,
which messages quote as the export spells them; a kind with
several tables (YouTube, Search Console, LinkedIn content, X posts) has one shape for each. The
order of `SHAPES` is the order they are tried in: the most particular first.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

from sheetplan.exports.cells import Treat
from sheetplan.exports.kinds import Kind, kind

DATE_COLUMNS = ("date", "day", "datum", "дата")
"""What a date column is called in a generic or GA4 table, in English, German and Bulgarian."""


@dataclass(frozen=True)
class PostColumns:
    """Where a shape's post fields are: for each field, the columns that may hold it, in order."""

    channel: str
    post_id: str
    text: tuple[str, ...]
    link: str | None = None
    type: str | None = None
    figures: Mapping[str, tuple[str, ...]] = field(default_factory=dict)
    """impressions, reach, engagements, reactions, comments, shares, clicks: their columns."""


@dataclass(frozen=True)
class Shape:
    """One table layout of one kind."""

    kind: Kind
    marks: tuple[str, ...]
    """Columns whose presence identifies the table."""
    needs: tuple[str, ...] = ()
    """Further columns it must have, as the export spells them: a table with the marks and without
    one of these is damaged."""
    day: str | None = None
    """The date column: a post's publish time, a daily series' day."""
    texts: tuple[str, ...] = ()
    rest: Treat = "either"
    """How columns that are neither text nor the kind's number columns are read."""
    numbers: tuple[str, ...] = ()
    """Number columns besides the kind's own."""
    variant: str | None = None
    post: PostColumns | None = None
    posts_only: bool = False
    """Its rows are posts only, not rows a Sources row sums (LinkedIn's All posts sheet)."""
    line_items: bool = False
    """A row per line item, the order's fields on its first only (Shopify): one row per order is kept."""


def _figures(**columns: str | tuple[str, ...]) -> dict[str, tuple[str, ...]]:
    return {key: (value,) if isinstance(value, str) else value for key, value in columns.items()}


_META_TEXTS = (
    "post id", "page id", "page name", "title", "description", "caption type", "permalink",
    "is crosspost", "is share", "post type", "languages", "custom labels", "funded content status",
    "data comment", "date", "account id", "account username", "account name",
)  # fmt: skip
_SHOPIFY_NUMBERS = (
    "subtotal", "shipping", "taxes", "total", "discount amount", "lineitem quantity", "lineitem price",
    "lineitem compare at price", "refunded amount", "outstanding balance", "tax 1 value",
)  # fmt: skip

SHAPES: tuple[Shape, ...] = (
    Shape(
        kind("Meta posts"),
        ("post id", "page id"),
        needs=("Publish time",),
        day="publish time",
        texts=_META_TEXTS,
        post=PostColumns(
            "Facebook",
            "post id",
            ("description", "title"),
            "permalink",
            "post type",
            _figures(
                impressions=("views", "impressions"),
                reach="reach",
                engagements="reactions, comments and shares",
                reactions="reactions",
                comments="comments",
                shares="shares",
                clicks="total clicks",
            ),
        ),
    ),
    Shape(
        kind("Instagram posts"),
        ("post id", "account id"),
        needs=("Publish time",),
        day="publish time",
        texts=_META_TEXTS,
        post=PostColumns(
            "Instagram",
            "post id",
            ("description",),
            "permalink",
            "post type",
            _figures(
                impressions="views", reach="reach", reactions="likes", comments="comments", shares="shares"
            ),
        ),
    ),
    Shape(kind("Meta page"), ("date", "primary"), day="date"),
    Shape(
        kind("Meta followers"),
        ("followers", "difference in followers from previous day"),
        needs=("Date",),
        day="date",
    ),
    Shape(
        kind("X posts"),
        ("post id", "post text"),
        needs=("Date",),
        day="date",
        texts=("post id", "post text", "post link"),
        post=PostColumns(
            "X",
            "post id",
            ("post text",),
            "post link",
            None,
            _figures(
                impressions="impressions",
                engagements="engagements",
                reactions="likes",
                comments="replies",
                shares="reposts",
                clicks="url clicks",
            ),
        ),
    ),
    Shape(
        kind("X posts"),
        ("tweet id", "tweet text"),
        needs=("time",),
        day="time",
        texts=("tweet id", "tweet permalink", "tweet text"),
        variant="Tweet activity",
        post=PostColumns(
            "X",
            "tweet id",
            ("tweet text",),
            "tweet permalink",
            None,
            _figures(
                impressions="impressions",
                engagements="engagements",
                reactions="likes",
                comments="replies",
                shares="retweets",
                clicks="url clicks",
            ),
        ),
    ),
    Shape(kind("X account"), ("new follows", "unfollows"), needs=("Date",), day="date"),
    Shape(kind("LinkedIn followers"), ("organic followers", "total followers"), needs=("Date",), day="date"),
    Shape(kind("LinkedIn visitors"), ("total unique visitors (total)",), needs=("Date",), day="date"),
    Shape(
        kind("LinkedIn content"), ("impressions (organic)", "clicks (organic)"), needs=("Date",), day="date"
    ),
    Shape(
        kind("LinkedIn content"),
        ("post title", "post link"),
        needs=("Created date",),
        day="created date",
        texts=(
            "post title",
            "post link",
            "post type",
            "campaign name",
            "posted by",
            "audience",
            "content type",
        ),
        posts_only=True,
        post=PostColumns(
            "LinkedIn",
            "post link",
            ("post title",),
            "post link",
            "post type",
            _figures(
                impressions="impressions",
                clicks="clicks",
                reactions="likes",
                comments="comments",
                shares=("reposts", "shares"),
            ),
        ),
    ),
    Shape(
        kind("YouTube"),
        ("date", "content", "video title"),
        day="date",
        texts=("content", "video title", "video publish time", "duration"),
        variant="Chart data",
    ),
    Shape(
        kind("YouTube"),
        ("content", "video title"),
        day="video publish time",
        texts=("content", "video title", "video publish time"),
        variant="Table data",
        post=PostColumns(
            "YouTube",
            "content",
            ("video title",),
            None,
            None,
            _figures(
                impressions="impressions", reactions="likes", comments="comments added", shares="shares"
            ),
        ),
    ),
    Shape(kind("Search Console"), ("clicks", "impressions", "ctr", "position")),
    Shape(
        kind("Mailchimp"),
        ("subject", "send date"),
        needs=("Unique Opens",),
        day="send date",
        texts=("title", "subject", "list", "send weekday", "folder id", "unique id"),
    ),
    Shape(
        kind("Shopify orders"),
        ("name", "created at", "lineitem name"),
        needs=("Total",),
        day="created at",
        texts=("name",),
        rest="text",
        numbers=_SHOPIFY_NUMBERS,
        line_items=True,
    ),
    Shape(kind("TikTok"), ("video views", "profile views"), needs=("Date",), day="date"),
    Shape(kind("Monthly CSV"), ("metric id", "month", "actual"), texts=("metric id", "month")),
)

YOUTUBE_TOTALS = Shape(kind("YouTube"), ("date",), day="date", variant="Totals")
"""YouTube's Totals table, `Date,Views`: told from a Daily CSV by its name or by YouTube's columns."""
YOUTUBE_COLUMNS = ("watch time (hours)", "impressions click-through rate (%)", "average view duration")
SEARCH_CONSOLE_TABLES = {
    "date": "Dates",
    "top queries": "Queries",
    "top pages": "Pages",
    "country": "Countries",
    "device": "Devices",
    "search appearance": "Search appearance",
}
SEARCH_CONSOLE_FILTERS = Shape(kind("Search Console"), ("filter", "value"), rest="text", variant="Filters")


def ga4(day: str | None) -> Shape:
    """A GA4 table, whose date column (if any) is named in the interface's language."""
    return Shape(kind("GA4"), (), day=day)


def daily(day: str) -> Shape:
    """A Daily CSV: its date column, and every other column a number."""
    return Shape(kind("Daily CSV"), (), day=day, rest="number")
