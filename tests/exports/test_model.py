"""The records: a row's values as a mapping, and an export's columns looked up as users type them."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from sheetplan.exports.kinds import kind
from sheetplan.exports.model import Export, Values, folded


def _export(columns: tuple[str, ...], series: str | None = None) -> Export:
    return Export(
        Path("f.csv"), "f.csv", "0" * 64, kind("LinkedIn content"), None, series, columns, (), (),
        (date(2025, 9, 1), date(2025, 9, 30)), False, False,
    )  # fmt: skip


def test_values_are_a_mapping_by_column() -> None:
    values = Values({"Date": 0, "Views": 1, "Facebook views": 1}, (["2025-09-30", "2025-09-01"], [4, 5]), 1)
    assert values == {"Date": "2025-09-01", "Views": 5, "Facebook views": 5}
    assert dict(values) == {"Date": "2025-09-01", "Views": 5, "Facebook views": 5}
    assert (len(values), list(values), values.get("Reach"), "Views" in values) == (
        3,
        ["Date", "Views", "Facebook views"],
        None,
        True,
    )
    assert repr(values) == "{'Date': '2025-09-01', 'Views': 5, 'Facebook views': 5}"
    with pytest.raises(KeyError):
        values["Reach"]


@pytest.mark.parametrize(
    ("columns", "typed", "found"),
    [
        (("Date", "Impressions (organic)"), "impressions  (ORGANIC)", "Impressions (organic)"),
        (("Date", "Reposts (total)"), "Reposts (total)", "Reposts (total)"),
        (("Date", "Shares (total)"), "Reposts (total)", "Shares (total)"),
        (("Date", "Reposts (total)"), "shares (total)", "Reposts (total)"),
        (("Date", "Clicks (total)"), "Reach", None),
    ],
)
def test_a_column_as_a_sources_row_names_it(columns: tuple[str, ...], typed: str, found: str | None) -> None:
    assert _export(columns).column(typed) == found


def test_a_meta_series_answers_by_its_name() -> None:
    export = _export(("Date", "Primary"), series="Facebook follows")
    assert (export.column("facebook follows"), export.column("Primary")) == ("Facebook follows", "Primary")


def test_folded_names() -> None:
    assert folded("  Reactions,  Comments and\tShares ") == "reactions, comments and shares"
