"""`SheetRows` and `SparseRow`: a sheet's dense block and its far cells, read as rows like any other."""

from __future__ import annotations

import pytest

from sheetplan.read.sparse import SheetRows, SparseRow, numbered


def _rows() -> SheetRows:
    return SheetRows([["Action ID", "Goal ID"], ["A1", "G1"]], {(2, 5): "note", (1_048_576, 16_384): "far"})


def test_a_sparse_sheet_is_as_long_and_as_wide_as_its_last_cell() -> None:
    rows = _rows()
    assert len(rows) == 1_048_576
    assert rows[0] == ["Action ID", "Goal ID"]
    assert list(rows[1]) == ["A1", "G1", "", "", "note"]
    assert len(rows[1_048_575]) == 16_384 and rows[-1][-1] == "far" and rows[-1][0] == ""
    assert rows[2] == () and rows[1_000_000] == ()
    with pytest.raises(IndexError):
        rows[1_048_576]


def test_a_slice_of_a_sparse_sheet_is_a_list_of_its_rows() -> None:
    assert _rows()[:3] == [["Action ID", "Goal ID"], ["A1", "G1", "", "", "note"], ()]


def test_numbered_gives_every_row_of_a_list_but_only_the_rows_of_a_sparse_sheet_that_hold_something() -> None:
    assert [number for number, _ in numbered(_rows(), 2)] == [2, 1_048_576]
    assert [number for number, _ in numbered([["a"], [], ["b"]], 2)] == [2, 3]
    assert list(numbered(_rows(), 1_048_577)) == []


def test_setting_a_cell_puts_it_in_the_block_or_among_the_far_cells() -> None:
    rows = _rows()
    rows.set(1, 2, "Goal")
    rows.set(3, 1, "new far row")
    rows.set(1_048_576, 2, "x")
    rows.set(2_000_000, 1, "y")
    assert rows[0] == ["Action ID", "Goal"]
    assert list(rows[2]) == ["new far row"]
    assert rows[1_048_575][1] == "x" and rows[1_048_575][16_383] == "far"
    assert len(rows) == 2_000_000
    assert [number for number, _ in numbered(rows, 3)] == [3, 1_048_576, 2_000_000]


def test_a_sparse_sheet_equals_the_rows_it_stands_for() -> None:
    rows = SheetRows([["a"]], {(3, 2): 5.0})
    assert rows == [["a"], [], ["", 5.0]]
    assert rows != [["a"], [], ["", 6.0]]
    assert rows != [["a"]]
    assert SparseRow([1.0], {3: "x"}) == [1.0, "", "", "x"]
    assert SparseRow([1.0], {3: "x"})[1:] == ["", "", "x"]
