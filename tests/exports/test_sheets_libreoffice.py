"""LinkedIn's legacy .xls workbooks, made by LibreOffice from .xlsx files, read as the .xlsx are."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import export_files as files
import pytest
from libreoffice import convert, needs_libreoffice

from sheetplan.exports.read import read_export

pytestmark = needs_libreoffice

TODAY = date(2026, 10, 1)


def _followers(folder: Path) -> Path:
    rows = [
        {"Date": date(2025, 9, 1), "Sponsored followers": 0, "Organic followers": 3, "Total followers": 3},
        {"Date": date(2025, 9, 2), "Organic followers": 1, "Auto-invited followers": 2, "Total followers": 3},
    ]
    return files.linkedin_followers(folder / "followers.xlsx", rows)


def _visitors(folder: Path) -> Path:
    rows = [{"Date": date(2025, 9, 1), "Total page views (total)": 40, "Total unique visitors (total)": 17}]
    return files.linkedin_visitors(folder / "visitors.xlsx", rows)


def _content(folder: Path) -> Path:
    metrics = [{"Date": date(2025, 9, 1), "Impressions (organic)": 300, "Engagement rate (organic)": 0.0345}]
    posts = [
        {
            "Post title": "Launch &amp; more",
            "Post link": "https://www.linkedin.com/feed/update/urn:li:activity:1",
            "Created date": date(2025, 9, 1),
            "Impressions": 250,
            "Clicks": 4,
        }
    ]
    return files.linkedin_content(folder / "content.xlsx", metrics, posts)


@pytest.mark.parametrize("build", [_followers, _visitors, _content], ids=["followers", "visitors", "content"])
def test_an_xls_reads_as_the_xlsx_it_was_made_from(build: object, tmp_path: Path) -> None:
    xlsx = build(tmp_path)  # type: ignore[operator]
    xls = convert(xlsx, "xls", tmp_path)
    from_xlsx, from_xls = read_export(xlsx, TODAY), read_export(xls, TODAY)
    assert [(export.kind, export.rows, export.posts, export.coverage) for export in from_xls] == [
        (export.kind, export.rows, export.posts, export.coverage) for export in from_xlsx
    ]
    assert from_xls[0].rows
    assert from_xls[0].rows[0].number == 3
