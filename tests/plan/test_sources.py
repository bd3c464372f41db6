"""What a Sources row's Value and Filter say."""

from __future__ import annotations

import pytest

from sheetplan.plan.sources import FilterSpec, ValueSpec, parse_filter, parse_value


@pytest.mark.parametrize(
    ("text", "meant"),
    [
        ("Reach", ValueSpec(("Reach",), "column")),
        ("  Total   clicks ", ValueSpec(("Total clicks",), "column")),
        ("posts", ValueSpec((), "posts")),
        ("Posts", ValueSpec((), "posts")),
        ("Likes + Comments + Shares", ValueSpec(("Likes", "Comments", "Shares"), "sum")),
        (
            "Total Clicks / Successful Deliveries",
            ValueSpec(("Total Clicks", "Successful Deliveries"), "ratio"),
        ),
        ("Session source/medium", ValueSpec(("Session source/medium",), "column")),
        ("Reactions, Comments and Shares", ValueSpec(("Reactions, Comments and Shares",), "column")),
    ],
)
def test_a_value_is_a_column_posts_a_sum_or_a_ratio(text: str, meant: ValueSpec) -> None:
    assert parse_value(text) == meant


@pytest.mark.parametrize("text", ["", "   ", "+", "Likes +", "/ Views", "A + + B", "A / B / C", "A + B / C"])
def test_a_value_that_says_none_of_them_is_none(text: str) -> None:
    assert parse_value(text) is None


@pytest.mark.parametrize(
    ("text", "meant"),
    [
        ("Session source = facebook", FilterSpec("Session source", "facebook")),
        ("Post type=Reel", FilterSpec("Post type", "Reel")),
        ("Page path = /shop?ref=ig", FilterSpec("Page path", "/shop?ref=ig")),
    ],
)
def test_a_filter_is_a_column_and_the_value_it_must_hold(text: str, meant: FilterSpec) -> None:
    assert parse_filter(text) == meant


@pytest.mark.parametrize("text", ["facebook", "= facebook", "Session source =", " = "])
def test_a_filter_without_a_column_or_a_value_is_none(text: str) -> None:
    assert parse_filter(text) is None
