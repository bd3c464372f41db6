"""`sheetplan import` into a plan LibreOffice saved, and the result opened by LibreOffice again."""

from __future__ import annotations

import shutil
from datetime import date
from pathlib import Path

import openpyxl
import pytest
from gsheets_support import run
from libreoffice import convert, needs_libreoffice
from plan_builder import pretend_today

from sheetplan.api import write_plan

pytestmark = [*needs_libreoffice, pytest.mark.slow]
TODAY = date(2026, 12, 1)


def actuals(path: Path) -> list[tuple]:
    return list(
        openpyxl.load_workbook(path, read_only=True, data_only=True)["Actuals"].iter_rows(values_only=True)
    )


def test_a_plan_saved_by_libreoffice_takes_the_import_and_libreoffice_reads_it_back(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    pretend_today(monkeypatch, TODAY)
    ours = tmp_path / "plan.xlsx"
    write_plan(ours, example=True, exports=tmp_path / "exports", today=TODAY)
    files = sorted((tmp_path / "exports").iterdir())
    saved = tmp_path / "saved" / "plan.xlsx"
    saved.parent.mkdir()
    shutil.copy(convert(ours, "xlsx", tmp_path / "lo1"), saved)
    for plan in (ours, saved):
        result = run("import", plan, *files)
        assert result.exit_code == 0, result.output
        assert "7 filled" in result.stdout
    assert actuals(saved)[1:11] == actuals(ours)[1:11]
    reopened = convert(saved, "xlsx", tmp_path / "lo2")
    assert actuals(reopened)[1:11] == actuals(ours)[1:11]
    assert "Import log" in openpyxl.load_workbook(reopened, read_only=True).sheetnames


def test_an_ods_plan_is_read_but_its_import_says_to_save_it_as_xlsx(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    pretend_today(monkeypatch, TODAY)
    write_plan(tmp_path / "plan.xlsx", example=True, exports=tmp_path / "exports", today=TODAY)
    ods = convert(tmp_path / "plan.xlsx", "ods", tmp_path / "lo")
    before = ods.read_bytes()
    result = run("import", ods, *sorted((tmp_path / "exports").iterdir()))
    assert result.exit_code == 2
    assert result.stderr == (
        f"Error: {ods}: is an OpenDocument spreadsheet (.ods), which sheetplan reads but does not write; "
        "save it as .xlsx in LibreOffice and import into that\n"
    )
    assert ods.read_bytes() == before
    dry = run("import", ods, *sorted((tmp_path / "exports").iterdir()), "--dry-run")
    assert dry.exit_code == 0 and "7 filled" in dry.stdout
