"""Setting cells of a plan's existing sheets in place: only those cells change, and safely."""

from __future__ import annotations

import zipfile
from datetime import date, datetime
from pathlib import Path

import openpyxl
import pytest
from excel_features import EXAMPLE_DAY, parts_of, plan_with
from plan_builder import rewrite_zip
from review_support import example_plan

from sheetplan.api import read_plan
from sheetplan.plan.errors import WriteError
from sheetplan.read.source import read_file
from sheetplan.xlsx.fill import compare_cells, fill

CALC_CHAIN = (
    b'<calcChain xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
    b'<c r="B2" i="11"/></calcChain>'
)


def test_actuals_typed_in_by_a_program_read_back_and_nothing_else_changes(tmp_path: Path) -> None:
    plan = example_plan(tmp_path)
    before = parts_of(plan)
    backup = fill(plan, {"Actuals": {(2, 7): 1100, (3, 7): 61.5, (12, 1): "M11", (2, 3): None}})
    assert backup == plan.with_name("plan.bak.xlsx") and backup.read_bytes() != plan.read_bytes()
    after = parts_of(plan)
    assert {name for name in before if after[name] != before[name]} == {"xl/worksheets/sheet9.xml"}
    actuals = read_file(plan)["Actuals"]
    assert actuals[1][2:7] == ["", 847.0, 952.0, 1038.0, 1100.0]
    assert actuals[2][6] == 61.5
    assert actuals[11][0] == "M11"
    # The cells keep the look the template gave them.
    sheet = openpyxl.load_workbook(plan)["Actuals"]
    assert sheet["G2"].number_format == sheet["F2"].number_format


def test_values_of_every_kind_and_a_formula_replaced_drop_the_calculation_chain(tmp_path: Path) -> None:
    plan = plan_with(tmp_path, "formula_results")
    rewrite_zip(
        plan,
        {
            "xl/calcChain.xml": lambda _: CALC_CHAIN,
            "xl/_rels/workbook.xml.rels": lambda data: data.replace(
                b"</Relationships>",
                b'<Relationship Id="rId99" Target="calcChain.xml" Type="http://schemas.openxmlformats.org/'
                b'officeDocument/2006/relationships/calcChain"/></Relationships>',
            ),
            "[Content_Types].xml": lambda data: data.replace(
                b"</Types>",
                b'<Override PartName="/xl/calcChain.xml" ContentType="application/vnd.openxmlformats-'
                b'officedocument.spreadsheetml.calcChain+xml"/></Types>',
            ),
        },
    )
    dashboard = {(2, 2): 7, (3, 2): True, (4, 2): date(2026, 12, 24), (5, 2): datetime(2026, 12, 24, 18)}
    fill(plan, {"Dashboard": dashboard | {(6, 2): "bell\x07 rings"}})
    parts = parts_of(plan)
    assert "xl/calcChain.xml" not in parts
    assert b"calcChain" not in parts["xl/_rels/workbook.xml.rels"] + parts["[Content_Types].xml"]
    sheet = openpyxl.load_workbook(plan)["Dashboard"]
    assert [sheet.cell(row, 2).value for row in range(2, 6)] == [7, True, 46380, 46380.75]
    assert sheet["B6"].value == "bell rings"
    # The plan's own sheets read as they did.
    (tmp_path / "fresh").mkdir()
    fresh = plan_with(tmp_path / "fresh", "formula_results")
    assert read_plan(str(plan), EXAMPLE_DAY).plan == read_plan(str(fresh), EXAMPLE_DAY).plan


def test_a_missing_sheet_or_a_shared_formula_is_refused_and_the_file_kept(tmp_path: Path) -> None:
    plan = example_plan(tmp_path)
    original = plan.read_bytes()
    with pytest.raises(WriteError, match=r"has no sheet 'Team notes'; nothing was written"):
        fill(plan, {"Actuals": {(2, 7): 1}, "Team notes": {(2, 1): "x"}})
    rewrite_zip(
        plan,
        {
            "xl/worksheets/sheet9.xml": lambda data: data.replace(
                b'<c r="F2" s="18"><v>1038</v>',
                b'<c r="F2" s="18"><f t="shared" ref="F2:F3" si="0">E2+1</f><v>1038</v>',
            )
        },
    )
    shared = plan.read_bytes()
    with pytest.raises(WriteError, match=r"Actuals!F2 holds the first cell of a shared formula"):
        fill(plan, {"Actuals": {(2, 6): 1}})
    assert plan.read_bytes() == shared
    assert original != shared
    assert sorted(path.name for path in tmp_path.iterdir()) == ["plan.xlsx"]


def test_a_read_only_plan_is_refused(tmp_path: Path) -> None:
    plan = example_plan(tmp_path)
    plan.chmod(0o444)
    with pytest.raises(WriteError, match="read-only"):
        fill(plan, {"Actuals": {(2, 7): 1}})
    with zipfile.ZipFile(plan) as archive:
        assert archive.testzip() is None


def test_a_sheet_read_back_with_a_cell_changed_that_was_not_set_is_refused(tmp_path: Path) -> None:
    header = ["Metric ID", "2026-01"]
    before = {"Actuals": [header, ["M1", 950.0], ["M2", 10.0]]}
    changes = {"Actuals": {(2, 2): 960}}
    plan = tmp_path / "plan.xlsx"
    compare_cells({"Actuals": [[*header, ""], ["M1", 960.0], ["M2", 10.0]]}, plan, before, changes)
    for after, where in (
        ([header, ["M1", 960.0], ["M2", 11.0]], "Actuals!B3 would read 11.0 instead of 10.0"),
        ([header, ["M1", 950.0], ["M2", 10.0]], "Actuals!B2 would read 950.0 instead of 960.0"),
        ([header, ["M1", 960.0]], "Actuals!A3 would read None instead of 'M2'"),
    ):
        with pytest.raises(WriteError) as raised:
            compare_cells({"Actuals": after}, plan, before, changes)
        assert f"after saving {where};" in str(raised.value)
