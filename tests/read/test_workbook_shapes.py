"""Every workbook shape of `workbook_shapes` read back: the plan the plain example is, or its refusal."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner
from excel_features import EXAMPLE_DAY, example
from libreoffice import convert
from workbook_shapes import ODS_SHAPES, READS, REFUSED, UNIFORM_RATIO, largest_ratio, made

from sheetplan.api import PlanRead, read_plan
from sheetplan.cli import cli
from sheetplan.plan.errors import SourceError
from sheetplan.read.sparse import SheetRows


@pytest.fixture(scope="module")
def plain(tmp_path_factory: pytest.TempPathFactory) -> PlanRead:
    return read_plan(str(example(tmp_path_factory.mktemp("plain"))), EXAMPLE_DAY)


@pytest.mark.parametrize("name", READS)
def test_a_workbook_of_each_shape_reads_as_the_plain_example(
    name: str, plain: PlanRead, tmp_path: Path
) -> None:
    found = read_plan(str(made(tmp_path, name)), EXAMPLE_DAY)
    assert found.plan == plain.plan
    assert found.problems == plain.problems


@pytest.mark.parametrize("name", sorted(REFUSED))
def test_a_broken_workbook_is_refused_in_one_line_that_says_what_is_wrong(name: str, tmp_path: Path) -> None:
    path = made(tmp_path, name)
    with pytest.raises(SourceError) as refused:
        read_plan(str(path), EXAMPLE_DAY)
    assert str(refused.value) == f"{path}: {REFUSED[name]}"
    result = CliRunner().invoke(cli, ["check", str(path)])
    assert (result.exit_code, result.stderr) == (2, f"Error: {path}: {REFUSED[name]}\n")


def test_the_uniform_sheet_is_compressed_as_much_as_the_real_file_it_stands_for(tmp_path: Path) -> None:
    assert largest_ratio(made(tmp_path, "uniform_sheet")) >= UNIFORM_RATIO


def test_values_far_from_the_tables_read_in_the_time_of_the_cells_that_hold_something(
    plain: PlanRead, tmp_path: Path
) -> None:
    """XFD1048576 once made calamine ask for 512 GB; the sheets with far values are now read sparsely,
    the block of their tables and the far cells alone."""
    path = made(tmp_path, "far_cells")
    read = read_plan(str(path), EXAMPLE_DAY)
    assert read.plan == plain.plan
    assert {name for name, rows in read.grid.items() if isinstance(rows, SheetRows)} == {
        "Goals",
        "Forecasts",
        "Actions",
    }


@pytest.fixture(scope="module")
def ods_plain(tmp_path_factory: pytest.TempPathFactory) -> PlanRead:
    folder = tmp_path_factory.mktemp("ods")
    return read_plan(str(convert(example(folder), "ods", folder)), EXAMPLE_DAY)


@pytest.mark.libreoffice
@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice (soffice) is not installed")
@pytest.mark.parametrize("name", sorted(ODS_SHAPES))
def test_an_ods_file_of_each_shape_reads_as_the_plain_example(
    name: str, ods_plain: PlanRead, tmp_path: Path
) -> None:
    source, edit = ODS_SHAPES[name]
    path = convert(made(tmp_path, source) if source else example(tmp_path), "ods", tmp_path)
    if edit is not None:
        edit(path)
    found = read_plan(str(path), EXAMPLE_DAY)
    assert (found.plan, found.problems) == (ods_plain.plan, ods_plain.problems)
