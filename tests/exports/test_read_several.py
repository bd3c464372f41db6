"""`read_export` over files that hold several tables: GA4 downloads, workbooks and zips of CSVs."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import export_files as files
import pytest

from sheetplan.exports.read import read_export

TODAY = date(2026, 10, 1)
D = date


@pytest.mark.parametrize(
    ("labels", "day"),
    [
        (("Start date", "End date"), "Date"),
        (("Startdatum", "Enddatum"), "Datum"),
        (("Начална дата", "Крайна дата"), "Дата"),
    ],
)
def test_ga4_in_each_interface_language(labels: tuple[str, str], day: str, tmp_path: Path) -> None:
    path = files.ga4(
        tmp_path / "ga4.csv",
        [
            (
                [day, "Sessions", "Engagement rate"],
                [{day: D(2026, 7, 2), "Sessions": 5, "Engagement rate": 0.5432}],
            ),
            (
                ["Session default channel group", "Sessions"],
                [{"Session default channel group": "Organic Search", "Sessions": 5}],
            ),
        ],
        D(2026, 7, 1),
        D(2026, 9, 28),
        labels,
        grand_total={"Sessions": 10},
    )
    first, second = read_export(path, TODAY)
    assert (first.kind.name, first.coverage, first.stated) == ("GA4", (D(2026, 7, 1), D(2026, 9, 28)), True)
    assert [(row.number, row.day, dict(row.values)) for row in first.rows] == [
        (12, D(2026, 7, 2), {day: "20260702", "Sessions": 5, "Engagement rate": 0.5432})
    ]
    assert (second.kind.name, second.coverage, second.stated) == (
        "GA4",
        (D(2026, 7, 1), D(2026, 9, 28)),
        True,
    )
    assert [(row.number, row.day, dict(row.values)) for row in second.rows] == [
        (25, None, {"Session default channel group": "Organic Search", "Sessions": 5})
    ]
    assert first.columns == (day, "Sessions", "Engagement rate")


def test_search_console_zip_one_export_per_table(tmp_path: Path) -> None:
    path = files.search_console(
        tmp_path / "example.com-Performance-on-Search-2026-10-01.zip",
        [
            {"Date": D(2026, 9, 2), "Clicks": 30, "Impressions": 1100, "CTR": "2.7%", "Position": 7.25},
            {"Date": D(2026, 9, 1), "Clicks": 3, "Impressions": 1500, "CTR": "0.2%", "Position": 9},
        ],
        {
            "Queries.csv": [
                {"Top queries": "sheetplan", "Clicks": 20, "Impressions": 200, "CTR": "10%", "Position": 1.5}
            ]
        },
    )
    exports = read_export(path, TODAY, name="exports/sc.zip")
    assert [(export.name, export.variant) for export in exports] == [
        ("exports/sc.zip/Queries.csv", "Queries"),
        ("exports/sc.zip/Pages.csv", "Pages"),
        ("exports/sc.zip/Countries.csv", "Countries"),
        ("exports/sc.zip/Devices.csv", "Devices"),
        ("exports/sc.zip/Search appearance.csv", "Search appearance"),
        ("exports/sc.zip/Dates.csv", "Dates"),
        ("exports/sc.zip/Filters.csv", "Filters"),
    ]
    assert {export.kind.name for export in exports} == {"Search Console"}
    assert {export.coverage for export in exports} == {(D(2026, 9, 1), D(2026, 9, 2))}
    dates = exports[5]
    assert [(row.number, row.day, dict(row.values)) for row in dates.rows] == [
        (
            2,
            D(2026, 9, 2),
            {"Date": "2026-09-02", "Clicks": 30, "Impressions": 1100, "CTR": 0.027, "Position": 7.25},
        ),
        (
            3,
            D(2026, 9, 1),
            {"Date": "2026-09-01", "Clicks": 3, "Impressions": 1500, "CTR": 0.002, "Position": 9},
        ),
    ]
    assert [dict(row.values) for row in exports[0].rows] == [
        {"Top queries": "sheetplan", "Clicks": 20, "Impressions": 200, "CTR": 0.1, "Position": 1.5}
    ]
    assert [dict(row.values) for row in exports[6].rows] == [
        {"Filter": "Date", "Value": "Last 28 days"},
        {"Filter": "Search type", "Value": "Web"},
    ]
    assert len({export.sha256 for export in exports}) == 7


def test_youtube_zip_states_its_range_in_its_name(tmp_path: Path) -> None:
    table = files.youtube_table(
        tmp_path / "Table data.csv",
        [{"Content": "abc", "Video title": "Launch", "Video publish time": D(2025, 8, 1), "Views": 7}],
        {"Views": 7},
    )
    chart = files.youtube_chart(
        tmp_path / "Chart data.csv",
        [{"Date": D(2025, 9, 1), "Content": "abc", "Video title": "Launch", "Views": 7}],
    )
    totals = files.youtube_totals(tmp_path / "Totals.csv", [{"Date": D(2025, 9, 1), "Views": 7}])
    path = files.zipped(
        tmp_path / "Content 2025-09-01_2025-09-30 Example channel.zip",
        {member.name: member.read_bytes() for member in (table, chart, totals)},
    )
    exports = read_export(path, TODAY)
    assert [(export.variant, export.coverage, export.stated) for export in exports] == [
        ("Table data", (D(2025, 9, 1), D(2025, 9, 30)), True),
        ("Chart data", (D(2025, 9, 1), D(2025, 9, 30)), True),
        ("Totals", (D(2025, 9, 1), D(2025, 9, 30)), True),
    ]
    assert [(row.number, row.day, row.values["Views"]) for row in exports[1].rows] == [(2, D(2025, 9, 1), 7)]


def test_youtube_table_data_takes_the_span_of_the_chart_beside_it(tmp_path: Path) -> None:
    table = files.youtube_table(tmp_path / "Table data.csv", [], {"Views": 7})
    totals = files.daily_csv(
        tmp_path / "Totals.csv", ["Date", "Views"], [{"Date": D(2025, 9, 3), "Views": 7}]
    )
    path = files.zipped(
        tmp_path / "youtube.zip", {member.name: member.read_bytes() for member in (table, totals)}
    )
    assert [(export.variant, export.coverage, export.stated) for export in read_export(path, TODAY)] == [
        ("Table data", (D(2025, 9, 3), D(2025, 9, 3)), False),
        ("Totals", (D(2025, 9, 3), D(2025, 9, 3)), False),
    ]


@pytest.mark.parametrize("shares", [False, True], ids=["Reposts", "older files' Shares"])
def test_linkedin_content_metrics_as_rows_and_all_posts_as_posts(shares: bool, tmp_path: Path) -> None:
    path = files.linkedin_content(
        tmp_path / "content.xlsx",
        [
            {
                "Date": D(2025, 9, 1),
                "Impressions (organic)": 300,
                "Clicks (organic)": 5,
                "Reposts (total)": 2,
            },
            {"Date": D(2025, 9, 2), "Impressions (organic)": 200, "Engagement rate (total)": 0.0345},
        ],
        [
            {
                "Post title": "Launch",
                "Post link": "https://www.linkedin.com/feed/update/urn:li:activity:1",
                "Created date": D(2025, 9, 1),
                "Impressions": 250,
                "Likes": 9,
                "Reposts": 1,
            }
        ],
        shares=shares,
    )
    (export,) = read_export(path, TODAY)
    reposts = export.column("Reposts (total)")
    assert reposts == ("Shares (total)" if shares else "Reposts (total)")
    assert (export.kind.name, export.coverage, export.stated) == (
        "LinkedIn content",
        (D(2025, 9, 1), D(2025, 9, 2)),
        False,
    )
    assert [
        (
            row.number,
            row.day,
            row.values["Impressions (organic)"],
            row.values[reposts],
            row.values["Engagement rate (total)"],
        )
        for row in export.rows
    ] == [
        (3, D(2025, 9, 1), 300, 2, None),
        (4, D(2025, 9, 2), 200, None, 0.0345),
    ]
    assert [
        (post.number, post.channel, post.text, post.published, post.impressions, post.reactions, post.shares)
        for post in export.posts
    ] == [(3, "LinkedIn", "Launch", D(2025, 9, 1), 250, 9, 1)]


def test_a_workbooks_sheets_of_no_known_kind_are_passed_over(tmp_path: Path) -> None:
    path = files.workbook(
        tmp_path / "followers.xlsx",
        {
            "Read me": (["About this file"], [{"About this file": "Exported from the page"}]),
            "New followers": (files.LINKEDIN_FOLLOWERS, [{"Date": D(2025, 9, 1), "Organic followers": 3}]),
        },
    )
    (export,) = read_export(path, TODAY)
    assert [(row.number, row.day, row.values["Organic followers"]) for row in export.rows] == [
        (2, D(2025, 9, 1), 3)
    ]
