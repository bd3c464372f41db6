"""Dates and months typed as text; months by their name, in English or in Bulgarian, whole or cut short."""

from __future__ import annotations

import pytest

from sheetplan.plan.model import Month
from sheetplan.read import values
from sheetplan.read.dates import EitherOrder, date_parts, month_name, month_number, named_month


@pytest.mark.parametrize(
    ("word", "number"),
    [
        ("January", 1),
        ("jan", 1),
        ("Sept", 9),
        ("sep.", 9),
        ("NOVEMBER", 11),
        ("Nov.", 11),
        ("май", 5),
        ("юни", 6),
        ("юли", 7),
        ("ноември", 11),
        ("ное", 11),
        ("ноем.", 11),
        ("Дек", 12),
        ("февр.", 2),
        ("ян.", 1),
    ],
)
def test_a_month_is_named_whole_or_by_its_first_letters_in_either_language(word: str, number: int) -> None:
    assert month_number(word) == number


@pytest.mark.parametrize("word", ["ju", "ма", "Notes", "Metric", "novembre", "мар.т", ""])
def test_other_words_name_no_month(word: str) -> None:
    assert month_number(word) is None


@pytest.mark.parametrize(
    ("typed", "month"),
    [
        ("November 2026", Month(2026, 11)),
        ("Nov 2026", Month(2026, 11)),
        ("nov. 2026", Month(2026, 11)),
        ("September, 2026", Month(2026, 9)),
        ("ноември 2026", Month(2026, 11)),
        ("Ноември 2026 г.", Month(2026, 11)),
        ("ноем. 2026", Month(2026, 11)),
        ("ян. 2027 г.", Month(2027, 1)),
        ("ное 2026", Month(2026, 11)),
        ("  МАРТ 2027 ", Month(2027, 3)),
    ],
)
def test_a_month_and_its_year(typed: str, month: Month) -> None:
    assert named_month(typed) == month
    assert values.to_month(typed) == month


@pytest.mark.parametrize("typed", ["November", "2026", "Nov 26", "Notes 2026", "November 2026 total"])
def test_a_name_without_a_year_or_with_more_is_not_a_month(typed: str) -> None:
    assert named_month(typed) is None
    with pytest.raises(values.BadValue):
        values.to_month(typed)


def test_a_date_written_with_a_cut_short_month_name_reads_too() -> None:
    assert values.to_date("3 ноем. 2026") == values.to_date("2026-11-03")
    assert values.to_date("Sept 3, 2026") == values.to_date("2026-09-03")


@pytest.mark.parametrize(("lang", "name"), [("en", "April"), ("bg", "април")])
def test_a_message_names_a_month_in_its_language(lang: str, name: str) -> None:
    assert month_name(4, lang) == name  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("typed", "parts"),
    [
        ("2026-03-31", (2026, 3, 31)),
        ("31.03.2026 г.", (2026, 3, 31)),
        ("31/12/2026", (2026, 12, 31)),
        ("12/31/2026", (2026, 12, 31)),
        ("3 ноем. 2026", (2026, 11, 3)),
        ("soon", None),
    ],
)
def test_the_parts_of_a_date_typed_as_text(typed: str, parts: tuple[int, int, int] | None) -> None:
    assert date_parts(typed) == parts


def test_a_date_that_reads_both_ways_says_so() -> None:
    with pytest.raises(EitherOrder) as raised:
        date_parts("03/04/2026")
    assert (raised.value.first, raised.value.second, raised.value.year) == (3, 4, 2026)
