"""The days an export covers: the range its name states, or the span of its days or months."""

from __future__ import annotations

from datetime import date, datetime

import pytest

from sheetplan.exports.coverage import of_months, span, stated_by_name
from sheetplan.plan.model import Month


@pytest.mark.parametrize(
    ("name", "kind", "expected"),
    [
        ("Sep-01-2025_Sep-30-2025_1234567890.csv", "Meta posts", (date(2025, 9, 1), date(2025, 9, 30))),
        ("Dec-15-2025_Jan-14-2026_99.csv", "Instagram posts", (date(2025, 12, 15), date(2026, 1, 14))),
        (
            "Content 2025-09-01_2025-09-30 Example.zip/Table data.csv",
            "YouTube",
            (date(2025, 9, 1), date(2025, 9, 30)),
        ),
        ("Sep-01-2025_Sep-30-2025_1.csv", "X posts", None),
        ("2025-09-01_2025-09-30.csv", "Meta posts", None),
        ("Sep-31-2025_Oct-30-2025_1.csv", "Meta posts", None),
        ("Oct-01-2025_Sep-30-2025_1.csv", "Meta posts", None),
        ("Foo-01-2025_Sep-30-2025_1.csv", "Meta posts", None),
        ("posts.csv", "Meta posts", None),
    ],
)
def test_a_range_stated_by_a_name(name: str, kind: str, expected: tuple[date, date] | None) -> None:
    assert stated_by_name(name, kind) == expected


def test_the_span_of_days_and_times() -> None:
    assert span([date(2025, 9, 3), None, datetime(2025, 9, 1, 23, 0), date(2025, 9, 2)]) == (
        date(2025, 9, 1), date(2025, 9, 3)
    )  # fmt: skip
    assert span([None]) is None
    assert span([]) is None


def test_the_span_of_months() -> None:
    assert of_months([Month(2026, 4), None, Month(2026, 2)]) == (date(2026, 2, 1), date(2026, 4, 30))
    assert of_months([]) is None
