"""CSV text split into tables: separators, Excel's `sep=` line, `#` preambles, line numbers."""

from __future__ import annotations

import csv

import pytest

from sheetplan.exports.tables import csv_tables, sniff
from sheetplan.plan.errors import SourceError


def _records(text: str) -> list[list[tuple[int, list[object]]]]:
    return [table.records for table in csv_tables(text, "f.csv")]


@pytest.mark.parametrize(
    ("text", "separator"),
    [
        ("Date,Views\n2025-09-01,5\n", ","),
        ("Date;Views\n2025-09-01;1,5\n", ";"),
        ("Date\tViews\n2025-09-01\t5\n", "\t"),
        ('"A,B";"C,D";E\n', ";"),
        ("# a; b; c; d\nDate,Views\n", ","),
        ("Date\n2025-09-01\n", ","),
    ],
)
def test_the_separator_is_the_one_found_most_outside_quotes(text: str, separator: str) -> None:
    assert sniff(text) == separator


def test_a_semicolon_file_has_decimal_commas() -> None:
    (table,) = csv_tables("Datum;Sitzungen\n01.09.2025;1,5\n", "f.csv")
    assert table.comma
    assert table.records == [(1, ["Datum", "Sitzungen"]), (2, ["01.09.2025", "1,5"])]


def test_excels_sep_line_names_the_separator_and_counts_as_a_line() -> None:
    (table,) = csv_tables('sep=;\n"Views"\n"Date";"Primary"\n"2025-09-20T00:00:00";"20"\n', "f.csv")
    assert table.records == [(2, ["Views"]), (3, ["Date", "Primary"]), (4, ["2025-09-20T00:00:00", "20"])]
    assert table.comma


def test_quoted_newlines_keep_the_line_a_row_starts_on() -> None:
    text = 'ID,Text,Views\r\n1,"one\r\ntwo\r\nthree",5\r\n2,"x",6\r\n'
    assert _records(text) == [
        [(1, ["ID", "Text", "Views"]), (2, ["1", "one\r\ntwo\r\nthree", "5"]), (5, ["2", "x", "6"])]
    ]


def test_comments_and_blank_lines_between_tables() -> None:
    text = (
        "# Start date: 20260701\n# End date: 20260728\n\nDate,Users\n20260701,5\n"
        "\n# Second\n\nDevice,Users\nmobile,3\n"
    )
    first, second = csv_tables(text, "f.csv")
    assert first.comments == ["Start date: 20260701", "End date: 20260728"]
    assert first.records == [(4, ["Date", "Users"]), (5, ["20260701", "5"])]
    assert second.comments == ["Second"]
    assert second.records == [(9, ["Device", "Users"]), (10, ["mobile", "3"])]


def test_a_hash_right_after_data_is_data() -> None:
    (table,) = csv_tables("Name,Total\n#1001,5\n#1002,6\n", "f.csv")
    assert [cells[0] for _, cells in table.records] == ["Name", "#1001", "#1002"]


def test_blank_lines_inside_a_table_are_passed_over() -> None:
    assert _records("Date,Views\n\n2025-09-01,5\n,\n2025-09-02,6") == [
        [(1, ["Date", "Views"]), (3, ["2025-09-01", "5"]), (5, ["2025-09-02", "6"])]
    ]


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ('ID,Text\n1,"cut', "f.csv: row 2: the file ends inside a quoted field; it seems cut short"),
        ("ID,Text,Views\n1,a,5\n2,b", "f.csv: row 3: the file ends after 2 of 3 columns; it seems cut short"),
        (
            'ID,Text\n1,"' + "x" * (csv.field_size_limit() + 1) + '"\n',
            f"f.csv: row 2: a field is longer than {csv.field_size_limit():,} characters; not an export",
        ),
        ('ID,Text\n1,"a"b\n', "f.csv: row 2: not readable as CSV (',' expected after '\"')"),
    ],
)
def test_files_cut_short_or_damaged(text: str, message: str) -> None:
    with pytest.raises(SourceError) as raised:
        csv_tables(text, "f.csv")
    assert str(raised.value) == message


def test_a_last_row_without_a_line_end_is_whole_when_its_columns_are() -> None:
    assert _records("ID,Views\n1,5") == [[(1, ["ID", "Views"]), (2, ["1", "5"])]]
