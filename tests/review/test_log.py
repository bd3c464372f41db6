"""The Review log: a month's rows replace that month's, other months stay, in month and metric order."""

from __future__ import annotations

from datetime import date

import pytest
from plan_builder import expected_plan, sample

from sheetplan.plan.model import Month
from sheetplan.plan.schema import REVIEW_LOG, Lang
from sheetplan.review.log import LogRow, merged_log, parse_log, review_rows
from sheetplan.review.variance import build_review

REVIEW = build_review(expected_plan(sample()), Month(2025, 3))


def row(month: str, metric: str, actual: float | None = 1.0, status: str = "on_track") -> LogRow:
    return LogRow(Month.parse(month), metric, f"Metric {metric}", 1.0, actual, 0.0, 0.0, status)  # type: ignore[arg-type]


def keys(rows: list[LogRow]) -> list[tuple[str, str]]:
    return [(str(item.month), item.metric_id) for item in rows]


def test_a_reviews_rows_are_its_months_figures() -> None:
    rows = review_rows(REVIEW)
    assert keys(rows) == [("2025-03", "M1"), ("2025-03", "M2"), ("2025-03", "M3")]
    first = REVIEW.metrics[0].month
    assert (rows[0].forecast, rows[0].actual, rows[0].variance, rows[0].variance_pct, rows[0].status) == (
        first.forecast,
        first.actual,
        first.variance,
        first.variance_pct,
        first.status,
    )


@pytest.mark.parametrize(
    ("existing", "expected"),
    [
        ([], [("2025-03", "M1"), ("2025-03", "M2"), ("2025-03", "M3")]),
        (
            [row("2025-03", "M1", actual=5), row("2025-03", "M9")],
            [("2025-03", "M1"), ("2025-03", "M2"), ("2025-03", "M3")],
        ),
        (
            [row("2025-04", "M2"), row("2025-02", "M3"), row("2025-02", "M1")],
            [
                ("2025-02", "M1"), ("2025-02", "M3"),
                ("2025-03", "M1"), ("2025-03", "M2"), ("2025-03", "M3"),
                ("2025-04", "M2"),
            ],
        ),
        (
            [row("2025-01", "OLD2"), row("2025-01", "M2"), row("2025-01", "OLD1")],
            [
                ("2025-01", "M2"), ("2025-01", "OLD2"), ("2025-01", "OLD1"),
                ("2025-03", "M1"), ("2025-03", "M2"), ("2025-03", "M3"),
            ],
        ),
    ],
    ids=["first review", "same month again", "other months kept", "metrics no longer in the plan last"],
)  # fmt: skip
def test_merging_replaces_the_month_and_sorts(
    existing: list[LogRow], expected: list[tuple[str, str]]
) -> None:
    merged = merged_log(existing, REVIEW)
    assert keys(merged) == expected
    assert [item for item in merged if str(item.month) == "2025-03"] == review_rows(REVIEW)


@pytest.mark.parametrize("lang", ["en", "bg"])
def test_the_log_reads_back_as_written(lang: Lang) -> None:
    rows = review_rows(REVIEW)
    header = [column.header(lang) for column in REVIEW_LOG.columns]
    assert parse_log([header, *(item.cells(lang) for item in rows)]) == rows


def test_reading_a_log_a_program_or_a_person_has_changed() -> None:
    header = ["Status", "Metric ID", "Month", "Actual", "Note"]
    rows = [
        header,
        ["под риск", "M1", date(2025, 2, 1), 950, "typed by hand"],
        ["on track", "M2", "2025-01", "n/a", ""],
        ["", "", "", "", "a note under the table"],
        ["off track", "M3", "next month", 3, ""],
        ["at risk", "M4", 45748, 7, "Google Sheets made 2025-04 a date, read as its serial number"],
    ]
    assert parse_log(rows) == [
        LogRow(Month(2025, 2), "M1", "", None, 950, None, None, "at_risk"),
        LogRow(Month(2025, 1), "M2", "", None, None, None, None, "on_track"),
        LogRow(Month(2025, 4), "M4", "", None, 7, None, None, "at_risk"),
    ]


def test_a_sheet_without_the_log_headers_reads_as_empty() -> None:
    assert parse_log([["Something", "Else"], ["2025-01", "M1"]]) == []
    assert parse_log([]) == []
