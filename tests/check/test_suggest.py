"""Which listed name or ID an unknown one was probably meant to be."""

from __future__ import annotations

import pytest

from sheetplan.check import suggest

OWNERS = suggest.folded(["Maria Ivanova", "Ivan", "Elena", "maria ivanova"])


def test_folded_names_keep_the_first_spelling() -> None:
    assert OWNERS == {"maria ivanova": "Maria Ivanova", "ivan": "Ivan", "elena": "Elena"}


@pytest.mark.parametrize(
    ("typed", "meant"),
    [
        ("Mariya Ivanova", "Maria Ivanova"),
        ("MARIA IVANOVA ", "Maria Ivanova"),
        ("Ivn", "Ivan"),
        ("Elena P.", "Elena"),
        ("Elena Petrova", None),
        ("Boris", None),
        ("", None),
    ],
)
def test_a_name_close_to_a_listed_one_is_offered(typed: str, meant: str | None) -> None:
    assert suggest.meant_name(typed, OWNERS) == meant


@pytest.mark.parametrize(("typed", "meant"), [("m1", "M1"), (" M1 ", "M1"), ("M13", None), ("M", None)])
def test_an_id_is_offered_only_in_another_case_or_spacing(typed: str, meant: str | None) -> None:
    assert suggest.meant_id(typed, suggest.folded(["M1", "M3"])) == meant


def test_did_you_mean_ends_a_message() -> None:
    assert suggest.did_you_mean("M1") == "; did you mean M1?"
    assert suggest.did_you_mean("Maria", quoted=True) == '; did you mean "Maria"?'
    assert suggest.did_you_mean(None) == ""
