"""Content and cadence from the Posts sheet: posts per week against the channels' limits, the top posts,
the same text on several channels; and review --json's content, valid against its schema."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

from click.testing import CliRunner
from jsonschema import Draft202012Validator
from plan_builder import expected_plan, plan_grid, sample, write_workbook

from sheetplan.cli import cli
from sheetplan.plan.model import Month
from sheetplan.plan.schema import POSTS
from sheetplan.read.load import load
from sheetplan.review.variance import build_review

MARCH = Month(2025, 3)
SCHEMA = Path(__file__).resolve().parents[2] / "docs" / "schemas" / "review.schema.json"


def posts() -> list[dict[str, object]]:
    """LinkedIn (3 planned, at most 5 a week): six posts in the week of 10 March. Instagram: three."""
    found: list[dict[str, object]] = [
        {
            "channel": "LinkedIn",
            "post_id": f"L{day}",
            "published": date(2025, 3, day),
            "type": "text",
            "text": f"Tip number {day}",
            "impressions": 1000,
            "engagements": 10 * day,
        }
        for day in (10, 11, 12, 13, 14, 15)
    ]
    found += [
        {
            "channel": "Instagram",
            "post_id": "I1",
            "published": date(2025, 3, 3),
            "type": "reel",
            "text": "Spring is here",
            "impressions": 500,
            "engagements": 100,
        },
        {
            "channel": "Instagram",
            "post_id": "I2",
            "published": date(2025, 3, 20),
            "type": "photo",
            "text": "Tip  number 10",
            "impressions": 400,
            "reactions": 20,
            "comments": 4,
        },
        {
            "channel": "Instagram",
            "post_id": "I3",
            "published": date(2025, 2, 27),
            "type": "reel",
            "text": "February",
            "impressions": 100,
            "engagements": 90,
        },
    ]
    return found


def data():
    plan = sample()
    plan.rows["posts"] = posts()
    return plan


def test_posts_per_week_against_the_channels_plan_and_limit() -> None:
    found = build_review(expected_with_posts(), MARCH).content
    assert found is not None
    linkedin, instagram = found.cadence
    assert (linkedin.channel, linkedin.planned, linkedin.most) == ("LinkedIn", 3, 5)
    assert [(str(week.monday), week.posts, week.over) for week in linkedin.weeks] == [
        ("2025-02-24", 0, False),
        ("2025-03-03", 0, False),
        ("2025-03-10", 6, True),
        ("2025-03-17", 0, False),
        ("2025-03-24", 0, False),
        ("2025-03-31", 0, False),
    ]
    # February's post is not March's.
    assert [week.posts for week in instagram.weeks] == [0, 1, 0, 1, 0, 0]


def test_the_top_posts_by_engagement_rate_per_channel_and_type() -> None:
    found = build_review(expected_with_posts(), MARCH).content
    assert found is not None
    assert [(item.post.post_id, item.rate) for item in found.top] == [
        ("I2", 0.06),
        ("I1", 0.2),
        ("L15", 0.15),
        ("L14", 0.14),
        ("L13", 0.13),
    ]


def test_the_same_text_on_two_channels_is_flagged() -> None:
    found = build_review(expected_with_posts(), MARCH).content
    assert found is not None
    assert [
        (item.text, item.channels, [post.post_id for post in item.posts]) for item in found.same_text
    ] == [("Tip number 10", ("LinkedIn", "Instagram"), ["L10", "I2"])]


def test_no_posts_no_content() -> None:
    assert build_review(expected_plan(sample()), MARCH).content is None


def test_review_json_has_the_content_and_validates(tmp_path: Path) -> None:
    path = write_workbook(tmp_path / "plan.xlsx", plan_grid(data()))
    result = CliRunner().invoke(
        cli, ["review", str(path), "--month", "2025-03", "--json", "--dry-run", "--force"]
    )
    assert result.exit_code in (0, 1), result.output
    found = json.loads(result.stdout)
    Draft202012Validator(json.loads(SCHEMA.read_text(encoding="utf-8"))).validate(found)
    assert list(found)[-1] == "content"
    weeks = found["content"]["weeks"][0]
    assert weeks["weeks"][2] == {"week": "2025-03-10", "posts": 6, "over_max": True}
    assert found["content"]["top_posts"][0] == {
        "channel": "Instagram",
        "id": "I2",
        "published": "2025-03-20",
        "type": "photo",
        "text": "Tip  number 10",
        "impressions": 400,
        "engagements": 24,
        "engagement_rate": 0.06,
    }


def expected_with_posts():
    plan, problems = load(plan_grid(data()), "plan.xlsx")
    assert problems == []
    assert len(plan.posts) == 9 and plan.locations["posts"].columns["channel"] == 1
    assert POSTS.column("engagements")
    return plan
