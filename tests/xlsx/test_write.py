"""Everything a team added to its plan survives reviews: their sheets, pictures, charts, comments, columns.

The plan is written by XlsxWriter (a program other than the one sheetplan writes with), with a sheet
of the team's own holding a picture, a chart and a comment, an extra column on the Actions sheet and
an action whose name looks like a formula. It is then reviewed three times.
"""

from __future__ import annotations

import zipfile
from collections.abc import Sequence
from pathlib import Path
from typing import BinaryIO

import openpyxl
import pytest
import xlsxwriter
from plan_builder import add_column, plan_grid, sample, write_workbook
from review_support import MONTH, example_plan, png, review

from sheetplan.files.safe_save import TEMP_MARK
from sheetplan.read.source import read_file
from sheetplan.read.workbook import read_workbook
from sheetplan.review.log import parse_log
from sheetplan.xlsx import write as xlsx_write
from sheetplan.xlsx.book import read_book
from sheetplan.xlsx.graft import Graft
from sheetplan.xlsx.package import Package

HYPERLINK = '=HYPERLINK("https://example.com","our site")'


def team_plan(folder: Path) -> Path:
    """The sample plan plus what a team adds over the months."""
    data = sample()
    data.rows["actions"][2]["action"] = HYPERLINK
    grid = plan_grid(data)
    add_column(grid, "Actions", "Agency note", "ask the agency", at=len(grid["Actions"][0]))
    picture = png(folder / "logo.png")

    def extras(workbook: xlsxwriter.Workbook) -> None:
        notes = workbook.add_worksheet("Team notes")
        notes.write_row(0, 0, ["Week", "Posts"])
        for week in range(1, 6):
            notes.write_row(week, 0, [f"W{week}", week * 3])
        notes.insert_image("D2", str(picture))
        chart = workbook.add_chart({"type": "column"})
        chart.add_series(
            {"name": "Posts", "categories": "='Team notes'!$A$2:$A$6", "values": "='Team notes'!$B$2:$B$6"}
        )
        notes.insert_chart("D12", chart)
        notes.write_comment("B1", "Counted on Fridays")

    return write_workbook(folder / "plan.xlsx", grid, extras=extras)


def media(path: Path) -> list[bytes]:
    with zipfile.ZipFile(path) as archive:
        return [archive.read(name) for name in sorted(archive.namelist()) if name.startswith("xl/media/")]


def test_a_teams_own_sheets_and_columns_survive_reviews(tmp_path: Path) -> None:
    plan = team_plan(tmp_path)
    before = read_file(plan)
    picture = (tmp_path / "logo.png").read_bytes()
    for month in ("2025-03", "2025-03", "2025-02"):
        result = review(plan, "--month", month)
        assert result.exit_code == 0, result.output
        assert "was left as it is" not in result.stdout

    workbook = openpyxl.load_workbook(plan)
    assert workbook.sheetnames[-5:] == [
        "Posts",
        "Review 2025-02",
        "Review 2025-03",
        "Team notes",
        "Review log",
    ]
    notes = workbook["Team notes"]
    assert [[cell.value for cell in row] for row in notes.iter_rows(max_col=2)] == [
        ["Week", "Posts"],
        *([f"W{week}", week * 3] for week in range(1, 6)),
    ]
    assert notes["B1"].comment.text == "Counted on Fridays"
    assert media(plan) == [picture]
    [chart] = notes._charts
    assert [series.val.numRef.f for series in chart.series] == ["'Team notes'!$B$2:$B$6"]
    assert [series.cat.strRef.f for series in chart.series] == ["'Team notes'!$A$2:$A$6"]

    actions = workbook["Actions"]
    assert actions.cell(1, 13).value == "Agency note"
    assert [actions.cell(row, 13).value for row in (2, 3, 4)] == ["ask the agency"] * 3
    assert (actions["C4"].value, actions["C4"].data_type) == (HYPERLINK, "s")
    overdue = [
        cell for row in workbook["Review 2025-03"].iter_rows() for cell in row if cell.value == HYPERLINK
    ]
    assert overdue and all(cell.data_type == "s" for cell in overdue)

    after = read_file(plan)
    for name, rows in before.items():
        assert after[name] == rows
    log = [(str(row.month), row.metric_id) for row in parse_log(after["Review log"])]
    assert log == [(month, metric) for month in ("2025-02", "2025-03") for metric in ("M1", "M2", "M3")]


def test_a_save_that_dies_half_way_leaves_the_plan_byte_for_byte(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    plan = team_plan(tmp_path)
    original = plan.read_bytes()

    def dies(package: Package, stream: BinaryIO) -> None:
        stream.write(b"PK\x03\x04 half a workbook")
        raise MemoryError("killed half-way through the save")

    monkeypatch.setattr(Package, "write", dies)
    with pytest.raises(MemoryError):
        review(plan, "--month", "2025-03", catch_exceptions=False)
    assert plan.read_bytes() == original
    assert sorted(path.name for path in tmp_path.iterdir()) == ["logo.png", "plan.xlsx"]


def test_a_save_that_would_change_the_plans_values_is_refused(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    plan = team_plan(tmp_path)
    original = plan.read_bytes()
    graft = xlsx_write.graft

    def careless(package: Package, grafts: Sequence[Graft]) -> None:
        graft(package, grafts)
        actuals = next(sheet.part for sheet in read_book(package).sheets if sheet.name == "Actuals")
        package.put(actuals, package.read(actuals).replace(b"<v>950</v>", b"<v>951</v>", 1))

    monkeypatch.setattr(xlsx_write, "graft", careless)
    result = review(plan, "--month", "2025-03")
    assert result.exit_code == 2
    assert result.stderr == (
        f"Error: {plan}: not written, because after saving Actuals!C2 would read 951 instead of 950; "
        "the file is unchanged\n"
    )
    assert plan.read_bytes() == original
    assert not any(TEMP_MARK in path.name for path in tmp_path.iterdir())


def test_a_read_only_plan_is_refused_and_left_as_it_is(tmp_path: Path) -> None:
    plan = example_plan(tmp_path)
    original = plan.read_bytes()
    plan.chmod(0o444)
    result = review(plan, "--month", MONTH)
    assert (result.exit_code, result.stdout) == (2, "")
    assert result.stderr == (
        f"Error: {plan}: the file is read-only; make it writable, or give --out for a new file\n"
    )
    assert plan.read_bytes() == original
    assert sorted(path.name for path in tmp_path.iterdir()) == ["plan.xlsx"]


def test_a_review_keeps_the_plans_permissions(tmp_path: Path) -> None:
    plan = example_plan(tmp_path)
    plan.chmod(0o640)
    assert review(plan, "--month", MONTH).exit_code == 0
    assert plan.stat().st_mode & 0o777 == 0o640


def test_out_refuses_another_plan(tmp_path: Path) -> None:
    plan = example_plan(tmp_path)
    other = example_plan(tmp_path, name="other.xlsx")
    original = other.read_bytes()
    result = review(plan, "--month", MONTH, "--out", other)
    assert result.exit_code == 2
    assert result.stderr == (
        f"Error: --out {other}: is another plan (it has a Settings sheet); "
        "give a new file or the plan itself\n"
    )
    assert other.read_bytes() == original


def test_out_into_a_workbook_of_the_teams_keeps_its_sheets(tmp_path: Path) -> None:
    plan = example_plan(tmp_path)
    out = tmp_path / "board.xlsx"
    workbook = xlsxwriter.Workbook(out)
    workbook.add_worksheet("Board").write_formula("A1", "=1+1", None, 2)
    workbook.close()
    assert review(plan, "--month", MONTH, "--out", out).exit_code == 0
    assert review(plan, "--month", "2026-03", "--out", out).exit_code == 0
    assert openpyxl.load_workbook(out).sheetnames == [
        "Board",
        "Review 2026-03",
        "Review 2026-04",
        "Review log",
    ]
    assert read_workbook(out, "xlsx")["Board"] == [[2.0]]
