"""Workbook exports read into tables: every sheet, its non-blank rows numbered as the sheet numbers them."""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path

import export_files as files
import pytest

from sheetplan.exports.sheets import _xls_cell, xlsx_tables


def test_an_xlsx_sheet_by_sheet(tmp_path: Path) -> None:
    path = files.workbook(
        tmp_path / "f.xlsx",
        {
            "New followers": (
                ["Date", "Organic followers", "Note"],
                [
                    {"Date": date(2025, 9, 1), "Organic followers": 3},
                    {},
                    {"Organic followers": 2.5, "Note": "x"},
                ],
            ),
            "Empty": ([], []),
        },
        note="Notes",
    )
    first, second = xlsx_tables(path, "f.xlsx")
    assert (first.sheet, second.sheet) == ("New followers", "Empty")
    assert first.records == [
        (1, ["Notes", None, None]),
        (2, ["Date", "Organic followers", "Note"]),
        (3, [date(2025, 9, 1), 3.0, None]),
        (5, [None, 2.5, "x"]),
    ]
    assert second.records == [(1, ["Notes"])]


@pytest.mark.parametrize(
    ("kind", "value", "expected"),
    [
        (0, "", None),
        (1, "text", "text"),
        (2, 3.0, 3),
        (2, 2.5, 2.5),
        (3, 45901.0, date(2025, 9, 1)),
        (3, 45901.5, datetime(2025, 9, 1, 12, 0)),
        (4, 1, True),
        (5, 42, None),
        (6, "", None),
    ],
)
def test_xls_cells(kind: int, value: object, expected: object) -> None:
    found = _xls_cell(kind, value, datemode=0)
    assert found == expected
    assert type(found) is type(expected)
