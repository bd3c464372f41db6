"""Google Sheets sources told from files, and a Google source without Google support."""

from __future__ import annotations

from datetime import date

import pytest

from sheetplan.api import read_plan
from sheetplan.read.google import google_key


@pytest.mark.parametrize(
    ("source", "key"),
    [
        ("gsheet:1AbC_d-9", "1AbC_d-9"),
        ("https://docs.google.com/spreadsheets/d/1AbC_d-9/edit#gid=0", "1AbC_d-9"),
        ("plan.xlsx", None),
        ("gsheet.xlsx", None),
        ("/home/maria/docs.google.com/plan.xlsx", None),
        ("https://docs.google.com/spreadsheets/d/1AbC-x_9/edit#gid=0", "1AbC-x_9"),
        ("https://docs.google.com/spreadsheets/d/1AbC-x_9", "1AbC-x_9"),
        ("https://docs.google.com/spreadsheets/u/1/d/1AbC-x_9/edit?usp=sharing", "1AbC-x_9"),
        ("docs.google.com/spreadsheets/d/1AbC-x_9/edit", "1AbC-x_9"),
        ("gsheet:1AbC-x_9", "1AbC-x_9"),
        ("  gsheet:1AbC-x_9 ", "1AbC-x_9"),
        ("plan.xlsx", None),
        ("/home/maria/gsheet:plan.xlsx", None),
        ("gsheet:", None),
        ("https://example.com/spreadsheets/d/1AbC/edit", None),
    ],
)
def test_google_sources_are_told_from_files(source: str, key: str | None) -> None:
    assert google_key(source) == key


def test_a_google_source_without_google_support_is_a_source_error(monkeypatch: pytest.MonkeyPatch) -> None:
    import sys

    from sheetplan.plan.errors import SourceError

    monkeypatch.setitem(sys.modules, "gspread", None)
    with pytest.raises(SourceError) as raised:
        read_plan("gsheet:1AbC", date(2026, 4, 1))
    assert str(raised.value) == (
        "gsheet:1AbC: cannot use Google Sheets: this sheetplan has no Google Sheets support"
        " (install it with: pip install 'sheetplan[google]')"
    )
