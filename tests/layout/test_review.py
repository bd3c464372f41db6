"""The review sheet's layout: the meeting's agenda, the figures of the Review, charts drawn from them."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest
from plan_builder import PlanData, expected_plan, sample

from sheetplan.layout import labels
from sheetplan.layout.review import review_layout
from sheetplan.layout.sheet import SheetLayout
from sheetplan.plan.model import Month
from sheetplan.plan.schema import LANGS, STATUS, Lang, Text
from sheetplan.review.model import Review
from sheetplan.review.variance import build_review

MARCH = Month(2025, 3)


def sample_review(data: PlanData | None = None) -> Review:
    return build_review(expected_plan(data or sample()), MARCH)


def grid(layout: SheetLayout) -> dict[tuple[int, int], object]:
    return {(cell.row, cell.column): cell.value for cell in layout.cells}


def row_of(layout: SheetLayout, column: int, value: object, after: int = 0) -> int:
    return min(
        cell.row
        for cell in layout.cells
        if cell.column == column and cell.value == value and cell.row > after
    )


def agenda(layout: SheetLayout) -> dict[str, str]:
    """Agenda item title to its detail."""
    cells = grid(layout)
    first = row_of(layout, 1, labels.AGENDA("en"))
    return {str(cells[row, 2]): str(cells[row, 3]) for row in range(first + 1, first + 8)}


@pytest.mark.parametrize(
    ("lang", "name", "title"),
    [
        ("en", "Review 2025-03", "Monthly review: March 2025"),
        ("bg", "Преглед 2025-03", "Месечен преглед: март 2025"),
    ],
)
def test_the_sheet_is_named_and_titled_for_the_month(lang: Lang, name: str, title: str) -> None:
    layout = review_layout(sample_review(), lang, "third Thursday")
    assert layout.name == name
    assert grid(layout)[1, 1] == title
    assert (layout.landscape, layout.fit_width) == (True, True)


def test_the_metrics_table_holds_the_reviews_figures() -> None:
    review = sample_review()
    layout = review_layout(review, "en")
    cells = grid(layout)
    header = row_of(layout, 1, "Metric ID")
    assert [cells[header, column] for column in range(1, 15)] == [
        "Metric ID", "Metric", "Owner", "Unit",
        "Forecast", "Actual", "Variance", "Variance %", "Status",
        "Forecast", "Actual", "Variance", "Variance %", "Status",
    ]  # fmt: skip
    for row, item in enumerate(review.metrics, start=header + 1):
        figures = [
            value
            for found in (item.month, item.ytd)
            for value in (
                found.forecast,
                found.actual,
                found.variance,
                found.variance_pct,
                STATUS.label(found.status, "en"),
            )
        ]
        metric = item.metric
        assert [cells[row, column] for column in range(1, 15)] == [
            metric.id,
            metric.name,
            metric.owner,
            metric.unit,
            *figures,
        ]


def test_status_cells_take_their_colour_by_rule_in_either_language() -> None:
    layout = review_layout(sample_review(), "bg")
    header = row_of(layout, 1, "ID на показател")
    rules = {(rule.range.a1, rule.text): rule.style for rule in layout.rules}
    for column in ("I", "N"):
        cells = f"{column}{header + 1}:{column}{header + 3}"
        for status in STATUS.values:
            for lang in LANGS:
                assert rules[cells, STATUS.label(status, lang)] == status


def with_march(actuals: dict[str, float]) -> PlanData:
    data = sample()
    for row in data.rows["actuals"]:
        row["2025-03"] = actuals[row["metric_id"]]
    return data


@pytest.mark.parametrize(
    ("actuals", "off_track", "at_risk"),
    [
        ({"M1": 1250, "M2": 25.5, "M3": 0.4}, "None.", "None."),
        ({"M1": 1250, "M2": 23.5, "M3": 0.4}, "None.", "M2 Newsletter open rate (Ivan)."),
        (
            {"M1": 800, "M2": 23.5, "M3": 0.6},
            "M1 Website visits from social (Maria); M3 Cost per visit (Elena).",
            "M2 Newsletter open rate (Ivan).",
        ),
    ],
)
def test_the_agenda_names_the_metrics_to_talk_about(
    actuals: dict[str, float], off_track: str, at_risk: str
) -> None:
    items = agenda(review_layout(sample_review(with_march(actuals)), "en"))
    assert list(items) == [
        "Decisions to follow up: done, or still open?",
        "Assumptions: are they still true?",
        "Off-track metrics: what went wrong, what changes?",
        "At-risk metrics: what keeps them on course?",
        "Overdue actions, by person",
        "Each person's tasks",
        "Decisions and plan changes",
    ]
    assert items["Off-track metrics: what went wrong, what changes?"] == off_track
    assert items["At-risk metrics: what keeps them on course?"] == at_risk
    assert (
        items["Assumptions: are they still true?"]
        == "To confirm: People read LinkedIn at lunch (Maria): unsure."
    )
    assert items["Decisions to follow up: done, or still open?"] == "None open."
    assert items["Decisions and plan changes"] == (
        "Write each one on the Decisions sheet with Month 2025-03, then change the plan's sheets."
    )
    # People in the order of the Owners sheet: Maria, Ivan, Elena.
    assert items["Overdue actions, by person"] == "Ivan (1): A3; Elena (1): A2."


def test_a_long_agenda_line_stops_at_ten_names() -> None:
    data = sample()
    data.rows["assumptions"] = [{"assumption": f"Belief {n}", "still_true": "no"} for n in range(1, 13)]
    detail = agenda(review_layout(sample_review(data), "en"))["Assumptions: are they still true?"]
    assert detail == "To confirm: " + "; ".join(f"Belief {n}: no" for n in range(1, 11)) + "; and 2 more."


def _fixed_labels() -> list[Text]:
    return [value for value in vars(labels).values() if isinstance(value, Text) and "{" not in value.en]


def test_a_bulgarian_sheet_shows_no_english_label() -> None:
    shown = {value for value in grid(review_layout(sample_review(), "bg")).values() if isinstance(value, str)}
    english = {text.en for text in _fixed_labels() if text.en != text.bg}
    assert english & shown == set()
    assert {"Дневен ред", "Решения и промени в плана"} <= shown


def test_every_label_is_translated() -> None:
    assert [text.en for text in _fixed_labels() if not text.bg or text.bg == text.en] == []


@pytest.mark.parametrize(
    ("as_of", "noted"), [(date(2025, 6, 2), True), (date(2025, 4, 15), False), (None, False)]
)
def test_an_earlier_months_review_says_its_actions_and_spending_are_todays(
    as_of: date | None, noted: bool
) -> None:
    review = replace(sample_review(), as_of=as_of)
    texts = [cell.value for cell in review_layout(review, "en").cells if isinstance(cell.value, str)]
    note = (
        "Actions and spending are as the plan holds them on 2025-06-02,"
        " not as they stood at the end of March 2025."
    )
    assert (note in texts) == noted
    assert any(text.startswith("Actions and spending are as the plan holds") for text in texts) == noted
