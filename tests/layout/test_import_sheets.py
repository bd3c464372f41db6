"""The sheets an import writes whole: a new Posts sheet, its styles chosen per column from its values."""

from __future__ import annotations

from datetime import date, datetime

from sheetplan.layout.import_sheets import posts_layout

FULL = (
    "Facebook",
    "1_1",
    datetime(2026, 9, 1, 21, 13),
    "Reels",
    "Hi",
    "https://x/1",
    10,
    5,
    3,
    1,
    1,
    1,
    0,
    "a.csv",
)
SHORT = ("Instagram", "2", date(2026, 9, 2), None, "Two\nlines", "", 2.5, None, 1, 0, 0, 0, 0, "b.csv")


def by_cell(rows: list[tuple]) -> dict[tuple[int, int], tuple[object, str]]:
    cells = posts_layout(rows, "en").every_cell()
    return {(cell.row, cell.column): (cell.value, cell.style) for cell in cells}


def test_a_new_posts_sheet_has_its_headers_and_each_rows_values_in_row_order() -> None:
    layout = posts_layout([FULL, SHORT], "bg")
    assert [cell.value for cell in layout.every_cell() if cell.row == 1][:3] == [
        "Канал",
        "ID на публикация",
        "Публикувана",
    ]
    cells = by_cell([FULL, SHORT])
    assert [cells[2, column][0] for column in range(1, 15)] == list(FULL)
    assert (3, 4) not in cells and (3, 6) not in cells and (3, 8) not in cells
    every = [(cell.row, cell.column) for cell in layout.every_cell()]
    assert every == sorted(every)


def test_each_column_takes_the_style_its_values_call_for() -> None:
    plain = by_cell([FULL])
    assert (plain[2, 3][1], plain[2, 5][1], plain[2, 7][1]) == ("time", "text", "whole")
    mixed = by_cell([FULL, SHORT])
    assert (mixed[3, 3][1], mixed[3, 5][1], mixed[3, 7][1]) == ("time", "lines", "fraction")
    days = by_cell([SHORT])
    assert days[2, 3][1] == "date"
