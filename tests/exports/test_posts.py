"""Each platform's posts as the Posts sheet lists them: its columns mapped onto the same fields."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime
from pathlib import Path

import export_files as files
import pytest

from sheetplan.exports.model import Post
from sheetplan.exports.read import read_export

TODAY = date(2026, 10, 1)

CASES: list[tuple[str, Callable[[Path], Path], Post]] = [
    (
        "Facebook",
        lambda folder: files.meta_posts(
            folder / "posts.csv",
            [
                {
                    "Post ID": "1_2",
                    "Page ID": "1",
                    "Title": "Title",
                    "Description": "Text &amp; more",
                    "Publish time": datetime(2025, 9, 1, 21, 13),
                    "Permalink": "https://www.facebook.com/1/posts/2",
                    "Post type": "Photos",
                    "Views": 15000,
                    "Reach": 9000,
                    "Reactions, Comments and Shares": 30,
                    "Reactions": 20,
                    "Comments": 6,
                    "Shares": 4,
                    "Total clicks": 12,
                }
            ],
        ),
        Post(
            2,
            "Facebook",
            "1_2",
            datetime(2025, 9, 1, 21, 13),
            "Photos",
            "Text & more",
            "https://www.facebook.com/1/posts/2",
            15000,
            9000,
            30,
            20,
            6,
            4,
            12,
        ),
    ),
    (
        "Facebook without a description: the title",
        lambda folder: files.meta_posts(
            folder / "posts.csv",
            [
                {
                    "Post ID": "1_3",
                    "Page ID": "1",
                    "Title": "Only a title",
                    "Publish time": datetime(2025, 9, 2, 8, 0),
                }
            ],
        ),
        Post(2, "Facebook", "1_3", datetime(2025, 9, 2, 8, 0), None, "Only a title", None, *[None] * 7),
    ),
    (
        "Instagram",
        lambda folder: files.instagram_posts(
            folder / "ig.csv",
            [
                {
                    "Post ID": "17",
                    "Account ID": "9",
                    "Description": "A carousel",
                    "Publish time": datetime(2025, 9, 3, 12, 0),
                    "Permalink": "https://www.instagram.com/p/abc/",
                    "Post type": "IG carousel",
                    "Views": 800,
                    "Reach": 700,
                    "Likes": 50,
                    "Comments": 3,
                    "Shares": 2,
                    "Saves": 9,
                }
            ],
        ),
        Post(
            2,
            "Instagram",
            "17",
            datetime(2025, 9, 3, 12, 0),
            "IG carousel",
            "A carousel",
            "https://www.instagram.com/p/abc/",
            800,
            700,
            None,
            50,
            3,
            2,
            None,
        ),
    ),
    (
        "X",
        lambda folder: files.x_posts(
            folder / "x.csv",
            [
                {
                    "Post id": "1828",
                    "Date": date(2026, 8, 22),
                    "Post text": "Out now",
                    "Post Link": "https://x.com/example/status/1828",
                    "Impressions": 900,
                    "Likes": 12,
                    "Engagements": 40,
                    "Replies": 3,
                    "Reposts": 5,
                    "Shares": 1,
                    "URL Clicks": 7,
                }
            ],
        ),
        Post(
            2,
            "X",
            "1828",
            date(2026, 8, 22),
            None,
            "Out now",
            "https://x.com/example/status/1828",
            900,
            None,
            40,
            12,
            3,
            5,
            7,
        ),
    ),
    (
        "X, the older tweet activity",
        lambda folder: files.tweet_activity(
            folder / "tweets.csv",
            [
                {
                    "Tweet id": "851",
                    "Tweet permalink": "https://twitter.com/example/status/851",
                    "Tweet text": "Hello &amp; welcome",
                    "time": datetime(2017, 4, 4, 9, 30),
                    "impressions": 1200,
                    "engagements": 30,
                    "retweets": 2,
                    "replies": 1,
                    "likes": 8,
                    "url clicks": 4,
                }
            ],
        ),
        Post(
            2,
            "X",
            "851",
            datetime(2017, 4, 4, 9, 30),
            None,
            "Hello & welcome",
            "https://twitter.com/example/status/851",
            1200,
            None,
            30,
            8,
            1,
            2,
            4,
        ),
    ),
    (
        "YouTube",
        lambda folder: files.youtube_table(
            folder / "Table data.csv",
            [
                {
                    "Content": "dQw4w9WgXcQ",
                    "Video title": "Launch film",
                    "Video publish time": date(2025, 9, 1),
                    "Views": 1500,
                    "Likes": 40,
                    "Comments added": 6,
                    "Shares": 3,
                    "Impressions": 20000,
                }
            ],
        ),
        Post(
            3,
            "YouTube",
            "dQw4w9WgXcQ",
            date(2025, 9, 1),
            None,
            "Launch film",
            "https://www.youtube.com/watch?v=dQw4w9WgXcQ",
            20000,
            None,
            None,
            40,
            6,
            3,
            None,
        ),
    ),
]


@pytest.mark.parametrize(("build", "post"), [case[1:] for case in CASES], ids=[case[0] for case in CASES])
def test_each_platforms_post(build: Callable[[Path], Path], post: Post, tmp_path: Path) -> None:
    (export,) = read_export(build(tmp_path), TODAY)
    assert export.posts == (post,)


def test_kinds_without_posts_list_none(tmp_path: Path) -> None:
    path = files.x_account(tmp_path / "account.csv", [{"Date": date(2026, 8, 22), "Impressions": 5}])
    (export,) = read_export(path, TODAY)
    assert (export.kind.posts, export.posts) == (False, ())
