"""A recognised table's records turned into rows: Total rows, ragged rows, day order, first errors."""

from __future__ import annotations

from datetime import date, datetime

import pytest

from sheetplan.exports.cells import Cell
from sheetplan.exports.convert import convert
from sheetplan.exports.recognise import recognise
from sheetplan.exports.tables import RawTable
from sheetplan.plan.errors import SourceError

TODAY = date(2026, 10, 1)


def _rows(*records: list[Cell], today: date = TODAY) -> list[tuple[int, date | None, dict[str, object]]]:
    table = RawTable(records=[(line, list(cells)) for line, cells in enumerate(records, start=1)])
    found = recognise(table, "f", ga4=False)
    assert found is not None
    typed = any(not isinstance(cell, str) for cells in records for cell in cells)
    converted = convert(found, table.records, table.comma, today, "f.csv", typed)
    return [(row.number, row.day, dict(row.values)) for row in converted.rows]


def _error(*records: list[Cell]) -> str:
    with pytest.raises(SourceError) as raised:
        _rows(*records)
    return str(raised.value)


@pytest.mark.parametrize("total", ["Total", "Totals", "Grand total", "GRAND TOTAL", "Gesamtsumme", "Общо"])
def test_total_rows_are_left_out_wherever_they_are(total: str) -> None:
    assert _rows(["Date", "Views"], [total, "30"], ["2025-09-01", "10"], [total, "30"]) == [
        (3, date(2025, 9, 1), {"Date": "2025-09-01", "Views": 10})
    ]


def test_short_rows_are_padded_and_long_ones_cut() -> None:
    assert _rows(
        ["Date", "Views", "Reach", "Calls"],
        ["2025-09-01", "10", "3", "5"],
        ["2025-09-02", "10"],
        ["2025-09-03", "1", "2", "6", "extra"],
    ) == [
        (2, date(2025, 9, 1), {"Date": "2025-09-01", "Views": 10, "Reach": 3, "Calls": 5}),
        (3, date(2025, 9, 2), {"Date": "2025-09-02", "Views": 10, "Reach": None, "Calls": None}),
        (4, date(2025, 9, 3), {"Date": "2025-09-03", "Views": 1, "Reach": 2, "Calls": 6}),
    ]


def test_a_column_of_day_first_dates() -> None:
    assert [day for _, day, _ in _rows(["Date", "Views"], ["01/09/2025", "1"], ["30/09/2025", "2"])] == [
        date(2025, 9, 1), date(2025, 9, 30)
    ]  # fmt: skip


def test_the_error_named_is_the_first_row_with_one() -> None:
    records = [
        ["Date", "Views", "Reach"],
        ["2025-09-01", "1", "x"],
        ["2025-09-02", "y", "2"],
        ["2025-09-03", "z", "3"],
    ]
    assert _error(*records) == 'f.csv: row 2, column "Reach": "x" is not a number'
    records[1][2] = "5"
    assert _error(*records) == 'f.csv: row 3, column "Views": "y" is not a number'


def test_workbook_cells_are_read_one_by_one() -> None:
    rows = _rows(
        ["Date", "Views"],
        [date(2025, 9, 1), 10.0],
        [datetime(2025, 9, 2, 8, 0), 0.0],
        [date(2025, 9, 3), None],
    )
    assert rows == [
        (2, date(2025, 9, 1), {"Date": "2025-09-01", "Views": 10}),
        (3, date(2025, 9, 2), {"Date": "2025-09-02 08:00:00", "Views": 0}),
        (4, date(2025, 9, 3), {"Date": "2025-09-03", "Views": None}),
    ]
    assert (
        _error(["Date", "Views"], [date(2025, 9, 1), True])
        == 'f.csv: row 2, column "Views": TRUE is not a number'
    )


def test_text_columns_keep_what_they_hold() -> None:
    header = ["Post id", "Date", "Post text", "Impressions"]
    assert _rows(
        header, ["007", "Sat, Aug 22, 2026", "  a &amp; b  ", "-"], ["008", "Sat, Aug 22, 2026", "-", ""]
    ) == [
        (
            2,
            date(2026, 8, 22),
            {"Post id": "007", "Date": "Sat, Aug 22, 2026", "Post text": "a & b", "Impressions": None},
        ),
        (
            3,
            date(2026, 8, 22),
            {"Post id": "008", "Date": "Sat, Aug 22, 2026", "Post text": None, "Impressions": None},
        ),
    ]


def test_an_either_column_holds_numbers_and_text() -> None:
    header = ["Post ID", "Page ID", "Publish time", "Duration (sec)"]
    rows = _rows(
        header, ["1", "2", "09/01/2025 10:00", "15,000"], ["2", "2", "09/01/2025 11:00", "n/a (live)"]
    )
    assert [values["Duration (sec)"] for _, _, values in rows] == [15000, "n/a (live)"]


def test_shopify_line_items_fold_into_their_order() -> None:
    header = ["Name", "Created at", "Total", "Lineitem name", "Lineitem quantity"]
    rows = _rows(
        header,
        ["#1001", "2026-05-01 10:00:00 +0200", "30.50", "A", "1"],
        ["#1001", "", "", "B", "2"],
        ["#1002", "2026-05-01 11:00:00 +0200", "5", "A", "1"],
        ["#1002", "2026-05-01 12:00:00 +0200", "5", "A", "1"],
    )
    assert [
        (line, day, values["Name"], values["Total"], values["Lineitem quantity"], values["Orders"])
        for line, day, values in rows
    ] == [
        (2, date(2026, 5, 1), "#1001", 30.5, 3, 1),
        (4, date(2026, 5, 1), "#1002", 5, 1, 1),
        (5, date(2026, 5, 1), "#1002", 5, 1, 1),
    ]


def test_blank_columns_at_the_end_of_the_header_are_not_columns() -> None:
    assert _rows(["Date", "Views", "", ""], ["2025-09-01", "10", "", ""]) == [
        (2, date(2025, 9, 1), {"Date": "2025-09-01", "Views": 10})
    ]


def test_a_table_with_only_a_header() -> None:
    assert _rows(["Date", "Views"]) == []


def test_a_row_called_total_among_the_others_is_kept() -> None:
    rows = _rows(
        ["Date", "Note", "Views"],
        ["Total", "", "9"],
        *[[f"2025-09-0{day}", "", "3"] for day in (1, 2, 3)],
        ["Total", "", "9"],
    )
    assert [line for line, _, _ in rows] == [3, 4, 5]
    header = ["Title", "Subject", "Send Date", "Unique Opens"]
    campaigns = [[title, "S", "Jun 09, 2018 09:30 pm", "1"] for title in ("A", "B", "Total", "C", "D")]
    assert [values["Title"] for _, _, values in _rows(header, *campaigns)] == ["A", "B", "Total", "C", "D"]
