"""The example plan of `sheetplan init --example`: a clean, realistic plan whose review shows every status.

The rules are those the checker applies to a plan, read back from the written workbook.
"""

from __future__ import annotations

import re
from datetime import date, datetime
from pathlib import Path
from typing import Any

import pytest
from openpyxl.workbook.workbook import Workbook
from template_support import START, TODAY, label_value, load, records, write

from sheetplan.check.rules import check_plan
from sheetplan.exports.kinds import kind_named
from sheetplan.plan.model import Month
from sheetplan.plan.schema import (
    ACTIONS,
    ACTUALS,
    ASSUMPTIONS,
    CHANNELS,
    DONE_STATUSES,
    FORECASTS,
    GOALS,
    LANGS,
    METRICS,
    OWNERS,
    Lang,
    Sheet,
)
from sheetplan.plan.sources import parse_filter, parse_value
from sheetplan.read.load import load as read_plan
from sheetplan.read.source import read_file
from sheetplan.review.figures import compare

CYRILLIC = re.compile("[а-яА-Я]")


def plan(folder: Path, lang: Lang, **options: Any) -> dict[str, list[dict[str, Any]]]:
    workbook = load(write(folder, lang=lang, example=True, **options), values=True)
    sheets = (GOALS, OWNERS, CHANNELS, ACTIONS, METRICS, FORECASTS, ACTUALS, ASSUMPTIONS)
    return {
        sheet.key: [
            {key: label_value(sheet, key, value) for key, value in row.items()}
            for row in records(workbook, sheet, lang)
        ]
        for sheet in sheets
    }


@pytest.fixture(scope="module", params=LANGS)
def example(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    return plan(tmp_path_factory.mktemp("example"), request.param)


@pytest.fixture(scope="module")
def bulgarian(tmp_path_factory: pytest.TempPathFactory) -> Workbook:
    return load(write(tmp_path_factory.mktemp("bulgarian"), lang="bg", example=True), values=True)


def ids(rows: list[dict[str, Any]], key: str) -> list[Any]:
    return [row[key] for row in rows]


def test_every_goal_has_a_problem_a_reason_an_action_and_a_metric(example: dict) -> None:
    assert len(example["goals"]) >= 3
    for goal in example["goals"]:
        assert goal["problem"] and goal["why"] and goal["goal"]
        assert goal["goal_id"] in ids(example["actions"], "goal_id")
        assert goal["goal_id"] in ids(example["metrics"], "goal_id")


def test_ids_and_names_are_unique(example: dict) -> None:
    for sheet, key in [("goals", "goal_id"), ("actions", "action_id"), ("metrics", "metric_id"),
                       ("owners", "owner"), ("channels", "channel")]:  # fmt: skip
        assert len(set(ids(example[sheet], key))) == len(example[sheet]), sheet


def test_actions_are_complete_and_owned_by_one_listed_owner(example: dict) -> None:
    owners = set(ids(example["owners"], "owner"))
    goals = set(ids(example["goals"], "goal_id"))
    assert 12 <= len(example["actions"]) <= 15
    for action in example["actions"]:
        assert action["goal_id"] in goals
        assert action["owner"] in owners
        assert isinstance(action["due"], datetime)
        assert action["status"] in ACTIONS.column("status").choices.values
        assert "budget" in action and "spent" in action
        assert action.get("channel", "X") in ids(example["channels"], "channel")
    for sheet in ("goals", "metrics", "assumptions"):
        assert {row["owner"] for row in example[sheet]} <= owners


def test_every_owner_has_a_task(example: dict) -> None:
    assert len(example["owners"]) >= 4
    assert set(ids(example["owners"], "owner")) == set(ids(example["actions"], "owner"))


def test_channels_are_the_four_platforms_within_their_maximum(example: dict) -> None:
    assert ids(example["channels"], "channel") == ["X", "Facebook", "LinkedIn", "Instagram"]
    for channel in example["channels"]:
        assert 0 < channel["planned_per_week"] <= channel["max_per_week"]


def test_metrics_cover_both_directions_all_aggregations_and_own_tolerances(example: dict) -> None:
    metrics = example["metrics"]
    assert len(metrics) >= 8
    assert {metric["direction"] for metric in metrics} == set(METRICS.column("direction").choices.values)
    assert {metric["aggregation"] for metric in metrics} == set(METRICS.column("aggregation").choices.values)
    assert 1 <= sum("tolerance" in metric for metric in metrics) < len(metrics)


def test_every_metric_has_a_forecast_for_every_month_and_actuals_up_to_last_month(example: dict) -> None:
    months = [str(START + offset) for offset in range(12)]
    reported = [month for month in months if Month.parse(month) < Month.of(TODAY)]
    assert reported == ["2026-01", "2026-02", "2026-03", "2026-04"]
    assert ids(example["forecasts"], "metric_id") == ids(example["metrics"], "metric_id")
    assert ids(example["actuals"], "metric_id") == ids(example["metrics"], "metric_id")
    for forecast in example["forecasts"]:
        assert all(isinstance(forecast[month], int | float) for month in months)
    for actual in example["actuals"]:
        assert sorted(key for key in actual if key[0].isdigit()) == reported


def test_the_review_of_the_last_full_month_shows_every_status(example: dict) -> None:
    month = "2026-04"
    forecasts = {row["metric_id"]: row for row in example["forecasts"]}
    actuals = {row["metric_id"]: row for row in example["actuals"]}
    statuses = [
        compare(
            forecasts[metric["metric_id"]][month],
            actuals[metric["metric_id"]][month],
            metric["direction"],
            metric.get("tolerance", 10) / 100,
        ).status
        for metric in example["metrics"]
    ]
    assert {"on_track", "at_risk", "off_track"} <= set(statuses)
    assert statuses.count("on_track") >= 3


def test_some_actions_are_overdue_and_some_due_next_month(example: dict) -> None:
    review = Month(2026, 4)
    open_actions = [action for action in example["actions"] if action["status"] not in DONE_STATUSES]
    overdue = [action for action in open_actions if action["due"].date() <= review.last_day]
    due_next = [action for action in open_actions if Month.of(action["due"].date()) == review + 1]
    assert len(overdue) >= 2
    assert due_next


def test_assumptions_are_answered(example: dict) -> None:
    assert len(example["assumptions"]) >= 3
    assert {row["still_true"] for row in example["assumptions"]} == set(
        ASSUMPTIONS.column("still_true").choices.values
    )


@pytest.mark.parametrize(
    ("sheet", "keys"),
    [
        (GOALS, ["goal", "problem", "why"]),
        (OWNERS, ["owner", "role"]),
        (CHANNELS, ["notes"]),
        (ACTIONS, ["action", "owner", "expected"]),
        (METRICS, ["metric", "owner"]),
        (ASSUMPTIONS, ["assumption", "owner"]),
    ],
    ids=lambda item: getattr(item, "key", None),
)
def test_bulgarian_example_text_is_bulgarian(bulgarian: Workbook, sheet: Sheet, keys: list[str]) -> None:
    workbook = bulgarian
    rows = records(workbook, sheet, "bg")
    for row in rows:
        for key in keys:
            assert key not in row or CYRILLIC.search(row[key]), (sheet.key, key, row[key])
    settings = workbook["Настройки"]
    assert CYRILLIC.search(settings["B2"].value)
    assert CYRILLIC.search(settings["B7"].value)


def test_both_languages_hold_the_same_plan(tmp_path: Path) -> None:
    english, bulgarian = plan(tmp_path, "en", name="en.xlsx"), plan(tmp_path, "bg", name="bg.xlsx")
    for sheet in ("actions", "metrics", "forecasts", "actuals"):
        for en_row, bg_row in zip(english[sheet], bulgarian[sheet], strict=True):
            numbers = {
                key: value for key, value in en_row.items() if isinstance(value, int | float | datetime)
            }
            assert numbers == {key: bg_row[key] for key in numbers}


@pytest.mark.parametrize(
    ("start", "today", "reported"),
    [
        (None, date(2026, 11, 26), ["2026-07", "2026-08", "2026-09", "2026-10"]),
        (Month(2026, 10), date(2026, 11, 26), ["2026-10"]),
        (Month(2027, 1), date(2026, 11, 26), []),
        (Month(2024, 1), date(2026, 11, 26), ["2024-01", "2024-02", "2024-03", "2024-04"]),
    ],
)
def test_actuals_stop_before_the_current_month(
    tmp_path: Path, start: Month | None, today: date, reported: list[str]
) -> None:
    example = plan(tmp_path, "en", start=start, today=today)
    months = {key for row in example["actuals"] for key in row if key[0].isdigit()}
    assert sorted(months) == reported


@pytest.mark.parametrize("months", [1, 3, 60])
def test_dates_stay_within_a_short_or_long_plan(tmp_path: Path, months: int) -> None:
    example = plan(tmp_path, "en", months=months)
    end = (START + (months - 1)).last_day
    for row in example["actions"] + example["goals"]:
        for key in ("start", "due", "target_date"):
            if key in row:
                assert START.first_day <= row[key].date() <= end
    assert all(len(row) == 2 + months for row in example["forecasts"])


@pytest.mark.parametrize(("lang", "months"), [("en", 12), ("bg", 12), ("en", 1), ("bg", 60)])
def test_the_checker_finds_the_example_clean(tmp_path: Path, lang: Lang, months: int) -> None:
    path = str(write(tmp_path, lang=lang, example=True, months=months))
    plan, problems = read_plan(read_file(Path(path)), path)
    assert [*problems, *check_plan(plan, today=TODAY)] == []
    assert len(plan.metrics) == len(plan.forecasts) == 10


@pytest.mark.parametrize("lang", LANGS)
def test_sources_feed_most_metrics_from_exports_sheetplan_reads(tmp_path: Path, lang: Lang) -> None:
    path = write(tmp_path, lang=lang, example=True)
    plan, problems = read_plan(read_file(path), str(path))
    assert problems == []
    fed = {source.metric_id for source in plan.sources}
    assert fed <= {metric.id for metric in plan.metrics}
    assert len(fed) > len(plan.metrics) / 2
    for source in plan.sources:
        kind = kind_named(source.export)
        assert kind is not None, source.export
        spec = parse_value(source.value)
        assert spec is not None, source.value
        if spec.operation == "posts":
            assert kind.posts, source
        elif kind.columns:
            assert set(spec.columns) <= set(kind.columns), source
        assert not source.filter or parse_filter(source.filter) is not None
    # Posts published on every channel add up: one row per channel's export.
    posts = [source.export for source in plan.sources if source.metric_id == "M2"]
    assert len(posts) == len(plan.channels)
    assert {source.how for source in plan.sources} >= {None, "last", "average"}
