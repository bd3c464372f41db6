"""Plans saved by a real spreadsheet program, LibreOffice, as .xlsx and as .ods, read back whole."""

from __future__ import annotations

from pathlib import Path

import openpyxl
import pytest
from click.testing import CliRunner
from libreoffice import convert, needs_libreoffice
from plan_builder import MONTHS, START, TODAY, expected_plan, fill_template, sample

from sheetplan.check.rules import check_plan
from sheetplan.cli import cli
from sheetplan.plan.model import ErrorValue
from sheetplan.plan.schema import Lang
from sheetplan.read.load import load
from sheetplan.read.source import read_file
from sheetplan.read.workbook import read_workbook
from sheetplan.template.workbook import write_plan

pytestmark = needs_libreoffice


@pytest.mark.parametrize("target", ["xlsx", "ods"])
@pytest.mark.parametrize("lang", ["en", "bg"])
def test_a_plan_filled_in_and_saved_by_libreoffice_reads_back_as_typed(
    tmp_path: Path, lang: Lang, target: str
) -> None:
    path = tmp_path / "plan.xlsx"
    write_plan(path, start=START, months=MONTHS, lang=lang, today=TODAY)
    saved = convert(fill_template(path, sample(), lang), target, tmp_path)
    plan, problems = load(read_file(saved), saved.name)
    assert problems == []
    assert check_plan(plan, today=TODAY) == []
    assert plan == expected_plan(sample())
    assert plan.lang == lang


def test_the_example_plan_saved_by_libreoffice_checks_clean(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    write_plan(tmp_path / "example.xlsx", example=True)
    saved = convert(tmp_path / "example.xlsx", "xlsx", tmp_path)
    monkeypatch.chdir(saved.parent)
    result = CliRunner().invoke(cli, ["check", saved.name])
    assert (result.exit_code, result.stdout) == (0, "example.xlsx: no problems found.\n")


@pytest.mark.parametrize("target", ["xlsx", "ods"])
def test_error_cells_saved_by_libreoffice_are_errors(tmp_path: Path, target: str) -> None:
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    sheet.title = "Actuals"
    sheet.append(["Metric ID", "2025-01", "2025-02", "2025-03"])
    sheet.append(["M1", "=NA()", "=1/0", 5])
    sheet.append(["M2", 3, "=B2", "=B3*2"])
    workbook.save(tmp_path / "errors.xlsx")
    saved = convert(tmp_path / "errors.xlsx", target, tmp_path)
    rows = read_workbook(saved, "ods" if target == "ods" else "xlsx")["Actuals"]
    assert rows[1:3] == [
        ["M1", ErrorValue("#N/A"), ErrorValue("#DIV/0!"), 5.0],
        ["M2", 3.0, ErrorValue("#N/A"), 6.0],  # an error passed on by a reference
    ]
