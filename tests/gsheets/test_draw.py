"""Styles sent by rectangle: alike neighbouring cells joined into as few ranges as cover them."""

from __future__ import annotations

import pytest

from sheetplan.gsheets.draw import rectangles
from sheetplan.layout.sheet import Range


@pytest.mark.parametrize(
    ("rows", "found"),
    [
        ({}, []),
        ({1: {1: "a"}}, [("a", Range(1, 1, 1, 1))]),
        # A column of a table: one rectangle down the rows.
        ({1: {2: "a"}, 2: {2: "a"}, 3: {2: "a"}}, [("a", Range(1, 2, 3, 2))]),
        # Neighbours alike along a row join; a gap or another look starts a new run.
        (
            {1: {1: "a", 2: "a", 4: "a", 5: "b"}},
            [("a", Range(1, 1, 1, 2)), ("a", Range(1, 4, 1, 4)), ("b", Range(1, 5, 1, 5))],
        ),
        # Runs join down only while they stay the same run.
        (
            {1: {1: "a", 2: "a"}, 2: {1: "a", 2: "a"}, 3: {1: "a"}},
            [("a", Range(1, 1, 2, 2)), ("a", Range(3, 1, 3, 1))],
        ),
        # A blank row ends every rectangle.
        ({1: {1: "a"}, 3: {1: "a"}}, [("a", Range(1, 1, 1, 1)), ("a", Range(3, 1, 3, 1))]),
    ],
)
def test_rectangles_of_alike_cells(rows: dict[int, dict[int, str]], found: list[tuple[str, Range]]) -> None:
    result = rectangles(rows)
    assert sorted(result, key=lambda item: (item[1].first_row, item[1].first_column)) == found
    covered = [
        (row, column)
        for _, area in result
        for row in range(area.first_row, area.last_row + 1)
        for column in range(area.first_column, area.last_column + 1)
    ]
    assert sorted(covered) == sorted((row, column) for row, cells in rows.items() for column in cells)
