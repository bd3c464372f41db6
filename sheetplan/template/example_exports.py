"""The platforms' exports for the example plan's last finished month, for `init --example --exports DIR`.

The files are laid out as the platforms lay them out (a GA4 download with its `#` preamble, Meta
Business Suite's posts with a BOM and US dates in a file named for its dates, X's posts, a daily
CSV and a monthly CSV), and their numbers add up, as the example's Sources sheet says, to the
example's actual results for that month. The workbook leaves those Actuals empty, so that
`sheetplan import` fills them: a demonstration of the month's routine with nothing typed by hand.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Sequence
from datetime import date, datetime, timedelta
from pathlib import Path

from sheetplan.plan.model import Month

FED = ("M1", "M2", "M3", "M5", "M6", "M8", "M9")
"""The example's metrics its Sources sheet feeds from these files."""

_SOCIAL = (("facebook", 5), ("instagram", 3), ("linkedin.com", 2))
"""GA4's session sources of the shop visits from social media, with their shares."""
_POST_FILES = (("Meta posts", 5), ("Instagram posts", 3), ("X posts", 2))
_META_POSTS = [
    "Post ID",
    "Page ID",
    "Page name",
    "Title",
    "Description",
    "Duration (sec)",
    "Publish time",
    "Caption type",
    "Permalink",
    "Is crosspost",
    "Is share",
    "Post type",
    "Languages",
    "Custom labels",
    "Funded content status",
    "Data comment",
    "Date",
    "Views",
    "Reach",
    "Reactions, Comments and Shares",
    "Reactions",
    "Comments",
    "Shares",
    "Total clicks",
    "Link clicks",
    "Other Clicks",
    "Seconds viewed",
    "Average Seconds viewed",
    "Negative feedback from users: Hide all",
]
_INSTAGRAM_POSTS = [
    "Post ID",
    "Account ID",
    "Account username",
    "Account name",
    "Description",
    "Duration (sec)",
    "Publish time",
    "Permalink",
    "Post type",
    "Data comment",
    "Date",
    "Views",
    "Reach",
    "Likes",
    "Shares",
    "Follows",
    "Comments",
    "Saves",
]
_X_POSTS = [
    "Post id",
    "Date",
    "Post text",
    "Post Link",
    "Impressions",
    "Likes",
    "Engagements",
    "Bookmarks",
    "Shares",
    "New follows",
    "Replies",
    "Reposts",
    "Profile visits",
    "Detail Expands",
    "URL Clicks",
    "Hashtag Clicks",
    "Permalink Clicks",
]
_TOPICS = (
    "New autumn blend in the shop",
    "Behind the counter: meet the roasters",
    "How we pick our beans",
    "Three ways to brew at home",
    "Weekend offer for newsletter readers",
    "Our café's first year",
)
_PAGE_ID = "104938271650432"


def write_exports(
    folder: Path, month: Month, actuals: dict[str, float], before: dict[str, float]
) -> list[Path]:
    """Write the exports of `month` into `folder`: numbers adding up to `actuals` (by Metric ID);
    `before` holds the month before's, where a running total starts from."""
    folder.mkdir(parents=True, exist_ok=True)
    days = [month.first_day + timedelta(days=offset) for offset in range(month.last_day.day)]
    posts = _split(int(actuals["M2"]), [share for _, share in _POST_FILES])
    span = f"{month.first_day:%b-%d-%Y}_{month.last_day:%b-%d-%Y}"
    return [
        _ga4(folder / "ga4.csv", days, int(actuals["M1"]), int(actuals["M5"])),
        _meta_posts(folder / f"{span}_{_PAGE_ID}.csv", _days_for(days, posts[0])),
        _instagram_posts(folder / f"{span}_instagram.csv", _days_for(days, posts[1], 1)),
        _x_posts(folder / "x-posts.csv", _days_for(days, posts[2], 2)),
        _daily(folder / "inbox-and-followers.csv", days, actuals, before),
        _monthly(folder / "crm-leads.csv", month, actuals["M6"]),
    ]


def _split(total: int, shares: Sequence[int]) -> list[int]:
    """`total` in whole parts as near `shares` as can be, adding up to it exactly."""
    parts = [total * share // sum(shares) for share in shares]
    for index in range(total - sum(parts)):
        parts[index % len(parts)] += 1
    return parts


def _days_for(days: list[date], count: int, offset: int = 0) -> list[datetime]:
    """`count` publish times spread over the month, the first on its first day and the last on its last."""
    if count <= 0:
        return []
    if count == 1:
        return [datetime.combine(days[0], datetime.min.time()).replace(hour=9)]
    picked = [days[round(index * (len(days) - 1) / (count - 1))] for index in range(count)]
    return [
        datetime(day.year, day.month, day.day, 9 + (index + offset) % 9, 15)
        for index, day in enumerate(picked)
    ]


def _ga4(path: Path, days: list[date], sessions: int, orders: int) -> Path:
    daily_sessions = _split(sessions, [1] * len(days))
    daily_orders = _split(orders, [1] * len(days))
    rows = [["Date", "Session source", "Session default channel group", "Sessions", "Transactions"]]
    for day, visits, bought in zip(days, daily_sessions, daily_orders, strict=True):
        by_source = _split(visits, [share for _, share in _SOCIAL])
        sold = _split(bought, [share for _, share in _SOCIAL])
        for (source, _), count, sales in zip(_SOCIAL, by_source, sold, strict=True):
            rows.append([f"{day:%Y%m%d}", source, "Organic Social", str(count), str(sales)])
        rows.append([f"{day:%Y%m%d}", "google", "Organic Search", str(3 * visits + 7), str(bought + 1)])
    preamble = [
        "# ----------------------------------------",
        "# Traffic acquisition: Session source",
        "# Account: Lazur Coffee",
        "# Property: lazur-coffee.example",
        "# ----------------------------------------",
        "#",
        f"# Start date: {days[0]:%Y%m%d}",
        f"# End date: {days[-1]:%Y%m%d}",
        "",
    ]
    path.write_text("\n".join(preamble) + "\n" + _csv(rows, "\n"), encoding="utf-8")
    return path


def _meta_posts(path: Path, times: list[datetime]) -> Path:
    rows = [_META_POSTS]
    for number, moment in enumerate(times):
        values = {
            "Post ID": f"{_PAGE_ID}_{9100 + number}",
            "Page ID": _PAGE_ID,
            "Page name": "Lazur Coffee",
            "Description": _TOPICS[number % len(_TOPICS)],
            "Publish time": moment.strftime("%m/%d/%Y %H:%M"),
            "Permalink": f"https://www.facebook.com/{_PAGE_ID}/posts/{9100 + number}",
            "Post type": "Photos",
            "Date": "Lifetime",
            "Views": str(1800 + 37 * number),
            "Reach": str(1200 + 29 * number),
            "Reactions, Comments and Shares": str(60 + number),
            "Reactions": str(45 + number),
            "Comments": "9",
            "Shares": "6",
        }
        rows.append([values.get(column, "") for column in _META_POSTS])
    path.write_bytes(b"\xef\xbb\xbf" + _csv(rows, "\r\n", quote_all=True).encode())
    return path


def _instagram_posts(path: Path, times: list[datetime]) -> Path:
    rows = [_INSTAGRAM_POSTS]
    for number, moment in enumerate(times):
        values = {
            "Post ID": f"1790{number:04d}",
            "Account ID": "17841400000000",
            "Account username": "lazur.coffee",
            "Account name": "Lazur Coffee",
            "Description": _TOPICS[(number + 2) % len(_TOPICS)],
            "Publish time": moment.strftime("%m/%d/%Y %H:%M"),
            "Permalink": f"https://www.instagram.com/p/LZ{number:04d}/",
            "Post type": ("IG image", "IG reel", "IG carousel")[number % 3],
            "Date": "Lifetime",
            "Views": str(2400 + 41 * number),
            "Reach": str(1500 + 23 * number),
            "Likes": str(120 + number),
            "Shares": "8",
            "Follows": "3",
            "Comments": "14",
            "Saves": "11",
        }
        rows.append([values.get(column, "") for column in _INSTAGRAM_POSTS])
    path.write_bytes(b"\xef\xbb\xbf" + _csv(rows, "\r\n").encode())
    return path


def _x_posts(path: Path, times: list[datetime]) -> Path:
    rows = [_X_POSTS]
    for number, moment in enumerate(times):
        values = {
            "Post id": f"18650000000000{number:05d}",
            "Date": f"{moment:%a}, {moment:%b} {moment.day}, {moment.year}",
            "Post text": _TOPICS[(number + 4) % len(_TOPICS)] + " #coffee",
            "Post Link": f"https://x.com/lazurcoffee/status/18650000000000{number:05d}",
            "Impressions": str(900 + 17 * number),
            "Likes": str(21 + number),
            "Engagements": str(48 + number),
        }
        rows.append([values.get(column, "0") for column in _X_POSTS])
    path.write_text(_csv(rows, "\n"), encoding="utf-8")
    return path


def _daily(path: Path, days: list[date], actuals: dict[str, float], before: dict[str, float]) -> Path:
    """Followers climbing to the month's actual, reply hours averaging it, unanswered ending at it."""
    followers, start = int(actuals["M3"]), int(before.get("M3", actuals["M3"]))
    reply = actuals["M8"]
    rows = [["Date", "Instagram followers", "First reply hours", "Unanswered"]]
    for index, day in enumerate(days):
        climbed = start + (followers - start) * (index + 1) // len(days)
        # Pairs of days half an hour either side of the month's average; an odd month's last day on it.
        swing = 0.0 if index == len(days) - 1 and len(days) % 2 else (0.5 if index % 2 else -0.5)
        unanswered = int(actuals["M9"]) if index == len(days) - 1 else 2 + index % 5
        rows.append([day.isoformat(), str(climbed), f"{reply + swing:.2f}", str(unanswered)])
    path.write_text(_csv(rows, "\n"), encoding="utf-8")
    return path


def _monthly(path: Path, month: Month, leads: float) -> Path:
    shown = str(int(leads)) if float(leads).is_integer() else str(leads)
    path.write_text(
        _csv([["Metric ID", "Month", "Actual"], ["M6", str(month), shown]], "\n"), encoding="utf-8"
    )
    return path


def _csv(rows: Sequence[Sequence[str]], newline: str, quote_all: bool = False) -> str:
    out = io.StringIO()
    if quote_all:
        csv.writer(out, lineterminator=newline, quoting=csv.QUOTE_ALL).writerows(rows)
    else:
        csv.writer(out, lineterminator=newline).writerows(rows)
    return out.getvalue()
