"""An .ods table rewritten from its cells: the block at its places, far cells moved under it."""

from __future__ import annotations

import re

import pytest
from ods_files import NAMESPACES, cell, table_xml

from sheetplan.plan.errors import SourceError
from sheetplan.read import odsrelocate
from sheetplan.read.odsrelocate import relocate_ods
from sheetplan.read.relocate import Layout


def _content(*tables: str) -> bytes:
    return (
        f"<office:document-content {NAMESPACES}><office:body><office:spreadsheet>{''.join(tables)}"
        "</office:spreadsheet></office:body></office:document-content>"
    ).encode()


def test_only_the_tables_named_are_rewritten_and_their_far_cells_moved() -> None:
    kept = table_xml("Guide", [["Read me"]])
    far = table_xml("Actions", [["Action ID", "Due"], ["A1", 5]], {(1_048_576, 16_384): "far", (3, 300): 7})
    content, layouts = relocate_ods(_content(kept, far), {"Actions", "Missing"}, "plan.ods")
    assert layouts == {"Actions": Layout(2, 2, ((3, 300), (1_048_576, 16_384)))}
    assert kept.encode() in content
    table = content[content.index(b'table:name="Actions"') :]
    rows = re.findall(rb"<table:table-row>(.*?)</table:table-row>", table)
    assert len(rows) == 3 and b"number-rows-repeated" not in table
    assert rows[2].count(b"<table:table-cell office:value-type") == 2  # both moved cells, in row 3


def test_repeats_are_undone_at_their_positions_and_blank_runs_kept_as_repeats() -> None:
    repeated = cell(5).replace("<table:table-cell ", '<table:table-cell table:number-columns-repeated="3" ')
    rows = (
        f'<table:table-row>{cell("a")}<table:table-cell table:number-columns-repeated="2"/>{repeated}'
        "</table:table-row>"
        f'<table:table-row table:number-rows-repeated="2">{cell("b")}</table:table-row>'
        '<table:table-row table:number-rows-repeated="5000"><table:table-cell/></table:table-row>'
        f"<table:table-row>{cell('far')}</table:table-row>"
    )
    columns = '<table:table-column table:number-columns-repeated="9"/>'
    table = f'<table:table table:name="T">{columns}{rows}</table:table>'
    found = odsrelocate._cells(table.encode(), "T", "plan.ods")
    assert [position for position, _ in found] == [(1, 1), (1, 4), (1, 5), (1, 6), (2, 1), (3, 1), (5004, 1)]
    assert all(b"repeated" not in element for _, element in found)
    content, layouts = relocate_ods(_content(table), {"T"}, "plan.ods")
    assert layouts["T"] == Layout(3, 6, ((5004, 1),))
    assert b'<table:table-cell table:number-columns-repeated="2"/>' in content


def test_a_table_repeating_values_over_ten_million_cells_is_refused(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(odsrelocate, "MOST_CELLS", 100)
    big = cell(1).replace("<table:table-cell ", '<table:table-cell table:number-columns-repeated="20" ')
    rows = f'<table:table-row table:number-rows-repeated="6">{big}</table:table-row>'
    table = f'<table:table table:name="T">{rows}</table:table>'
    with pytest.raises(
        SourceError, match=r'^plan\.ods: the sheet "T" repeats values over more than 100 cells$'
    ):
        relocate_ods(_content(table), {"T"}, "plan.ods")
