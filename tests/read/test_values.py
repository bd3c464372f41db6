"""Reading one cell as a number, a date, a month or a percentage, the ways people type them."""

from __future__ import annotations

from datetime import date, datetime, time

import pytest

from sheetplan.plan.model import ErrorValue, FormulaValue, Month
from sheetplan.read import values


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("1234", 1234),
        ("1234.5", 1234.5),
        (".5", 0.5),
        ("-12", -12),
        ("+7", 7),
        ("\u22123.5", -3.5),
        ("1,234.5", 1234.5),
        ("12,345,678", 12345678),
        ("1,234", 1234),
        ("1 234,5", 1234.5),
        ("1\u00a0234,5", 1234.5),
        ("1\u202f234", 1234),
        ("1 234 567.25", 1234567.25),
        ("1234,5", 1234.5),
        ("0,4", 0.4),
        ("1.234,5", 1234.5),
        ("  42  ", 42),
    ],
)
def test_numbers_typed_as_text(typed: str, expected: float) -> None:
    number = values.parse_number(typed)
    assert number == expected
    assert type(number) is type(expected)


@pytest.mark.parametrize(
    "typed", ["", "abc", "1.2.3", "12 34", "1,23,4", "1e5", "€100", "12%", "--1", "1 234,5,6"]
)
def test_text_that_is_not_a_number(typed: str) -> None:
    with pytest.raises(values.BadValue, match="is not a number"):
        values.parse_number(typed)


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        (5.0, (5, False)),
        (5.25, (5.25, False)),
        (7, (7, False)),
        ("1 234,5", (1234.5, True)),
    ],
)
def test_number_says_whether_it_was_typed_as_text(value: object, expected: tuple[float, bool]) -> None:
    assert values.number(value) == expected  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("€500", 500),
        ("500 €", 500),
        ("500€", 500),
        ("-€20", -20),
        ("€-20", -20),
        ("\u2212 20 €", -20),
        ("€ 1 234,50", 1234.5),
        ("$1,234.5", 1234.5),
        ("1.234,5 EUR", 1234.5),
        ("300 лв.", 300),
        ("12%", 0.12),
        ("2.6%", 0.026),
        ("2,6 %", 0.026),
        ("100%", 1),
        ("-5%", -0.05),
        ("1 234,5", 1234.5),
    ],
)
def test_numbers_with_a_currency_or_a_percent_sign(typed: str, expected: float) -> None:
    number, as_text = values.number(typed, signs=True)
    assert (number, as_text) == (expected, True)
    assert type(number) is type(expected)


@pytest.mark.parametrize("typed", ["€", "%", "12%%", "500 visits", "€ lots", "5 € 5", "€12%"])
def test_text_with_signs_that_is_not_a_number(typed: str) -> None:
    with pytest.raises(values.BadValue, match="is not a number"):
        values.number(typed, signs=True)


@pytest.mark.parametrize(
    ("value", "message"),
    [
        (True, "TRUE is not a number"),
        (date(2025, 1, 1), "2025-01-01 is not a number"),
        ("lots", '"lots" is not a number'),
        (ErrorValue("#REF!"), "#REF! is not a number"),
        (FormulaValue("=A1"), "=A1 is not a number"),
    ],
)
def test_values_that_are_not_numbers(value: object, message: str) -> None:
    with pytest.raises(values.BadValue) as raised:
        values.number(value)  # type: ignore[arg-type]
    assert str(raised.value) == message


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        (date(2025, 3, 31), date(2025, 3, 31)),
        (datetime(2025, 3, 31, 14, 30), date(2025, 3, 31)),
        ("2025-03-31", date(2025, 3, 31)),
        ("2025-3-5", date(2025, 3, 5)),
        ("2025/03/31", date(2025, 3, 31)),
        ("2025-03-31 00:00:00", date(2025, 3, 31)),
        ("2025-03-31T09:15", date(2025, 3, 31)),
        ("31.03.2025", date(2025, 3, 31)),
        ("5.3.2025", date(2025, 3, 5)),
        ("31.03.2025 г.", date(2025, 3, 31)),
        (45747, date(2025, 3, 31)),
        (45747.75, date(2025, 3, 31)),
        (18264, date(1950, 1, 1)),
        (date(1950, 1, 1), date(1950, 1, 1)),
        (date(2199, 12, 31), date(2199, 12, 31)),
        ("31/12/2026", date(2026, 12, 31)),
        ("12/31/2026", date(2026, 12, 31)),
        ("05/05/2026", date(2026, 5, 5)),
        ("31-12-2026", date(2026, 12, 31)),
        ("3 April 2026", date(2026, 4, 3)),
        ("3 apr. 2026", date(2026, 4, 3)),
        ("April 3, 2026", date(2026, 4, 3)),
        ("Sept 30 2026", date(2026, 9, 30)),
        ("3 април 2026 г.", date(2026, 4, 3)),
    ],
)
def test_dates(value: object, expected: date) -> None:
    assert values.to_date(value) == expected  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("value", "message"),
    [
        ("next week", '"next week" is not a date; use a date such as 2026-03-31 or 31.03.2026'),
        ("2025-02-30", '"2025-02-30" is not a real date; use a date such as 2026-03-31 or 31.03.2026'),
        ("31.13.2025", '"31.13.2025" is not a real date; use a date such as 2026-03-31 or 31.03.2026'),
        (
            "03/04/2026",
            '"03/04/2026" could be 3 April 2026 or 4 March 2026 (the order of day and month is not'
            " known); type it as 2026-04-03 or 3 April 2026",
        ),
        ("31/13/2026", '"31/13/2026" is not a real date; use a date such as 2026-03-31 or 31.03.2026'),
        ("3 Foo 2026", '"3 Foo 2026" is not a date; use a date such as 2026-03-31 or 31.03.2026'),
        (
            date(1900, 1, 15),
            "1900-01-15 is before 1950, not a date of the plan (a number typed into a cell formatted as"
            " a date reads as a day around 1900); use a date such as 2026-03-31 or 31.03.2026",
        ),
        (
            datetime(1900, 1, 15, 12),
            "1900-01-15 is before 1950, not a date of the plan (a number typed into a cell formatted as"
            " a date reads as a day around 1900); use a date such as 2026-03-31 or 31.03.2026",
        ),
        (
            "1925-03-31",
            "1925-03-31 is before 1950, not a date of the plan (a number typed into a cell formatted as"
            " a date reads as a day around 1900); use a date such as 2026-03-31 or 31.03.2026",
        ),
        (
            date(2250, 1, 1),
            "2250-01-01 is after 2199, not a date of the plan; use a date such as 2026-03-31 or 31.03.2026",
        ),
        (15, "15 is not a date; use a date such as 2026-03-31 or 31.03.2026"),
        (True, "TRUE is not a date; use a date such as 2026-03-31 or 31.03.2026"),
        (time(9, 30), "09:30:00 is not a date; use a date such as 2026-03-31 or 31.03.2026"),
    ],
)
def test_values_that_are_not_dates(value: object, message: str) -> None:
    with pytest.raises(values.BadValue) as raised:
        values.to_date(value)  # type: ignore[arg-type]
    assert str(raised.value) == message


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("2026-01", Month(2026, 1)),
        (" 2026-1 ", Month(2026, 1)),
        ("2026-01-01", Month(2026, 1)),
        (date(2026, 1, 1), Month(2026, 1)),
        (datetime(2026, 2, 15, 10), Month(2026, 2)),
        (46023, Month(2026, 1)),
        ("01.03.2026", Month(2026, 3)),
    ],
)
def test_months(value: object, expected: Month) -> None:
    assert values.to_month(value) == expected  # type: ignore[arg-type]


@pytest.mark.parametrize("value", ["2026-13", "January", "2026", 12, "", "Metric"])
def test_values_that_are_not_months(value: object) -> None:
    with pytest.raises(values.BadValue, match=r"is not a month; use YYYY-MM, such as 2026-03$"):
        values.to_month(value)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        (10, 0.1),
        (10.0, 0.1),
        (0.1, 0.1),
        (0.05, 0.05),
        (1, 0.01),
        (0, 0.0),
        ("10", 0.1),
        ("10%", 0.1),
        (" 12,5 % ", 0.125),
        ("0.1", 0.1),
        ("0,1", 0.1),
        (150, 1.5),
    ],
)
def test_percentages(value: object, expected: float) -> None:
    assert values.percent(value) == pytest.approx(expected)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("value", "message"),
    [
        ("ten", '"ten" is not a percentage; use 10 or 10% for ten percent'),
        ("%", '"%" is not a percentage; use 10 or 10% for ten percent'),
        (-5, "-5 is below zero; use 10 or 10% for ten percent"),
        ("-5%", '"-5%" is below zero; use 10 or 10% for ten percent'),
    ],
)
def test_values_that_are_not_percentages(value: object, message: str) -> None:
    with pytest.raises(values.BadValue) as raised:
        values.percent(value)  # type: ignore[arg-type]
    assert str(raised.value) == message


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        (None, ""),
        ("  Maria ", "Maria"),
        (12.0, "12"),
        (12.5, "12.5"),
        (7, "7"),
        (True, "TRUE"),
        (date(2025, 1, 2), "2025-01-02"),
        (datetime(2025, 1, 2), "2025-01-02"),
        (datetime(2025, 1, 2, 3, 4), "2025-01-02 03:04:00"),
        (time(9, 30), "09:30:00"),
    ],
)
def test_any_cell_as_text(value: object, expected: str) -> None:
    assert values.text(value) == expected  # type: ignore[arg-type]


def test_names_fold_runs_of_spaces() -> None:
    assert values.name("  Maria \u00a0 Petrova\n") == "Maria Petrova"


@pytest.mark.parametrize(("value", "expected"), [(12, 12), (12.0, 12), ("12", 12), ("60", 60)])
def test_whole_numbers(value: object, expected: int) -> None:
    assert values.whole_number(value) == expected  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("value", "message"), [(12.5, "12.5 is not a whole number"), ("twelve", '"twelve" is not a whole number')]
)
def test_values_that_are_not_whole_numbers(value: object, message: str) -> None:
    with pytest.raises(values.BadValue) as raised:
        values.whole_number(value)  # type: ignore[arg-type]
    assert str(raised.value) == message
