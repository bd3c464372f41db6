"""One Sources row for each kind of export, over a file of that kind with its quirks: September's
number exactly, from the rows of September 2026 only (a row of August and one of October beside them)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime
from pathlib import Path

import export_files as ef
import pytest
from import_support import TODAY, exports, plan

from sheetplan.imports.monthly import monthly_values
from sheetplan.plan.model import Month, Source

SEP = Month(2026, 9)
DAYS = (date(2026, 8, 31), date(2026, 9, 1), date(2026, 9, 15), date(2026, 9, 30), date(2026, 10, 1))
"""Around September: its first, middle and last day, and a day either side."""


def _daily(column: str, amounts: tuple[int, ...] = (1000, 1, 20, 300, 5000)) -> list[dict]:
    return [{"Date": day, column: amount} for day, amount in zip(DAYS, amounts, strict=True)]


def _x_account(path: Path) -> Path:
    return ef.x_account(path, _daily("Impressions"))


def _tiktok(path: Path) -> Path:
    return ef.tiktok(path, _daily("Video Views"), with_year=True)


def _meta_followers(path: Path) -> Path:
    # Days without a year: the most recent year that keeps them in order and not after today.
    return ef.meta_followers(path, [(day, 500 + n, n) for n, day in enumerate(DAYS)])


def _instagram(path: Path) -> Path:
    rows = [
        {"Post ID": f"p{n}", "Publish time": datetime.combine(day, datetime.min.time()), "Reach": 10**n}
        for n, day in enumerate(DAYS)
    ]
    return ef.instagram_posts(path, rows, thousands=True)


def _tweets(path: Path) -> Path:
    rows = [
        {"Tweet id": str(n), "time": datetime.combine(day, datetime.min.time()), "impressions": 10**n}
        for n, day in enumerate(DAYS)
    ]
    return ef.tweet_activity(path, rows)


def _linkedin_followers(path: Path) -> Path:
    return ef.linkedin_followers(path, _daily("Organic followers"))


def _linkedin_visitors(path: Path) -> Path:
    return ef.linkedin_visitors(path, _daily("Total unique visitors (total)"))


def _linkedin_content(path: Path) -> Path:
    posts = [{"Post title": "Hello", "Post link": "https://lnkd.in/1", "Created date": date(2026, 9, 2)}]
    return ef.linkedin_content(path, _daily("Impressions (total)"), posts, shares=True)


def _youtube_totals(path: Path) -> Path:
    return ef.youtube_totals(path, _daily("Views"))


def _search_console(path: Path) -> Path:
    rows = [{**row, "CTR": "2.7%", "Position": 4.5} for row in _daily("Clicks")]
    return ef.search_console(path, rows)


def _mailchimp(path: Path) -> Path:
    rows = [
        {
            "Title": f"Issue {n}",
            "Send Date": datetime.combine(day, datetime.min.time()),
            "Unique Opens": 10**n,
        }
        for n, day in enumerate(DAYS)
    ]
    return ef.mailchimp(path, rows)


def _shopify(path: Path) -> Path:
    orders = [
        (
            {
                "Name": f"#{1000 + n}",
                "Created at": datetime.combine(day, datetime.min.time()),
                "Total": 10**n,
            },
            [
                {"Lineitem name": "Beans", "Lineitem quantity": 1},
                {"Lineitem name": "Mug", "Lineitem quantity": 2},
            ],
        )
        for n, day in enumerate(DAYS)
    ]
    return ef.shopify(path, orders)


def _decimal_commas(path: Path) -> Path:
    rows = [
        {"Date": day, "Hours": amount} for day, amount in zip(DAYS, (9.5, 1.5, 2.25, 3.0, 9.5), strict=True)
    ]
    return ef.daily_csv(path, ["Date", "Hours"], rows, comma=True)


CASES: list[tuple[str, Callable[[Path], Path], Source, float]] = [
    ("account.csv", _x_account, Source("M1", "X account", "Impressions"), 321),
    ("overview.csv", _tiktok, Source("M1", "TikTok", "Video Views"), 321),
    ("followers.csv", _meta_followers, Source("M1", "Meta followers", "Followers", how="last"), 503),
    ("instagram.csv", _instagram, Source("M1", "Instagram posts", "Reach"), 1110),
    ("instagram-posts.csv", _instagram, Source("M1", "Instagram posts", "posts"), 3),
    ("tweets.csv", _tweets, Source("M1", "X posts", "Impressions"), 1110),
    ("followers.xlsx", _linkedin_followers, Source("M1", "LinkedIn followers", "Organic followers"), 321),
    (
        "visitors.xlsx",
        _linkedin_visitors,
        Source("M1", "LinkedIn visitors", "Total unique visitors (total)"),
        321,
    ),
    ("content.xlsx", _linkedin_content, Source("M1", "LinkedIn content", "Impressions (total)"), 321),
    ("content-posts.xlsx", _linkedin_content, Source("M1", "LinkedIn content", "posts"), 1),
    ("youtube.csv", _youtube_totals, Source("M1", "YouTube", "Views"), 321),
    ("search.zip", _search_console, Source("M1", "Search Console", "Clicks"), 321),
    ("campaigns.csv", _mailchimp, Source("M1", "Mailchimp", "Unique Opens"), 1110),
    ("orders.csv", _shopify, Source("M1", "Shopify orders", "Orders"), 3),
    ("orders-total.csv", _shopify, Source("M1", "Shopify orders", "Lineitem quantity"), 9),
    ("hours.csv", _decimal_commas, Source("M1", "Daily CSV", "Hours", how="average"), 2.25),
]


@pytest.mark.parametrize(("name", "write", "source", "expected"), CASES, ids=[case[0] for case in CASES])
def test_septembers_number_from_each_kind(
    tmp_path: Path, name: str, write: Callable[[Path], Path], source: Source, expected: float
) -> None:
    result = monthly_values(plan([source]), exports(write(tmp_path / name)), TODAY)
    assert result[source.metric_id, SEP].value == expected
