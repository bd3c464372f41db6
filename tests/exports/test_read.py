"""`read_export` over generated files of every kind and quirk: rows, days, values and coverage, exactly.

Each case writes one file with `export_files` and states what reading it must give: per table its
kind, variant, series, coverage (and whether the file stated it), lifetime flag, and each row's line,
day and the values of the columns the case names.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path
from typing import Any

import export_files as files
import pytest

from sheetplan.exports.model import Export
from sheetplan.exports.read import read_export

TODAY = date(2026, 10, 1)
D = date


@dataclass(frozen=True)
class Table:
    """What one Export must hold."""

    kind: str
    coverage: tuple[date, date] | None
    rows: Sequence[tuple[Any, ...]]
    """(line, day, value of each of `columns`)."""
    columns: Sequence[str] = ()
    variant: str | None = None
    stated: bool = False
    lifetime: bool = False
    series: str | None = None


@dataclass(frozen=True)
class Case:
    id: str
    build: Callable[[Path], Path]
    tables: Sequence[Table] = field(default_factory=list)


def _summary(export: Export, columns: Sequence[str]) -> Table:
    return Table(
        export.kind.name,
        export.coverage,
        [(row.number, row.day, *(row.values.get(column) for column in columns)) for row in export.rows],
        columns,
        export.variant,
        export.stated,
        export.lifetime,
        export.series,
    )


POSTS = [
    {
        "Post ID": "1_3",
        "Page ID": "1",
        "Publish time": datetime(2025, 9, 20, 8, 0),
        "Views": 15000,
        "Reach": 9100,
    },
    {
        "Post ID": "1_1",
        "Page ID": "1",
        "Publish time": datetime(2025, 9, 1, 21, 13),
        "Description": "Autumn sale &amp; more\nTwo lines,\n\nthree",
        "Views": 1234567,
        "Reach": 500,
    },
]
META_ROWS = [
    (2, D(2025, 9, 20), "1_3", None, 15000, 9100),
    (3, D(2025, 9, 1), "1_1", "Autumn sale & more\nTwo lines,\n\nthree", 1234567, 500),
]
META_COLUMNS = ("Post ID", "Description", "Views", "Reach")

CASES = [
    *(
        Case(
            f"Meta posts, {columns} columns",
            lambda folder, columns=columns: files.meta_posts(  # type: ignore[misc]
                folder / "Sep-01-2025_Sep-30-2025_1234.csv", POSTS, columns, thousands=True
            ),
            [
                Table(
                    "Meta posts",
                    (D(2025, 9, 1), D(2025, 9, 30)),
                    META_ROWS,
                    META_COLUMNS,
                    stated=True,
                    lifetime=True,
                )
            ],
        )
        for columns in (32, 33, 34)
    ),
    Case(
        "Meta posts named otherwise: the span of the publish days",
        lambda folder: files.meta_posts(folder / "posts.csv", POSTS),
        [Table("Meta posts", (D(2025, 9, 1), D(2025, 9, 20)), META_ROWS, META_COLUMNS, lifetime=True)],
    ),
    Case(
        "Meta page, UTF-16 with sep=",
        lambda folder: files.meta_page(
            folder / "Views.csv", "Views", [(D(2025, 9, 20), 20), (D(2025, 9, 21), 1500)]
        ),
        [
            Table(
                "Meta page",
                (D(2025, 9, 20), D(2025, 9, 21)),
                [(4, D(2025, 9, 20), 20, 20), (5, D(2025, 9, 21), 1500, 1500)],
                ("Primary", "Views"),
                series="Views",
            )
        ],
    ),
    Case(
        "Meta page, UTF-8",
        lambda folder: files.meta_page(
            folder / "f.csv", "Facebook follows", [(D(2025, 9, 20), 2)], utf16=False
        ),
        [
            Table(
                "Meta page",
                (D(2025, 9, 20),) * 2,
                [(4, D(2025, 9, 20), 2)],
                ("Facebook follows",),
                series="Facebook follows",
            )
        ],
    ),
    Case(
        "Meta followers: no years, across new year",
        lambda folder: files.meta_followers(
            folder / "followers.csv",
            [(D(2025, 12, 30), 100, 0), (D(2025, 12, 31), 101, 1), (D(2026, 1, 1), 99, -2)],
        ),
        [
            Table(
                "Meta followers",
                (D(2025, 12, 30), D(2026, 1, 1)),
                [(2, D(2025, 12, 30), 100, 0), (3, D(2025, 12, 31), 101, 1), (4, D(2026, 1, 1), 99, -2)],
                ("Followers", "Difference in followers from previous day"),
            )
        ],
    ),
    Case(
        "Instagram posts",
        lambda folder: files.instagram_posts(
            folder / "Sep-01-2025_Sep-30-2025_9.csv",
            [
                {
                    "Post ID": "7",
                    "Account ID": "9",
                    "Publish time": datetime(2025, 9, 2, 9, 30),
                    "Post type": "IG reel",
                    "Views": 2500,
                    "Saves": 4,
                },
                {
                    "Post ID": "8",
                    "Account ID": "9",
                    "Publish time": datetime(2025, 9, 3, 9, 30),
                    "Post type": "IG carousel",
                    "Views": 10,
                },
            ],
            thousands=True,
        ),
        [
            Table(
                "Instagram posts",
                (D(2025, 9, 1), D(2025, 9, 30)),
                [(2, D(2025, 9, 2), "IG reel", 2500, 4), (3, D(2025, 9, 3), "IG carousel", 10, None)],
                ("Post type", "Views", "Saves"),
                stated=True,
                lifetime=True,
            )
        ],
    ),
    Case(
        "X posts, out of date order",
        lambda folder: files.x_posts(
            folder / "x.csv",
            [
                {
                    "Post id": "20",
                    "Date": D(2026, 8, 22),
                    "Post text": "Fish &amp; chips",
                    "Impressions": 300,
                    "Reposts": 2,
                },
                {"Post id": "10", "Date": D(2026, 8, 1), "Post text": "First", "Impressions": 100},
            ],
        ),
        [
            Table(
                "X posts",
                (D(2026, 8, 1), D(2026, 8, 22)),
                [(2, D(2026, 8, 22), "Fish & chips", 300, 2), (3, D(2026, 8, 1), "First", 100, None)],
                ("Post text", "Impressions", "Reposts"),
            )
        ],
    ),
    Case(
        "X tweet activity: - in the promoted columns",
        lambda folder: files.tweet_activity(
            folder / "tweet_activity_metrics.csv",
            [
                {
                    "Tweet id": "851",
                    "Tweet text": "Hello",
                    "time": datetime(2017, 4, 4),
                    "impressions": 1200,
                    "engagement rate": 0.0125,
                }
            ],
        ),
        [
            Table(
                "X posts",
                (D(2017, 4, 4),) * 2,
                [(2, D(2017, 4, 4), 1200, 0.0125, None)],
                ("impressions", "engagement rate", "promoted impressions"),
                variant="Tweet activity",
            )
        ],
    ),
    Case(
        "X account overview",
        lambda folder: files.x_account(
            folder / "account.csv",
            [
                {"Date": D(2026, 8, 21), "Impressions": 900, "Unfollows": 1},
                {"Date": D(2026, 8, 22), "Impressions": 1100},
            ],
        ),
        [
            Table(
                "X account",
                (D(2026, 8, 21), D(2026, 8, 22)),
                [(2, D(2026, 8, 21), 900, 1), (3, D(2026, 8, 22), 1100, None)],
                ("Impressions", "Unfollows"),
            )
        ],
    ),
    Case(
        "LinkedIn followers (.xlsx), header on row 2",
        lambda folder: files.linkedin_followers(
            folder / "followers.xlsx", [{"Date": D(2025, 9, 1), "Organic followers": 3, "Total followers": 4}]
        ),
        [
            Table(
                "LinkedIn followers",
                (D(2025, 9, 1),) * 2,
                [(3, D(2025, 9, 1), 3, 4)],
                ("Organic followers", "Total followers"),
            )
        ],
    ),
    Case(
        "LinkedIn visitors (.xlsx)",
        lambda folder: files.linkedin_visitors(
            folder / "visitors.xlsx", [{"Date": D(2025, 9, 2), "Total unique visitors (total)": 17}]
        ),
        [
            Table(
                "LinkedIn visitors",
                (D(2025, 9, 2),) * 2,
                [(3, D(2025, 9, 2), 17)],
                ("Total unique visitors (total)",),
            )
        ],
    ),
    Case(
        "YouTube Table data: the Total row left out, no coverage of its own",
        lambda folder: files.youtube_table(
            folder / "Table data.csv",
            [
                {
                    "Content": "dQw4",
                    "Video title": "Launch",
                    "Video publish time": D(2025, 9, 1),
                    "Views": 1500,
                    "Impressions click-through rate (%)": 4.5,
                }
            ],
            {"Views": 1500},
        ),
        [
            Table(
                "YouTube",
                None,
                [(3, D(2025, 9, 1), "dQw4", 1500, 0.045)],
                ("Content", "Views", "Impressions click-through rate (%)"),
                variant="Table data",
            )
        ],
    ),
    Case(
        "YouTube Table data holding only its Total row",
        lambda folder: files.youtube_table(folder / "Table data.csv", [], {"Views": 0}),
        [Table("YouTube", None, [], variant="Table data")],
    ),
    Case(
        "YouTube Totals",
        lambda folder: files.youtube_totals(folder / "Totals.csv", [{"Date": D(2025, 9, 1), "Views": 30}]),
        [Table("YouTube", (D(2025, 9, 1),) * 2, [(2, D(2025, 9, 1), 30)], ("Views",), variant="Totals")],
    ),
    Case(
        "Mailchimp campaigns",
        lambda folder: files.mailchimp(
            folder / "campaigns.csv",
            [
                {
                    "Title": "June news",
                    "Subject": "News",
                    "Send Date": datetime(2018, 6, 9, 21, 30),
                    "Unique Opens": 1200,
                    "Open Rate": "25.32%",
                    "Total Revenue": 99.5,
                }
            ],
        ),
        [
            Table(
                "Mailchimp",
                (D(2018, 6, 9),) * 2,
                [(2, D(2018, 6, 9), 1200, 0.2532, 99.5)],
                ("Unique Opens", "Open Rate", "Total Revenue"),
            )
        ],
    ),
    Case(
        "Shopify orders: each order once, its line items' quantities summed",
        lambda folder: files.shopify(
            folder / "orders_export.csv",
            [
                (
                    {
                        "Name": "#1001",
                        "Created at": datetime(2026, 5, 1, 10),
                        "Total": 30.5,
                        "Billing Zip": "01234",
                    },
                    [{"Lineitem quantity": 1}, {"Lineitem quantity": 2}],
                ),
                (
                    {"Name": "#1002", "Created at": datetime(2026, 5, 2, 23, 59), "Total": 12},
                    [{"Lineitem quantity": 1}],
                ),
            ],
        ),
        [
            Table(
                "Shopify orders",
                (D(2026, 5, 1), D(2026, 5, 2)),
                [
                    (2, D(2026, 5, 1), "#1001", 30.5, 3, 1, "01234"),
                    (4, D(2026, 5, 2), "#1002", 12, 1, 1, None),
                ],
                ("Name", "Total", "Lineitem quantity", "Orders", "Billing Zip"),
            )
        ],
    ),
    Case(
        "TikTok overview without years, across new year",
        lambda folder: files.tiktok(
            folder / "overview.csv",
            [{"Date": D(2025, 12, 31), "Video Views": 50}, {"Date": D(2026, 1, 1), "Video Views": 1500}],
        ),
        [
            Table(
                "TikTok",
                (D(2025, 12, 31), D(2026, 1, 1)),
                [(2, D(2025, 12, 31), 50), (3, D(2026, 1, 1), 1500)],
                ("Video Views",),
            )
        ],
    ),
    Case(
        "TikTok overview with years",
        lambda folder: files.tiktok(
            folder / "overview.csv", [{"Date": D(2024, 2, 29), "Likes": 3}], with_year=True
        ),
        [Table("TikTok", (D(2024, 2, 29),) * 2, [(2, D(2024, 2, 29), 3)], ("Likes",))],
    ),
    Case(
        "Daily CSV with a # preamble",
        lambda folder: files.daily_csv(
            folder / "leads.csv",
            ["Date", "Leads", "Rate"],
            [{"Date": D(2026, 1, 2), "Leads": 12, "Rate": "2.5%"}, {"Date": D(2026, 1, 1), "Leads": 1500.5}],
            before=["# Leads from the CRM", "#"],
        ),
        [
            Table(
                "Daily CSV",
                (D(2026, 1, 1), D(2026, 1, 2)),
                [(4, D(2026, 1, 2), 12, 0.025), (5, D(2026, 1, 1), 1500.5, None)],
                ("Leads", "Rate"),
            )
        ],
    ),
    Case(
        "Daily CSV in German: ; and decimal commas, with a BOM",
        lambda folder: files.daily_csv(
            folder / "leads.csv",
            ["Datum", "Leads", "Umsatz"],
            [
                {"Datum": "01.09.2025", "Leads": 1234, "Umsatz": 1234.5},
                {"Datum": "02.09.2025", "Umsatz": "12,5%"},
            ],
            comma=True,
            bom=True,
        ),
        [
            Table(
                "Daily CSV",
                (D(2025, 9, 1), D(2025, 9, 2)),
                [(2, D(2025, 9, 1), 1234, 1234.5), (3, D(2025, 9, 2), None, 0.125)],
                ("Leads", "Umsatz"),
            )
        ],
    ),
    Case(
        "Daily CSV with a second header row describing the columns",
        lambda folder: files.write_csv(
            folder / "insights.csv",
            [
                ["Date", "Lifetime Total Likes"],
                ["", "The total number of people who have liked your Page"],
                ["2025-09-01", "15,000"],
            ],
        ),
        [Table("Daily CSV", (D(2025, 9, 1),) * 2, [(3, D(2025, 9, 1), 15000)], ("Lifetime Total Likes",))],
    ),
    Case(
        "Monthly CSV",
        lambda folder: files.monthly_csv(
            folder / "monthly.csv", [("M1", "2026-03", 12), ("M2", "2026-04", 0.5)]
        ),
        [Table("Monthly CSV", (D(2026, 3, 1), D(2026, 4, 30)), [(2, None, 12), (3, None, 0.5)], ("Actual",))],
    ),
]


@pytest.mark.parametrize("case", CASES, ids=[case.id for case in CASES])
def test_each_kind_reads_as_written(case: Case, tmp_path: Path) -> None:
    exports = read_export(case.build(tmp_path), TODAY)
    assert [
        _summary(export, table.columns) for export, table in zip(exports, case.tables, strict=False)
    ] == list(case.tables)
    assert len(exports) == len(case.tables)
