"""A table's columns read as their shape says, a CSV's distinct texts once, and its days with years."""

from __future__ import annotations

from datetime import date, datetime

import pytest

from sheetplan.exports.cells import cell_text, reader
from sheetplan.exports.columns import read_column, read_days, readers_of
from sheetplan.exports.shapes import SHAPES, daily
from sheetplan.plan.errors import SourceError

TODAY = date(2026, 10, 1)


@pytest.mark.parametrize("distinct", [True, False], ids=["a CSV's", "a workbook's"])
def test_numbers_the_same_read_either_way(distinct: bool) -> None:
    column = ["1", "15,000", "", "-", "2.5%", "1"]
    assert read_column(column, reader("number"), True, distinct) == ([1, 15000, None, None, 0.025, 1], None)


@pytest.mark.parametrize("distinct", [True, False], ids=["a CSV's", "a workbook's"])
def test_the_first_cell_that_is_not_a_number(distinct: bool) -> None:
    values, bad = read_column(["1", "x", "2", "x", "y"], reader("number"), True, distinct)
    assert values == [] and bad is not None
    assert (bad[0], str(bad[1])) == (1, '"x" is not a number')


def test_text_columns_trimmed_blanked_and_decoded() -> None:
    column = [" a ", "-", "", "b &amp; c", "&lt;d&gt;", "e"]
    assert read_column(column, cell_text, False, True) == (["a", None, None, "b & c", "<d>", "e"], None)
    assert read_column(["", ""], cell_text, False, True) == ([None, None], None)


def test_each_column_gets_its_reader() -> None:
    meta = SHAPES[0]
    found = readers_of(meta, ["post id", "publish time", "reach", "duration (sec)"], comma=False)
    assert [read is cell_text for read, _ in found] == [True, True, False, False]
    assert [counts for _, counts in found] == [False, False, True, True]
    ((rate, counts),) = readers_of(daily("date"), ["impressions click-through rate (%)"], comma=False)
    assert (rate("4.5"), counts) == (0.045, False)


def test_days_and_their_years() -> None:
    column = ["December 31", "January 1", "January 2"]
    assert read_days([2, 3, 4], column, ("Date",), 0, "f.csv", TODAY, "TikTok") == [
        date(2025, 12, 31), date(2026, 1, 1), date(2026, 1, 2)
    ]  # fmt: skip
    times = ["09/01/2025 21:13", "09/02/2025 08:00"]
    assert read_days([2, 3], times, ("Publish time",), 0, "f.csv", TODAY, "Meta posts") == [
        datetime(2025, 9, 1, 21, 13), datetime(2025, 9, 2, 8, 0)
    ]  # fmt: skip
    assert read_days([2], None, ("Top queries",), None, "f.csv", TODAY, "Search Console") == [None]


def test_the_first_day_that_is_not_one() -> None:
    with pytest.raises(SourceError) as raised:
        read_days([2, 3, 4], ["2025-09-01", "soon", "later"], ("Date",), 0, "f.csv", TODAY, "Daily CSV")
    assert (
        str(raised.value)
        == 'f.csv: row 3, column "Date": "soon" is not a date; use a date such as 2026-03-31'
    )
