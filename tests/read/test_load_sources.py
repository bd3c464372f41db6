"""Reading Sources and Posts: Sources rows as records at their rows, Posts located, both optional."""

from __future__ import annotations

import pytest
from plan_builder import MONTHS, START, PlanData, expected_plan, headers_down, plan_grid, sample

from sheetplan.check.rules import check_plan
from sheetplan.plan.model import Month, SheetLocation, Source
from sheetplan.plan.schema import POSTS, SOURCES, Lang
from sheetplan.read.load import load
from sheetplan.review.variance import build_review

TODAY = START + 3


def with_sources() -> PlanData:
    data = sample()
    data.rows["sources"] = [
        {"metric_id": "M1", "export": "GA4", "value": "Sessions", "filter": "Session source = linkedin"},
        {"metric_id": "M1", "export": "Meta posts", "value": "Total clicks", "how": "sum"},
        {"metric_id": "M2", "export": "Mailchimp", "value": "Unique Opens / Successful Deliveries"},
        {"metric_id": "M3", "export": "Meta followers", "value": "Followers", "how": "last"},
    ]
    return data


@pytest.mark.parametrize("lang", ["en", "bg"])
def test_sources_rows_read_as_records_that_remember_their_rows(lang: Lang) -> None:
    plan, problems = load(plan_grid(with_sources(), lang), "plan.xlsx")
    assert problems == []
    assert plan.sources == (
        Source("M1", "GA4", "Sessions", "Session source = linkedin"),
        Source("M1", "Meta posts", "Total clicks", how="sum"),
        Source("M2", "Mailchimp", "Unique Opens / Successful Deliveries"),
        Source("M3", "Meta followers", "Followers", how="last"),
    )
    assert [source.row for source in plan.sources] == [2, 3, 4, 5]
    sheet = SOURCES.name(lang)
    assert plan.cell("sources", plan.sources[2].row, "value") == f"{sheet}!C4"
    assert plan.cell("sources", plan.sources[3].row, "how") == f"{sheet}!E5"


def test_a_bulgarian_how_is_read_as_its_english_value_and_spaces_are_folded() -> None:
    data = with_sources()
    data.rows["sources"] = [
        {"metric_id": " M1 ", "export": " Meta   posts ", "value": "Likes  +  Comments", "how": "най-голяма"}
    ]
    plan, problems = load(plan_grid(data, "bg"), "plan.xlsx")
    assert problems == []
    assert plan.sources == (Source("M1", "Meta posts", "Likes + Comments", how="max"),)


def test_an_unknown_how_is_kept_as_typed_for_check_to_report() -> None:
    data = with_sources()
    data.rows["sources"][0]["how"] = "median"
    plan, _ = load(plan_grid(data), "plan.xlsx")
    assert plan.sources[0].how == "median"


def test_the_posts_sheet_is_located_with_its_columns_and_header_row() -> None:
    grid = headers_down(plan_grid(sample()), POSTS.name.en, 2)
    plan, problems = load(grid, "plan.xlsx")
    assert problems == []
    location = plan.locations["posts"]
    assert (location.name, location.header_row) == ("Posts", 3)
    assert location.columns["channel"] == 1
    assert location.columns["source_file"] == len(POSTS.columns)


@pytest.mark.parametrize("rows", [[], [[]], [["Our notes"], ["more notes"]]])
def test_a_posts_sheet_without_headers_yet_is_located_at_row_1(rows: list) -> None:
    grid = plan_grid(sample())
    grid["Posts"] = rows
    plan, problems = load(grid, "plan.xlsx")
    assert problems == []
    assert plan.locations["posts"] == SheetLocation("Posts", {}, 1)


def test_a_sources_sheet_without_its_required_headers_is_still_a_source_error() -> None:
    from sheetplan.plan.errors import SourceError

    grid = plan_grid(sample())
    grid["Sources"] = [["Metric ID", "Value"]]
    with pytest.raises(SourceError, match='sheet Sources has no column "Export"'):
        load(grid, "plan.xlsx")


def test_a_plan_without_sources_and_posts_reads_checks_and_reviews_as_before() -> None:
    full, _ = load(plan_grid(sample()), "plan.xlsx")
    grid = plan_grid(sample())
    del grid["Sources"], grid["Posts"]
    older, problems = load(grid, "plan.xlsx")
    assert problems == []
    assert older == full == expected_plan(sample())
    assert older.sources == ()
    assert {"sources", "posts"}.isdisjoint(older.locations)
    assert check_plan(older, today=TODAY.first_day) == check_plan(full, today=TODAY.first_day) == []
    month = Month(START.year, START.month) + (MONTHS // 2 - 1)
    assert build_review(older, month, TODAY.first_day) == build_review(full, month, TODAY.first_day)
