"""The scan of an .ods file's content: error values seen, and the tables with a cell far from the rest."""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest
from ods_files import NAMESPACES, cell, table_xml, write_ods

from sheetplan.files import inflate
from sheetplan.read import odsscan

ROWS = [["Metric ID", "2026-01"], ["M1", 5], ["M2", 7.5]]


def _scan(tmp_path: Path, **far: dict[tuple[int, int], object]) -> odsscan.OdsScan:
    path = write_ods(tmp_path / "plan.ods", {"Forecasts": ROWS, "Actuals": ROWS}, far)
    with zipfile.ZipFile(path) as archive:
        return odsscan.ods_scan(archive, "plan.ods")


def test_the_runs_that_end_every_row_and_table_are_not_far(tmp_path: Path) -> None:
    assert _scan(tmp_path) == odsscan.OdsScan(errors=False, sparse=frozenset())


@pytest.mark.parametrize(
    ("position", "sparse"),
    [
        ((1_048_576, 16_384), True),
        ((20_000, 702), True),
        ((1_048_576, 1), True),
        ((3, 300), True),
        ((4, 200), False),
        ((3_000, 1), False),
    ],
)
def test_a_value_after_a_long_run_of_blank_cells_or_rows_makes_its_table_sparse(
    position: tuple[int, int], sparse: bool, tmp_path: Path
) -> None:
    scan = _scan(tmp_path, Actuals={position: "note"})
    assert scan.sparse == (frozenset({"Actuals"}) if sparse else frozenset())


def test_blank_rows_of_other_heights_after_a_run_are_not_a_value(tmp_path: Path) -> None:
    rows = "".join(
        f'<table:table-row table:style-name="ro{n}" table:number-rows-repeated="5000">'
        '<table:table-cell table:number-columns-repeated="3"/></table:table-row>'
        for n in range(3)
    )
    content = (
        f"<office:document-content {NAMESPACES}><office:body><office:spreadsheet>"
        f'<table:table table:name="Notes"><table:table-row>{cell("x")}</table:table-row>{rows}'
        "<table:named-expressions/></table:table></office:spreadsheet></office:body></office:document-content>"
    )
    with zipfile.ZipFile(tmp_path / "plan.ods", "w") as archive:
        archive.writestr("content.xml", content)
    with zipfile.ZipFile(tmp_path / "plan.ods") as archive:
        assert odsscan.ods_scan(archive, "plan.ods").sparse == frozenset()


def test_an_error_value_is_seen_and_then_found_at_its_cell(tmp_path: Path) -> None:
    error = (
        '<table:table-cell table:formula="of:=NA()" office:value-type="string" office:string-value=""'
        ' calcext:value-type="error"><text:p>#N/A</text:p></table:table-cell>'
    )
    content = (
        f"<office:document-content {NAMESPACES}><office:body><office:spreadsheet>"
        f"{table_xml('Guide', [['x']])}"
        f'<table:table table:name="Actuals"><table:table-row>{cell("Metric ID")}'
        f'<table:table-cell table:number-columns-repeated="2"/>{error}</table:table-row></table:table>'
        "</office:spreadsheet></office:body></office:document-content>"
    )
    with zipfile.ZipFile(tmp_path / "plan.ods", "w") as archive:
        archive.writestr("content.xml", content)
    with zipfile.ZipFile(tmp_path / "plan.ods") as archive:
        assert odsscan.ods_scan(archive, "plan.ods").errors
        assert odsscan.ods_error_cells(archive, lambda name: True) == {
            "Actuals": {(1, 4): odsscan.ErrorValue("#N/A")}
        }


@pytest.mark.parametrize("chunk", [100, 9000, 2**20])
def test_the_scan_finds_the_same_whatever_the_chunks(
    chunk: int, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    original = inflate.chunks
    monkeypatch.setattr(
        inflate, "chunks", lambda archive, member, label, size=chunk: original(archive, member, label, chunk)
    )
    assert _scan(tmp_path, Actuals={(20_000, 702): "note"}).sparse == frozenset({"Actuals"})
    assert _scan(tmp_path).sparse == frozenset()
