"""Reading an export's cells: numbers in English and decimal-comma styles, percentages, text, blanks."""

from __future__ import annotations

from datetime import date, datetime

import pytest
from hypothesis import given
from hypothesis import strategies as st

from sheetplan.exports.cells import (
    Cell,
    cell_number,
    cell_text,
    fraction,
    number,
    reader,
    unescaped,
    whole_numbers,
)
from sheetplan.read.values import BadValue


@pytest.mark.parametrize(
    ("typed", "comma", "expected"),
    [
        ("20", False, 20),
        ("15,000", False, 15000),
        ("1,234.5", False, 1234.5),
        ("0.5432", False, 0.5432),
        ("2.7%", False, 0.027),
        ("25.32%", False, 0.2532),
        ("100%", False, 1.0),
        (" 42 ", False, 42),
        ("-3", False, -3),
        ("1 234,5", False, 1234.5),
        ("1.234,5", True, 1234.5),
        ("1,5", True, 1.5),
        ("1.234", True, 1234),
        ("12,5%", True, 0.125),
        ("1 234,5", True, 1234.5),
        ("0.5", True, 0.5),
        ("-", False, None),
        ("", False, None),
        ("--", True, None),
    ],
)
def test_numbers_as_exports_write_them(typed: str, comma: bool, expected: float | None) -> None:
    found = number(typed, comma)
    assert found == expected
    assert type(found) is type(expected)


@pytest.mark.parametrize("typed", ["12k", "1.2.3", "n.a.", "€5", "1e5", "%"])
def test_text_that_is_not_a_number(typed: str) -> None:
    with pytest.raises(BadValue) as raised:
        number(typed)
    assert str(raised.value) == f'"{typed}" is not a number'


def test_a_percentage_is_a_fraction_without_binary_noise() -> None:
    assert fraction(2.7) == 0.027
    assert fraction(4) == 0.04
    assert fraction(0.1) == 0.001


@pytest.mark.parametrize(
    ("cell", "percent", "expected"),
    [
        (5.0, False, 5),
        (5.5, False, 5.5),
        (7, False, 7),
        (4.5, True, 0.045),
        ("4.5", True, 0.045),
        ("4.5%", True, 0.045),
        (None, False, None),
    ],
)
def test_workbook_cells_and_percentage_columns(cell: Cell, percent: bool, expected: float | None) -> None:
    assert cell_number(cell, comma=False, percent=percent) == expected


@pytest.mark.parametrize(
    ("cell", "message"), [(True, "TRUE is not a number"), (date(2025, 1, 2), "2025-01-02 is not a number")]
)
def test_cells_that_are_not_numbers(cell: Cell, message: str) -> None:
    with pytest.raises(BadValue) as raised:
        cell_number(cell, comma=False, percent=False)
    assert str(raised.value) == message


@pytest.mark.parametrize(
    ("cell", "expected"),
    [
        ("  Salt &amp; pepper ", "Salt & pepper"),
        ("&lt;b&gt; &quot;hi&quot; &#39;x&#39;", "<b> \"hi\" 'x'"),
        ("AT&T", "AT&T"),
        ("&amp;lt;", "&lt;"),
        ("Caf&eacute; &amp; bar &#233;", "Café & bar é"),
        ("&lt;3 &#x27;x&#x27; &gt;", "<3 'x' >"),
        ("line one\nline two", "line one\nline two"),
        ("-", None),
        ("", None),
        (None, None),
        (1234567890123.0, "1234567890123"),
        (date(2025, 9, 1), "2025-09-01"),
        (datetime(2025, 9, 1, 8, 30), "2025-09-01 08:30:00"),
    ],
)
def test_text_cells(cell: Cell, expected: str | None) -> None:
    assert cell_text(cell) == expected


def test_a_number_column_raises_and_an_either_column_keeps_text() -> None:
    strict, either = reader("number"), reader("either")
    assert [strict("15,000"), strict("15,000"), strict("-")] == [15000, 15000, None]
    assert [either("15,000"), either("Photos"), either("&amp;")] == [15000, "Photos", "&"]
    with pytest.raises(BadValue):
        strict("Photos")
    with pytest.raises(BadValue):
        strict("Photos")  # and again, once remembered


def test_a_text_column_keeps_numbers_as_typed() -> None:
    assert reader("text")("0123") == "0123"


def _english(value: float) -> str:
    return f"{value:,}"


def _decimal_comma(value: float) -> str:
    return f"{value:,}".replace(",", " ").replace(".", ",").replace(" ", ".")


amounts = st.one_of(
    st.integers(min_value=-(10**12), max_value=10**12),
    st.decimals(min_value=-(10**9), max_value=10**9, places=4, allow_nan=False).map(float),
)


@given(amounts)
def test_english_numbers_read_back(value: float) -> None:
    assert number(_english(value)) == value
    assert number(repr(value) if isinstance(value, float) else str(value)) == value


@given(amounts)
def test_decimal_comma_numbers_read_back(value: float) -> None:
    assert number(_decimal_comma(value), comma=True) == value


@given(st.decimals(min_value=0, max_value=1000, places=2, allow_nan=False))
def test_percentages_read_back_as_the_fraction_written(percent: object) -> None:
    assert number(f"{percent}%") == float(f"{percent}e-2")


@pytest.mark.parametrize(
    ("column", "expected"),
    [
        (["1", "20", "300"], [1, 20, 300]),
        (["1", "", "-", "1"], [1, None, None, 1]),
        (["1", "1_000"], None),
        (["1", "1.5"], None),
        (["1", "15,000", "", "1,234,567"], [1, 15000, None, 1234567]),
        (["1", "15,00"], None),
        (["1", " 15,000"], None),
        ([], []),
    ],
)
def test_whole_numbers_read_at_once(column: list[str], expected: list[int | None] | None) -> None:
    assert whole_numbers(column) == expected


def test_thousands_separators_are_not_read_at_once_with_decimal_commas() -> None:
    assert whole_numbers(["1", "15,000"], comma=True) is None


counts = st.integers(min_value=0, max_value=10**9)


@given(st.lists(st.one_of(counts.map(str), counts.map("{:,}".format), st.sampled_from(["", "-"]))))
def test_whole_numbers_read_at_once_as_each_alone(column: list[str]) -> None:
    assert whole_numbers(column) == [number(cell) for cell in column]


@pytest.mark.parametrize(
    "texts",
    [
        ["a &amp; b", "&lt;3", "x"],
        ["&amp;lt;", "&eacute;t&eacute;"],
        ["one\x00two &amp;", "three"],
        [],
    ],
)
def test_texts_decoded_together_read_as_each_alone(texts: list[str]) -> None:
    assert unescaped(texts) == [cell_text(text) or "" for text in texts]
