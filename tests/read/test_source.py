"""Reading a workbook file for its plan: only the sheets the schema knows."""

from __future__ import annotations

from pathlib import Path

import pytest
from plan_builder import plan_grid, sample, write_workbook

from sheetplan.plan.errors import SourceError
from sheetplan.read.source import read_file


def test_read_source_reads_only_the_plans_sheets(tmp_path: Path) -> None:
    grid = plan_grid(sample())
    grid["Guide"] = [["How to fill in the plan"]]
    grid["Review 2025-03"] = [["Review"]]
    grid["Review log"] = [["Month", "Metric ID"]]
    grid["My notes"] = [["anything"]]
    path = write_workbook(tmp_path / "plan.xlsm", grid)
    assert set(read_file(path)) == {*plan_grid(sample()), "Review log"}


def test_read_source_reads_only_the_sheets_asked_for(tmp_path: Path) -> None:
    grid = plan_grid(sample(), "bg")
    grid["Review log"] = [["Month", "Metric ID"]]
    path = write_workbook(tmp_path / "plan.xlsx", grid)
    assert set(read_file(path, sheets=("metrics", "review_log"))) == {"Показатели", "Review log"}


@pytest.mark.usefixtures("bulgarian")
def test_a_missing_file_is_said_in_bulgarian(tmp_path: Path) -> None:
    with pytest.raises(SourceError) as raised:
        read_file(tmp_path / "план.xlsx", "план.xlsx")
    assert str(raised.value) == "план.xlsx: няма такъв файл"


@pytest.mark.usefixtures("bulgarian")
def test_a_file_of_another_kind_is_said_in_bulgarian(tmp_path: Path) -> None:
    (tmp_path / "план.csv").write_text("a,b\n")
    with pytest.raises(SourceError) as raised:
        read_file(tmp_path / "план.csv", "план.csv")
    assert str(raised.value) == "план.csv: неподдържан вид файл („.csv“); използвайте .xlsx, .xlsm или .ods"
