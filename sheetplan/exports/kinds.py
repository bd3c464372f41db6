"""The kinds of export sheetplan reads: each one's name as a Sources row types it, the columns a
Sources row may take a value from, and how a file of that kind is recognised.

This is the list `sheetplan import --formats` prints and a Sources row's Export column is checked
against. How each kind's columns are read is in `shapes`; this module holds only what users see.

Where a platform's files could be one kind or several, the line was drawn by what a Sources row
names:

- A Page's follower history is `Meta followers`, not `Meta page`: its Followers column is a running
  total beside the day's difference, where each `Meta page` file is one daily series (its series'
  name on the file's second line, its value under `Primary`), and its days have no year.
- `YouTube` is one kind: YouTube Studio downloads Table data (a row per video, which are its posts),
  Chart data (per day and video) and Totals (per day) together; an export's `variant` says which.
- `LinkedIn content` is one workbook: its Metrics sheet gives the rows (Reposts were Shares in
  older files; either name finds the column) and its All posts sheet the posts.
- `LinkedIn followers` are new followers per day: its Total followers is the day's sum of the
  others, not a running total.
- `Shopify orders` has a row per order (its line items' quantities summed), and a column `Orders`
  of 1 for each, so that a Sources row can count them.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Kind:
    """One kind of export, such as the posts export of Meta Business Suite."""

    name: str
    """As users type it in the Sources sheet's Export column: `Meta posts`."""
    columns: tuple[str, ...]
    """The columns a Sources row's Value may name, as the export spells them; empty when the kind has
    no fixed columns (GA4, Daily CSV), and any number column of the file may be named."""
    identified_by: str
    """One line on what makes a file this kind, for `sheetplan import --formats`."""
    posts: bool
    """Whether files of this kind list posts (to fill the Posts sheet)."""


def _names(listed: str) -> tuple[str, ...]:
    return tuple(listed.split("|"))


def _by_device(*measures: str) -> tuple[str, ...]:
    return tuple(f"{measure} ({part})" for measure in measures for part in ("desktop", "mobile", "total"))


def _by_origin(*measures: str) -> tuple[str, ...]:
    return tuple(f"{measure} ({part})" for measure in measures for part in ("organic", "sponsored", "total"))


_PAGES = ("Overview", "Life", "Jobs", "Total")
META_SERIES = ("Facebook follows", "Views", "Facebook visits", "Content interactions", "Facebook link clicks")
"""The daily series Meta Business Suite exports one file each, named on the file's second line."""

KINDS: tuple[Kind, ...] = (
    Kind(
        "Meta posts",
        (
            "Views",
            "Reach",
            "Reactions, Comments and Shares",
            "Reactions",
            "Comments",
            "Shares",
            "Total clicks",
        ),
        'a CSV with "Post ID", "Page ID" and "Publish time" columns (Meta Business Suite, Facebook posts)',
        posts=True,
    ),
    Kind(
        "Meta page",
        (*META_SERIES, "Primary"),
        'a CSV whose header is "Date","Primary", after a line naming the series (Meta Business Suite)',
        posts=False,
    ),
    Kind(
        "Meta followers",
        ("Followers", "Difference in followers from previous day"),
        'a CSV with "Date", "Followers" and "Difference in followers from previous day" columns',
        posts=False,
    ),
    Kind(
        "Instagram posts",
        ("Views", "Reach", "Likes", "Shares", "Follows", "Comments", "Saves"),
        'a CSV with "Post ID", "Account ID" and "Account username" columns (Meta Business Suite)',
        posts=True,
    ),
    Kind(
        "X posts",
        _names(
            "Impressions|Likes|Engagements|Bookmarks|Shares|New follows|Replies|Reposts"
            "|Profile visits|Detail Expands|URL Clicks|Hashtag Clicks|Permalink Clicks"
            "|engagement rate|retweets|user profile clicks|media views|media engagements"
        ),
        'a CSV with "Post id" and "Post text" columns, or the older "Tweet id" and "Tweet text"',
        posts=True,
    ),
    Kind(
        "X account",
        _names(
            "Impressions|Likes|Engagements|Bookmarks|Shares|New follows|Unfollows|Replies|Reposts"
            "|Profile visits|Create Post|Video views|Media views"
        ),
        'a CSV with "Date", "Impressions", "New follows" and "Unfollows" columns (X account overview)',
        posts=False,
    ),
    Kind(
        "LinkedIn followers",
        ("Sponsored followers", "Organic followers", "Auto-invited followers", "Total followers"),
        'a workbook sheet (New followers) with "Date", "Organic followers" and "Total followers"',
        posts=False,
    ),
    Kind(
        "LinkedIn visitors",
        _by_device(
            *(f"{page} {measure}" for page in _PAGES for measure in ("page views", "unique visitors"))
        ),
        'a workbook sheet (Visitor metrics) with "Date" and "Total unique visitors (total)"',
        posts=False,
    ),
    Kind(
        "LinkedIn content",
        _by_origin("Impressions", "Unique impressions", "Clicks", "Reactions", "Comments", "Reposts")
        + _by_origin("Shares", "Engagement rate"),
        'a workbook with a Metrics sheet ("Impressions (organic)", "Clicks (organic)") and All posts',
        posts=True,
    ),
    Kind(
        "YouTube",
        _names(
            "Views|Watch time (hours)|Subscribers|Subscribers gained|Subscribers lost|Impressions"
            "|Impressions click-through rate (%)|Likes|Comments added|Shares"
        ),
        'YouTube Studio\'s Table data ("Content", "Video title"), Chart data (with "Date") or Totals',
        posts=True,
    ),
    Kind(
        "GA4",
        (),
        'a CSV that starts with "#" lines stating "Start date" and "End date" (Google Analytics 4)',
        posts=False,
    ),
    Kind(
        "Search Console",
        ("Clicks", "Impressions", "CTR", "Position"),
        'a zip or CSV with "Clicks", "Impressions", "CTR" and "Position" columns (Search Console)',
        posts=False,
    ),
    Kind(
        "Mailchimp",
        _names(
            "Total Recipients|Successful Deliveries|Unique Opens|Open Rate|Total Opens"
            "|Unique Clicks|Click Rate|Total Clicks|Unsubscribes|Total Orders|Total Gross Sales"
            "|Total Revenue"
        ),
        'a CSV with "Subject", "Send Date" and "Unique Opens" columns (Mailchimp campaigns)',
        posts=False,
    ),
    Kind(
        "Shopify orders",
        ("Orders", "Total", "Subtotal", "Shipping", "Taxes", "Discount Amount", "Lineitem quantity"),
        'a CSV with "Name", "Created at", "Total" and "Lineitem name" columns (Shopify orders)',
        posts=False,
    ),
    Kind(
        "TikTok",
        ("Video Views", "Profile Views", "Likes", "Comments", "Shares"),
        'a CSV with "Date", "Video Views" and "Profile Views" columns (TikTok overview)',
        posts=False,
    ),
    Kind(
        "Monthly CSV",
        ("Actual",),
        'a CSV with "Metric ID", "Month" and "Actual" columns: one actual per metric and month',
        posts=False,
    ),
    Kind(
        "Daily CSV",
        (),
        'any other CSV or sheet with a "Date" column and number columns: one row per day',
        posts=False,
    ),
)

_BY_NAME = {" ".join(kind.name.casefold().split()): kind for kind in KINDS}


def kind_named(name: str) -> Kind | None:
    """The kind a Sources row names, ignoring case and runs of spaces; None for no kind."""
    return _BY_NAME.get(" ".join(name.casefold().split()))


def kind(name: str) -> Kind:
    """The kind of this exact name; for the package's own tables, which name only kinds that exist."""
    found = kind_named(name)
    if found is None:
        raise KeyError(name)
    return found
