"""The kinds of export: found by the name a Sources row types, each with its line for --formats."""

from __future__ import annotations

import pytest

from sheetplan.exports import shapes
from sheetplan.exports.kinds import KINDS, kind, kind_named


@pytest.mark.parametrize("typed", ["Meta posts", "meta posts", "  META   Posts ", "Meta\u00a0posts"])
def test_a_kind_is_found_ignoring_case_and_spaces(typed: str) -> None:
    assert kind_named(typed) is kind("Meta posts")


@pytest.mark.parametrize("typed", ["", "Meta", "Facebook posts", "GA"])
def test_no_kind(typed: str) -> None:
    assert kind_named(typed) is None


def test_kind_of_no_such_name() -> None:
    with pytest.raises(KeyError):
        kind("Myspace")


def test_names_are_distinct_and_each_says_how_it_is_recognised() -> None:
    assert len({kind.name.casefold() for kind in KINDS}) == len(KINDS)
    for each in KINDS:
        assert each.identified_by and "\n" not in each.identified_by and len(each.identified_by) <= 100
        assert len(set(each.columns)) == len(each.columns)


def test_every_kind_has_a_shape_and_post_kinds_have_post_columns() -> None:
    generic = {shapes.ga4(None).kind, shapes.daily("date").kind, shapes.YOUTUBE_TOTALS.kind}
    shaped = {shape.kind for shape in shapes.SHAPES} | generic
    assert shaped == set(KINDS)
    with_posts = {shape.kind for shape in shapes.SHAPES if shape.post}
    assert with_posts == {each for each in KINDS if each.posts}


def test_the_kinds_in_order() -> None:
    assert [each.name for each in KINDS] == [
        "Meta posts", "Meta page", "Meta followers", "Instagram posts", "X posts", "X account",
        "LinkedIn followers", "LinkedIn visitors", "LinkedIn content", "YouTube", "GA4", "Search Console",
        "Mailchimp", "Shopify orders", "TikTok", "Monthly CSV", "Daily CSV",
    ]  # fmt: skip
