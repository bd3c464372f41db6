"""Which months `review --month` takes: none that has not begun, and the current one with a warning."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from plan_builder import pretend_today
from review_support import example_plan, review

TODAY = date(2026, 6, 15)


@pytest.fixture
def plan(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    pretend_today(monkeypatch, TODAY)
    return example_plan(tmp_path)


@pytest.mark.parametrize("month", ["2026-07", "2026-12"])
def test_a_month_that_has_not_begun_is_refused(plan: Path, month: str) -> None:
    original = plan.read_bytes()
    result = review(plan, "--month", month)
    assert result.exit_code == 2
    assert result.stderr == (
        f"Error: {plan}: --month {month} has not begun yet (today is 2026-06-15); "
        "choose 2026-05, the last full month, or an earlier one\n"
    )
    assert plan.read_bytes() == original


def test_the_current_month_is_reviewed_with_a_warning(plan: Path) -> None:
    result = review(plan, "--month", "2026-06")
    assert result.exit_code == 0, result.output
    assert result.stderr == (
        "Warning: 2026-06 is not over yet: its actual results may be incomplete until 2026-07 begins.\n"
    )
    assert '"Review 2026-06"' in result.stdout


def test_a_past_month_needs_no_warning(plan: Path) -> None:
    result = review(plan, "--month", "2026-04")
    assert (result.exit_code, result.stderr) == (0, "")
