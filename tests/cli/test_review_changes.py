"""What changed since last month, across two real reviews: the log keeps what the first one saw."""

from __future__ import annotations

import json
from pathlib import Path

from review_support import example_plan, review

from sheetplan.read.workbook import read_workbook
from sheetplan.xlsx.fill import fill


def as_json(path: Path, month: str) -> dict:
    result = review(path, "--month", month, "--json", "--dry-run")
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


def test_a_forecast_revised_after_a_review_is_listed_at_the_next(tmp_path: Path) -> None:
    path = example_plan(tmp_path)
    march = as_json(path, "2026-03")
    assert review(path, "--month", "2026-03").exit_code == 0
    was = march["metrics"][2]["month"]["forecast"]
    fill(path, {"Forecasts": {(4, 5): 300}})  # M3 (Instagram followers), March
    april = as_json(path, "2026-04")
    assert april["changes"]["forecasts_revised"] == [
        {"id": "M3", "name": "Instagram followers", "month": "2026-03", "was": was, "now": 300}
    ]
    # The statuses of March as its review saw them, not as the revised forecast would make them.
    assert [metric["previous_status"] for metric in april["metrics"]] == [
        metric["month"]["status"] for metric in march["metrics"]
    ]
    assert review(path, "--month", "2026-04").exit_code == 0
    name = "Review 2026-04"
    rows = read_workbook(path, "xlsx", wanted=name.__eq__)[name]
    start = next(number for number, row in enumerate(rows) if row[0] == "What changed since March 2026")
    assert [(rows[n][0], rows[n][2]) for n in (start + 3,)] == [
        ("Forecasts revised", f"M3 Instagram followers, 2026-03: {was:,} → 300.")
    ]
    assert rows[start + 1][0] == "Better" and rows[start + 6][0] == "Newly overdue"
