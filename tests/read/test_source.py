"""Reading a workbook file for its plan: only the sheets the schema knows."""

from __future__ import annotations

from pathlib import Path

from plan_builder import plan_grid, sample, write_workbook

from sheetplan.read.source import read_file


def test_read_source_reads_only_the_plans_sheets(tmp_path: Path) -> None:
    grid = plan_grid(sample())
    grid["Guide"] = [["How to fill in the plan"]]
    grid["Review 2025-03"] = [["Review"]]
    grid["Review log"] = [["Month", "Metric ID"]]
    grid["My notes"] = [["anything"]]
    path = write_workbook(tmp_path / "plan.xlsm", grid)
    assert set(read_file(path)) == {*plan_grid(sample()), "Review log"}
