"""Telling a table's kind from its header, the rows above it and its `#` preamble."""

from __future__ import annotations

from datetime import date

import export_files as files
import pytest

from sheetplan.exports.recognise import ga4_dates, recognise
from sheetplan.exports.tables import RawTable


def _table(*rows: list[str], comments: tuple[str, ...] = ()) -> RawTable:
    return RawTable(
        records=[(line, list(row)) for line, row in enumerate(rows, start=1)], comments=list(comments)
    )


@pytest.mark.parametrize(
    ("header", "kind", "variant"),
    [
        (files.META_POSTS[:32], "Meta posts", None),
        (files.INSTAGRAM_POSTS, "Instagram posts", None),
        (["Date", "Primary"], "Meta page", None),
        (["Date", "Followers", "Difference in followers from previous day"], "Meta followers", None),
        (files.X_POSTS, "X posts", None),
        (files.TWEET_ACTIVITY, "X posts", "Tweet activity"),
        (files.X_ACCOUNT, "X account", None),
        (files.LINKEDIN_FOLLOWERS, "LinkedIn followers", None),
        (files.LINKEDIN_VISITORS, "LinkedIn visitors", None),
        (files.LINKEDIN_METRICS, "LinkedIn content", None),
        (files.LINKEDIN_POSTS, "LinkedIn content", None),
        (files.YOUTUBE_TABLE, "YouTube", "Table data"),
        (files.YOUTUBE_CHART, "YouTube", "Chart data"),
        (["Date", "Views", "Watch time (hours)"], "YouTube", "Totals"),
        (["Date", "Clicks", "Impressions", "CTR", "Position"], "Search Console", "Dates"),
        (["Top queries", "Clicks", "Impressions", "CTR", "Position"], "Search Console", "Queries"),
        (["Top pages", "Clicks", "Impressions", "CTR", "Position"], "Search Console", "Pages"),
        (["Country", "Clicks", "Impressions", "CTR", "Position"], "Search Console", "Countries"),
        (["Device", "Clicks", "Impressions", "CTR", "Position"], "Search Console", "Devices"),
        (
            ["Search Appearance", "Clicks", "Impressions", "CTR", "Position"],
            "Search Console",
            "Search appearance",
        ),
        (["Filter", "Value"], "Search Console", "Filters"),
        (files.MAILCHIMP, "Mailchimp", None),
        (files.SHOPIFY, "Shopify orders", None),
        (files.TIKTOK, "TikTok", None),
        (["Metric ID", "Month", "Actual"], "Monthly CSV", None),
        (["Date", "Leads", "Calls"], "Daily CSV", None),
        (["Дата", "Посещения"], "Daily CSV", None),
        (["  date ", "Sessions"], "Daily CSV", None),
        (["POST ID", "page id", "Publish Time"], "Meta posts", None),
    ],
)
def test_each_header(header: list[str], kind: str, variant: str | None) -> None:
    found = recognise(_table(header), "export", ga4=False)
    assert found is not None
    assert (found.shape.kind.name, found.shape.variant, found.at) == (kind, variant, 0)


def test_youtube_totals_told_from_a_daily_csv_by_its_name() -> None:
    for stem, kind in (("Totals", "YouTube"), ("Totals (1)", "YouTube"), ("views", "Daily CSV")):
        found = recognise(_table(["Date", "Views"]), stem, ga4=False)
        assert found is not None and found.shape.kind.name == kind


def test_the_header_below_lines_of_notes() -> None:
    found = recognise(_table(["Aggregated data"], [], files.LINKEDIN_FOLLOWERS), "f", ga4=False)
    assert found is not None and (found.shape.kind.name, found.at, found.header) == (
        "LinkedIn followers", 2, tuple(files.LINKEDIN_FOLLOWERS)
    )  # fmt: skip


def test_a_particular_header_below_a_generic_one_wins() -> None:
    found = recognise(_table(["Date", "Note"], ["Date", "Primary"]), "f", ga4=False)
    assert found is not None and (found.shape.kind.name, found.at) == ("Meta page", 1)


@pytest.mark.parametrize("header", [["Datum", "Sitzungen"], ["Land", "Sitzungen"]])
def test_ga4_by_its_preamble_in_any_language(header: list[str]) -> None:
    table = _table(header, comments=("Bericht", "Startdatum: 20260701", "Enddatum: 20260928"))
    found = recognise(table, "f", ga4=False)
    assert found is not None
    assert (found.shape.kind.name, found.shape.day) == ("GA4", "datum" if header[0] == "Datum" else None)


def test_a_later_table_of_a_ga4_file_is_ga4_without_a_preamble() -> None:
    found = recognise(_table(["Device", "Users"]), "f", ga4=True)
    assert found is not None and found.shape.kind.name == "GA4"


@pytest.mark.parametrize(
    "rows", [(["Campaign", "Spend"],), (["Date"],), (["just one line"], ["and another"]), ()]
)
def test_tables_of_no_known_kind(rows: tuple[list[str], ...]) -> None:
    assert recognise(_table(*rows), "f", ga4=False) is None


@pytest.mark.parametrize(
    ("comments", "expected"),
    [
        (["Start date: 20260701", "End date: 20260928"], (date(2026, 7, 1), date(2026, 9, 28))),
        (
            ["Account: x", "Начална дата: 20260101", "Крайна дата: 20260131"],
            (date(2026, 1, 1), date(2026, 1, 31)),
        ),
        (["Start date: 20260701"], None),
        (["Start date: 20260931", "End date: 20261001"], None),
        (["Start date: 20261001", "End date: 20260901"], None),
    ],
)
def test_ga4_dates(comments: list[str], expected: tuple[date, date] | None) -> None:
    assert ga4_dates(comments) == expected
